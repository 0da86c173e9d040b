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

void text_fold_compat(buf *out, const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    buf visible = BUF_INIT;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = s[i] < 0x80 ? (cp = s[i], 1) : utf8_decode(s + i, len - i, &cp);
        if (!utf8_is_hidden(cp))
            buf_append(&visible, str + i, n);
        i += n;
    }
    utf8proc_uint8_t *nfkc = NULL;
    utf8proc_ssize_t m = visible.len ? utf8proc_map((const utf8proc_uint8_t *)visible.ptr,
                                                    (utf8proc_ssize_t)visible.len, &nfkc,
                                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                        UTF8PROC_COMPAT)
                                     : 0;
    if (m > 0)
        buf_append(out, (const char *)nfkc, (size_t)m);
    else if (visible.len)
        buf_append(out, visible.ptr, visible.len); /* unmappable: compare as is */
    free(nfkc);
    buf_free(&visible);
}
