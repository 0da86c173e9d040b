/* split.c - Korean sentence splitting in one pass over the bytes.
 *
 * A sentence ends at sentence-final punctuation followed by a space, or at
 * a word that carries a sentence-final ending (…습니다, …었다, …요) when
 * no punctuation follows, as in blogs and chat. Quotes and brackets are
 * tracked so that a quoted "…다. …다" inside "…라고 말했다" stays in one
 * sentence; an opener without a closer later in the paragraph is taken as
 * a plain character, so one stray quote cannot swallow a paragraph.
 * Numbers (3.5%, "1."), abbreviations (No., Dr.) and initials do not end a
 * sentence, nor does punctuation followed by a quoting verb (…?? 하고).
 * The pass allocates nothing: state is a small stack of expected closers.
 */
#include <stdint.h>
#include <string.h>

#include "gisa.h"
#include "hangul.h"
#include "../util/utf8.h"

#define MAX_DEPTH 16
/* How far (bytes) to look for the closer of an opening quote/bracket. */
#define CLOSER_WINDOW 3000
/* Sentence ends a quotation may hold before it is taken for a stray mark. */
#define MAX_ENDS_INSIDE 4

typedef struct splitter {
    const char *s;
    size_t len;
    gisa_span *out;
    size_t cap;
    size_t n;
    size_t start; /* where the current sentence starts */
    size_t stack[MAX_DEPTH]; /* where each open quote/bracket closes */
    int depth;
    int quote_at_start; /* the outermost open quote began the sentence */
} splitter;

static int is_term(int32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 /* … */ ||
           cp == 0x2025 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F ||
           cp == 0xFF0E;
}

/* Laughter, emoticons and decorations that trail a sentence end. */
static int is_decoration(int32_t cp)
{
    return is_jamo(cp) || cp == '~' || cp == '^' || cp == 0xFF5E ||
           (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x1F000 && cp <= 0x1FAFF) ||
           cp == 0xFE0F || cp == 0x200D;
}

static int32_t closer_of(int32_t cp)
{
    switch (cp) {
    case '(': return ')';
    case '[': return ']';
    case '{': return '}';
    case '<': return '>';
    case '"': return '"';
    case '\'': return '\'';
    case '`': return '`';
    case 0x201C: return 0x201D; /* “ ” */
    case 0x2018: return 0x2019; /* ‘ ’ */
    case 0x300C: return 0x300D; /* 「 」 */
    case 0x300E: return 0x300F; /* 『 』 */
    case 0x300A: return 0x300B; /* 《 》 */
    case 0x3008: return 0x3009; /* 〈 〉 */
    case 0x3010: return 0x3011; /* 【 】 */
    case 0xFF08: return 0xFF09; /* （ ） */
    default: return 0;
    }
}

static int is_closer(int32_t cp)
{
    return cp == ')' || cp == ']' || cp == '}' || cp == '>' || cp == '"' ||
           cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == 0x300D ||
           cp == 0x300F || cp == 0x300B || cp == 0x3009 || cp == 0x3011 ||
           cp == 0xFF09;
}

static int is_ascii_alnum(int32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
}

/* Can the straight quote at i close a quote? Not when it stands before a
 * word after a space: then it opens one. */
static int can_close_straight(const splitter *sp, size_t i)
{
    if (i == 0)
        return 1;
    unsigned char prev = (unsigned char)sp->s[i - 1];
    unsigned char next = i + 1 < sp->len ? (unsigned char)sp->s[i + 1] : ' ';
    int prev_space = prev == ' ' || prev == '\t' || prev == '\n';
    int next_space = next == ' ' || next == '\t' || next == '\n' || next == '\r';
    return !(prev_space && !next_space);
}

/* Where the quote or bracket opened by `opener` just before `from` closes,
 * or SIZE_MAX when it does not: no closer within the window (or before
 * `limit`), a second opener of the same kind first (quotes of one kind do
 * not nest), or too many sentence ends inside to be one quote. */
static size_t find_closer(const splitter *sp, size_t from, int32_t opener, int32_t closer,
                          size_t limit)
{
    size_t end = sp->len - from > CLOSER_WINDOW ? from + CLOSER_WINDOW : sp->len;
    if (end > limit)
        end = limit;
    int ends = 0;
    for (size_t i = from, next; i < end; i = next) {
        int32_t cp = utf8_at(sp->s, sp->len, i, &next);
        if (cp == closer && (opener != closer || can_close_straight(sp, i)))
            return i;
        if (cp == opener)
            return SIZE_MAX;
        if (is_term(cp) && next < sp->len && sp->s[next] == ' ' && ++ends > MAX_ENDS_INSIDE)
            return SIZE_MAX;
    }
    return SIZE_MAX;
}

static void emit(splitter *sp, size_t end)
{
    size_t a = sp->start, b = end;
    while (a < b && (sp->s[a] == ' ' || sp->s[a] == '\t' || sp->s[a] == '\n' || sp->s[a] == '\r'))
        a++;
    while (b > a && (sp->s[b - 1] == ' ' || sp->s[b - 1] == '\t' || sp->s[b - 1] == '\n' ||
                     sp->s[b - 1] == '\r'))
        b--;
    if (a < b) {
        if (sp->n < sp->cap) {
            sp->out[sp->n].start = a;
            sp->out[sp->n].end = b;
        }
        sp->n++;
    }
    sp->start = end;
}

static size_t skip_spaces(const splitter *sp, size_t i)
{
    while (i < sp->len) {
        size_t next;
        int32_t cp = utf8_at(sp->s, sp->len, i, &next);
        if (!utf8_is_space(cp))
            break;
        i = next;
    }
    return i;
}

static size_t word_end(const splitter *sp, size_t i)
{
    while (i < sp->len) {
        size_t next;
        int32_t cp = utf8_at(sp->s, sp->len, i, &next);
        if (utf8_is_space(cp))
            break;
        i = next;
    }
    return i;
}

/* Words that, coming next, continue the sentence: a quoting verb after
 * "…?" or an auxiliary after "…다" (내리다 보면). `=` marks whole words. */
static const char *const continue_after_punct[] = {
    "하고", "하며", "하면서", "하는", "하던", "하여", "해서", "하니", "하자", "하더",
    "하드", "하곤", "하였", "했다", "했고", "했지", "한다", "라고", "라며", "=라는",
    "=라면", "이라고", "이라며", "이라는", "=고", "=며", "=는", "=하", "=라", "싶", NULL};

static const char *const continue_after_ending[] = {
    "보면", "보니", "보고", "보다가", "싶", "않", "=못", "하드", "하더", "하고", "하며",
    "하는", "라고", "라는", "라며", "=고", "=며", "=는", "=하", "=쳐", "=해", "카는",
    "는데", "하겠", "못해", "두려", "걱정", "=봐", "생각", NULL};

static int word_in(const char *w, size_t n, const char *const *list)
{
    for (; *list; list++) {
        const char *e = *list;
        if (e[0] == '=') {
            size_t m = strlen(e + 1);
            if (m == n && memcmp(w, e + 1, m) == 0)
                return 1;
        } else if (starts_with(w, n, e)) {
            return 1;
        }
    }
    return 0;
}

static int next_word_continues(const splitter *sp, size_t i, const char *const *list)
{
    size_t a = skip_spaces(sp, i);
    size_t b = word_end(sp, a);
    return a < b && word_in(sp->s + a, b - a, list);
}

/* Drop trailing decorations (ㅋㅋ, ~, emoji) and stray closers. */
static size_t strip_tail(const char *s, size_t a, size_t b)
{
    while (b > a) {
        size_t p;
        int32_t cp = utf8_prev(s, b, &p);
        if (p < a || !(is_decoration(cp) || is_term(cp)))
            break;
        b = p;
    }
    return b;
}

static size_t count_syllables(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t next;
        if (is_syllable(utf8_at(s, n, i, &next)))
            k++;
        i = next;
    }
    return k;
}

/* Endings that close a sentence without punctuation. */
static const lexeme final_endings[] = {
    LX("니다"), LX("니까"), LX("세요"), LX("어요"), LX("아요"), LX("에요"), LX("예요"), LX("해요"),
    LX("네요"), LX("군요"), LX("지요"), LX("죠"), LX("쥬"), LX("구나"), LX("구먼"), LX("거든"),
    LX("걸랑"), LX("래요"), LX("드래요"), LX("더라"), LX("는가"), LX("던가"), LX("겠지"),
    LX("잖아"), LX("됨"), LX("햐"), LX("긋나"), LX("기라"), LX("드라구"), LX("더라구"),
    LX("드라고"), LX("더라고"), LX("래요"), LX("니당"), LX("세욧"), LX("거야"), LX_END};

/* Nouns and particles that merely look like endings. */
static const char *const not_endings[] = {
    "보다", "바다", "마다", "까지다", "필요", "중요", "주요", "다음", "처음", "마음",
    "얼음", "웃음", "울음", "모임", "포함", "이유", "자유", "우유", "석유", "보유",
    "함유", "경우", "정유", "공유", "제", "문제", "경제", "체제", "규제", "주제",
    "세제", "국제", "실제", "과제", "관제", "이제", "언제", "통제", "형제", "재",
    "현재", "존재", "소재", "인재", "부재", "당", "정당", "사용", "내용", "이용",
    "비용", "활용", "적용", "수용", "허용", "효용", "범용", "음", "함", "임", NULL};

/* Syllables that end a verb stem or pre-final ending before 다: 했다,
 * 한다, 있다, 같다, 좋다. Nouns ending in 다 (바다, 최다, 그라나다) fail. */
static int verb_before_da(int32_t cp)
{
    static const char stems[] = "이하니없같싶좋많렵롭쁘않있겠싫작크높낮길짧넓깊맞듯답럽놓렇떻르리기지되오보주우추치키피히";
    int jong = hangul_jong(cp);
    if (jong == JONG_SS || jong == JONG_N || jong == JONG_B)
        return 1;
    return syllable_in(cp, stems);
}

/* Syllables before a polite 요: 어요, 해요, 네요, 세요, 죠 ... */
static int polite_before_yo(int32_t cp)
{
    static const char pre[] = "어아에예해네세까래게데걸지군나가고서져워와줘봐돼요더려니쥬구";
    if (hangul_jong(cp) == JONG_SS)
        return 1;
    return syllable_in(cp, pre);
}

/* Endings of notes and chat (있음, 맛집임, 해야함, 잘됐네용, 않아유) tell
 * themselves from nouns (상호작용, 재임, 신호음, 이유) by the syllable
 * before them. */
static int nominal_or_cute_end(int32_t last, int32_t prev)
{
    switch (last) {
    case 0xC74C: /* 음 */
        return hangul_jong(prev) == JONG_SS || syllable_in(prev, "없않좋같많싶");
    case 0xC784: /* 임 */
        return hangul_jong(prev) > 0 && !syllable_in(prev, "책");
    case 0xD568: /* 함 */
        return hangul_jong(prev) == 0 && syllable_in(prev, "야아해어요워와봐여");
    case 0xC90C: /* 줌: 설명해줌 */
    case 0xC9D0: /* 짐: 산만해짐 */
        return 1;
    case 0xC9C0: /* 지: 잤지, 했지 */
    case 0xC7AC: /* 재: 없재 */
    case 0xC81C: /* 제: 싶았제 */
    case 0xB098: /* 나: 있나, 했나 */
        return hangul_jong(prev) == JONG_SS || (last == 0xC7AC && syllable_in(prev, "없"));
    case 0xC6A9: /* 용 */
        return syllable_in(prev, "네요까해구지세");
    case 0xC720: /* 유 */
        return syllable_in(prev, "아어해봐");
    default:
        return 0;
    }
}

/* Nouns that merely look like endings (바다, 필요, 재임): the whole word,
 * or one ending in 보다/마다. Entries are at most 12 bytes. */
static int is_noun_lookalike(const char *w, size_t n)
{
    if (n <= 12)
        for (const char *const *e = not_endings; *e; e++)
            if (strlen(*e) == n && memcmp(w, *e, n) == 0)
                return 1;
    return ends_with(w, n, "보다") || ends_with(w, n, "마다");
}

/* The ending test proper; is_final_word() adds the noun veto. */
static int final_by_ending(const splitter *sp, size_t a, size_t b)
{
    size_t p;
    int32_t tail = utf8_prev(sp->s, b, &p);
    /* laughter or an emoji glued to a word closes it: 지뢰ㅋㅋ, 선택😆 */
    if ((tail == 0x314B || tail == 0x314E || tail == 0x3160 || tail == 0x315C ||
         (tail >= 0x1F300 && tail <= 0x1FAFF)) && p > a &&
        is_syllable(utf8_prev(sp->s, strip_tail(sp->s, a, b), &p)))
        return 1;
    b = strip_tail(sp->s, a, b);
    if (b <= a)
        return 0;
    const char *w = sp->s + a;
    size_t n = b - a;
    if (n == 3 && memcmp(w, "마", 3) == 0)
        return 1; /* 하지 마 */
    int32_t last = utf8_prev(sp->s, b, &p);
    if (!is_syllable(last))
        return 0;
    if (last == 0xB2E4 /* 다 */ || last == 0xC694 /* 요 */) {
        if (p <= a)
            return 0; /* 다 alone is an adverb */
        size_t q;
        int32_t prev = utf8_prev(sp->s, p, &q);
        return last == 0xB2E4 ? verb_before_da(prev) : polite_before_yo(prev);
    }
    if (last == 0xAE4C /* 까 */) {
        size_t q;
        int32_t prev = p > a ? utf8_prev(sp->s, p, &q) : 0;
        /* 할까, 습니까 ask; 다르니까 only connects */
        return hangul_jong(prev) == JONG_L || ends_with(w, n, "습니까") ||
               ends_with(w, n, "입니까") || ends_with(w, n, "합니까");
    }
    if (p > a && nominal_or_cute_end(last, utf8_prev(sp->s, p, &p)))
        return 1;
    /* the other endings close on one of these syllables: a cheap filter */
    if (!syllable_in(last, "죠쥬나먼든랑라가지아됨햐당욧야구고"))
        return 0;
    return ends_with_lexeme(w, n, final_endings) != NULL && count_syllables(w, n) >= 2;
}

/* Does the word s[a..b) end a sentence by its ending alone? The noun
 * veto runs last: most words are not final, and it is the costly part. */
static int is_final_word(const splitter *sp, size_t a, size_t b)
{
    if (!final_by_ending(sp, a, b))
        return 0;
    size_t e = strip_tail(sp->s, a, b);
    return e <= a || !is_noun_lookalike(sp->s + a, e - a);
}

static const char *const abbreviations[] = {
    "No", "no", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "vs", "Jr", "Sr", "Inc", "Co",
    "Ltd", "Corp", "Gen", "Lt", "Col", "Sgt", "Fig", "fig", "Vol", "vol", "pp", "p",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "e.g", "i.e", "U.S", "U.K", "Ph.D", "a.m", "p.m", "approx", "cf", "Rev", "Mt", NULL};

static int all_decoration(const char *s, size_t a, size_t b)
{
    return strip_tail(s, a, b) == a;
}

/* Does a single "." after the word s[a..b) mark an abbreviation or a list
 * number rather than a sentence end? */
static int dot_is_not_end(const splitter *sp, size_t a, size_t b)
{
    const char *w = sp->s + a;
    size_t n = b - a;
    if (n == 0)
        return 0;
    int digits = 1;
    for (size_t i = 0; i < n; i++)
        if (w[i] < '0' || w[i] > '9')
            digits = 0;
    if (digits && n <= 3 && a == skip_spaces(sp, sp->start))
        return 1; /* "1. " opening a list item */
    if (digits && n <= 4) {
        /* a date written with dots: 2026. 3. 12. */
        size_t c = skip_spaces(sp, b + 1);
        if (c < sp->len && sp->s[c] >= '0' && sp->s[c] <= '9') {
            size_t d = c;
            while (d < sp->len && d - c < 3 && sp->s[d] >= '0' && sp->s[d] <= '9')
                d++;
            if (d < sp->len && sp->s[d] == '.' && d - c <= 2)
                return 1;
        }
    }
    if (n == 1 && w[0] >= 'A' && w[0] <= 'Z')
        return 1; /* an initial: "J. K." */
    for (const char *const *e = abbreviations; *e; e++)
        if (strlen(*e) == n && memcmp(w, *e, n) == 0)
            return 1;
    return 0;
}

/* Connectives and particles after which "…" or ".." trails off inside a
 * sentence (모르겠지만.. 다들) rather than ending it. */
static const char *const trail_inside[] = {
    "지만", "는데", "은데", "인데", "고", "서", "면", "며", "니까", "에", "물론", "은",
    "는", "이", "가", "을", "를", "도", "와", "과", "랑", "하고", "그리고", "그런데",
    "그래서", "근데", "그러나", "하지만", NULL};

/* Skip reference marks such as "[2]", "[4][5]" or "[참고 2]" right after
 * an end: short, holding a digit, no full stop inside. */
static size_t skip_footnotes(const splitter *sp, size_t i)
{
    while (i < sp->len && sp->s[i] == '[') {
        size_t j = i + 1;
        int digit = 0;
        while (j < sp->len && j - i < 20 && sp->s[j] != ']' && sp->s[j] != '.' &&
               sp->s[j] != '[')
            digit |= sp->s[j] >= '0' && sp->s[j] <= '9', j++;
        if (!digit || j >= sp->len || sp->s[j] != ']')
            break;
        i = j + 1;
    }
    return i;
}

/* A short aside in brackets at `at` — "(6회 우승)", "(요한 3:13)" — that
 * belongs to the sentence just ended: where it ends (after the ")"), or 0
 * when there is none, it is long, holds a sentence end, or is not
 * followed by a space. */
static size_t aside_end(const splitter *sp, size_t at)
{
    if (at + 1 >= sp->len || sp->s[at] != '(' || sp->s[at + 1] == ' ')
        return 0;
    for (size_t j = at + 1; j < sp->len && j - at <= 40; j++) {
        if (sp->s[j] == '.' || sp->s[j] == '!' || sp->s[j] == '?' || sp->s[j] == '(' ||
            sp->s[j] == ',')
            return 0;
        if (sp->s[j] == ')')
            return j + 1 >= sp->len || sp->s[j + 1] == ' ' ? j + 1 : 0;
    }
    return 0;
}

/* Does a bracket or quotation open after the spaces at i? */
static int opens_bracket_next(const splitter *sp, size_t i)
{
    size_t a = skip_spaces(sp, i), next;
    return a < sp->len && closer_of(utf8_at(sp->s, sp->len, a, &next)) != 0;
}

/* Does another quotation open after the spaces at i? (dialogue lines) */
static int opens_quote_next(const splitter *sp, size_t i)
{
    size_t a = skip_spaces(sp, i), next;
    if (a >= sp->len || a == i)
        return 0;
    int32_t cp = utf8_at(sp->s, sp->len, a, &next);
    return cp == '"' || cp == 0x201C;
}

/* A run of terminators starts at i (depth 0); returns where scanning goes
 * on, emitting a sentence when the run ends one. */
static size_t at_terminator(splitter *sp, size_t word_start, size_t i)
{
    size_t j = i, next;
    int dots = 0, others = 0, ellipsis = 0;
    while (j < sp->len) {
        int32_t cp = utf8_at(sp->s, sp->len, j, &next);
        if (!is_term(cp))
            break;
        if (cp == '.')
            dots++;
        else if (cp == 0x2026 || cp == 0x2025)
            ellipsis = 1;
        else
            others++;
        j = next;
    }
    size_t k = skip_footnotes(sp, j);
    while (k < sp->len) {
        int32_t cp = utf8_at(sp->s, sp->len, k, &next);
        if (!is_decoration(cp) && !(is_closer(cp) && cp != '\'' && cp != '"'))
            break;
        k = next;
    }
    k = skip_footnotes(sp, k);
    if (k < sp->len) {
        int32_t cp = utf8_at(sp->s, sp->len, k, &next);
        if (!utf8_is_space(cp))
            return j; /* 3.5%, a.b, 뭐지?ㅎ다음: not an end here */
    }
    if (k >= sp->len) {
        emit(sp, k);
        return k;
    }
    if (dots == 1 && !others && !ellipsis && dot_is_not_end(sp, word_start, i))
        return k;
    if ((dots >= 2 || ellipsis) && !others) {
        size_t b = i;
        /* 아... 길었다 / 네, 네... 여기: an interjection trails off */
        if (count_syllables(sp->s + word_start, b - word_start) == 1 && !opens_bracket_next(sp, k))
            return k;
        if (b > word_start && ends_with_any(sp->s + word_start, b - word_start, trail_inside) &&
            !is_final_word(sp, word_start, b) && !opens_quote_next(sp, k))
            return k;
    }
    if (next_word_continues(sp, k, continue_after_punct))
        return k;
    size_t aside = aside_end(sp, skip_spaces(sp, k));
    if (aside)
        k = aside;
    if (all_decoration(sp->s, word_start, k) && skip_spaces(sp, sp->start) == word_start &&
        sp->n > 0) {
        /* "해요 ^^..": the emoticon closes the sentence before it */
        if (sp->n <= sp->cap)
            sp->out[sp->n - 1].end = k;
        sp->start = k;
        return k;
    }
    emit(sp, k);
    return k;
}

/* Does an English sentence start after the spaces at i? (He said "Done."
 * Then he left.) */
static int capital_next(const splitter *sp, size_t i)
{
    size_t a = skip_spaces(sp, i);
    return a > i && a < sp->len && sp->s[a] >= 'A' && sp->s[a] <= 'Z';
}

/* The outermost quote or bracket closes at i (its closer ends at next). */
static size_t at_outer_close(splitter *sp, size_t i, size_t next)
{
    size_t p;
    int32_t inner = utf8_prev(sp->s, i, &p);
    int ended = is_term(inner) || (is_decoration(inner) && p > sp->start &&
                                   is_term(utf8_prev(sp->s, p, &p)));
    if (!ended) {
        /* (…아닙니다ㅋㅋ): the last word inside ends like a sentence */
        size_t ws = i;
        while (ws > sp->start && sp->s[ws - 1] != ' ' && sp->s[ws - 1] != '(' &&
               sp->s[ws - 1] != '"')
            ws--;
        ended = ws < i && is_final_word(sp, ws, i);
    }
    if (!ended)
        return next; /* a terminator may follow: "(3번 우승)." */
    size_t k = next;
    /* decorations or a second closer right after belong to the sentence */
    while (k < sp->len) {
        size_t n2;
        int32_t cp = utf8_at(sp->s, sp->len, k, &n2);
        if (!is_decoration(cp) && !is_term(cp))
            break;
        k = n2;
    }
    if (k < sp->len) {
        size_t n2;
        if (!utf8_is_space(utf8_at(sp->s, sp->len, k, &n2))) {
            size_t aside = aside_end(sp, k);
            /* "…한다."(요한 3:13): a reference closes the quoted sentence */
            if (!aside || !sp->quote_at_start)
                return k;
            emit(sp, aside);
            return aside;
        }
    }
    if (!sp->quote_at_start && !opens_quote_next(sp, k) && !capital_next(sp, k))
        return k;
    if (next_word_continues(sp, k, continue_after_punct))
        return k;
    emit(sp, k);
    return k;
}

/* Does the white space starting at i hold a line break? */
static int line_ends(const splitter *sp, size_t i)
{
    for (; i < sp->len && (sp->s[i] == ' ' || sp->s[i] == '\t' || sp->s[i] == '\r' ||
                           sp->s[i] == '\n');
         i++)
        if (sp->s[i] == '\n')
            return 1;
    return 0;
}

/* A word s[a..b) ended at depth 0 by the space at b (next after it). */
static void at_word_end(splitter *sp, size_t a, size_t b, size_t next)
{
    if (all_decoration(sp->s, a, b)) {
        /* ㅋㅋㅋ or an emoji after a sentence end belongs to that sentence;
         * standing after words, it ends theirs (됨 ㅇㅇ, 듯 ㅋㅋ) */
        if (skip_spaces(sp, sp->start) == a) {
            if (sp->n > 0 && sp->n <= sp->cap)
                sp->out[sp->n - 1].end = b;
            if (sp->n > 0)
                sp->start = b;
        } else if (is_jamo(utf8_prev(sp->s, b, &(size_t){0}))) {
            emit(sp, b);
        }
        return;
    }
    size_t end = b;
    /* 없잖아요(강한부정): an aside glued to the word's end */
    if (sp->s[b - 1] == ')') {
        size_t open = b - 1;
        while (open > a && sp->s[open] != '(')
            open--;
        if (sp->s[open] == '(' && open > a)
            end = open;
    }
    /* at a line end (…습니다\n) the ending is enough; between words the
     * next word must not continue it (내리다 보면) */
    if (is_final_word(sp, a, end) &&
        (line_ends(sp, b) || !next_word_continues(sp, next, continue_after_ending)))
        emit(sp, b);
}

static void split_run(splitter *sp)
{
    size_t i = 0, word_start = 0;
    while (i < sp->len) {
        size_t next;
        int32_t cp = utf8_at(sp->s, sp->len, i, &next);
        if (utf8_is_space(cp)) {
            if (sp->depth == 0 && i > word_start)
                at_word_end(sp, word_start, i, next);
            i = skip_spaces(sp, next);
            word_start = i;
            continue;
        }
        if (sp->depth > 0 && i == sp->stack[sp->depth - 1]) {
            sp->depth--;
            i = sp->depth == 0 ? at_outer_close(sp, i, next) : next;
            continue;
        }
        int32_t closer = closer_of(cp);
        if (closer && sp->depth < MAX_DEPTH) {
            size_t p;
            int32_t prev = i > 0 ? utf8_prev(sp->s, i, &p) : ' ';
            /* an apostrophe inside a word (don't, 1990's) is no quote */
            int apostrophe = cp == '\'' && is_ascii_alnum(prev);
            size_t limit = sp->depth ? sp->stack[sp->depth - 1] : sp->len;
            size_t at = apostrophe ? SIZE_MAX : find_closer(sp, next, cp, closer, limit);
            if (at != SIZE_MAX) {
                if (sp->depth == 0)
                    sp->quote_at_start = skip_spaces(sp, sp->start) == i;
                sp->stack[sp->depth++] = at;
                i = next;
                continue;
            }
        }
        if (sp->depth == 0 && is_term(cp)) {
            i = at_terminator(sp, word_start, i);
            continue;
        }
        i = next;
    }
    emit(sp, sp->len);
}

size_t gisa_split_sentences(const char *text, size_t len, gisa_span *spans, size_t cap)
{
    splitter sp;
    memset(&sp, 0, sizeof sp);
    sp.s = text;
    sp.len = len;
    sp.out = spans;
    sp.cap = spans ? cap : 0;
    split_run(&sp);
    return sp.n;
}
