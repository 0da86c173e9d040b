/* token.c - the token being built and its emission: tags and their
 * attributes (duplicates dropped), comments, DOCTYPEs, and the character
 * tokens gathered before each, handed out by html_next in input order with
 * the bytes and line each came from. */
#include "tokenizer_impl.h"

void html_tok_new_tag(html_tokenizer *t, html_token_type type)
{
    t->tok.type = type;
    t->tok.self_closing = false;
    sb_clear(&t->name);
    t->n_attrs = 0;
    t->attr_open = false;
}

void html_tok_new_comment(html_tokenizer *t)
{
    t->tok.type = HTML_TOK_COMMENT;
    sb_clear(&t->data);
}

void html_tok_new_doctype(html_tokenizer *t)
{
    t->tok.type = HTML_TOK_DOCTYPE;
    t->tok.has_name = t->tok.has_public = t->tok.has_system = false;
    t->tok.force_quirks = false;
    sb_clear(&t->name);
    sb_clear(&t->pub);
    sb_clear(&t->sys);
}

/* A limit hit: the tokenizer stops (html_next returns HTML_TOK_ERROR). */
static void html_tok_over(html_tokenizer *t, html5_status why)
{
    t->over = why;
    t->over_at = t->pos;
    t->oom = true;
}

static void html_tok_commit_attr(html_tokenizer *t)
{
    if (!t->attr_open)
        return;
    t->attr_open = false;
    /* a dropped duplicate counts too: no attribute past the limit is read
     * whole and then silently forgotten */
    if (t->attr_name.n > t->max_attr_bytes ||
        t->attr_value.n > t->max_attr_bytes - t->attr_name.n) {
        html_tok_over(t, HTML5_OVER_ATTR_BYTES);
        return;
    }
    if (t->attr_dup)
        return;
    if (t->n_attrs >= t->max_attrs) {
        html_tok_over(t, HTML5_OVER_ATTRS);
        return;
    }
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
    a->name = str_of(&t->attr_name); /* never NULL: memcmp on it is then defined */
    a->value = str_of(&t->attr_value);
}

void html_tok_new_attr(html_tokenizer *t)
{
    html_tok_commit_attr(t);
    t->attr_open = true;
    t->attr_dup = false;
    sb_clear(&t->attr_name);
    sb_clear(&t->attr_value);
}

/* Leaving the attribute name state: a repeated name is dropped. */
void html_tok_attr_name_done(html_tokenizer *t)
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

/* Emit the current tag, comment or DOCTYPE token; the state is DATA unless
 * the caller sets another. */
void html_tok_emit(html_tokenizer *t)
{
    html_token *k = &t->tok;
    k->name = k->type == HTML_TOK_COMMENT ? (html_str){"", 0} : str_of(&t->name);
    k->attrs = NULL;
    k->n_attrs = 0;
    if (k->type == HTML_TOK_START_TAG || k->type == HTML_TOK_END_TAG) {
        html_tok_commit_attr(t);
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

void html_tok_emit_eof(html_tokenizer *t)
{
    t->tok.type = HTML_TOK_EOF;
    t->ready = true;
}

/* "Emit the token, then an end-of-file token": the EOF comes from the data
 * state on the next call. */
void html_tok_emit_then_eof(html_tokenizer *t)
{
    html_tok_emit(t);
    t->state = HTML_DATA;
}

bool html_tok_appropriate_end_tag(const html_tokenizer *t)
{
    return t->last_start_n && t->name.n == t->last_start_n &&
           memcmp(t->name.p, t->last_start, t->name.n) == 0;
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
