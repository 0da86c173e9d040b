/* compose_driver.c - time extract + analyze + compose per page, in one
 * process, from bytes already in memory.
 *
 * usage: compose_driver [-r ROUNDS] FILE...
 * For each page, ROUNDS times: gisa_extract, gisa_analyze, gisa_compose
 * (Jekyll, which analyses the page itself, reads the post back and checks
 * it), each timed. The pipeline `gisa post` runs is extract + compose; the
 * standalone analysis is shown for what it costs alone (compose repeats
 * it inside). Prints a line per page with the medians, then one summary:
 *   pages=N median_extract_ms=.. median_analyze_ms=.. median_compose_ms=..
 *   median_pipeline_ms=..  (extract + compose)
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gisa.h"
#include "timing.h"

/* One round over one page: GISA_OK, or the status of the stage that
 * failed (its message printed but for a refusal by licence, which the
 * caller reports). */
static gisa_status round_once(const gisa_source *src, double t[3])
{
    gisa_error err;
    gisa_document *doc;
    gisa_analysis *an;
    gisa_post post;
    double a = now_ms();
    if (gisa_extract(src, NULL, &doc, &err) != GISA_OK) {
        fprintf(stderr, "%s: %s\n", src->name, err.message);
        return err.status;
    }
    double b = now_ms();
    gisa_status st = gisa_analyze(doc, NULL, &an, &err);
    int ok = st == GISA_OK, analysed = ok;
    double c = now_ms();
    gisa_post_options po = {.format = GISA_POST_JEKYLL, .date = "2026-01-01"};
    if (ok) {
        st = gisa_compose(doc, &po, &post, &err);
        ok = st == GISA_OK;
    }
    double d = now_ms();
    if (ok)
        gisa_post_clear(&post);
    else if (st != GISA_ERR_LICENSE)
        fprintf(stderr, "%s: %s\n", src->name, err.message);
    gisa_analysis_free(analysed ? an : NULL);
    gisa_document_free(doc);
    t[0] = b - a, t[1] = c - b, t[2] = d - c;
    return st;
}

int main(int argc, char **argv)
{
    int rounds = 20, first = 1;
    if (argc > 2 && !strcmp(argv[1], "-r")) {
        rounds = atoi(argv[2]);
        first = 3;
    }
    if (first >= argc || rounds < 1) {
        fprintf(stderr, "usage: compose_driver [-r ROUNDS] FILE...\n");
        return 2;
    }
    size_t pages = (size_t)(argc - first), timed = 0;
    double *stage[4];
    for (int s = 0; s < 4; s++)
        stage[s] = calloc(pages, sizeof(double));
    double *per = calloc((size_t)rounds * 4, sizeof(double));
    for (size_t p = 0; p < pages; p++) {
        gisa_bytes bytes;
        gisa_error err;
        const char *path = argv[first + (int)p];
        if (gisa_load(path, 0, &bytes, &err) != GISA_OK) {
            fprintf(stderr, "%s\n", err.message);
            return 1;
        }
        gisa_source src = {path, bytes.data, bytes.len, NULL, NULL, NULL, NULL};
        int refused = 0;
        for (int r = 0; r < rounds && !refused; r++) {
            double t[3] = {0, 0, 0};
            gisa_status st = round_once(&src, t);
            refused = st == GISA_ERR_LICENSE;
            if (st != GISA_OK && !refused)
                return 1;
            for (int s = 0; s < 3; s++)
                per[s * rounds + r] = t[s];
            per[3 * rounds + r] = t[0] + t[2]; /* what gisa post runs */
        }
        if (refused) { /* its rights are reserved: nothing to compose */
            printf("%s refused\n", path);
            gisa_bytes_free(&bytes);
            continue;
        }
        for (int s = 0; s < 4; s++)
            stage[s][timed] = median(per + s * rounds, (size_t)rounds);
        printf("%s extract=%.3f analyze=%.3f compose=%.3f pipeline=%.3f ms\n", path,
               stage[0][timed], stage[1][timed], stage[2][timed], stage[3][timed]);
        timed++;
        gisa_bytes_free(&bytes);
    }
    printf("pages=%zu median_extract_ms=%.3f median_analyze_ms=%.3f median_compose_ms=%.3f "
           "median_pipeline_ms=%.3f\n",
           timed, median(stage[0], timed), median(stage[1], timed), median(stage[2], timed),
           median(stage[3], timed));
    for (int s = 0; s < 4; s++)
        free(stage[s]);
    free(per);
    return 0;
}
