/* htmlparse.c - a page through gisa's HTML5 parser (src/html/) into the
 * extractor's tree (dom.h).
 *
 * The parser builds the tree a browser builds (misnested tags, tables,
 * stray end tags, content after </html> all put where the HTML Standard
 * puts them) and enforces gisa's limits while it parses: a page over one
 * is refused by name, never cut short. Its tree is an array of nodes
 * linked by index with strings as slices of the input; the extractor's
 * rules read dom.h's pointer tree of NUL-terminated strings, made here in
 * one pass over that array, node i of one being node i of the other.
 *
 * Script and style bodies (41% of the bytes of the WCXB pages) are not
 * copied: no rule reads them, so those elements are left empty.
 * JSON-LD is kept: the metadata reads it. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../html/tree.h"
#include "../util/error.h"
#include "dom.h"
#include "extract.h"
#include "html.h"

/* The tree's strings are copied into one block, sized before the copy:
 * one allocation per page, not one per attribute and text (they were
 * 700,000 calls on a hundred pages). */
typedef struct strpool {
    char *p;
    dom_attr *at; /* the attributes, also sized before: one array */
} strpool;

static const char *copy_str(strpool *sp, html_str s)
{
    if (!s.n)
        return "";
    char *r = sp->p;
    memcpy(r, s.p, s.n);
    r[s.n] = '\0';
    sp->p += s.n + 1;
    return r;
}

static int known_name(const html_node *x)
{
    return x->tag != HTML_TAG_UNKNOWN && x->ns == HTML_NS_HTML;
}

static const char *element_name(strpool *sp, const html_node *x)
{
    return known_name(x) ? html_tag_name((html_tag)x->tag) : copy_str(sp, x->name);
}

static int is_json_ld(const html_node *x)
{
    for (uint32_t i = 0; i < x->n_attrs; i++) {
        const html_attr *at = &x->attrs[i];
        if (at->name.n == 4 && !memcmp(at->name.p, "type", 4))
            return at->value.n == 19 && !strncasecmp(at->value.p, "application/ld+json", 19);
    }
    return 0;
}

/* A script (not JSON-LD) or style element, whose text no rule reads; a
 * <noscript> too where it was parsed as text (its markup is never shown):
 * in <head>, or everywhere with scripting on. */
static int unread_body(const html_tree *t, const html_node *x, bool scripting)
{
    if (x->type != HTML_NODE_ELEMENT || x->ns != HTML_NS_HTML)
        return 0;
    if (x->tag == HTML_TAG_noscript)
        return scripting || t->nodes[x->parent].tag == HTML_TAG_head;
    return x->tag == HTML_TAG_style || (x->tag == HTML_TAG_script && !is_json_ld(x));
}

/* Bytes copy_str() takes for the attributes of x; *n their count. */
static size_t attrs_size(const html_node *x, uint32_t *n)
{
    size_t bytes = 0;
    for (uint32_t i = 0; i < x->n_attrs; i++)
        bytes += x->attrs[i].name.n + 1 + x->attrs[i].value.n + 1;
    *n = x->n_attrs;
    return bytes;
}

static dom_attr *copy_attrs(strpool *sp, const html_node *x)
{
    if (!x->n_attrs)
        return NULL;
    dom_attr *at = sp->at;
    sp->at += x->n_attrs;
    for (uint32_t i = 0; i < x->n_attrs; i++) {
        at[i].name = copy_str(sp, x->attrs[i].name);
        at[i].value = copy_str(sp, x->attrs[i].value);
        at[i].next = i + 1 < x->n_attrs ? &at[i + 1] : NULL;
    }
    return at;
}

/* Does s hold "</noscript" in any case? */
static int holds_noscript_end(html_str s)
{
    static const char end[] = "</noscript";
    for (const char *p = s.p, *e = s.p + s.n; (p = memchr(p, '<', (size_t)(e - p)));) {
        if ((size_t)(e - p) >= sizeof end - 1 && !strncasecmp(p, end, sizeof end - 1))
            return 1;
        p++;
    }
    return 0;
}

/* Parsed with scripting off, a <noscript> holds markup; but an <iframe>
 * (or <noembed>, <noframes>, <xmp>, <textarea>) in it whose end tag never
 * comes - "<iframe src=... />" - takes the rest of the page as its text,
 * </noscript> and the article with it. A browser, with scripting on,
 * reads the <noscript> as text and never sees that <iframe>: such a page
 * was written for that reading. */
static int swallowed_by_noscript_frame(const html_tree *t)
{
    for (uint32_t i = 1; i < t->n; i++) {
        const html_node *x = &t->nodes[i], *p = &t->nodes[x->parent];
        if (x->type != HTML_NODE_TEXT || p->type != HTML_NODE_ELEMENT || p->ns != HTML_NS_HTML)
            continue;
        if ((p->tag == HTML_TAG_iframe || p->tag == HTML_TAG_noembed ||
             p->tag == HTML_TAG_noframes || p->tag == HTML_TAG_xmp ||
             p->tag == HTML_TAG_textarea) &&
            holds_noscript_end(x->text))
            return 1;
    }
    return 0;
}

/* What the conversion of one tree works with. */
typedef struct conv {
    strpool sp;
    const html_tree *t;
    bool scripting;
    dom_node *dn;
} conv;

/* Is node i a text whose characters are copied? */
static int text_read(const conv *cv, const html_node *x)
{
    return x->type == HTML_NODE_TEXT &&
           !unread_body(cv->t, &cv->t->nodes[x->parent], cv->scripting);
}

/* Bytes copy_str() takes for node x, what the string pool must hold;
 * *attrs counts the attributes. */
static size_t node_bytes(const conv *cv, const html_node *x, size_t *attrs)
{
    uint32_t n_attrs;
    if (x->type == HTML_NODE_ELEMENT) {
        size_t n = (known_name(x) ? 0 : x->name.n + 1) + attrs_size(x, &n_attrs);
        *attrs += n_attrs;
        return n;
    }
    return text_read(cv, x) ? x->text.n + 1 : 0;
}

/* Node i of the HTML5 tree as node i of the extractor's. */
static void convert_node(conv *cv, uint32_t i)
{
    const html_tree *t = cv->t;
    const html_node *x = &t->nodes[i];
    dom_node *dn = cv->dn, *n = &dn[i];
    /* A <template>'s contents hang below it, as they are written: no rule
     * takes text from a template, but the notice search reads them (a
     * copyright line a script fills in). */
    uint32_t parent = x->parent;
    if (i && t->nodes[parent].type == HTML_NODE_TEMPLATE_CONTENT)
        parent = t->nodes[parent].parent;
    n->parent = i ? &dn[parent] : NULL;
    n->prev = x->prev ? &dn[x->prev] : NULL;
    n->next = x->next ? &dn[x->next] : NULL;
    n->children = x->first ? &dn[x->first] : NULL;
    n->last = x->last ? &dn[x->last] : NULL;
    n->line = x->line;
    n->name = n->content = "";
    n->attrs = NULL;
    n->info = NULL;
    n->tag = 0;
    n->kind = 0;
    switch (x->type) {
    case HTML_NODE_DOCUMENT:
        n->type = DOM_DOCUMENT;
        break;
    case HTML_NODE_ELEMENT:
        n->type = DOM_ELEMENT;
        n->name = element_name(&cv->sp, x);
        n->tag = x->tag;
        n->kind = (uint8_t)tag_of_name(n->tag, n->name);
        n->attrs = copy_attrs(&cv->sp, x);
        if (unread_body(t, x, cv->scripting))
            n->children = n->last = NULL;
        else if (x->first && t->nodes[x->first].type == HTML_NODE_TEMPLATE_CONTENT) {
            const html_node *c = &t->nodes[x->first];
            n->children = c->first ? &dn[c->first] : NULL;
            n->last = c->last ? &dn[c->last] : NULL;
        }
        break;
    case HTML_NODE_TEXT:
        n->type = DOM_TEXT;
        if (text_read(cv, x))
            n->content = copy_str(&cv->sp, x->text);
        break;
    default:
        n->type = DOM_OTHER;
        break;
    }
}

/* The extractor's tree of t, in out->mem; NULL when out of memory. */
static dom_node *convert_tree(arena *a, const html_tree *t, bool scripting)
{
    conv cv = {{NULL, NULL}, t, scripting, NULL};
    size_t bytes = 0, attrs = 0;
    for (uint32_t i = 0; i < t->n; i++)
        bytes += node_bytes(&cv, &t->nodes[i], &attrs);
    cv.dn = arena_alloc(a, t->n * sizeof *cv.dn); /* every field set below */
    cv.sp.p = arena_alloc(a, bytes ? bytes : 1);
    cv.sp.at = arena_alloc(a, (attrs ? attrs : 1) * sizeof *cv.sp.at);
    if (!cv.dn || !cv.sp.p || !cv.sp.at)
        return NULL;
    for (uint32_t i = 0; i < t->n; i++)
        convert_node(&cv, i);
    return cv.dn;
}

gisa_status html_parse(doc *d, const char *text, size_t len, dom_tree *out, gisa_error *err)
{
    const char *name = d->pub.source_name;
    /* --max-nodes counts elements, as for HWPX; text and comments are held
     * to four times as many nodes in all, which no real page comes near. */
    html5_limits lim = {.max_elements = d->max_nodes, .max_depth = d->max_depth};
    lim.max_nodes = d->max_nodes < (SIZE_MAX - 64) / 4 ? d->max_nodes * 4 + 64 : SIZE_MAX;
    html_tree t;
    arena_init(&out->mem);
    out->doc = NULL;
    /* Scripting off, as for a crawler: what a page puts in <noscript> for
     * readers without scripts (a forum's whole thread, say) is markup; but
     * not in <head>, where it would start the body early (tree.h). */
    bool scripting = false;
    html5_status st =
        html5_parse(&t, &out->mem, text, len, NULL, HTML5_HEAD_NOSCRIPT_TEXT, &lim);
    if (st == HTML5_OK && swallowed_by_noscript_frame(&t)) {
        html5_tree_free(&t);
        scripting = true;
        st = html5_parse(&t, &out->mem, text, len, NULL, HTML5_SCRIPTING, &lim);
    }
    if (st == HTML5_OK)
        out->doc = convert_tree(&out->mem, &t, scripting);
    char why[160];
    if (st == HTML5_OVER_ELEMENTS) /* the option's own name for it */
        snprintf(why, sizeof why, "more than %zu elements (the node limit) at line %u",
                 d->max_nodes, (unsigned)t.status_line);
    else if (st != HTML5_OK)
        html5_status_message(&t, why, sizeof why);
    html5_tree_free(&t);
    if (out->doc)
        return GISA_OK;
    arena_free(&out->mem);
    if (st == HTML5_OK || st == HTML5_NOMEM)
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory parsing the page", name);
    return gisa_fail(err, GISA_ERR_INPUT, "%s: %s", name, why);
}
