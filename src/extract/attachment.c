/* attachment.c - a release's page and its attachment: which attachments
 * gisa reads, whether the page is only a summary of one, and crediting a
 * post of the attachment to the page.
 *
 * Ministries put the complete release in an .hwpx/.hwp/.pdf and, on some
 * sites, only a summary (or nothing but the download links) on the page.
 * A post should then be made from the attachment, but it is the page that
 * was published: its URL, headline and licence are what a reader is sent
 * to and what allows the copy. */
#include <string.h>
#include <strings.h>

#include "../util/buf.h"
#include "../util/error.h"
#include "../util/utf8procapi.h"
#include "docsniff.h"
#include "office.h"

/* ------------------------------------------------------------ readable */

static int ends_with_ci(const char *s, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    return n >= m && !strncasecmp(s + n - m, suffix, m);
}

/* Does s[0..n) name a document gisa reads? Trailing spaces and a closing
 * bracket ("보도자료.hwpx (120KB)" is cut at the size by the caller's
 * markup, but "…hwpx " is common) do not count. */
static int readable_name(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
        n--;
    return ends_with_ci(s, n, ".hwp") || ends_with_ci(s, n, ".hwpx") ||
           ends_with_ci(s, n, ".pdf");
}

int gisa_attachment_readable(const gisa_attachment *a)
{
    if (!a || !a->url)
        return 0;
    if (readable_name(a->url, strcspn(a->url, "?#")))
        return 1;
    return a->name && readable_name(a->name, strlen(a->name));
}

int is_document(const unsigned char *data, size_t len)
{
    office_kind k = office_sniff(data, len);
    return k == OFFICE_HWP || k == OFFICE_HWPX || k == OFFICE_PDF;
}

gisa_input_kind gisa_document_kind(const unsigned char *data, size_t len)
{
    switch (office_sniff(data, len)) {
    case OFFICE_HWP: return GISA_INPUT_HWP;
    case OFFICE_HWPX: return GISA_INPUT_HWPX;
    case OFFICE_PDF: return GISA_INPUT_PDF;
    default: return GISA_INPUT_AUTO;
    }
}

/* ------------------------------------------------------------- summary */

/* The letters and digits of s, lower-cased where that applies: what two
 * texts are compared by, so that spacing, punctuation and the bullets a
 * page or a word processor adds do not count. Returns the characters. */
static size_t letters(buf *out, const char *s)
{
    size_t n = 0, len = strlen(s);
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (len > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)len, &cp);
        if (k <= 0) {
            p++;
            len--;
            continue;
        }
        utf8proc_category_t c = utf8proc_category(cp);
        if ((c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
            (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO)) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), enc);
            buf_append(out, (const char *)enc, (size_t)m);
            n++;
        }
        p += k;
        len -= (size_t)k;
    }
    return n;
}

/* Each text of the body (paragraphs, list items, quotations, table cells,
 * headings), in order; images are captions, not text of the release. */
typedef int (*text_fn)(void *ctx, const char *text);

static int each_text(const gisa_document *d, text_fn fn, void *ctx)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        const gisa_block *b = &d->blocks[i];
        if (b->kind == GISA_BLOCK_IMAGE)
            continue;
        if (b->kind == GISA_BLOCK_LIST || b->kind == GISA_BLOCK_TABLE) {
            for (size_t k = 0; k < b->nitems; k++)
                if (b->items[k] && !fn(ctx, b->items[k]))
                    return 0;
        } else if (b->text && !fn(ctx, b->text)) {
            return 0;
        }
    }
    return 1;
}

typedef struct whole {
    buf text;
    size_t chars;
} whole;

static int add_whole(void *ctx, const char *text)
{
    whole *w = ctx;
    w->chars += letters(&w->text, text);
    return 1;
}

/* Letters and digits below which a page's sentence is not compared. */
#define SUMMARY_MIN_SENTENCE 20

typedef struct sentences {
    const whole *doc;
    size_t chars;   /* of the page's body */
    int missing;    /* a sentence the document does not hold */
    buf tmp;
} sentences;

/* A sentence that only sends the reader to the files ("자세한 내용은
 * 첨부파일을 참고하시기 바랍니다", "붙임 1. …") is the page's, not the
 * release's. */
static int points_at_files(const char *s, size_t n)
{
    static const char *const words[] = {"첨부", "붙임", "내려받", "다운로드"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (memmem(s, n, words[i], strlen(words[i])))
            return 1;
    return 0;
}

static int check_sentences(void *ctx, const char *text)
{
    sentences *s = ctx;
    size_t len = strlen(text);
    gisa_span spans[256];
    size_t n = gisa_split_sentences(text, len, spans, 256);
    if (n > 256) { /* a paragraph of more sentences than a summary has */
        s->missing = 1;
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        const char *p = text + spans[i].start;
        size_t k = spans[i].end - spans[i].start;
        if (points_at_files(p, k))
            continue;
        s->tmp.len = 0;
        buf_append(&s->tmp, p, k); /* NUL-terminated */
        const char *copy = s->tmp.ptr ? s->tmp.ptr : "";
        buf norm;
        memset(&norm, 0, sizeof norm);
        size_t chars = letters(&norm, copy);
        s->chars += chars;
        /* A fragment (a date line, a byline, a label: "2026.04.07 환경부")
         * tells nothing either way; a sentence of the release is longer. */
        int found = chars < SUMMARY_MIN_SENTENCE ||
                    (s->doc->text.len && memmem(s->doc->text.ptr, s->doc->text.len,
                                                norm.ptr, norm.len));
        buf_free(&norm);
        if (!found) {
            s->missing = 1;
            return 0;
        }
    }
    return 1;
}

int gisa_page_is_summary(const gisa_document *page, const gisa_document *file)
{
    if (!page || !file)
        return 0;
    /* a page over the limit is the release: no comparison, whose cost
     * (each sentence sought in the document) grows with both */
    if (gisa_document_chars(page) > GISA_SUMMARY_MAX_CHARS)
        return 0;
    whole w = {{0}, 0};
    memset(&w.text, 0, sizeof w.text);
    each_text(file, add_whole, &w);
    size_t body = w.chars;
    if (file->title) /* a page may repeat its headline in its body */
        add_whole(&w, file->title);
    sentences s = {&w, 0, 0, {0}};
    memset(&s.tmp, 0, sizeof s.tmp);
    each_text(page, check_sentences, &s);
    int summary = !s.missing && body > 0 && s.chars <= GISA_SUMMARY_MAX_CHARS &&
                  2 * s.chars <= body;
    buf_free(&s.tmp);
    buf_free(&w.text);
    return summary;
}

size_t gisa_document_chars(const gisa_document *d)
{
    if (!d)
        return 0;
    whole w = {{0}, 0};
    memset(&w.text, 0, sizeof w.text);
    each_text(d, add_whole, &w);
    buf_free(&w.text);
    return w.chars;
}

/* -------------------------------------------------------------- credit */

static const char *copy(doc *d, const char *s, int *oom)
{
    if (!s)
        return NULL;
    const char *c = arena_strdup(&d->mem, s);
    if (!c)
        *oom = 1;
    return c;
}

gisa_status gisa_document_credit(gisa_document *pub, const gisa_document *page,
                                 gisa_error *err)
{
    if (!pub || !page)
        return gisa_fail(err, GISA_ERR_USAGE, "gisa_document_credit: no document or page");
    doc *d = (doc *)pub; /* gisa_document is the first member of the doc that owns it */
    int oom = 0;
    /* What the page says wins: it is what was published and what a
     * reader is sent to; a post of the page and one of its attachment
     * then have the same source URL, title and date, so a site keeps one
     * post of the release whichever was composed. */
    if (page->url)
        pub->url = copy(d, page->url, &oom);
    if (page->title)
        pub->title = copy(d, page->title, &oom);
    if (page->date)
        pub->date = copy(d, page->date, &oom);
    if (page->site_name)
        pub->site_name = copy(d, page->site_name, &oom);
    if (page->license) { /* a 공공누리 notice on the page covers its files */
        pub->license = copy(d, page->license, &oom);
        pub->license_text = copy(d, page->license_text, &oom);
    }
    /* The document's press block names the ministry itself. */
    if (!pub->publisher)
        pub->publisher = copy(d, page->publisher, &oom);
    if (!pub->author)
        pub->author = copy(d, page->author, &oom);
    if (!pub->lang)
        pub->lang = copy(d, page->lang, &oom);
    if (page->nattachments) {
        gisa_attachment *files = arena_alloc(&d->mem, page->nattachments * sizeof *files);
        if (!files)
            oom = 1;
        for (size_t i = 0; files && i < page->nattachments; i++) {
            files[i].url = copy(d, page->attachments[i].url, &oom);
            files[i].name = copy(d, page->attachments[i].name ? page->attachments[i].name : "",
                                 &oom);
        }
        if (files) {
            pub->attachments = files;
            pub->nattachments = page->nattachments;
        }
    }
    if (oom)
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory",
                         input_label(pub->source_name));
    return GISA_OK;
}
