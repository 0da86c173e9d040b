/* tense.c - an event the source says took place, told as still to come.
 *
 * A Korean noun is often dated by the clause before it, whose adnominal
 * ending carries the tense: "이달 실시된 생도 교류" (past: it took place),
 * "회담 뒤에 이어질 생도 교류" (future: it is to come). A rewrite may
 * weaken how sure a plan is, but an event already done cannot be moved
 * into the future. So a future adnominal of the rewrite (the tables
 * below) is contradicted when the source sentence its sentence comes from
 * (half its content words) has a past adnominal of a verbal noun
 * (실시된, 개최한, 발표했던) before a noun phrase sharing two content words
 * with the one after the rewrite's (해군사관학교 … 생도 교류). */
#include <stdlib.h>
#include <string.h>

#include "../analyze/hangul.h"
#include "../util/utf8.h"
#include "check.h"

/* Future adnominal endings: a verbal noun's 할/될, and the -ㄹ of the
 * verb shapes most often put before a noun (이어질, 열릴). */
static const char *const future_ends[] = {"할", "될", "질", "릴", NULL};
/* Past adnominal endings after a verbal noun (실시된, 개최한, 발표했던). */
static const char *const past_ends[] = {"된", "한", "했던", "됐던", "되었던", "하였던", NULL};
/* Nouns after -ㄹ that make it no tense: ability, time, manner (할 수,
 * 열릴 때, 할 만큼). */
static const char *const not_future[] = {"수", "때", "줄", "뿐", "만큼", "경우", NULL};

#define PHRASE_WORDS 6 /* the noun phrase after the adnominal */

static int exactly(const char *w, size_t n, const char *const *list)
{
    for (const char *const *x = list; *x; x++)
        if (strlen(*x) == n && !memcmp(w, *x, n))
            return 1;
    return 0;
}

/* Is word k of s an adnominal of the wanted tense before a noun? */
static int adnominal(const char *s, const word_spans *wl, size_t k, int future)
{
    const char *w = s + wl->w[k][0];
    size_t n = wl->w[k][1] - wl->w[k][0];
    if (k + 1 >= wl->n || !n || strchr(",.;:!?\"'", w[n - 1]))
        return 0; /* nothing after it in its clause */
    size_t stem = check_verbal_stem(w, n);
    if (future) {
        const char *next = s + wl->w[k + 1][0];
        size_t m = wl->w[k + 1][1] - wl->w[k + 1][0];
        if (exactly(next, m, not_future))
            return 0;
        return stem ? exactly(w + stem, n - stem, future_ends)
                    : ends_with_any(w, n, future_ends) != NULL && utf8_length(w, n) >= 2;
    }
    return stem && exactly(w + stem, n - stem, past_ends);
}

/* The noun phrase after word k, as text (malloc'd). */
static char *phrase_after(const char *s, const word_spans *wl, size_t k)
{
    size_t last = k + PHRASE_WORDS < wl->n ? k + PHRASE_WORDS : wl->n - 1;
    return strndup(s + wl->w[k + 1][0], wl->w[last][1] - wl->w[k + 1][0]);
}

/* How many content words of a the text b has too. */
static size_t shared_words(const char *a, const char *b)
{
    return (size_t)(check_overlap(a, b) * (double)check_content_words(a) + 0.5);
}

static void judge_future(checker *c, size_t di, const char *ds, const word_spans *dw, size_t k,
                         long at)
{
    const char *ss = c->hay.sentences[at];
    word_spans sw;
    char *mine = phrase_after(ds, dw, k);
    if (!mine || !split_words(ss, &sw)) {
        free(mine);
        return;
    }
    for (size_t j = 0; j < sw.n; j++) {
        if (!adnominal(ss, &sw, j, 0))
            continue;
        char *theirs = phrase_after(ss, &sw, j);
        size_t shared = theirs ? shared_words(mine, theirs) : 0;
        free(theirs);
        if (shared < 2)
            continue;
        size_t a = dw->w[k][0], b = dw->w[k][1];
        gisa_fact *f = add_fact(c, GISA_FACT_MODALITY, arena_strndup(&c->mem, ds + a, b - a), di);
        if (f) {
            f->span.start = a;
            f->span.end = b;
            f->verdict = GISA_CONTRADICTED;
            f->source = c->hay.source_of[at];
            f->source_sentence = ss;
            f->source_text = arena_strndup(&c->mem, ss + sw.w[j][0], sw.w[j][1] - sw.w[j][0]);
            f->note = "the source says it already took place";
        }
        break;
    }
    free(sw.w);
    free(mine);
}

void find_tense(checker *c)
{
    for (size_t di = 0; di < c->dan->nsentences; di++) {
        const char *ds = c->dan->sentences[di].text;
        if (sentence_copied(c, di))
            continue;
        word_spans dw;
        if (!split_words(ds, &dw))
            return;
        long at = -2; /* the source sentence, found on the first future */
        for (size_t k = 0; k < dw.n; k++) {
            if (!adnominal(ds, &dw, k, 1))
                continue;
            if (at == -2) {
                double best = 0;
                at = -1;
                for (size_t si = 0; si < c->hay.n; si++) {
                    if (++c->comparisons > GISA_CHECK_MAX_COMPARISONS)
                        break; /* find_predicates refuses the check */
                    double o = check_overlap_kept(c, ds, c->hay.sentences[si]);
                    if (o > best) {
                        best = o;
                        at = (long)si;
                    }
                }
                if (best < 0.5)
                    at = -1;
            }
            if (at >= 0)
                judge_future(c, di, ds, &dw, k, at);
        }
        free(dw.w);
    }
}
