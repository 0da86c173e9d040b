/* html_table.c - a data table as one block of cells; a layout table is
 * walked as the blocks it holds. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "html.h"

/* A data table has rows of short cells; a layout table holds blocks. */
int is_layout_table(xmlNode *n, int depth)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
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

static void table_rows(xmlNode *n, xmlNode **rows, size_t *nrows, size_t cap)
{
    for (xmlNode *c = n->children; c && *nrows < cap; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (ntag(c) == T_TR)
            rows[(*nrows)++] = c;
        else if (ntag(c) != T_TABLE)
            table_rows(c, rows, nrows, cap); /* thead, tbody, tfoot */
    }
}

void emit_table(emitter *e, xmlNode *n)
{
    enum { MAX_ROWS = 1000, MAX_COLS = 64 };
    xmlNode *rows[MAX_ROWS];
    size_t nrows = 0, ncols = 0;
    table_rows(n, rows, &nrows, MAX_ROWS);
    for (size_t r = 0; r < nrows; r++) {
        size_t c = 0;
        for (xmlNode *x = rows[r]->children; x; x = x->next)
            c += x->type == XML_ELEMENT_NODE && (ntag(x) == T_TD || ntag(x) == T_TH);
        ncols = c > ncols ? c : ncols;
    }
    if (!nrows || !ncols)
        return;
    if (ncols > MAX_COLS)
        ncols = MAX_COLS;
    const char **cells = arena_calloc(&e->d->mem, nrows * ncols, sizeof *cells);
    if (!cells)
        return;
    int header = 0;
    for (size_t r = 0; r < nrows; r++) {
        size_t c = 0;
        for (xmlNode *x = rows[r]->children; x && c < ncols; x = x->next) {
            tag t = x->type == XML_ELEMENT_NODE ? ntag(x) : T_OTHER;
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
    b->offset = (size_t)xmlGetLineNo(n);
}
