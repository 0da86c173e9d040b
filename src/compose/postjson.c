/* postjson.c - the post model as JSON: every body block with the index
 * and byte offset of the source block it came from, and each sentence of
 * a paragraph with its byte range in that block, so a reader (or `gisa
 * check`) can trace every sentence back to the page. */
#include <string.h>

#include "../util/jsonapi.h"
#include "compose.h"

static const char *kind_name(gisa_block_kind k)
{
    static const char *const names[] = {"heading", "paragraph", "list", "table",
                                        "image", "quote", "code"};
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "paragraph";
}

static void put(json_object *o, const char *key, const char *v)
{
    json_object_object_add(o, key, v ? json_object_new_string(v) : NULL);
}

static json_object *strings(const char *const *items, size_t n)
{
    json_object *a = json_object_new_array();
    for (size_t i = 0; i < n; i++)
        json_object_array_add(a, json_object_new_string(items[i]));
    return a;
}

/* Each sentence of a paragraph copied from source block `from`, with its
 * byte range in that block's text: the trail from post to page. */
static json_object *sentences_json(const char *text, size_t from)
{
    enum { MAX_SENTENCES = 256 };
    gisa_span spans[MAX_SENTENCES];
    size_t n = gisa_split_sentences(text, strlen(text), spans, MAX_SENTENCES);
    json_object *a = json_object_new_array();
    for (size_t k = 0; k < n && k < MAX_SENTENCES; k++) {
        json_object *s = json_object_new_object();
        json_object_object_add(s, "text", json_object_new_string_len(
                                              text + spans[k].start,
                                              (int)(spans[k].end - spans[k].start)));
        json_object *src = json_object_new_object();
        json_object_object_add(src, "block", json_object_new_int64((int64_t)from));
        json_object *range = json_object_new_array();
        json_object_array_add(range, json_object_new_int64((int64_t)spans[k].start));
        json_object_array_add(range, json_object_new_int64((int64_t)spans[k].end));
        json_object_object_add(src, "span", range);
        json_object_object_add(s, "source", src);
        json_object_array_add(a, s);
    }
    return a;
}

static json_object *block_json(const post_model *m, size_t i)
{
    const gisa_block *b = m->blocks[i];
    json_object *o = json_object_new_object();
    put(o, "type", kind_name(b->kind));
    if (b->text)
        put(o, "text", b->text);
    if (b->url)
        put(o, "url", b->url);
    if (b->kind == GISA_BLOCK_LIST || b->kind == GISA_BLOCK_TABLE)
        json_object_object_add(o, "items", strings(b->items, b->nitems));
    if (b->kind == GISA_BLOCK_TABLE)
        json_object_object_add(o, "columns", json_object_new_int64((int64_t)b->ncols));
    size_t from = m->source_index[i];
    if (from == NO_SOURCE) { /* a heading or table gisa made */
        json_object_object_add(o, "generated", json_object_new_boolean(1));
        return o;
    }
    json_object *src = json_object_new_object();
    json_object_object_add(src, "block", json_object_new_int64((int64_t)from));
    json_object_object_add(src, "offset", json_object_new_int64((int64_t)b->offset));
    json_object_object_add(o, "source", src);
    const char *keys[4];
    size_t nk = key_sentences_of(m, i, keys, 4);
    if (nk)
        json_object_object_add(o, "key_sentences", strings(keys, nk));
    if (b->kind == GISA_BLOCK_PARAGRAPH || b->kind == GISA_BLOCK_QUOTE)
        json_object_object_add(o, "sentences", sentences_json(b->text, from));
    return o;
}

int render_post_json(const post_model *m, buf *out)
{
    json_object *o = json_object_new_object();
    if (!o)
        return 0;
    put(o, "title", m->title);
    put(o, "date", m->date);
    put(o, "slug", m->slug);
    put(o, "excerpt", m->excerpt);
    put(o, "image", m->image);
    put(o, "mode", m->opt.mode == GISA_MODE_SUMMARY ? "summary" : "full");
    json_object *src = json_object_new_object();
    put(src, "url", m->doc->url);
    put(src, "organisation", m->org);
    put(src, "title", m->doc->title);
    put(src, "license", m->doc->license);
    put(src, "license_text", m->doc->license_text);
    json_object_object_add(o, "source", src);
    json_object *blocks = json_object_new_array();
    for (size_t i = 0; i < m->nblocks; i++)
        json_object_array_add(blocks, block_json(m, i));
    json_object_object_add(o, "blocks", blocks);
    buf_puts(out, json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY |
                                                        JSON_C_TO_STRING_SPACED |
                                                        JSON_C_TO_STRING_NOSLASHESCAPE));
    buf_putc(out, '\n');
    json_object_put(o);
    return 1;
}
