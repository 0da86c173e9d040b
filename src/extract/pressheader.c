/* pressheader.c - a Korean press release's first-page block.
 *
 * A ministry's release opens with a block, usually a table, that says
 * "보도자료", when it may be reported (보도 일시, the embargo) and when it
 * was handed out (배포 일시), which department issued it (담당 부서) and whom
 * to call (책임자, 담당자, 연락처); then the headline. Those are the
 * document's metadata, not its body: they are read into the document and
 * the blocks that held them are taken out, as a web page's header would
 * be. Any reader of documents (HWP, HWPX, PDF) can hand its blocks here.
 * A document without such a block is left as it is. */
#include <string.h>

#include "../util/utf8.h"
#include "office.h"

/* The block is on the first page: a few blocks at most. */
#define HEADER_WINDOW 12

enum field { F_RELEASE, F_DISTRIBUTION, F_DEPARTMENT, F_CONTACT };

/* Labels as written without spaces ("보도 일시" and "보도일시" are one). */
static const struct {
    const char *label;
    enum field field;
} labels[] = {
    {"보도일시", F_RELEASE},       {"보도시점", F_RELEASE},
    {"보도일자", F_RELEASE},       {"보도시간", F_RELEASE},
    {"엠바고", F_RELEASE},         {"보도", F_RELEASE},
    {"배포일시", F_DISTRIBUTION},  {"배포일자", F_DISTRIBUTION},
    {"배포시점", F_DISTRIBUTION},  {"배포", F_DISTRIBUTION},
    {"담당부서", F_DEPARTMENT},    {"소관부서", F_DEPARTMENT},
    {"주관부서", F_DEPARTMENT},    {"담당과", F_DEPARTMENT},
    {"책임자", F_CONTACT},         {"담당자", F_CONTACT},
    {"문의", F_CONTACT},           {"연락처", F_CONTACT},
};

typedef struct header {
    doc *d;
    char release[11], distribution[11];
    buf contact;
    int found; /* labels read */
} header;

/* s without spaces, tabs and line breaks, into out (at most cap-1 bytes). */
static size_t squash(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; *s && n + 1 < cap; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n')
            out[n++] = *s;
    out[n] = '\0';
    return n;
}

/* The label `s` starts with, and where its value begins (after ":" and
 * spaces), or -1. A bare "보도" or "배포" must be the whole label. */
static int label_of(const char *s, const char **value)
{
    char sq[64];
    squash(s, sq, sizeof sq);
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        size_t m = strlen(labels[i].label);
        if (strncmp(sq, labels[i].label, m) != 0)
            continue;
        /* Walk s past the label's characters (spaces may sit between). */
        const char *p = s;
        for (size_t k = 0; k < m && *p; p++)
            if (*p != ' ' && *p != '\t' && *p != '\n')
                k++;
        while (*p == ' ' || *p == '\t' || *p == ':' || *p == '\n')
            p++;
        if (m == strlen("보도") && *p && sq[m] != '\0')
            continue; /* "보도자료", "보도했다": not the label */
        *value = p;
        return (int)labels[i].field;
    }
    return -1;
}

static int is_ministry_word(const char *w, size_t len)
{
    static const char *const ends[] = {"부", "처", "청", "위원회", "원", "실", "본부"};
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t m = strlen(ends[i]);
        if (len > m && memcmp(w + len - m, ends[i], m) == 0)
            return 1;
    }
    return 0;
}

/* "해양수산부 해양생태과" -> publisher 해양수산부, department 해양생태과. */
static void set_department(header *h, const char *value)
{
    doc *d = h->d;
    const char *sp = strchr(value, ' ');
    size_t first = sp ? (size_t)(sp - value) : strlen(value);
    if (is_ministry_word(value, first) && (!sp || !strchr(sp + 1, ' '))) {
        d->pub.publisher = arena_strndup(&d->mem, value, first);
        if (sp && sp[1])
            d->pub.department = arena_strdup(&d->mem, sp + 1);
    } else if (!d->pub.department) {
        d->pub.department = arena_strdup(&d->mem, value);
    }
}

static void take(header *h, int field, const char *label, const char *value)
{
    if (!*value)
        return;
    h->found++;
    switch ((enum field)field) {
    case F_RELEASE:
        if (!h->release[0])
            find_visible_date(value, strlen(value), h->release);
        break;
    case F_DISTRIBUTION:
        if (!h->distribution[0])
            find_visible_date(value, strlen(value), h->distribution);
        break;
    case F_DEPARTMENT:
        set_department(h, value);
        break;
    case F_CONTACT:
        if (h->contact.len)
            buf_puts(&h->contact, "; ");
        if (label) {
            char sq[64];
            squash(label, sq, sizeof sq);
            buf_puts(&h->contact, sq);
            buf_putc(&h->contact, ' ');
        }
        buf_puts(&h->contact, value);
        break;
    }
}

/* A table's label cells and the value cell after each. */
static int read_table(header *h, const gisa_block *b)
{
    int before = h->found;
    if (!b->ncols)
        return 0;
    size_t rows = b->nitems / b->ncols;
    for (size_t r = 0; r < rows; r++) {
        const char *const *row = b->items + r * b->ncols;
        for (size_t c = 0; c < b->ncols; c++) {
            const char *label = row[c], *value, *ignored;
            int field = label_of(label, &value);
            if (field < 0)
                continue;
            if (!*value && c + 1 < b->ncols && label_of(row[c + 1], &ignored) < 0)
                value = row[++c]; /* the value is the next cell */
            take(h, field, label, value);
        }
    }
    return h->found > before;
}

/* "보도자료", "보도참고자료", or the ministry's name before it ("해양수산부
 * 보도자료": a title row printed over the block, as PDFs of releases give
 * it). */
static int starts_release(const char *s)
{
    static const char *const names[] = {"보도자료", "보도참고자료"};
    char sq[64];
    size_t n = squash(s, sq, sizeof sq);
    for (size_t i = 0; i < 2; i++) {
        size_t k = strlen(names[i]);
        if (strncmp(sq, names[i], k) == 0)
            return 1;
        if (n > k && n < sizeof sq - 1 && strcmp(sq + n - k, names[i]) == 0 &&
            is_ministry_word(sq, n - k))
            return 1;
    }
    return 0;
}

/* Is the block part of the header (and read into h)? */
static int header_block(header *h, const gisa_block *b)
{
    if (b->kind == GISA_BLOCK_TABLE)
        return read_table(h, b) || (b->nitems && starts_release(b->items[0]));
    if (!b->text)
        return 0;
    if (starts_release(b->text) && strlen(b->text) < 64)
        return 1;
    const char *value;
    int field = label_of(b->text, &value);
    if (field < 0 || strlen(b->text) > 200)
        return 0;
    take(h, field, b->text, value);
    return 1;
}

/* The headline: a short line that is not a sentence of the body. */
static int headline(const gisa_block *b)
{
    if (b->kind != GISA_BLOCK_PARAGRAPH || !b->text)
        return 0;
    size_t len = strlen(b->text);
    return len > 0 && len < 200 && !strchr(b->text, '\n') &&
           !(len >= 4 && !strcmp(b->text + len - 4, "다.")) && b->text[0] != '-';
}

void press_header(doc *d)
{
    header h = {.d = d};
    unsigned char drop[HEADER_WINDOW] = {0};
    size_t n = d->pub.nblocks < HEADER_WINDOW ? d->pub.nblocks : HEADER_WINDOW;
    size_t last = 0;
    int any = 0;
    for (size_t i = 0; i < n; i++)
        if (header_block(&h, &d->blocks[i]))
            drop[i] = 1, last = i, any = 1;
    if (!any || (!h.found && !h.release[0])) {
        buf_free(&h.contact);
        return; /* not a release, or no block to read */
    }
    if (last + 1 < n && headline(&d->blocks[last + 1])) {
        d->pub.title = d->blocks[last + 1].text;
        drop[last + 1] = 1;
    }
    if (h.release[0] || h.distribution[0])
        d->pub.date = arena_strdup(&d->mem, h.release[0] ? h.release : h.distribution);
    if (h.contact.len)
        d->pub.contact = text_clean_dup(&d->mem, h.contact.ptr, h.contact.len, 0);
    buf_free(&h.contact);
    if (d->pub.publisher)
        d->pub.author = d->pub.publisher;
    size_t k = 0;
    for (size_t i = 0; i < d->pub.nblocks; i++)
        if (i >= HEADER_WINDOW || !drop[i])
            d->blocks[k++] = d->blocks[i];
    d->pub.nblocks = k;
}
