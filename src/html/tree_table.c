/* tree_table.c - the insertion modes for tables (in table, in table text,
 * in caption, in column group, in table body, in row, in cell) and after the
 * body and framesets (after body, in frameset, after frameset, after after
 * body, after after frameset). A select in a table has no mode of its own
 * since the Standard dropped "in select in table": the table modes foster
 * its content as any other (tree_select.c). */
#include "treebuilder_impl.h"

void tb_mode_text(builder *b, html_token *k)
{
    if (k->type == HTML_TOK_TEXT) {
        tb_insert_text(b, k->data, k->line);
        return;
    }
    if (k->type == HTML_TOK_EOF) {
        tb_pop(b);
        b->mode = b->original;
        tb_process(b, k);
        return;
    }
    if (k->type == HTML_TOK_END_TAG) {
        tb_pop(b);
        b->mode = b->original;
    }
}

void tb_clear_to_context(builder *b, const html_tag *stop)
{
    while (b->n_open && !tb_in_list(tb_tag_at(b, tb_current(b)), stop))
        tb_pop(b);
}

static const html_tag TABLE_CTX[] = {T(table), T(template), T(html), 0};
static const html_tag BODY_CTX[] = {T(tbody), T(tfoot), T(thead), T(template), T(html), 0};
static const html_tag ROW_CTX[] = {T(tr), T(template), T(html), 0};

void tb_mode_in_table(builder *b, html_token *k)
{
    html_tag t = tb_token_tag(k);
    html_tag c = tb_tag_at(b, tb_current(b));
    if (k->type == HTML_TOK_TEXT && (c == T(table) || c == T(tbody) || c == T(template) ||
                                     c == T(tfoot) || c == T(thead) || c == T(tr))) {
        b->table_text = (html_sb){NULL, 0, 0};
        b->table_text_ws_only = true;
        b->original = b->mode;
        b->mode = M_IN_TABLE_TEXT;
        tb_process(b, k);
        return;
    }
    if (k->type == HTML_TOK_COMMENT) {
        tb_insert_comment(b, k, TB_HERE);
        return;
    }
    if (k->type == HTML_TOK_DOCTYPE)
        return;
    if (k->type == HTML_TOK_START_TAG) {
        switch (t) {
        case T(caption):
            tb_clear_to_context(b, TABLE_CTX);
            tb_fmt_marker(b);
            tb_insert_element(b, k);
            b->mode = M_IN_CAPTION;
            return;
        case T(colgroup):
            tb_clear_to_context(b, TABLE_CTX);
            tb_insert_element(b, k);
            b->mode = M_IN_COLUMN_GROUP;
            return;
        case T(col):
            tb_clear_to_context(b, TABLE_CTX);
            tb_insert_named(b, "colgroup");
            b->mode = M_IN_COLUMN_GROUP;
            tb_process(b, k);
            return;
        case T(tbody): case T(tfoot): case T(thead):
            tb_clear_to_context(b, TABLE_CTX);
            tb_insert_element(b, k);
            b->mode = M_IN_TABLE_BODY;
            return;
        case T(td): case T(th): case T(tr):
            tb_clear_to_context(b, TABLE_CTX);
            tb_insert_named(b, "tbody");
            b->mode = M_IN_TABLE_BODY;
            tb_process(b, k);
            return;
        case T(table):
            if (!tb_in_scope(b, T(table), 3))
                return;
            tb_pop_until(b, T(table));
            tb_reset_mode(b);
            tb_process(b, k);
            return;
        case T(style): case T(script): case T(template):
            tb_mode_in_head(b, k);
            return;
        case T(input):
            if (!tb_is_hidden_input(k))
                break;
            tb_insert_element(b, k);
            tb_pop(b);
            return;
        case T(form):
            if (b->form != HTML_NONE || tb_template_on_stack(b))
                return;
            b->form = tb_insert_element(b, k);
            tb_pop(b);
            return;
        default:
            break;
        }
    } else if (k->type == HTML_TOK_END_TAG) {
        switch (t) {
        case T(table):
            if (!tb_in_scope(b, T(table), 3))
                return;
            tb_pop_until(b, T(table));
            tb_reset_mode(b);
            return;
        case T(body): case T(caption): case T(col): case T(colgroup): case T(html):
        case T(tbody): case T(td): case T(tfoot): case T(th): case T(thead): case T(tr):
            return;
        case T(template):
            tb_mode_in_head(b, k);
            return;
        default:
            break;
        }
    } else if (k->type == HTML_TOK_EOF) {
        tb_in_body(b, k);
        return;
    }
    b->foster = true;
    tb_in_body(b, k);
    b->foster = false;
}

void tb_mode_in_table_text(builder *b, html_token *k)
{
    if (k->type == HTML_TOK_TEXT) {
        html_str s = tb_strip_nul(b, k->data);
        if (!tb_all_ws(s))
            b->table_text_ws_only = false;
        html_sb *p = &b->table_text;
        if (!p->cap || p->cap - p->n < s.n) {
            size_t cap = (p->n + s.n) * 2 + 16;
            char *q = arena_alloc(b->tree->a, cap);
            if (!q) {
                b->stop = true;
                return;
            }
            if (p->n)
                memcpy(q, p->p, p->n);
            p->p = q;
            p->cap = cap;
        }
        memcpy((char *)p->p + p->n, s.p, s.n);
        p->n += s.n;
        return;
    }
    html_str s = {b->table_text.p, b->table_text.n};
    if (s.n) {
        if (b->table_text_ws_only) {
            tb_insert_text(b, s, k->line);
        } else {
            html_token text = {.type = HTML_TOK_TEXT, .data = s, .line = k->line};
            b->foster = true;
            tb_in_body(b, &text);
            b->foster = false;
        }
    }
    b->table_text = (html_sb){NULL, 0, 0};
    b->mode = b->original;
    tb_process(b, k);
}

void tb_mode_in_caption(builder *b, html_token *k)
{
    html_tag t = tb_token_tag(k);
    bool end_caption = k->type == HTML_TOK_END_TAG && t == T(caption);
    bool closes = (k->type == HTML_TOK_START_TAG &&
                   (t == T(caption) || t == T(col) || t == T(colgroup) || t == T(tbody) ||
                    t == T(td) || t == T(tfoot) || t == T(th) || t == T(thead) || t == T(tr))) ||
                  (k->type == HTML_TOK_END_TAG && t == T(table));
    if (end_caption || closes) {
        if (!tb_in_scope(b, T(caption), 3))
            return;
        tb_generate_implied_end_tags(b, HTML_TAG_UNKNOWN);
        tb_pop_until(b, T(caption));
        tb_fmt_clear_to_marker(b);
        b->mode = M_IN_TABLE;
        if (closes)
            tb_process(b, k);
        return;
    }
    if (k->type == HTML_TOK_END_TAG &&
        (t == T(body) || t == T(col) || t == T(colgroup) || t == T(html) || t == T(tbody) ||
         t == T(td) || t == T(tfoot) || t == T(th) || t == T(thead) || t == T(tr)))
        return;
    tb_in_body(b, k);
}

void tb_mode_in_column_group(builder *b, html_token *k)
{
    if (tb_ws_comment_doctype(b, k, true))
        return;
    if (tb_is_start(k, "html")) {
        tb_in_body(b, k);
        return;
    }
    if (tb_is_start(k, "col")) {
        tb_insert_element(b, k);
        tb_pop(b);
        return;
    }
    if (tb_is_end(k, "colgroup")) {
        if (tb_is(b, tb_current(b), T(colgroup))) {
            tb_pop(b);
            b->mode = M_IN_TABLE;
        }
        return;
    }
    if (tb_is_end(k, "col"))
        return;
    if (tb_is_start(k, "template") || tb_is_end(k, "template")) {
        tb_mode_in_head(b, k);
        return;
    }
    if (k->type == HTML_TOK_EOF) {
        tb_in_body(b, k);
        return;
    }
    if (!tb_is(b, tb_current(b), T(colgroup)))
        return;
    tb_pop(b);
    b->mode = M_IN_TABLE;
    tb_process(b, k);
}

void tb_mode_in_table_body(builder *b, html_token *k)
{
    html_tag t = tb_token_tag(k);
    if (k->type == HTML_TOK_START_TAG && t == T(tr)) {
        tb_clear_to_context(b, BODY_CTX);
        tb_insert_element(b, k);
        b->mode = M_IN_ROW;
        return;
    }
    if (k->type == HTML_TOK_START_TAG && (t == T(th) || t == T(td))) {
        tb_clear_to_context(b, BODY_CTX);
        tb_insert_named(b, "tr");
        b->mode = M_IN_ROW;
        tb_process(b, k);
        return;
    }
    if (k->type == HTML_TOK_END_TAG && (t == T(tbody) || t == T(tfoot) || t == T(thead))) {
        if (!tb_in_scope(b, t, 3))
            return;
        tb_clear_to_context(b, BODY_CTX);
        tb_pop(b);
        b->mode = M_IN_TABLE;
        return;
    }
    if ((k->type == HTML_TOK_START_TAG &&
         (t == T(caption) || t == T(col) || t == T(colgroup) || t == T(tbody) ||
          t == T(tfoot) || t == T(thead))) ||
        (k->type == HTML_TOK_END_TAG && t == T(table))) {
        if (!tb_in_scope(b, T(tbody), 3) && !tb_in_scope(b, T(thead), 3) && !tb_in_scope(b, T(tfoot), 3))
            return;
        tb_clear_to_context(b, BODY_CTX);
        tb_pop(b);
        b->mode = M_IN_TABLE;
        tb_process(b, k);
        return;
    }
    if (k->type == HTML_TOK_END_TAG &&
        (t == T(body) || t == T(caption) || t == T(col) || t == T(colgroup) || t == T(html) ||
         t == T(td) || t == T(th) || t == T(tr)))
        return;
    tb_mode_in_table(b, k);
}

void tb_mode_in_row(builder *b, html_token *k)
{
    html_tag t = tb_token_tag(k);
    if (k->type == HTML_TOK_START_TAG && (t == T(th) || t == T(td))) {
        tb_clear_to_context(b, ROW_CTX);
        tb_insert_element(b, k);
        b->mode = M_IN_CELL;
        tb_fmt_marker(b);
        return;
    }
    bool end_tr = k->type == HTML_TOK_END_TAG && t == T(tr);
    bool closes = (k->type == HTML_TOK_START_TAG &&
                   (t == T(caption) || t == T(col) || t == T(colgroup) || t == T(tbody) ||
                    t == T(tfoot) || t == T(thead) || t == T(tr))) ||
                  (k->type == HTML_TOK_END_TAG && t == T(table));
    if (k->type == HTML_TOK_END_TAG && (t == T(tbody) || t == T(tfoot) || t == T(thead))) {
        if (!tb_in_scope(b, t, 3))
            return;
        closes = true;
    }
    if (end_tr || closes) {
        if (!tb_in_scope(b, T(tr), 3))
            return;
        tb_clear_to_context(b, ROW_CTX);
        tb_pop(b);
        b->mode = M_IN_TABLE_BODY;
        if (closes)
            tb_process(b, k);
        return;
    }
    if (k->type == HTML_TOK_END_TAG &&
        (t == T(body) || t == T(caption) || t == T(col) || t == T(colgroup) || t == T(html) ||
         t == T(td) || t == T(th)))
        return;
    tb_mode_in_table(b, k);
}

void tb_close_cell(builder *b)
{
    tb_generate_implied_end_tags(b, HTML_TAG_UNKNOWN);
    while (b->n_open) {
        html_tag t = tb_tag_at(b, tb_current(b));
        tb_pop(b);
        if (t == T(td) || t == T(th))
            break;
    }
    tb_fmt_clear_to_marker(b);
    b->mode = M_IN_ROW;
}

void tb_mode_in_cell(builder *b, html_token *k)
{
    html_tag t = tb_token_tag(k);
    if (k->type == HTML_TOK_END_TAG && (t == T(td) || t == T(th))) {
        if (!tb_in_scope(b, t, 3))
            return;
        tb_generate_implied_end_tags(b, HTML_TAG_UNKNOWN);
        tb_pop_until(b, t);
        tb_fmt_clear_to_marker(b);
        b->mode = M_IN_ROW;
        return;
    }
    if (k->type == HTML_TOK_START_TAG &&
        (t == T(caption) || t == T(col) || t == T(colgroup) || t == T(tbody) || t == T(td) ||
         t == T(tfoot) || t == T(th) || t == T(thead) || t == T(tr))) {
        if (!tb_in_scope(b, T(td), 3) && !tb_in_scope(b, T(th), 3))
            return;
        tb_close_cell(b);
        tb_process(b, k);
        return;
    }
    if (k->type == HTML_TOK_END_TAG &&
        (t == T(body) || t == T(caption) || t == T(col) || t == T(colgroup) || t == T(html)))
        return;
    if (k->type == HTML_TOK_END_TAG && (t == T(table) || t == T(tbody) || t == T(tfoot) ||
                                        t == T(thead) || t == T(tr))) {
        if (!tb_in_scope(b, t, 3))
            return;
        tb_close_cell(b);
        tb_process(b, k);
        return;
    }
    tb_in_body(b, k);
}

/* Only the whitespace characters of s (frameset modes drop the rest). */
html_str tb_only_ws(builder *b, html_str s)
{
    if (tb_all_ws(s))
        return s;
    char *c = arena_alloc(b->tree->a, s.n + 1);
    if (!c) {
        b->stop = true;
        return (html_str){"", 0};
    }
    size_t n = 0;
    for (size_t i = 0; i < s.n; i++)
        if (tb_is_ws_byte(s.p[i]))
            c[n++] = s.p[i];
    return (html_str){c, n};
}

void tb_mode_after_body(builder *b, html_token *k)
{
    if (k->type == HTML_TOK_TEXT) {
        html_token w = *k;
        w.data = tb_take_ws(&k->data);
        if (w.data.n)
            tb_in_body(b, &w);
        if (!k->data.n)
            return;
    } else if (k->type == HTML_TOK_COMMENT) {
        tb_insert_comment(b, k, b->open[0]);
        return;
    } else if (k->type == HTML_TOK_DOCTYPE || k->type == HTML_TOK_EOF) {
        return;
    } else if (tb_is_start(k, "html")) {
        tb_in_body(b, k);
        return;
    } else if (tb_is_end(k, "html")) {
        if (!b->fragment)
            b->mode = M_AFTER_AFTER_BODY;
        return;
    }
    b->mode = M_IN_BODY;
    tb_process(b, k);
}

void tb_mode_frameset(builder *b, html_token *k)
{
    bool after = b->mode == M_AFTER_FRAMESET;
    if (k->type == HTML_TOK_TEXT) {
        tb_insert_text(b, tb_only_ws(b, k->data), k->line);
    } else if (k->type == HTML_TOK_COMMENT) {
        tb_insert_comment(b, k, TB_HERE);
    } else if (tb_is_start(k, "html")) {
        tb_in_body(b, k);
    } else if (tb_is_start(k, "noframes")) {
        tb_mode_in_head(b, k);
    } else if (!after && tb_is_start(k, "frameset")) {
        tb_insert_element(b, k);
    } else if (!after && tb_is_end(k, "frameset")) {
        if (b->n_open == 1)
            return;
        tb_pop(b);
        if (!b->fragment && !tb_is(b, tb_current(b), T(frameset)))
            b->mode = M_AFTER_FRAMESET;
    } else if (!after && tb_is_start(k, "frame")) {
        tb_insert_element(b, k);
        tb_pop(b);
    } else if (after && tb_is_end(k, "html")) {
        b->mode = M_AFTER_AFTER_FRAMESET;
    }
}

void tb_mode_after_after(builder *b, html_token *k)
{
    if (k->type == HTML_TOK_COMMENT) {
        tb_insert_comment(b, k, 0);
        return;
    }
    if (k->type == HTML_TOK_DOCTYPE || tb_is_start(k, "html") ||
        (k->type == HTML_TOK_TEXT && tb_all_ws(k->data))) {
        tb_in_body(b, k);
        return;
    }
    if (k->type == HTML_TOK_EOF)
        return;
    if (k->type == HTML_TOK_TEXT) {
        html_token w = *k;
        w.data = tb_take_ws(&k->data);
        if (w.data.n)
            tb_in_body(b, &w);
    }
    if (b->mode == M_AFTER_AFTER_FRAMESET) {
        if (tb_is_start(k, "noframes"))
            tb_mode_in_head(b, k);
        else if (k->type == HTML_TOK_TEXT)
            tb_insert_text(b, tb_only_ws(b, k->data), k->line);
        return;
    }
    b->mode = M_IN_BODY;
    tb_process(b, k);
}
