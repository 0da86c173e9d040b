/* pdf.c - PDF documents through poppler-glib: opening, refusing what
 * cannot be read (encrypted, damaged, truncated), the info dictionary as
 * metadata, and each page's glyph boxes gathered into words for
 * pdflines.c.
 *
 * poppler-glib is loaded on the first PDF (pdfapi.c). It gives a page's
 * text and one box per character of it; its own
 * reading order is not used (it scatters table cells), only its words and
 * their boxes: pdflines.c orders them. */
#include <math.h>
#include <string.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "pdf.h"
#include "pdfapi.h"

/* A press release is a few pages; a report a few hundred. Past this a
 * hostile file would only make work. */
#define MAX_PAGES 5000

/* A truncated download lacks the trailer's "%%EOF", which readers look for
 * in the last 1,024 bytes. poppler would rebuild what it can of a cut file
 * and give part of the text; a release read in part is worse than none. */
static int has_eof_marker(const unsigned char *data, size_t len)
{
    size_t from = len > 1024 ? len - 1024 : 0;
    return memmem(data + from, len - from, "%%EOF", 5) != NULL;
}

static gisa_status open_failed(const pdf_api *P, office_out *o, GError *ge,
                               gisa_error *err)
{
    gisa_status st;
    if (ge && ge->domain == P->poppler_error_quark() && ge->code == POPPLER_ERROR_ENCRYPTED)
        st = gisa_fail(err, GISA_ERR_INPUT,
                       "%s: the PDF document is encrypted (it needs a password to open)",
                       o->label);
    else
        st = gisa_fail(err, GISA_ERR_INPUT,
                       "%s: a damaged PDF document (its cross-reference table or objects "
                       "cannot be read)", o->label);
    if (ge)
        P->g_error_free(ge);
    return st;
}

/* Titles that name a file or a program, not the document. */
static int useless_title(const char *t)
{
    static const char *const ends[] = {".hwp", ".hwpx", ".doc", ".docx", ".pdf", ".ppt",
                                       ".pptx", ".xls", ".xlsx", ".html", ".htm"};
    size_t n = strlen(t);
    if (n == 0 || strncmp(t, "Microsoft ", 10) == 0 || strncmp(t, "untitled", 8) == 0 ||
        strcmp(t, "제목 없음") == 0)
        return 1;
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t k = strlen(ends[i]);
        if (n >= k && strcasecmp(t + n - k, ends[i]) == 0)
            return 1;
    }
    return 0;
}

/* Keep a property string (cleaned, in the arena), or NULL. */
static const char *keep_prop(const pdf_api *P, office_out *o, char *s)
{
    const char *kept = NULL;
    if (s && *s && !utf8_check((const unsigned char *)s, strlen(s)).invalid) {
        kept = text_clean_dup(&o->d->mem, s, strlen(s), 0);
        if (kept && !*kept)
            kept = NULL;
    }
    P->g_free(s);
    return kept;
}

/* The info dictionary: used only where the text says nothing. Dates are
 * given in Korea's zone, whatever the machine's, so output is the same
 * everywhere. */
static void read_info(const pdf_api *P, office_out *o, PopplerDocument *pd)
{
    const char *title = keep_prop(P, o, P->poppler_document_get_title(pd));
    if (title && !useless_title(title))
        o->props.title = title;
    const char *author = keep_prop(P, o, P->poppler_document_get_author(pd));
    if (author && strlen(author) > 1)
        o->props.author = author;
    o->props.subject = keep_prop(P, o, P->poppler_document_get_subject(pd));
    GDateTime *when = P->poppler_document_get_creation_date_time(pd);
    if (when) {
        GTimeZone *kst = P->g_time_zone_new_offset(9 * 3600);
        GDateTime *local = P->g_date_time_to_timezone(when, kst);
        if (local) {
            char *s = P->g_date_time_format(local, "%Y-%m-%d");
            if (s && strlen(s) == 10 && s[0] >= '1' && s[0] <= '2')
                o->props.date = arena_strdup(&o->d->mem, s);
            P->g_free(s);
            P->g_date_time_unref(local);
        }
        P->g_time_zone_unref(kst);
        P->g_date_time_unref(when);
    }
}

/* Words of one page: poppler's text, split at spaces and line breaks,
 * each word boxed by its glyphs' boxes (one box per character). */
typedef struct word_vec {
    pdf_word *v;
    size_t n, cap;
} word_vec;

static int push_word(word_vec *w, office_out *o, const char *text, size_t len,
                     const PopplerRectangle *r, size_t first, size_t count)
{
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 256;
        pdf_word *nv = realloc(w->v, cap * sizeof *nv);
        if (!nv)
            return 0;
        w->v = nv, w->cap = cap;
    }
    pdf_word *x = &w->v[w->n];
    x->x0 = r[first].x1, x->y0 = r[first].y1, x->x1 = r[first].x2, x->y1 = r[first].y2;
    for (size_t i = first + 1; i < first + count; i++) {
        x->x0 = r[i].x1 < x->x0 ? r[i].x1 : x->x0;
        x->y0 = r[i].y1 < x->y0 ? r[i].y1 : x->y0;
        x->x1 = r[i].x2 > x->x1 ? r[i].x2 : x->x1;
        x->y1 = r[i].y2 > x->y1 ? r[i].y2 : x->y1;
    }
    /* a hostile matrix can put glyphs at infinity: such a word is not on
     * the page (and would overflow every measure taken of it) */
    if (!(fabs(x->x0) < 1e6 && fabs(x->x1) < 1e6 && fabs(x->y0) < 1e6 && fabs(x->y1) < 1e6))
        return 1;
    x->char_w = (x->x1 - x->x0) / (double)count;
    x->text = arena_strndup(&o->d->mem, text, len);
    x->len = len;
    if (!x->text)
        return 0;
    w->n++;
    return 1;
}

static int is_break(int32_t cp)
{
    return cp == ' ' || cp == '\n' || cp == '\r' || cp == '\t' || cp == 0xA0 ||
           cp == 0x3000 || cp < 0x20;
}

/* Two glyphs poppler put side by side in its text that are not one word:
 * a gap wider than a thin space (the space a PDF leaves out and poppler
 * did not put back: Korean text set glyph by glyph, a column's gutter), a
 * step back or onto another line. */
static int apart(const PopplerRectangle *a, const PopplerRectangle *b)
{
    double h = a->y2 - a->y1 > b->y2 - b->y1 ? a->y2 - a->y1 : b->y2 - b->y1;
    double gap = b->x1 - a->x2;
    return gap > 0.15 * h || b->x1 < a->x1 - 0.1 * h || b->y1 > a->y2 - 0.3 * h ||
           b->y2 < a->y1 + 0.3 * h;
}

static gisa_status flush_word(office_out *o, word_vec *w, const char *text, size_t len,
                              const PopplerRectangle *r, size_t first, size_t count,
                              size_t *total, gisa_error *err)
{
    if (++*total > o->d->max_nodes)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: more than %zu words (the node limit)",
                         o->label, o->d->max_nodes);
    if (!push_word(w, o, text, len, r, first, count))
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", o->label);
    return GISA_OK;
}

/* Split poppler's text into words; returns 0 when out of memory, and
 * counts the words against the node limit. */
static gisa_status page_words(const pdf_api *P, office_out *o, PopplerPage *page,
                              word_vec *w, size_t *total, gisa_error *err)
{
    w->n = 0;
    char *text = P->poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    if (!text || !P->poppler_page_get_text_layout(page, &rects, &nrects)) {
        P->g_free(text);
        P->g_free(rects);
        return GISA_OK; /* a page without text: a scan, a drawing */
    }
    size_t len = strlen(text), i = 0, k = 0, start = 0, kstart = 0;
    gisa_status st = GISA_OK;
    for (;;) {
        int32_t cp = 0;
        int last = i >= len || k >= nrects;
        size_t n = last ? 0 : utf8_decode((const unsigned char *)text + i, len - i, &cp);
        int brk = !last && is_break(cp);
        if ((last || brk || (k > kstart && apart(&rects[k - 1], &rects[k]))) && k > kstart) {
            st = flush_word(o, w, text + start, i - start, rects, kstart, k - kstart, total,
                            err);
            start = i, kstart = k;
        }
        if (last || st != GISA_OK)
            break;
        i += n ? n : 1, k++;
        if (brk)
            start = i, kstart = k;
    }
    if (st == GISA_OK && len > o->budget)
        st = gisa_fail(err, GISA_ERR_INPUT,
                       "%s: the PDF's text is larger than the limit of %zu bytes", o->label,
                       o->max);
    o->budget -= st == GISA_OK ? len : 0;
    P->g_free(text);
    P->g_free(rects);
    return st;
}

static gisa_status read_pages(const pdf_api *P, office_out *o, PopplerDocument *pd,
                              pdf_layout *l, gisa_error *err)
{
    int n = P->poppler_document_get_n_pages(pd);
    if (n <= 0)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: a PDF document without pages", o->label);
    if (n > MAX_PAGES)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: a PDF document of %d pages (more than %d)",
                         o->label, n, MAX_PAGES);
    l->pages = arena_calloc(&o->d->mem, (size_t)n, sizeof *l->pages);
    if (!l->pages)
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", o->label);
    word_vec w = {0};
    size_t total = 0;
    gisa_status st = GISA_OK;
    for (int i = 0; i < n && st == GISA_OK; i++) {
        PopplerPage *page = P->poppler_document_get_page(pd, i);
        if (!page)
            continue;
        double pw = 0, ph = 0;
        P->poppler_page_get_size(page, &pw, &ph);
        st = page_words(P, o, page, &w, &total, err);
        if (st == GISA_OK && !pdf_page_lines(l, o->d, (unsigned)i, pw, ph, w.v, w.n))
            st = gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", o->label);
        l->npages = (size_t)i + 1;
        P->g_object_unref(page);
    }
    free(w.v);
    return st;
}

gisa_status extract_pdf(office_out *o, const unsigned char *data, size_t len,
                        gisa_error *err)
{
    if (!has_eof_marker(data, len))
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: a truncated PDF document (no %%%%EOF at its end)", o->label);
    const char *why;
    const pdf_api *P = pdf_api_get(&why);
    if (!P)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: %s", o->label, why);
    GBytes *bytes = P->g_bytes_new_static(data, len);
    GError *ge = NULL;
    PopplerDocument *pd = P->poppler_document_new_from_bytes(bytes, NULL, &ge);
    P->g_bytes_unref(bytes);
    if (!pd)
        return open_failed(P, o, ge, err);
    read_info(P, o, pd);
    pdf_layout l = {0};
    gisa_status st = read_pages(P, o, pd, &l, err);
    P->g_object_unref(pd);
    if (st == GISA_OK) {
        pdf_furniture(&l);
        pdf_blocks(o, &l);
    }
    free(l.segs);
    return st;
}
