/* office.c - recognising documents by their bytes, and the builder their
 * readers share.
 *
 * A format is one row of `readers`: its kind, its name for messages and
 * its reader. A format recognised without a reader (another OLE2 file or
 * zip) is refused with a message that names it, never read as garbage. */
#include <string.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "office.h"

static const unsigned char OLE2_MAGIC[8] = {0xD0, 0xCF, 0x11, 0xE0,
                                            0xA1, 0xB1, 0x1A, 0xE1};

/* A zip's first entry, stored uncompressed, is "mimetype" in HWPX (as in
 * ODF and EPUB), so the media type sits at a fixed place: byte 30 + 8. */
static int zip_says_hwpx(const unsigned char *p, size_t len)
{
    static const char mime[] = "application/hwp+zip";
    if (len < 38 + sizeof mime - 1 || memcmp(p + 30, "mimetype", 8) != 0)
        return memmem(p, len < 4096 ? len : 4096, "Contents/content.hpf", 20) != NULL;
    return memcmp(p + 38, mime, sizeof mime - 1) == 0;
}

/* HWP 5's FileHeader stream begins "HWP Document File"; an OLE2 file is a
 * HWP file when that signature is in it (the stream is 256 bytes, in the
 * first sectors of every file the word processor writes). Other OLE2
 * files are recognised so they can be refused by name. */
office_kind office_sniff(const unsigned char *data, size_t len)
{
    if (len >= 8 && memcmp(data, OLE2_MAGIC, 8) == 0)
        return memmem(data, len, "HWP Document File", 17) ? OFFICE_HWP : OFFICE_OLE;
    if (len >= 4 && memcmp(data, "PK\3\4", 4) == 0)
        return zip_says_hwpx(data, len) ? OFFICE_HWPX : OFFICE_ZIP;
    if (len >= 5 && memcmp(data, "%PDF-", 5) == 0)
        return OFFICE_PDF;
    return OFFICE_NONE;
}

typedef gisa_status (*office_reader)(office_out *o, const unsigned char *data,
                                     size_t len, gisa_error *err);

static const struct {
    office_kind kind;
    gisa_input_kind input;
    const char *name;
    const char *encoding; /* of the text inside, for the JSON's "encoding" */
    office_reader read;   /* NULL: recognised, not read */
} readers[] = {
    {OFFICE_HWP, GISA_INPUT_HWP, "an HWP document", "UTF-16LE", extract_hwp},
    {OFFICE_HWPX, GISA_INPUT_HWPX, "an HWPX document", "UTF-8", extract_hwpx},
    {OFFICE_PDF, GISA_INPUT_PDF, "a PDF document", NULL, extract_pdf},
    {OFFICE_OLE, GISA_INPUT_AUTO, "an OLE2 file (not HWP 5)", NULL, NULL},
    {OFFICE_ZIP, GISA_INPUT_AUTO, "a zip archive (not HWPX)", NULL, NULL},
};

/* Document properties fill only what the text left empty. */
static void apply_props(doc *d, const office_props *p)
{
    if (!d->pub.title && p->title && *p->title)
        d->pub.title = p->title;
    if (!d->pub.author && p->author && *p->author)
        d->pub.author = p->author;
    if (!d->pub.date && p->date && *p->date)
        d->pub.date = p->date;
}

gisa_status extract_office(doc *d, office_kind kind, const gisa_source *src,
                           size_t max, gisa_error *err)
{
    const char *label = d->pub.source_name;
    size_t i = 0;
    while (i < sizeof readers / sizeof *readers && readers[i].kind != kind)
        i++;
    if (i == sizeof readers / sizeof *readers || !readers[i].read)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: %s, which gisa cannot read yet",
                         label, i < sizeof readers / sizeof *readers
                                    ? readers[i].name : "an unknown document");
    d->pub.input = readers[i].input;
    d->pub.encoding = readers[i].encoding;
    office_out o = {.d = d, .label = label, .max = max, .budget = max};
    gisa_status st = readers[i].read(&o, src->data, src->len, err);
    if (st != GISA_OK)
        return st;
    press_header(d);
    apply_props(d, &o.props);
    if (!d->pub.title && d->pub.nblocks && d->pub.blocks[0].kind != GISA_BLOCK_TABLE &&
        d->pub.blocks[0].text && strlen(d->pub.blocks[0].text) < 200)
        d->pub.title = d->pub.blocks[0].text; /* a document opens with its title */
    return GISA_OK;
}

/* ------------------------------------------------------------ builder */

void office_put_cp(buf *b, uint32_t cp)
{
    char s[4];
    size_t n;
    if (cp < 0x80) {
        s[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        s[0] = (char)(0xC0 | cp >> 6), s[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    } else if (cp < 0x10000) {
        s[0] = (char)(0xE0 | cp >> 12), s[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        s[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    } else {
        s[0] = (char)(0xF0 | cp >> 18), s[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        s[2] = (char)(0x80 | (cp >> 6 & 0x3F)), s[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    }
    buf_append(b, s, n);
}

static int blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return 0;
    return 1;
}

void office_paragraph(office_out *o, const char *text, size_t len)
{
    if (blank(text, len))
        return;
    if (o->cell) {
        if (o->cell->len)
            buf_putc(o->cell, '\n');
        buf_append(o->cell, text, len);
        return;
    }
    doc_add_text(o->d, GISA_BLOCK_PARAGRAPH, 0, text, len, 0);
}

gisa_status office_enter(office_out *o, gisa_error *err)
{
    if (++o->depth > o->d->max_depth)
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: tables and boxes nested more than %u deep (the depth limit)",
                         o->label, o->d->max_depth);
    return GISA_OK;
}

void office_leave(office_out *o)
{
    o->depth--;
}

/* No ministry's table is this large; a hostile one cannot make the grid
 * take gigabytes. */
#define MAX_TABLE_CELLS ((size_t)1 << 18)

gisa_status office_table_begin(office_out *o, office_table *t, size_t rows,
                               size_t cols, gisa_error *err)
{
    memset(t, 0, sizeof *t);
    if (rows == 0 || cols == 0)
        return GISA_OK; /* cells are ignored; the table gives nothing */
    if (rows > MAX_TABLE_CELLS / cols)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: a table of %zu x %zu cells (more than %zu)",
                         o->label, rows, cols, MAX_TABLE_CELLS);
    t->cells = arena_calloc(&o->d->mem, rows * cols, sizeof *t->cells);
    if (!t->cells)
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", o->label);
    t->rows = rows, t->cols = cols;
    t->saved_cell = o->cell;
    return GISA_OK;
}

/* Store the cell being read, if it is one of the table's; start afresh. */
static void close_cell(office_out *o, office_table *t)
{
    if (t->open)
        t->cells[t->row * t->cols + t->col] =
            text_clean_dup(&o->d->mem, t->text.ptr ? t->text.ptr : "", t->text.len, 1);
    t->open = 0;
    buf_reset(&t->text);
}

void office_table_cell(office_out *o, office_table *t, size_t row, size_t col)
{
    if (!t->cells)
        return;
    close_cell(o, t);
    o->cell = &t->text;
    /* A cell outside its table (or given twice) is read and dropped. */
    t->open = row < t->rows && col < t->cols && !t->cells[row * t->cols + col];
    t->row = row, t->col = col;
}

/* Which columns hold any text (columns without are layout, not data);
 * returns how many. */
static size_t mark_used_cols(const office_table *t, unsigned char *used)
{
    size_t n = 0;
    for (size_t c = 0; c < t->cols; c++) {
        used[c] = 0;
        for (size_t r = 0; r < t->rows && !used[c]; r++)
            used[c] = t->cells[r * t->cols + c] && *t->cells[r * t->cols + c];
        n += used[c];
    }
    return n;
}

/* A table of one used column is a box drawn round paragraphs (ministries
 * frame summaries so), and a table inside a cell is part of that cell's
 * text: their cells become paragraphs. Otherwise a table block of the used
 * columns and the rows with text. */
void office_table_end(office_out *o, office_table *t)
{
    if (!t->cells)
        return;
    close_cell(o, t);
    buf_free(&t->text);
    o->cell = t->saved_cell;
    unsigned char *used = arena_alloc(&o->d->mem, t->cols);
    size_t ncols = used ? mark_used_cols(t, used) : 0;
    if (ncols == 0)
        return;
    if (ncols == 1 || o->cell) {
        for (size_t i = 0; i < t->rows * t->cols; i++)
            if (t->cells[i] && *t->cells[i])
                office_paragraph(o, t->cells[i], strlen(t->cells[i]));
        return;
    }
    const char **cells = arena_calloc(&o->d->mem, t->rows * ncols, sizeof *cells);
    if (!cells)
        return;
    size_t nrows = 0;
    for (size_t r = 0; r < t->rows; r++) {
        size_t k = 0, filled = 0;
        for (size_t c = 0; c < t->cols; c++) {
            if (!used[c])
                continue;
            const char *cell = t->cells[r * t->cols + c];
            cells[nrows * ncols + k++] = cell ? cell : "";
            filled += cell && *cell;
        }
        nrows += filled > 0;
    }
    gisa_block *b = doc_add_block(o->d, GISA_BLOCK_TABLE);
    if (!b)
        return;
    b->items = cells;
    b->nitems = nrows * ncols;
    b->ncols = ncols;
}
