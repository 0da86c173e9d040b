/* model.c - from a document to the post model: what a post keeps.
 *
 * Choices made here, not in the renderers: the title, the date and its
 * zone, the slug, the excerpt, which blocks and images the licence allows,
 * and who is credited. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "compose.h"
#include "slug.h"
#include "tags.h"

#define EXCERPT_MIN_CHARS 50
#define TITLE_MAX_CHARS 120

/* Credit lines that mark a photo as someone else's work. */
static const char *const photo_credits[] = {
    "사진=", "사진 =", "사진제공", "사진 제공", "자료사진", "ⓒ", "©", "(c)", "Getty", "AFP",
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

static int reserves_rights(const char *license)
{
    return license && !strcmp(license, GISA_LICENSE_RESERVED);
}

/* A 공공누리 notice that says "(텍스트)" licenses the text alone; the
 * photos stay their makers' ("사진 … 저작권자의 허락을 받으셔야"). */
static int covers_text_only(const gisa_document *d)
{
    return starts_with(d->license, "KOGL") && d->license_text &&
           strstr(d->license_text, "(텍스트)");
}

/* A photo's caption standing as a paragraph: a credit, and no sentence
 * at its end ("… 계량기. 한빛일보 자료사진", "… 있다. [사진=… 제공]"). A
 * lead that names its agency ("(서울=연합뉴스) … 밝혔다.") ends as one. */
static int is_caption(const char *s)
{
    return strlen(s) < 600 && has_credit(s) && !ends_as_sentence(s);
}

/* Is the block after image i its caption: a short paragraph with a credit
 * (pages often print "(사진=…)" as a paragraph of its own)? */
static int caption_follows(const gisa_document *d, size_t i)
{
    const gisa_block *next = i + 1 < d->nblocks ? &d->blocks[i + 1] : NULL;
    return next && next->kind == GISA_BLOCK_PARAGRAPH && strlen(next->text) < 300 &&
           has_credit(next->text);
}

/* The credit line of image i: in its own text, or its caption paragraph. */
static const char *image_credit(const gisa_document *d, size_t i)
{
    const gisa_block *b = &d->blocks[i];
    if (has_credit(b->text))
        return b->text;
    return caption_follows(d, i) ? d->blocks[i + 1].text : NULL;
}

/* A photo is kept only when its owner licenses it: one credited to the
 * issuing organisation falls under that organisation's licence, unless
 * the notice covers text only; one credited to anyone else, uncredited
 * under a 공공누리 notice (which covers the text, not photos), or on a
 * page that reserves its rights, is left out unless asked for. */
static int keep_image(const post_model *m, size_t i)
{
    const gisa_block *b = &m->doc->blocks[i];
    if (!b->url || !safe_url(b->url))
        return 0;
    if (m->opt.include_images)
        return 1;
    if (m->quoted || covers_text_only(m->doc))
        return 0;
    const char *credit = image_credit(m->doc, i);
    if (credit)
        return m->org && strstr(credit, m->org) != NULL;
    return !starts_with(m->doc->license, "KOGL");
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

/* A page that names neither publisher nor site is credited to its host
 * ("www.example.org" -> "example.org"): a credit must name someone. */
static const char *host_of(post_model *m, const char *url)
{
    if (!url)
        return NULL;
    const char *p = strstr(url, "://");
    if (!p)
        return NULL;
    p += 3;
    size_t n = strcspn(p, "/?#:@");
    if (p[n] == '@') /* user info: not a host to credit */
        return NULL;
    if (n > 4 && !strncasecmp(p, "www.", 4)) {
        p += 4;
        n -= 4;
    }
    return n ? arena_strndup(&m->mem, p, n) : NULL;
}

/* The page's title, else its first heading, else (for a page whose markup
 * lost it) the lead sentence itself: a title gisa never invents. A text
 * dump without a headline line has none: its lead is a sentence of the
 * body, no headline, so the user gives one (--title). */
static const char *pick_title(post_model *m)
{
    const gisa_document *d = m->doc;
    if (d->title && *d->title)
        return d->title;
    for (size_t i = 0; i < d->nblocks; i++)
        if (d->blocks[i].kind == GISA_BLOCK_HEADING)
            return d->blocks[i].text;
    if (d->input == GISA_INPUT_TEXT)
        return NULL;
    const char *s = NULL;
    size_t n = lead_sentence(d, &s);
    if (n == 0 || utf8_length(s, n) > TITLE_MAX_CHARS)
        return NULL;
    return arena_strndup(&m->mem, s, n);
}

/* Where a wire story's dateline ends ("(서울=연합뉴스) 홍길동 기자 = …",
 * "[세종=뉴시스] …"): the excerpt is the news, not who filed it. */
static const char *after_dateline(const char *s)
{
    if (*s != '(' && *s != '[')
        return s;
    const char *close = strchr(s, *s == '(' ? ')' : ']'), *eq = strchr(s, '=');
    if (!close || !eq || eq > close || close - s > 60)
        return s;
    const char *p = close + 1, *mark = strstr(p, " = ");
    if (mark && mark - p < 40 &&
        ((mark - p >= 6 && !strncmp(mark - 6, "기자", 6)) ||
         (mark - p >= 9 && !strncmp(mark - 9, "특파원", 9))))
        p = mark + 3;
    while (*p == ' ')
        p++;
    return utf8_length(p, strlen(p)) >= EXCERPT_MIN_CHARS / 2 ? p : s;
}

/* The lead paragraph's first sentences, at least EXCERPT_MIN_CHARS long.
 * The lead is the first paragraph that is prose, not a stub (a dateline,
 * a name). */
const char *make_excerpt(post_model *m)
{
    for (size_t i = 0; i < m->nblocks; i++) {
        const gisa_block *b = m->blocks[i];
        if (b->kind != GISA_BLOCK_PARAGRAPH ||
            utf8_length(b->text, strlen(b->text)) < EXCERPT_MIN_CHARS / 2 || is_caption(b->text))
            continue;
        const char *s = after_dateline(b->text);
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

static int push_block(post_model *m, const gisa_block *b, size_t source)
{
    m->blocks[m->nblocks] = b;
    m->source_index[m->nblocks] = source;
    m->nblocks++;
    return 1;
}

/* Room for every source block, summary sentences and the generated
 * agreements heading and table. */
static int reserve_blocks(post_model *m)
{
    size_t cap = m->doc->nblocks + m->an->nsentences + 4;
    m->blocks = arena_alloc(&m->mem, cap * sizeof *m->blocks);
    m->source_index = arena_alloc(&m->mem, cap * sizeof *m->source_index);
    return m->blocks && m->source_index;
}

/* A caption whose photo is not on the page, above the lead: it would
 * open the post as if it were the news. */
static int caption_before_lead(const gisa_document *d, size_t i, int lead_seen)
{
    const gisa_block *b = &d->blocks[i];
    return !lead_seen && b->kind == GISA_BLOCK_PARAGRAPH && is_caption(b->text) &&
           !(i > 0 && d->blocks[i - 1].kind == GISA_BLOCK_IMAGE);
}

static void keep_blocks(post_model *m)
{
    const gisa_document *d = m->doc;
    int lead_seen = 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        const gisa_block *b = &d->blocks[i];
        if (caption_before_lead(d, i, lead_seen))
            continue;
        lead_seen |= b->kind == GISA_BLOCK_PARAGRAPH;
        if (b->kind == GISA_BLOCK_HEADING && !strcmp(b->text, m->title))
            continue; /* the title is shown once, by the renderer */
        if (b->kind == GISA_BLOCK_IMAGE && !keep_image(m, i)) {
            i += caption_follows(d, i); /* a caption without its photo says nothing */
            continue;
        }
        if (b->kind == GISA_BLOCK_IMAGE && !m->image)
            m->image = b->url;
        push_block(m, b, i);
    }
}

/* The sentences ranked best, marked in a full post: about one in five,
 * at most three. */
static void pick_key_sentences(post_model *m)
{
    size_t n = m->an->nsentences / 5 + 1;
    if (n > 3)
        n = 3;
    m->key = arena_alloc(&m->mem, n * sizeof *m->key);
    if (!m->key)
        return;
    for (size_t i = 0; i < m->an->nsentences; i++)
        if (m->an->sentences[i].rank < n)
            m->key[m->nkey++] = &m->an->sentences[i];
}

size_t key_sentences_of(const post_model *m, size_t i, const char **out, size_t cap)
{
    size_t n = 0;
    /* a summary is all key sentences: none is marked */
    for (size_t k = 0; m->opt.mode == GISA_MODE_FULL && k < m->nkey && n < cap; k++)
        if (m->key[k]->paragraph == m->source_index[i])
            out[n++] = m->key[k]->text;
    return n;
}

/* "2026-06-17T14:05:00+09:00": the time and zone the page gave, if any
 * (extract writes them only in this form). */
static void take_time(post_model *m, const char *date)
{
    memcpy(m->clock, "00:00:00", 9);
    if (strlen(date) < 19 || date[10] != 'T')
        return;
    memcpy(m->clock, date + 11, 8);
    const char *z = date + 19;
    if (strlen(z) == 6 && (z[0] == '+' || z[0] == '-') && z[3] == ':') {
        char *zone = arena_alloc(&m->mem, 6);
        if (zone) {
            snprintf(zone, 6, "%.3s%.2s", z, z + 4);
            m->zone = zone;
        }
    }
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
    /* Rights reserved: no post, unless the user takes it on themselves;
     * then only a few sentences, quoted and credited (a quotation's
     * proper share, not the article). */
    if (reserves_rights(d->license)) {
        if (!m->opt.allow_unlicensed)
            return gisa_fail(err, GISA_ERR_LICENSE,
                             "%s: the page reserves all rights (\"무단 전재 금지\", \"All rights "
                             "reserved\"): not republished; --allow-unlicensed posts a quoted "
                             "summary with credit",
                             name);
        m->quoted = 1;
        m->opt.mode = GISA_MODE_SUMMARY;
    }
    m->title = pick_title(m);
    if (!m->title)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: no title found; a post needs one: give it "
                         "with --title TEXT", name);
    const char *date = d->date ? d->date : m->opt.date;
    if (!date || strlen(date) < 10)
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: no publication date found; give one with --date YYYY-MM-DD",
                         name);
    memcpy(m->date, date, 10);
    m->korean = d->lang && starts_with(d->lang, "ko");
    m->zone = m->korean ? "+0900" : "+0000";
    take_time(m, date);
    m->org = d->publisher ? d->publisher : d->site_name ? d->site_name : host_of(m, d->url);
    m->no_derivatives = forbids_derivatives(d->license);
    if (m->no_derivatives && m->opt.mode != GISA_MODE_FULL)
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: licence %s allows only verbatim use; use --mode full", name,
                         d->license);
    /* A date given for a page that states none is the page's date: its
     * relative dates ("올해") resolve against it, as the post's will. */
    gisa_document dated = *d;
    dated.date = m->date;
    gisa_status st = gisa_analyze(&dated, NULL, &m->an, err);
    if (st != GISA_OK)
        return st;
    if (!reserve_blocks(m))
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", name);
    if (m->opt.mode == GISA_MODE_SUMMARY) {
        keep_summary(m);
    } else {
        keep_blocks(m);
        add_sections(m);
    }
    pick_key_sentences(m); /* marked in full posts; the key points table in both */
    if (!m->quoted) /* a quotation is a few sentences, not a digest of the rest */
        add_summary_table(m);
    pick_tags(m);
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
    gisa_analysis_free(m->an);
    m->an = NULL;
    arena_free(&m->mem);
}
