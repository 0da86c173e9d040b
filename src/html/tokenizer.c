/* tokenizer.c - the tokenizer states of the HTML Standard (13.2.5), one case
 * per state, named and ordered as the Standard has them, so the code can be
 * read beside it. The comment, DOCTYPE and CDATA section states are in markup.c,
 * the character reference states in charref.c, token building in token.c,
 * the input stream, strings and lines in input.c.
 *
 * Speed comes from not looking at bytes one by one where nothing can happen:
 * the text states take whole runs up to the next '<', '&', NUL or CR (found
 * with memchr, each remembered until passed), and names, attribute values and
 * comments take runs of ordinary bytes in a tight loop. A run is a slice of
 * the input; only a change (lower-casing, a reference, U+FFFD, CR to LF)
 * makes a copy. */
#include "tokenizer_impl.h"

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
/* ---------------------------------------------------------------- shared state bodies */

/* RCDATA, RAWTEXT, script data and script data escaped end tag name states:
 * `back` is the state the characters return to when the tag is not an end
 * tag of the element open. */
static void end_tag_name(html_tokenizer *t, html_state back)
{
    int32_t c = consume(t);
    if (is_ws(c) && html_tok_appropriate_end_tag(t)) {
        t->state = HTML_BEFORE_ATTRIBUTE_NAME;
    } else if (c == '/' && html_tok_appropriate_end_tag(t)) {
        t->state = HTML_SELF_CLOSING_START_TAG;
    } else if (c == '>' && html_tok_appropriate_end_tag(t)) {
        html_tok_emit(t);
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
        html_tok_new_tag(t, HTML_TOK_END_TAG);
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
        html_tok_emit_eof(t);
    } else {
        t->state = rest;
        text_cur(t);
    }
}

static void tag_eof(html_tokenizer *t)
{
    html_tok_error(t, "eof-in-tag");
    html_tok_emit_eof(t);
}

/* Attribute value (double-quoted) and (single-quoted) states. */
static void attr_value_quoted(html_tokenizer *t, int32_t quote)
{
    run_quoted(t, &t->attr_value, (unsigned char)quote);
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

/* The common shape of a tag's attributes, name="value" or name='value'
 * apart by spaces and ended by '>', read in one go from the before
 * attribute name state: each state switch the machine would make costs a
 * mispredicted jump, several per attribute. It does exactly what the
 * states would do and hands back to them (in the state they would be in)
 * at the first byte off that path: an upper-case letter, a reference,
 * NUL, CR, an unquoted value, '/', the end of the input. False when it
 * stopped in the before attribute name state, on a byte that state must
 * consume itself. */
static bool attrs_fast(html_tokenizer *t)
{
    const unsigned char *s = (const unsigned char *)t->in;
    size_t len = t->len;
    for (;;) {
        size_t p = t->pos;
        while (p < len && (s[p] == ' ' || s[p] == '\n' || s[p] == '\t' || s[p] == '\f' ||
                           s[p] == '\r'))
            p++;
        t->pos = p;
        if (p >= len || (html_stop[s[p]] & STOP_ATTR_NAME)) /* not a name's first byte */
            return false;
        html_tok_new_attr(t);
        if (t->oom)
            return true;
        run(t, &t->attr_name, STOP_ATTR_NAME);
        p = t->pos;
        t->state = HTML_ATTRIBUTE_NAME;
        if (p >= len || s[p] != '=')
            return true; /* the attribute name state goes on */
        t->pos = ++p;
        html_tok_attr_name_done(t);
        t->state = HTML_BEFORE_ATTRIBUTE_VALUE;
        if (p >= len || (s[p] != '"' && s[p] != '\''))
            return true;
        unsigned char quote = s[p];
        t->pos = p + 1;
        t->state = quote == '"' ? HTML_ATTRIBUTE_VALUE_DOUBLE_QUOTED
                                : HTML_ATTRIBUTE_VALUE_SINGLE_QUOTED;
        run_quoted(t, &t->attr_value, quote);
        p = t->pos;
        if (p >= len || s[p] != quote)
            return true; /* a reference, NUL, CR or the end */
        t->pos = ++p;
        t->state = HTML_AFTER_ATTRIBUTE_VALUE_QUOTED;
        if (p < len && s[p] == '>') {
            t->pos = p + 1;
            t->state = HTML_DATA;
            html_tok_emit(t);
            return true;
        }
        if (p >= len || !(is_ws(s[p]) || s[p] == '\r'))
            return true;
        t->state = HTML_BEFORE_ATTRIBUTE_NAME;
    }
}

/* The tag name state. */
static void tag_name(html_tokenizer *t)
{
    run(t, &t->name, STOP_NAME);
    int32_t c = consume(t);
    if (is_ws(c)) {
        t->state = HTML_BEFORE_ATTRIBUTE_NAME;
        attrs_fast(t);
    } else if (c == '/') {
        t->state = HTML_SELF_CLOSING_START_TAG;
    } else if (c == '>') {
        t->state = HTML_DATA;
        html_tok_emit(t);
    } else if (c == 0) {
        html_tok_error(t, "unexpected-null-character");
        html_sb_cp(t, &t->name, 0xFFFD);
    } else if (c == EOF_CP) {
        tag_eof(t);
    } else {
        append_lower(t, &t->name);
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
            /* "<a" and "</a": the tag open (and end tag open) state's
             * letter case taken here, then the tag name state */
            size_t p = t->pos;
            bool end = p + 1 < t->len && t->in[p] == '/';
            if (p + end < t->len && is_alpha((unsigned char)t->in[p + end])) {
                html_tok_new_tag(t, end ? HTML_TOK_END_TAG : HTML_TOK_START_TAG);
                t->pos = p + end;
                t->state = HTML_TAG_NAME;
                tag_name(t);
            }
        } else if (c == 0) {
            html_tok_error(t, "unexpected-null-character");
            text_cur(t);
        } else if (c == EOF_CP) {
            html_tok_emit_eof(t);
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
            html_tok_emit_eof(t);
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
            html_tok_new_tag(t, HTML_TOK_START_TAG);
            reconsume(t, HTML_TAG_NAME);
        } else if (c == '?') {
            html_tok_error(t, "unexpected-question-mark-instead-of-tag-name");
            html_tok_new_comment(t);
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
            html_tok_new_tag(t, HTML_TOK_END_TAG);
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
            html_tok_new_comment(t);
            reconsume(t, HTML_BOGUS_COMMENT);
        }
        break;

    case HTML_TAG_NAME:
        tag_name(t);
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
        if (attrs_fast(t))
            break;
        c = consume(t);
        if (is_ws(c)) {
            /* ignore */
        } else if (c == '/' || c == '>' || c == EOF_CP) {
            reconsume(t, HTML_AFTER_ATTRIBUTE_NAME);
        } else if (c == '=') {
            html_tok_error(t, "unexpected-equals-sign-before-attribute-name");
            html_tok_new_attr(t);
            append_cur(t, &t->attr_name);
            t->state = HTML_ATTRIBUTE_NAME;
        } else {
            html_tok_new_attr(t);
            reconsume(t, HTML_ATTRIBUTE_NAME);
        }
        break;

    case HTML_ATTRIBUTE_NAME:
        run(t, &t->attr_name, STOP_ATTR_NAME);
        c = consume(t);
        if (is_ws(c) || c == '/' || c == '>' || c == EOF_CP) {
            html_tok_attr_name_done(t);
            reconsume(t, HTML_AFTER_ATTRIBUTE_NAME);
        } else if (c == '=') {
            html_tok_attr_name_done(t);
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
            html_tok_emit(t);
        } else if (c == EOF_CP) {
            tag_eof(t);
        } else {
            html_tok_new_attr(t);
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
            html_tok_emit(t);
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
        run(t, &t->attr_value, STOP_UNQUOTED);
        c = consume(t);
        if (is_ws(c)) {
            t->state = HTML_BEFORE_ATTRIBUTE_NAME;
        } else if (c == '&') {
            html_charref(t, &t->attr_value, true);
        } else if (c == '>') {
            t->state = HTML_DATA;
            html_tok_emit(t);
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
            html_tok_emit(t);
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
            html_tok_emit(t);
        } else if (c == EOF_CP) {
            tag_eof(t);
        } else {
            html_tok_error(t, "unexpected-solidus-in-tag");
            reconsume(t, HTML_BEFORE_ATTRIBUTE_NAME);
        }
        break;

    default: /* comments, DOCTYPEs, CDATA sections: markup.c */
        html_step_markup(t);
        break;
    }
}

/* ---------------------------------------------------------------- the interface */

/* html_line_at, its common case in line: no line break between the last
 * offset asked for and this one (the next LF and CR are both past it). */
static uint32_t line_at(html_tokenizer *t, size_t off)
{
    if (t->line_nl >= off && t->line_cr >= off && off <= t->len) {
        if (off > t->line_off)
            t->line_off = off;
        return t->line;
    }
    return html_line_at(t, off);
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
        html_tok_emit_eof(t);
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
        out->line = line_at(t, out->begin);
        sb_clear(&t->text);
        m.begin = t->text_end;
        m.line = line_at(t, m.begin);
        t->pending = m;
        t->have_pending = true;
    } else {
        m.begin = t->emitted;
        m.line = line_at(t, m.begin);
        *out = m;
    }
    t->emitted = m.end;
    return out->type;
}
