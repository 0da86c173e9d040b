/* html_table.c - a data table as one block of cells; a layout table is
 * walked as the blocks it holds. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "html.h"

/* A data table has rows of short cells; a layout table holds blocks. */
int is_layout_table(dom_node *n, int depth)
{
    for (dom_node *c = n->children; c; c = c->next) {
        if (c->type != DOM_ELEMENT)
            continue;
        tag t = ntag(c);
        if (t == T_TABLE || t == T_P || t == T_DIV || t == T_UL || t == T_OL ||
            tag_is_heading(t) || t == T_BLOCKQUOTE)
            return 1;
        if (depth < 6 && is_layout_table(c, depth + 1))
            return 1;
    }
    return 0;
}

/* The rows of table n (thead, tbody and tfoot looked into, nested tables
 * not), stored into rows[nrows...] when rows is given; returns the count
 * so far. A first pass without rows sizes the array: no row is dropped. */
static size_t table_rows(dom_node *n, dom_node **rows, size_t nrows)
{
    for (dom_node *c = n->children; c; c = c->next) {
        if (c->type != DOM_ELEMENT)
            continue;
        if (ntag(c) == T_TR) {
            if (rows)
                rows[nrows] = c;
            nrows++;
        } else if (ntag(c) != T_TABLE) {
            nrows = table_rows(c, rows, nrows);
        }
    }
    return nrows;
}

static size_t row_cells(dom_node *row)
{
    size_t c = 0;
    for (dom_node *x = row->children; x; x = x->next)
        c += x->type == DOM_ELEMENT && (ntag(x) == T_TD || ntag(x) == T_TH);
    return c;
}

/* A table too ragged to pad into a grid (one row of 100,000 cells above
 * 100,000 rows of one would be 10^10 cells) keeps every cell as a list:
 * each row one item, its cells joined by " | ". Nothing is cut. */
static void emit_ragged_table(emitter *e, dom_node *n, dom_node **rows, size_t nrows)
{
    const char **items = arena_calloc(&e->d->mem, nrows, sizeof *items);
    if (!items)
        return;
    size_t k = 0;
    for (size_t r = 0; r < nrows; r++) {
        buf line = {0};
        for (dom_node *x = rows[r]->children; x; x = x->next) {
            tag t = x->type == DOM_ELEMENT ? ntag(x) : T_OTHER;
            if (t != T_TD && t != T_TH)
                continue;
            const char *cell = clean_collect(e, x, 0);
            if (!cell || !*cell)
                continue;
            if (line.len)
                buf_puts(&line, " | ");
            buf_puts(&line, cell);
        }
        if (line.len)
            items[k++] = arena_strndup(&e->d->mem, line.ptr, line.len);
        buf_free(&line);
    }
    if (!k)
        return;
    gisa_block *b = doc_add_block(e->d, GISA_BLOCK_LIST);
    if (!b)
        return;
    b->items = items;
    b->nitems = k;
    b->ncols = 1;
    b->offset = (size_t)n->line;
}

void emit_table(emitter *e, dom_node *n)
{
    size_t nrows = table_rows(n, NULL, 0), ncols = 0, ncells = 0;
    if (!nrows)
        return;
    dom_node **rows = arena_alloc(&e->d->mem, nrows * sizeof *rows);
    if (!rows)
        return;
    table_rows(n, rows, 0);
    for (size_t r = 0; r < nrows; r++) {
        size_t c = row_cells(rows[r]);
        ncells += c;
        ncols = c > ncols ? c : ncols;
    }
    if (!ncols)
        return;
    /* Padding short rows must not cost more than the cells themselves. */
    if (nrows > (4 * ncells + 1024) / ncols) {
        emit_ragged_table(e, n, rows, nrows);
        return;
    }
    const char **cells = arena_calloc(&e->d->mem, nrows * ncols, sizeof *cells);
    if (!cells)
        return;
    int header = 0;
    for (size_t r = 0; r < nrows; r++) {
        size_t c = 0;
        for (dom_node *x = rows[r]->children; x && c < ncols; x = x->next) {
            tag t = x->type == DOM_ELEMENT ? ntag(x) : T_OTHER;
            if (t != T_TD && t != T_TH)
                continue;
            if (r == 0 && t == T_TH)
                header = 1;
            cells[r * ncols + c++] = clean_collect(e, x, 0);
        }
        for (; c < ncols; c++)
            cells[r * ncols + c] = "";
    }
    gisa_block *b = doc_add_block(e->d, GISA_BLOCK_TABLE);
    if (!b)
        return;
    b->level = header;
    b->items = cells;
    b->nitems = nrows * ncols;
    b->ncols = ncols;
    b->offset = (size_t)n->line;
}
