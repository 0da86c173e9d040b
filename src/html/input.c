/* input.c - the tokenizer's input stream and strings: UTF-8 repair, the
 * input-stream parse errors, lazy line counting, and string building that
 * keeps slices of the input until a copy is needed. */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "../util/utf8.h"
#include "tokenizer.h"

/* A copy with each invalid byte replaced by U+FFFD; NULL when out of memory. */
static char *repair_utf8(arena *a, const char *in, size_t len, size_t *out_len)
{
    utf8_scan s = utf8_check((const unsigned char *)in, len);
    if (len > (SIZE_MAX - 1) / 3)
        return NULL;
    char *copy = arena_alloc(a, len + 2 * s.invalid + 1);
    if (!copy)
        return NULL;
    size_t n = s.first_error;
    memcpy(copy, in, n);
    for (size_t i = n; i < len;) {
        int32_t cp;
        size_t k = utf8_decode((const unsigned char *)in + i, len - i, &cp);
        if (k == 1 && cp == 0xFFFD) {
            n += utf8_encode(0xFFFD, copy + n);
        } else {
            memcpy(copy + n, in + i, k);
            n += k;
        }
        i += k;
    }
    *out_len = n;
    return copy;
}

/* Whether in[0..len) is valid UTF-8: ASCII runs eight bytes at a time
 * (sixteen with SSE2), each multibyte sequence checked in line against the
 * Unicode Standard's table of well-formed sequences (no overlong form, no
 * surrogate, nothing past U+10FFFF: what utf8_decode accepts). Pages gisa
 * decoded are valid, so this is the whole cost of the check for them;
 * utf8_check, which counts, is left for the repair. */
static size_t skip_ascii16(const unsigned char *s, size_t i, size_t len)
{
#ifdef __SSE2__
    for (; i + 16 <= len; i += 16) { /* the sign bits of sixteen bytes at once */
        unsigned high = (unsigned)_mm_movemask_epi8(
            _mm_loadu_si128((const __m128i *)(const void *)(s + i)));
        if (high)
            return i + (size_t)__builtin_ctz(high);
    }
#endif
    return i + utf8_ascii_prefix((const char *)s + i, len - i);
}

static bool valid_utf8(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            i = skip_ascii16(s, i, len);
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            if (len - i < 2 || (s[i + 1] & 0xC0) != 0x80)
                return false;
            i += 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
            if (len - i < 3 || s[i + 1] < lo || s[i + 1] > hi || (s[i + 2] & 0xC0) != 0x80)
                return false;
            i += 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
            if (len - i < 4 || s[i + 1] < lo || s[i + 1] > hi || (s[i + 2] & 0xC0) != 0x80 ||
                (s[i + 3] & 0xC0) != 0x80)
                return false;
            i += 4;
        } else {
            return false;
        }
    }
    return true;
}

bool html_tokenizer_init(html_tokenizer *t, arena *a, const char *in, size_t len)
{
    memset(t, 0, sizeof *t);
    t->a = a;
    t->line = 1;
    t->state = HTML_DATA;
    t->max_attrs = t->max_attr_bytes = SIZE_MAX;
    if (!valid_utf8((const unsigned char *)in, len)) {
        in = repair_utf8(a, in, len, &len);
        if (!in)
            return false;
    }
    t->in = in ? in : "";
    t->len = len;
    const char *cr = memchr(t->in, '\r', len), *nl = memchr(t->in, '\n', len);
    t->line_cr = cr ? (size_t)(cr - t->in) : len;
    t->line_nl = nl ? (size_t)(nl - t->in) : len;
    t->next_lt = t->next_amp = t->next_cr = t->next_nul = SIZE_MAX; /* not looked for yet */
    return true;
}

void html_tokenizer_free(html_tokenizer *t)
{
    (void)t; /* everything is in the arena; kept for the callers' symmetry */
}

void html_tok_error(html_tokenizer *t, const char *code)
{
    if (t->on_error)
        t->on_error(t->error_user, code, t->pos);
}

/* The input-stream parse errors (13.2.3.5) do not depend on the state, so
 * they are found in one pass over the input when errors are wanted. */
void html_tokenizer_on_error(html_tokenizer *t, html_error_fn fn, void *user)
{
    t->on_error = fn;
    t->error_user = user;
    if (!fn)
        return;
    const unsigned char *s = (const unsigned char *)t->in;
    for (size_t i = 0; i < t->len;) {
        int32_t cp;
        size_t k = utf8_decode(s + i, t->len - i, &cp);
        bool control = (cp >= 0x01 && cp <= 0x1F && cp != '\t' && cp != '\n' && cp != '\f' &&
                        cp != '\r') ||
                       (cp >= 0x7F && cp <= 0x9F);
        bool nonchar = (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
        if (control)
            fn(user, "control-character-in-input-stream", i);
        else if (nonchar)
            fn(user, "noncharacter-in-input-stream", i);
        i += k;
    }
}

/* Where the next LF or CR at or after line_off is, each found by memchr once
 * and kept until passed: a token with no line break before it costs two
 * comparisons, not a scan. */
uint32_t html_line_at(html_tokenizer *t, size_t off)
{
    const char *s = t->in;
    if (off > t->len)
        off = t->len;
    while (t->line_off < off) {
        size_t i = t->line_off;
        if (t->line_nl < i) {
            const char *nl = memchr(s + i, '\n', t->len - i);
            t->line_nl = nl ? (size_t)(nl - s) : t->len;
        }
        if (t->line_cr < i) {
            const char *cr = memchr(s + i, '\r', t->len - i);
            t->line_cr = cr ? (size_t)(cr - s) : t->len;
        }
        size_t at = t->line_nl < t->line_cr ? t->line_nl : t->line_cr;
        if (at >= off) {
            t->line_off = off;
            break;
        }
        i = at + 1;
        if (s[at] == '\r' && i < t->len && s[i] == '\n')
            i++; /* CRLF is one line break, counted whole even when off splits it */
        t->line++;
        t->line_off = i;
    }
    return t->line;
}

/* Turn a slice into a copy with room for `more` bytes. */
static bool sb_reserve(html_tokenizer *t, html_sb *sb, size_t more)
{
    if (sb->cap && sb->cap - sb->n >= more)
        return true;
    if (t->oom || more > SIZE_MAX / 4 - sb->n)
        return t->oom = true, false;
    size_t cap = (sb->n + more) * 2;
    if (cap < 32)
        cap = 32;
    char *p = arena_alloc(t->a, cap);
    if (!p)
        return t->oom = true, false;
    if (sb->n)
        memcpy(p, sb->p, sb->n);
    sb->p = p;
    sb->cap = cap;
    return true;
}

void html_sb_copy_input(html_tokenizer *t, html_sb *sb, size_t at, size_t n)
{
    if (!sb_reserve(t, sb, n))
        return;
    memcpy((char *)sb->p + sb->n, t->in + at, n);
    sb->n += n;
}

void html_sb_cp(html_tokenizer *t, html_sb *sb, int32_t cp)
{
    if (!sb_reserve(t, sb, 4))
        return;
    sb->n += utf8_encode(cp, (char *)sb->p + sb->n);
}
