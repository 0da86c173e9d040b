/* htmlparse.c - libxml2's HTML parser, with limits.
 *
 * A page's tree costs a few hundred bytes per element, so a hostile page
 * of tiny elements could take gigabytes long before any later check ran.
 * We count elements as the parser creates them (a wrapper around its SAX
 * start-element callback) and stop it at the limit. Depth is checked the
 * same way: libxml2 halts on its own past 256 levels and keeps what came
 * before, which would turn a hostile page into a silently cut one, so we
 * stop first and say so.
 *
 * The same callback skips script and style bodies (see skip_raw_text).
 */
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "../util/error.h"
#include "../util/xmlapi.h"
#include "dom.h"
#include "extract.h"

typedef struct parse_guard {
    startElementSAXFunc start; /* the tree builder's own callback */
    const char *text;          /* the page as we gave it to the parser */
    size_t len;
    size_t nodes, max_nodes;
    unsigned max_depth;
    int over; /* 0, or which limit stopped the parser */
} parse_guard;

enum { OVER_NODES = 1, OVER_DEPTH = 2 };

static int is_json_ld(const xmlChar **atts)
{
    for (; atts && atts[0]; atts += 2)
        if (!xmlStrcasecmp(atts[0], BAD_CAST "type"))
            return atts[1] && !xmlStrcasecmp(atts[1], BAD_CAST "application/ld+json");
    return 0;
}

/* Bytes of one 64-bit word that equal c, as their top bits (exact: no
 * carry crosses a byte). */
static inline uint64_t bytes_equal(uint64_t x, unsigned char c)
{
    const uint64_t low7 = 0x7f7f7f7f7f7f7f7fu;
    uint64_t t = x ^ (0x0101010101010101u * c);
    return ~(((t & low7) + low7) | t) & ~low7;
}

/* Scans [p, e), which holds no '<': counts its line breaks into *lines;
 * 0 when it holds a control character libxml2 may stop at (below 0x20,
 * not tab, line feed or carriage return), else 1. Eight bytes at a time:
 * script bodies are most of a page's bytes. */
static int plain_span(const xmlChar *p, const xmlChar *e, int *lines)
{
    const uint64_t low7 = 0x7f7f7f7f7f7f7f7fu;
    for (; e - p >= 8; p += 8) {
        uint64_t x;
        memcpy(&x, p, 8);
        /* top bit of each byte below 0x20 */
        uint64_t ctl = ~(((x & low7) + 0x6060606060606060u) | x) & ~low7;
        if (!ctl)
            continue;
        uint64_t nl = bytes_equal(x, '\n');
        if (ctl & ~(nl | bytes_equal(x, '\t') | bytes_equal(x, '\r')))
            return 0;
        *lines += __builtin_popcountll(nl);
    }
    for (; p < e; p++) {
        if (*p == '\n')
            ++*lines;
        else if (*p < 0x20 && *p != '\t' && *p != '\r')
            return 0;
    }
    return 1;
}

/* Where libxml2 would end a script or style body that starts at p: at the
 * first "</" and the element's name in any case (htmlParseScript in
 * recovery mode), or at a control character, where it may stop early.
 * NULL in that case and when the body runs to the end of the page.
 * *lines counts the line breaks before the end, which libxml2 would have
 * counted for the line numbers of later nodes. */
static const xmlChar *raw_text_end(const xmlChar *p, const xmlChar *end, const xmlChar *name,
                                   int *lines)
{
    size_t n = strlen((const char *)name);
    *lines = 0;
    for (const xmlChar *q = p; q < end;) {
        const xmlChar *lt = memchr(q, '<', (size_t)(end - q));
        if (!lt || !plain_span(q, lt, lines))
            return NULL;
        if ((size_t)(end - lt) > n + 2 && lt[1] == '/' &&
            !xmlStrncasecmp(lt + 2, name, (int)n))
            return lt;
        q = lt + 1;
    }
    return NULL;
}

/* Script and style bodies are 41% of the bytes of the WCXB pages, and
 * libxml2 2.9 reads them a character at a time only for us to drop them.
 * So when one opens we move the parser to where it would end the body
 * anyway: the tree is the same, less that text. JSON-LD is kept (the
 * metadata reads it). The parser stands on the start tag's '>', which it
 * has yet to consume; we write a '>' just before the end tag and move it
 * there. That is only done in the parser's own copy of the page (libxml2
 * 2.9 copies memory input); where it reads our buffer, nothing is
 * skipped. */
static void skip_raw_text(htmlParserCtxtPtr c, const parse_guard *g, const xmlChar *name,
                          const xmlChar **atts)
{
    xmlParserInputPtr in = c->input;
    int script = !xmlStrcmp(name, BAD_CAST "script");
    if ((!script && xmlStrcmp(name, BAD_CAST "style")) || (script && is_json_ld(atts)) ||
        !in || !in->cur || in->cur >= in->end || *in->cur != '>')
        return;
    uintptr_t from = (uintptr_t)in->base, to = (uintptr_t)in->end;
    if (to > (uintptr_t)g->text && from < (uintptr_t)g->text + g->len)
        return; /* the parser reads our buffer: do not write into it */
    int lines;
    const xmlChar *stop = raw_text_end(in->cur + 1, in->end, name, &lines);
    if (!stop || stop - 1 <= in->cur)
        return;
    ((xmlChar *)stop)[-1] = '>';
    in->cur = stop - 1;
    in->line += lines;
}

static void guarded_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    htmlParserCtxtPtr c = ctx;
    parse_guard *g = c->_private;
    if (g->over)
        return;
    if (++g->nodes > g->max_nodes)
        g->over = OVER_NODES;
    else if (c->nameNr > 0 && (unsigned)c->nameNr > g->max_depth)
        g->over = OVER_DEPTH;
    if (g->over) {
        xmlStopParser(c);
        return;
    }
    g->start(ctx, name, atts);
    skip_raw_text(c, g, name, atts);
}

static const int PARSE_OPTIONS = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                 HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                 HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;

static htmlParserCtxtPtr new_context(const char *text, size_t len, const char *url)
{
    htmlParserCtxtPtr c = htmlCreateMemoryParserCtxt(text, (int)len);
    if (!c)
        return NULL;
    htmlCtxtUseOptions(c, PARSE_OPTIONS);
    /* XML_PARSE_HUGE (which htmlCtxtUseOptions of libxml2 2.9 does not
     * take): without it libxml2 cuts any text node at 10,000,000 bytes
     * and goes on, so a 22 MB paragraph came out as its first 10 MB, exit
     * 0. The page is bounded by gisa's own limits (input bytes, nodes,
     * depth), each refused by name; libxml2's must not cut it first. */
    c->options |= XML_PARSE_HUGE;
    /* The text is UTF-8 already (decode_utf8); a <meta charset> inside
     * must not switch the parser to another encoding. */
    xmlSwitchEncoding(c, XML_CHAR_ENCODING_UTF8);
    if (url && c->input && !c->input->filename)
        c->input->filename = (char *)xmlStrdup((const xmlChar *)url);
    return c;
}

static int named(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !xmlStrcasecmp(n->name, BAD_CAST name);
}

static void move_into(xmlNode *body, xmlNode *c)
{
    xmlUnlinkNode(c);
    if (!xmlAddChild(body, c))
        xmlFreeNode(c);
}

/* The children of a second <html> (and of its <body>), not its <head>. */
static void move_children(xmlNode *body, xmlNode *from)
{
    xmlNode *next;
    for (xmlNode *c = from->children; c; c = next) {
        next = c->next;
        if (named(c, "body"))
            move_children(body, c);
        else if (!named(c, "head"))
            move_into(body, c);
    }
}

/* A stray </body></html> mid-page (a template included whole) makes
 * libxml2 put the rest of the page beside <body>, or in a second <html>
 * after the first. Browsers take it back into the body, and so do we. */
static void rejoin_body(xmlDoc *x)
{
    xmlNode *root = xmlDocGetRootElement(x), *body = NULL;
    for (xmlNode *c = root ? root->children : NULL; c && !body; c = c->next)
        if (named(c, "body"))
            body = c;
    if (!body)
        return;
    while (body->next)
        move_into(body, body->next);
    xmlNode *next;
    for (xmlNode *c = root->next; c; c = next) {
        next = c->next;
        if (named(c, "html"))
            move_children(body, c);
        else if (c->type == XML_ELEMENT_NODE || c->type == XML_TEXT_NODE)
            move_into(body, c);
    }
}

static const char *dom_str(arena *a, const xmlChar *s)
{
    return s ? arena_strdup(a, (const char *)s) : "";
}

static dom_node *dom_copy(arena *a, const xmlNode *x, dom_node *parent)
{
    dom_node *n = arena_calloc(a, 1, sizeof *n);
    n->parent = parent;
    n->name = n->content = "";
    n->line = (uint32_t)xmlGetLineNo(x);
    switch (x->type) {
    case XML_ELEMENT_NODE: {
        n->type = DOM_ELEMENT;
        n->name = dom_str(a, x->name);
        dom_attr **tail = &n->attrs;
        for (const xmlAttr *p = x->properties; p; p = p->next) {
            dom_attr *at = arena_calloc(a, 1, sizeof *at);
            at->name = dom_str(a, p->name);
            at->value = p->children ? dom_str(a, p->children->content) : "";
            *tail = at;
            tail = &at->next;
        }
        break;
    }
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
        n->type = DOM_TEXT;
        n->content = dom_str(a, x->content);
        break;
    case XML_DOCUMENT_NODE:
    case XML_HTML_DOCUMENT_NODE:
        n->type = DOM_DOCUMENT;
        break;
    default:
        n->type = DOM_OTHER;
        break;
    }
    if (x->type == XML_ELEMENT_NODE || x->type == XML_DOCUMENT_NODE ||
        x->type == XML_HTML_DOCUMENT_NODE)
        for (const xmlNode *c = x->children; c; c = c->next) {
            dom_node *k = dom_copy(a, c, n);
            k->prev = n->last;
            if (n->last)
                n->last->next = k;
            else
                n->children = k;
            n->last = k;
        }
    return n;
}

struct _xmlDoc *html_parse_libxml2(doc *d, const char *text, size_t len, const char *url,
                                  gisa_error *err)
{
    const char *name = d->pub.source_name, *why;
    if (!xml_api_get(&why)) {
        gisa_fail(err, GISA_ERR_INPUT, "%s: %s", name, why);
        return NULL;
    }
    if (len > (size_t)INT_MAX) {
        gisa_fail(err, GISA_ERR_INPUT, "%s: page too large to parse", name);
        return NULL;
    }
    htmlParserCtxtPtr c = new_context(text, len, url);
    if (!c) {
        gisa_fail(err, GISA_ERR_NOMEM, "%s: cannot start the HTML parser", name);
        return NULL;
    }
    parse_guard g = {c->sax->startElement, text, len, 0, d->max_nodes, d->max_depth, 0};
    c->sax->startElement = guarded_start;
    c->_private = &g;
    htmlParseDocument(c);
    xmlDoc *x = c->myDoc;
    c->myDoc = NULL;
    htmlFreeParserCtxt(c);
    if (g.over && x) {
        xmlFreeDoc(x);
        x = NULL;
    }
    if (g.over == OVER_NODES)
        gisa_fail(err, GISA_ERR_INPUT, "%s: more than %zu elements (the node limit)",
                  name, d->max_nodes);
    else if (g.over == OVER_DEPTH)
        gisa_fail(err, GISA_ERR_INPUT,
                  "%s: elements nested more than %u deep (the depth limit)", name,
                  d->max_depth);
    else if (!x)
        gisa_fail(err, GISA_ERR_INPUT, "%s: cannot parse as HTML", name);
    if (x)
        rejoin_body(x);
    return x;
}

gisa_status html_parse(doc *d, const char *text, size_t len, const char *url,
                       dom_tree *out, gisa_error *err)
{
    xmlDoc *x = html_parse_libxml2(d, text, len, url, err);
    if (!x)
        return err->status;
    arena_init(&out->mem);
    out->doc = dom_copy(&out->mem, (xmlNode *)x, NULL);
    xmlFreeDoc(x);
    return GISA_OK;
}
