/* utf8.c - UTF-8 checks, decoding and text clean-up.
 *
 * Decoding is written out because it sits on the hot path of every text
 * node; normalisation is utf8proc's job, and is skipped for text that is
 * ASCII or precomposed Hangul, which cannot change under NFC. */
#include "utf8.h"

#include <string.h>
#include <stdlib.h>

#include "utf8procapi.h"

static size_t seq_len(unsigned char c)
{
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return 2;
    if (c >= 0xE0 && c <= 0xEF) return 3;
    if (c >= 0xF0 && c <= 0xF4) return 4;
    return 0;
}

size_t utf8_decode(const unsigned char *s, size_t len, int32_t *cp)
{
    unsigned char c = s[0];
    size_t n = seq_len(c);
    if (n == 1) {
        *cp = c;
        return 1;
    }
    if (n == 0 || n > len)
        goto bad;
    int32_t v = c & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            goto bad;
        v = (v << 6) | (s[i] & 0x3F);
    }
    /* Reject overlong forms, surrogates and values past U+10FFFF. */
    if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF))
        goto bad;
    *cp = v;
    return n;
bad:
    *cp = 0xFFFD;
    return 1;
}

size_t utf8_encode(int32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Index of the first byte at or after i that is not ASCII, or len.
 * Pages are mostly ASCII markup, so eight bytes are tested at a time. */
static size_t skip_ascii(const unsigned char *s, size_t i, size_t len)
{
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL)
            break;
    }
    while (i < len && s[i] < 0x80)
        i++;
    return i;
}

size_t utf8_ascii_prefix(const char *s, size_t len)
{
    return skip_ascii((const unsigned char *)s, 0, len);
}

utf8_scan utf8_check(const unsigned char *s, size_t len)
{
    utf8_scan r = {len, 0, 0};
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            i = skip_ascii(s, i + 1, len);
            continue;
        }
        int32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 1) {
            if (r.invalid++ == 0)
                r.first_error = i;
        } else {
            r.multibyte++;
        }
        i += n;
    }
    return r;
}

size_t utf8_length(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

int utf8_is_space(int32_t cp)
{
    switch (cp) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
        return 1;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

int utf8_is_hangul(int32_t cp)
{
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

static int is_invisible(int32_t cp)
{
    /* zero-width space/joiners, word joiner, BOM, soft hyphen */
    return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
           cp == 0xAD;
}

/* Bytes of the Hangul syllable that starts s[0..len), or 0: the text
 * read here is nearly all Hangul and ASCII, which the loops below take
 * without a call per character. */
static size_t hangul_at(const unsigned char *s, size_t len)
{
    if (len < 3 || s[0] < 0xEA || s[0] > 0xED || (s[1] & 0xC0) != 0x80 ||
        (s[2] & 0xC0) != 0x80)
        return 0;
    int32_t cp = ((int32_t)(s[0] & 0x0F) << 12) | ((int32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    return utf8_is_hangul(cp) ? 3 : 0;
}

/* The bytes of the run of visible ASCII (no space, no control) and Hangul
 * syllables that starts s[0..len): text_clean keeps such a run as it is. */
static size_t plain_run(const unsigned char *s, size_t len)
{
    size_t i = 0, h;
    while (i < len) {
        if (s[i] > 0x20 && s[i] < 0x7F)
            i++;
        else if ((h = hangul_at(s + i, len - i)))
            i += h;
        else
            break;
    }
    return i;
}

/* May NFC change this code point or its neighbours? */
static int nfc_sensitive(int32_t cp)
{
    if (cp < 0x300 || utf8_is_hangul(cp))
        return 0;
    if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) ||
        (cp >= 0xD7B0 && cp <= 0xD7FF))
        return 1; /* conjoining jamo compose into syllables */
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    return p->combining_class != 0 || p->comp_exclusion ||
           (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0);
}

void text_nfc_tail(buf *b, size_t from)
{
    if (b->oom || b->len <= from)
        return;
    const unsigned char *s = (const unsigned char *)b->ptr + from;
    size_t n = b->len - from, i = 0;
    int sensitive = 0;
    while (i < n && !sensitive) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t h = hangul_at(s + i, n - i); /* a syllable is never sensitive */
        if (h) {
            i += h;
            continue;
        }
        int32_t cp;
        i += utf8_decode(s + i, n - i, &cp);
        sensitive = nfc_sensitive(cp);
    }
    if (!sensitive)
        return;
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t m = utf8proc_map(s, (utf8proc_ssize_t)n, &out,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (m < 0)
        return; /* keep the text as it was rather than lose it */
    b->len = from;
    buf_append(b, (const char *)out, (size_t)m);
    free(out);
}

void text_clean(buf *out, const char *str, size_t len, int keep_newlines)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t start = out->len;
    int pending = 0; /* 0 none, 1 space, 2 newline */
    size_t i = 0;
    while (i < len) {
        size_t run = plain_run(s + i, len - i); /* kept whole, as below one by one */
        if (run) {
            if (pending && out->len > start)
                buf_putc(out, pending == 2 ? '\n' : ' ');
            pending = 0;
            buf_append(out, str + i, run);
            i += run;
            continue;
        }
        int32_t cp;
        size_t n = s[i] < 0x80 ? (cp = s[i], 1) : utf8_decode(s + i, len - i, &cp);
        if (utf8_is_space(cp)) {
            if (keep_newlines && (cp == '\n' || cp == 0x2028))
                pending = 2;
            else if (!pending)
                pending = 1;
        } else if (is_invisible(cp) || (cp < 0x20) || (cp >= 0x7F && cp < 0xA0)) {
            /* dropped */
        } else {
            if (pending && out->len > start)
                buf_putc(out, pending == 2 ? '\n' : ' ');
            pending = 0;
            if (cp == 0xFFFD && n == 1)
                buf_append(out, "\xEF\xBF\xBD", 3);
            else
                buf_append(out, str + i, n);
        }
        i += n;
    }
    text_nfc_tail(out, start);
}

char *text_clean_dup(arena *a, const char *s, size_t len, int keep_newlines)
{
    buf b = BUF_INIT;
    text_clean(&b, s, len, keep_newlines);
    char *r = b.oom ? NULL : arena_strndup(a, b.ptr ? b.ptr : "", b.len);
    buf_free(&b);
    return r;
}

int utf8_is_hidden(int32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
           cp == 0x200F || cp == 0x061C || cp == 0x3164 || cp == 0x115F || cp == 0x1160 ||
           cp == 0xFFA0;
}

size_t utf8_compat(int32_t cp, int32_t *out, size_t cap)
{
    if (cap == 0)
        return 0;
    out[0] = cp;
    if (cp < 0xA0 || utf8_is_hangul(cp))
        return 1;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->decomp_seqindex == UINT16_MAX || p->decomp_type == 0)
        return 1; /* no compatibility mapping; canonical forms stay NFC */
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, out, (utf8proc_ssize_t)cap,
                                                 UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
    if (n <= 0 || (size_t)n > cap) {
        out[0] = cp; /* a long mapping ("㍻"): keep the character */
        return 1;
    }
    return (size_t)n;
}

/* Bytes of the character that starts s[0..len) when NFKC leaves it as it
 * is beside any other (its quick check is Yes and it combines with
 * nothing): ASCII, Hangul syllables, and the punctuation Korean prose
 * uses; 0 for any other, hidden ones included. */
static size_t nfkc_stable_at(const unsigned char *s, size_t len)
{
    if (s[0] < 0x80)
        return 1;
    if (len >= 2 && ((s[0] == 0xC2 && s[1] == 0xB7) || (s[0] == 0xC3 && s[1] == 0x97)))
        return 2; /* · × */
    if (len < 3 || (s[0] & 0xF0) != 0xE0 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
        return 0;
    int32_t cp = ((int32_t)(s[0] & 0x0F) << 12) | ((int32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    switch (cp) {
    case 0x2013: case 0x2014: case 0x2018: case 0x2019: case 0x201C: case 0x201D:
    case 0x2022: case 0x203B: case 0x2192: case 0x25A0: case 0x25A1: case 0x25CB:
    case 0x25CF: case 0x3001: case 0x3002: case 0x300C: case 0x300D: case 0x300E:
    case 0x300F:
        return 3;
    default:
        return utf8_is_hangul(cp) ? 3 : 0;
    }
}

void text_fold_compat(buf *out, const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    /* Text NFKC would leave as it is, with nothing hidden, is copied: the
     * check folds every post, nearly always such text. */
    size_t k = 0, step;
    while (k < len && (step = nfkc_stable_at(s + k, len - k)))
        k += step;
    if (k == len) {
        if (len)
            buf_append(out, str, len);
        return;
    }
    buf visible = BUF_INIT;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = s[i] < 0x80 ? (cp = s[i], 1) : utf8_decode(s + i, len - i, &cp);
        if (!utf8_is_hidden(cp))
            buf_append(&visible, str + i, n);
        i += n;
    }
    /* NFKC changes nothing across a character nfkc_stable_at() takes
     * (nothing before it composes with it, and it stays as it is): only
     * each run of other characters is normalised, with the stable one
     * before it, which may compose with it (가 + ᆨ), and the rest copied.
     * A run that cannot be mapped (invalid UTF-8) leaves the whole text
     * unmapped, as a mapping of it all would. */
    const unsigned char *v = (const unsigned char *)visible.ptr;
    size_t vlen = visible.len, done = 0, last = 0;
    buf folded = BUF_INIT;
    int failed = 0;
    for (size_t i = 0; i < vlen && !failed;) {
        size_t n = nfkc_stable_at(v + i, vlen - i);
        if (n) {
            last = i;
            i += n;
            continue;
        }
        size_t from = i > done ? last : i, end = i;
        while (end < vlen && !nfkc_stable_at(v + end, vlen - end)) {
            int32_t cp;
            end += utf8_decode(v + end, vlen - end, &cp);
        }
        utf8proc_uint8_t *nfkc = NULL;
        utf8proc_ssize_t m = utf8proc_map(v + from, (utf8proc_ssize_t)(end - from), &nfkc,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
        if (m < 0) {
            failed = 1;
        } else {
            buf_append(&folded, visible.ptr + done, from - done);
            buf_append(&folded, (const char *)nfkc, (size_t)m);
        }
        free(nfkc);
        done = i = end;
    }
    if (!failed && done < vlen)
        buf_append(&folded, visible.ptr + done, vlen - done);
    if (failed)
        buf_append(out, visible.ptr, vlen); /* unmappable: compare as is */
    else if (folded.len)
        buf_append(out, folded.ptr, folded.len);
    buf_free(&folded);
    buf_free(&visible);
}
