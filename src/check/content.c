/* content.c - content no source sentence supports.
 *
 * Entities, figures and predicates are checked one by one elsewhere; a
 * rewrite may still add a whole claim made of ordinary words ("연간계획을
 * 수립했습니다", "정례 협의체 구성", "기념우표를 발행할 예정"). Each
 * clause of a sentence the rewrite wrote itself is read for its content
 * words: nouns and the verbal nouns of 하다/되다 verbs, particles and
 * endings off (gisa_stem). A word is supported when a source states it
 * (in the normalised haystack, so "수색 구조 훈련" meets "수색구조훈련"),
 * or a word the paraphrase table (synonyms.c) gives for it. A clause with
 * two unsupported content words is an unsupported claim: one alone is as
 * often a rewrite's own word for the source's ("요즘", "연구자 교류"). Native verbs and adjectives are left out: a rewrite
 * rephrases them freely (반기다 for 환영하다), and the polarity and
 * modality checks read what they assert. */
#include <stdlib.h>
#include <string.h>

#include "../analyze/hangul.h"
#include "../util/utf8.h"
#include "check.h"

#define STEM_BYTES 64

typedef struct cword {
    size_t a, b;     /* bytes of the word in its sentence */
    int content;     /* a noun or verbal noun worth checking */
    int unknown;     /* no source states it */
    int clause_end;  /* the clause ends after it */
} cword;

/* Words a post writes about itself or to its reader, and words too
 * general to be a claim ("내용", "이번", "관련"). */
static const char *const framing[] = {
    "소식", "정리", "포스팅", "포스트", "내용", "오늘", "이번", "관련", "주요", "기사",
    "블로그", "이야기", "여러분", "함께", "궁금", "참고", "요약", "핵심", "자세", "한눈",
    "정도", "부분", "가운데", "이후", "이전", "당시", "현재", "지금", "모두", "또한", "특히",
    "다만", "그리고", "하지만", "그러나", "먼저", "우선", "다음", "마지막", "끝으로", "바로",
    "정말", "매우", "아주", "더욱", "크게", "계속", "앞으로", "이날", "사실", "경우", "때문",
    "위해", "통해", "대해", "대한", "따라", "따르", "이어", "이에", "또한", "한편", "아울러",
    "특히", "결과", "모습", "상황", "분야", "방안", "방침", "이상", "이하", "미만", "규모",
    "수준", "최근", "이달", "올해", "지난해", "내년", "작년", "지난달", "다음달", "어제",
    "오늘", "내일", "그제", "그저께", "당국", "정부", "우리", "양국", "두나라", "양측",
    "숫자", "말들", "이야기들", "이런", "그런", "저런", "어떤", "가장", "변화", "정책",
    "브리핑", "요즘", "원래", "대신", "그런데", "그래서", "금액", "수치", "하늘", "설명",
    "강조", "평가", "소개", "호소", "언급", "당부", "전망", "말씀", "한마디", "정리",
    NULL};

static int in_list(const char *w, const char *const *list)
{
    for (const char *const *x = list; *x; x++)
        if (w[0] == (*x)[0] && !strcmp(w, *x)) /* most differ at the first byte */
            return 1;
    return 0;
}

/* Endings of native verbs and adjectives: a word that ends so asserts a
 * predicate, not a thing ("늘었습니다", "쉬어야", "늦춰져"). */
static const lexeme verb_ends[] = {
    LX("다"), LX("요"), LX("고"), LX("며"), LX("면서"), LX("지만"), LX("는데"), LX("어서"),
    LX("아서"), LX("도록"), LX("려고"), LX("면"), LX("죠"), LX("게"), LX("던"), LX("지"), LX("야"),
    LX("어"), LX("아"), LX("여"), LX("져"), LX("워"), LX("나"), LX("까"), LX("네"), LX("겨"),
    LX("려"), LX("쳐"), LX("켜"), LX("혀"), LX("펴"), LX("해"), LX("돼"), LX("봐"), LX_END};
/* The copula after a noun ("감소세입니다", "휴식이에요"): the noun stays. */
static const lexeme copula[] = {
    LX("입니다"), LX("이었습니다"), LX("였습니다"), LX("이에요"), LX("예요"), LX("이었어요"),
    LX("였어요"), LX("이다"), LX("이었다"), LX("였다"), LX("이고"), LX("이며"), LX("이라"),
    LX("이라고"), LX("이라는"), LX("인"), LX_END};
/* Syllables that end an adnominal verb form ("열린", "나온", "더운",
 * "늘어난"): a short word ending so is a verb more often than a noun. */
static const char adnominal[] = "린온운진난한된는은던을할될질갈올볼줄낸본준간단른큰센날";
/* One-syllable nouns that end a compound ("아파트값", "감소세", "상승폭"). */
static const char bound_nouns[] = "값폭세률율액량수별용들째분상간내외적비가";
/* Particles after a one-syllable noun ("섬으로", "원이", "만의"): such a
 * noun is too short to be a claim. */
static const lexeme particles[] = {
    LX("으로"), LX("로"), LX("이"), LX("가"), LX("은"), LX("는"), LX("을"), LX("를"), LX("의"),
    LX("에"), LX("에서"), LX("도"), LX("만"), LX("과"), LX("와"), LX("에는"), LX_END};

static size_t syllables(const char *w, size_t n)
{
    return utf8_length(w, n);
}

/* The content part of word w[0..n), punctuation already off: its verbal
 * noun, its noun without particles or copula; 0 for a native predicate. */
static size_t content_part(const char *w, size_t n)
{
    size_t keep = check_verbal_stem(w, n);
    if (keep)
        return keep;
    const char *cop = ends_with_lexeme(w, n, copula);
    if (cop && syllables(w, n - strlen(cop)) >= 2)
        return n - strlen(cop);
    const char *pt = ends_with_lexeme(w, n, particles);
    if (pt && syllables(w, n - strlen(pt)) == 1)
        return 0;
    /* a past tense anywhere ("내놨습니다", "올랐고"): a verb */
    for (size_t i = 3, next; i < n; i = next)
        if (hangul_jong(utf8_at(w, n, i, &next)) == JONG_SS)
            return 0;
    keep = gisa_stem(w, n);
    if (keep == n && ends_with_lexeme(w, n, verb_ends))
        return 0;
    if (keep >= 3) {
        size_t p;
        int32_t last = utf8_prev(w, keep, &p);
        if (hangul_jong(last) == JONG_SS || (syllables(w, keep) <= 2 && keep == n &&
                                              syllable_in(last, adnominal)))
            return 0;
        if (syllables(w, keep) >= 3 && (w[keep - 1] & 0xC0) == 0x80 &&
            !memcmp(w + keep - 3, "히", 3))
            return 0; /* an adverb: 완전히, 충분히 */
    }
    return keep;
}

/* The content stem of word w[0..n) as a normal form in out, or 0. */
static int content_stem(const char *w, size_t n, char *out)
{
    size_t lead = 0;
    while (lead < n && strchr("([\"'<", w[lead]))
        lead++;
    while (lead + 3 <= n && (!memcmp(w + lead, "“", 3) || !memcmp(w + lead, "‘", 3)))
        lead += 3;
    w += lead;
    n -= lead;
    while (n > 0 && strchr(".,!?;:)]\"'>", w[n - 1]))
        n--;
    while (n >= 3 && (!memcmp(w + n - 3, "”", 3) || !memcmp(w + n - 3, "’", 3) ||
                      !memcmp(w + n - 3, "…", 3)))
        n -= 3;
    for (size_t i = 0; i < n; i++)
        if ((w[i] >= '0' && w[i] <= '9') || w[i] == '"' || w[i] == '(')
            return 0; /* figures are the entity and quantity checks', quotes the quote check's */
    size_t keep = n ? content_part(w, n) : 0;
    if (!keep)
        return 0;
    buf b = BUF_INIT;
    norm_append(&b, w, keep);
    /* Hangul words only: English paraphrase ("rose" for "increased") is
     * beyond a table of Korean synonyms, and would be flagged wholesale */
    int ok = b.ptr && b.len < STEM_BYTES && (unsigned char)b.ptr[0] >= 0x80 && b.len >= 6 &&
             !in_list(b.ptr, framing);
    if (ok)
        memcpy(out, b.ptr, b.len + 1);
    buf_free(&b);
    return ok;
}

/* Does a source state the stem, or a word the paraphrase table gives for
 * it? A compound the rewrite wrote as one word is stated when its halves
 * are ("양국협력" for "양국 간 협력"). */
static int stated_stem(checker *c, const char *stem)
{
    size_t n = strlen(stem);
    if (hay_find(&c->hay, stem, n) >= 0)
        return 1;
    for (const char *const *alt = synonyms_of(stem); alt && *alt; alt++)
        if (hay_find(&c->hay, *alt, strlen(*alt)) >= 0)
            return 1;
    if ((unsigned char)stem[0] < 0x80 || n < 9)
        return 0;
    size_t p;
    int32_t last = utf8_prev(stem, n, &p);
    /* "감소세", "아파트값": the noun before a bound one */
    if (syllable_in(last, bound_nouns)) {
        char head[STEM_BYTES];
        memcpy(head, stem, n - 3);
        head[n - 3] = 0;
        if (stated_stem(c, head))
            return 1;
    }
    /* "낮아진", "늘어난": a verb the source states in another form */
    if (syllable_in(last, adnominal) && hay_find(&c->hay, stem, 6) >= 0)
        return 1;
    /* a compound the rewrite wrote as one word ("양국협력") */
    for (size_t cut = 6; n >= 12 && cut + 6 <= n; cut += 3)
        if (hay_find(&c->hay, stem, cut) >= 0 && hay_find(&c->hay, stem + cut, n - cut) >= 0)
            return 1;
    return 0;
}

static int ends_clause(const char *w, size_t n)
{
    static const lexeme ends[] = {
        LX("고"), LX("며"), LX("면서"), LX("지만"), LX("는데"), LX("다"), LX("요"), LX("."),
        LX(","), LX("!"), LX("?"), LX_END};
    return ends_with_lexeme(w, n, ends) != NULL;
}

/* Is s[a..b) of derived sentence di a fact another check judges (a name,
 * a place, a date, a figure, a quote)? Its verdict is that check's: a
 * claim neither repeats nor excuses it. */
static int judged_elsewhere(const checker *c, size_t di, size_t a, size_t b)
{
    for (size_t i = 0; i < c->nfacts; i++) {
        const gisa_fact *f = &c->facts[i];
        if (f->sentence == di && f->span.start < b && a < f->span.end &&
            f->kind != GISA_FACT_POLARITY && f->kind != GISA_FACT_MODALITY &&
            f->kind != GISA_FACT_AGREEMENT && f->kind != GISA_FACT_CLAIM)
            return 1;
    }
    return 0;
}

static size_t read_words(checker *c, size_t di, const char *s, cword *out, size_t cap)
{
    size_t len = strlen(s), n = 0;
    for (size_t i = 0; i < len && n < cap;) {
        while (i < len && s[i] == ' ')
            i++;
        size_t a = i;
        while (i < len && s[i] != ' ')
            i++;
        if (i == a)
            continue;
        cword *w = &out[n++];
        char stem[STEM_BYTES];
        w->a = a;
        w->b = i;
        w->content = content_stem(s + a, i - a, stem) && !judged_elsewhere(c, di, a, i);
        w->unknown = w->content && !stated_stem(c, stem);
        w->clause_end = ends_clause(s + a, i - a);
    }
    return n;
}

/* Flag clause words [from, to] of s when its unsupported words outweigh
 * what a rewrite may add of its own. */
static void judge_clause(checker *c, size_t di, const char *s, const cword *w, size_t from,
                         size_t to)
{
    size_t unknown = 0, first = 0, last = 0;
    for (size_t k = from; k <= to; k++) {
        if (w[k].unknown) {
            if (!unknown++)
                first = k;
            last = k;
        }
    }
    if (unknown < 2)
        return;
    size_t a = w[first].a, b = w[last].b;
    while (b > a && strchr(".,!?\"'", s[b - 1]))
        b--;
    const char *text = arena_strndup(&c->mem, s + a, b - a);
    gisa_fact *f = text ? add_fact(c, GISA_FACT_CLAIM, text, di) : NULL;
    if (!f)
        return;
    f->span.start = a;
    f->span.end = b;
    f->note = "no source sentence says this";
}

void find_claims(checker *c)
{
    for (size_t di = 0; di < c->dan->nsentences; di++) {
        const char *ds = c->dan->sentences[di].text;
        if (sentence_copied(c, di))
            continue;
        size_t cap = 1;
        for (const char *p = ds; *p; p++)
            cap += *p == ' ';
        cword *w = malloc(cap * sizeof *w);
        if (!w)
            return;
        size_t n = read_words(c, di, ds, w, cap);
        for (size_t k = 0, from = 0; k < n; k++)
            if (w[k].clause_end || k + 1 == n) {
                judge_clause(c, di, ds, w, from, k);
                from = k + 1;
            }
        free(w);
    }
}
