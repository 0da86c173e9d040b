/* office.h - word-processor documents (HWP, HWPX, PDF).
 *
 * Ministries attach the complete text of a release as a document, not a
 * page. Each format has a reader of its own (hwp.c, hwpx.c, pdf.c); they share
 * the recognition by bytes, the document builder below (paragraphs and
 * tables, nested in table cells and text boxes) and the press-release
 * header reader (pressheader.c), so every format gives the same document
 * model as a web page. */
#ifndef GISA_OFFICE_H
#define GISA_OFFICE_H

#include "extract.h"

typedef enum office_kind {
    OFFICE_NONE,  /* not a document format: a page or a text */
    OFFICE_HWP,   /* HWP 5: an OLE2 compound file with a FileHeader stream */
    OFFICE_HWPX,  /* HWPX (OWPML): a zip with mimetype application/hwp+zip */
    OFFICE_PDF,   /* %PDF- */
    OFFICE_OLE,   /* some other OLE2 file (.doc, .xls, HWP 3...) */
    OFFICE_ZIP    /* some other zip (.docx, .odt...) */
} office_kind;

/* Recognise a document format by its first bytes (names are not trusted). */
office_kind office_sniff(const unsigned char *data, size_t len);

/* Read `src` as a document of `kind` into `d`. `max` bounds the bytes
 * decompressed from it, all streams together. */
gisa_status extract_office(doc *d, office_kind kind, const gisa_source *src,
                           size_t max, gisa_error *err);

/* Metadata a document's properties give (HWP summary information, HWPX
 * content.hpf); used only where the text itself says nothing. */
typedef struct office_props {
    const char *title;
    const char *author;
    const char *date; /* "YYYY-MM-DD" */
    const char *subject;
} office_props;

/* ---- the builder the readers share ---- */

/* Where a reader's text goes: the document's blocks, or (inside a table
 * cell) the cell's text. Nesting is counted so hostile input cannot drive
 * the readers' recursion deeper than the document's depth limit. */
typedef struct office_out {
    doc *d;
    const char *label;   /* the input, for messages */
    buf *cell;           /* non-NULL while inside a table cell */
    unsigned depth;      /* tables and boxes entered */
    size_t max;          /* the limit on decompressed bytes (--max-bytes) */
    size_t budget;       /* bytes that may still be decompressed */
    office_props props;
} office_out;

/* A paragraph of text (UTF-8, "\n" a line break): a block at the top,
 * appended to the cell inside a table. */
void office_paragraph(office_out *o, const char *text, size_t len);

/* A table being read: cells placed by their row and column. */
typedef struct office_table {
    size_t rows, cols;
    const char **cells; /* rows * cols, NULL where no cell was given */
    buf *saved_cell;    /* the enclosing cell, restored at the end */
    buf text;           /* the cell being read */
    size_t row, col;
    int open;
} office_table;

/* Start a table of rows x cols (fails on a size no document has). */
gisa_status office_table_begin(office_out *o, office_table *t, size_t rows,
                               size_t cols, gisa_error *err);
/* Start the cell at (row, col); text goes to it until the next cell. */
void office_table_cell(office_out *o, office_table *t, size_t row, size_t col);
/* Finish the table: a block (or, for a one-cell box, its paragraphs). */
void office_table_end(office_out *o, office_table *t);

/* Enter/leave a nested object (table, box, note); fails past the limit. */
gisa_status office_enter(office_out *o, gisa_error *err);
void office_leave(office_out *o);

/* Append code point cp to b as UTF-8. */
void office_put_cp(buf *b, uint32_t cp);

/* The readers. */
gisa_status extract_hwp(office_out *o, const unsigned char *data, size_t len,
                        gisa_error *err);
gisa_status extract_hwpx(office_out *o, const unsigned char *data, size_t len,
                         gisa_error *err);
gisa_status extract_pdf(office_out *o, const unsigned char *data, size_t len,
                        gisa_error *err);

/* pressheader.c: a Korean press release's first-page block ("보도자료",
 * 보도 일시, 담당 부서, 담당자, 연락처) read into the document's metadata and
 * taken out of its body. */
void press_header(doc *d);

#endif
