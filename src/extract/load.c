/* load.c - read an input file or stdin, gunzipping transparently.
 *
 * Web pages arrive gzip-compressed as often as not (saved responses,
 * crawl dumps), so gzip is recognised by its magic bytes, not its name.
 * The size cap applies after decompression, which is what defuses a
 * zip bomb. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/buf.h"
#include "../util/error.h"
#include "../util/zapi.h"
#include "gisa.h"

/* Raw bytes read beyond the limit before giving up: gzip data slightly
 * larger than its content must still be read whole. */
#define RAW_SLACK ((size_t)1024 * 1024)

static gisa_status read_all(FILE *f, const char *label, size_t max, buf *out,
                            gisa_error *err)
{
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (out->len + n > max + RAW_SLACK)
            return gisa_fail(err, GISA_ERR_INPUT,
                             "%s: input is larger than the limit of %zu bytes",
                             label, max);
        buf_append(out, chunk, n);
        if (out->oom)
            return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", label);
    }
    if (ferror(f))
        return gisa_fail(err, GISA_ERR_IO, "%s: read error: %s", label,
                         strerror(errno));
    return GISA_OK;
}

/* The size a single-member gzip file says it inflates to (its last four
 * bytes), when that is plausible; 0 otherwise. Sizing the output once
 * saves the copies of growing it. */
static size_t gzip_size_hint(const buf *in, size_t max)
{
    if (in->len < 18)
        return 0;
    const unsigned char *t = (const unsigned char *)in->ptr + in->len - 4;
    size_t n = (size_t)t[0] | (size_t)t[1] << 8 | (size_t)t[2] << 16 | (size_t)t[3] << 24;
    return n > 0 && n <= max ? n : 0;
}

static gisa_status gunzip(const buf *in, const char *label, size_t max, buf *out,
                          gisa_error *err)
{
    const char *why;
    if (!z_api_get(&why))
        return gisa_fail(err, GISA_ERR_INPUT, "%s: %s", label, why);
    size_t hint = gzip_size_hint(in, max);
    if (hint && !buf_reserve(out, hint))
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", label);
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 32) != Z_OK) /* +32: gzip or zlib header */
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: cannot start gunzip", label);
    z.next_in = (unsigned char *)in->ptr;
    z.avail_in = (uInt)in->len;
    gisa_status st = GISA_OK;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (out->cap - out->len < 4097 && !buf_reserve(out, 65536)) {
            st = gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", label);
            break;
        }
        size_t room = out->cap - out->len - 1; /* keep a byte for the NUL */
        if (room > max + 1 - out->len) /* never inflate far past the limit */
            room = max + 1 - out->len;
        if (room > 1u << 30)
            room = 1u << 30;
        z.next_out = (unsigned char *)out->ptr + out->len;
        z.avail_out = (uInt)room;
        rc = inflate(&z, Z_NO_FLUSH);
        out->len += room - z.avail_out;
        if (out->len > max) {
            st = gisa_fail(err, GISA_ERR_INPUT,
                           "%s: decompressed data is larger than the limit of %zu bytes",
                           label, max);
            break;
        }
        if (rc == Z_STREAM_END && z.avail_in > 0) {
            /* Concatenated gzip members, as `cat a.gz b.gz` makes. */
            if (inflateReset(&z) != Z_OK)
                break;
            rc = Z_OK;
            continue;
        }
        if (rc == Z_BUF_ERROR && z.avail_in == 0) {
            st = gisa_fail(err, GISA_ERR_INPUT,
                           "%s: truncated gzip data (ends after %zu bytes decompressed)",
                           label, out->len);
            break;
        }
        if (rc != Z_OK && rc != Z_STREAM_END) {
            st = gisa_fail(err, GISA_ERR_INPUT, "%s: corrupt gzip data (%s)", label,
                           z.msg ? z.msg : "inflate failed");
            break;
        }
    }
    inflateEnd(&z);
    if (out->ptr)
        out->ptr[out->len] = '\0';
    return st;
}

static int is_gzip(const buf *b)
{
    return b->len >= 2 && (unsigned char)b->ptr[0] == 0x1f &&
           (unsigned char)b->ptr[1] == 0x8b;
}

gisa_status gisa_load(const char *path, size_t max, gisa_bytes *out,
                      gisa_error *err)
{
    const char *label = input_label(path);
    out->data = NULL;
    out->len = 0;
    if (!path)
        return gisa_fail(err, GISA_ERR_USAGE, "no input given");
    if (max == 0)
        max = GISA_DEFAULT_MAX_INPUT;
    if (max > SIZE_MAX / 2) /* so that max + RAW_SLACK and max + 1 cannot wrap */
        max = SIZE_MAX / 2;
    int use_stdin = strcmp(path, "-") == 0;
    FILE *f = use_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return gisa_fail(err, GISA_ERR_IO, "%s: cannot open: %s", label,
                         strerror(errno));
    struct stat st;
    int have_st = !use_stdin && fstat(fileno(f), &st) == 0;
    if (have_st && S_ISDIR(st.st_mode)) {
        fclose(f);
        return gisa_fail(err, GISA_ERR_IO, "%s: is a directory", label);
    }
    if (have_st && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max + RAW_SLACK) {
        fclose(f); /* read_all would refuse it anyway, after reading max bytes */
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: input is larger than the limit of %zu bytes", label, max);
    }
    buf raw = BUF_INIT;
    if (have_st && S_ISREG(st.st_mode))
        buf_reserve(&raw, (size_t)st.st_size); /* one allocation for the whole file */
    gisa_status rc = read_all(f, label, max, &raw, err);
    if (!use_stdin)
        fclose(f);
    if (rc == GISA_OK && is_gzip(&raw)) {
        buf plain = BUF_INIT;
        rc = gunzip(&raw, label, max, &plain, err);
        buf_free(&raw);
        raw = plain;
    }
    if (rc == GISA_OK && raw.len > max)
        rc = gisa_fail(err, GISA_ERR_INPUT,
                       "%s: input is larger than the limit of %zu bytes", label, max);
    if (rc == GISA_OK && raw.len == 0)
        rc = gisa_fail(err, GISA_ERR_INPUT, "%s: input is empty", label);
    if (rc != GISA_OK) {
        buf_free(&raw);
        return rc;
    }
    out->data = (unsigned char *)buf_detach(&raw, &out->len);
    return GISA_OK;
}

void gisa_bytes_free(gisa_bytes *b)
{
    free(b->data);
    b->data = NULL;
    b->len = 0;
}
