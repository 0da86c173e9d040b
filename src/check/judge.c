/* judge.c - supported, contradicted or unsupported, fact by fact.
 *
 * "Supported" means a source states the same thing once both are
 * normalised (check.c's haystack). "Contradicted" needs a rival: the
 * source fills the same role differently - another person under the same
 * specific title, another place where the meeting was held, another
 * figure with the same unit about the same subject. Without a rival a
 * fact the source lacks is "unsupported". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "check.h"

/* Words a rewrite may use for what the source names otherwise. */
static const char *const aliases[][2] = {
    {"한국", "대한민국"}, {"우리나라", "대한민국"}, {"한국군", "국군"},
    {"우리 군", "국군"}, {"방위상", "방위대신"}, {"외무상", "외무대신"},
    {"미국", "미합중국"}, {"북한", "조선민주주의인민공화국"},
    {"해수부", "해양수산부"}, {"국토부", "국토교통부"}, {"과기정통부", "과학기술정보통신부"},
    {"행안부", "행정안전부"}, {"복지부", "보건복지부"}, {"산업부", "산업통상자원부"},
};

static void support(checker *c, gisa_fact *f, long at, const char *what)
{
    f->verdict = GISA_SUPPORTED;
    f->source = c->hay.source_of[at];
    f->source_sentence = c->hay.sentences[at];
    f->source_text = what;
}

static void contradict(gisa_fact *f, size_t source, const char *rival, const char *sentence,
                       const char *note)
{
    f->verdict = GISA_CONTRADICTED;
    f->source = source;
    f->source_text = rival;
    f->source_sentence = sentence;
    f->note = note;
}

static const char *sentence_of(const gisa_analysis *a, size_t i)
{
    return i < a->nsentences ? a->sentences[i].text : NULL;
}

/* Does a source state `text`, as is or under an alias? */
static int stated(checker *c, gisa_fact *f, const char *text)
{
    if (!text || !*text)
        return 0;
    long at = hay_find(&c->hay, text, strlen(text));
    if (at >= 0) {
        support(c, f, at, text);
        return 1;
    }
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++) {
        for (int side = 0; side < 2; side++) {
            if (strcmp(text, aliases[i][side]))
                continue;
            const char *other = aliases[i][!side];
            at = hay_find(&c->hay, other, strlen(other));
            if (at >= 0) {
                support(c, f, at, other);
                return 1;
            }
        }
    }
    return 0;
}

/* Title with spaces removed and synonyms unified ("방위상" = "방위대신"). */
static void title_key(buf *out, const char *title)
{
    buf_reset(out);
    norm_append(out, title, strlen(title));
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (out->ptr && !strcmp(out->ptr, aliases[i][0])) {
            buf_reset(out);
            buf_puts(out, aliases[i][1]);
        }
}

/* A title that names one office ("국방부장관", "방위대신"), not a rank
 * anyone may hold ("장관"). */
static int specific_title(const char *t)
{
    return utf8_length(t, strlen(t)) >= 3;
}

static int same_name(const char *a, const char *b)
{
    buf x = BUF_INIT, y = BUF_INIT;
    norm_append(&x, a, strlen(a));
    norm_append(&y, b, strlen(b));
    int same = x.ptr && y.ptr && !strcmp(x.ptr, y.ptr);
    buf_free(&x);
    buf_free(&y);
    return same;
}

/* The source names this person under another title ("장관" for "차관"):
 * titles agree when one contains the other ("차관" in "국방부차관"). */
static int title_mismatch(checker *c, gisa_fact *f, const gisa_entity *e, const char *name)
{
    if (!e->title)
        return 0;
    buf mine = BUF_INIT, theirs = BUF_INIT;
    title_key(&mine, e->title);
    int found = 0;
    for (size_t s = 0; s < c->nsources && !found; s++) {
        const gisa_analysis *a = c->san[s];
        for (size_t i = 0; i < a->nentities && !found; i++) {
            const gisa_entity *p = &a->entities[i];
            if (p->kind != GISA_ENTITY_PERSON || !p->title ||
                !same_name(p->value ? p->value : p->text, name))
                continue;
            title_key(&theirs, p->title);
            if (!mine.ptr || !theirs.ptr || strstr(mine.ptr, theirs.ptr) ||
                strstr(theirs.ptr, mine.ptr))
                continue;
            char *rival = arena_alloc(&c->mem, strlen(name) + strlen(p->title) + 2);
            if (rival)
                sprintf(rival, "%s %s", name, p->title);
            contradict(f, s, rival, sentence_of(a, p->sentence),
                       "the source gives this person another title");
            found = 1;
        }
    }
    buf_free(&mine);
    buf_free(&theirs);
    return found;
}

/* A name read with a word too many in front ("측에서 윤하린"): its words
 * from the second on, if that still leaves a name of two syllables. */
static const char *shorter_name(const char *name)
{
    const char *sp = strchr(name, ' ');
    return sp && utf8_length(sp + 1, strlen(sp + 1)) >= 2 ? sp + 1 : NULL;
}

static void judge_person(checker *c, gisa_fact *f, const gisa_entity *e)
{
    const char *name = e->value ? e->value : e->text;
    for (const char *n = name; n; n = shorter_name(n)) {
        if (stated(c, f, n)) {
            title_mismatch(c, f, e, n);
            return;
        }
    }
    if (!e->title && stated(c, f, e->text))
        return;
    if (!e->title || !specific_title(e->title))
        return;
    buf mine = BUF_INIT, theirs = BUF_INIT;
    title_key(&mine, e->title);
    for (size_t s = 0; s < c->nsources && f->verdict == GISA_UNSUPPORTED; s++) {
        const gisa_analysis *a = c->san[s];
        for (size_t i = 0; i < a->nentities; i++) {
            const gisa_entity *p = &a->entities[i];
            if (p->kind != GISA_ENTITY_PERSON || !p->title)
                continue;
            title_key(&theirs, p->title);
            if (mine.ptr && theirs.ptr && !strcmp(mine.ptr, theirs.ptr)) {
                char *note = arena_alloc(&c->mem, strlen(p->title) + 64);
                if (note)
                    sprintf(note, "the source's %s is someone else", p->title);
                contradict(f, s, p->value ? p->value : p->text, sentence_of(a, p->sentence), note);
                break;
            }
        }
    }
    buf_free(&mine);
    buf_free(&theirs);
}

/* Is `text` followed by "에서" in `sentence` (the place where it happened)? */
static int place_of_event(const char *sentence, const char *text)
{
    const char *at = sentence && text ? strstr(sentence, text) : NULL;
    return at && strncmp(at + strlen(text), "에서", strlen("에서")) == 0;
}

static void judge_place(checker *c, gisa_fact *f, const gisa_entity *e)
{
    if (stated(c, f, e->text) || (e->value && stated(c, f, e->value)))
        return;
    if (!place_of_event(sentence_of(c->dan, e->sentence), e->text))
        return;
    for (size_t s = 0; s < c->nsources; s++) {
        const gisa_analysis *a = c->san[s];
        for (size_t i = 0; i < a->nentities; i++) {
            const gisa_entity *p = &a->entities[i];
            if (p->kind == GISA_ENTITY_PLACE &&
                place_of_event(sentence_of(a, p->sentence), p->text)) {
                contradict(f, s, p->text, sentence_of(a, p->sentence),
                           "the source puts it somewhere else");
                return;
            }
        }
    }
}

static double overlap(const char *a, const char *b);
static int relative_date(const char *text);

/* Words that make a date relative to the text's own date: the same words
 * under another date mean another day, so only the resolved value counts. */
static int relative_date(const char *text)
{
    static const char *const words[] = {"지난해", "작년", "재작년", "올해", "금년", "내년",
                                        "이달", "지난달", "다음 달", "다음달", "지난 달",
                                        "어제", "오늘", "내일", "전년", "오는", "지난",
                                        "그제", "그저께"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strstr(text, words[i]))
            return 1;
    return 0;
}

/* A date value matches only in a source sentence about the same thing:
 * the same year may be "올해" in one sentence and another event entirely. */
static int same_context(checker *c, const gisa_entity *e, const gisa_analysis *a,
                        const gisa_entity *p)
{
    if (!relative_date(e->text))
        return 1; /* "2027년" is 2027 wherever it stands, and the source's
                     "내년" resolved to it says the same */
    const char *mine = sentence_of(c->dan, e->sentence);
    if (!mine)
        return 1;
    /* any sentence where the source uses its words for the date; with
     * analyses compose lends (an entity records only its first wording,
     * and the post is dated as its page), the rewrite's words too */
    for (size_t k = 0; k < a->nsentences; k++)
        if ((strstr(a->sentences[k].text, p->text) ||
             (c->borrowed && strstr(a->sentences[k].text, e->text))) &&
            check_overlap_kept(c, mine, a->sentences[k].text) >= 0.2)
            return 1;
    return 0;
}

/* A relative date the source sentence it comes from dates otherwise:
 * the source sentence nearest the rewrite's (half its content words at
 * least) gives a date of the same precision (a month for a month) and
 * none with this one's value ("지난달 발표한" in a post dated May, where
 * the source's sentence says "지난 3월 발표한"). 1 when contradicted. */
static int relative_date_moved(checker *c, gisa_fact *f, const gisa_entity *e)
{
    const char *mine = sentence_of(c->dan, e->sentence);
    double best = 0;
    const char *near = NULL;
    size_t near_src = 0;
    for (size_t s = 0; mine && s < c->nsources; s++)
        for (size_t k = 0; k < c->san[s]->nsentences; k++) {
            double o = check_overlap_kept(c, mine, c->san[s]->sentences[k].text);
            if (o > best) {
                best = o;
                near = c->san[s]->sentences[k].text;
                near_src = s;
            }
        }
    if (!near || best < 0.5)
        return 0;
    const gisa_entity *rival = NULL;
    for (size_t s = 0; s < c->nsources; s++) {
        const gisa_analysis *a = c->san[s];
        for (size_t i = 0; i < a->nentities; i++) {
            const gisa_entity *p = &a->entities[i];
            if (p->kind != GISA_ENTITY_DATE || !p->value || !strstr(near, p->text))
                continue;
            if (!strcmp(p->value, e->value))
                return 0; /* the source's sentence has this date too */
            if (strlen(p->value) == strlen(e->value) && !rival)
                rival = p;
        }
    }
    if (!rival)
        return 0;
    contradict(f, near_src, rival->text, near, "the source's sentence gives another date");
    return 1;
}

static void judge_date(checker *c, gisa_fact *f, const gisa_entity *e)
{
    /* the rival needs every wording of the source's dates: the check's own
     * analyses (facts_only) keep them, the ones compose lends do not */
    if (e->value && relative_date(e->text) && !c->borrowed && relative_date_moved(c, f, e))
        return;
    for (size_t s = 0; e->value && s < c->nsources; s++) {
        const gisa_analysis *a = c->san[s];
        for (size_t i = 0; i < a->nentities; i++) {
            const gisa_entity *p = &a->entities[i];
            if (p->kind == GISA_ENTITY_DATE && p->value && !strcmp(p->value, e->value) &&
                same_context(c, e, a, p)) {
                f->verdict = GISA_SUPPORTED;
                f->source = s;
                f->source_text = p->text;
                f->source_sentence = sentence_of(a, p->sentence);
                return;
            }
        }
    }
    if (e->value && relative_date(e->text)) {
        f->note = "the source's date for these words is another";
        return; /* a value of its own, and no source date has it */
    }
    if (stated(c, f, e->text) || !e->value || strlen(e->value) != 10)
        return;
    /* A full date the source does not give, while it gives another in the
     * same month: the rewrite moved the event. */
    for (size_t s = 0; s < c->nsources; s++) {
        const gisa_analysis *a = c->san[s];
        for (size_t i = 0; i < a->nentities; i++) {
            const gisa_entity *p = &a->entities[i];
            if (p->kind == GISA_ENTITY_DATE && p->value && strlen(p->value) == 10 &&
                !strncmp(p->value, e->value, 7)) {
                contradict(f, s, p->text, sentence_of(a, p->sentence),
                           "the source gives another date");
                return;
            }
        }
    }
}

/* Words that carry no fact of their own ("이번 협의에서는 … 방안이"). */
static int generic_word(const char *w)
{
    static const char *const words[] = {"이번", "방안", "통해", "위해", "대한", "관련", "이후",
                                        "가운데", "경우", "이날", "앞으로", "함께", "대해",
                                        "the", "and", "for", "that", "with", "this"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (w[0] == words[i][0] && !strcmp(w, words[i])) /* most differ at once */
            return 1;
    return 0;
}

/* Content words of a sentence, stemmed and normalised, for overlap. */
static size_t stems(const char *s, char out[][48], size_t cap)
{
    size_t n = 0, len = strlen(s), i = 0;
    while (i < len && n < cap) {
        while (i < len && (s[i] == ' ' || s[i] == '\n'))
            i++;
        size_t start = i;
        while (i < len && s[i] != ' ' && s[i] != '\n')
            i++;
        size_t keep = gisa_stem(s + start, i - start);
        buf b = BUF_INIT;
        norm_append(&b, s + start, keep);
        int ascii = b.len && (unsigned char)b.ptr[0] < 0x80;
        if (b.len < 48 && (ascii ? b.len >= 3 : b.len >= 6) && /* 3 letters, 2 syllables */
            !generic_word(b.ptr)) {
            memcpy(out[n], b.ptr, b.len + 1);
            n++;
        }
        buf_free(&b);
    }
    return n;
}

/* Room for every word of `s`: no content word is left out of a measure,
 * however long the sentence (issue #22: no silent caps). NULL when out of
 * memory. */
static char (*stem_room(const char *s, size_t *cap))[48]
{
    size_t words = 1;
    for (const char *p = s; *p; p++)
        words += *p == ' ' || *p == '\n';
    *cap = words;
    return malloc(words * sizeof(char[48]));
}

size_t check_content_words(const char *s)
{
    size_t cap;
    char (*st)[48] = stem_room(s, &cap);
    size_t n = st ? stems(s, st, cap) : 0;
    free(st);
    return n;
}

double check_overlap(const char *a, const char *b)
{
    return overlap(a, b);
}

char (*check_stem_words(const char *s, size_t *n))[48]
{
    size_t cap;
    char (*st)[48] = stem_room(s, &cap);
    *n = st ? stems(s, st, cap) : 0;
    return st;
}

double check_overlap_stems(const char (*sa)[48], size_t na, const char (*sb)[48], size_t nb)
{
    size_t hit = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (strstr(sb[j], sa[i]) || strstr(sa[i], sb[j])) {
                hit++;
                break;
            }
    return na ? (double)hit / (double)na : 0;
}

static double overlap(const char *a, const char *b)
{
    size_t na, nb;
    char (*sa)[48] = check_stem_words(a, &na), (*sb)[48] = check_stem_words(b, &nb);
    double o = sa && sb ? check_overlap_stems((const char (*)[48])sa, na,
                                              (const char (*)[48])sb, nb) : 0;
    free(sa);
    free(sb);
    return o;
}

static void judge_number(checker *c, gisa_fact *f, const gisa_entity *e)
{
    if (stated(c, f, e->text))
        return;
    const char *mine = sentence_of(c->dan, e->sentence);
    for (size_t s = 0; e->unit && s < c->nsources; s++) {
        const gisa_analysis *a = c->san[s];
        for (size_t i = 0; i < a->nentities; i++) {
            const gisa_entity *p = &a->entities[i];
            const char *theirs = sentence_of(a, p->sentence);
            if (p->kind == GISA_ENTITY_NUMBER && p->unit && !strcmp(p->unit, e->unit) &&
                mine && theirs && check_overlap_kept(c, mine, theirs) >= 0.3) {
                contradict(f, s, p->text, theirs, "the source gives another figure");
                return;
            }
        }
    }
}

void judge_entity(checker *c, gisa_fact *f, const gisa_entity *e)
{
    switch (e->kind) {
    case GISA_ENTITY_PERSON: judge_person(c, f, e); break;
    case GISA_ENTITY_PLACE: judge_place(c, f, e); break;
    case GISA_ENTITY_DATE: judge_date(c, f, e); break;
    case GISA_ENTITY_NUMBER: judge_number(c, f, e); break;
    case GISA_ENTITY_ORG:
        if (!stated(c, f, e->text))
            stated(c, f, e->value);
        break;
    }
}

void judge_text_fact(checker *c, gisa_fact *f)
{
    stated(c, f, f->text);
}

/* Share of the content words of `text` stated anywhere in the sources. */
static double stated_share(checker *c, const char *text)
{
    size_t cap;
    char (*st)[48] = stem_room(text, &cap);
    if (!st)
        return 0;
    size_t n = stems(text, st, cap), hit = 0;
    for (size_t i = 0; i < n; i++)
        hit += hay_find(&c->hay, st[i], strlen(st[i])) >= 0;
    free(st);
    return n ? (double)hit / (double)n : 0;
}

/* An agreement is supported when one agreement of the sources covers half
 * its content words, or when the sources state nearly all of them and an
 * agreement covers a quarter (a rewrite may merge two sentences). A bare
 * fragment ("4월까지") is judged by its whole sentence. */
void judge_agreement(checker *c, gisa_fact *f, const gisa_agreement *a)
{
    char tmp[4][48];
    const char *sentence = sentence_of(c->dan, a->sentence);
    if (sentence && stated(c, f, sentence))
        return; /* the source says it in so many words */
    const char *what = a->what;
    if (!what || stems(what, tmp, 4) < 2)
        what = sentence_of(c->dan, a->sentence);
    if (!what)
        return;
    double best = 0;
    buf all = BUF_INIT; /* every agreement sentence of the sources */
    for (size_t s = 0; s < c->nsources; s++) {
        const gisa_analysis *src = c->san[s];
        for (size_t i = 0; i < src->nagreements; i++) {
            const char *theirs = sentence_of(src, src->agreements[i].sentence);
            double o = theirs ? overlap(what, theirs) : 0;
            if (theirs)
                buf_printf(&all, "%s ", theirs);
            if (o > best) {
                best = o;
                f->source = s;
                f->source_text = src->agreements[i].what;
                f->source_sentence = theirs;
            }
        }
    }
    /* A rewrite may merge two agreements into one sentence: then the
     * agreements together must cover most of it. */
    double merged = all.ptr ? overlap(what, all.ptr) : 0;
    buf_free(&all);
    int ok = best >= 0.5 || (best >= 0.25 && merged >= 0.6) ||
             (best >= 0.25 && stated_share(c, what) >= 0.8);
    f->verdict = ok ? GISA_SUPPORTED : GISA_UNSUPPORTED;
    if (!ok) {
        f->source_text = NULL;
        f->source_sentence = NULL;
        f->note = "no such agreement in the source";
    }
}
