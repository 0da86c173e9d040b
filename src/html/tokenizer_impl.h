/* tokenizer_impl.h - what the tokenizer's files share (src/html only): the
 * input stream as the states consume it, string appends, and the token
 * being built. Small and hot, so inline. */
#ifndef GISA_HTML_TOKENIZER_IMPL_H
#define GISA_HTML_TOKENIZER_IMPL_H

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "../util/utf8.h"
#include "tokenizer.h"

#define EOF_CP (-1)

static inline bool is_ws(int32_t c)
{
    return c == '\t' || c == '\n' || c == '\f' || c == ' ';
}

static inline bool is_upper(int32_t c)
{
    return c >= 'A' && c <= 'Z';
}

static inline bool is_alpha(int32_t c)
{
    return is_upper(c) || (c >= 'a' && c <= 'z');
}

/* ---------------------------------------------------------------- input */

/* Which runs each byte ends: one bit per kind of run, so a run's loop is a
 * table load and a test per byte, in line (token.c holds the table). */
enum {
    STOP_NAME = 1,       /* tag and DOCTYPE name: space, '/', '>', NUL, CR, A-Z */
    STOP_ATTR_NAME = 2,  /* as a name, and '=', '"', '\'', '<' */
    STOP_DQ = 4,         /* attribute value (double-quoted): '"', '&', NUL, CR */
    STOP_SQ = 8,         /* attribute value (single-quoted): '\'', '&', NUL, CR */
    STOP_UNQUOTED = 16,  /* attribute value (unquoted): space, '&', '>', '"', '\'', '<', '=', '`', NUL, CR */
    STOP_COMMENT = 32,   /* comment: '<', '-', NUL, CR */
    STOP_DOCTYPE = 64,   /* bogus DOCTYPE: '>', NUL */
    STOP_BOGUS = 128     /* bogus comment: '>', NUL, CR */
};
extern const unsigned char html_stop[256];

/* Take bytes from t->pos up to the first that ends this kind of run (a
 * STOP_ bit) into sb, as one slice. */
static inline void run(html_tokenizer *t, html_sb *sb, unsigned stop)
{
    const unsigned char *s = (const unsigned char *)t->in;
    size_t p = t->pos, len = t->len;
    while (p < len && !(html_stop[s[p]] & stop))
        p++;
    html_sb_input(t, sb, t->pos, p - t->pos);
    t->pos = p;
}

/* A quoted attribute value's run: sixteen bytes at a time (SSE2, which
 * every x86-64 has) or eight (any other machine) while none of them is the
 * quote, '&', NUL or CR - values can be long: URLs, inline data, JSON -
 * then byte by byte to the one that ends it. */
/* Non-zero when one of w's bytes is `byte`. */
static inline uint64_t word_has(uint64_t w, uint64_t byte)
{
    uint64_t x = w ^ (byte * 0x0101010101010101ULL);
    return (x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL;
}

static inline size_t skip_quoted(const unsigned char *s, size_t p, size_t len,
                                 unsigned char quote)
{
#ifdef __SSE2__
    const __m128i q = _mm_set1_epi8((char)quote), amp = _mm_set1_epi8('&'),
                  nul = _mm_setzero_si128(), cr = _mm_set1_epi8('\r');
    for (; p + 16 <= len; p += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + p));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, amp)),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, nul), _mm_cmpeq_epi8(v, cr)));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits)
            return p + (size_t)__builtin_ctz(bits);
    }
#endif
    for (; p + 8 <= len; p += 8) {
        uint64_t w;
        memcpy(&w, s + p, 8);
        if (word_has(w, quote) | word_has(w, '&') | word_has(w, 0) | word_has(w, '\r'))
            break;
    }
    return p;
}

static inline void run_quoted(html_tokenizer *t, html_sb *sb, unsigned char quote)
{
    const unsigned char *s = (const unsigned char *)t->in;
    size_t p = skip_quoted(s, t->pos, t->len, quote), len = t->len;
    unsigned stop = quote == '"' ? STOP_DQ : STOP_SQ;
    while (p < len && !(html_stop[s[p]] & stop))
        p++;
    html_sb_input(t, sb, t->pos, p - t->pos);
    t->pos = p;
}

/* Consume the next input character: CR and CRLF become LF (13.2.3.5). */
static inline int32_t consume(html_tokenizer *t)
{
    t->cpos = t->pos;
    if (t->pos >= t->len)
        return t->c = EOF_CP;
    unsigned char b = (unsigned char)t->in[t->pos];
    if (b < 0x80) {
        t->pos++;
        if (b == '\r') {
            if (t->pos < t->len && t->in[t->pos] == '\n')
                t->pos++;
            return t->c = '\n';
        }
        return t->c = b;
    }
    int32_t cp;
    t->pos += utf8_decode((const unsigned char *)t->in + t->pos, t->len - t->pos, &cp);
    return t->c = cp;
}

static inline void reconsume(html_tokenizer *t, html_state s)
{
    t->pos = t->cpos;
    t->state = s;
}

/* Append the current input character as it is. */
static inline void append_cur(html_tokenizer *t, html_sb *sb)
{
    if (t->in[t->cpos] == '\r')
        html_sb_cp(t, sb, '\n');
    else
        html_sb_input(t, sb, t->cpos, t->pos - t->cpos);
}

/* Append the current character lower-cased (ASCII upper alpha only). */
static inline void append_lower(html_tokenizer *t, html_sb *sb)
{
    if (is_upper(t->c))
        html_sb_cp(t, sb, t->c + 0x20);
    else
        append_cur(t, sb);
}

static inline void sb_clear(html_sb *sb)
{
    sb->p = NULL;
    sb->n = sb->cap = 0;
}

/* ---------------------------------------------------------------- emitting */

static inline void text_cur(html_tokenizer *t)
{
    append_cur(t, &t->text);
    t->text_end = t->pos;
}

static inline void text_cp(html_tokenizer *t, int32_t cp)
{
    html_sb_cp(t, &t->text, cp);
    t->text_end = t->pos;
}

/* Emit input bytes [at, at+n) as character tokens: '<', "</" and the like,
 * always ASCII the input holds there. */
static inline void text_bytes(html_tokenizer *t, size_t at, size_t n)
{
    html_sb_input(t, &t->text, at, n);
    t->text_end = t->pos;
}

static inline html_str str_of(const html_sb *sb)
{
    return (html_str){sb->p ? sb->p : "", sb->n};
}

/* token.c: building and emitting tokens */
void html_tok_new_tag(html_tokenizer *t, html_token_type type);
void html_tok_new_comment(html_tokenizer *t);
void html_tok_new_doctype(html_tokenizer *t);
void html_tok_new_attr(html_tokenizer *t);
void html_tok_attr_name_done(html_tokenizer *t);
void html_tok_emit(html_tokenizer *t);
void html_tok_emit_eof(html_tokenizer *t);
void html_tok_emit_then_eof(html_tokenizer *t);
bool html_tok_appropriate_end_tag(const html_tokenizer *t);

/* markup.c: the comment, DOCTYPE and CDATA section states */
bool html_tok_starts_with(const html_tokenizer *t, const char *s, size_t n, bool fold);
void html_step_markup(html_tokenizer *t);

#endif
