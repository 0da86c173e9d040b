/* stem.c - eojeol stemming: strip particles (josa) and common endings by
 * longest match, respecting the final-consonant rule, never below two
 * syllables, so that 국방부는 / 국방부가 / 국방부의 meet as 국방부. */
#include <string.h>

#include "gisa.h"
#include "hangul.h"

/* Which stems a suffix may follow: any, a final consonant, or a vowel. */
enum { ANY, CONS, VOWEL };

typedef struct suffix {
    const char *text;
    int after;
} suffix;

/* Longest first within the list is not needed: every entry is tried and
 * the longest that fits wins. */
static const suffix suffixes[] = {
    /* particles after a final consonant */
    {"은", CONS}, {"을", CONS}, {"과", CONS}, {"이", CONS}, {"으로", CONS},
    {"으로서", CONS}, {"으로써", CONS}, {"으로는", CONS}, {"으로도", CONS},
    {"이나", CONS}, {"이라", CONS}, {"이라고", CONS}, {"이라는", CONS},
    {"이란", CONS}, {"이며", CONS}, {"이고", CONS}, {"이다", CONS},
    {"이었다", CONS}, {"이랑", CONS}, {"과의", CONS}, {"과는", CONS},
    {"이자", CONS}, {"입니다", CONS}, {"이었습니다", CONS},
    /* particles after a vowel */
    {"는", VOWEL}, {"를", VOWEL}, {"와", VOWEL}, {"가", VOWEL}, {"로", VOWEL},
    {"로서", VOWEL}, {"로써", VOWEL}, {"로는", VOWEL}, {"로도", VOWEL},
    {"나", VOWEL}, {"라고", VOWEL}, {"라는", VOWEL}, {"란", VOWEL},
    {"며", VOWEL}, {"다", VOWEL}, {"였다", VOWEL}, {"랑", VOWEL},
    {"와의", VOWEL}, {"와는", VOWEL}, {"자", VOWEL}, {"였습니다", VOWEL},
    {"입니다", VOWEL},
    /* particles after anything */
    {"의", ANY}, {"에", ANY}, {"에서", ANY}, {"에게", ANY}, {"에게서", ANY},
    {"께서", ANY}, {"한테", ANY}, {"부터", ANY}, {"까지", ANY}, {"도", ANY},
    {"만", ANY}, {"보다", ANY}, {"처럼", ANY}, {"마다", ANY}, {"조차", ANY},
    {"밖에", ANY}, {"에도", ANY}, {"에는", ANY}, {"에서는", ANY},
    {"에서도", ANY}, {"에서의", ANY}, {"에게는", ANY}, {"까지는", ANY},
    {"부터는", ANY}, {"만큼", ANY}, {"대로", ANY}, {"뿐", ANY}, {"께", ANY},
    {"들", ANY}, {"들은", ANY}, {"들이", ANY}, {"들의", ANY}, {"들을", ANY},
    {"들과", ANY}, {"들에게", ANY}, {"들도", ANY}, {"로부터", ANY},
    {"으로부터", CONS}, {"로의", VOWEL}, {"으로의", CONS}, {"기로", ANY}, {"에서부터", ANY}, {"이라며", CONS}, {"라며", VOWEL},
    /* verbal endings after a noun (협력했다 -> 협력) */
    {"하다", ANY}, {"했다", ANY}, {"한다", ANY}, {"하는", ANY}, {"하고", ANY},
    {"하며", ANY}, {"하면서", ANY}, {"했으며", ANY}, {"했고", ANY}, {"하여", ANY},
    {"해", ANY}, {"해서", ANY}, {"했습니다", ANY}, {"합니다", ANY},
    {"하기로", ANY}, {"하기", ANY}, {"하기로", ANY}, {"할", ANY}, {"한", ANY},
    {"된", ANY}, {"되는", ANY}, {"됐다", ANY}, {"되었다", ANY}, {"되어", ANY},
    {"됩니다", ANY}, {"되고", ANY}, {"시키는", ANY}, {"시켰다", ANY},
    {"하겠다", ANY}, {"하겠습니다", ANY}, {"하자는", ANY}, {"키로", ANY},
    {"적인", ANY}, {"적으로", ANY}, {"적", ANY}, {"했던", ANY}, {"하던", ANY},
};
#define NSUFFIXES (sizeof suffixes / sizeof suffixes[0])

/* Code points in s[0..n) (syllables, digits and letters alike). */
static size_t chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k++;
    return k;
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

size_t gisa_stem(const char *word, size_t len)
{
    size_t n = trim_punct(word, len);
    size_t best = n;
    for (size_t i = 0; i < NSUFFIXES; i++) {
        size_t m = strlen(suffixes[i].text);
        if (m >= n || memcmp(word + n - m, suffixes[i].text, m) != 0)
            continue;
        size_t rest = n - m;
        if (chars(word, rest) < 2 || rest >= best)
            continue;
        size_t p;
        int32_t before = utf8_prev(word, rest, &p);
        int jong = hangul_jong(before);
        if (jong < 0 && !(before >= '0' && before <= '9') && suffixes[i].after != ANY)
            continue;
        if (jong >= 0) {
            /* 로 also follows ㄹ: 서울로 */
            int cons = jong != 0 && !(jong == JONG_L && !strcmp(suffixes[i].text, "로"));
            if ((suffixes[i].after == CONS && !cons) || (suffixes[i].after == VOWEL && cons))
                continue;
        }
        best = rest;
    }
    return best;
}
