/* quantities.c - each quantity of the rewrite (numerals.c) against the
 * sources' quantities, compared as numbers in one unit.
 *
 * Supported: a source states the same value in the same unit anywhere
 * ("넉 달" for "4개월"). Contradicted: the source sentence the rewrite's
 * sentence comes from (the most content words shared, at least 30%)
 * states the same unit with another value ("일곱 달여" against "5개월여"),
 * or the same value as %p where the rewrite says % (or the reverse).
 * Unsupported: a quantity in words no source states, which the entity
 * check, reading digits only, never sees ("두 배로", "첫"). Figures in
 * digits with no rival are left to the entity check. */
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define MAX_PER_SENTENCE 64

typedef struct sourced {
    quantity q;
    size_t sentence; /* haystack sentence */
} sourced;

typedef struct pool {
    sourced *q;
    size_t n;
} pool;

static int same_value(double a, double b)
{
    double d = a > b ? a - b : b - a, m = a > 1 ? a : 1;
    return d <= 1e-9 * m;
}

static int percent_swap(const quantity *a, const quantity *b)
{
    return (!strcmp(a->unit, "%") && !strcmp(b->unit, "%p")) ||
           (!strcmp(a->unit, "%p") && !strcmp(b->unit, "%"));
}

static int duration_unit(const char *u)
{
    static const char *const t[] = {"개월", "년", "주", "일", "시간", "분"};
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        if (!strcmp(u, t[i]))
            return 1;
    return 0;
}

static int collect(checker *c, pool *p)
{
    quantity tmp[MAX_PER_SENTENCE];
    size_t cap = 64;
    p->q = malloc(cap * sizeof *p->q);
    p->n = 0;
    if (!p->q)
        return 0;
    for (size_t i = 0; i < c->hay.n; i++) {
        size_t k = scan_quantities(c->hay.sentences[i], tmp, MAX_PER_SENTENCE);
        for (size_t j = 0; j < k; j++) {
            if (p->n == cap) {
                sourced *g = realloc(p->q, (cap *= 2) * sizeof *g);
                if (!g)
                    return 0;
                p->q = g;
            }
            p->q[p->n].q = tmp[j];
            p->q[p->n++].sentence = i;
        }
    }
    return 1;
}

/* "첫" is supported where the source sentence it comes from says 처음 or
 * 최초: the same claim without the ordinal. */
static int first_in(const char *s)
{
    return strstr(s, "처음") || strstr(s, "최초") || strstr(s, "첫");
}

/* Share of ds's content words that source sentence i shares. */
static double near(checker *c, const char *ds, size_t i)
{
    return check_overlap_kept(c, ds, c->hay.sentences[i]);
}

/* A claim of rank or ratio ("첫", "두 번째", "두 배"): in words it states
 * what no digit in the source need match, so with no source for it it is
 * unsupported. A count in words with no source ("소식 두 가지를 묶었다")
 * is the rewrite's own framing more often than a claim. */
static int claim_unit(const char *u)
{
    return !strcmp(u, "번째") || !strcmp(u, "배");
}

/* The words around a quantity: three before it, two after, in its
 * sentence. A sentence may hold several figures in one unit ("인허가는
 * 12만 6천 호 … 착공은 8만 1천 호"); what a figure counts is told by its
 * neighbours, not by the sentence as a whole. Malloc'd. */
static char *around(const char *s, const quantity *q)
{
    size_t a = q->start, b = q->end, len = strlen(s);
    /* within its clause: a comma ends what the figure is about */
    for (int w = 0; a > 0 && s[a - 1] != ','; a--)
        if (s[a - 1] == ' ' && ++w == 4)
            break;
    for (int w = 0; b < len && s[b] != ','; b++)
        if (s[b] == ' ' && ++w == 3)
            break;
    char *t = malloc(b - a + 1);
    if (t) {
        memcpy(t, s + a, b - a);
        t[b - a] = 0;
    }
    return t;
}

/* How near source quantity s is to the rewrite's q of sentence ds: the
 * words around them first, their sentences only to break ties. */
static double nearness(checker *c, const char *ds, const char *mine, const sourced *s)
{
    const char *ss = c->hay.sentences[s->sentence];
    char *theirs = around(ss, &s->q);
    double local = mine && theirs ? check_overlap(mine, theirs) : 0;
    free(theirs);
    return local + 0.1 * near(c, ds, s->sentence);
}

/* Is what "첫" qualifies in ds (the next word: "첫 수색구조훈련을") named
 * in source sentence ss too? A source's "첫 기착"
 * says nothing of a first exercise. */
static int first_of_same(const char *ds, const quantity *q, const char *ss)
{
    const char *w = ds + q->end;
    while (*w == ' ')
        w++;
    size_t n = strcspn(w, " ,.(");
    if (!n)
        return 1;
    buf a = BUF_INIT, b = BUF_INIT;
    /* its first two syllables: "발사예요", "발사다" and "발사" are one thing */
    norm_append(&a, w, n >= 6 && (unsigned char)w[0] >= 0xE0 ? 6 : n);
    norm_append(&b, ss, strlen(ss));
    int same = !a.ptr || (b.ptr && strstr(b.ptr, a.ptr));
    buf_free(&a);
    buf_free(&b);
    return same;
}

/* The verdict on q of derived sentence ds, with the source quantity that
 * decides it in *by (NULL: nothing to show). Of the source quantities in
 * the same unit, the nearest decides: the same value supports, another
 * contradicts if its sentence is where the rewrite's comes from (shares
 * 30% of its content words). So "여섯 번째 발사" is not supported by a
 * "6차 발사" planned for next year when the sentence it comes from says
 * "다섯 번째 발사". A figure in digits the source states anywhere is
 * supported as the entity check has it: a rewrite moves figures between
 * sentences more often than it moves them between things. */
static gisa_verdict judge(checker *c, const pool *p, const char *ds, const quantity *q,
                          const sourced **by)
{
    const sourced *same = NULL, *rival = NULL;
    double same_n = -1, rival_n = -1;
    char *mine = around(ds, q);
    for (size_t i = 0; i < p->n; i++) {
        const sourced *s = &p->q[i];
        int unit = !strcmp(s->q.unit, q->unit);
        if (!unit && !percent_swap(&s->q, q))
            continue;
        double n = nearness(c, ds, mine, s);
        if (unit && same_value(s->q.value, q->value)) {
            if (n > same_n)
                same_n = n, same = s;
        } else if (n > rival_n || (n == rival_n && same_value(s->q.value, q->value))) {
            /* the same value with the other percent wins a tie */
            rival_n = n;
            rival = s;
        }
    }
    free(mine);
    if (rival && near(c, ds, rival->sentence) < 0.3)
        rival = NULL;
    int first = q->words && q->value == 1 && !strcmp(q->unit, "번째");
    if (first && same && !first_of_same(ds, q, c->hay.sentences[same->sentence]))
        same = NULL; /* the source's "첫 기착" is not the rewrite's "첫 훈련" */
    *by = same;
    /* a source sentence with both figures ("500곳에서 650곳으로") backs
     * either */
    if (same && (!rival || !q->words || same_n >= rival_n || same->sentence == rival->sentence))
        return GISA_SUPPORTED;
    if (first) {
        for (size_t i = 0; i < c->hay.n; i++)
            if (first_in(c->hay.sentences[i]) && near(c, ds, i) >= 0.3 &&
                first_of_same(ds, q, c->hay.sentences[i])) {
                *by = NULL;
                return GISA_SUPPORTED;
            }
    }
    *by = rival;
    if (rival)
        return GISA_CONTRADICTED;
    return q->words && claim_unit(q->unit) ? GISA_UNSUPPORTED : GISA_SUPPORTED;
}

/* A fact already read over these bytes (a number, a date, a duration). */
static gisa_fact *fact_over(checker *c, size_t sentence, size_t a, size_t b)
{
    for (size_t i = 0; i < c->nfacts; i++) {
        gisa_fact *f = &c->facts[i];
        if (f->sentence == sentence && f->span.start < b && a < f->span.end &&
            (f->kind == GISA_FACT_NUMBER || f->kind == GISA_FACT_DURATION ||
             f->kind == GISA_FACT_DATE))
            return f;
    }
    return NULL;
}

static void place(checker *c, size_t di, const char *ds, const quantity *q, gisa_verdict v,
                  const sourced *by)
{
    gisa_fact *f = fact_over(c, di, q->start, q->end);
    if (f && (v != GISA_CONTRADICTED || f->verdict == GISA_CONTRADICTED))
        return; /* the entity check has it, and no worse */
    if (v == GISA_SUPPORTED && !by)
        return; /* digits without a rival: the entity check's business */
    const char *text = arena_strndup(&c->mem, ds + q->start, q->end - q->start);
    if (!text)
        return;
    gisa_fact_kind kind = duration_unit(q->unit) ? GISA_FACT_DURATION : GISA_FACT_NUMBER;
    if (f) {
        memset(f, 0, sizeof *f);
        f->kind = kind;
        f->text = text;
        f->sentence = di;
    } else if (!(f = add_fact(c, kind, text, di))) {
        return;
    }
    f->span.start = q->start;
    f->span.end = q->end;
    f->verdict = v;
    if (by) {
        const char *ss = c->hay.sentences[by->sentence];
        f->source = c->hay.source_of[by->sentence];
        f->source_sentence = ss;
        f->source_text = arena_strndup(&c->mem, ss + by->q.start, by->q.end - by->q.start);
    }
    if (v == GISA_CONTRADICTED)
        f->note = by && percent_swap(&by->q, q) ? "per cent and percentage points differ"
                                                 : "the source gives another figure";
    else if (v == GISA_UNSUPPORTED)
        f->note = "the source gives no such figure";
}

void find_quantities(checker *c)
{
    pool p;
    if (!collect(c, &p)) {
        free(p.q);
        return;
    }
    quantity mine[MAX_PER_SENTENCE];
    for (size_t di = 0; di < c->dan->nsentences; di++) {
        const char *ds = c->dan->sentences[di].text;
        if (sentence_copied(c, di))
            continue; /* copied from a source: its figures are the source's */
        size_t n = scan_quantities(ds, mine, MAX_PER_SENTENCE);
        for (size_t k = 0; k < n; k++) {
            const sourced *by;
            gisa_verdict v = judge(c, &p, ds, &mine[k], &by);
            place(c, di, ds, &mine[k], v, by);
        }
    }
    free(p.q);
}
