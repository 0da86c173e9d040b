/* gate.c - the model's sentences judged against the source, with gisa
 * check's judge (check_run, the source analysed once by compose).
 *
 * All the sentences of one round go into one check, each its own
 * paragraph, so the source is indexed once per round, not per sentence;
 * the report's sentences are then matched back to ours in order. */
#include <string.h>

#include "../check/check.h"
#include "../util/error.h"
#include "rewrite.h"

static const char *const verdict_names[] = {"supported", "unsupported", "contradicted"};

const char *fact_kind_label(const char *kind)
{
    /* in gisa_fact_kind's order; a kind without a label keeps its name */
    static const char *const labels[] = {"인물", "기관", "장소", "날짜", "숫자", "기간",
                                         "인용", "합의", "긍정·부정", "단정 여부", "근거 없는 내용"};
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (!strcmp(kind, fact_kind_name((gisa_fact_kind)i)))
            return labels[i];
    return kind;
}

/* Which of sentences[0..n) holds report sentence `rs`: the one at the
 * cursor or a later one, else (text folded by the analysis, so no longer
 * a substring) the cursor's. The cursor moves past what was matched. */
static size_t place(const char *const *sentences, size_t n, const char *rs, size_t *cur,
                    size_t *off)
{
    for (size_t j = *cur; j < n; j++) {
        const char *at = strstr(sentences[j] + (j == *cur ? *off : 0), rs);
        if (at) {
            *cur = j;
            *off = (size_t)(at - sentences[j]) + strlen(rs);
            return j;
        }
    }
    return *cur < n ? *cur : n - 1;
}

static const char *keep(arena *mem, const char *s)
{
    return s ? arena_strdup(mem, s) : NULL;
}

static int has_flag(const gate_result *g, size_t j, const flag *f)
{
    for (size_t k = 0; k < g->nflags[j]; k++)
        if (!strcmp(g->flags[j][k].text, f->text) && !strcmp(g->flags[j][k].kind, f->kind))
            return 1;
    return 0;
}

/* Are these words anywhere in the source as written? */
int gate_in_source(const post_model *m, const char *text)
{
    if (m->doc->title && strstr(m->doc->title, text))
        return 1;
    for (size_t i = 0; i < m->an->nsentences; i++)
        if (strstr(m->an->sentences[i].text, text))
            return 1;
    return 0;
}

/* The analysis lists an entity once, at its first mention: an invented
 * figure the model repeats in a later sentence (the excerpt restating the
 * lead, say) is flagged only where it first appears. Every sentence of the
 * batch holding the words of a flagged fact that the source never writes
 * is flagged with it, so a repeat cannot pass the gate (the final check
 * of the whole post would catch it, one round later). Words the source
 * does write (a name given the wrong title) are wrong only where flagged. */
static void spread(const post_model *m, const char *const *sentences, size_t n, arena *mem,
                   gate_result *g)
{
    size_t total = 0;
    for (size_t j = 0; j < n; j++)
        total += g->nflags[j];
    if (!total)
        return;
    for (size_t j = 0; j < n; j++)
        for (size_t k = 0; k < g->nflags[j]; k++) {
            const flag *f = &g->flags[j][k];
            if (!f->text || !*f->text || gate_in_source(m, f->text))
                continue;
            for (size_t i = 0; i < n; i++) {
                if (i == j || !strstr(sentences[i], f->text) || has_flag(g, i, f))
                    continue;
                flag *grown = arena_alloc(mem, (g->nflags[i] + 1) * sizeof *grown);
                if (!grown)
                    return;
                if (g->nflags[i])
                    memcpy(grown, g->flags[i], g->nflags[i] * sizeof *grown);
                grown[g->nflags[i]++] = *f;
                g->flags[i] = grown;
            }
        }
}

gisa_status gate_check(const post_model *m, const char *const *sentences, size_t n,
                       arena *mem, gate_result *out, gisa_error *err)
{
    out->flags = arena_calloc(mem, n + 1, sizeof *out->flags);
    out->nflags = arena_calloc(mem, n + 1, sizeof *out->nflags);
    gisa_block *blocks = arena_calloc(mem, n + 1, sizeof *blocks);
    if (!out->flags || !out->nflags || !blocks)
        return gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    if (!n)
        return GISA_OK;
    for (size_t i = 0; i < n; i++) {
        blocks[i].kind = GISA_BLOCK_PARAGRAPH;
        blocks[i].text = sentences[i];
    }
    gisa_document d;
    memset(&d, 0, sizeof d);
    d.source_name = "the model's answer";
    d.date = m->date; /* "올해" means the release's year */
    d.lang = m->doc->lang;
    d.blocks = blocks;
    d.nblocks = n;
    const gisa_document *srcs[] = {m->doc};
    gisa_analysis *const an[] = {m->an};
    gisa_check_report *r;
    gisa_status st = check_run(&d, srcs, an, 1, &r, err);
    if (st != GISA_OK)
        return st;
    size_t *of = arena_calloc(mem, r->nsentences + 1, sizeof *of), cur = 0, off = 0;
    for (size_t k = 0; of && k < r->nsentences; k++)
        of[k] = place(sentences, n, r->sentences[k], &cur, &off);
    for (size_t i = 0; of && i < r->nfacts; i++) {
        const gisa_fact *f = &r->facts[i];
        if (f->verdict == GISA_SUPPORTED || f->sentence >= r->nsentences)
            continue;
        size_t j = of[f->sentence];
        flag *grown = arena_alloc(mem, (out->nflags[j] + 1) * sizeof *grown);
        if (!grown)
            break;
        if (out->nflags[j])
            memcpy(grown, out->flags[j], out->nflags[j] * sizeof *grown);
        grown[out->nflags[j]++] = (flag){fact_kind_name(f->kind), keep(mem, f->text),
                                         verdict_names[f->verdict], keep(mem, f->source_text),
                                         keep(mem, f->source_sentence), keep(mem, f->note)};
        out->flags[j] = grown;
    }
    gisa_check_free(r);
    if (of)
        spread(m, sentences, n, mem, out);
    return of ? GISA_OK : gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
}
