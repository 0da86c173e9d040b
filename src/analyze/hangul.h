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

/* The slow paths of utf8_prev and utf8_at below: any code point, and an
 * invalid sequence as U+FFFD over one byte. */
int32_t utf8_prev_any(const char *s, size_t i, size_t *start);
int32_t utf8_at_any(const char *s, size_t len, size_t i, size_t *next);

/* Decode the code point that ends just before byte i (i > 0); sets *start
 * to its first byte. ASCII and Hangul (nearly all the text) are decoded
 * inline: the analysis calls this for every character it reads. */
static inline int32_t utf8_prev(const char *s, size_t i, size_t *start)
{
    const unsigned char *u = (const unsigned char *)s;
    if (i > 0 && u[i - 1] < 0x80) {
        *start = i - 1;
        return u[i - 1];
    }
    if (i >= 3 &&
        ((u[i - 3] >= 0xE1 && u[i - 3] <= 0xEC) || (u[i - 3] == 0xED && u[i - 2] < 0xA0)) &&
        (u[i - 2] & 0xC0) == 0x80 && (u[i - 1] & 0xC0) == 0x80) {
        *start = i - 3;
        return ((int32_t)(u[i - 3] & 0x0F) << 12) | ((int32_t)(u[i - 2] & 0x3F) << 6) |
               (u[i - 1] & 0x3F);
    }
    return utf8_prev_any(s, i, start);
}

/* Decode the code point at s[i]; sets *next to the byte after it. A lead
 * byte E1-EC with two continuation bytes can be neither overlong nor a
 * surrogate, nor ED with a second byte below A0 (U+D000-D7FF, the
 * syllables from 퀀 on: 하, 한, 해), so those are decoded here. */
static inline int32_t utf8_at(const char *s, size_t len, size_t i, size_t *next)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] < 0x80) {
        *next = i + 1;
        return u[0];
    }
    if (len - i >= 3 && ((u[0] >= 0xE1 && u[0] <= 0xEC) || (u[0] == 0xED && u[1] < 0xA0)) &&
        (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        *next = i + 3;
        return ((int32_t)(u[0] & 0x0F) << 12) | ((int32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    }
    return utf8_at_any(s, len, i, next);
}

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

/* Several lexeme lists in one hash set, for the lists every word of every
 * sentence is looked up in, where a scan of hundreds of entries per word
 * was the analysis's largest cost. Each list is a bit; a word present in
 * two lists has both. The caller owns the storage (a static table filled
 * once behind pthread_once, read-only after). */
typedef struct lexicon_slot {
    const char *s; /* NULL: empty */
    size_t n;
    unsigned lists; /* the bits of the lists that hold it */
} lexicon_slot;
#define LEXICON_MAX_LISTS 16
#define LEXICON_MAX_BYTES 64 /* longest entry a lexicon takes */
typedef struct lexicon {
    lexicon_slot *slot;
    size_t cap;                        /* a power of two */
    uint64_t lens[LEXICON_MAX_LISTS];  /* per list, bit L-1: an entry of L bytes */
    /* per list, the low six bits of each entry's last two bytes (of a
     * syllable, the low twelve bits of its code point): a word whose end
     * is in no entry's is passed without a hash per length */
    uint64_t tails[LEXICON_MAX_LISTS][64];
    unsigned short_entries; /* lists with an entry under two bytes: no tail test */
    int broken; /* an entry did not fit: the caller must scan its lists */
} lexicon;
/* Add `list` as list number `bit` (< LEXICON_MAX_LISTS) to lx, whose
 * slots (cap of them, a power of two, zeroed) must have room for every
 * entry of every list with a quarter to spare; 0 when an entry is longer
 * than LEXICON_MAX_BYTES or the table is full (lx->broken is then set). */
int lexicon_add(lexicon *lx, const lexeme *list, int bit);
/* The bits of the lists w[0..n) is an entry of (0: none). */
unsigned lexicon_lists(const lexicon *lx, const char *w, size_t n);
/* Is w[0..n) an entry of list `bit`? */
int lexicon_in(const lexicon *lx, const char *w, size_t n, int bit);
/* Does s[0..n) end with an entry of list `bit` (the whole of s counts)?
 * As ends_with_lexeme() != NULL for that list. */
int lexicon_ends(const lexicon *lx, const char *s, size_t n, int bit);

#endif
