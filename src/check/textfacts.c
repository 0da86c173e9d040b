/* textfacts.c - facts the entity analysis does not carry: durations
 * ("15년 만에", "5개월여 만에") and quotations. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>


#include "../util/regex.h"
#include "check.h"

enum { RE_DURATION, RE_QUOTE, RE_COUNT };

static const char *const patterns[RE_COUNT] = {
    "\\d+(?:\\.\\d+)?\\s*(?:년|개월|달|주|일|시간)\\s*(?:여|가량|남짓)?\\s*만(?:에|의|이다)",
    "[“\"]([^”\"]{10,400})[”\"]",
};

static pcre2_code *compiled[RE_COUNT]; /* read-only once compiled */
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void compile_all(void)
{
    for (int i = 0; i < RE_COUNT; i++)
        compiled[i] = regex_compile(patterns[i]);
}

typedef void (*on_match)(checker *c, size_t sentence, const char *s, size_t a, size_t b);

/* Call `fn` for each match of pattern `which` (group `group`) in s. */
static void each_match(checker *c, int which, int group, const char *s, size_t sentence,
                       on_match fn)
{
    pthread_once(&once, compile_all);
    if (!compiled[which])
        return;
    pcre2_match_data *md = pcre2_match_data_create(3, NULL);
    if (!md)
        return;
    size_t len = strlen(s), start = 0;
    while (start < len && pcre2_match(compiled[which], (PCRE2_SPTR)s, len, start, 0, md, NULL) > 0) {
        PCRE2_SIZE *v = pcre2_get_ovector_pointer(md);
        fn(c, sentence, s, v[2 * group], v[2 * group + 1]);
        start = v[1] > start ? v[1] : start + 1;
    }
    pcre2_match_data_free(md);
}

/* The first duration any source states, to show as the rival. */
typedef struct rival {
    const char *text, *sentence; /* the first interval a source states */
    size_t source;
    const char *want;            /* the interval sought, as interval_key */
    const char *same, *same_sentence; /* a source interval equal to it */
    size_t same_source;
} rival;

static void take_rival(checker *c, size_t sentence, const char *s, size_t a, size_t b)
{
    rival *r = (rival *)c->scratch;
    if (!r->text) {
        r->text = arena_strndup(&c->mem, s + a, b - a);
        r->sentence = c->hay.sentences[sentence];
        r->source = c->hay.source_of[sentence];
    }
}

/* A fact already taken over the same words (the analysis may read "15년
 * 만에" as a date); the duration replaces it. */
static gisa_fact *fact_at(checker *c, size_t sentence, size_t a, size_t b)
{
    for (size_t i = 0; i < c->nfacts; i++) {
        gisa_fact *f = &c->facts[i];
        if (f->sentence == sentence && f->span.start < b && a < f->span.end)
            return f;
    }
    return NULL;
}

/* "5개월여 만에" -> "5개월": the interval alone, without hedges or endings,
 * so that "5개월 만이다" and "5개월여 만에" compare equal. */
static void interval_key(buf *out, const char *s)
{
    buf_reset(out);
    const char *p = s;
    while (*p && (*p == ' ' || (*p >= '0' && *p <= '9') || *p == '.'))
        p++;
    static const char *const units[] = {"개월", "시간", "년", "달", "주", "일"};
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (!strncmp(p, units[i], strlen(units[i]))) {
            norm_append(out, s, (size_t)(p - s) + strlen(units[i]));
            return;
        }
}

/* Does a source state the same interval? Sets c->scratch's rival too. */
static void same_interval(checker *c, size_t sentence, const char *s, size_t a, size_t b)
{
    rival *r = (rival *)c->scratch;
    buf k = BUF_INIT;
    char *t = strndup(s + a, b - a);
    if (t)
        interval_key(&k, t);
    free(t);
    if (k.ptr && r->want && !strcmp(k.ptr, r->want) && !r->same) {
        r->same = arena_strndup(&c->mem, s + a, b - a);
        r->same_sentence = c->hay.sentences[sentence];
        r->same_source = c->hay.source_of[sentence];
    }
    buf_free(&k);
    take_rival(c, sentence, s, a, b);
}

static void on_duration(checker *c, size_t sentence, const char *s, size_t a, size_t b)
{
    const char *text = arena_strndup(&c->mem, s + a, b - a);
    gisa_fact *f = fact_at(c, sentence, a, b);
    if (f && text) {
        memset(f, 0, sizeof *f);
        f->kind = GISA_FACT_DURATION;
        f->text = text;
        f->sentence = sentence;
        f->span.start = a;
        f->span.end = b;
        f->verdict = GISA_UNSUPPORTED;
    } else if (text) {
        f = add_fact(c, GISA_FACT_DURATION, text, sentence);
    }
    if (!f)
        return;
    judge_text_fact(c, f);
    if (f->verdict != GISA_UNSUPPORTED)
        return;
    buf want = BUF_INIT;
    interval_key(&want, text);
    rival r = {NULL, NULL, 0, want.ptr, NULL, NULL, 0};
    c->scratch = &r;
    for (size_t i = 0; i < c->hay.n && !r.same; i++)
        each_match(c, RE_DURATION, 0, c->hay.sentences[i], i, same_interval);
    c->scratch = NULL;
    buf_free(&want);
    if (r.same) {
        f->verdict = GISA_SUPPORTED;
        f->source_text = r.same;
        f->source_sentence = r.same_sentence;
        f->source = r.same_source;
    } else if (r.text) {
        f->verdict = GISA_CONTRADICTED;
        f->source_text = r.text;
        f->source_sentence = r.sentence;
        f->source = r.source;
        f->note = "the source gives another interval";
    }
}

static void on_quote(checker *c, size_t sentence, const char *s, size_t a, size_t b)
{
    const char *text = arena_strndup(&c->mem, s + a, b - a);
    gisa_fact *f = text ? add_fact(c, GISA_FACT_QUOTE, text, sentence) : NULL;
    if (f)
        judge_quote(c, f, s, a);
}

void find_text_facts(checker *c)
{
    for (size_t i = 0; i < c->dan->nsentences; i++) {
        const char *s = c->dan->sentences[i].text;
        each_match(c, RE_DURATION, 0, s, i, on_duration);
        each_match(c, RE_QUOTE, 1, s, i, on_quote);
    }
}
