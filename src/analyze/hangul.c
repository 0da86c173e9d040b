/* hangul.c - UTF-8 stepping and suffix tests for the analysis stage. */
#include <string.h>

#include "hangul.h"
#include "../util/utf8.h"

int32_t utf8_prev(const char *s, size_t i, size_t *start)
{
    /* ASCII and Hangul in place, as in utf8_at; the rest below. */
    const unsigned char *u = (const unsigned char *)s;
    if (i > 0 && u[i - 1] < 0x80) {
        *start = i - 1;
        return u[i - 1];
    }
    if (i >= 3 && u[i - 3] >= 0xE1 && u[i - 3] <= 0xEC && (u[i - 2] & 0xC0) == 0x80 &&
        (u[i - 1] & 0xC0) == 0x80) {
        *start = i - 3;
        return ((int32_t)(u[i - 3] & 0x0F) << 12) | ((int32_t)(u[i - 2] & 0x3F) << 6) |
               (u[i - 1] & 0x3F);
    }
    size_t j = i;
    /* At most three continuation bytes precede a lead byte. */
    while (j > 0 && i - j < 4) {
        j--;
        if (((unsigned char)s[j] & 0xC0) != 0x80)
            break;
    }
    int32_t cp;
    size_t n = utf8_decode((const unsigned char *)s + j, i - j, &cp);
    if (n != i - j) { /* invalid sequence: step one byte */
        j = i - 1;
        cp = 0xFFFD;
    }
    *start = j;
    return cp;
}

int32_t utf8_at(const char *s, size_t len, size_t i, size_t *next)
{
    const unsigned char *u = (const unsigned char *)s + i;
    /* The analysis reads text a character at a time, nearly all of it
     * ASCII or Hangul: those two are decoded here, the rest (and every
     * invalid sequence) by utf8_decode. A lead byte E1-EC with two
     * continuation bytes can be neither overlong nor a surrogate. */
    if (u[0] < 0x80) {
        *next = i + 1;
        return u[0];
    }
    if (u[0] >= 0xE1 && u[0] <= 0xEC && len - i >= 3 && (u[1] & 0xC0) == 0x80 &&
        (u[2] & 0xC0) == 0x80) {
        *next = i + 3;
        return ((int32_t)(u[0] & 0x0F) << 12) | ((int32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    }
    int32_t cp;
    size_t n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
    *next = i + n;
    return cp;
}

int ends_with(const char *s, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    return m <= n && memcmp(s + n - m, suffix, m) == 0;
}

int starts_with(const char *s, size_t n, const char *prefix)
{
    size_t m = strlen(prefix);
    return m <= n && memcmp(s, prefix, m) == 0;
}

const char *ends_with_any(const char *s, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (ends_with(s, n, *list))
            return *list;
    return NULL;
}

/* Both compare one byte before memcmp: the lists are long, and almost
 * every entry differs at once. */
int in_lexemes(const char *w, size_t n, const lexeme *list)
{
    for (; list->s; list++)
        if (list->n == n && n && list->s[n - 1] == w[n - 1] && !memcmp(list->s, w, n))
            return 1;
    return 0;
}

const char *ends_with_lexeme(const char *s, size_t n, const lexeme *list)
{
    for (; list->s; list++)
        if (list->n <= n && list->n && list->s[list->n - 1] == s[n - 1] &&
            !memcmp(s + n - list->n, list->s, list->n))
            return list->s;
    return NULL;
}

int syllable_in(int32_t cp, const char *list)
{
    char enc[4];
    size_t m = utf8_encode(cp, enc);
    for (size_t i = 0; list[i]; i += 3)
        if (memcmp(list + i, enc, m) == 0)
            return 1;
    return 0;
}
