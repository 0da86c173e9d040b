/* pdf.h - the PDF reader's internals: pdf.c opens the file with
 * poppler-glib and reads its pages' glyph boxes; pdflines.c turns glyphs
 * into lines in reading order (columns, running headers and footers);
 * pdfblocks.c turns lines into paragraphs, headings and tables.
 *
 * A PDF has no paragraphs, only glyphs placed on pages. Everything here
 * is geometry: boxes in points, y growing down the page. */
#ifndef GISA_PDF_H
#define GISA_PDF_H

#include "office.h"

/* A run of words on one visual line with no wide gap inside: a line of a
 * paragraph, a table cell's line, a header. */
typedef struct pdf_seg {
    double x0, y0, x1, y1;
    double size;    /* glyph height, the font size as drawn */
    double first_w; /* width of its first word (would it have fit above?) */
    double space_w; /* width of a space in its font, estimated */
    const char *text; /* UTF-8, NUL-terminated, in the document's arena */
    size_t len;
    unsigned page;
    unsigned row;  /* visual row on its page (segments side by side share it) */
    int col;       /* 0: the page's whole width; 1, 2: left, right column */
    int drop;      /* a running header or footer, a page number */
} pdf_seg;

/* One page's geometry. */
typedef struct pdf_page {
    double width, height;
    size_t first, count; /* its segments, in reading order after pdf_order */
    double col_l[3], col_r[3]; /* text edges of the whole width and columns */
} pdf_page;

typedef struct pdf_layout {
    pdf_seg *segs;
    size_t nsegs, cap;
    pdf_page *pages;
    size_t npages;
    double body_size; /* the commonest glyph height: body text */
    double pitch;     /* the commonest distance between a paragraph's lines */
} pdf_layout;

/* A word: glyph boxes merged up to a space. */
typedef struct pdf_word {
    double x0, y0, x1, y1;
    double char_w; /* mean advance of its glyphs */
    const char *text;
    size_t len;
} pdf_word;

/* pdflines.c: one page's words (in any order) into segments appended to
 * the layout, ordered for reading (rows top to bottom; in two columns the
 * left column's rows before the right's). Returns 0 when out of memory. */
int pdf_page_lines(pdf_layout *l, doc *d, unsigned page, double width,
                   double height, pdf_word *words, size_t nwords);
/* pdflines.c: mark running headers, footers and page numbers dropped;
 * measure the body text's size and line pitch. */
void pdf_furniture(pdf_layout *l);
/* pdfblocks.c: the segments as the document's blocks. */
void pdf_blocks(office_out *o, pdf_layout *l);

#endif
