/* pdfblocks.c - a PDF's lines (pdflines.c) into paragraphs, headings and
 * tables.
 *
 * A line continues the paragraph above it unless something shows a break:
 * more than a line's distance between them, another type size, a list
 * marker (○, -, 1., 가.) at its start, an indent, or a line above that
 * stopped short although the next line's first word would have fitted
 * after it (an explicit break, not a wrap). Lines are joined with a space,
 * as a wrap at a space loses it; a word hyphenated at a line's end is made
 * whole. Rows of two or more segments side by side, two rows at least,
 * are a table, its columns where the segments stand. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "pdf.h"

/* A visual row within one column: segments [first, first+count). */
typedef struct row {
    size_t first, count;
} row;

static int same_row(const pdf_seg *a, const pdf_seg *b)
{
    return a->page == b->page && a->col == b->col && a->row == b->row;
}

/* The non-dropped segments grouped into rows, in reading order. */
static row *make_rows(pdf_layout *l, size_t *nrows)
{
    row *r = malloc((l->nsegs ? l->nsegs : 1) * sizeof *r);
    if (!r)
        return NULL;
    size_t n = 0;
    /* dropped segments are taken out first, so rows are contiguous */
    size_t k = 0;
    for (size_t i = 0; i < l->nsegs; i++)
        if (!l->segs[i].drop)
            l->segs[k++] = l->segs[i];
    l->nsegs = k;
    for (size_t i = 0; i < l->nsegs;) {
        size_t j = i + 1;
        while (j < l->nsegs && same_row(&l->segs[i], &l->segs[j]))
            j++;
        r[n++] = (row){i, j - i};
        i = j;
    }
    *nrows = n;
    return r;
}

/* ---- list markers ---- */

static int starts_with_marker(const char *t)
{
    static const char *const marks[] = {"○", "●", "◦", "□", "■", "▪", "▶", "▷", "◆", "◇",
                                        "※", "·", "•", "- ", "– ", "＊", "* ", "ㅇ ", "◎",
                                        "☐", "➊", "<", "[", "【", "〈", "「"};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (strncmp(t, marks[i], strlen(marks[i])) == 0)
            return 1;
    int32_t cp;
    size_t n = utf8_decode((const unsigned char *)t, strlen(t), &cp);
    if (cp >= 0x2460 && cp <= 0x24FF) /* ①..⑳, ⒜, ⓐ */
        return 1;
    const char *p = t;
    if (*p == '(')
        p++;
    if (*p >= '0' && *p <= '9') {
        while (*p >= '0' && *p <= '9')
            p++;
    } else if (n == 3 && utf8_is_hangul(cp) && p == t + (*t == '(')) {
        p = t + (*t == '(') + 3; /* 가. 나) (다) */
        if (*t == '(' && p != t + 4)
            return 0;
    } else {
        return 0;
    }
    return (*p == '.' || *p == ')') && (p[1] == ' ' || p[1] == '\0');
}

/* ---- joining lines ---- */

static int ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Particles that follow a number, a symbol or a Latin word without a
 * space ("10%를", "AI와", "(가칭)은"): a line wrapped before one lost no
 * space. */
static int particle_start(const char *t)
{
    static const char *const parts[] = {"을", "를", "은", "는", "이", "가", "의", "에", "와",
                                        "과", "로", "으로", "도", "만", "까지", "부터", "보다",
                                        "처럼", "이나", "이다", "였다", "이며", "이고", "라는",
                                        "이라"};
    const char *end = strchr(t, ' ');
    size_t wlen = end ? (size_t)(end - t) : strlen(t);
    if (wlen > 12) /* a particle and an ending at most: four syllables */
        return 0;
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (strncmp(t, parts[i], strlen(parts[i])) == 0)
            return 1;
    return 0;
}

/* Does the paragraph (ending in p) run on into t with no space between:
 * a hyphenated word, closing punctuation, a particle after a symbol? */
static int no_space(const buf *p, const char *t)
{
    char last = p->ptr[p->len - 1];
    if (strchr(",.)]%:;!?", t[0]) || strncmp(t, "·", 2) == 0 || strncmp(t, "…", 3) == 0 ||
        strncmp(t, "”", 3) == 0 || strncmp(t, "’", 3) == 0 || strncmp(t, "」", 3) == 0)
        return 1;
    if (last == '(' || last == '[' || (p->len >= 2 && strncmp(p->ptr + p->len - 2, "·", 2) == 0))
        return 1;
    int32_t cp;
    utf8_decode((const unsigned char *)t, strlen(t), &cp);
    return utf8_is_hangul(cp) && (strchr("0123456789%)]\"'", last) || ascii_letter(last)) &&
           particle_start(t);
}

/* Append line text t to the paragraph p, mending a hyphenated word. */
static void join_line(buf *p, const char *t, size_t len)
{
    if (p->len >= 2 && p->ptr[p->len - 1] == '-' && ascii_letter(p->ptr[p->len - 2]) &&
        t[0] >= 'a' && t[0] <= 'z') {
        p->len--; /* "extrac-" + "tion" */
    } else if (p->len && !no_space(p, t)) {
        buf_putc(p, ' ');
    }
    buf_append(p, t, len);
}

typedef struct para {
    buf text;
    const pdf_seg *first, *last;
    size_t lines;
} para;

static int is_break(const pdf_layout *l, const para *p, const pdf_seg *b)
{
    const pdf_seg *a = p->last;
    double size = a->size;
    if (fabs(b->size - a->size) > 0.12 * size)
        return 1;
    if (starts_with_marker(b->text))
        return 1;
    const pdf_page *pa = &l->pages[a->page], *pb = &l->pages[b->page];
    double right = pa->col_r[a->col];
    /* the first word of b would have fitted after a: a was ended on purpose */
    if (a->x1 + a->space_w + b->first_w < right - 0.5 * size)
        return 1;
    if (a->page == b->page && a->col != b->col && (a->col == 0 || b->col == 0))
        return 1; /* into or out of the columns: a headline, a lead */
    int moved = a->page != b->page || a->col != b->col;
    if (moved) /* a page or column turned: go on only from a full line to one at the edge */
        return b->x0 > pb->col_l[b->col] + 0.8 * size;
    double dy = b->y0 - a->y0, pitch = l->pitch * size / (l->body_size > 0 ? l->body_size : size);
    if (dy <= 0 || dy > 1.3 * pitch)
        return 1;
    if (b->x0 > a->x0 + 0.8 * size) /* indented: a new paragraph, or a hanging indent */
        return !(p->lines == 1 && starts_with_marker(p->first->text));
    if (b->x0 < a->x0 - 0.8 * size) /* back to the edge: a first-line indent only */
        return p->lines > 1;
    return 0;
}

static void emit_para(office_out *o, const pdf_layout *l, para *p)
{
    if (!p->text.len)
        return;
    double body = l->body_size > 0 ? l->body_size : p->first->size;
    double size = p->first->size;
    if (!o->cell && size >= 1.2 * body && p->text.len < 300 &&
        !starts_with_marker(p->first->text)) {
        gisa_block *b = doc_add_text(o->d, GISA_BLOCK_HEADING, size >= 1.6 * body ? 1 : 2,
                                     p->text.ptr, p->text.len, 0);
        /* the first page's headline in large type is the title; the info
         * dictionary's is often a file name */
        if (b && !o->d->pub.title && p->first->page == 0 && size >= 1.4 * body)
            o->d->pub.title = b->text;
    } else
        office_paragraph(o, p->text.ptr, p->text.len);
    buf_reset(&p->text);
    p->lines = 0;
}

static void add_line(office_out *o, const pdf_layout *l, para *p, const pdf_seg *s)
{
    if (p->lines && is_break(l, p, s))
        emit_para(o, l, p);
    if (!p->lines)
        p->first = s;
    join_line(&p->text, s->text, s->len);
    p->last = s;
    p->lines++;
}

/* ---- tables ---- */

typedef struct span {
    double x0, x1;
} span;

static int by_x0(const void *a, const void *b)
{
    const span *x = a, *y = b;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* Columns: the segments' extents merged where they overlap. */
static size_t table_columns(const pdf_layout *l, const row *r, size_t n, span *cols)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < r[i].count; j++) {
            const pdf_seg *s = &l->segs[r[i].first + j];
            cols[k++] = (span){s->x0, s->x1};
        }
    qsort(cols, k, sizeof *cols, by_x0);
    size_t m = 0;
    for (size_t i = 0; i < k; i++) {
        if (m && cols[i].x0 < cols[m - 1].x1 - 1)
            cols[m - 1].x1 = fmax(cols[m - 1].x1, cols[i].x1);
        else
            cols[m++] = cols[i];
    }
    return m;
}

static size_t column_of(const span *cols, size_t ncols, const pdf_seg *s)
{
    size_t c = 0;
    while (c + 1 < ncols && s->x0 >= cols[c + 1].x0 - 1)
        c++;
    return c;
}

/* Does row b (under row a) hold the second lines of a's cells? Lines of
 * one cell are a line's distance apart; the next row is further, by the
 * cells' padding and rule. */
static int wrapped_row(const pdf_layout *l, const row *a, const row *b)
{
    const pdf_seg *x = &l->segs[a->first], *y = &l->segs[b->first];
    double body = l->body_size > 0 ? l->body_size : x->size;
    return y->page == x->page && y->y0 - x->y0 <= 1.15 * l->pitch * x->size / body;
}

/* Rows r[0..n) as a table; a row of wrapped lines goes into the row
 * above. */
static void emit_table(office_out *o, const pdf_layout *l, const row *r, size_t n)
{
    size_t nsegs = 0;
    for (size_t i = 0; i < n; i++)
        nsegs += r[i].count;
    span *cols = malloc(nsegs * sizeof *cols);
    buf *cells = NULL;
    size_t ncols = cols ? table_columns(l, r, n, cols) : 0;
    if (ncols)
        cells = calloc(n * ncols, sizeof *cells);
    if (!cells) {
        free(cols);
        return;
    }
    size_t nr = 0, last = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || !wrapped_row(l, &r[last], &r[i]))
            nr++;
        last = i;
        for (size_t j = 0; j < r[i].count; j++) {
            const pdf_seg *s = &l->segs[r[i].first + j];
            join_line(&cells[(nr - 1) * ncols + column_of(cols, ncols, s)], s->text, s->len);
        }
    }
    office_table t;
    gisa_error err;
    if (office_table_begin(o, &t, nr, ncols, &err) == GISA_OK) {
        for (size_t i = 0; i < nr * ncols; i++) {
            office_table_cell(o, &t, i / ncols, i % ncols);
            if (cells[i].len)
                office_paragraph(o, cells[i].ptr, cells[i].len);
        }
        office_table_end(o, &t);
    }
    for (size_t i = 0; i < n * ncols; i++)
        buf_free(&cells[i]);
    free(cells);
    free(cols);
}

/* How many rows from r[0] make a table: rows of two segments or more,
 * with single lines between them when a wrapped cell put them there. */
static size_t table_run(const pdf_layout *l, const row *r, size_t n)
{
    size_t end = 0, multi = 0;
    for (size_t i = 0; i < n; i++) {
        const pdf_seg *a = &l->segs[r[i].first];
        if (i) {
            const pdf_seg *p = &l->segs[r[i - 1].first];
            if (a->page != p->page || a->col != p->col || a->y0 - p->y0 > 4 * l->pitch)
                break;
        }
        if (r[i].count >= 2)
            multi++, end = i + 1;
        else if (i == 0 || starts_with_marker(a->text))
            break;
    }
    return multi >= 2 ? end : 0;
}

void pdf_blocks(office_out *o, pdf_layout *l)
{
    size_t nrows = 0;
    row *r = make_rows(l, &nrows);
    if (!r)
        return;
    para p = {0};
    for (size_t i = 0; i < nrows;) {
        size_t t = r[i].count >= 2 ? table_run(l, r + i, nrows - i) : 0;
        if (t) {
            emit_para(o, l, &p);
            emit_table(o, l, r + i, t);
            i += t;
            continue;
        }
        const pdf_seg *s = &l->segs[r[i].first];
        if (r[i].count == 1) {
            add_line(o, l, &p, s);
        } else { /* a lone row of several segments reads as one line */
            emit_para(o, l, &p);
            p.first = p.last = s;
            for (size_t j = 0; j < r[i].count; j++, p.lines++)
                join_line(&p.text, s[j].text, s[j].len);
            emit_para(o, l, &p);
        }
        i++;
    }
    emit_para(o, l, &p);
    buf_free(&p.text);
    free(r);
}
