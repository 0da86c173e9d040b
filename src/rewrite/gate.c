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

static const char *const kind_names[] = {"person", "organisation", "place", "date",
                                         "number", "duration", "quote", "agreement",
                                         "polarity", "modality"};
static const char *const verdict_names[] = {"supported", "unsupported", "contradicted"};

const char *fact_kind_label(const char *kind)
{
    static const char *const labels[] = {"인물", "기관", "장소", "날짜", "숫자",
                                         "기간", "인용", "합의", "긍정·부정", "단정 여부"};
    for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++)
        if (!strcmp(kind, kind_names[i]))
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
        grown[out->nflags[j]++] = (flag){kind_names[f->kind], keep(mem, f->text),
                                         verdict_names[f->verdict], keep(mem, f->source_text),
                                         keep(mem, f->source_sentence), keep(mem, f->note)};
        out->flags[j] = grown;
    }
    gisa_check_free(r);
    return of ? GISA_OK : gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
}
