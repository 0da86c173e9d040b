/* model.c - from a document to the post model: what a post keeps.
 *
 * Choices made here, not in the renderers: the title, the date and its
 * zone, the slug, the excerpt, which blocks and images the licence allows,
 * and who is credited. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "compose.h"
#include "slug.h"

#define EXCERPT_MIN_CHARS 50
#define TITLE_MAX_CHARS 120

/* Credit lines that mark a photo as someone else's work. */
static const char *const photo_credits[] = {
    "사진=", "사진 =", "사진제공", "사진 제공", "ⓒ", "©", "(c)", "Getty", "AFP",
    "AP Photo", "Reuters", "연합뉴스", "뉴시스", "뉴스1", "Copyright",
};

static int has_credit(const char *s)
{
    for (size_t i = 0; s && i < sizeof photo_credits / sizeof *photo_credits; i++)
        if (strstr(s, photo_credits[i]))
            return 1;
    return 0;
}

static int starts_with(const char *s, const char *p)
{
    return s && strncmp(s, p, strlen(p)) == 0;
}

/* 공공누리 type 3 and 4 and Creative Commons -ND forbid changing the work. */
static int forbids_derivatives(const char *license)
{
    return license && (!strcmp(license, "KOGL-3") || !strcmp(license, "KOGL-4") ||
                       (starts_with(license, "CC-") && strstr(license, "ND")));
}

/* A photo is kept only when nobody else holds it: korea.kr's 공공누리
 * notice covers the text, not photos, which stay with their owners. */
static int keep_image(const post_model *m, const gisa_block *b)
{
    if (!b->url || !safe_url(b->url))
        return 0;
    if (m->opt.include_images)
        return 1;
    return !has_credit(b->text) && !starts_with(m->doc->license, "KOGL");
}

/* The first sentence of the first paragraph, and its length. */
static size_t lead_sentence(const gisa_document *d, const char **start)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        if (d->blocks[i].kind != GISA_BLOCK_PARAGRAPH)
            continue;
        const char *s = d->blocks[i].text;
        gisa_span span;
        if (gisa_split_sentences(s, strlen(s), &span, 1) == 0)
            return 0;
        *start = s + span.start;
        return span.end - span.start;
    }
    return 0;
}

/* The page's title, else its first heading, else (for text dumps that
 * lost theirs) the lead sentence itself: a title gisa never invents. */
static const char *pick_title(post_model *m)
{
    const gisa_document *d = m->doc;
    if (d->title && *d->title)
        return d->title;
    for (size_t i = 0; i < d->nblocks; i++)
        if (d->blocks[i].kind == GISA_BLOCK_HEADING)
            return d->blocks[i].text;
    const char *s = NULL;
    size_t n = lead_sentence(d, &s);
    if (n == 0 || utf8_length(s, n) > TITLE_MAX_CHARS)
        return NULL;
    return arena_strndup(&m->mem, s, n);
}

/* The lead paragraph's first sentences, at least EXCERPT_MIN_CHARS long. */
static const char *make_excerpt(post_model *m)
{
    for (size_t i = 0; i < m->nblocks; i++) {
        const gisa_block *b = m->blocks[i];
        if (b->kind != GISA_BLOCK_PARAGRAPH)
            continue;
        const char *s = b->text;
        gisa_span spans[8];
        size_t n = gisa_split_sentences(s, strlen(s), spans, 8), end = strlen(s);
        for (size_t k = 0; k < n && k < 8; k++) {
            end = spans[k].end;
            if (utf8_length(s, end) >= EXCERPT_MIN_CHARS)
                break;
        }
        return text_clean_dup(&m->mem, s, end, 0);
    }
    return NULL;
}

static void make_slug(post_model *m)
{
    buf b = BUF_INIT;
    switch (m->opt.slug) {
    case GISA_SLUG_HANGUL:
        slug_hangul(&b, m->title);
        break;
    case GISA_SLUG_ID:
        if (!slug_from_url(&b, m->doc->url))
            slug_romanize(&b, m->title);
        break;
    default:
        slug_romanize(&b, m->title);
    }
    m->slug = b.ptr ? arena_strndup(&m->mem, b.ptr, b.len) : "post";
    buf_free(&b);
}

static int keep_blocks(post_model *m)
{
    const gisa_document *d = m->doc;
    m->blocks = arena_alloc(&m->mem, (d->nblocks + 1) * sizeof *m->blocks);
    if (!m->blocks)
        return 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        const gisa_block *b = &d->blocks[i];
        if (b->kind == GISA_BLOCK_HEADING && m->nblocks == 0 && !strcmp(b->text, m->title))
            continue; /* the title is shown once, by the renderer */
        if (b->kind == GISA_BLOCK_IMAGE && !keep_image(m, b))
            continue;
        if (b->kind == GISA_BLOCK_IMAGE && !m->image)
            m->image = b->url;
        m->blocks[m->nblocks++] = b;
    }
    return 1;
}

gisa_status post_model_build(post_model *m, const gisa_document *d,
                             const gisa_post_options *opt, gisa_error *err)
{
    memset(m, 0, sizeof *m);
    arena_init(&m->mem);
    m->doc = d;
    if (opt)
        m->opt = *opt;
    const char *name = d->source_name ? d->source_name : "document";
    m->title = pick_title(m);
    if (!m->title)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: no title found; a post needs one", name);
    const char *date = d->date ? d->date : m->opt.date;
    if (!date || strlen(date) < 10)
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: no publication date found; give one with --date YYYY-MM-DD",
                         name);
    memcpy(m->date, date, 10);
    m->korean = d->lang && starts_with(d->lang, "ko");
    m->zone = m->korean ? "+0900" : "+0000";
    m->org = d->publisher ? d->publisher : d->site_name;
    m->no_derivatives = forbids_derivatives(d->license);
    if (m->no_derivatives && m->opt.mode != GISA_MODE_FULL)
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: licence %s allows only verbatim use; use --mode full", name,
                         d->license);
    if (!keep_blocks(m))
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", name);
    m->excerpt = make_excerpt(m);
    make_slug(m);
    source_hash(d, m->hash);
    return GISA_OK;
}

static uint64_t fnv(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (h ^ 0xFF) * 1099511628211ULL; /* a separator between strings */
}

void source_hash(const gisa_document *d, char out[17])
{
    uint64_t h = fnv(1469598103934665603ULL, d->title);
    for (size_t i = 0; i < d->nblocks; i++) {
        const gisa_block *b = &d->blocks[i];
        h = fnv(h, b->text);
        h = fnv(h, b->url);
        for (size_t j = 0; j < b->nitems; j++)
            h = fnv(h, b->items[j]);
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

void post_model_free(post_model *m)
{
    arena_free(&m->mem);
}
