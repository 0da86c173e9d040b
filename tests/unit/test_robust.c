/* test_robust.c - cut and damaged copies of the samples: every prefix (in
 * steps) and copies with bytes overwritten by a fixed pseudo-random
 * sequence. Each must give a document or a one-line error naming the
 * input; under the sanitizer build this is where memory errors show. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "util.h"

#ifndef GISA_EXAMPLES_DIR
#error "GISA_EXAMPLES_DIR must name the examples directory"
#endif

static const char *const samples[] = {
    "korea-kr-release.html", "korea-kr-release.euckr.html", "naver-news.html",
    "newspaper.html", "release-dump.txt",
};

static char *slurp(const char *name, size_t *n)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", GISA_EXAMPLES_DIR, name);
    gisa_bytes b;
    gisa_error err;
    if (gisa_load(path, 0, &b, &err) != GISA_OK) {
        fprintf(stderr, "%s\n", err.message);
        return NULL;
    }
    *n = b.len;
    return (char *)b.data;
}

/* Extract, render every format and compose; check the failure contract. */
static void exercise(const char *data, size_t n, const char *what)
{
    gisa_error err;
    memset(&err, 0, sizeof err);
    gisa_document *d = extract_str("damaged.html", data, n, GISA_INPUT_AUTO, &err);
    if (!d) {
        if (err.status != GISA_ERR_INPUT || !strstr(err.message, "damaged.html") ||
            strchr(err.message, '\n')) {
            fprintf(stderr, "%s: bad error (%d) \"%s\"\n", what, err.status, err.message);
            check_failures++;
        }
        return;
    }
    for (int f = GISA_FORMAT_TEXT; f <= GISA_FORMAT_JSON; f++) {
        char *out = render_str(d, (gisa_format)f);
        if (!out) {
            fprintf(stderr, "%s: render %d failed\n", what, f);
            check_failures++;
        }
        free(out);
    }
    gisa_post_options o;
    memset(&o, 0, sizeof o);
    o.date = "2026-01-01";
    gisa_post post;
    if (gisa_compose(d, &o, &post, &err) == GISA_OK)
        gisa_post_clear(&post);
    gisa_document_free(d);
}

int main(void)
{
    uint32_t seed = 12345;
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
        size_t n = 0;
        char *data = slurp(samples[i], &n);
        CHECK(data != NULL);
        if (!data)
            continue;
        char what[128];
        for (size_t cut = 1; cut < n; cut += 211) {
            snprintf(what, sizeof what, "%s cut at %zu", samples[i], cut);
            exercise(data, cut, what);
        }
        char *copy = malloc(n);
        for (int round = 0; round < 40; round++) {
            memcpy(copy, data, n);
            for (int k = 0; k < 24; k++) {
                seed = seed * 1103515245u + 12345u;
                size_t at = (seed >> 8) % n;
                seed = seed * 1103515245u + 12345u;
                copy[at] = (char)(seed >> 16);
            }
            snprintf(what, sizeof what, "%s damaged, round %d", samples[i], round);
            exercise(copy, n, what);
        }
        free(copy);
        free(data);
    }
    CHECK_DONE();
}
