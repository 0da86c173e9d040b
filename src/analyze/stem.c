/* stem.c - eojeol stemming: strip particles (josa) and common endings by
 * longest match, respecting the final-consonant rule, never below two
 * syllables, so that 국방부는 / 국방부가 / 국방부의 meet as 국방부. */
#include <pthread.h>
#include <string.h>

#include "gisa.h"
#include "hangul.h"
#include "../util/utf8.h"

/* Which stems a suffix may follow: any, a final consonant, or a vowel. */
enum { ANY, CONS, VOWEL };

typedef struct suffix {
    const char *text;
    size_t len;
    int after;
} suffix;

/* An entry with its byte length counted at compile time. */
#define S(text, after) {text, sizeof text - 1, after}

/* Longest first within the list is not needed: every entry is tried and
 * the longest that fits wins. */
static const suffix suffixes[] = {
    /* particles after a final consonant */
    S("은", CONS), S("을", CONS), S("과", CONS), S("이", CONS), S("으로", CONS),
    S("으로서", CONS), S("으로써", CONS), S("으로는", CONS), S("으로도", CONS),
    S("이나", CONS), S("이라", CONS), S("이라고", CONS), S("이라는", CONS),
    S("이란", CONS), S("이며", CONS), S("이고", CONS), S("이다", CONS),
    S("이었다", CONS), S("이랑", CONS), S("과의", CONS), S("과는", CONS),
    S("이자", CONS), S("입니다", CONS), S("이었습니다", CONS),
    /* particles after a vowel */
    S("는", VOWEL), S("를", VOWEL), S("와", VOWEL), S("가", VOWEL), S("로", VOWEL),
    S("로서", VOWEL), S("로써", VOWEL), S("로는", VOWEL), S("로도", VOWEL),
    S("나", VOWEL), S("라고", VOWEL), S("라는", VOWEL), S("란", VOWEL),
    S("며", VOWEL), S("다", VOWEL), S("였다", VOWEL), S("랑", VOWEL),
    S("와의", VOWEL), S("와는", VOWEL), S("자", VOWEL), S("였습니다", VOWEL),
    S("입니다", VOWEL),
    /* particles after anything */
    S("의", ANY), S("에", ANY), S("에서", ANY), S("에게", ANY), S("에게서", ANY),
    S("께서", ANY), S("한테", ANY), S("부터", ANY), S("까지", ANY), S("도", ANY),
    S("만", ANY), S("보다", ANY), S("처럼", ANY), S("마다", ANY), S("조차", ANY),
    S("밖에", ANY), S("에도", ANY), S("에는", ANY), S("에서는", ANY),
    S("에서도", ANY), S("에서의", ANY), S("에게는", ANY), S("까지는", ANY),
    S("부터는", ANY), S("만큼", ANY), S("대로", ANY), S("뿐", ANY), S("께", ANY),
    S("들", ANY), S("들은", ANY), S("들이", ANY), S("들의", ANY), S("들을", ANY),
    S("들과", ANY), S("들에게", ANY), S("들도", ANY), S("로부터", ANY),
    S("으로부터", CONS), S("로의", VOWEL), S("으로의", CONS), S("기로", ANY), S("에서부터", ANY), S("이라며", CONS), S("라며", VOWEL),
    /* verbal endings after a noun (협력했다 -> 협력) */
    S("하다", ANY), S("했다", ANY), S("한다", ANY), S("하는", ANY), S("하고", ANY),
    S("하며", ANY), S("하면서", ANY), S("했으며", ANY), S("했고", ANY), S("하여", ANY),
    S("해", ANY), S("해서", ANY), S("했습니다", ANY), S("합니다", ANY),
    S("하기로", ANY), S("하기", ANY), S("하기로", ANY), S("할", ANY), S("한", ANY),
    S("된", ANY), S("되는", ANY), S("됐다", ANY), S("되었다", ANY), S("되어", ANY),
    S("됩니다", ANY), S("되고", ANY), S("시키는", ANY), S("시켰다", ANY),
    S("하겠다", ANY), S("하겠습니다", ANY), S("하자는", ANY), S("키로", ANY),
    S("적인", ANY), S("적으로", ANY), S("적", ANY), S("했던", ANY), S("하던", ANY),
};
#define NSUFFIXES (sizeof suffixes / sizeof suffixes[0])

/* The suffixes by their last byte, counting-sorted: a word is tried only
 * against the few that can end it, not all of them (gisa_stem runs for
 * every word of every analysis). Which suffix is tried first does not
 * matter: the shortest stem left wins. Built once, only read after. */
typedef struct suffix_index {
    unsigned short start[257]; /* suffixes ending in byte b: order[start[b]..start[b+1]) */
    unsigned char order[NSUFFIXES];
} suffix_index;
_Static_assert(NSUFFIXES < 256, "order[] holds suffix numbers in a byte");
static suffix_index by_last;
static pthread_once_t by_last_once = PTHREAD_ONCE_INIT;

static void build_by_last(void)
{
    unsigned short count[256] = {0};
    for (size_t i = 0; i < NSUFFIXES; i++)
        count[(unsigned char)suffixes[i].text[suffixes[i].len - 1]]++;
    for (size_t b = 0; b < 256; b++)
        by_last.start[b + 1] = (unsigned short)(by_last.start[b] + count[b]);
    unsigned short next[256];
    memcpy(next, by_last.start, sizeof next);
    for (size_t i = 0; i < NSUFFIXES; i++)
        by_last.order[next[(unsigned char)suffixes[i].text[suffixes[i].len - 1]]++] =
            (unsigned char)i;
}

/* Strip trailing punctuation and quotes: the stem is made of letters. */
static size_t trim_punct(const char *w, size_t n)
{
    while (n > 0) {
        size_t p;
        int32_t cp = utf8_prev(w, n, &p);
        if (is_syllable(cp) || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
            (cp >= 'a' && cp <= 'z') || cp == '%' || (cp >= 0x4E00 && cp <= 0x9FFF))
            break;
        n = p;
    }
    return n;
}

/* Does suffix i, ending word[0..n), leave a stem it may follow? */
static int fits(const char *word, size_t n, size_t i)
{
    size_t m = suffixes[i].len;
    if (m >= n)
        return 0;
    /* compared from the end, where suffixes of one last byte differ */
    for (size_t j = 1; j <= m; j++)
        if (word[n - j] != suffixes[i].text[m - j])
            return 0;
    size_t rest = n - m, p, chars = 0;
    /* two characters at least are left (counted no further than two) */
    for (size_t j = 0; j < rest && chars < 2; j++)
        chars += ((unsigned char)word[j] & 0xC0) != 0x80;
    if (chars < 2)
        return 0;
    int32_t before = utf8_prev(word, rest, &p);
    int jong = hangul_jong(before);
    if (jong < 0)
        return (before >= '0' && before <= '9') || suffixes[i].after == ANY;
    /* 로 also follows ㄹ: 서울로 */
    int cons = jong != 0 && !(jong == JONG_L && !strcmp(suffixes[i].text, "로"));
    return !((suffixes[i].after == CONS && !cons) || (suffixes[i].after == VOWEL && cons));
}

size_t gisa_stem(const char *word, size_t len)
{
    size_t n = trim_punct(word, len);
    if (n == 0)
        return 0;
    pthread_once(&by_last_once, build_by_last);
    unsigned char last = (unsigned char)word[n - 1];
    size_t best = n;
    for (size_t k = by_last.start[last]; k < by_last.start[last + 1]; k++) {
        size_t i = by_last.order[k];
        if (suffixes[i].len < n && n - suffixes[i].len < best && fits(word, n, i))
            best = n - suffixes[i].len;
    }
    return best;
}
