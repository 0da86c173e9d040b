/* quotes.c - a quotation must be the source's words, from the source's
 * speaker.
 *
 * Words: the source states them after normalisation, or near enough for a
 * headline's shortening ("농도가 낮아졌다" -> "농도 낮아져"): every content
 * three in four content words of the quote are in one source sentence and
 * the quote's letters follow that sentence's in order (a longest common
 * subsequence) for at least 85% of their length. A word added ("반드시") or a promise made of
 * a hope ("줄이겠다" for "줄이기를 바란다") fails one or the other.
 *
 * Speaker: the words before the opening mark that end in a subject or
 * topic particle ("정민지 과장은", "어민 박영철(64)씨는"), split into
 * names and titles. The same words given to someone else - no name of the
 * rewrite's speaker begins a name of the source's, or, with no names, no
 * title matches - are contradicted. */
#include <stdlib.h>
#include <string.h>

#include "../analyze/hangul.h"
#include "../util/utf8.h"
#include "check.h"

#define MAX_TOKENS 3
#define TOKEN_BYTES 64

typedef struct speaker {
    char name[MAX_TOKENS][TOKEN_BYTES]; /* "정민지", "정", "모리타" */
    char title[MAX_TOKENS][TOKEN_BYTES];
    size_t nname, ntitle;
} speaker;

/* Words that end a person's designation: a title or a role. */
static const lexeme title_ends[] = {
    LX("장관"), LX("차관"), LX("대신"), LX("과장"), LX("국장"), LX("실장"), LX("차장"), LX("청장"),
    LX("처장"), LX("대표"), LX("회장"), LX("사장"), LX("조합장"), LX("위원장"), LX("위원"),
    LX("연구관"), LX("소장"), LX("원장"), LX("총장"), LX("부장"), LX("팀장"), LX("교수"),
    LX("의원"), LX("대통령"), LX("총리"), LX("군수"), LX("시장"), LX("지사"), LX("어민"),
    LX("주민"), LX("대변인"), LX("박사"), LX("연구원"), LX("관계자"), LX("씨"), LX_END};

/* Words before a quote that name nobody ("그는", "이어", "다만"). */
static const char *const not_names[] = {"그", "그녀", "이", "양", "두", "또", "이어", "특히",
                                        "다만", "한편", "이날", "그러면서", "이에", NULL};

const char *check_title_end(const char *w, size_t n)
{
    return ends_with_lexeme(w, n, title_ends);
}

static int in_list(const char *w, const char *const *list)
{
    for (const char *const *x = list; *x; x++)
        if (!strcmp(w, *x))
            return 1;
    return 0;
}

/* One word of the designation, particle and parenthesis removed
 * ("박영철(64)씨는" -> "박영철씨"); 0 when empty or too long. */
static size_t clean_token(const char *w, size_t n, char *out)
{
    size_t k = 0;
    int paren = 0;
    for (size_t i = 0; i < n && k + 1 < TOKEN_BYTES; i++) {
        if (w[i] == '(')
            paren = 1;
        else if (w[i] == ')')
            paren = 0;
        else if (!paren && !strchr(",.\"'", w[i]))
            out[k++] = w[i];
    }
    out[k] = 0;
    return k;
}

static void add_token(speaker *sp, char *t)
{
    size_t n = strlen(t);
    const char *te = ends_with_lexeme(t, n, title_ends);
    if (te) {
        if (sp->ntitle < MAX_TOKENS)
            strcpy(sp->title[sp->ntitle++], te);
        if (strcmp(te, "씨"))
            return; /* "대기환경연구과장": the office, qualified */
        t[n - strlen(te)] = 0; /* "박영철씨" -> name "박영철" */
        if (!*t)
            return;
    }
    if (in_list(t, not_names) || ends_with(t, strlen(t), "부") || sp->nname >= MAX_TOKENS)
        return; /* an organisation ("환경부") names the office, not the person */
    strcpy(sp->name[sp->nname++], t);
}

/* The byte where the sentence's first quotation opens, or `at`: a second
 * quote of one sentence ("…"라며 "…") is the first one's speaker's. */
static size_t first_quote(const char *s, size_t at)
{
    for (size_t i = 0; i < at; i++)
        if (s[i] == '"' || (i + 3 <= at && (!memcmp(s + i, "“", 3) || !memcmp(s + i, "‘", 3))))
            return i;
    return at;
}

/* The designation ending at word k (a subject or topic) and the words
 * before it, up to a comma or another particle. */
static void designation(const char *s, size_t (*ends)[2], size_t nw, size_t k, size_t mark,
                        speaker *sp)
{
    char t[TOKEN_BYTES];
    const char *w = s + ends[k][0];
    if (clean_token(w, ends[k][1] - ends[k][0] - mark, t))
        add_token(sp, t);
    for (size_t j = k + 1; j < nw && j < k + MAX_TOKENS; j++) {
        const char *x = s + ends[j][0];
        size_t xn = ends[j][1] - ends[j][0];
        static const char *const stop[] = {"을", "를", "에서", "고", "며", "서", "은",
                                           "는", "의", "에", NULL};
        if (memchr(x, ',', xn) || ends_with_any(x, xn, stop))
            break;
        if (clean_token(x, xn, t))
            add_token(sp, t);
    }
}

/* The speaker of a quote opening at byte `at` of s: the nearest subject or
 * topic among the eight words before it that carries a title ("장관은",
 * "박영철(64)씨는", "관계자는"). A word without one is not taken for the
 * speaker: "어획량이", "맡은" and "있는" end in the same syllables. 0
 * when there is none. */
static int speaker_of(const char *s, size_t at, speaker *sp)
{
    memset(sp, 0, sizeof *sp);
    at = first_quote(s, at);
    size_t ends[8][2], nw = 0, i = at;
    while (i > 0 && nw < 8) {
        while (i > 0 && s[i - 1] == ' ')
            i--;
        size_t e = i;
        while (i > 0 && s[i - 1] != ' ')
            i--;
        if (e > i) {
            ends[nw][0] = i;
            ends[nw][1] = e;
            nw++;
        }
    }
    static const char *const marks[] = {"은", "는", "이", "가", "께서", NULL};
    for (size_t k = 0; k < nw; k++) {
        const char *w = s + ends[k][0];
        size_t n = ends[k][1] - ends[k][0];
        const char *m = ends_with_any(w, n, marks);
        if (!m || memchr(w, ',', n) || n - strlen(m) < 3)
            continue;
        designation(s, ends, nw, k, strlen(m), sp);
        if (sp->ntitle)
            return 1;
        memset(sp, 0, sizeof *sp);
    }
    return 0;
}

/* Do two speakers differ? Names decide when both have them ("정" begins
 * "정태오"); titles when neither has. */
static int other_speaker(const speaker *a, const speaker *b)
{
    if (a->nname && b->nname) {
        for (size_t i = 0; i < a->nname; i++)
            for (size_t j = 0; j < b->nname; j++)
                if (!strncmp(b->name[j], a->name[i], strlen(a->name[i])) ||
                    !strncmp(a->name[i], b->name[j], strlen(b->name[j])))
                    return 0;
        return 1;
    }
    if (a->nname || b->nname || !a->ntitle || !b->ntitle)
        return 0;
    for (size_t i = 0; i < a->ntitle; i++)
        for (size_t j = 0; j < b->ntitle; j++)
            if (!strcmp(a->title[i], b->title[j]))
                return 0;
    return 1;
}

/* The code points of a normal form, for a comparison by character. */
static size_t code_points(const buf *b, int32_t **out)
{
    *out = malloc((b->len + 1) * sizeof **out);
    size_t n = 0;
    for (size_t i = 0; *out && i < b->len; n++)
        i += utf8_decode((const unsigned char *)b->ptr + i, b->len - i, &(*out)[n]);
    return *out ? n : 0;
}

/* Length of the longest common subsequence of a and b. */
static size_t lcs(const int32_t *a, size_t na, const int32_t *b, size_t nb)
{
    size_t *row = calloc(nb + 1, sizeof *row);
    if (!row)
        return 0;
    for (size_t i = 0; i < na; i++) {
        size_t diag = 0;
        for (size_t j = 0; j < nb; j++) {
            size_t up = row[j + 1];
            row[j + 1] = a[i] == b[j] ? diag + 1 : (row[j] > up ? row[j] : up);
            diag = up;
        }
    }
    size_t r = row[nb];
    free(row);
    return r;
}

/* A source sentence that holds the quote near-verbatim, or -1: three in
 * four of its content words there (a headline drops particles and
 * shortens endings, which the stems do not always absorb) and 85% of its
 * characters in order. */
static long near_verbatim(checker *c, const char *quote)
{
    buf q = BUF_INIT, h = BUF_INIT;
    norm_append(&q, quote, strlen(quote));
    int32_t *qc = NULL;
    size_t nq = q.ptr ? code_points(&q, &qc) : 0;
    long found = -1;
    for (size_t i = 0; nq && i < c->hay.n && found < 0; i++) {
        const char *ss = c->hay.sentences[i];
        if (check_overlap(quote, ss) < 0.75)
            continue;
        buf_reset(&h);
        norm_append(&h, ss, strlen(ss));
        int32_t *hc = NULL;
        size_t nh = h.ptr ? code_points(&h, &hc) : 0;
        if (nh && lcs(qc, nq, hc, nh) * 100 >= nq * 85)
            found = (long)i;
        free(hc);
    }
    free(qc);
    buf_free(&q);
    buf_free(&h);
    return found;
}

/* Where the quote stands in source sentence ss: its first words, or the
 * first opening mark. */
static size_t quote_in(const char *ss, const char *quote)
{
    char head[16];
    size_t n = strlen(quote) < 15 ? strlen(quote) : 15;
    while (n > 0 && (quote[n] & 0xC0) == 0x80)
        n--; /* whole characters only */
    memcpy(head, quote, n);
    head[n] = 0;
    const char *at = strstr(ss, head);
    if (!at)
        at = strpbrk(ss, "\"");
    const char *curly = strstr(ss, "“");
    if (!at || (curly && curly < at && !strstr(ss, head)))
        at = curly;
    return at ? (size_t)(at - ss) : 0;
}

void judge_quote(checker *c, gisa_fact *f, const char *sentence, size_t open)
{
    judge_text_fact(c, f);
    long at = -1;
    if (f->verdict == GISA_SUPPORTED) {
        for (size_t i = 0; i < c->hay.n && at < 0; i++)
            if (c->hay.sentences[i] == f->source_sentence)
                at = (long)i;
    } else if ((at = near_verbatim(c, f->text)) >= 0) {
        f->verdict = GISA_SUPPORTED;
        f->source = c->hay.source_of[at];
        f->source_sentence = c->hay.sentences[at];
        f->source_text = f->source_sentence;
    } else {
        f->note = "the source has no such words";
        return;
    }
    speaker mine, theirs;
    const char *ss = at >= 0 ? c->hay.sentences[at] : NULL;
    if (!ss || !speaker_of(sentence, open, &mine) ||
        !speaker_of(ss, quote_in(ss, f->text), &theirs) || !other_speaker(&mine, &theirs))
        return;
    f->verdict = GISA_CONTRADICTED;
    f->source = c->hay.source_of[at];
    f->source_sentence = ss;
    char *who = arena_alloc(&c->mem, sizeof theirs.name + sizeof theirs.title);
    if (who) {
        *who = 0;
        for (size_t i = theirs.nname; i-- > 0;)
            strcat(strcat(who, theirs.name[i]), " ");
        for (size_t i = theirs.ntitle; i-- > 0;)
            strcat(strcat(who, theirs.title[i]), " ");
        who[strlen(who) ? strlen(who) - 1 : 0] = 0;
    }
    f->source_text = who;
    f->note = "the source gives these words to another speaker";
}
