/* slug.c - Revised Romanization of Korean, syllable by syllable.
 *
 * Each precomposed syllable splits arithmetically into initial, vowel and
 * final jamo (Unicode's Hangul composition), each written by a table.
 * Sound changes between syllables are left out: a slug must be stable and
 * readable, not a pronunciation guide. */
#include "slug.h"

#include <string.h>

#include "../util/utf8.h"

static const char *const initials[19] = {
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj",
    "ch", "k", "t", "p", "h",
};
static const char *const vowels[21] = {
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe",
    "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
};
static const char *const finals[28] = {
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
    "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
};

static void hyphen(buf *out, size_t start)
{
    if (out->len > start && out->ptr[out->len - 1] != '-')
        buf_putc(out, '-');
}

void slug_romanize(buf *out, const char *title)
{
    size_t start = out->len;
    const unsigned char *s = (const unsigned char *)(title ? title : "");
    size_t len = strlen((const char *)s), i = 0;
    while (i < len && out->len - start < SLUG_MAX) {
        int32_t cp;
        i += utf8_decode(s + i, len - i, &cp);
        if (utf8_is_hangul(cp)) {
            int v = cp - 0xAC00;
            buf_puts(out, initials[v / 588]);
            buf_puts(out, vowels[(v % 588) / 28]);
            buf_puts(out, finals[v % 28]);
        } else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            buf_putc(out, (char)cp);
        } else if (cp >= 'A' && cp <= 'Z') {
            buf_putc(out, (char)(cp + 32));
        } else {
            hyphen(out, start);
        }
    }
    if (out->len - start > SLUG_MAX)
        out->len = start + SLUG_MAX;
    while (out->len > start && out->ptr[out->len - 1] == '-')
        out->len--;
    if (out->len == start)
        buf_puts(out, "post");
    if (out->ptr)
        out->ptr[out->len] = '\0';
}
