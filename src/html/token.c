/* token.c - the token being built and its emission: tags and their
 * attributes (duplicates dropped), comments, DOCTYPEs, and the character
 * tokens gathered before each, handed out by html_next in input order with
 * the bytes and line each came from. */
#include "tokenizer_impl.h"

/* tokenizer_impl.h's STOP_ bits of each byte. */
#define SPACE_STOPS (STOP_NAME | STOP_ATTR_NAME | STOP_UNQUOTED)
#define UPPER (STOP_NAME | STOP_ATTR_NAME)
const unsigned char html_stop[256] = {
    [0] = 0xFF, /* NUL ends every run */
    ['\t'] = SPACE_STOPS, ['\n'] = SPACE_STOPS, ['\f'] = SPACE_STOPS, [' '] = SPACE_STOPS,
    ['\r'] = SPACE_STOPS | STOP_DQ | STOP_SQ | STOP_COMMENT | STOP_BOGUS,
    ['/'] = STOP_NAME | STOP_ATTR_NAME,
    ['>'] = STOP_NAME | STOP_ATTR_NAME | STOP_UNQUOTED | STOP_DOCTYPE | STOP_BOGUS,
    ['='] = STOP_ATTR_NAME | STOP_UNQUOTED,
    ['"'] = STOP_ATTR_NAME | STOP_DQ | STOP_UNQUOTED,
    ['\''] = STOP_ATTR_NAME | STOP_SQ | STOP_UNQUOTED,
    ['<'] = STOP_ATTR_NAME | STOP_UNQUOTED | STOP_COMMENT,
    ['&'] = STOP_DQ | STOP_SQ | STOP_UNQUOTED,
    ['`'] = STOP_UNQUOTED,
    ['-'] = STOP_COMMENT,
    ['A'] = UPPER, ['B'] = UPPER, ['C'] = UPPER, ['D'] = UPPER, ['E'] = UPPER,
    ['F'] = UPPER, ['G'] = UPPER, ['H'] = UPPER, ['I'] = UPPER, ['J'] = UPPER,
    ['K'] = UPPER, ['L'] = UPPER, ['M'] = UPPER, ['N'] = UPPER, ['O'] = UPPER,
    ['P'] = UPPER, ['Q'] = UPPER, ['R'] = UPPER, ['S'] = UPPER, ['T'] = UPPER,
    ['U'] = UPPER, ['V'] = UPPER, ['W'] = UPPER, ['X'] = UPPER, ['Y'] = UPPER,
    ['Z'] = UPPER,
};
#undef SPACE_STOPS
#undef UPPER

void html_tok_new_tag(html_tokenizer *t, html_token_type type)
{
    t->tok.type = type;
    t->tok.self_closing = false;
    sb_clear(&t->name);
    t->n_attrs = 0;
    t->attr_hash_n = 0;
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

/* A repeated attribute name is looked for among the names before it: one
 * by one while there are few, by hash past HASH_FROM, so a tag of many
 * attributes costs linear time, not quadratic (max_attrs is 1,024 by
 * default; a page of such tags would otherwise take seconds). */
enum { HASH_FROM = 16 };

static size_t name_hash(const char *p, size_t n)
{
    size_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 16777619u;
    return h;
}

static bool same_name(const html_attr *a, const char *p, size_t n)
{
    return a->name.n == n && memcmp(a->name.p, p, n) == 0;
}

/* Bring the hash up to the committed attributes, rebuilt bigger when
 * half full; false only when out of memory. */
static bool hash_sync(html_tokenizer *t)
{
    if (t->attr_hash_n > t->n_attrs) /* a new tag: start again */
        t->attr_hash_n = 0;
    if (!t->attr_hash_n || 2 * (t->n_attrs + 1) > t->attr_hash_cap) {
        size_t cap = t->attr_hash_cap ? t->attr_hash_cap : 64;
        while (2 * (t->n_attrs + 1) > cap)
            cap *= 2;
        if (cap != t->attr_hash_cap) {
            uint32_t *h = arena_alloc(t->a, cap * sizeof *h);
            if (!h)
                return t->oom = true, false;
            t->attr_hash = h;
            t->attr_hash_cap = cap;
        }
        memset(t->attr_hash, 0, t->attr_hash_cap * sizeof *t->attr_hash);
        t->attr_hash_n = 0;
    }
    size_t mask = t->attr_hash_cap - 1;
    for (; t->attr_hash_n < t->n_attrs; t->attr_hash_n++) {
        const html_attr *a = &t->attrs[t->attr_hash_n];
        size_t h = name_hash(a->name.p, a->name.n) & mask;
        while (t->attr_hash[h])
            h = (h + 1) & mask;
        t->attr_hash[h] = (uint32_t)t->attr_hash_n + 1;
    }
    return true;
}

static bool seen_before(html_tokenizer *t, const char *p, size_t n)
{
    if (t->n_attrs < HASH_FROM) {
        for (size_t i = 0; i < t->n_attrs; i++)
            if (same_name(&t->attrs[i], p, n))
                return true;
        return false;
    }
    if (!hash_sync(t))
        return false;
    size_t mask = t->attr_hash_cap - 1;
    for (size_t h = name_hash(p, n) & mask; t->attr_hash[h]; h = (h + 1) & mask)
        if (same_name(&t->attrs[t->attr_hash[h] - 1], p, n))
            return true;
    return false;
}

/* Leaving the attribute name state: a repeated name is dropped. */
void html_tok_attr_name_done(html_tokenizer *t)
{
    if (seen_before(t, t->attr_name.p, t->attr_name.n)) {
        html_tok_error(t, "duplicate-attribute");
        t->attr_dup = true;
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
