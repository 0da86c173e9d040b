/* tokenizer_impl.h - what the tokenizer's files share (src/html only): the
 * input stream as the states consume it, string appends, and the token
 * being built. Small and hot, so inline. */
#ifndef GISA_HTML_TOKENIZER_IMPL_H
#define GISA_HTML_TOKENIZER_IMPL_H

#include <string.h>

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

/* Take bytes from t->pos while keep(byte) into sb, as one slice. */
static inline void run(html_tokenizer *t, html_sb *sb, bool (*keep)(unsigned char))
{
    size_t p = t->pos;
    while (p < t->len && keep((unsigned char)t->in[p]))
        p++;
    html_sb_input(t, sb, t->pos, p - t->pos);
    t->pos = p;
}

static inline bool plain_name(unsigned char b) /* tag name: nothing to act on */
{
    return b > ' ' ? b != '/' && b != '>' && !(b >= 'A' && b <= 'Z')
                   : b != '\t' && b != '\n' && b != '\f' && b != '\r' && b != ' ' && b != 0;
}

static inline bool plain_attr_name(unsigned char b)
{
    return plain_name(b) && b != '=' && b != '"' && b != '\'' && b != '<';
}

static inline bool plain_dq(unsigned char b)
{
    return b != '"' && b != '&' && b != 0 && b != '\r';
}

static inline bool plain_sq(unsigned char b)
{
    return b != '\'' && b != '&' && b != 0 && b != '\r';
}

static inline bool plain_unquoted(unsigned char b)
{
    switch (b) {
    case '\t': case '\n': case '\f': case '\r': case ' ': case 0:
    case '&': case '>': case '"': case '\'': case '<': case '=': case '`':
        return false;
    default:
        return true;
    }
}

static inline bool plain_comment(unsigned char b)
{
    return b != '<' && b != '-' && b != 0 && b != '\r';
}

static inline bool plain_doctype(unsigned char b) /* bogus DOCTYPE: all is ignored */
{
    return b != '>' && b != 0;
}

static inline bool plain_bogus_comment(unsigned char b)
{
    return b != '>' && b != 0 && b != '\r';
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
