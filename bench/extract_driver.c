/* extract_driver.c - time libgisa on a set of pages, in one process.
 *
 * For each page: gisa_load (read + gunzip), gisa_extract, gisa_render to
 * text and to JSON, gisa_document_free. That span is timed per page. The
 * outputs are then written to DIR/<id>.txt and DIR/<id>.json with plain
 * stdio, outside the timed span: the gisa CLI fsyncs every file it writes
 * in batch mode, which measures the disk, not the extractor.
 *
 * usage: extract_driver [--out DIR] FILE...
 * Prints one summary line to stdout:
 *   pages=N failed=N total_ms=T median_ms=M maxrss_kb=K
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "gisa.h"
#include "timing.h"

/* "dir/0001.html.gz" -> "0001" */
static void page_id(const char *path, char *id, size_t cap)
{
    const char *base = strrchr(path, '/');
    snprintf(id, cap, "%s", base ? base + 1 : path);
    char *dot = strchr(id, '.');
    if (dot)
        *dot = '\0';
}

static void write_file(const char *dir, const char *id, const char *ext, const char *s,
                       size_t len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.%s", dir, id, ext);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(s, 1, len, f) != len) {
        fprintf(stderr, "extract_driver: cannot write %s\n", path);
        exit(3);
    }
    fclose(f);
}

/* Load, extract and render one page; returns the time taken, or -1. */
static double one_page(const char *path, const char *out_dir)
{
    gisa_error err;
    gisa_bytes bytes;
    gisa_document *doc = NULL;
    char *text = NULL, *json = NULL;
    size_t tlen = 0, jlen = 0;
    double t0 = now_ms();
    if (gisa_load(path, 0, &bytes, &err) != GISA_OK) {
        fprintf(stderr, "%s\n", err.message);
        return -1;
    }
    gisa_source src = {path, bytes.data, bytes.len, NULL, NULL, NULL, NULL};
    gisa_status st = gisa_extract(&src, NULL, &doc, &err);
    gisa_bytes_free(&bytes);
    if (st == GISA_OK && gisa_render(doc, GISA_FORMAT_TEXT, &text, &tlen, &err) == GISA_OK)
        st = gisa_render(doc, GISA_FORMAT_JSON, &json, &jlen, &err);
    gisa_document_free(doc);
    double t = now_ms() - t0;
    if (st != GISA_OK) {
        fprintf(stderr, "%s\n", err.message);
        gisa_free(text);
        return -1;
    }
    if (out_dir) {
        char id[256];
        page_id(path, id, sizeof id);
        write_file(out_dir, id, "txt", text, tlen);
        write_file(out_dir, id, "json", json, jlen);
    }
    gisa_free(text);
    gisa_free(json);
    return t;
}

int main(int argc, char **argv)
{
    const char *out_dir = NULL;
    int first = 1;
    if (argc > 2 && !strcmp(argv[1], "--out")) {
        out_dir = argv[2];
        first = 3;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: extract_driver [--out DIR] FILE...\n");
        return 2;
    }
    double *ms = calloc((size_t)(argc - first), sizeof *ms);
    if (!ms)
        return 4;
    int n = 0, failed = 0;
    double total = 0;
    for (int i = first; i < argc; i++) {
        double t = one_page(argv[i], out_dir);
        if (t < 0) {
            failed++;
            continue;
        }
        ms[n++] = t;
        total += t;
    }
    qsort(ms, (size_t)n, sizeof *ms, cmp_double);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("pages=%d failed=%d total_ms=%.1f median_ms=%.3f maxrss_kb=%ld\n", n, failed,
           total, n ? (n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2) : 0.0,
           ru.ru_maxrss);
    free(ms);
    return failed ? 1 : 0;
}
