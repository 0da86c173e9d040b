/* agree.c - agreements and commitments: "양 장관은 …을 강화하기로 했다",
 * "…키로 합의했다", "…에 공감했습니다", "…를 환영했으며".
 *
 * Each predicate is found with a PCRE2 pattern; what was agreed is the
 * clause before it (from the subject, or from the previous predicate in the
 * same sentence), and who agreed is the sentence's topic (…은/는), carried
 * over from the previous sentence of the paragraph when a sentence has
 * none ("이를 위해 … 하기로 했으며"). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>


#include "../util/regex.h"
#include "analysis.h"
#include "hangul.h"
#include "../util/utf8.h"

typedef struct predicate {
    const char *kind;
    const char *pattern;
} predicate;

/* Tried in this order; a later match may not overlap an earlier one. */
static const predicate predicates[] = {
    {"agreement", "(?:하기로|키로|기로)\\s*(?:합의|뜻을\\s*모았|약속)\\S*"},
    {"decision", "(?:하기로|키로|기로)\\s*(?:했|하였|결정|결의)\\S*"},
    {"agreement", "합의(?:했|하였|한다|하고|하며|해|했으며|되었|됐|된다|되고|되어)\\S*|"
                  "합의(?:를|에)\\s*(?:이뤘|이루었|도달했|이르렀)\\S*"},
    {"consensus", "(?:공감(?:했|하였|한다|하고|하며|대를\\s*(?:형성|이루)\\S*)|"
                  "(?:의견|뜻)을\\s*같이(?:했|하였|한다|하고|하며))\\S*"},
    {"welcome", "환영(?:했|하였|한다|하고|하며|의\\s*뜻을)\\S*"},
    {"commitment", "(?:약속|다짐|합의)(?:했|하였)\\S*"},
    /* the English fallback: the object follows the verb */
    {"agreement", "\\b(?:agreed|agree)\\s+(?:to|on|that)\\b"},
    {"decision", "\\b(?:decided|resolved)\\s+to\\b"},
    {"consensus", "\\bshared\\s+the\\s+view\\b|\\bconcurred\\b"},
    {"welcome", "\\bwelcomed\\b"},
    {"commitment", "\\b(?:pledged|committed|vowed|promised)\\s+to\\b"},
};
#define NPREDICATES (sizeof predicates / sizeof predicates[0])

static pcre2_code *compiled[NPREDICATES];
static pthread_once_t compile_once = PTHREAD_ONCE_INIT;

static void compile_all(void)
{
    for (size_t i = 0; i < NPREDICATES; i++)
        compiled[i] = regex_compile(predicates[i].pattern);
}

typedef struct hit {
    size_t a, b;
    const char *kind;
} hit;

/* The predicates of one sentence, in a buffer that grows to the most any
 * sentence has (every one is read, however many). */
typedef struct hits {
    hit *h;
    size_t n, cap;
} hits;

static int hits_push(hits *hs, hit one)
{
    if (hs->n == hs->cap) {
        size_t cap = hs->cap ? hs->cap * 2 : 16;
        hit *grown = realloc(hs->h, cap * sizeof *grown);
        if (!grown)
            return 0;
        hs->h = grown;
        hs->cap = cap;
    }
    hs->h[hs->n++] = one;
    return 1;
}

static int by_start(const void *x, const void *y)
{
    const hit *p = x, *q = y;
    return p->a < q->a ? -1 : p->a > q->a;
}

/* Words that open a sentence without being part of its subject. */
static const lexeme openers[] = {
    LX("또한"), LX("또"), LX("이를"), LX("위해"), LX("이에"), LX("한편"), LX("아울러"), LX("특히"),
    LX("그리고"), LX("이와"), LX("함께"), LX("이어"), LX("앞서"), LX("이날"), LX("이번"), LX_END};

static int is_opener(const char *w, size_t n)
{
    while (n > 0 && (w[n - 1] == ',' || w[n - 1] == '.'))
        n--;
    return in_lexemes(w, n, openers);
}

/* Words that cannot belong to a subject phrase: a predicate form (쉬워져,
 * 했다) or one holding sentence punctuation (인하…다가구). */
static int breaks_subject(const char *w, size_t n)
{
    static const lexeme verbal[] = {
        LX("다"), LX("져"), LX("해"), LX("고"), LX("며"), LX("서"), LX("면"), LX("요"), LX_END};
    if (memchr(w, ',', n) || memmem(w, n, "…", strlen("…")) || memmem(w, n, "·", strlen("·")))
        return 1;
    return ends_with_lexeme(w, n, verbal) != NULL && !ends_with(w, n, "과") &&
           !ends_with(w, n, "와");
}

/* Where the subject phrase ending with the word at `last` begins: at most
 * five words back from it, not before `first`, and not across a word
 * that breaks a subject. */
static size_t subject_start(const char *s, size_t first, size_t last)
{
    size_t start = last;
    for (int words = 0; words < 5 && start > first; words++) {
        size_t e = start;
        while (e > first && s[e - 1] == ' ')
            e--;
        size_t b = e;
        while (b > first && s[b - 1] != ' ')
            b--;
        if (b >= e || breaks_subject(s + b, e - b))
            break;
        start = b;
    }
    return start;
}

/* The sentence topic: the first word ending in 은/는 (or 께서), else in
 * 이/가, before `limit`, with the words before it back to a date, a number
 * or an opener. Sets [*a, *b) to the subject without its particle and *end
 * past the particle; 0 when there is none. */
static int find_subject(const char *s, size_t limit, size_t *a, size_t *b, size_t *end)
{
    static const lexeme topic[] = {LX("께서"), LX("은"), LX("는"), LX_END};
    static const lexeme subject[] = {LX("이"), LX("가"), LX_END};
    const lexeme *const lists[] = {topic, subject};
    for (int pass = 0; pass < 2; pass++) {
        size_t i = 0, first = SIZE_MAX;
        while (i < limit) {
            while (i < limit && s[i] == ' ')
                i++;
            size_t ws = i;
            while (i < limit && s[i] != ' ')
                i++;
            if (ws >= i)
                break;
            const char *w = s + ws;
            size_t n = i - ws;
            int digits = 0;
            for (size_t k = 0; k < n; k++)
                digits |= w[k] >= '0' && w[k] <= '9';
            if (digits || is_opener(w, n)) {
                first = SIZE_MAX;
                continue;
            }
            if (first == SIZE_MAX)
                first = ws;
            static const lexeme adnominal[] = {
                LX("하는"), LX("되는"), LX("있는"), LX("없는"), LX("시는"), LX("리는"), LX("치는"),
                LX("기는"), LX("우는"), LX("오는"), LX("가는"), LX_END};
            if (ends_with_lexeme(w, n, adnominal))
                continue; /* 늘리는 방안: a verb's modifier, not a topic */
            const char *p = ends_with_lexeme(w, n, lists[pass]);
            /* the particle must be one: 정부가 -> 정부, but not 국가 */
            if (p && n > strlen(p) + 3 && gisa_stem(w, n) == n - strlen(p)) {
                *a = subject_start(s, first, ws);
                *b = i - strlen(p);
                *end = i;
                return 1;
            }
        }
    }
    return 0;
}

static int strstr_in(const char *s, size_t n, const char *needle)
{
    return memmem(s, n, needle, strlen(needle)) != NULL;
}

static char *trimmed_dup(analysis *an, const char *s, size_t a, size_t b)
{
    while (a < b && (s[a] == ' ' || s[a] == ','))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == ','))
        b--;
    if (a >= b)
        return NULL;
    char *d = arena_strndup(&an->mem, s + a, b - a);
    if (!d)
        an->oom = 1;
    return d;
}

/* Does [a, b) overlap one of h[0..n)? They are sorted by start and do
 * not overlap each other, so their ends are sorted too: a binary search
 * (a scan of every hit so far made a sentence of thousands quadratic). */
static int overlaps(const hit *h, size_t n, size_t a, size_t b)
{
    size_t lo = 0, hi = n;
    while (lo < hi) { /* the first hit ending after a */
        size_t mid = lo + (hi - lo) / 2;
        if (h[mid].b <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && h[lo].a < b;
}

/* Predicates of one sentence, in order, without overlaps (an earlier
 * predicate's match wins over a later one's); 0 on OOM. */
static int find_hits(const char *s, size_t len, hits *hs, pcre2_match_data *md)
{
    hs->n = 0;
    for (size_t p = 0; p < NPREDICATES; p++) {
        if (!compiled[p])
            continue;
        size_t earlier = hs->n; /* sorted: the matches of the predicates before p */
        for (size_t start = 0; start < len;) {
            if (pcre2_match(compiled[p], (PCRE2_SPTR)s, len, start, PCRE2_NO_UTF_CHECK, md,
                            NULL) <= 0)
                break;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            size_t a = ov[0], b = ov[1];
            start = b > a ? b : a + 1;
            if (!overlaps(hs->h, earlier, a, b) &&
                !hits_push(hs, (hit){a, b, predicates[p].kind}))
                return 0;
        }
        if (hs->n > earlier)
            qsort(hs->h, hs->n, sizeof *hs->h, by_start);
    }
    return 1;
}

/* English: "The ministers agreed to expand …": who before, what after. */
static void add_english(analysis *an, const char *s, size_t len, const hit *h, size_t si)
{
    size_t words = 0;
    for (size_t i = 0; i < h->a; i++)
        words += s[i] == ' ';
    size_t end = len;
    while (end > h->b && (s[end - 1] == '.' || s[end - 1] == ' '))
        end--;
    gisa_agreement g;
    g.kind = h->kind;
    g.who = words <= 6 ? trimmed_dup(an, s, 0, h->a) : NULL;
    g.what = trimmed_dup(an, s, h->b, end);
    g.verb = trimmed_dup(an, s, h->a, h->b);
    g.sentence = si;
    if (g.what && g.verb)
        vec_push(an, &an->agreements, &g);
}

void find_agreements(analysis *an)
{
    pthread_once(&compile_once, compile_all);
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    if (!md) {
        an->oom = 1;
        return;
    }
    const gisa_sentence *sent = an->sents.data;
    const char *who = NULL;
    size_t para = SIZE_MAX;
    hits hs = {NULL, 0, 0};
    for (size_t si = 0; si < an->sents.n && !an->oom; si++) {
        const char *s = sent[si].text;
        size_t len = strlen(s);
        if (sent[si].paragraph != para) {
            para = sent[si].paragraph;
            who = NULL;
        }
        if (!find_hits(s, len, &hs, md)) {
            an->oom = 1;
            break;
        }
        hit *h = hs.h;
        size_t nh = hs.n;
        size_t sa, sb, send;
        size_t from = 0, clause = 0;
        if (find_subject(s, nh ? h[0].a : len, &sa, &sb, &send)) {
            who = trimmed_dup(an, s, sa, sb);
            from = send;
        }
        for (size_t k = 0; k < nh; k++) {
            if ((unsigned char)s[h[k].a] < 0x80) {
                add_english(an, s, len, &h[k], si);
                continue;
            }
            /* 나가기로: the verb is the whole word, not its tail */
            if (starts_with(s + h[k].a, h[k].b - h[k].a, "기로"))
                while (h[k].a > from && s[h[k].a - 1] != ' ')
                    h[k].a--;
            while (h[k].b > h[k].a && (s[h[k].b - 1] == '.' || s[h[k].b - 1] == ','))
                h[k].b--;
            gisa_agreement g;
            g.kind = h[k].kind;
            g.who = who;
            /* "…방안이 합의되었다": the passive names what, not who */
            int passive = strstr_in(s + h[k].a, h[k].b - h[k].a, "합의되") ||
                          strstr_in(s + h[k].a, h[k].b - h[k].a, "합의됐");
            if (passive)
                g.who = NULL;
            g.what = trimmed_dup(an, s, passive ? clause : from, h[k].a);
            g.verb = trimmed_dup(an, s, h[k].a, h[k].b);
            g.sentence = si;
            if (g.what && g.verb)
                vec_push(an, &an->agreements, &g);
            from = clause = h[k].b;
        }
    }
    free(hs.h);
    pcre2_match_data_free(md);
}
