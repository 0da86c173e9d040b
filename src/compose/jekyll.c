/* jekyll.c - a Jekyll post: YAML front matter, Markdown body, attribution.
 *
 * The front matter goes through libyaml's emitter, which quotes whatever
 * a title may hold (":", "#", "---", quotes, a leading "*"). The body is
 * the document's own blocks; only the attribution block is written here. */
#include <string.h>
#include <yaml.h>

#include "../extract/render.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/utf8.h"
#include "slug.h"

#define EXCERPT_MAX_CHARS 200

static int yaml_out(void *data, unsigned char *s, size_t n)
{
    buf_append((buf *)data, (const char *)s, n);
    return !((buf *)data)->oom;
}

typedef struct fm {
    yaml_emitter_t em;
    int ok;
} fm;

static void emit(fm *f, yaml_event_t *ev)
{
    if (f->ok && !yaml_emitter_emit(&f->em, ev))
        f->ok = 0;
}

static void scalar(fm *f, const char *s)
{
    yaml_event_t ev;
    if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1,
                                      1, YAML_ANY_SCALAR_STYLE))
        f->ok = 0;
    else
        emit(f, &ev);
}

static void field(fm *f, const char *key, const char *value)
{
    if (!value || !*value)
        return;
    scalar(f, key);
    scalar(f, value);
}

static void list_field(fm *f, const char *key, const char *item)
{
    yaml_event_t ev;
    scalar(f, key);
    yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
    emit(f, &ev);
    scalar(f, item);
    yaml_sequence_end_event_initialize(&ev);
    emit(f, &ev);
}

/* The first paragraph, cut at a sentence end when it is long. */
static void excerpt(const gisa_document *d, buf *out)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        const gisa_block *b = &d->blocks[i];
        if (b->kind != GISA_BLOCK_PARAGRAPH)
            continue;
        const char *s = b->text;
        size_t len = strlen(s), cut = len, chars = 0;
        for (size_t j = 0; j < len; j++) {
            chars += ((unsigned char)s[j] & 0xC0) != 0x80;
            if ((s[j] == '.' || s[j] == '!' || s[j] == '?') &&
                (j + 1 == len || s[j + 1] == ' ' || s[j + 1] == '\n')) {
                cut = j + 1;
                if (chars >= EXCERPT_MAX_CHARS / 4)
                    break;
            }
        }
        text_clean(out, s, cut, 0);
        return;
    }
}

static const char *post_title(const gisa_document *d)
{
    if (d->title)
        return d->title;
    for (size_t i = 0; i < d->nblocks; i++)
        if (d->blocks[i].kind == GISA_BLOCK_HEADING)
            return d->blocks[i].text;
    return NULL;
}

static int is_korean(const gisa_document *d)
{
    return d->lang && strncmp(d->lang, "ko", 2) == 0;
}

static gisa_status front_matter(const gisa_document *d, const gisa_post_options *o,
                                const char *title, const char *date, buf *out)
{
    fm f;
    f.ok = yaml_emitter_initialize(&f.em);
    if (!f.ok)
        return GISA_ERR_NOMEM;
    yaml_emitter_set_output(&f.em, yaml_out, out);
    yaml_emitter_set_unicode(&f.em, 1);
    yaml_emitter_set_width(&f.em, -1);
    yaml_event_t ev;
    yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
    emit(&f, &ev);
    yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
    emit(&f, &ev);
    yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
    emit(&f, &ev);

    char when[40];
    snprintf(when, sizeof when, "%.10s 00:00:00 %s", date, is_korean(d) ? "+0900" : "+0000");
    buf ex = BUF_INIT;
    excerpt(d, &ex);
    field(&f, "title", title);
    field(&f, "date", when);
    list_field(&f, "categories", o && o->category ? o->category : "News");
    field(&f, "excerpt", ex.ptr);
    field(&f, "source_url", d->url);
    field(&f, "source_org", d->publisher ? d->publisher : d->site_name);
    field(&f, "author", d->author);
    field(&f, "license", d->license);
    buf_free(&ex);

    yaml_mapping_end_event_initialize(&ev);
    emit(&f, &ev);
    yaml_document_end_event_initialize(&ev, 1);
    emit(&f, &ev);
    yaml_stream_end_event_initialize(&ev);
    emit(&f, &ev);
    int ok = f.ok && yaml_emitter_flush(&f.em);
    yaml_emitter_delete(&f.em);
    return ok && !out->oom ? GISA_OK : GISA_ERR_NOMEM;
}

static void attribution(const gisa_document *d, const char *title, const char *date, buf *b)
{
    const char *org = d->publisher ? d->publisher : d->site_name;
    buf_puts(b, "\n---\n\n");
    if (is_korean(d)) {
        buf_puts(b, "**출처**: ");
        if (org)
            buf_printf(b, "%s, ", org);
        buf_printf(b, "「%s」(%.10s)", title, date);
        if (d->url)
            buf_printf(b, ", <%s>", d->url);
        buf_puts(b, "\n");
        if (d->license && strncmp(d->license, "KOGL-", 5) == 0)
            buf_printf(b, "\n이 글은 공공누리 제%c유형에 따라 %s의 저작물을 이용하였습니다.\n",
                       d->license[5], org ? org : "원저작자");
    } else {
        buf_puts(b, "**Source**: ");
        if (org)
            buf_printf(b, "%s, ", org);
        buf_printf(b, "\"%s\" (%.10s)", title, date);
        if (d->url)
            buf_printf(b, ", <%s>", d->url);
        buf_puts(b, "\n");
        if (d->license)
            buf_printf(b, "\nUsed under %s.\n", d->license);
    }
}

static void body(const gisa_document *d, const char *title, buf *b)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        const gisa_block *bl = &d->blocks[i];
        if (i == 0 && bl->kind == GISA_BLOCK_HEADING && title && !strcmp(bl->text, title))
            continue; /* the title is in the front matter already */
        buf_putc(b, '\n');
        render_markdown_block(b, bl);
    }
}

gisa_status gisa_compose(const gisa_document *d, const gisa_post_options *o,
                         gisa_post *out, gisa_error *err)
{
    memset(out, 0, sizeof *out);
    const char *name = d->source_name ? d->source_name : "document";
    const char *title = post_title(d);
    const char *date = d->date ? d->date : o ? o->date : NULL;
    if (!title)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: no title found; a post needs one", name);
    if (!date || strlen(date) < 10)
        return gisa_fail(err, GISA_ERR_INPUT,
                         "%s: no publication date found; give one with --date YYYY-MM-DD",
                         name);
    buf b = BUF_INIT;
    buf_puts(&b, "---\n");
    if (front_matter(d, o, title, date, &b) != GISA_OK) {
        buf_free(&b);
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: cannot write front matter", name);
    }
    buf_puts(&b, "---\n");
    body(d, title, &b);
    attribution(d, title, date, &b);
    buf fn = BUF_INIT;
    buf_printf(&fn, "%.10s-", date);
    slug_romanize(&fn, title);
    buf_puts(&fn, ".md");
    out->text = buf_detach(&b, &out->len);
    out->filename = buf_detach(&fn, NULL);
    if (!out->text || !out->filename) {
        gisa_post_clear(out);
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", name);
    }
    return GISA_OK;
}

void gisa_post_clear(gisa_post *p)
{
    free(p->text);
    free(p->filename);
    memset(p, 0, sizeof *p);
}
