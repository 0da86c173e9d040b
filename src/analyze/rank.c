/* rank.c - sentence ranking for extractive summaries.
 *
 * TextRank over a sentence graph whose edges are the overlap of stemmed
 * tokens, normalised by sentence lengths (Mihalcea & Tarau 2004), plus the
 * cosine of their character bigrams; then evidence that news summaries
 * favour: an early position, words shared with the title, and enough
 * content to carry a fact. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "hangul.h"
#include "../util/utf8.h"

/* Only this many sentences enter the O(n^2) graph; later ones are scored
 * without centrality. */
#define GRAPH_MAX 600
#define ITERATIONS 30
#define DAMPING 0.85
#define W_POSITION 0.3
#define W_TITLE 0.3
#define W_LENGTH 1.0
/* Edges add the cosine of character bigrams, which meets words the
 * stemmer leaves apart (저하시킨다 / 저하). */
#define W_BIGRAM 1.0

/* Is the stem of token t content (two characters or more)? */
static int content(const analysis *an, const token *t)
{
    return an->content[t->id];
}

/* Mark the content stems once, so the O(n^2) comparisons stay cheap. */
static int mark_content(analysis *an)
{
    an->content = arena_alloc(&an->mem, an->nwords ? an->nwords : 1);
    if (!an->content)
        return 0;
    for (size_t id = 0; id < an->nwords; id++) {
        an->content[id] = utf8_length(an->words[id], an->word_len[id]) >= 2;
    }
    return 1;
}

static size_t content_count(const analysis *an, const sent_tokens *st)
{
    size_t k = 0;
    for (size_t i = 0; i < st->n; i++)
        k += content(an, &st->tok[i]);
    return k;
}

/* Shared content tokens (multiset overlap) of two sentences; `mark` is a
 * scratch array of vocabulary size, zero on entry and on exit. */
static size_t overlap(const analysis *an, const sent_tokens *a, const sent_tokens *b,
                      uint32_t *mark)
{
    size_t o = 0;
    for (size_t i = 0; i < a->n; i++)
        if (content(an, &a->tok[i]))
            mark[a->tok[i].id]++;
    for (size_t i = 0; i < b->n; i++)
        if (mark[b->tok[i].id] && content(an, &b->tok[i])) {
            mark[b->tok[i].id]--;
            o++;
        }
    for (size_t i = 0; i < a->n; i++)
        mark[a->tok[i].id] = 0;
    return o;
}

static double similarity(size_t o, size_t na, size_t nb)
{
    if (!o)
        return 0.0;
    return (double)o / (log(1.0 + (double)na) + log(1.0 + (double)nb));
}

/* Tokens of the title, in the analysis vocabulary where they occur. */
static sent_tokens title_tokens(analysis *an)
{
    sent_tokens t = {NULL, 0};
    const char *s = an->pub.title;
    if (!s)
        return t;
    size_t len = strlen(s), count = len; /* pieces <= bytes */
    t.tok = arena_alloc(&an->mem, (count ? count : 1) * sizeof *t.tok);
    if (!t.tok)
        return t;
    size_t i = 0, a, b;
    while (t.n < count && next_piece(s, len, &i, &a, &b)) {
        size_t stem = gisa_stem(s + a, b - a);
        for (uint32_t id = 0; id < an->nwords; id++) /* small: the title */
            if (an->word_len[id] == stem && memcmp(an->words[id], s + a, stem) == 0) {
                t.tok[t.n++] = (token){a, b - a, stem, id};
                break;
            }
    }
    return t;
}

int graph_rank(const double *w, const double *out_sum, size_t n, double *r)
{
    double *next = malloc(n * sizeof *next);
    if (!next)
        return 0;
    for (size_t i = 0; i < n; i++)
        r[i] = 1.0 / (double)n;
    for (int it = 0; it < ITERATIONS; it++) {
        memset(next, 0, n * sizeof *next);
        /* row by row: w is symmetric, so row j holds j's out-edges */
        for (size_t j = 0; j < n; j++) {
            if (out_sum[j] <= 0.0)
                continue;
            double share = r[j] / out_sum[j];
            const double *row = w + j * n;
            for (size_t i = 0; i < n; i++)
                next[i] += row[i] * share;
        }
        double change = 0.0;
        for (size_t i = 0; i < n; i++) {
            double v = (1.0 - DAMPING) / (double)n + DAMPING * next[i];
            change += v > r[i] ? v - r[i] : r[i] - v;
            r[i] = v;
        }
        if (change < 1e-10)
            break; /* converged */
    }
    free(next);
    return 1;
}

typedef struct grams {
    uint32_t *h; /* sorted hashes of character bigrams */
    size_t n;
} grams;

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Character bigrams of a sentence's letters (spaces and marks left out). */
static grams bigrams(const char *s)
{
    grams g = {NULL, 0};
    size_t len = strlen(s), cap = len + 1;
    g.h = malloc(cap * sizeof *g.h);
    if (!g.h)
        return g;
    int32_t prev = -1;
    for (size_t i = 0, next; i < len; i = next) {
        int32_t cp = utf8_at(s, len, i, &next);
        if (!is_word_char(cp))
            continue;
        if (prev >= 0)
            g.h[g.n++] = (uint32_t)prev * 1000003u ^ (uint32_t)cp;
        prev = cp;
    }
    qsort(g.h, g.n, sizeof *g.h, cmp_u32);
    return g;
}

static double gram_cosine(const grams *a, const grams *b)
{
    size_t i = 0, j = 0, dot = 0;
    while (i < a->n && j < b->n) {
        if (a->h[i] < b->h[j])
            i++;
        else if (a->h[i] > b->h[j])
            j++;
        else
            dot++, i++, j++;
    }
    return a->n && b->n ? (double)dot / sqrt((double)a->n * (double)b->n) : 0.0;
}

/* Centrality of the first min(n, GRAPH_MAX) sentences, scaled to max 1. */
static void centrality(analysis *an, size_t n, double *r)
{
    double *w = calloc(n * n, sizeof *w);
    double *out_sum = calloc(n, sizeof *out_sum);
    size_t *len = calloc(n, sizeof *len);
    uint32_t *mark = calloc(an->nwords ? an->nwords : 1, sizeof *mark);
    if (!w || !out_sum || !len || !mark) {
        an->oom = 1;
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        len[i] = content_count(an, &an->toks[i]);
    grams *bg = calloc(n, sizeof *bg);
    if (!bg) {
        an->oom = 1;
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        bg[i] = bigrams(((gisa_sentence *)an->sents.data)[i].text);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            double s = similarity(overlap(an, &an->toks[i], &an->toks[j], mark), len[i], len[j]);
            s += W_BIGRAM * gram_cosine(&bg[i], &bg[j]);
            w[i * n + j] = w[j * n + i] = s;
            out_sum[i] += s;
            out_sum[j] += s;
        }
    for (size_t i = 0; i < n; i++)
        free(bg[i].h);
    free(bg);
    if (!graph_rank(w, out_sum, n, r))
        an->oom = 1;
    double max = 0.0;
    for (size_t i = 0; i < n; i++)
        if (r[i] > max)
            max = r[i];
    for (size_t i = 0; i < n; i++)
        r[i] = max > 0.0 ? r[i] / max : 0.0;
done:
    free(w);
    free(out_sum);
    free(len);
    free(mark);
}

static int by_score(const void *a, const void *b, void *ctx)
{
    const gisa_sentence *s = ctx;
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    if (s[i].score != s[j].score)
        return s[i].score > s[j].score ? -1 : 1;
    return i < j ? -1 : i > j;
}

void rank_sentences(analysis *an)
{
    size_t n = an->sents.n;
    if (!n)
        return;
    size_t g = n < GRAPH_MAX ? n : GRAPH_MAX;
    double *r = calloc(g, sizeof *r);
    if (!r || !mark_content(an)) {
        free(r);
        an->oom = 1;
        return;
    }
    centrality(an, g, r);
    sent_tokens title = title_tokens(an);
    uint32_t *mark = calloc(an->nwords ? an->nwords : 1, sizeof *mark);
    gisa_sentence *s = an->sents.data;
    for (size_t i = 0; i < n && mark; i++) {
        size_t len = content_count(an, &an->toks[i]);
        double pos = i == 0 ? 1.0 : 1.0 / sqrt(1.0 + (double)i);
        double tsim = title.n ? similarity(overlap(an, &an->toks[i], &title, mark), len,
                                           content_count(an, &title))
                              : 0.0;
        s[i].score = (i < g ? r[i] : 0.0) + W_POSITION * pos + W_TITLE * tsim +
                     W_LENGTH * log(1.0 + (double)len) / 3.0;
    }
    if (!mark)
        an->oom = 1;
    free(mark);
    free(r);
    /* rank: by score, earlier first on ties (deterministic) */
    size_t *order = malloc(n * sizeof *order);
    if (!order) {
        an->oom = 1;
        return;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    qsort_r(order, n, sizeof *order, by_score, s);
    for (size_t i = 0; i < n; i++)
        s[order[i]].rank = i;
    free(order);
}

size_t gisa_summary(const gisa_analysis *an, size_t k, size_t *index)
{
    if (!an || !index)
        return 0;
    size_t m = 0;
    for (size_t i = 0; i < an->nsentences; i++)
        if (an->sentences[i].rank < k)
            index[m++] = i; /* already in document order */
    return m;
}
