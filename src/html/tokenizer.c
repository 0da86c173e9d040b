/* tokenizer.c - the tokenizer states of the HTML Standard (13.2.5), one case
 * per state, named and ordered as the Standard has them, so the code can be
 * read beside it. The character reference states are in charref.c; the input
 * stream, strings and lines in input.c.
 *
 * Speed comes from not looking at bytes one by one where nothing can happen:
 * the text states take whole runs up to the next '<', '&', NUL or CR (found
 * with memchr, each remembered until passed), and names, attribute values and
 * comments take runs of ordinary bytes in a tight loop. A run is a slice of
 * the input; only a change (lower-casing, a reference, U+FFFD, CR to LF)
 * makes a copy. */
#include <string.h>

#include "../util/utf8.h"
#include "tokenizer.h"

#define EOF_CP (-1)

static bool is_ws(int32_t c)
{
    return c == '\t' || c == '\n' || c == '\f' || c == ' ';
}

static bool is_upper(int32_t c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_alpha(int32_t c)
{
    return is_upper(c) || (c >= 'a' && c <= 'z');
}

/* ---------------------------------------------------------------- input */

/* Consume the next input character: CR and CRLF become LF (13.2.3.5). */
static int32_t consume(html_tokenizer *t)
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

static void reconsume(html_tokenizer *t, html_state s)
{
    t->pos = t->cpos;
    t->state = s;
}

/* Append the current input character as it is. */
static void append_cur(html_tokenizer *t, html_sb *sb)
{
    if (t->in[t->cpos] == '\r')
        html_sb_cp(t, sb, '\n');
    else
        html_sb_input(t, sb, t->cpos, t->pos - t->cpos);
}

/* Append the current character lower-cased (ASCII upper alpha only). */
static void append_lower(html_tokenizer *t, html_sb *sb)
{
    if (is_upper(t->c))
        html_sb_cp(t, sb, t->c + 0x20);
    else
        append_cur(t, sb);
}

static void sb_clear(html_sb *sb)
{
    sb->p = NULL;
    sb->n = sb->cap = 0;
}

/* Take bytes from t->pos while keep(byte) into sb, as one slice. */
static void run(html_tokenizer *t, html_sb *sb, bool (*keep)(unsigned char))
{
    size_t p = t->pos;
    while (p < t->len && keep((unsigned char)t->in[p]))
        p++;
    html_sb_input(t, sb, t->pos, p - t->pos);
    t->pos = p;
}

static bool plain_name(unsigned char b) /* tag name: nothing to act on */
{
    return b > ' ' ? b != '/' && b != '>' && !(b >= 'A' && b <= 'Z')
                   : b != '\t' && b != '\n' && b != '\f' && b != '\r' && b != ' ' && b != 0;
}

static bool plain_attr_name(unsigned char b)
{
    return plain_name(b) && b != '=' && b != '"' && b != '\'' && b != '<';
}

static bool plain_dq(unsigned char b)
{
    return b != '"' && b != '&' && b != 0 && b != '\r';
}

static bool plain_sq(unsigned char b)
{
    return b != '\'' && b != '&' && b != 0 && b != '\r';
}

static bool plain_unquoted(unsigned char b)
{
    switch (b) {
    case '\t': case '\n': case '\f': case '\r': case ' ': case 0:
    case '&': case '>': case '"': case '\'': case '<': case '=': case '`':
        return false;
    default:
        return true;
    }
}

static bool plain_comment(unsigned char b)
{
    return b != '<' && b != '-' && b != 0 && b != '\r';
}

static bool plain_doctype(unsigned char b) /* bogus DOCTYPE: all is ignored */
{
    return b != '>' && b != 0;
}

static bool plain_bogus_comment(unsigned char b)
{
    return b != '>' && b != 0 && b != '\r';
}

/* Where byte ch next occurs at or after t->pos (t->len if nowhere), using
 * and refreshing the remembered position *at. */
static size_t next_byte(const html_tokenizer *t, size_t *at, char ch)
{
    if (*at < t->pos || *at == SIZE_MAX) {
        const char *p = memchr(t->in + t->pos, ch, t->len - t->pos);
        *at = p ? (size_t)(p - t->in) : t->len;
    }
    return *at;
}

/* The text states' fast path: everything up to the next byte that matters
 * becomes text in one slice. */
static void text_run(html_tokenizer *t, bool lt, bool amp)
{
    size_t end = next_byte(t, &t->next_nul, '\0');
    size_t cr = next_byte(t, &t->next_cr, '\r');
    end = cr < end ? cr : end;
    if (lt) {
        size_t p = next_byte(t, &t->next_lt, '<');
        end = p < end ? p : end;
    }
    if (amp) {
        size_t p = next_byte(t, &t->next_amp, '&');
        end = p < end ? p : end;
    }
    if (end > t->pos) {
        html_sb_input(t, &t->text, t->pos, end - t->pos);
        t->pos = t->text_end = end;
    }
}

/* ---------------------------------------------------------------- emitting */

static void text_cur(html_tokenizer *t)
{
    append_cur(t, &t->text);
    t->text_end = t->pos;
}

static void text_cp(html_tokenizer *t, int32_t cp)
{
    html_sb_cp(t, &t->text, cp);
    t->text_end = t->pos;
}

/* Emit input bytes [at, at+n) as character tokens: '<', "</" and the like,
 * always ASCII the input holds there. */
static void text_bytes(html_tokenizer *t, size_t at, size_t n)
{
    html_sb_input(t, &t->text, at, n);
    t->text_end = t->pos;
}

static void new_tag(html_tokenizer *t, html_token_type type)
{
    t->tok.type = type;
    t->tok.self_closing = false;
    sb_clear(&t->name);
    t->n_attrs = 0;
    t->attr_open = false;
}

static void new_comment(html_tokenizer *t)
{
    t->tok.type = HTML_TOK_COMMENT;
    sb_clear(&t->data);
}

static void new_doctype(html_tokenizer *t)
{
    t->tok.type = HTML_TOK_DOCTYPE;
    t->tok.has_name = t->tok.has_public = t->tok.has_system = false;
    t->tok.force_quirks = false;
    sb_clear(&t->name);
    sb_clear(&t->pub);
    sb_clear(&t->sys);
}

static void commit_attr(html_tokenizer *t)
{
    if (!t->attr_open)
        return;
    t->attr_open = false;
    if (t->attr_dup)
        return;
    if (t->n_attrs == t->cap_attrs) {
        size_t cap = t->cap_attrs ? t->cap_attrs * 2 : 16;
        html_attr *a = arena_alloc(t->a, cap * sizeof *a);
        if (!a) {
            t->oom = true;
            return;
        }
        if (t->n_attrs)
            memcpy(a, t->attrs, t->n_attrs * sizeof *a);
        t->attrs = a;
        t->cap_attrs = cap;
    }
    html_attr *a = &t->attrs[t->n_attrs++];
    a->name = (html_str){t->attr_name.p, t->attr_name.n};
    a->value = (html_str){t->attr_value.p, t->attr_value.n};
}

static void new_attr(html_tokenizer *t)
{
    commit_attr(t);
    t->attr_open = true;
    t->attr_dup = false;
    sb_clear(&t->attr_name);
    sb_clear(&t->attr_value);
}

/* Leaving the attribute name state: a repeated name is dropped. */
static void attr_name_done(html_tokenizer *t)
{
    for (size_t i = 0; i < t->n_attrs; i++) {
        if (t->attrs[i].name.n == t->attr_name.n &&
            memcmp(t->attrs[i].name.p, t->attr_name.p, t->attr_name.n) == 0) {
            html_tok_error(t, "duplicate-attribute");
            t->attr_dup = true;
            return;
        }
    }
}

static html_str str_of(const html_sb *sb)
{
    return (html_str){sb->p ? sb->p : "", sb->n};
}

/* Emit the current tag, comment or DOCTYPE token; the state is DATA unless
 * the caller sets another. */
static void emit(html_tokenizer *t)
{
    html_token *k = &t->tok;
    k->name = k->type == HTML_TOK_COMMENT ? (html_str){"", 0} : str_of(&t->name);
    k->attrs = NULL;
    k->n_attrs = 0;
    if (k->type == HTML_TOK_START_TAG || k->type == HTML_TOK_END_TAG) {
        commit_attr(t);
        k->attrs = t->attrs;
        k->n_attrs = t->n_attrs;
        if (k->type == HTML_TOK_START_TAG) {
            html_tokenizer_set_last_start_tag(t, k->name.p, k->name.n);
        } else {
            if (t->n_attrs)
                html_tok_error(t, "end-tag-with-attributes");
            if (k->self_closing)
                html_tok_error(t, "end-tag-with-trailing-solidus");
        }
    } else if (k->type == HTML_TOK_COMMENT) {
        k->data = str_of(&t->data);
    } else if (k->type == HTML_TOK_DOCTYPE) {
        k->public_id = str_of(&t->pub);
        k->system_id = str_of(&t->sys);
    }
    t->ready = true;
}

static void emit_eof(html_tokenizer *t)
{
    t->tok.type = HTML_TOK_EOF;
    t->ready = true;
}

/* "Emit the token, then an end-of-file token": the EOF comes from the data
 * state on the next call. */
static void emit_then_eof(html_tokenizer *t)
{
    emit(t);
    t->state = HTML_DATA;
}

static bool appropriate_end_tag(const html_tokenizer *t)
{
    return t->last_start_n && t->name.n == t->last_start_n &&
           memcmp(t->name.p, t->last_start, t->name.n) == 0;
}

/* ---------------------------------------------------------------- shared state bodies */

/* RCDATA, RAWTEXT, script data and script data escaped end tag name states:
 * `back` is the state the characters return to when the tag is not an end
 * tag of the element open. */
static void end_tag_name(html_tokenizer *t, html_state back)
{
    int32_t c = consume(t);
    if (is_ws(c) && appropriate_end_tag(t)) {
        t->state = HTML_BEFORE_ATTRIBUTE_NAME;
    } else if (c == '/' && appropriate_end_tag(t)) {
        t->state = HTML_SELF_CLOSING_START_TAG;
    } else if (c == '>' && appropriate_end_tag(t)) {
        emit(t);
        t->state = HTML_DATA;
    } else if (is_alpha(c)) {
        append_lower(t, &t->name);
    } else {
        reconsume(t, back);
        text_bytes(t, t->mark, t->cpos - t->mark); /* '<', '/' and the temporary buffer */
    }
}

/* The states after '<' in RCDATA, RAWTEXT and script data escaped ('/' opens
 * an end tag) and after "</" (a letter begins its name). */
static void less_than_sign(html_tokenizer *t, html_state end_tag_open, html_state back)
{
    if (consume(t) == '/') {
        t->state = end_tag_open;
        return;
    }
    reconsume(t, back);
    text_bytes(t, t->mark, 1);
}

static void end_tag_open(html_tokenizer *t, html_state end_tag_name_state, html_state back)
{
    if (is_alpha(consume(t))) {
        new_tag(t, HTML_TOK_END_TAG);
        reconsume(t, end_tag_name_state);
        return;
    }
    reconsume(t, back);
    text_bytes(t, t->mark, 2);
}

/* The script data double escape start and end states: after "script"
 * followed by a space, '/' or '>' the state flips. */
static void double_escape(html_tokenizer *t, html_state on_script, html_state otherwise)
{
    int32_t c = consume(t);
    if (is_ws(c) || c == '/' || c == '>') {
        bool script = t->esc_n == 6 && memcmp(t->esc, "script", 6) == 0;
        t->state = script ? on_script : otherwise;
        text_cur(t);
    } else if (is_alpha(c)) {
        if (t->esc_n < sizeof t->esc)
            t->esc[t->esc_n] = (char)(c | 0x20);
        t->esc_n++;
        text_cur(t);
    } else {
        reconsume(t, otherwise);
    }
}

/* The three script data escaped states and their double-escaped twins
 * differ only in where '-', '<' and the rest lead. */
static void escaped(html_tokenizer *t, html_state dash, html_state less_than,
                    html_state rest, bool emit_lt, bool gt_ends)
{
    int32_t c = consume(t);
    if (c == '-') {
        t->state = dash;
        text_cur(t);
    } else if (c == '<') {
        t->state = less_than;
        t->mark = t->cpos;
        if (emit_lt)
            text_cur(t);
    } else if (c == '>' && gt_ends) {
        t->state = HTML_SCRIPT_DATA;
        text_cur(t);
    } else if (c == 0) {
        html_tok_error(t, "unexpected-null-character");
        t->state = rest;
        text_cp(t, 0xFFFD);
    } else if (c == EOF_CP) {
        html_tok_error(t, "eof-in-script-html-comment-like-text");
        emit_eof(t);
    } else {
        t->state = rest;
        text_cur(t);
    }
}

static bool starts_with(const html_tokenizer *t, const char *s, size_t n, bool fold)
{
    if (t->len - t->pos < n)
        return false;
    const char *p = t->in + t->pos;
    return fold ? strncasecmp(p, s, n) == 0 : memcmp(p, s, n) == 0;
}

/* A DOCTYPE state reached the end of the input. */
static void doctype_eof(html_tokenizer *t)
{
    html_tok_error(t, "eof-in-doctype");
    t->tok.force_quirks = true;
    emit_then_eof(t);
}

static void comment_eof(html_tokenizer *t)
{
    html_tok_error(t, "eof-in-comment");
    emit_then_eof(t);
}

static void tag_eof(html_tokenizer *t)
{
    html_tok_error(t, "eof-in-tag");
    emit_eof(t);
}

/* Start of a DOCTYPE public or system identifier after its keyword or
 * before it: quote opens it, '>' ends the DOCTYPE, anything else is bogus. */
static void doctype_id_start(html_tokenizer *t, bool system, bool after_keyword)
{
    int32_t c = consume(t);
    if (is_ws(c)) {
        if (after_keyword)
            t->state = system ? HTML_BEFORE_DOCTYPE_SYSTEM_IDENTIFIER
                              : HTML_BEFORE_DOCTYPE_PUBLIC_IDENTIFIER;
    } else if (c == '"' || c == '\'') {
        if (after_keyword)
            html_tok_error(t, system ? "missing-whitespace-after-doctype-system-keyword"
                                     : "missing-whitespace-after-doctype-public-keyword");
        if (system) {
            t->tok.has_system = true;
            sb_clear(&t->sys);
            t->state = c == '"' ? HTML_DOCTYPE_SYSTEM_IDENTIFIER_DOUBLE_QUOTED
                                : HTML_DOCTYPE_SYSTEM_IDENTIFIER_SINGLE_QUOTED;
        } else {
            t->tok.has_public = true;
            sb_clear(&t->pub);
            t->state = c == '"' ? HTML_DOCTYPE_PUBLIC_IDENTIFIER_DOUBLE_QUOTED
                                : HTML_DOCTYPE_PUBLIC_IDENTIFIER_SINGLE_QUOTED;
        }
    } else if (c == '>') {
        html_tok_error(t, system ? "missing-doctype-system-identifier"
                                 : "missing-doctype-public-identifier");
        t->tok.force_quirks = true;
        emit(t);
        t->state = HTML_DATA;
    } else if (c == EOF_CP) {
        doctype_eof(t);
    } else {
        html_tok_error(t, system ? "missing-quote-before-doctype-system-identifier"
                                 : "missing-quote-before-doctype-public-identifier");
        t->tok.force_quirks = true;
        reconsume(t, HTML_BOGUS_DOCTYPE);
    }
}

/* Inside a quoted DOCTYPE identifier. */
static void doctype_id(html_tokenizer *t, html_sb *sb, int32_t quote, html_state after,
                       const char *abrupt)
{
    int32_t c = consume(t);
    if (c == quote) {
        t->state = after;
    } else if (c == 0) {
        html_tok_error(t, "unexpected-null-character");
        html_sb_cp(t, sb, 0xFFFD);
    } else if (c == '>') {
        html_tok_error(t, abrupt);
        t->tok.force_quirks = true;
        emit(t);
        t->state = HTML_DATA;
    } else if (c == EOF_CP) {
        doctype_eof(t);
    } else {
        append_cur(t, sb);
    }
}

/* Attribute value (double-quoted) and (single-quoted) states. */
static void attr_value_quoted(html_tokenizer *t, int32_t quote)
{
    run(t, &t->attr_value, quote == '"' ? plain_dq : plain_sq);
    int32_t c = consume(t);
    if (c == quote) {
        t->state = HTML_AFTER_ATTRIBUTE_VALUE_QUOTED;
    } else if (c == '&') {
        html_charref(t, &t->attr_value, true);
    } else if (c == 0) {
        html_tok_error(t, "unexpected-null-character");
        html_sb_cp(t, &t->attr_value, 0xFFFD);
    } else if (c == EOF_CP) {
        tag_eof(t);
    } else {
        append_cur(t, &t->attr_value);
    }
}


/* ---------------------------------------------------------------- the states */

/* One step of the state machine: consume (at least) one character in the
 * current state and act as the Standard says. */
static void step(html_tokenizer *t)
{
    int32_t c;
    switch (t->state) {
    case HTML_DATA:
        text_run(t, true, true);
        c = consume(t);
        if (c == '&') {
            html_charref(t, &t->text, false);
            t->text_end = t->pos;
        } else if (c == '<') {
            t->mark = t->cpos;
            t->state = HTML_TAG_OPEN;
        } else if (c == 0) {
            html_tok_error(t, "unexpected-null-character");
            text_cur(t);
        } else if (c == EOF_CP) {
            emit_eof(t);
        } else {
            text_cur(t);
        }
        break;

    case HTML_RCDATA:
    case HTML_RAWTEXT:
    case HTML_SCRIPT_DATA:
    case HTML_PLAINTEXT: {
        bool rcdata = t->state == HTML_RCDATA, plain = t->state == HTML_PLAINTEXT;
        text_run(t, !plain, rcdata);
        c = consume(t);
        if (c == '&' && rcdata) {
            html_charref(t, &t->text, false);
            t->text_end = t->pos;
        } else if (c == '<' && !plain) {
            t->mark = t->cpos;
            t->state = rcdata                         ? HTML_RCDATA_LESS_THAN_SIGN
                       : t->state == HTML_RAWTEXT ? HTML_RAWTEXT_LESS_THAN_SIGN
                                                      : HTML_SCRIPT_DATA_LESS_THAN_SIGN;
        } else if (c == 0) {
            html_tok_error(t, "unexpected-null-character");
            text_cp(t, 0xFFFD);
        } else if (c == EOF_CP) {
            emit_eof(t);
        } else {
            text_cur(t);
        }
        break;
    }

    case HTML_TAG_OPEN:
        c = consume(t);
        if (c == '!') {
            t->state = HTML_MARKUP_DECLARATION_OPEN;
        } else if (c == '/') {
            t->state = HTML_END_TAG_OPEN;
        } else if (is_alpha(c)) {
            new_tag(t, HTML_TOK_START_TAG);
            reconsume(t, HTML_TAG_NAME);
        } else if (c == '?') {
            html_tok_error(t, "unexpected-question-mark-instead-of-tag-name");
            new_comment(t);
            reconsume(t, HTML_BOGUS_COMMENT);
        } else if (c == EOF_CP) {
            html_tok_error(t, "eof-before-tag-name");
            text_bytes(t, t->mark, 1);
            t->state = HTML_DATA;
        } else {
            html_tok_error(t, "invalid-first-character-of-tag-name");
            reconsume(t, HTML_DATA);
            text_bytes(t, t->mark, 1);
        }
        break;

    case HTML_END_TAG_OPEN:
        c = consume(t);
        if (is_alpha(c)) {
            new_tag(t, HTML_TOK_END_TAG);
            reconsume(t, HTML_TAG_NAME);
        } else if (c == '>') {
            html_tok_error(t, "missing-end-tag-name");
            t->state = HTML_DATA;
        } else if (c == EOF_CP) {
            html_tok_error(t, "eof-before-tag-name");
            text_bytes(t, t->mark, 2);
            t->state = HTML_DATA;
        } else {
            html_tok_error(t, "invalid-first-character-of-tag-name");
            new_comment(t);
            reconsume(t, HTML_BOGUS_COMMENT);
        }
        break;

    case HTML_TAG_NAME:
        run(t, &t->name, plain_name);
        c = consume(t);
        if (is_ws(c)) {
            t->state = HTML_BEFORE_ATTRIBUTE_NAME;
        } else if (c == '/') {
            t->state = HTML_SELF_CLOSING_START_TAG;
        } else if (c == '>') {
            t->state = HTML_DATA;
            emit(t);
        } else if (c == 0) {
            html_tok_error(t, "unexpected-null-character");
            html_sb_cp(t, &t->name, 0xFFFD);
        } else if (c == EOF_CP) {
            tag_eof(t);
        } else {
            append_lower(t, &t->name);
        }
        break;

    case HTML_RCDATA_LESS_THAN_SIGN:
        less_than_sign(t, HTML_RCDATA_END_TAG_OPEN, HTML_RCDATA);
        break;
    case HTML_RCDATA_END_TAG_OPEN:
        end_tag_open(t, HTML_RCDATA_END_TAG_NAME, HTML_RCDATA);
        break;
    case HTML_RCDATA_END_TAG_NAME:
        end_tag_name(t, HTML_RCDATA);
        break;
    case HTML_RAWTEXT_LESS_THAN_SIGN:
        less_than_sign(t, HTML_RAWTEXT_END_TAG_OPEN, HTML_RAWTEXT);
        break;
    case HTML_RAWTEXT_END_TAG_OPEN:
        end_tag_open(t, HTML_RAWTEXT_END_TAG_NAME, HTML_RAWTEXT);
        break;
    case HTML_RAWTEXT_END_TAG_NAME:
        end_tag_name(t, HTML_RAWTEXT);
        break;

    case HTML_SCRIPT_DATA_LESS_THAN_SIGN:
        c = consume(t);
        if (c == '/') {
            t->state = HTML_SCRIPT_DATA_END_TAG_OPEN;
        } else if (c == '!') {
            t->state = HTML_SCRIPT_DATA_ESCAPE_START;
            text_bytes(t, t->mark, 2);
        } else {
            reconsume(t, HTML_SCRIPT_DATA);
            text_bytes(t, t->mark, 1);
        }
        break;
    case HTML_SCRIPT_DATA_END_TAG_OPEN:
        end_tag_open(t, HTML_SCRIPT_DATA_END_TAG_NAME, HTML_SCRIPT_DATA);
        break;
    case HTML_SCRIPT_DATA_END_TAG_NAME:
        end_tag_name(t, HTML_SCRIPT_DATA);
        break;
    case HTML_SCRIPT_DATA_ESCAPE_START:
    case HTML_SCRIPT_DATA_ESCAPE_START_DASH:
        c = consume(t);
        if (c == '-') {
            t->state = t->state == HTML_SCRIPT_DATA_ESCAPE_START
                           ? HTML_SCRIPT_DATA_ESCAPE_START_DASH
                           : HTML_SCRIPT_DATA_ESCAPED_DASH_DASH;
            text_cur(t);
        } else {
            reconsume(t, HTML_SCRIPT_DATA);
        }
        break;
    case HTML_SCRIPT_DATA_ESCAPED:
        escaped(t, HTML_SCRIPT_DATA_ESCAPED_DASH, HTML_SCRIPT_DATA_ESCAPED_LESS_THAN_SIGN,
                HTML_SCRIPT_DATA_ESCAPED, false, false);
        break;
    case HTML_SCRIPT_DATA_ESCAPED_DASH:
        escaped(t, HTML_SCRIPT_DATA_ESCAPED_DASH_DASH,
                HTML_SCRIPT_DATA_ESCAPED_LESS_THAN_SIGN, HTML_SCRIPT_DATA_ESCAPED, false,
                false);
        break;
    case HTML_SCRIPT_DATA_ESCAPED_DASH_DASH:
        escaped(t, HTML_SCRIPT_DATA_ESCAPED_DASH_DASH,
                HTML_SCRIPT_DATA_ESCAPED_LESS_THAN_SIGN, HTML_SCRIPT_DATA_ESCAPED, false, true);
        break;
    case HTML_SCRIPT_DATA_ESCAPED_LESS_THAN_SIGN:
        c = consume(t);
        if (c == '/') {
            t->state = HTML_SCRIPT_DATA_ESCAPED_END_TAG_OPEN;
        } else if (is_alpha(c)) {
            t->esc_n = 0;
            reconsume(t, HTML_SCRIPT_DATA_DOUBLE_ESCAPE_START);
            text_bytes(t, t->mark, 1);
        } else {
            reconsume(t, HTML_SCRIPT_DATA_ESCAPED);
            text_bytes(t, t->mark, 1);
        }
        break;
    case HTML_SCRIPT_DATA_ESCAPED_END_TAG_OPEN:
        end_tag_open(t, HTML_SCRIPT_DATA_ESCAPED_END_TAG_NAME, HTML_SCRIPT_DATA_ESCAPED);
        break;
    case HTML_SCRIPT_DATA_ESCAPED_END_TAG_NAME:
        end_tag_name(t, HTML_SCRIPT_DATA_ESCAPED);
        break;
    case HTML_SCRIPT_DATA_DOUBLE_ESCAPE_START:
        double_escape(t, HTML_SCRIPT_DATA_DOUBLE_ESCAPED, HTML_SCRIPT_DATA_ESCAPED);
        break;
    case HTML_SCRIPT_DATA_DOUBLE_ESCAPED:
        escaped(t, HTML_SCRIPT_DATA_DOUBLE_ESCAPED_DASH,
                HTML_SCRIPT_DATA_DOUBLE_ESCAPED_LESS_THAN_SIGN, HTML_SCRIPT_DATA_DOUBLE_ESCAPED,
                true, false);
        break;
    case HTML_SCRIPT_DATA_DOUBLE_ESCAPED_DASH:
        escaped(t, HTML_SCRIPT_DATA_DOUBLE_ESCAPED_DASH_DASH,
                HTML_SCRIPT_DATA_DOUBLE_ESCAPED_LESS_THAN_SIGN, HTML_SCRIPT_DATA_DOUBLE_ESCAPED,
                true, false);
        break;
    case HTML_SCRIPT_DATA_DOUBLE_ESCAPED_DASH_DASH:
        escaped(t, HTML_SCRIPT_DATA_DOUBLE_ESCAPED_DASH_DASH,
                HTML_SCRIPT_DATA_DOUBLE_ESCAPED_LESS_THAN_SIGN, HTML_SCRIPT_DATA_DOUBLE_ESCAPED,
                true, true);
        break;
    case HTML_SCRIPT_DATA_DOUBLE_ESCAPED_LESS_THAN_SIGN:
        if (consume(t) == '/') {
            t->esc_n = 0;
            t->state = HTML_SCRIPT_DATA_DOUBLE_ESCAPE_END;
            text_cur(t);
        } else {
            reconsume(t, HTML_SCRIPT_DATA_DOUBLE_ESCAPED);
        }
        break;
    case HTML_SCRIPT_DATA_DOUBLE_ESCAPE_END:
        double_escape(t, HTML_SCRIPT_DATA_ESCAPED, HTML_SCRIPT_DATA_DOUBLE_ESCAPED);
        break;

    case HTML_BEFORE_ATTRIBUTE_NAME:
        c = consume(t);
        if (is_ws(c)) {
            /* ignore */
        } else if (c == '/' || c == '>' || c == EOF_CP) {
            reconsume(t, HTML_AFTER_ATTRIBUTE_NAME);
        } else if (c == '=') {
            html_tok_error(t, "unexpected-equals-sign-before-attribute-name");
            new_attr(t);
            append_cur(t, &t->attr_name);
            t->state = HTML_ATTRIBUTE_NAME;
        } else {
            new_attr(t);
            reconsume(t, HTML_ATTRIBUTE_NAME);
        }
        break;

    case HTML_ATTRIBUTE_NAME:
        run(t, &t->attr_name, plain_attr_name);
        c = consume(t);
        if (is_ws(c) || c == '/' || c == '>' || c == EOF_CP) {
            attr_name_done(t);
            reconsume(t, HTML_AFTER_ATTRIBUTE_NAME);
        } else if (c == '=') {
            attr_name_done(t);
            t->state = HTML_BEFORE_ATTRIBUTE_VALUE;
        } else if (c == 0) {
            html_tok_error(t, "unexpected-null-character");
            html_sb_cp(t, &t->attr_name, 0xFFFD);
        } else if (c == '"' || c == '\'' || c == '<') {
            html_tok_error(t, "unexpected-character-in-attribute-name");
            append_cur(t, &t->attr_name);
        } else {
            append_lower(t, &t->attr_name);
        }
        break;

    case HTML_AFTER_ATTRIBUTE_NAME:
        c = consume(t);
        if (is_ws(c)) {
            /* ignore */
        } else if (c == '/') {
            t->state = HTML_SELF_CLOSING_START_TAG;
        } else if (c == '=') {
            t->state = HTML_BEFORE_ATTRIBUTE_VALUE;
        } else if (c == '>') {
            t->state = HTML_DATA;
            emit(t);
        } else if (c == EOF_CP) {
            tag_eof(t);
        } else {
            new_attr(t);
            reconsume(t, HTML_ATTRIBUTE_NAME);
        }
        break;

    case HTML_BEFORE_ATTRIBUTE_VALUE:
        c = consume(t);
        if (is_ws(c)) {
            /* ignore */
        } else if (c == '"') {
            t->state = HTML_ATTRIBUTE_VALUE_DOUBLE_QUOTED;
        } else if (c == '\'') {
            t->state = HTML_ATTRIBUTE_VALUE_SINGLE_QUOTED;
        } else if (c == '>') {
            html_tok_error(t, "missing-attribute-value");
            t->state = HTML_DATA;
            emit(t);
        } else {
            reconsume(t, HTML_ATTRIBUTE_VALUE_UNQUOTED);
        }
        break;

    case HTML_ATTRIBUTE_VALUE_DOUBLE_QUOTED:
        attr_value_quoted(t, '"');
        break;
    case HTML_ATTRIBUTE_VALUE_SINGLE_QUOTED:
        attr_value_quoted(t, '\'');
        break;

    case HTML_ATTRIBUTE_VALUE_UNQUOTED:
        run(t, &t->attr_value, plain_unquoted);
        c = consume(t);
        if (is_ws(c)) {
            t->state = HTML_BEFORE_ATTRIBUTE_NAME;
        } else if (c == '&') {
            html_charref(t, &t->attr_value, true);
        } else if (c == '>') {
            t->state = HTML_DATA;
            emit(t);
        } else if (c == 0) {
            html_tok_error(t, "unexpected-null-character");
            html_sb_cp(t, &t->attr_value, 0xFFFD);
        } else if (c == '"' || c == '\'' || c == '<' || c == '=' || c == '`') {
            html_tok_error(t, "unexpected-character-in-unquoted-attribute-value");
            append_cur(t, &t->attr_value);
        } else if (c == EOF_CP) {
            tag_eof(t);
        } else {
            append_cur(t, &t->attr_value);
        }
        break;

    case HTML_AFTER_ATTRIBUTE_VALUE_QUOTED:
        c = consume(t);
        if (is_ws(c)) {
            t->state = HTML_BEFORE_ATTRIBUTE_NAME;
        } else if (c == '/') {
            t->state = HTML_SELF_CLOSING_START_TAG;
        } else if (c == '>') {
            t->state = HTML_DATA;
            emit(t);
        } else if (c == EOF_CP) {
            tag_eof(t);
        } else {
            html_tok_error(t, "missing-whitespace-between-attributes");
            reconsume(t, HTML_BEFORE_ATTRIBUTE_NAME);
        }
        break;

    case HTML_SELF_CLOSING_START_TAG:
        c = consume(t);
        if (c == '>') {
            t->tok.self_closing = true;
            t->state = HTML_DATA;
            emit(t);
        } else if (c == EOF_CP) {
            tag_eof(t);
        } else {
            html_tok_error(t, "unexpected-solidus-in-tag");
            reconsume(t, HTML_BEFORE_ATTRIBUTE_NAME);
        }
        break;

    case HTML_BOGUS_COMMENT:
        run(t, &t->data, plain_bogus_comment);
        c = consume(t);
        if (c == '>') {
            t->state = HTML_DATA;
            emit(t);
        } else if (c == EOF_CP) {
            emit_then_eof(t);
        } else if (c == 0) {
            html_tok_error(t, "unexpected-null-character");
            html_sb_cp(t, &t->data, 0xFFFD);
        } else {
            append_cur(t, &t->data);
        }
        break;

    case HTML_MARKUP_DECLARATION_OPEN:
        if (starts_with(t, "--", 2, false)) {
            t->pos += 2;
            new_comment(t);
            t->state = HTML_COMMENT_START;
        } else if (starts_with(t, "DOCTYPE", 7, true)) {
            t->pos += 7;
            t->state = HTML_DOCTYPE;
        } else if (starts_with(t, "[CDATA[", 7, false)) {
            if (t->cdata_allowed) {
                t->pos += 7;
                t->state = HTML_CDATA_SECTION;
            } else {
                html_tok_error(t, "cdata-in-html-content");
                new_comment(t);
                html_sb_input(t, &t->data, t->pos, 7);
                t->pos += 7;
                t->state = HTML_BOGUS_COMMENT;
            }
        } else {
            html_tok_error(t, "incorrectly-opened-comment");
            new_comment(t);
            t->state = HTML_BOGUS_COMMENT;
        }
        break;

    case HTML_COMMENT_START:
        c = consume(t);
        if (c == '-') {
            t->state = HTML_COMMENT_START_DASH;
        } else if (c == '>') {
            html_tok_error(t, "abrupt-closing-of-empty-comment");
            t->state = HTML_DATA;
            emit(t);
        } else {
            reconsume(t, HTML_COMMENT);
        }
        break;

    case HTML_COMMENT_START_DASH:
        c = consume(t);
        if (c == '-') {
            t->state = HTML_COMMENT_END;
        } else if (c == '>') {
            html_tok_error(t, "abrupt-closing-of-empty-comment");
            t->state = HTML_DATA;
            emit(t);
        } else if (c == EOF_CP) {
            comment_eof(t);
        } else {
            html_sb_input(t, &t->data, t->cpos - 1, 1); /* the '-' */
            reconsume(t, HTML_COMMENT);
        }
        break;

    case HTML_COMMENT:
        run(t, &t->data, plain_comment);
        c = consume(t);
        if (c == '<') {
            append_cur(t, &t->data);
            t->state = HTML_COMMENT_LESS_THAN_SIGN;
        } else if (c == '-') {
            t->state = HTML_COMMENT_END_DASH;
        } else if (c == 0) {
            html_tok_error(t, "unexpected-null-character");
            html_sb_cp(t, &t->data, 0xFFFD);
        } else if (c == EOF_CP) {
            comment_eof(t);
        } else {
            append_cur(t, &t->data);
        }
        break;

    case HTML_COMMENT_LESS_THAN_SIGN:
        c = consume(t);
        if (c == '!') {
            append_cur(t, &t->data);
            t->state = HTML_COMMENT_LESS_THAN_SIGN_BANG;
        } else if (c == '<') {
            append_cur(t, &t->data);
        } else {
            reconsume(t, HTML_COMMENT);
        }
        break;
    case HTML_COMMENT_LESS_THAN_SIGN_BANG:
        if (consume(t) == '-')
            t->state = HTML_COMMENT_LESS_THAN_SIGN_BANG_DASH;
        else
            reconsume(t, HTML_COMMENT);
        break;
    case HTML_COMMENT_LESS_THAN_SIGN_BANG_DASH:
        if (consume(t) == '-')
            t->state = HTML_COMMENT_LESS_THAN_SIGN_BANG_DASH_DASH;
        else
            reconsume(t, HTML_COMMENT_END_DASH);
        break;
    case HTML_COMMENT_LESS_THAN_SIGN_BANG_DASH_DASH:
        c = consume(t);
        if (c != '>' && c != EOF_CP)
            html_tok_error(t, "nested-comment");
        reconsume(t, HTML_COMMENT_END);
        break;

    case HTML_COMMENT_END_DASH:
        c = consume(t);
        if (c == '-') {
            t->state = HTML_COMMENT_END;
        } else if (c == EOF_CP) {
            comment_eof(t);
        } else {
            html_sb_input(t, &t->data, t->cpos - 1, 1); /* the '-' */
            reconsume(t, HTML_COMMENT);
        }
        break;

    case HTML_COMMENT_END:
        c = consume(t);
        if (c == '>') {
            t->state = HTML_DATA;
            emit(t);
        } else if (c == '!') {
            t->state = HTML_COMMENT_END_BANG;
        } else if (c == '-') {
            html_sb_input(t, &t->data, t->cpos - 2, 1); /* a '-' (all before are) */
        } else if (c == EOF_CP) {
            comment_eof(t);
        } else {
            html_sb_input(t, &t->data, t->cpos - 2, 2); /* "--" */
            reconsume(t, HTML_COMMENT);
        }
        break;

    case HTML_COMMENT_END_BANG:
        c = consume(t);
        if (c == '-') {
            html_sb_input(t, &t->data, t->cpos - 3, 3); /* "--!" */
            t->state = HTML_COMMENT_END_DASH;
        } else if (c == '>') {
            html_tok_error(t, "incorrectly-closed-comment");
            t->state = HTML_DATA;
            emit(t);
        } else if (c == EOF_CP) {
            comment_eof(t);
        } else {
            html_sb_input(t, &t->data, t->cpos - 3, 3); /* "--!" */
            reconsume(t, HTML_COMMENT);
        }
        break;

    case HTML_DOCTYPE:
        c = consume(t);
        if (is_ws(c)) {
            t->state = HTML_BEFORE_DOCTYPE_NAME;
        } else if (c == '>') {
            reconsume(t, HTML_BEFORE_DOCTYPE_NAME);
        } else if (c == EOF_CP) {
            new_doctype(t);
            doctype_eof(t);
        } else {
            html_tok_error(t, "missing-whitespace-before-doctype-name");
            reconsume(t, HTML_BEFORE_DOCTYPE_NAME);
        }
        break;

    case HTML_BEFORE_DOCTYPE_NAME:
        c = consume(t);
        if (is_ws(c)) {
            /* ignore */
        } else if (c == '>') {
            html_tok_error(t, "missing-doctype-name");
            new_doctype(t);
            t->tok.force_quirks = true;
            t->state = HTML_DATA;
            emit(t);
        } else if (c == EOF_CP) {
            new_doctype(t);
            doctype_eof(t);
        } else {
            new_doctype(t);
            t->tok.has_name = true;
            if (c == 0) {
                html_tok_error(t, "unexpected-null-character");
                html_sb_cp(t, &t->name, 0xFFFD);
            } else {
                append_lower(t, &t->name);
            }
            t->state = HTML_DOCTYPE_NAME;
        }
        break;

    case HTML_DOCTYPE_NAME:
        run(t, &t->name, plain_name);
        c = consume(t);
        if (is_ws(c)) {
            t->state = HTML_AFTER_DOCTYPE_NAME;
        } else if (c == '>') {
            t->state = HTML_DATA;
            emit(t);
        } else if (c == 0) {
            html_tok_error(t, "unexpected-null-character");
            html_sb_cp(t, &t->name, 0xFFFD);
        } else if (c == EOF_CP) {
            doctype_eof(t);
        } else {
            append_lower(t, &t->name);
        }
        break;

    case HTML_AFTER_DOCTYPE_NAME:
        c = consume(t);
        if (is_ws(c)) {
            /* ignore */
        } else if (c == '>') {
            t->state = HTML_DATA;
            emit(t);
        } else if (c == EOF_CP) {
            doctype_eof(t);
        } else {
            t->pos = t->cpos;
            if (starts_with(t, "PUBLIC", 6, true)) {
                t->pos += 6;
                t->state = HTML_AFTER_DOCTYPE_PUBLIC_KEYWORD;
            } else if (starts_with(t, "SYSTEM", 6, true)) {
                t->pos += 6;
                t->state = HTML_AFTER_DOCTYPE_SYSTEM_KEYWORD;
            } else {
                html_tok_error(t, "invalid-character-sequence-after-doctype-name");
                t->tok.force_quirks = true;
                t->state = HTML_BOGUS_DOCTYPE;
            }
        }
        break;

    case HTML_AFTER_DOCTYPE_PUBLIC_KEYWORD:
        doctype_id_start(t, false, true);
        break;
    case HTML_BEFORE_DOCTYPE_PUBLIC_IDENTIFIER:
        doctype_id_start(t, false, false);
        break;
    case HTML_DOCTYPE_PUBLIC_IDENTIFIER_DOUBLE_QUOTED:
        doctype_id(t, &t->pub, '"', HTML_AFTER_DOCTYPE_PUBLIC_IDENTIFIER,
                   "abrupt-doctype-public-identifier");
        break;
    case HTML_DOCTYPE_PUBLIC_IDENTIFIER_SINGLE_QUOTED:
        doctype_id(t, &t->pub, '\'', HTML_AFTER_DOCTYPE_PUBLIC_IDENTIFIER,
                   "abrupt-doctype-public-identifier");
        break;

    case HTML_AFTER_DOCTYPE_PUBLIC_IDENTIFIER:
    case HTML_BETWEEN_DOCTYPE_PUBLIC_AND_SYSTEM_IDENTIFIERS: {
        bool after = t->state == HTML_AFTER_DOCTYPE_PUBLIC_IDENTIFIER;
        c = consume(t);
        if (is_ws(c)) {
            t->state = HTML_BETWEEN_DOCTYPE_PUBLIC_AND_SYSTEM_IDENTIFIERS;
        } else if (c == '>') {
            t->state = HTML_DATA;
            emit(t);
        } else if (c == '"' || c == '\'') {
            if (after)
                html_tok_error(t, "missing-whitespace-between-doctype-public-and-system-"
                                  "identifiers");
            t->tok.has_system = true;
            sb_clear(&t->sys);
            t->state = c == '"' ? HTML_DOCTYPE_SYSTEM_IDENTIFIER_DOUBLE_QUOTED
                                : HTML_DOCTYPE_SYSTEM_IDENTIFIER_SINGLE_QUOTED;
        } else if (c == EOF_CP) {
            doctype_eof(t);
        } else {
            html_tok_error(t, "missing-quote-before-doctype-system-identifier");
            t->tok.force_quirks = true;
            reconsume(t, HTML_BOGUS_DOCTYPE);
        }
        break;
    }

    case HTML_AFTER_DOCTYPE_SYSTEM_KEYWORD:
        doctype_id_start(t, true, true);
        break;
    case HTML_BEFORE_DOCTYPE_SYSTEM_IDENTIFIER:
        doctype_id_start(t, true, false);
        break;
    case HTML_DOCTYPE_SYSTEM_IDENTIFIER_DOUBLE_QUOTED:
        doctype_id(t, &t->sys, '"', HTML_AFTER_DOCTYPE_SYSTEM_IDENTIFIER,
                   "abrupt-doctype-system-identifier");
        break;
    case HTML_DOCTYPE_SYSTEM_IDENTIFIER_SINGLE_QUOTED:
        doctype_id(t, &t->sys, '\'', HTML_AFTER_DOCTYPE_SYSTEM_IDENTIFIER,
                   "abrupt-doctype-system-identifier");
        break;

    case HTML_AFTER_DOCTYPE_SYSTEM_IDENTIFIER:
        c = consume(t);
        if (is_ws(c)) {
            /* ignore */
        } else if (c == '>') {
            t->state = HTML_DATA;
            emit(t);
        } else if (c == EOF_CP) {
            doctype_eof(t);
        } else {
            html_tok_error(t, "unexpected-character-after-doctype-system-identifier");
            reconsume(t, HTML_BOGUS_DOCTYPE);
        }
        break;

    case HTML_BOGUS_DOCTYPE:
        {
            size_t p = t->pos;
            while (p < t->len && plain_doctype((unsigned char)t->in[p]))
                p++;
            t->pos = p;
        }
        c = consume(t);
        if (c == '>') {
            t->state = HTML_DATA;
            emit(t);
        } else if (c == 0) {
            html_tok_error(t, "unexpected-null-character");
        } else if (c == EOF_CP) {
            emit_then_eof(t);
        }
        break;

    case HTML_CDATA_SECTION:
        c = consume(t);
        if (c == ']') {
            t->state = HTML_CDATA_SECTION_BRACKET;
        } else if (c == EOF_CP) {
            html_tok_error(t, "eof-in-cdata");
            emit_eof(t);
        } else {
            text_cur(t);
        }
        break;
    case HTML_CDATA_SECTION_BRACKET:
        if (consume(t) == ']') {
            t->state = HTML_CDATA_SECTION_END;
        } else {
            reconsume(t, HTML_CDATA_SECTION);
            text_bytes(t, t->pos - 1, 1); /* the ']' */
        }
        break;
    case HTML_CDATA_SECTION_END:
        c = consume(t);
        if (c == ']') {
            text_bytes(t, t->cpos - 2, 1); /* a ']' (all before are) */
        } else if (c == '>') {
            t->state = HTML_DATA;
        } else {
            reconsume(t, HTML_CDATA_SECTION);
            text_bytes(t, t->pos - 2, 2); /* "]]" */
        }
        break;
    }
}

/* ---------------------------------------------------------------- the interface */

void html_tokenizer_set_state(html_tokenizer *t, html_state s)
{
    t->state = s;
}

void html_tokenizer_set_last_start_tag(html_tokenizer *t, const char *name, size_t n)
{
    /* No element the Standard gives RCDATA, RAWTEXT or script data has a
     * longer name; a longer one can never be matched, so it is kept empty. */
    if (n > sizeof t->last_start)
        n = 0;
    if (n)
        memcpy(t->last_start, name, n);
    t->last_start_n = n;
}

html_token_type html_next(html_tokenizer *t, html_token *out)
{
    if (t->have_pending) {
        t->have_pending = false;
        *out = t->pending;
        return out->type;
    }
    t->ready = false;
    if (t->eof_emitted)
        emit_eof(t);
    while (!t->ready && !t->oom)
        step(t);
    if (t->oom) {
        memset(out, 0, sizeof *out);
        out->type = HTML_TOK_ERROR;
        out->begin = out->end = t->pos;
        return out->type;
    }
    html_token m = t->tok;
    if (m.type == HTML_TOK_EOF) {
        t->eof_emitted = true;
        m.attrs = NULL;
        m.n_attrs = 0;
        t->pos = t->len; /* a tag cut short by the end: its bytes end here */
    }
    if (m.type != HTML_TOK_COMMENT)
        m.data = (html_str){"", 0};
    m.end = t->pos;
    if (t->text.n) { /* the characters before the token go first */
        memset(out, 0, sizeof *out);
        out->type = HTML_TOK_TEXT;
        out->data = str_of(&t->text);
        out->begin = t->emitted;
        out->end = t->text_end;
        out->line = html_line_at(t, out->begin);
        sb_clear(&t->text);
        m.begin = t->text_end;
        m.line = html_line_at(t, m.begin);
        t->pending = m;
        t->have_pending = true;
    } else {
        m.begin = t->emitted;
        m.line = html_line_at(t, m.begin);
        *out = m;
    }
    t->emitted = m.end;
    return out->type;
}
