/* order.c - the order of events within a sentence, against the source's.
 *
 * A Korean sentence that chains events with a forward order word tells
 * them in the order they happened: "A가 먼저 분리되고 이어 B가
 * 분리됐다", "협의를 거쳐 계획을 발표한다", "발표한 뒤 협의를 거친다".
 * (With a backward one, "B하기 전에 A", "B에 앞서 A", the text runs
 * against time; such sentences are left to the opposition table.) So when
 * the rewrite's sentence and the source sentence it comes from (half its
 * content words at least) both chain events forward, the clauses their
 * shared words stand in must come in the same order: a word of the
 * rewrite's first clause that the source puts after a word of the
 * rewrite's second says the events happened the other way round.
 *
 * The tables: the words that chain forward and backward, and the words
 * a clause ends with (a comma, a final or linking ending, or an order
 * word itself: "발표한 뒤 | 협의를 거친다"). */
#include <stdlib.h>
#include <string.h>

#include "../analyze/hangul.h"
#include "check.h"

static const lexeme forward[] = {
    LX("먼저"), LX("뒤"), LX("뒤에"), LX("후"), LX("후에"), LX("다음"), LX("다음에"), LX("이후"),
    LX("이후에"), LX("차례로"), LX_END};
/* "이어"/"이어서" chain forward only where a clause starts (elsewhere
 * "이어 가다" is to continue) */
static const lexeme forward_at_start[] = {LX("이어"), LX("이어서"), LX_END};
/* a verb form that ends a step: "협의를 거쳐 | 발표한다" */
static const lexeme step_ends[] = {LX("거쳐"), LX("거친"), LX("마치고"), LX("마친"), LX_END};
/* order words that close the clause before them ("발표한 뒤 | …") */
static const lexeme closers[] = {
    LX("뒤"), LX("뒤에"), LX("후"), LX("후에"), LX("다음"), LX("다음에"), LX("이후"), LX("이후에"),
    LX_END};
static const lexeme backward[] = {
    LX("전"), LX("전에"), LX("전까지"), LX("앞서"), LX("앞서서"), LX("앞두고"), LX_END};
static const lexeme clause_endings[] = {
    LX("고"), LX("며"), LX("면서"), LX("지만"), LX("다"), LX("요"), LX_END};

typedef struct clauses {
    char (*stem)[48];
    size_t *clause;
    size_t *start, *end; /* bytes of each word */
    size_t n, cap, nclauses;
    int forward, backward;
} clauses;

/* Room for the words of s (every word, however long the sentence). */
static int room(clauses *cl, const char *s)
{
    size_t words = 1;
    for (const char *p = s; *p; p++)
        words += *p == ' ';
    if (words <= cl->cap)
        return 1;
    free(cl->stem);
    free(cl->clause);
    free(cl->start);
    free(cl->end);
    cl->stem = malloc(words * sizeof *cl->stem);
    cl->clause = malloc(words * sizeof *cl->clause);
    cl->start = malloc(words * sizeof *cl->start);
    cl->end = malloc(words * sizeof *cl->end);
    cl->cap = cl->stem && cl->clause && cl->start && cl->end ? words : 0;
    return cl->cap != 0;
}

static void free_clauses(clauses *cl)
{
    free(cl->stem);
    free(cl->clause);
    free(cl->start);
    free(cl->end);
}

/* Words that place no event ("이번 방일은", "두 장관 모두"). */
static const lexeme placeless[] = {
    LX("이번"), LX("이날"), LX("방안"), LX("통해"), LX("위해"), LX("대한"), LX("관련"),
    LX("가운데"), LX("경우"), LX("앞으로"), LX("함께"), LX("대해"), LX("모두"), LX("또한"),
    LX("특히"), LX_END};

/* w without trailing punctuation. */
static size_t trimmed(const char *w, size_t n)
{
    while (n > 0 && strchr(".,!?;:)]\"'", w[n - 1]))
        n--;
    return n;
}

/* The words of s with their clause numbers and stems; 0 when s chains
 * no events forward (or out of memory). */
static int read_clauses(const char *s, clauses *cl)
{
    cl->n = cl->nclauses = 0;
    if (!room(cl, s))
        return 0;
    cl->forward = cl->backward = 0;
    size_t len = strlen(s), clause = 0;
    int at_start = 1;
    for (size_t i = 0; i < len;) {
        while (i < len && s[i] == ' ')
            i++;
        size_t a = i;
        while (i < len && s[i] != ' ')
            i++;
        if (i == a)
            break;
        size_t raw = i - a, n = trimmed(s + a, raw);
        const char *w = s + a;
        int marker =
            in_lexemes(w, n, forward) || (at_start && in_lexemes(w, n, forward_at_start));
        cl->forward |= marker;
        cl->backward |= in_lexemes(w, n, backward);
        size_t k = cl->n++;
        cl->clause[k] = clause;
        cl->start[k] = a;
        cl->end[k] = a + n;
        cl->stem[k][0] = 0;
        if (!marker) {
            size_t keep = check_verbal_stem(w, n);
            if (!keep)
                keep = gisa_stem(w, n);
            buf b = BUF_INIT;
            norm_append(&b, w, keep);
            int ascii = b.len && (unsigned char)b.ptr[0] < 0x80;
            if (b.ptr && b.len < 48 && (ascii ? b.len >= 3 : b.len >= 6) &&
                !in_lexemes(b.ptr, b.len, placeless))
                memcpy(cl->stem[k], b.ptr, b.len + 1);
            buf_free(&b);
        }
        int ends = n < raw || ends_with_lexeme(w, n, clause_endings) ||
                   ends_with_lexeme(w, n, step_ends) || in_lexemes(w, n, closers);
        if (ends)
            clause++;
        at_start = ends;
    }
    cl->nclauses = clause + 1;
    return cl->forward && !cl->backward && cl->nclauses >= 2;
}

/* The clause word k's stem stands in, or -1 when it stands in none or in
 * two (a word said twice places nothing). */
static long clause_of_stem(const clauses *cl, const char *stem)
{
    long at = -1;
    for (size_t k = 0; k < cl->n; k++)
        if (cl->stem[k][0] && !strcmp(cl->stem[k], stem)) {
            if (at >= 0 && (size_t)at != cl->clause[k])
                return -1;
            at = (long)cl->clause[k];
        }
    return at;
}

/* A word k of the rewrite whose clause comes before another's while the
 * source has them the other way round; -1 when none. */
static long inversion(const clauses *d, const clauses *s)
{
    for (size_t x = 0; x < d->n; x++) {
        if (!d->stem[x][0])
            continue;
        long dx = clause_of_stem(d, d->stem[x]), sx = clause_of_stem(s, d->stem[x]);
        if (dx < 0 || sx < 0)
            continue;
        for (size_t y = x + 1; y < d->n; y++) {
            if (!d->stem[y][0])
                continue;
            long dy = clause_of_stem(d, d->stem[y]), sy = clause_of_stem(s, d->stem[y]);
            if (dy > dx && sy >= 0 && sy < sx)
                return (long)x;
        }
    }
    return -1;
}

static void judge_order(checker *c, size_t di, const char *ds, clauses *mine, clauses *theirs)
{
    double best = 0;
    long at = -1;
    for (size_t si = 0; si < c->hay.n; si++) {
        const char *ss = c->hay.sentences[si];
        if (!strstr(ss, "먼저") && !strstr(ss, "뒤") && !strstr(ss, "후") &&
            !strstr(ss, "다음") && !strstr(ss, "이어") && !strstr(ss, "거쳐") &&
            !strstr(ss, "거친") && !strstr(ss, "차례로") && !strstr(ss, "마치") &&
            !strstr(ss, "마친"))
            continue; /* most sentences chain nothing */
        double o = check_overlap_kept(c, ds, ss);
        if (o > best) {
            best = o;
            at = (long)si;
        }
    }
    if (at < 0 || best < 0.5)
        return;
    const char *ss = c->hay.sentences[at];
    if (!read_clauses(ss, theirs))
        return;
    long x = inversion(mine, theirs);
    if (x < 0)
        return;
    /* the span: the rewrite's clause that it tells too early */
    size_t a = 0, b = 0;
    int seen = 0;
    for (size_t k = 0; k < mine->n; k++)
        if (mine->clause[k] == mine->clause[x]) {
            if (!seen)
                a = mine->start[k];
            b = mine->end[k];
            seen = 1;
        }
    const char *text = arena_strndup(&c->mem, ds + a, b - a);
    gisa_fact *f = text ? add_fact(c, GISA_FACT_POLARITY, text, di) : NULL;
    if (!f)
        return;
    f->span.start = a;
    f->span.end = b;
    f->verdict = GISA_CONTRADICTED;
    f->source = c->hay.source_of[at];
    f->source_sentence = ss;
    f->source_text = arena_strdup(&c->mem, ss);
    f->note = "the source tells these events in the other order";
}

void find_order(checker *c)
{
    clauses mine = {0}, theirs = {0};
    for (size_t di = 0; di < c->dan->nsentences; di++) {
        const char *ds = c->dan->sentences[di].text;
        if (sentence_copied(c, di) || !read_clauses(ds, &mine))
            continue;
        judge_order(c, di, ds, &mine, &theirs);
    }
    free_clauses(&mine);
    free_clauses(&theirs);
}
