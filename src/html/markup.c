/* markup.c - the comment, DOCTYPE and CDATA section states of HTML Standard
 * 13.2.5 (bogus comment state to CDATA section end state), one case per
 * state, as the Standard orders them. */
#include "tokenizer_impl.h"

bool html_tok_starts_with(const html_tokenizer *t, const char *s, size_t n, bool fold)
{
    if (t->len - t->pos < n)
        return false;
    const char *p = t->in + t->pos;
    return fold ? strncasecmp(p, s, n) == 0 : memcmp(p, s, n) == 0;
}

/* A DOCTYPE state reached the end of the input. */
void html_tok_doctype_eof(html_tokenizer *t)
{
    html_tok_error(t, "eof-in-doctype");
    t->tok.force_quirks = true;
    html_tok_emit_then_eof(t);
}

void html_tok_comment_eof(html_tokenizer *t)
{
    html_tok_error(t, "eof-in-comment");
    html_tok_emit_then_eof(t);
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
        html_tok_emit(t);
        t->state = HTML_DATA;
    } else if (c == EOF_CP) {
        html_tok_doctype_eof(t);
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
        html_tok_emit(t);
        t->state = HTML_DATA;
    } else if (c == EOF_CP) {
        html_tok_doctype_eof(t);
    } else {
        append_cur(t, sb);
    }
}

void html_step_markup(html_tokenizer *t)
{
    int32_t c;
    switch (t->state) {
    case HTML_BOGUS_COMMENT:
        run(t, &t->data, STOP_BOGUS);
        c = consume(t);
        if (c == '>') {
            t->state = HTML_DATA;
            html_tok_emit(t);
        } else if (c == EOF_CP) {
            html_tok_emit_then_eof(t);
        } else if (c == 0) {
            html_tok_error(t, "unexpected-null-character");
            html_sb_cp(t, &t->data, 0xFFFD);
        } else {
            append_cur(t, &t->data);
        }
        break;

    case HTML_MARKUP_DECLARATION_OPEN:
        if (html_tok_starts_with(t, "--", 2, false)) {
            t->pos += 2;
            html_tok_new_comment(t);
            t->state = HTML_COMMENT_START;
        } else if (html_tok_starts_with(t, "DOCTYPE", 7, true)) {
            t->pos += 7;
            t->state = HTML_DOCTYPE;
        } else if (html_tok_starts_with(t, "[CDATA[", 7, false)) {
            if (t->cdata_allowed) {
                t->pos += 7;
                t->state = HTML_CDATA_SECTION;
            } else {
                html_tok_error(t, "cdata-in-html-content");
                html_tok_new_comment(t);
                html_sb_input(t, &t->data, t->pos, 7);
                t->pos += 7;
                t->state = HTML_BOGUS_COMMENT;
            }
        } else {
            html_tok_error(t, "incorrectly-opened-comment");
            html_tok_new_comment(t);
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
            html_tok_emit(t);
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
            html_tok_emit(t);
        } else if (c == EOF_CP) {
            html_tok_comment_eof(t);
        } else {
            html_sb_input(t, &t->data, t->cpos - 1, 1); /* the '-' */
            reconsume(t, HTML_COMMENT);
        }
        break;

    case HTML_COMMENT:
        run(t, &t->data, STOP_COMMENT);
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
            html_tok_comment_eof(t);
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
            html_tok_comment_eof(t);
        } else {
            html_sb_input(t, &t->data, t->cpos - 1, 1); /* the '-' */
            reconsume(t, HTML_COMMENT);
        }
        break;

    case HTML_COMMENT_END:
        c = consume(t);
        if (c == '>') {
            t->state = HTML_DATA;
            html_tok_emit(t);
        } else if (c == '!') {
            t->state = HTML_COMMENT_END_BANG;
        } else if (c == '-') {
            html_sb_input(t, &t->data, t->cpos - 2, 1); /* a '-' (all before are) */
        } else if (c == EOF_CP) {
            html_tok_comment_eof(t);
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
            html_tok_emit(t);
        } else if (c == EOF_CP) {
            html_tok_comment_eof(t);
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
            html_tok_new_doctype(t);
            html_tok_doctype_eof(t);
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
            html_tok_new_doctype(t);
            t->tok.force_quirks = true;
            t->state = HTML_DATA;
            html_tok_emit(t);
        } else if (c == EOF_CP) {
            html_tok_new_doctype(t);
            html_tok_doctype_eof(t);
        } else {
            html_tok_new_doctype(t);
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
        run(t, &t->name, STOP_NAME);
        c = consume(t);
        if (is_ws(c)) {
            t->state = HTML_AFTER_DOCTYPE_NAME;
        } else if (c == '>') {
            t->state = HTML_DATA;
            html_tok_emit(t);
        } else if (c == 0) {
            html_tok_error(t, "unexpected-null-character");
            html_sb_cp(t, &t->name, 0xFFFD);
        } else if (c == EOF_CP) {
            html_tok_doctype_eof(t);
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
            html_tok_emit(t);
        } else if (c == EOF_CP) {
            html_tok_doctype_eof(t);
        } else {
            t->pos = t->cpos;
            if (html_tok_starts_with(t, "PUBLIC", 6, true)) {
                t->pos += 6;
                t->state = HTML_AFTER_DOCTYPE_PUBLIC_KEYWORD;
            } else if (html_tok_starts_with(t, "SYSTEM", 6, true)) {
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
            html_tok_emit(t);
        } else if (c == '"' || c == '\'') {
            if (after)
                html_tok_error(t, "missing-whitespace-between-doctype-public-and-system-"
                                  "identifiers");
            t->tok.has_system = true;
            sb_clear(&t->sys);
            t->state = c == '"' ? HTML_DOCTYPE_SYSTEM_IDENTIFIER_DOUBLE_QUOTED
                                : HTML_DOCTYPE_SYSTEM_IDENTIFIER_SINGLE_QUOTED;
        } else if (c == EOF_CP) {
            html_tok_doctype_eof(t);
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
            html_tok_emit(t);
        } else if (c == EOF_CP) {
            html_tok_doctype_eof(t);
        } else {
            html_tok_error(t, "unexpected-character-after-doctype-system-identifier");
            reconsume(t, HTML_BOGUS_DOCTYPE);
        }
        break;

    case HTML_BOGUS_DOCTYPE:
        {
            size_t p = t->pos;
            while (p < t->len && !(html_stop[(unsigned char)t->in[p]] & STOP_DOCTYPE))
                p++;
            t->pos = p;
        }
        c = consume(t);
        if (c == '>') {
            t->state = HTML_DATA;
            html_tok_emit(t);
        } else if (c == 0) {
            html_tok_error(t, "unexpected-null-character");
        } else if (c == EOF_CP) {
            html_tok_emit_then_eof(t);
        }
        break;

    case HTML_CDATA_SECTION:
        c = consume(t);
        if (c == ']') {
            t->state = HTML_CDATA_SECTION_BRACKET;
        } else if (c == EOF_CP) {
            html_tok_error(t, "eof-in-cdata");
            html_tok_emit_eof(t);
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
    default:
        break; /* tokenizer.c's states */
    }
}
