/* htmlparse.c - libxml2's HTML parser, with limits.
 *
 * A page's tree costs a few hundred bytes per element, so a hostile page
 * of tiny elements could take gigabytes long before any later check ran.
 * We count elements as the parser creates them (a wrapper around its SAX
 * start-element callback) and stop it at the limit. Depth is checked the
 * same way: libxml2 halts on its own past 256 levels and keeps what came
 * before, which would turn a hostile page into a silently cut one, so we
 * stop first and say so.
 */
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <limits.h>

#include "../util/error.h"
#include "extract.h"

typedef struct parse_guard {
    startElementSAXFunc start; /* the tree builder's own callback */
    size_t nodes, max_nodes;
    unsigned max_depth;
    int over; /* 0, or which limit stopped the parser */
} parse_guard;

enum { OVER_NODES = 1, OVER_DEPTH = 2 };

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

struct _xmlDoc *html_parse(doc *d, const char *text, size_t len, const char *url,
                           gisa_error *err)
{
    const char *name = d->pub.source_name;
    if (len > (size_t)INT_MAX) {
        gisa_fail(err, GISA_ERR_INPUT, "%s: page too large to parse", name);
        return NULL;
    }
    htmlParserCtxtPtr c = new_context(text, len, url);
    if (!c) {
        gisa_fail(err, GISA_ERR_NOMEM, "%s: cannot start the HTML parser", name);
        return NULL;
    }
    parse_guard g = {c->sax->startElement, 0, d->max_nodes, d->max_depth, 0};
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
