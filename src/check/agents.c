/* agents.c - who did it: the participants of a visit, of an event someone
 * ran, of a pact or talks (the predicates of events.c), against the
 * source's.
 *
 * roles.c compares the title or organisation next to a name; a rewrite
 * can keep every pairing and still give the act to someone else ("임소라
 * 연구위원이 현장을 찾아" where the source's 남궁현 장관이 방문했다).
 * For each such predicate of the rewrite, its participants are read the
 * way a Korean reader reads them, by their particles, within its clause:
 *  - the agent: the nearest word before it marked as subject or topic
 *    (X이/가/은/는/께서), or, for a visit noun, a genitive right before it
 *    ("진태섭 장관의 방일"), with the bare words in front of that word
 *    (a name and an organisation: "한국부동산원 임소라 연구위원이");
 *  - for acts done together, the partner: the nearest X와/과.
 * The source's occurrence of the same act (events.c's group) it comes
 * from is the one whose nearby words (a few on each side) hold most of
 * the rewrite's nearby words (its participants left out), half at least. When that occurrence names
 * its participants and none of the rewrite's agent's words is one of
 * theirs, the rewrite gives the act to someone else: contradicted. */
#include <stdlib.h>
#include <string.h>

#include "../analyze/hangul.h"
#include "../util/utf8.h"
#include "check.h"

#define MAX_PHRASE 4  /* words of one participant: organisation, name, title */
#define WINDOW_BEFORE 8
#define WINDOW_AFTER 3

typedef struct sentence_words {
    const char *s;
    size_t (*w)[2];
    size_t n;
} sentence_words;

/* A participant: words [first, last] of the sentence, the last one's
 * particle cut off at byte `end`. */
typedef struct party {
    size_t first, last, end;
    int found;
} party;

static int split(const char *s, sentence_words *sw)
{
    word_spans ws;
    if (!split_words(s, &ws))
        return 0;
    sw->s = s;
    sw->w = ws.w;
    sw->n = ws.n;
    return 1;
}

static const char *word(const sentence_words *sw, size_t k, size_t *n)
{
    *n = sw->w[k][1] - sw->w[k][0];
    return sw->s + sw->w[k][0];
}

/* Bytes of opening quotes and brackets at the start of w[0..n). */
static size_t opening(const char *w, size_t n)
{
    static const char *const marks[] = {"\"", "'", "(", "“", "‘", "「", "『", NULL};
    size_t i = 0;
    for (int again = 1; again;) {
        again = 0;
        for (const char *const *m = marks; *m; m++)
            if (starts_with(w + i, n - i, *m)) {
                i += strlen(*m);
                again = 1;
            }
    }
    return i;
}

/* Word k without its opening quotes ("\"칠레는" -> 칠레는). */
static const char *bare_word(const sentence_words *sw, size_t k, size_t *n)
{
    const char *w = word(sw, k, n);
    size_t lead = opening(w, *n);
    *n -= lead;
    return w + lead;
}

/* Syllables of w[0..n) if it is Hangul only, else 0. */
static size_t hangul_syllables(const char *w, size_t n)
{
    size_t syl = 0;
    for (size_t i = 0, next; i < n; i = next, syl++)
        if (!is_syllable(utf8_at(w, n, i, &next)))
            return 0;
    return syl;
}

/* Does word k end a clause before the predicate (a comma, or a final or
 * linking ending): the agent is not sought past it. */
static int clause_break(const sentence_words *sw, size_t k)
{
    static const char *const ends[] = {"다", "며", "고", "면서", "지만", "요", "데", NULL};
    size_t n;
    const char *w = word(sw, k, &n);
    if (n && strchr(",.;:!?", w[n - 1]))
        return 1;
    return ends_with_any(w, n, ends) != NULL;
}

/* Times, places in time and adverbs that stand before a subject without
 * being part of it ("이날 오후", "지난해 10월"). */
static int not_a_party_word(const char *w, size_t n)
{
    static const char *const time_words[] = {"지난해", "올해", "내년", "이날", "오전", "오후", "이번",
                                        "지난달", "이달", "당시", "현지", "직접", "함께", "또한",
                                        "이어", "앞서", "최근", "한편", "특히", "이후", NULL};
    for (const char *const *x = time_words; *x; x++)
        if (n == strlen(*x) && !memcmp(w, *x, n))
            return 1;
    return 0;
}

/* Byte length of w's noun before particle p, or 0: "장관은" with 은/는 ->
 * 장관. The particle must agree with the noun's last syllable (은/이/과
 * after a final consonant, 는/가/와 after a vowel), the noun be two
 * syllables at least. */
static size_t before_particle(const char *w, size_t n, const char *after_consonant,
                              const char *after_vowel)
{
    for (int v = 0; v < 2; v++) {
        const char *p = v ? after_vowel : after_consonant;
        if (!p || !ends_with(w, n, p))
            continue;
        size_t stem = n - strlen(p);
        size_t syl = hangul_syllables(w, stem);
        if (syl < 2 || not_a_party_word(w, stem))
            continue;
        size_t start;
        int32_t last = utf8_prev(w, stem, &start);
        if ((hangul_jong(last) != JONG_NONE) == !v)
            return stem;
    }
    return 0;
}

static size_t subject_stem(const char *w, size_t n)
{
    size_t s = before_particle(w, n, "께서", "께서");
    if (!s)
        s = before_particle(w, n, "은", "는");
    if (!s)
        s = before_particle(w, n, "이", "가");
    return s;
}

/* A bare word in front of a participant's marked word: a name or an
 * organisation, Hangul only, no particle (it ends in none of these). */
static int bare(const char *w, size_t n)
{
    static const char *const ends[] = {"의", "을", "를", "에", "로", "와", "과", "도", "만", "은",
                                       "는", "이", "가", "고", "며", "서", "다", "요", "한", "된",
                                       "인", "적", "던", "할", "될", NULL};
    return hangul_syllables(w, n) >= 2 && !not_a_party_word(w, n) && !ends_with_any(w, n, ends);
}

/* The participant whose marked word is k (noun up to byte `stem`), with
 * the bare words before it, not before `floor`. */
static party party_at(const sentence_words *sw, size_t k, size_t stem, size_t floor)
{
    size_t n;
    const char *marked = bare_word(sw, k, &n);
    party p = {k, k, (size_t)(marked - sw->s) + stem, 1};
    while (p.first > floor && k - p.first + 1 < MAX_PHRASE) {
        const char *w = word(sw, p.first - 1, &n);
        if (!bare(w, n))
            break;
        p.first--;
    }
    return p;
}

/* The agent and partner of the predicate at word k. */
static void parties_of(const sentence_words *sw, size_t k, int together, party *agent,
                       party *partner)
{
    *agent = *partner = (party){0, 0, 0, 0};
    size_t floor = k;
    while (floor > 0 && !clause_break(sw, floor - 1)) {
        size_t m;
        const char *x = word(sw, floor - 1, &m);
        floor--;
        if (starts_with(x, m, "\"") || starts_with(x, m, "“"))
            break; /* speech opens here: what is before it is outside
                      ('…' marks a name, "…" and “…” speech) */
    }
    size_t n;
    const char *w;
    if (k > floor) { /* "모리타 방위대신의 방한" */
        w = bare_word(sw, k - 1, &n);
        if (ends_with(w, n, "의") && hangul_syllables(w, n - 3) >= 2 &&
            !not_a_party_word(w, n - 3))
            *agent = party_at(sw, k - 1, n - 3, floor);
    }
    for (size_t j = k; j-- > floor && (!agent->found || (together && !partner->found));) {
        w = bare_word(sw, j, &n);
        size_t stem;
        if (!agent->found && (stem = subject_stem(w, n)))
            *agent = party_at(sw, j, stem, floor);
        else if (together && !partner->found && (stem = before_particle(w, n, "과", "와")))
            *partner = party_at(sw, j, stem, floor);
    }
}

/* Is the party more than one ("진 장관과 모리타 대신은", "양 장관은",
 * "두 장관은")? Then it holds both sides of the act, and a rewrite naming
 * one of them says nothing against it. */
static int plural(const sentence_words *sw, const party *p)
{
    if (!p->found || p->first == 0)
        return 0;
    size_t n;
    const char *w = word(sw, p->first - 1, &n);
    static const char *const both[] = {"양", "두", "각", "여러", "양측", "양국", NULL};
    for (const char *const *b = both; *b; b++)
        if (n == strlen(*b) && !memcmp(w, *b, n))
            return 1;
    return before_particle(w, n, "과", "와") != 0;
}

static int in_party(const party *p, size_t j)
{
    return p && p->found && j >= p->first && j <= p->last;
}

/* The words near predicate k, its participants and itself left out: what
 * places the act ("지난해 10월 … 이후 5개월여"). */
static char *window_of(const sentence_words *sw, size_t k, const party *a, const party *b)
{
    size_t from = k > WINDOW_BEFORE ? k - WINDOW_BEFORE : 0;
    size_t to = k + WINDOW_AFTER < sw->n ? k + WINDOW_AFTER : sw->n - 1;
    buf out = BUF_INIT;
    for (size_t j = from; j <= to; j++) {
        if (j == k || in_party(a, j) || in_party(b, j))
            continue;
        size_t n;
        const char *w = word(sw, j, &n);
        buf_printf(&out, "%.*s ", (int)n, w);
    }
    if (out.oom) {
        buf_free(&out);
        return NULL;
    }
    return out.ptr ? buf_detach(&out, NULL) : strdup("");
}

/* The participant's words, normalised, one per entry; how many. */
static size_t party_words(const sentence_words *sw, const party *p, char out[][64])
{
    size_t k = 0;
    for (size_t j = p->first; p->found && j <= p->last; j++) {
        size_t n;
        const char *w = word(sw, j, &n);
        if (j == p->last)
            n = p->end - sw->w[j][0];
        buf b = BUF_INIT;
        norm_append(&b, w, n);
        if (b.ptr && b.len && b.len < 64)
            memcpy(out[k++], b.ptr, b.len + 1);
        buf_free(&b);
    }
    return k;
}

/* Do two participants share a word (one inside the other: "장관" in
 * "국방부장관")? */
static int same_party(const sentence_words *x, const party *p, const sentence_words *y,
                      const party *q)
{
    char a[MAX_PHRASE][64], b[MAX_PHRASE][64];
    size_t na = party_words(x, p, a), nb = party_words(y, q, b);
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (strstr(a[i], b[j]) || strstr(b[j], a[i]))
                return 1;
    return 0;
}

/* The source occurrence of the act a derived one comes from. */
typedef struct occurrence {
    size_t sentence;
    double score;
    int exact; /* the same word start, not a synonym */
    party agent, partner;
    int found;
} occurrence;

/* Every source occurrence of the act, with its score; NULL on OOM. */
static occurrence *occurrences(checker *c, const char *dwin, const event_word *ev, size_t *n)
{
    size_t cap = 8;
    occurrence *all = malloc(cap * sizeof *all);
    *n = 0;
    for (size_t si = 0; all && si < c->hay.n; si++) {
        const char *ss = c->hay.sentences[si];
        sentence_words sw;
        if (!event_group_in(ss, ev->group) || !split(ss, &sw))
            continue;
        for (size_t j = 0; j < sw.n; j++) {
            size_t m;
            const char *w = word(&sw, j, &m);
            const event_word *sev = event_word_at(w, m);
            if (!sev || sev->group != ev->group)
                continue;
            if (++c->comparisons > GISA_CHECK_MAX_COMPARISONS)
                break;
            occurrence o = {si, 0, sev == ev, {0}, {0}, 1};
            parties_of(&sw, j, ev->together, &o.agent, &o.partner);
            /* the source's participants stay in: the rewrite's words
             * may name them in another role ("표명진 장관과") */
            char *swin = window_of(&sw, j, NULL, NULL);
            o.score = swin ? check_overlap(dwin, swin) : 0;
            free(swin);
            if (*n == cap) {
                occurrence *more = realloc(all, 2 * cap * sizeof *all);
                if (!more)
                    break;
                all = more;
                cap *= 2;
            }
            all[(*n)++] = o;
        }
        free(sw.w);
    }
    return all;
}

/* Does occurrence o give the act to someone other than derived party p?
 * Sets *rival to the source's party. A plural party ("양 장관은") or a
 * party the source does not name cannot disagree. */
static int disagrees(const checker *c, const sentence_words *dw, const party *p,
                     const occurrence *o, int together, const party **rival)
{
    sentence_words sw;
    if (!split(c->hay.sentences[o->sentence], &sw))
        return 0;
    int out = 0;
    if (plural(&sw, &o->agent)) {
        out = 0;
    } else if (!together) {
        out = o->agent.found && !same_party(dw, p, &sw, &o->agent);
        *rival = &o->agent;
    } else if (o->agent.found && o->partner.found) {
        out = !same_party(dw, p, &sw, &o->agent) && !same_party(dw, p, &sw, &o->partner);
        *rival = same_party(dw, p, &sw, &o->agent) ? &o->partner : &o->agent;
    }
    free(sw.w);
    return out;
}

/* Flag derived participant p: the source's occurrence gives the act to
 * `rival` instead. */
static void flag(checker *c, size_t di, const sentence_words *dw, const party *p,
                 const occurrence *o, const party *rival)
{
    size_t start = dw->w[p->first][0];
    const char *text = arena_strndup(&c->mem, dw->s + start, p->end - start);
    /* a person: a name before a title ("임소라 연구위원"), or a title
     * alone ("장관"); one long word is an organisation even when it ends
     * like a title ("한국항공우주연구원") */
    size_t n;
    const char *last = word(dw, p->last, &n);
    n = p->end - dw->w[p->last][0];
    int titled = check_title_end(last, n) != NULL;
    gisa_fact_kind kind = titled && (p->first < p->last || utf8_length(last, n) <= 3)
                              ? GISA_FACT_PERSON
                              : GISA_FACT_ORG;
    gisa_fact *f = text ? add_fact(c, kind, text, di) : NULL;
    if (!f)
        return;
    const char *ss = c->hay.sentences[o->sentence];
    sentence_words sw;
    if (!split(ss, &sw))
        return;
    size_t rs = sw.w[rival->first][0];
    f->span.start = start;
    f->span.end = p->end;
    f->verdict = GISA_CONTRADICTED;
    f->source = c->hay.source_of[o->sentence];
    f->source_sentence = ss;
    f->source_text = arena_strndup(&c->mem, ss + rs, rival->end - rs);
    f->note = "the source says someone else did this";
    free(sw.w);
}

/* The least share of the rewrite's nearby words the source occurrence
 * must hold, and how close to the best another occurrence must come to
 * leave the source ambiguous ("이번 방일은 … 모리타 방위대신의 방한":
 * two visits side by side, one named): then nothing is flagged. */
#define MIN_SCORE 0.5
#define TIE 0.15

static void judge_event(checker *c, size_t di, const sentence_words *dw, size_t k,
                        const event_word *ev)
{
    party mine[2];
    parties_of(dw, k, ev->together, &mine[0], &mine[1]);
    if ((!mine[0].found && !mine[1].found) || plural(dw, &mine[0]))
        return;
    char *dwin = window_of(dw, k, &mine[0], &mine[1]);
    size_t n = 0;
    occurrence *all = dwin && check_content_words(dwin) >= 2 ? occurrences(c, dwin, ev, &n)
                                                             : NULL;
    free(dwin);
    size_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (all[i].score > all[best].score ||
            (all[i].score == all[best].score && all[i].exact && !all[best].exact))
            best = i;
    for (int p = 0; n && all[best].score >= MIN_SCORE && p < (ev->together ? 2 : 1); p++) {
        if (!mine[p].found)
            continue;
        const party *rival = NULL, *other = NULL;
        int every = disagrees(c, dw, &mine[p], &all[best], ev->together, &rival);
        for (size_t i = 0; every && i < n; i++)
            if (i != best && all[i].score >= all[best].score - TIE)
                every = disagrees(c, dw, &mine[p], &all[i], ev->together, &other);
        if (every && rival)
            flag(c, di, dw, &mine[p], &all[best], rival);
    }
    free(all);
}

void find_agents(checker *c)
{
    for (size_t di = 0; di < c->dan->nsentences; di++) {
        const char *ds = c->dan->sentences[di].text;
        if (sentence_copied(c, di))
            continue; /* copied from a source: its participants are the source's */
        sentence_words dw;
        if (!split(ds, &dw))
            return;
        for (size_t k = 0; k < dw.n && c->comparisons <= GISA_CHECK_MAX_COMPARISONS; k++) {
            size_t n;
            const char *w = word(&dw, k, &n);
            const event_word *ev = event_word_at(w, n);
            if (ev)
                judge_event(c, di, &dw, k, ev);
        }
        free(dw.w);
    }
}
