/* rewrite_driver.c - gisa's own cost of a rewrite (issue #16): everything
 * gisa_rewrite does but waiting for the model.
 *
 * usage: rewrite_driver [-r ROUNDS] FILE...
 * The model is a function in this process that answers at once: the
 * section's source text (from the prompt) with its endings in 해요체
 * ("했다." -> "했어요."; the release's title for the [title] prompt, the
 * lead section for [excerpt], of which three sentences are taken), and, in the "slips" run, one figure of each
 * section changed on the first ask, so that every section goes through a
 * retry round and a second check. The time spent inside the model function
 * is subtracted. gisa_compose of the same page is timed in the same run,
 * for a same-run ratio. Prints a line per page, then:
 *   pages=N median_compose_ms=.. median_rewrite_ms=.. median_rewrite_slips_ms=..
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gisa.h"
#include "timing.h"

typedef struct model_state {
    int slips;
    double spent; /* ms inside the model */
} model_state;

/* s with every `from` replaced by `to` (malloc'd). */
static char *replace_all(const char *s, const char *from, const char *to)
{
    size_t n = 0, lf = strlen(from), lt = strlen(to);
    for (const char *p = s; (p = strstr(p, from)); p += lf)
        n++;
    char *out = malloc(strlen(s) + n * (lt > lf ? lt - lf : 0) + 1), *o = out;
    for (const char *p = s, *q; out; p = q + lf) {
        if (!(q = strstr(p, from))) {
            strcpy(o, p);
            break;
        }
        memcpy(o, p, (size_t)(q - p));
        o += q - p;
        memcpy(o, to, lt);
        o += lt;
    }
    return out;
}

static gisa_status answer(void *ctx, const char *system, const char *prompt, char **out,
                          gisa_error *err)
{
    (void)system, (void)err;
    model_state *m = ctx;
    double t0 = now_ms();
    const char *title = strstr(prompt, "제목 한 줄") ? strstr(prompt, "「") : NULL;
    if (title) { /* [title]: the release's title, from the prompt's 「」 */
        title += strlen("「");
        const char *end = strstr(title, "」");
        *out = strndup(title, end ? (size_t)(end - title) : strlen(title));
        m->spent += now_ms() - t0;
        return *out ? GISA_OK : GISA_ERR_NOMEM;
    }
    const char *retry = strstr(prompt, "고쳐 쓸 문장:\n");
    const char *src = retry ? retry + strlen("고쳐 쓸 문장:\n") : strstr(prompt, "원문:\n");
    src = src ? src + (retry ? 0 : strlen("원문:\n")) : prompt;
    char *text = strndup(src, retry ? strcspn(src, "\n") : strlen(src));
    char *soft = replace_all(text, "했다.", "했어요.");
    free(text);
    if (m->slips && !retry) { /* the first digit of the section, one higher */
        char *d = soft ? strpbrk(soft, "123456789") : NULL;
        if (d)
            *d = *d == '9' ? '1' : (char)(*d + 1);
    }
    *out = soft;
    m->spent += now_ms() - t0;
    return soft ? GISA_OK : GISA_ERR_NOMEM;
}

/* Time one rewrite, less the model's time; -1 if it failed. */
static double rewrite_once(const gisa_document *doc, int slips)
{
    model_state st = {slips, 0};
    gisa_model *model;
    gisa_error err;
    if (gisa_model_function(answer, &st, "bench", &model, &err) != GISA_OK)
        return -1;
    gisa_post_options po = {.format = GISA_POST_JEKYLL, .date = "2026-01-01"};
    gisa_rewrite_options ro = {.model = model};
    gisa_post post;
    gisa_rewrite_stats stats;
    double t0 = now_ms();
    gisa_status rc = gisa_rewrite(doc, &po, &ro, &post, &stats, NULL, &err);
    double t = now_ms() - t0 - st.spent;
    if (getenv("REWRITE_BENCH_DEBUG"))
        fprintf(stderr, "%s: slips=%d rewritten=%zu retried=%zu replaced=%zu sections=%zu failed=%zu\n", doc->source_name, slips, stats.rewritten, stats.retried, stats.replaced, stats.sections, stats.failed);
    gisa_model_free(model);
    if (rc != GISA_OK) {
        fprintf(stderr, "%s: %s\n", doc->source_name, err.message);
        return -1;
    }
    gisa_post_clear(&post);
    return t;
}

static double compose_once(const gisa_document *doc)
{
    gisa_post_options po = {.format = GISA_POST_JEKYLL, .date = "2026-01-01"};
    gisa_post post;
    gisa_error err;
    double t0 = now_ms();
    if (gisa_compose(doc, &po, &post, &err) != GISA_OK)
        return -1;
    double t = now_ms() - t0;
    gisa_post_clear(&post);
    return t;
}

int main(int argc, char **argv)
{
    int rounds = 20, first = 1;
    if (argc > 2 && !strcmp(argv[1], "-r")) {
        rounds = atoi(argv[2]);
        first = 3;
    }
    if (first >= argc || rounds < 1) {
        fprintf(stderr, "usage: rewrite_driver [-r ROUNDS] FILE...\n");
        return 2;
    }
    size_t pages = 0, n = (size_t)(argc - first);
    double *med[3], *per = calloc((size_t)rounds, sizeof(double));
    for (int s = 0; s < 3; s++)
        med[s] = calloc(n, sizeof(double));
    for (size_t p = 0; p < n; p++) {
        const char *path = argv[first + (int)p];
        gisa_bytes bytes;
        gisa_error err;
        gisa_document *doc;
        if (gisa_load(path, 0, &bytes, &err) != GISA_OK) {
            fprintf(stderr, "%s\n", err.message);
            return 1;
        }
        gisa_source src = {path, bytes.data, bytes.len, NULL, NULL, NULL, NULL};
        if (gisa_extract(&src, NULL, &doc, &err) != GISA_OK) {
            fprintf(stderr, "%s\n", err.message);
            return 1;
        }
        double v[3];
        int ok = 1;
        for (int s = 0; s < 3 && ok; s++) {
            for (int r = 0; r < rounds && ok; r++) {
                per[r] = s == 0 ? compose_once(doc) : rewrite_once(doc, s == 2);
                ok = per[r] >= 0;
            }
            v[s] = median(per, (size_t)rounds);
        }
        if (ok) {
            printf("%s compose=%.3f rewrite=%.3f rewrite_slips=%.3f ms\n", path, v[0], v[1],
                   v[2]);
            for (int s = 0; s < 3; s++)
                med[s][pages] = v[s];
            pages++;
        } else {
            printf("%s skipped (not rewritten)\n", path);
        }
        gisa_document_free(doc);
        gisa_bytes_free(&bytes);
    }
    printf("pages=%zu median_compose_ms=%.3f median_rewrite_ms=%.3f median_rewrite_slips_ms=%.3f\n",
           pages, median(med[0], pages), median(med[1], pages), median(med[2], pages));
    for (int s = 0; s < 3; s++)
        free(med[s]);
    free(per);
    return 0;
}
