/* hangul.h - small helpers over Hangul syllables and UTF-8 words shared by
 * the analysis stage. */
#ifndef GISA_HANGUL_H
#define GISA_HANGUL_H

#include <stddef.h>
#include <stdint.h>

/* Jongseong index of a precomposed syllable: 0 none, 4 ㄴ, 8 ㄹ, 17 ㅂ,
 * 20 ㅆ ... ; -1 when cp is not a Hangul syllable. */
static inline int hangul_jong(int32_t cp)
{
    if (cp < 0xAC00 || cp > 0xD7A3)
        return -1;
    return (int)((cp - 0xAC00) % 28);
}

static inline int is_syllable(int32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }
/* Compatibility jamo (ㅋㅋ, ㅎㅎ, ㅠㅠ) used as laughter or emoticons. */
static inline int is_jamo(int32_t cp) { return cp >= 0x3131 && cp <= 0x318E; }

enum { JONG_NONE = 0, JONG_N = 4, JONG_L = 8, JONG_M = 16, JONG_B = 17, JONG_SS = 20 };

/* Decode the code point that ends just before byte i (i > 0); sets *start
 * to its first byte. */
int32_t utf8_prev(const char *s, size_t i, size_t *start);
/* Decode the code point at s[i]; sets *next to the byte after it. */
int32_t utf8_at(const char *s, size_t len, size_t i, size_t *next);

/* Does the byte string s[0..n) end with the UTF-8 string suffix? */
int ends_with(const char *s, size_t n, const char *suffix);
/* Does s[0..n) start with prefix? */
int starts_with(const char *s, size_t n, const char *prefix);
/* The first entry of the NULL-terminated list that s[0..n) ends with, or
 * NULL. */
const char *ends_with_any(const char *s, size_t n, const char *const *list);

/* Is cp one of the syllables of `list`, a string of three-byte (Hangul)
 * characters such as "에의을를"? */
int syllable_in(int32_t cp, const char *list);

/* A word list whose lengths are counted at compile time: the lists that
 * every word of every sentence is looked up in. End a list with LX_END. */
typedef struct lexeme {
    const char *s;
    size_t n;
} lexeme;
#define LX(text) {text, sizeof text - 1}
#define LX_END {NULL, 0}

/* Is w[0..n) one of the list? */
int in_lexemes(const char *w, size_t n, const lexeme *list);
/* The entry that s[0..n) ends with, or NULL. */
const char *ends_with_lexeme(const char *s, size_t n, const lexeme *list);

#endif
