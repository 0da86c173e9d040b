/* roles.c - a person's title and organisation as the source pairs them.
 *
 * The entity check compares a person's title where the analysis reads
 * one; a rewrite that writes "환경부 정민지 과장" for the source's
 * "국립환경과학원 정민지 대기환경연구과장", or "한지훈 소장" for "한지훈
 * 연구관", swaps the word next to the name, whatever follows it. For each
 * person the sources name, the word after the name in the rewrite (a
 * title: it ends like one) and the word before it (an organisation: it
 * ends in 부, 원, 청, 협회 …) must be one the sources put there, when
 * they put any. */
#include <string.h>

#include "../analyze/hangul.h"
#include "../util/utf8.h"
#include "check.h"

static const char *const org_ends[] = {"부", "원", "청", "처", "협회", "공단", "연구소",
                                       "위원회", "공사", "협", "센터", NULL};

/* The word before and after s[a..b) (punctuation and particles kept off
 * the title's end by its ending); empty when none. */
static void neighbours(const char *s, size_t a, size_t b, char *before, char *after, size_t cap)
{
    *before = *after = 0;
    if (a >= 2 && s[a - 1] == ' ') {
        size_t e = a - 1, st = e;
        while (st > 0 && s[st - 1] != ' ')
            st--;
        if (e - st < cap && e > st) {
            memcpy(before, s + st, e - st);
            before[e - st] = 0;
        }
    }
    if (s[b] == ' ') {
        size_t st = b + 1, e = st;
        while (s[e] && s[e] != ' ' && !strchr(",.\"'(", s[e]))
            e++;
        if (e - st < cap && e > st) {
            memcpy(after, s + st, e - st);
            after[e - st] = 0;
        }
    }
}

/* w's title ("대기환경연구과장은" -> 과장) or organisation, as a stem. */
static int role_word(const char *w, int org, char *out, size_t cap)
{
    size_t n = gisa_stem(w, strlen(w));
    const char *end = org ? ends_with_any(w, n, org_ends) : check_title_end(w, n);
    if (!end || n >= cap || utf8_length(w, n) < 2)
        return 0;
    memcpy(out, w, n);
    out[n] = 0;
    return 1;
}

/* One contains the other ("차관" in "제1차관"); titles also match by
 * the office they end in ("국방부장관" and "국방장관" are 장관). */
static int compatible(const char *a, const char *b)
{
    return strstr(a, b) || strstr(b, a);
}

/* Judge the `org` (1) or title (0) the rewrite puts next to `name` in
 * derived sentence di at bytes [a, b). */
static void judge_role(checker *c, size_t di, const char *ds, size_t a, size_t b,
                       const char *name, int org)
{
    char before[128], after[128], mine[128], theirs[128];
    neighbours(ds, a, b, before, after, sizeof before);
    if (!role_word(org ? before : after, org, mine, sizeof mine))
        return;
    long rival = -1;
    char rival_word[128] = "";
    for (size_t i = 0; i < c->hay.n; i++) {
        const char *ss = c->hay.sentences[i];
        for (const char *at = strstr(ss, name); at; at = strstr(at + 1, name)) {
            size_t sa = (size_t)(at - ss);
            neighbours(ss, sa, sa + strlen(name), before, after, sizeof before);
            if (!role_word(org ? before : after, org, theirs, sizeof theirs))
                continue;
            if (compatible(mine, theirs) ||
                (!org && compatible(check_title_end(mine, strlen(mine)),
                                    check_title_end(theirs, strlen(theirs)))))
                return; /* the source pairs them so somewhere */
            if (rival < 0) {
                rival = (long)i;
                strcpy(rival_word, theirs);
            }
        }
    }
    if (rival < 0)
        return;
    size_t off = org ? (size_t)(strstr(ds + (a >= 128 ? a - 127 : 0), mine) - ds) : b + 1;
    gisa_fact *f = add_fact(c, org ? GISA_FACT_ORG : GISA_FACT_PERSON,
                            arena_strndup(&c->mem, ds + off, strlen(mine)), di);
    if (!f)
        return;
    f->span.start = off;
    f->span.end = off + strlen(mine);
    f->verdict = GISA_CONTRADICTED;
    f->source = c->hay.source_of[rival];
    f->source_sentence = c->hay.sentences[rival];
    f->source_text = arena_strdup(&c->mem, rival_word);
    f->note = org ? "the source names this person with another organisation"
                  : "the source gives this person another title";
}

/* A name as a rewrite writes it before a title: two to four syllables,
 * Hangul only, no particle ("정민지 과장", "한지훈 소장"). The analysis
 * does not know every name; a word before a title that a source also
 * writes is taken for one. */
static int name_like(const char *w, size_t n)
{
    size_t syl = 0;
    for (size_t i = 0, next; i < n; i = next, syl++)
        if (!is_syllable(utf8_at(w, n, i, &next)))
            return 0;
    return syl >= 2 && syl <= 4;
}

void find_roles(checker *c)
{
    for (size_t di = 0; di < c->dan->nsentences; di++) {
        const char *ds = c->dan->sentences[di].text;
        if (sentence_copied(c, di))
            continue;
        size_t len = strlen(ds);
        for (size_t a = 0; a < len;) {
            while (a < len && ds[a] == ' ')
                a++;
            size_t b = a;
            while (b < len && ds[b] != ' ')
                b++;
            char name[64], before[128], after[128], title[128];
            neighbours(ds, a, b, before, after, sizeof before);
            if (b > a && b - a < sizeof name && name_like(ds + a, b - a) &&
                role_word(after, 0, title, sizeof title)) {
                memcpy(name, ds + a, b - a);
                name[b - a] = 0;
                if (hay_find(&c->hay, name, b - a) >= 0) {
                    judge_role(c, di, ds, a, b, name, 0);
                    judge_role(c, di, ds, a, b, name, 1);
                }
            }
            a = b;
        }
    }
}
