/* check_driver.c - the cost of gisa_check itself (issue #15: "< 5 ms per
 * post median"), without process start-up and without reading files.
 *
 * usage: check_driver [-r ROUNDS] MANIFEST
 * MANIFEST is tests/check/manifest.tsv (paths relative to the current
 * directory): column 1 the derived post, column 2 its sources, comma-
 * separated. Every post and source is loaded and extracted once; then
 * gisa_check (and gisa_check_free) of each pair is timed ROUNDS times.
 * Prints, over the pairs, the median of each pair's median, the 90th
 * percentile and the slowest pair, in ms:
 *   pairs=N rounds=R median_ms=.. p90_ms=.. max_ms=.. (slowest: PATH)
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gisa.h"
#include "timing.h"

#define MAX_SOURCES 8

/* The value at fraction q of v sorted (q = 0.5: the median). */
static double quantile(double *v, size_t n, double q)
{
    if (!n)
        return 0;
    qsort(v, n, sizeof *v, cmp_double);
    size_t i = (size_t)(q * (double)(n - 1) + 0.5);
    return v[i < n ? i : n - 1];
}

static gisa_document *load(const char *path)
{
    gisa_bytes bytes;
    gisa_error err;
    gisa_document *doc = NULL;
    if (gisa_load(path, 0, &bytes, &err) != GISA_OK) {
        fprintf(stderr, "check_driver: %s\n", err.message);
        return NULL;
    }
    gisa_source src = {path, bytes.data, bytes.len, NULL, NULL, NULL, NULL};
    if (gisa_extract(&src, NULL, &doc, &err) != GISA_OK)
        fprintf(stderr, "check_driver: %s\n", err.message);
    gisa_bytes_free(&bytes);
    return doc;
}

/* The median over `rounds` of one pair's gisa_check; -1 if it failed. */
static double time_pair(const gisa_document *derived, const gisa_document *const *srcs,
                        size_t nsrc, int rounds, double *per)
{
    for (int r = 0; r < rounds; r++) {
        gisa_check_report *rep;
        gisa_error err;
        double t0 = now_ms();
        if (gisa_check(derived, srcs, nsrc, &rep, &err) != GISA_OK) {
            fprintf(stderr, "check_driver: %s\n", err.message);
            return -1;
        }
        gisa_check_free(rep);
        per[r] = now_ms() - t0;
    }
    return quantile(per, (size_t)rounds, 0.5);
}

/* Split column 2 at commas and load each source; returns how many, or -1. */
static int load_sources(char *list, gisa_document **srcs)
{
    int n = 0;
    for (char *s = strtok(list, ","); s; s = strtok(NULL, ",")) {
        if (n == MAX_SOURCES || !(srcs[n] = load(s)))
            return -1;
        n++;
    }
    return n;
}

int main(int argc, char **argv)
{
    int rounds = 50, first = 1;
    if (argc > 2 && !strcmp(argv[1], "-r")) {
        rounds = atoi(argv[2]);
        first = 3;
    }
    if (first != argc - 1 || rounds < 1) {
        fprintf(stderr, "usage: check_driver [-r ROUNDS] MANIFEST\n");
        return 2;
    }
    FILE *f = fopen(argv[first], "r");
    if (!f) {
        perror(argv[first]);
        return 1;
    }
    size_t n = 0, cap = 256, slow = 0;
    double *med = malloc(cap * sizeof *med), *per = malloc((size_t)rounds * sizeof *per);
    char **names = malloc(cap * sizeof *names);
    char *line = NULL;
    size_t linecap = 0;
    int rc = 0;
    while (rc == 0 && getline(&line, &linecap, f) > 0) {
        char *save, *path = strtok_r(line, "\t\n", &save), *list = strtok_r(NULL, "\t\n", &save);
        if (!path || !list || *path == '#')
            continue;
        gisa_document *derived = load(path), *srcs[MAX_SOURCES];
        int ns = derived ? load_sources(list, srcs) : -1;
        double t = ns > 0 ? time_pair(derived, (const gisa_document *const *)srcs, (size_t)ns,
                                      rounds, per)
                          : -1;
        for (int i = 0; i < ns; i++)
            gisa_document_free(srcs[i]);
        gisa_document_free(derived);
        if (t < 0) {
            fprintf(stderr, "check_driver: %s: not checked\n", path);
            rc = 1;
            break;
        }
        if (n == cap) {
            cap *= 2;
            med = realloc(med, cap * sizeof *med);
            names = realloc(names, cap * sizeof *names);
        }
        if (n == 0 || t > med[slow])
            slow = n;
        names[n] = strdup(path);
        med[n++] = t;
    }
    fclose(f);
    free(line);
    if (rc == 0) {
        const char *slowest = n ? names[slow] : "-";
        double max = n ? med[slow] : 0;
        double m = quantile(med, n, 0.5), p90 = quantile(med, n, 0.9);
        printf("pairs=%zu rounds=%d median_ms=%.3f p90_ms=%.3f max_ms=%.3f (slowest: %s)\n", n,
               rounds, m, p90, max, slowest);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(med);
    free(per);
    return rc;
}
