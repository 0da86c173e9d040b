/* post.c - read a post back: YAML front matter and a Markdown body (which
 * may hold HTML, as blog editors write it).
 *
 * This is how `gisa check` reads a rewrite. Front matter is YAML ("---")
 * or, as Hugo also allows, TOML ("+++"). The front matter's title and
 * date are the document's; its excerpt, feature text, summary and
 * description are claims like any paragraph, so they become the first
 * blocks. cmark-gfm turns the body into HTML, and the HTML reader takes
 * every block of it: a post is all article, so nothing is selected away. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "extract.h"

#define FRONT_MATTER_MAX (256 * 1024)

/* Where the front matter's closing line ("---" for YAML, "+++" for TOML)
 * starts, or NULL. */
static const char *front_matter_end(const char *s, size_t len)
{
    if (len < 4 || (memcmp(s, "---", 3) != 0 && memcmp(s, "+++", 3) != 0) ||
        (s[3] != '\n' && s[3] != '\r'))
        return NULL;
    char fence[5] = {'\n', s[0], s[0], s[0], '\0'};
    size_t n = len < FRONT_MATTER_MAX ? len : FRONT_MATTER_MAX;
    for (const char *p = s + 3; (p = memmem(p, (size_t)(s + n - p), fence, 4)); p += 4) {
        const char *after = p + 4;
        if (after == s + len || *after == '\n' || *after == '\r')
            return p + 1;
    }
    return NULL;
}

int looks_like_post(const char *s, size_t len)
{
    return front_matter_end(s, len) != NULL;
}

static const char *scalar_of(yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static void take_field(doc *d, const char *key, const char *v)
{
    static const char *const claims[] = {"excerpt", "feature_text", "summary", "description",
                                         "subtitle"};
    char date[11];
    if (!strcmp(key, "title"))
        d->pub.title = text_clean_dup(&d->mem, v, strlen(v), 0);
    else if (!strcmp(key, "date") && find_visible_date(v, strlen(v), date))
        d->pub.date = arena_strdup(&d->mem, date);
    else if (!strcmp(key, "source_url") || !strcmp(key, "canonical_url"))
        d->pub.url = arena_strdup(&d->mem, v);
    else if (!strcmp(key, "source_org"))
        d->pub.publisher = text_clean_dup(&d->mem, v, strlen(v), 0);
    else if (!strcmp(key, "license"))
        d->pub.license = arena_strdup(&d->mem, v);
    else if (!strcmp(key, "author"))
        d->pub.author = text_clean_dup(&d->mem, v, strlen(v), 0);
    else
        for (size_t i = 0; i < sizeof claims / sizeof *claims; i++)
            if (!strcmp(key, claims[i]))
                doc_add_text(d, GISA_BLOCK_PARAGRAPH, 0, v, strlen(v), 0);
}

static void take_mapping(doc *d, yaml_document_t *y, yaml_node_t *map, int depth)
{
    if (!map || map->type != YAML_MAPPING_NODE || depth > 1)
        return;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        const char *key = scalar_of(yaml_document_get_node(y, p->key));
        yaml_node_t *v = yaml_document_get_node(y, p->value);
        if (!key)
            continue;
        if (!strcmp(key, "params")) /* Hugo keeps the source there */
            take_mapping(d, y, v, depth + 1);
        else if (scalar_of(v))
            take_field(d, key, scalar_of(v));
    }
}

static gisa_status read_front_matter(doc *d, const char *s, size_t len, gisa_error *err)
{
    yaml_parser_t parser;
    yaml_document_t y;
    if (!yaml_parser_initialize(&parser))
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", d->pub.source_name);
    yaml_parser_set_input_string(&parser, (const unsigned char *)s, len);
    int ok = yaml_parser_load(&parser, &y);
    gisa_status st = GISA_OK;
    if (!ok) {
        st = gisa_fail(err, GISA_ERR_INPUT, "%s: front matter is not valid YAML (line %zu: %s)",
                       d->pub.source_name, parser.problem_mark.line + 2,
                       parser.problem ? parser.problem : "parse error");
    } else {
        take_mapping(d, &y, yaml_document_get_root_node(&y), 0);
        yaml_document_delete(&y);
    }
    yaml_parser_delete(&parser);
    return st;
}

/* TOML front matter, as far as a post's fields go: `key = "value"` lines
 * (basic and literal strings, bare dates); tables such as [params] are
 * read as if their keys were at the top. Arrays and the rest are skipped. */
static void read_toml(doc *d, const char *s, size_t len)
{
    const char *end = s + len;
    while (s < end) {
        const char *eol = memchr(s, '\n', (size_t)(end - s));
        const char *line_end = eol ? eol : end;
        const char *eq = memchr(s, '=', (size_t)(line_end - s));
        if (eq && *s != '#' && *s != '[') {
            const char *k = s, *ke = eq, *v = eq + 1, *ve = line_end;
            while (k < ke && (*k == ' ' || *k == '\t')) k++;
            while (ke > k && (ke[-1] == ' ' || ke[-1] == '\t')) ke--;
            while (v < ve && (*v == ' ' || *v == '\t')) v++;
            while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t' || ve[-1] == '\r')) ve--;
            if (ve - v >= 2 && (*v == '"' || *v == '\'') && ve[-1] == *v) {
                v++;
                ve--;
            }
            char *key = strndup(k, (size_t)(ke - k)), *val = strndup(v, (size_t)(ve - v));
            if (key && val && *v != '[')
                take_field(d, key, val);
            free(key);
            free(val);
        }
        s = line_end + 1;
    }
}

static pthread_once_t extensions_once = PTHREAD_ONCE_INIT;

static void register_extensions(void)
{
    cmark_gfm_core_extensions_ensure_registered();
}

/* Markdown to HTML; raw HTML in the body is kept, since it is only read. */
static char *markdown_to_html(const char *s, size_t len)
{
    pthread_once(&extensions_once, register_extensions);
    int opts = CMARK_OPT_UNSAFE;
    cmark_parser *p = cmark_parser_new(opts);
    if (!p)
        return NULL;
    cmark_syntax_extension *table = cmark_find_syntax_extension("table");
    if (table)
        cmark_parser_attach_syntax_extension(p, table);
    cmark_parser_feed(p, s, len);
    cmark_node *root = cmark_parser_finish(p);
    char *html = root ? cmark_render_html(root, opts, cmark_parser_get_syntax_extensions(p))
                      : NULL;
    if (root)
        cmark_node_free(root);
    cmark_parser_free(p);
    return html;
}

gisa_status extract_post(doc *d, const decoded_text *t, gisa_error *err)
{
    const char *end = front_matter_end(t->text, t->len);
    if (!end)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: no front matter", d->pub.source_name);
    const char *fm = t->text + 4;
    gisa_status st = GISA_OK;
    if (t->text[0] == '+')
        read_toml(d, fm, (size_t)(end - fm));
    else
        st = read_front_matter(d, fm, (size_t)(end - fm), err);
    if (st != GISA_OK)
        return st;
    const char *body = end + 3;
    while (body < t->text + t->len && (*body == '\r' || *body == '\n'))
        body++;
    size_t body_len = (size_t)(t->text + t->len - body);
    char *html = markdown_to_html(body, body_len);
    if (!html)
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", d->pub.source_name);
    st = extract_html_whole(d, html, strlen(html), err);
    free(html);
    return st;
}
