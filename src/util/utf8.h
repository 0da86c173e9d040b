/* utf8.h - UTF-8 checks, decoding and text clean-up. */
#ifndef GISA_UTF8_H
#define GISA_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"

/* Result of scanning bytes as UTF-8. */
typedef struct utf8_scan {
    size_t first_error; /* offset of the first invalid byte, or len */
    size_t multibyte;   /* valid sequences of 2-4 bytes */
    size_t invalid;     /* invalid bytes */
} utf8_scan;

utf8_scan utf8_check(const unsigned char *s, size_t len);

/* Length of the run of ASCII bytes s starts with (len when all are). */
size_t utf8_ascii_prefix(const char *s, size_t len);

/* Decode one code point at s[0..len); returns its length (>= 1), and
 * U+FFFD in *cp for an invalid byte. */
size_t utf8_decode(const unsigned char *s, size_t len, int32_t *cp);
/* Encode cp; returns bytes written to out (1..4). */
size_t utf8_encode(int32_t cp, char *out);
/* Number of code points (invalid bytes count one each). */
size_t utf8_length(const char *s, size_t len);

int utf8_is_space(int32_t cp);
int utf8_is_hangul(int32_t cp); /* a precomposed Hangul syllable */

/*
 * Append `s` to `out` with whitespace collapsed to single spaces (line
 * breaks kept as "\n" when keep_newlines), zero-width characters dropped,
 * control characters removed and the text NFC-normalised. No leading or
 * trailing space is written.
 */
void text_clean(buf *out, const char *s, size_t len, int keep_newlines);

/* The same, into the arena; NULL when out of memory. */
char *text_clean_dup(arena *a, const char *s, size_t len, int keep_newlines);

/* Characters that change how text looks or reads without being text:
 * bidirectional controls (U+202A-202E, U+2066-2069, U+200E/200F, U+061C)
 * and the Hangul fillers (U+3164, U+115F, U+1160, U+FFA0). A "\u202e999"
 * shows one figure and holds another; "신\u3164원식" looks like a name and
 * matches none. */
int utf8_is_hidden(int32_t cp);

/* Compatibility form of one code point (NFKC's mapping: full-width "４"
 * -> "4", "㎞" -> "km", "①" -> "1"): fills out[0..cap) and returns how
 * many; cp itself when it has none. Hangul syllables are left whole. */
size_t utf8_compat(int32_t cp, int32_t *out, size_t cap);

/* Append `s` as text to compare: hidden characters removed, then NFKC. */
void text_fold_compat(buf *out, const char *s, size_t len);

/* NFC-normalise `s` in place in `b` from offset `from` on (a no-op for
 * text that cannot change, which is checked first because it is cheap). */
void text_nfc_tail(buf *b, size_t from);

#endif
