/* pdflines.c - a PDF page's words into lines in reading order, and the
 * running headers, footers and page numbers found across pages.
 *
 * Words whose boxes share a baseline make a visual row; a row is cut into
 * segments where the gap between two words is wider than any space (table
 * cells, the gutter between columns). A page is in two columns when a
 * vertical strip near its middle is crossed by few segments while many
 * wide segments stand on each side of it; then each stretch of rows
 * between full-width rows is read left column first, then right. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf.h"

/* A gap wider than this many glyph heights is not a space between words. */
#define WIDE_GAP 0.8
/* Headers and footers live in this fraction of the page at top and bottom. */
#define MARGIN_ZONE 0.12

static double mid_y(const pdf_word *w)
{
    return (w->y0 + w->y1) / 2;
}

static int by_y(const void *a, const void *b)
{
    const pdf_word *x = a, *y = b;
    double d = mid_y(x) - mid_y(y);
    if (d != 0)
        return d < 0 ? -1 : 1;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int by_x(const void *a, const void *b)
{
    const pdf_word *x = a, *y = b;
    if (x->x0 != y->x0)
        return x->x0 < y->x0 ? -1 : 1;
    return x->y0 < y->y0 ? -1 : x->y0 > y->y0;
}

static pdf_seg *new_seg(pdf_layout *l)
{
    if (l->nsegs == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 512;
        pdf_seg *ns = realloc(l->segs, cap * sizeof *ns);
        if (!ns)
            return NULL;
        l->segs = ns, l->cap = cap;
    }
    pdf_seg *s = &l->segs[l->nsegs++];
    memset(s, 0, sizeof *s);
    return s;
}

/* Words w[0..n) (one row, sorted by x) joined with spaces into a segment. */
static int make_seg(pdf_layout *l, doc *d, unsigned page, unsigned row,
                    const pdf_word *w, size_t n)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += w[i].len + 1;
    char *text = arena_alloc(&d->mem, len);
    pdf_seg *s = text ? new_seg(l) : NULL;
    if (!s)
        return 0;
    size_t at = 0;
    s->x0 = w[0].x0, s->y0 = w[0].y0, s->x1 = w[0].x1, s->y1 = w[0].y1;
    double hsum = 0;
    for (size_t i = 0; i < n; i++) {
        if (i)
            text[at++] = ' ';
        memcpy(text + at, w[i].text, w[i].len);
        at += w[i].len;
        s->x0 = fmin(s->x0, w[i].x0), s->x1 = fmax(s->x1, w[i].x1);
        s->y0 = fmin(s->y0, w[i].y0), s->y1 = fmax(s->y1, w[i].y1);
        hsum += (w[i].y1 - w[i].y0) * (double)w[i].len;
    }
    text[at] = '\0';
    s->text = text, s->len = at;
    s->size = hsum / (double)(at - (n - 1) > 0 ? at - (n - 1) : 1);
    s->first_w = w[0].x1 - w[0].x0;
    s->space_w = 0.3 * s->size;
    s->page = page, s->row = row;
    return 1;
}

/* Cut one row (sorted by x) at wide gaps. */
static int cut_row(pdf_layout *l, doc *d, unsigned page, unsigned row, pdf_word *w,
                   size_t n)
{
    size_t start = 0;
    for (size_t i = 1; i <= n; i++) {
        if (i < n) {
            double h = fmax(w[i].y1 - w[i].y0, w[i - 1].y1 - w[i - 1].y0);
            if (w[i].x0 - w[i - 1].x1 <= WIDE_GAP * h)
                continue;
        }
        if (!make_seg(l, d, page, row, w + start, i - start))
            return 0;
        start = i;
    }
    return 1;
}

/* ---- columns ---- */

#define BINS 100

/* Where a page's gutter is (an x), or NAN when the page is one column. */
static double find_gutter(const pdf_seg *s, size_t n, double left, double right)
{
    double width = right - left;
    if (n < 6 || width <= 0)
        return NAN;
    unsigned cover[BINS] = {0};
    for (size_t i = 0; i < n; i++) {
        int a = (int)((s[i].x0 - left) / width * BINS);
        int b = (int)((s[i].x1 - left) / width * BINS);
        for (int k = a < 0 ? 0 : a; k <= b && k < BINS; k++)
            cover[k]++;
    }
    /* the middle of the longest run of least-covered bins in the middle */
    unsigned least = UINT32_MAX;
    for (int k = 30; k < 70; k++)
        least = cover[k] < least ? cover[k] : least;
    int best = -1, bestlen = 0;
    for (int k = 30; k < 70;) {
        int e = k;
        while (e < 70 && cover[e] == least)
            e++;
        if (e - k > bestlen)
            bestlen = e - k, best = (k + e) / 2;
        k = e > k ? e : k + 1;
    }
    if (best < 0)
        return NAN;
    double g = left + width * (best + 0.5) / BINS;
    size_t wide_l = 0, wide_r = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i].x1 <= g && s[i].x1 - s[i].x0 >= 0.55 * (g - left))
            wide_l++;
        else if (s[i].x0 >= g && s[i].x1 - s[i].x0 >= 0.55 * (right - g))
            wide_r++;
    }
    return wide_l >= 3 && wide_r >= 3 && (wide_l + wide_r) * 10 >= n * 4 ? g : NAN;
}

static int seg_order(const pdf_seg *a, const pdf_seg *b, const unsigned *band)
{
    /* band, then column, then row, then x */
    if (band[a->row] != band[b->row])
        return band[a->row] < band[b->row] ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    return a->x0 < b->x0 ? -1 : a->x0 > b->x0;
}

/* Insertion sort: a page's segments are nearly in order already, and the
 * comparison needs the band table (qsort has no context argument). */
static void sort_segs(pdf_seg *s, size_t n, const unsigned *band)
{
    for (size_t i = 1; i < n; i++) {
        pdf_seg x = s[i];
        size_t j = i;
        while (j > 0 && seg_order(&x, &s[j - 1], band) < 0) {
            s[j] = s[j - 1];
            j--;
        }
        s[j] = x;
    }
}

static int by_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The commonest glyph height among v[0..n) (sorted in place), to a
 * quarter point. */
static double commonest(double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        v[i] = round(v[i] * 4) / 4;
    qsort(v, n, sizeof *v, by_double);
    double best = n ? v[0] : 0;
    size_t run = 0, bestrun = 0;
    for (size_t i = 0; i < n; i++) {
        run = i && v[i] == v[i - 1] ? run + 1 : 1;
        if (run > bestrun)
            bestrun = run, best = v[i];
    }
    return best;
}

/* The edges of the whole width and of each column: where its text of the
 * commonest size stands (a title in larger type is no guide). */
static int column_edges(pdf_page *p, const pdf_seg *s, size_t n)
{
    double *v = malloc(n * sizeof *v);
    if (!v)
        return 0;
    for (int c = 0; c < 3; c++) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (s[i].col == c)
                v[m++] = s[i].size;
        double common = commonest(v, m);
        p->col_l[c] = INFINITY, p->col_r[c] = -INFINITY;
        for (size_t i = 0; i < n; i++)
            if (s[i].col == c && fabs(s[i].size - common) <= 0.1 * common + 0.25) {
                p->col_l[c] = fmin(p->col_l[c], s[i].x0);
                p->col_r[c] = fmax(p->col_r[c], s[i].x1);
            }
    }
    free(v);
    return 1;
}

/* Assign columns and put the page's segments in reading order. */
static int order_page(pdf_layout *l, pdf_page *p, unsigned nrows)
{
    pdf_seg *s = l->segs + p->first;
    size_t n = p->count;
    if (n == 0)
        return 1;
    double left = s[0].x0, right = s[0].x1;
    for (size_t i = 1; i < n; i++)
        left = fmin(left, s[i].x0), right = fmax(right, s[i].x1);
    double g = find_gutter(s, n, left, right);
    for (size_t i = 0; i < n; i++)
        s[i].col = isnan(g) ? 0 : s[i].x1 <= g ? 1 : s[i].x0 >= g ? 2 : 0;
    /* a row of three cells or more is a table's, across the gutter: it
     * stays whole (segments of one row are contiguous, in x order) */
    for (size_t i = 0, j; !isnan(g) && i < n; i = j) {
        for (j = i + 1; j < n && s[j].row == s[i].row; j++)
            ;
        if (j - i >= 3)
            for (size_t k = i; k < j; k++)
                s[k].col = 0;
    }
    /* a band: rows between full-width rows */
    unsigned *band = calloc(nrows ? nrows : 1, sizeof *band);
    if (!band)
        return 0;
    unsigned char *full = calloc(nrows ? nrows : 1, 1);
    if (!full) {
        free(band);
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        if (s[i].col == 0)
            full[s[i].row] = 1;
    unsigned b = 0;
    for (unsigned r = 0; r < nrows; r++) {
        if (full[r] || (r > 0 && full[r - 1]))
            b++;
        band[r] = b;
    }
    /* In a long two-column stretch the sort moves many segments; it is
     * bounded by the page's segments, which the node limit bounds. */
    if (!isnan(g))
        sort_segs(s, n, band);
    free(band);
    free(full);
    return column_edges(p, s, n);
}

int pdf_page_lines(pdf_layout *l, doc *d, unsigned page, double width, double height,
                   pdf_word *words, size_t nwords)
{
    pdf_page *p = &l->pages[page];
    p->width = width, p->height = height;
    p->first = l->nsegs;
    if (nwords == 0)
        return 1;
    qsort(words, nwords, sizeof *words, by_y);
    unsigned row = 0;
    for (size_t i = 0; i < nwords;) {
        size_t j = i + 1;
        double cy = mid_y(&words[i]), h = words[i].y1 - words[i].y0;
        while (j < nwords && fabs(mid_y(&words[j]) - cy) < 0.4 * fmax(h, 1))
            j++;
        qsort(words + i, j - i, sizeof *words, by_x);
        if (!cut_row(l, d, page, row++, words + i, j - i))
            return 0;
        i = j;
    }
    p->count = l->nsegs - p->first;
    return order_page(l, p, row);
}

/* ---- running headers, footers, page numbers ---- */

/* A bare page number: "3", "- 3 -", "3 / 12", "Page 3", "3쪽". */
static int page_number(const char *t)
{
    static const char *const words[] = {"page", "Page", "PAGE", "p.", "쪽", "페이지", "of"};
    int digits = 0;
    while (*t) {
        if (*t >= '0' && *t <= '9') {
            digits++, t++;
            continue;
        }
        if (strchr(" -/|().[]", *t)) {
            t++;
            continue;
        }
        if (strncmp(t, "\xe2\x80\x93", 3) == 0 || strncmp(t, "\xe2\x80\x94", 3) == 0) {
            t += 3; /* en and em dashes */
            continue;
        }
        size_t i = 0;
        while (i < sizeof words / sizeof *words && strncmp(t, words[i], strlen(words[i])) != 0)
            i++;
        if (i == sizeof words / sizeof *words)
            return 0;
        t += strlen(words[i]);
    }
    return digits > 0 && digits <= 8;
}

/* A segment in the top or bottom margin, keyed by its text with digits
 * blurred (so "3 / 12" and "4 / 12" agree) and its height on the page. */
typedef struct margin_key {
    uint64_t hash;
    unsigned page;
    size_t seg;
} margin_key;

static uint64_t seg_key(const pdf_seg *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (const char *t = s->text; *t; t++) {
        unsigned char c = (unsigned char)(*t >= '0' && *t <= '9' ? '#' : *t);
        h = (h ^ c) * 1099511628211ULL;
    }
    long y = lround(s->y0 / 4); /* the same place, to a few points */
    return (h ^ (uint64_t)y) * 1099511628211ULL;
}

static int by_key(const void *a, const void *b)
{
    const margin_key *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    if (x->page != y->page)
        return x->page < y->page ? -1 : 1;
    return x->seg < y->seg ? -1 : x->seg > y->seg;
}

static int in_margin(const pdf_layout *l, const pdf_seg *s)
{
    double h = l->pages[s->page].height;
    return h > 0 && (s->y1 < MARGIN_ZONE * h || s->y0 > (1 - MARGIN_ZONE) * h);
}

/* Text at the same place on at least half the pages (two at least) is the
 * document's furniture, not its body. */
static void drop_repeats(pdf_layout *l)
{
    margin_key *k = malloc((l->nsegs ? l->nsegs : 1) * sizeof *k);
    if (!k)
        return;
    size_t n = 0;
    for (size_t i = 0; i < l->nsegs; i++)
        if (in_margin(l, &l->segs[i]))
            k[n++] = (margin_key){seg_key(&l->segs[i]), l->segs[i].page, i};
    qsort(k, n, sizeof *k, by_key);
    size_t need = (l->npages + 1) / 2 < 2 ? 2 : (l->npages + 1) / 2;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1, pages = 1;
        for (; j < n && k[j].hash == k[i].hash; j++)
            pages += k[j].page != k[j - 1].page;
        if (pages >= need)
            for (size_t m = i; m < j; m++)
                l->segs[k[m].seg].drop = 1;
        i = j;
    }
    free(k);
}

/* The body's glyph height (the median over characters, roughly: over
 * segments weighted by length) and the pitch of its lines. */
static void measure(pdf_layout *l)
{
    double *v = malloc((l->nsegs ? l->nsegs : 1) * sizeof *v);
    if (!v)
        return;
    size_t n = 0;
    for (size_t i = 0; i < l->nsegs; i++)
        if (!l->segs[i].drop && l->segs[i].len >= 20)
            v[n++] = round(l->segs[i].size * 4) / 4;
    for (size_t i = 0; n == 0 && i < l->nsegs; i++)
        if (!l->segs[i].drop)
            v[n++] = l->segs[i].size;
    if (n) {
        qsort(v, n, sizeof *v, by_double);
        l->body_size = v[n / 2];
    }
    /* lines alone on their rows (not table cells), one under the other */
    size_t m = 0;
    for (size_t i = 1; i < l->nsegs; i++) {
        const pdf_seg *a = &l->segs[i - 1], *b = &l->segs[i];
        double dy = b->y0 - a->y0;
        int alone = (i < 2 || l->segs[i - 2].row != a->row || l->segs[i - 2].page != a->page) &&
                    (i + 1 >= l->nsegs || l->segs[i + 1].row != b->row ||
                     l->segs[i + 1].page != b->page);
        if (alone && a->page == b->page && a->col == b->col && b->row == a->row + 1 &&
            fabs(a->size - l->body_size) < 0.1 * l->body_size &&
            fabs(b->size - l->body_size) < 0.1 * l->body_size && dy > 0 &&
            dy < 3 * l->body_size)
            v[m++] = dy;
    }
    if (m) {
        /* the lower quartile: where paragraphs are a line or two long, the
         * distances between paragraphs are nearly as many as those
         * between lines, and always longer */
        qsort(v, m, sizeof *v, by_double);
        l->pitch = v[m / 4];
    } else {
        l->pitch = 1.5 * l->body_size;
    }
    free(v);
}

/* Small type at the page's very edge (the outer 6%, where no body text
 * stands): a header or footer even on a page of its own. */
static int edge_note(const pdf_layout *l, const pdf_seg *s)
{
    double h = l->pages[s->page].height;
    return h > 0 && s->size < 0.9 * l->body_size && (s->y1 < 0.06 * h || s->y0 > 0.94 * h);
}

void pdf_furniture(pdf_layout *l)
{
    if (l->npages >= 2)
        drop_repeats(l);
    measure(l);
    for (size_t i = 0; i < l->nsegs; i++)
        if (in_margin(l, &l->segs[i]) &&
            (page_number(l->segs[i].text) || edge_note(l, &l->segs[i])))
            l->segs[i].drop = 1;
}
