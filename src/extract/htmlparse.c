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

static const char *copy_str(arena *a, html_str s)
{
    return s.n ? arena_strndup(a, s.p, s.n) : "";
}

static const char *element_name(arena *a, const html_node *x)
{
    if (x->tag != HTML_TAG_UNKNOWN && x->ns == HTML_NS_HTML)
        return html_tag_name((html_tag)x->tag);
    return copy_str(a, x->name);
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

static dom_attr *copy_attrs(arena *a, const html_node *x)
{
    if (!x->n_attrs)
        return NULL;
    dom_attr *at = arena_alloc(a, x->n_attrs * sizeof *at);
    for (uint32_t i = 0; i < x->n_attrs; i++) {
        at[i].name = copy_str(a, x->attrs[i].name);
        at[i].value = copy_str(a, x->attrs[i].value);
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

/* Node i of the HTML5 tree as node i of the extractor's. */
static void convert_node(arena *a, const html_tree *t, bool scripting, dom_node *dn,
                         uint32_t i)
{
    const html_node *x = &t->nodes[i];
    dom_node *n = &dn[i];
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
    switch (x->type) {
    case HTML_NODE_DOCUMENT:
        n->type = DOM_DOCUMENT;
        break;
    case HTML_NODE_ELEMENT:
        n->type = DOM_ELEMENT;
        n->name = element_name(a, x);
        n->tag = x->tag;
        n->attrs = copy_attrs(a, x);
        if (unread_body(t, x, scripting))
            n->children = n->last = NULL;
        else if (x->first && t->nodes[x->first].type == HTML_NODE_TEMPLATE_CONTENT) {
            const html_node *c = &t->nodes[x->first];
            n->children = c->first ? &dn[c->first] : NULL;
            n->last = c->last ? &dn[c->last] : NULL;
        }
        break;
    case HTML_NODE_TEXT:
        n->type = DOM_TEXT;
        if (!unread_body(t, &t->nodes[x->parent], scripting))
            n->content = copy_str(a, x->text);
        break;
    default:
        n->type = DOM_OTHER;
        break;
    }
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
    if (st == HTML5_OK) {
        dom_node *dn = arena_calloc(&out->mem, t.n, sizeof *dn);
        if (dn) {
            for (uint32_t i = 0; i < t.n; i++)
                convert_node(&out->mem, &t, scripting, dn, i);
            out->doc = dn;
        }
    }
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
