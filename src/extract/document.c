/* document.c - building a gisa_document: blocks, repeats, freeing. */
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "../util/jsonapi.h"
#include "../util/pcre2api.h"
#include "../util/utf8.h"
#include "../util/utf8procapi.h"
#include "extract.h"
#include "office.h"

doc *doc_new(void)
{
    doc *d = calloc(1, sizeof *d);
    if (d)
        arena_init(&d->mem);
    return d;
}

void doc_free(doc *d)
{
    if (!d)
        return;
    free(d->seen);
    arena_free(&d->mem);
    free(d);
}

void gisa_document_free(gisa_document *pub)
{
    doc_free((doc *)pub);
}

gisa_block *doc_add_block(doc *d, gisa_block_kind kind)
{
    if (d->pub.nblocks == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 32;
        gisa_block *nb = arena_alloc(&d->mem, cap * sizeof *nb);
        if (!nb)
            return NULL;
        if (d->pub.nblocks)
            memcpy(nb, d->blocks, d->pub.nblocks * sizeof *nb);
        d->blocks = nb;
        d->cap = cap;
        d->pub.blocks = nb;
    }
    gisa_block *b = &d->blocks[d->pub.nblocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

void doc_drop_last(doc *d)
{
    if (d->pub.nblocks)
        d->pub.nblocks--;
}

/* Hash letters and digits only, ASCII lower-cased: two copies of a
 * paragraph that differ in bullets, spacing or punctuation are one. */
static uint64_t prose_hash(const char *text, size_t *letters)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t len = strlen(text), i = 0;
    uint64_t h = 1469598103934665603ULL;
    *letters = 0;
    while (i < len) {
        int32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        int keep = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                   (cp >= 'A' && cp <= 'Z') || cp >= 0x3131;
        if (keep) {
            if (cp >= 'A' && cp <= 'Z')
                cp += 32;
            h = (h ^ (uint64_t)cp) * 1099511628211ULL;
            (*letters)++;
        }
        i += n;
    }
    return h;
}

static int seen_grow(doc *d)
{
    size_t cap = d->seen_cap ? d->seen_cap * 2 : 64;
    uint64_t *ns = calloc(cap, sizeof *ns);
    if (!ns)
        return 0;
    for (size_t i = 0; i < d->seen_cap; i++) {
        uint64_t h = d->seen[i];
        if (!h)
            continue;
        size_t j = h & (cap - 1);
        while (ns[j])
            j = (j + 1) & (cap - 1);
        ns[j] = h;
    }
    free(d->seen);
    d->seen = ns;
    d->seen_cap = cap;
    return 1;
}

int doc_is_repeat(doc *d, const char *text)
{
    size_t letters;
    uint64_t h = prose_hash(text, &letters) | 1; /* 0 marks an empty slot */
    if (letters < 12)
        return 0; /* short lines ("Photo", "* * *") may rightly repeat */
    if ((d->nseen + 1) * 2 > d->seen_cap && !seen_grow(d))
        return 0;
    size_t j = h & (d->seen_cap - 1);
    while (d->seen[j]) {
        if (d->seen[j] == h)
            return 1;
        j = (j + 1) & (d->seen_cap - 1);
    }
    d->seen[j] = h;
    d->nseen++;
    return 0;
}

/* Korean press releases open paragraphs with □, ■ and the like: layout,
 * not words, so they are dropped wherever the text came from. */
static void strip_para_mark(const char **s, size_t *len)
{
    static const char *const marks[] = {"□", "■", "◆", "◇", "▶", "▣"};
    size_t skip = 0;
    while (skip < *len && ((*s)[skip] == ' ' || (*s)[skip] == '\t' || (*s)[skip] == '\n'))
        skip++;
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        size_t m = strlen(marks[i]);
        if (*len - skip > m && memcmp(*s + skip, marks[i], m) == 0) {
            *s += skip + m;
            *len -= skip + m;
            return;
        }
    }
}

/* The block of a cleaned text, unless it is empty or a repeat. */
static gisa_block *add_cleaned(doc *d, gisa_block_kind kind, int level, const char *clean,
                               size_t offset)
{
    if (!clean || !*clean)
        return NULL;
    if (kind != GISA_BLOCK_HEADING && kind != GISA_BLOCK_CODE && !d->keep_repeats &&
        doc_is_repeat(d, clean))
        return NULL;
    gisa_block *b = doc_add_block(d, kind);
    if (!b)
        return NULL;
    b->level = level;
    b->text = clean;
    b->offset = offset;
    return b;
}

static int keeps_newlines(gisa_block_kind kind)
{
    return kind == GISA_BLOCK_PARAGRAPH || kind == GISA_BLOCK_QUOTE || kind == GISA_BLOCK_CODE;
}

gisa_block *doc_add_text(doc *d, gisa_block_kind kind, int level,
                         const char *text, size_t len, size_t offset)
{
    if (kind == GISA_BLOCK_PARAGRAPH)
        strip_para_mark(&text, &len);
    return add_cleaned(d, kind, level, text_clean_dup(&d->mem, text, len, keeps_newlines(kind)),
                       offset);
}

/* Cleaning a cleaned text again gives it back as it was: its spaces are
 * single, none at its ends, nothing is left that cleaning drops, and it
 * is NFC. So only a paragraph mark coming off its start (which can
 * bare a space) sends it through doc_add_text. */
gisa_block *doc_add_clean_text(doc *d, gisa_block_kind kind, int level, const char *clean,
                               size_t offset)
{
    size_t len = strlen(clean);
    const char *s = clean;
    if (kind == GISA_BLOCK_PARAGRAPH)
        strip_para_mark(&s, &len);
    if (s != clean || !keeps_newlines(kind))
        return doc_add_text(d, kind, level, clean, strlen(clean), offset);
    return add_cleaned(d, kind, level, clean, offset);
}

static void set_limits(doc *d, const gisa_extract_options *o)
{
    d->max_nodes = o && o->max_nodes ? o->max_nodes : GISA_DEFAULT_MAX_NODES;
    d->max_line = o && o->max_line ? o->max_line : GISA_DEFAULT_MAX_LINE;
    d->max_depth = o && o->max_depth && o->max_depth < GISA_DEFAULT_MAX_DEPTH
                       ? o->max_depth
                       : GISA_DEFAULT_MAX_DEPTH;
    d->keep_empty = o && o->keep_empty;
}

/* What the caller knows of the page fills what the page does not say. */
static void take_hints(doc *d, const gisa_source *src)
{
    if (!d->pub.title && src->title)
        d->pub.title = arena_strdup(&d->mem, src->title);
    if (!d->pub.url && src->url)
        d->pub.url = arena_strdup(&d->mem, src->url);
    if (!d->pub.publisher && src->org)
        d->pub.publisher = arena_strdup(&d->mem, src->org);
    if (!d->pub.author && d->pub.publisher)
        d->pub.author = d->pub.publisher;
}

/* The end of every reader: a document without body blocks is refused with
 * `empty` ("a title alone is no article"), the caller's hints fill what
 * the source left out, and the document is handed out or freed. */
static gisa_status finish_document(doc *d, gisa_status st, const gisa_source *src,
                                   const char *empty, gisa_document **out, gisa_error *err)
{
    if (st == GISA_OK && d->pub.input != GISA_INPUT_POST) /* a post's words are all claims */
        doc_drop_boilerplate(d);
    if (st == GISA_OK && d->pub.nblocks == 0 && !d->keep_empty)
        st = gisa_fail(err, GISA_ERR_INPUT, "%s: %s", input_label(src->name), empty);
    if (st != GISA_OK) {
        doc_free(d);
        return st;
    }
    take_hints(d, src);
    *out = &d->pub;
    return GISA_OK;
}

/* A word-processor document: read by its format's reader (office.c). */
static gisa_status extract_document(const gisa_source *src, office_kind kind,
                                    const gisa_extract_options *opts, size_t max,
                                    gisa_document **out, gisa_error *err)
{
    const char *label = input_label(src->name);
    doc *d = doc_new();
    if (!d)
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", label);
    d->pub.source_name = arena_strdup(&d->mem, label);
    set_limits(d, opts);
    d->keep_repeats = 1;
    gisa_status st = extract_office(d, kind, src, max, err);
    return finish_document(d, st, src, "no text in the document", out, err);
}

gisa_status gisa_extract(const gisa_source *src, const gisa_extract_options *opts,
                         gisa_document **out, gisa_error *err)
{
    *out = NULL;
    if (!src || (!src->data && src->len))
        return gisa_fail(err, GISA_ERR_USAGE, "gisa_extract: no source given");
    const char *label = input_label(src->name), *why;
    /* (here, so that all later work on the document finds them loaded:
     * its patterns, dates and issuers in its text, entities and claims,
     * the normalisation of every text, and all JSON about it) */
    if (!pcre2_api_get(&why) || !utf8proc_api_get(&why) || !json_api_get(&why))
        return gisa_fail(err, GISA_ERR_INPUT, "%s: %s", label, why);
    size_t max = opts && opts->max_input ? opts->max_input : GISA_DEFAULT_MAX_INPUT;
    if (src->len == 0)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: input is empty", label);
    if (src->len > max)
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: input is larger than the limit of %zu bytes", label, max);
    gisa_input_kind asked = opts ? opts->kind : GISA_INPUT_AUTO;
    office_kind office = office_sniff(src->data, src->len);
    if (office != OFFICE_NONE && (asked == GISA_INPUT_AUTO || asked >= GISA_INPUT_HWP))
        return extract_document(src, office, opts, max, out, err);
    if (asked >= GISA_INPUT_HWP)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: not %s document", label,
                         asked == GISA_INPUT_HWP    ? "an HWP"
                         : asked == GISA_INPUT_HWPX ? "an HWPX"
                         : asked == GISA_INPUT_PDF  ? "a PDF"
                                                    : "an HWP, HWPX or PDF");
    decoded_text t;
    gisa_status st = decode_utf8(src, &t, err);
    if (st != GISA_OK)
        return st;
    if (t.len == 0 || !t.text) { /* a byte-order mark and nothing whole after it */
        buf_free(&t.conv);
        return gisa_fail(err, GISA_ERR_INPUT, "%s: no text after decoding %s", label,
                         t.encoding);
    }
    doc *d = doc_new();
    if (!d) {
        buf_free(&t.conv);
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", label);
    }
    d->pub.source_name = arena_strdup(&d->mem, label);
    set_limits(d, opts);
    d->pub.encoding = arena_strdup(&d->mem, t.encoding);
    gisa_input_kind kind = opts ? opts->kind : GISA_INPUT_AUTO;
    if (kind == GISA_INPUT_AUTO)
        kind = looks_like_post(t.text, t.len)   ? GISA_INPUT_POST
               : looks_like_html(t.text, t.len) ? GISA_INPUT_HTML
                                                : GISA_INPUT_TEXT;
    d->pub.input = kind;
    if (kind == GISA_INPUT_POST)
        st = extract_post(d, &t, err);
    else if (kind == GISA_INPUT_HTML)
        st = extract_html(d, &t, src, err);
    else
        st = extract_textdump(d, &t, err);
    buf_free(&t.conv);
    return finish_document(d, st, src, "no article text found", out, err);
}
