/* predicates.c - what a sentence says happened, not only who and how much:
 * its predicates' polarity (실시하기로 ↔ 실시하지 않기로, 증가 ↔ 감소) and
 * modality (done ↔ decided ↔ planned ↔ considered ↔ hoped).
 *
 * A derived predicate is judged against the source sentence it comes
 * from: among the source sentences that use the same predicate stem, the
 * one that shares most of the derived sentence's content words. It is
 * contradicted when that sentence negates what the rewrite affirms (or the
 * reverse), states the opposite predicate (antonyms.c), or only plans,
 * considers or hopes for what the rewrite says was done or decided. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analyze/hangul.h"
#include "../util/utf8.h"
#include "check.h"

typedef enum modality {
    MOD_NONE,       /* present tense, adnominal, or no verb: says nothing */
    MOD_DONE,       /* 했다, 들어갔다 */
    MOD_DECIDED,    /* 하기로 했다 */
    MOD_PLANNED,    /* 할 예정이다, 할 계획이다, 추진 */
    MOD_CONSIDERED, /* 검토, 여부 */
    MOD_HOPED       /* 하기를 바란다 */
} modality;

static const char *const modality_names[] = {"", "done", "decided", "planned", "considered",
                                             "hoped for"};

int split_words(const char *s, word_spans *ws)
{
    size_t len = strlen(s), cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += s[i] == ' ';
    ws->w = malloc(cap * sizeof *ws->w);
    ws->n = 0;
    if (!ws->w)
        return 0;
    for (size_t i = 0; i < len;) {
        while (i < len && s[i] == ' ')
            i++;
        size_t a = i;
        while (i < len && s[i] != ' ')
            i++;
        if (i > a) {
            ws->w[ws->n][0] = a;
            ws->w[ws->n][1] = i;
            ws->n++;
        }
    }
    return 1;
}

static int has(const char *s, size_t n, const char *what)
{
    size_t m = strlen(what);
    for (size_t i = 0; i + m <= n; i++)
        if (!memcmp(s + i, what, m))
            return 1;
    return 0;
}

/* Trailing punctuation off a word ("했다." -> "했다"). */
static size_t trim_end(const char *w, size_t n)
{
    while (n > 0 && strchr(".,!?;:)]\"'", w[n - 1]))
        n--;
    while (n >= 3 && (!memcmp(w + n - 3, "”", 3) || !memcmp(w + n - 3, "’", 3)))
        n -= 3;
    return n;
}

/* Leading punctuation off a word. */
static size_t trim_start(const char *w, size_t n)
{
    size_t i = 0;
    while (i < n && strchr("([\"'", w[i]))
        i++;
    while (i + 3 <= n && (!memcmp(w + i, "“", 3) || !memcmp(w + i, "‘", 3)))
        i += 3;
    return i;
}

/* The verbal noun before a 하다/되다/시키다 ending: "실시하지" -> 6 bytes
 * (실시), "환영했으며" -> 환영, "발전시키는" -> 발전; 0 when the word is no
 * such verb. Two syllables at least, Hangul only. */
size_t check_verbal_stem(const char *w, size_t n)
{
    static const char *const heads[] = {"하", "했", "해", "한", "할", "함", "합", "되", "됐",
                                        "돼", "된", "될", "됨", "됩", "시키", "시켜", "시켰", NULL};
    size_t i = 0;
    int syll = 0;
    while (i < n) {
        size_t next;
        int32_t cp = utf8_at(w, n, i, &next);
        if (!is_syllable(cp))
            return 0;
        if (syll >= 2)
            for (const char *const *h = heads; *h; h++)
                if (starts_with(w + i, n - i, *h))
                    return i;
        syll++;
        i = next;
    }
    return 0;
}

/* Does the ending w[from..n) hold a past tense (a syllable with final ㅆ
 * other than 겠 and 있)? */
static int past_in(const char *w, size_t from, size_t n)
{
    for (size_t i = from, next; i < n; i = next) {
        int32_t cp = utf8_at(w, n, i, &next);
        if (hangul_jong(cp) == JONG_SS && cp != 0xACA0 /* 겠 */ && cp != 0xC788 /* 있 */)
            return 1;
    }
    return 0;
}

/* Is word k of s negated: "실시하지 않기로", "교신하지 못했다", "안 했다"? */
static int negated(const char *s, const word_spans *ws, size_t k)
{
    const char *w = s + ws->w[k][0];
    size_t n = trim_end(w, ws->w[k][1] - ws->w[k][0]);
    if (has(w, n, "지않") || has(w, n, "지못"))
        return 1;
    if (k + 1 < ws->n && ends_with(w, n, "지")) {
        const char *x = s + ws->w[k + 1][0];
        size_t m = ws->w[k + 1][1] - ws->w[k + 1][0];
        if (starts_with(x, m, "않") || starts_with(x, m, "못"))
            return 1;
    }
    if (k > 0) {
        const char *x = s + ws->w[k - 1][0];
        size_t m = ws->w[k - 1][1] - ws->w[k - 1][0];
        if ((m == 3 && !memcmp(x, "안", 3)) || (m == 3 && !memcmp(x, "못", 3)))
            return 1;
    }
    return 0;
}

/* Does word k end its clause (a comma, a full stop, a final or linking
 * ending)? */
static int clause_end(const char *s, const word_spans *ws, size_t k)
{
    const char *w = s + ws->w[k][0];
    size_t raw = ws->w[k][1] - ws->w[k][0], n = trim_end(w, raw);
    if (n < raw)
        return 1;
    static const char *const ends[] = {"다", "며", "요", "고", "면서", "지만", NULL};
    return ends_with_any(w, n, ends) != NULL;
}

/* The modality of the predicate at word k, read from it and the few words
 * after it in its clause ("확대하는 방안을 검토하고" is considered). */
static modality modality_at(const char *s, const word_spans *ws, size_t k)
{
    size_t last = k;
    while (last + 1 < ws->n && last < k + 5 && !clause_end(s, ws, last))
        last++;
    const char *from = s + ws->w[k][0];
    size_t n = ws->w[last][1] - ws->w[k][0];
    if (has(from, n, "기를 바") || has(from, n, "길 바") || has(from, n, "기를 기대") ||
        has(from, n, "기를 희망") || has(from, n, "바란다"))
        return MOD_HOPED;
    if (has(from, n, "검토") || has(from, n, "여부"))
        return MOD_CONSIDERED;
    if (has(from, n, "예정") || has(from, n, "계획이") || has(from, n, "계획을") ||
        has(from, n, "추진"))
        return MOD_PLANNED;
    const char *w = from;
    size_t wn = trim_end(w, ws->w[k][1] - ws->w[k][0]);
    if (has(w, wn, "기로") || has(w, wn, "키로"))
        return MOD_DECIDED;
    if (k + 1 < ws->n && has(s + ws->w[k + 1][0], ws->w[k + 1][1] - ws->w[k + 1][0], "기로"))
        return MOD_DECIDED;
    size_t stem = check_verbal_stem(w, wn);
    if (past_in(w, stem ? stem : 3, wn))
        return MOD_DONE;
    /* "실시하지 않았다": the tense is on the auxiliary */
    if (k + 1 < ws->n && ends_with(w, wn, "지") &&
        past_in(s + ws->w[k + 1][0], 0, ws->w[k + 1][1] - ws->w[k + 1][0]))
        return MOD_DONE;
    return MOD_NONE;
}

/* Would a source saying `theirs` contradict a rewrite saying `mine`? A
 * rewrite may weaken a claim (a decision reported as a plan) but not
 * strengthen it (a plan reported as done). */
static int stronger(modality mine, modality theirs)
{
    if (mine == MOD_DONE)
        return theirs >= MOD_DECIDED;
    if (mine == MOD_DECIDED || mine == MOD_PLANNED)
        return theirs >= MOD_CONSIDERED;
    return 0;
}

/* Word index in `ws` of s whose start, punctuation skipped, is `stem`
 * (loose: a native stem, its last syllable under any ending:
 * contractions.c). */
static long word_with(const char *s, const word_spans *ws, const char *stem, size_t n, int loose,
                      size_t from)
{
    for (size_t k = from; k < ws->n; k++) {
        const char *w = s + ws->w[k][0];
        size_t m = ws->w[k][1] - ws->w[k][0], lead = trim_start(w, m);
        if (check_stem_at(w + lead, m - lead, stem, n, loose))
            return (long)k;
    }
    return -1;
}

/* The least share of the derived sentence's content words a source
 * sentence must have to be where a predicate comes from. */
#define MIN_SCORE 0.4

/* A source predicate found for a derived one. */
typedef struct found {
    size_t sentence; /* haystack sentence */
    double score;    /* content-word overlap with the derived sentence */
    int compatible;  /* agrees in polarity and modality */
    const char *word;
    size_t word_len;
    int neg;
    modality mod;
} found;

static void judge_predicate(checker *c, size_t di, const char *ds, const word_spans *dw, size_t k,
                            const char *stem_text, size_t stem, int loose)
{
    const char *w = ds + dw->w[k][0];
    int neg = negated(ds, dw, k);
    modality mod = modality_at(ds, dw, k);
    if (!neg && mod == MOD_NONE)
        return; /* says nothing a source could contradict here */
    found best = {0, 0, 0, NULL, 0, 0, MOD_NONE}, ok = best;
    for (size_t si = 0; si < c->hay.n; si++) {
        const char *ss = c->hay.sentences[si];
        if (!memmem(ss, strlen(ss), stem_text, loose ? stem - 3 : stem))
            continue;
        if (++c->comparisons > GISA_CHECK_MAX_COMPARISONS)
            return;
        word_spans sw;
        if (!split_words(ss, &sw))
            return;
        double score = check_overlap_kept(c, ds, ss);
        for (long at = word_with(ss, &sw, stem_text, stem, loose, 0); at >= 0;
             at = word_with(ss, &sw, stem_text, stem, loose, (size_t)at + 1)) {
            int sneg = negated(ss, &sw, (size_t)at);
            modality smod = modality_at(ss, &sw, (size_t)at);
            int compatible = sneg == neg && !stronger(mod, smod);
            found f = {si, score, compatible, ss + sw.w[at][0],
                       trim_end(ss + sw.w[at][0], sw.w[at][1] - sw.w[at][0]), sneg, smod};
            if (score > best.score)
                best = f;
            if (compatible && score > ok.score)
                ok = f;
        }
        free(sw.w);
    }
    if (!best.word || best.score < MIN_SCORE)
        return; /* no source sentence says this: another check's business */
    int polarity = best.neg != neg;
    size_t end = k + 1 < dw->n && neg && !has(w, dw->w[k][1] - dw->w[k][0], "지않") ? k + 1 : k;
    const char *text = arena_strndup(&c->mem, w, trim_end(ds + dw->w[k][0],
                                                           dw->w[end][1] - dw->w[k][0]));
    gisa_fact *f = text ? add_fact(c, polarity ? GISA_FACT_POLARITY : GISA_FACT_MODALITY, text,
                                   di) : NULL;
    if (!f)
        return;
    f->span.start = dw->w[k][0];
    f->span.end = f->span.start + strlen(text);
    const found *use = ok.word && ok.score >= best.score * 0.6 ? &ok : &best;
    f->verdict = use->compatible ? GISA_SUPPORTED : GISA_CONTRADICTED;
    f->source = c->hay.source_of[use->sentence];
    f->source_sentence = c->hay.sentences[use->sentence];
    f->source_text = arena_strndup(&c->mem, use->word, use->word_len);
    if (use->compatible)
        return;
    if (polarity) {
        f->note = neg ? "the source says it is so" : "the source says it is not so";
    } else {
        char *note = arena_alloc(&c->mem, 64);
        if (note)
            snprintf(note, 64, "the source says it is only %s", modality_names[use->mod]);
        f->note = note;
    }
}

/* Which side of an opposition does word w[0..n) start with? */
static int opposition_of(const char *w, size_t n, int *side, size_t *len)
{
    int cls = antonym_prefix(w, n, side, len);
    size_t best = *len;
    /* "상승률", "증가폭": the size of a rise, which may itself fall */
    if (cls >= 0 && (starts_with(w + best, n - best, "률") || starts_with(w + best, n - best, "율") ||
                     starts_with(w + best, n - best, "폭")))
        return -1;
    return cls;
}

/* The opposition word k of s belongs to, as opposition_of, unless the next
 * word makes it a size ("상승 폭은"). */
static int opposition_at(const char *s, const word_spans *ws, size_t k, int *side)
{
    const char *w = s + ws->w[k][0];
    size_t m = ws->w[k][1] - ws->w[k][0], lead = trim_start(w, m), len;
    int cls = opposition_of(w + lead, m - lead, side, &len);
    if (cls >= 0 && len == m - lead && k + 1 < ws->n &&
        starts_with(s + ws->w[k + 1][0], ws->w[k + 1][1] - ws->w[k + 1][0], "폭"))
        return -1;
    return cls;
}

/* The clause around word k: the words from after the last clause end
 * before it to the first at or after it. */
static void clause_of(const char *s, const word_spans *ws, size_t k, size_t *a, size_t *b)
{
    *a = k;
    while (*a > 0 && !clause_end(s, ws, *a - 1))
        (*a)--;
    *b = k;
    while (*b + 1 < ws->n && !clause_end(s, ws, *b))
        (*b)++;
}

/* Does clause words [a, b] of s use a word of the given side of cls? */
static int clause_uses(const char *s, const word_spans *ws, size_t a, size_t b, int cls, int side)
{
    for (size_t k = a; k <= b; k++) {
        int sd = -1;
        if (opposition_at(s, ws, k, &sd) == cls && sd == side)
            return 1;
    }
    return 0;
}

/* The text to compare a clause by: the clause, or its whole sentence when
 * the clause alone has too few content words to place it. */
static char *clause_text(const char *s, const word_spans *ws, size_t a, size_t b)
{
    char *t = strndup(s + ws->w[a][0], ws->w[b][1] - ws->w[a][0]);
    if (t && check_content_words(t) < 2) {
        free(t);
        t = strdup(s);
    }
    return t;
}

/* Does s hold a word of either side of opposition cls anywhere? */
static int mentions(const char *s, int cls)
{
    for (int side = 0; side < 2; side++)
        for (const char *const *w = antonym_words(cls, side); w && *w; w++)
            if (strstr(s, *w))
                return 1;
    return 0;
}

/* The source clause that best matches a derived one and uses a word of
 * opposition cls. */
typedef struct rival_clause {
    size_t sentence;
    size_t a, b; /* word range */
    double score;
    int found;
} rival_clause;

static void best_clause(checker *c, const char *dclause, int cls, rival_clause *best)
{
    for (size_t si = 0; si < c->hay.n; si++) {
        const char *ss = c->hay.sentences[si];
        if (!mentions(ss, cls))
            continue; /* most sentences: no word of either side at all */
        if (++c->comparisons > GISA_CHECK_MAX_COMPARISONS)
            return;
        word_spans sw;
        if (!split_words(ss, &sw))
            return;
        for (size_t k = 0; k < sw.n; k++) {
            size_t a, b;
            int sd;
            if (opposition_at(ss, &sw, k, &sd) != cls)
                continue;
            clause_of(ss, &sw, k, &a, &b);
            char *t = clause_text(ss, &sw, a, b);
            double score = t ? check_overlap(dclause, t) : 0;
            free(t);
            if (score > best->score) {
                *best = (rival_clause){si, a, b, score, 1};
            }
            k = b; /* one look per clause */
        }
        free(sw.w);
    }
}

/* "증가했다" where the source clause it comes from says "감소했다". */
static void judge_opposite(checker *c, size_t di, const char *ds, const word_spans *dw, size_t k)
{
    const char *w = ds + dw->w[k][0];
    size_t m = dw->w[k][1] - dw->w[k][0], lead = trim_start(w, m);
    int side = 0;
    int cls = opposition_at(ds, dw, k, &side);
    if (cls < 0)
        return;
    size_t a, b;
    clause_of(ds, dw, k, &a, &b);
    if (clause_uses(ds, dw, a, b, cls, !side))
        return; /* "인허가는 늘고 착공은 줄고" in one clause: two things compared */
    char *mine = clause_text(ds, dw, a, b);
    if (!mine)
        return;
    rival_clause best = {0, 0, 0, 0, 0};
    best_clause(c, mine, cls, &best);
    free(mine);
    if (!best.found || best.score < 0.3)
        return;
    const char *ss = c->hay.sentences[best.sentence];
    word_spans sw;
    if (!split_words(ss, &sw))
        return;
    int same = clause_uses(ss, &sw, best.a, best.b, cls, side);
    int opposite = clause_uses(ss, &sw, best.a, best.b, cls, !side);
    free(sw.w);
    if (same || !opposite)
        return; /* the source says the same (or both): nothing to add */
    const char *text = arena_strndup(&c->mem, w + lead, trim_end(w + lead, m - lead));
    gisa_fact *f = text ? add_fact(c, GISA_FACT_POLARITY, text, di) : NULL;
    if (!f)
        return;
    f->span.start = dw->w[k][0] + lead;
    f->span.end = f->span.start + strlen(text);
    f->verdict = GISA_CONTRADICTED;
    f->source = c->hay.source_of[best.sentence];
    f->source_sentence = ss;
    const char *const *other = antonym_words(cls, !side);
    f->source_text = other ? other[0] : NULL;
    f->note = "the source says the opposite";
}

int find_predicates(checker *c)
{
    for (size_t di = 0; di < c->dan->nsentences; di++) {
        if (c->comparisons > GISA_CHECK_MAX_COMPARISONS)
            return 0;
        const char *ds = c->dan->sentences[di].text;
        if (sentence_copied(c, di))
            continue; /* copied from a source: its predicates are the source's */
        word_spans dw;
        if (!split_words(ds, &dw))
            return 1; /* out of memory: the predicates go unread, as any fact would */
        for (size_t k = 0; k < dw.n; k++) {
            const char *w = ds + dw.w[k][0];
            size_t m = trim_end(w, dw.w[k][1] - dw.w[k][0]), lead = trim_start(w, m);
            size_t before = c->nfacts;
            judge_opposite(c, di, ds, &dw, k);
            if (c->nfacts > before)
                continue;
            char native[96];
            int loose = 0;
            const char *stem_text = w + lead;
            size_t stem = check_verbal_stem(w + lead, m - lead);
            if (!stem && (stem = check_native_stem(w + lead, m - lead, native, sizeof native,
                                                   &loose)))
                stem_text = native;
            if (stem && !lead)
                judge_predicate(c, di, ds, &dw, k, stem_text, stem, loose);
        }
        free(dw.w);
    }
    return c->comparisons <= GISA_CHECK_MAX_COMPARISONS;
}
