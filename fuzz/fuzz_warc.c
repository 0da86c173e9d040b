/* fuzz_warc - any bytes as a WARC file, read record by record to the end.
 *
 * The reader works on files, so the input goes to an in-memory file
 * (memfd) opened by its /proc path. An input starting with 'Z' is
 * compressed first, one gzip member per record as Common Crawl ships
 * them, so that the member-by-member path is reached with valid gzip;
 * any other input is read as it is (plain WARC, or gzip the fuzzer has
 * damaged). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#include "corpus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Append one gzip member holding p[0..n) to fd. */
static void write_member(int fd, const uint8_t *p, size_t n)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (deflateInit2(&zs, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return;
    unsigned char out[16384];
    zs.next_in = (unsigned char *)p;
    zs.avail_in = (uInt)n;
    int rc;
    do {
        zs.next_out = out;
        zs.avail_out = sizeof out;
        rc = deflate(&zs, Z_FINISH);
        if (write(fd, out, sizeof out - zs.avail_out) < 0)
            break;
    } while (rc == Z_OK);
    deflateEnd(&zs);
}

/* Compress p[0..n) as members split before each "WARC/" at a line start. */
static void write_gzip(int fd, const uint8_t *p, size_t n)
{
    size_t start = 0;
    for (size_t i = 1; i + 5 <= n; i++) {
        if (p[i - 1] == '\n' && memcmp(p + i, "WARC/", 5) == 0) {
            write_member(fd, p + start, i - start);
            start = i;
        }
    }
    write_member(fd, p + start, n - start);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = memfd_create("fuzz_warc", 0);
    if (fd < 0)
        return 0;
    if (size > 0 && data[0] == 'Z')
        write_gzip(fd, data + 1, size - 1);
    else if (size > 0 && write(fd, data, size) != (ssize_t)size)
        goto out;
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    gisa_error err;
    warc_reader *r = warc_open(path, 1 << 20, &err);
    if (!r)
        goto out;
    warc_record rec;
    unsigned sum = 0;
    for (int i = 0, rc; i < 10000 && (rc = warc_next(r, &rec, &err)) != 0; i++) {
        if (rc == 1 && rec.len) /* touch the payload's ends */
            sum += rec.body[0] + rec.body[rec.len - 1] + (rec.url ? (unsigned)strlen(rec.url) : 0);
    }
    uint64_t done, total;
    warc_progress(r, &done, &total);
    warc_close(r);
    (void)sum;
out:
    close(fd);
    return 0;
}
