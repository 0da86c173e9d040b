/* feed.c - RSS 2.0, RSS 1.0 (RDF) and Atom feeds, parsed from memory.
 *
 * libxml2 parses with no network, no DTD loading and no entity expansion
 * (XML_PARSE_NOENT is not given): an entity reference stays a node and is
 * never read, so a feed cannot pull in files or blow up in size. Text is
 * gathered from text and CDATA children only, for the same reason. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/url.h"
#include "../util/xmlapi.h"
#include "corpus.h"

#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_DC "http://purl.org/dc/elements/1.1/"

/* The end of a quoted string or comment starting at d[i], or len. */
static size_t skip_past(const unsigned char *d, size_t len, size_t i, const char *close)
{
    size_t n = strlen(close);
    const unsigned char *e = i < len ? memmem(d + i, len - i, close, n) : NULL;
    return e ? (size_t)(e - d) + n : len;
}

/* The end of a doctype declaration starting at d[i] ("<!DOCTYPE"), or
 * len. Its internal subset, between '[' and ']', is where entities are
 * declared, and holds '>' of its own (in declarations, quoted strings and
 * comments), so it is read through rather than cut at the first '>'. */
static size_t doctype_end(const unsigned char *d, size_t len, size_t i, int *subset)
{
    int inside = 0;
    for (i += 9; i < len; i++) {
        if (d[i] == '"' || d[i] == '\'')
            i = skip_past(d, len, i + 1, d[i] == '"' ? "\"" : "'") - 1;
        else if (inside && i + 3 < len && !memcmp(d + i, "<!--", 4))
            i = skip_past(d, len, i + 4, "-->") - 1;
        else if (d[i] == '[')
            inside = *subset = 1;
        else if (d[i] == ']')
            inside = 0;
        else if (d[i] == '>' && !inside)
            return i + 1;
    }
    return len;
}

/* Where the root element starts: past white space, a BOM, <?...?>,
 * <!--...--> and a doctype; len when something else comes first.
 * *subset tells whether the doctype has an internal subset. */
static size_t prolog_end(const unsigned char *d, size_t len, int *subset)
{
    size_t i = len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF ? 3 : 0;
    *subset = 0;
    for (int guard = 0; guard < 64; guard++) {
        while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n'))
            i++;
        if (i + 1 >= len || d[i] != '<')
            return len;
        if (d[i + 1] == '?')
            i = skip_past(d, len, i + 2, "?>");
        else if (i + 3 < len && !memcmp(d + i, "<!--", 4))
            i = skip_past(d, len, i + 4, "-->");
        else if (i + 8 < len && !memcmp(d + i, "<!DOCTYPE", 9))
            i = doctype_end(d, len, i, subset);
        else if (d[i + 1] == '!')
            return len;
        else
            return i;
    }
    return len;
}

int feed_sniff(const unsigned char *d, size_t len)
{
    int subset;
    size_t i = prolog_end(d, len, &subset);
    static const char *const roots[] = {"<rss", "<feed", "<rdf:RDF", "<RDF"};
    for (size_t k = 0; i < len && k < sizeof roots / sizeof *roots; k++) {
        size_t n = strlen(roots[k]);
        if (len - i > n && !memcmp(d + i, roots[k], n) &&
            (d[i + n] == ' ' || d[i + n] == '>' || d[i + n] == '\t' || d[i + n] == '\r' ||
             d[i + n] == '\n'))
            return 1;
    }
    return 0;
}

static int named(const xmlNode *n, const char *name, const char *ns)
{
    if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name))
        return 0;
    if (!ns)
        return 1;
    return n->ns && n->ns->href && !strcmp((const char *)n->ns->href, ns);
}

/* The text and CDATA children of `n`, trimmed; NULL if none. */
static char *text_of(const xmlNode *n)
{
    size_t len = 0;
    for (const xmlNode *c = n->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            len += strlen((const char *)c->content);
    char *out = malloc(len + 1), *o = out;
    if (!out)
        return NULL;
    for (const xmlNode *c = n->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            size_t k = strlen((const char *)c->content);
            memcpy(o, c->content, k);
            o += k;
        }
    *o = '\0';
    char *s = out + strspn(out, " \t\r\n");
    size_t k = strlen(s);
    while (k > 0 && strchr(" \t\r\n", s[k - 1]))
        k--;
    memmove(out, s, k);
    out[k] = '\0';
    if (!*out) {
        free(out);
        return NULL;
    }
    return out;
}

/* Atom content of type xhtml: its child elements, serialised. */
static char *markup_of(xmlDoc *doc, const xmlNode *n)
{
    xmlBuffer *buf = xmlBufferCreate();
    if (!buf)
        return NULL;
    for (xmlNode *c = n->children; c; c = c->next)
        xmlNodeDump(buf, doc, c, 0, 0);
    char *out = strdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    return out;
}

/* Bytes of text in an HTML fragment, tags left out. */
static size_t text_bytes(const char *html)
{
    size_t n = 0;
    int in_tag = 0;
    for (const char *p = html; *p; p++) {
        if (*p == '<')
            in_tag = 1;
        else if (*p == '>')
            in_tag = 0;
        else if (!in_tag && *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
            n++;
    }
    return n;
}

/* `href` made absolute against the node's base; NULL unless http(s). */
static char *absolute(xmlDoc *doc, xmlNode *n, const char *href)
{
    /* libxml2 knows the base (xml:base, the feed's own URL); the joining
     * is url.c's, so that a link reads the same from a feed as from the
     * page itself and the store sees one URL, not two spellings */
    xmlChar *base = xmlNodeGetBase(doc, n);
    char *out = url_resolve((const char *)base, href);
    xmlFree(base);
    if (out && strncmp(out, "http://", 7) && strncmp(out, "https://", 8)) {
        free(out);
        out = NULL;
    }
    return out;
}

static void set_once(char **slot, char *value)
{
    if (*slot || !value)
        free(value);
    else
        *slot = value;
}

/* The full text of an item, if it is long enough to stand for the page. */
static void take_content(feed_item *it, char *html)
{
    if (html && !it->content && text_bytes(html) >= FEED_MIN_CONTENT)
        it->content = html;
    else
        free(html);
}

static void rss_item(xmlDoc *doc, xmlNode *item, feed_item *it)
{
    char *guid = NULL;
    for (xmlNode *c = item->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (named(c, "title", NULL))
            set_once(&it->title, text_of(c));
        else if (named(c, "link", NULL) && !named(c, "link", NS_ATOM)) {
            char *t = text_of(c);
            if (t)
                set_once(&it->link, absolute(doc, c, t));
            free(t);
        } else if (named(c, "guid", NULL)) {
            xmlChar *perma = xmlGetProp(c, (const xmlChar *)"isPermaLink");
            if (!perma || strcmp((const char *)perma, "false"))
                set_once(&guid, text_of(c));
            xmlFree(perma);
        } else if (named(c, "pubDate", NULL) || named(c, "date", NS_DC))
            set_once(&it->date, text_of(c));
        else if (named(c, "encoded", NS_CONTENT))
            take_content(it, text_of(c));
    }
    if (!it->link && guid)
        it->link = absolute(doc, item, guid);
    free(guid);
}

static void atom_entry(xmlDoc *doc, xmlNode *entry, feed_item *it)
{
    for (xmlNode *c = entry->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !c->ns || strcmp((const char *)c->ns->href, NS_ATOM))
            continue;
        const char *name = (const char *)c->name;
        if (!strcmp(name, "title")) {
            set_once(&it->title, text_of(c));
        } else if (!strcmp(name, "link")) {
            xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
            xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
            if (href && (!rel || !strcmp((const char *)rel, "alternate")))
                set_once(&it->link, absolute(doc, c, (const char *)href));
            xmlFree(rel);
            xmlFree(href);
        } else if (!strcmp(name, "published") || !strcmp(name, "updated")) {
            set_once(&it->date, text_of(c));
        } else if (!strcmp(name, "content")) {
            xmlChar *type = xmlGetProp(c, (const xmlChar *)"type");
            if (type && !strcmp((const char *)type, "html"))
                take_content(it, text_of(c));
            else if (type && !strcmp((const char *)type, "xhtml"))
                take_content(it, markup_of(doc, c));
            xmlFree(type);
        }
    }
}

static void check_item(feed_item *it)
{
    if (!it->link && !it->content)
        it->problem = "no http(s) link and no full text";
}

/* Items of RSS (rss/channel/item, rdf:RDF/item) or Atom (feed/entry). */
static gisa_status collect(xmlDoc *doc, xmlNode *root, feed *out, size_t *cap)
{
    int atom = named(root, "feed", NS_ATOM);
    xmlNode *parents[2] = {root, NULL};
    for (xmlNode *c = root->children; c; c = c->next)
        if (named(c, "channel", NULL))
            parents[1] = c;
    for (int k = 0; k < 2; k++) {
        for (xmlNode *c = parents[k] ? parents[k]->children : NULL; c; c = c->next) {
            if (!(atom ? named(c, "entry", NS_ATOM) : named(c, "item", NULL)))
                continue;
            if (out->n == *cap) { /* no item limit: the input size bounds them */
                size_t ncap = *cap ? *cap * 2 : 64;
                feed_item *items = realloc(out->items, ncap * sizeof *items);
                if (!items)
                    return GISA_ERR_NOMEM;
                out->items = items;
                *cap = ncap;
            }
            feed_item *it = &out->items[out->n++];
            memset(it, 0, sizeof *it);
            if (atom)
                atom_entry(doc, c, it);
            else
                rss_item(doc, c, it);
            check_item(it);
        }
    }
    return GISA_OK;
}

/* A doctype with an internal subset ("<!DOCTYPE rss [ ... ]>") is where
 * entities are declared; no real feed has one, so none is parsed at all.
 * The prolog is read as libxml2 would read it; a "<!DOCTYPE" anywhere
 * with a '[' before its end is refused too, should the prolog hide it. */
static int has_internal_subset(const unsigned char *data, size_t len)
{
    int subset;
    prolog_end(data, len, &subset);
    const unsigned char *d = subset ? NULL : memmem(data, len, "<!DOCTYPE", 9);
    if (d)
        doctype_end(data, len, (size_t)(d - data), &subset);
    return subset;
}

static gisa_status fail(gisa_error *err, gisa_status st, const char *name, const char *what,
                        int line)
{
    err->status = st;
    char msg[300];
    snprintf(msg, sizeof msg, "%s", what ? what : "unreadable");
    msg[strcspn(msg, "\r\n")] = '\0';
    if (line > 0)
        snprintf(err->message, sizeof err->message, "%s: not a well-formed feed (line %d: %s)",
                 name, line, msg);
    else
        snprintf(err->message, sizeof err->message, "%s: %s", name, msg);
    return st;
}

gisa_status feed_parse(const unsigned char *data, size_t len, const char *name,
                       const char *base, feed *out, gisa_error *err)
{
    memset(out, 0, sizeof *out);
    if (!name)
        name = base ? base : "feed";
    if (len > (size_t)INT32_MAX)
        return fail(err, GISA_ERR_INPUT, name, "a feed over 2 GiB (libxml2's limit)", 0);
    if (has_internal_subset(data, len))
        return fail(err, GISA_ERR_INPUT, name,
                    "a feed declaring entities (internal DTD subset) is refused", 0);
    const char *why;
    if (!xml_api_get(&why))
        return fail(err, GISA_ERR_INPUT, name, why, 0);
    xmlParserCtxt *ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return fail(err, GISA_ERR_NOMEM, name, "out of memory", 0);
    /* XML_PARSE_HUGE: without it libxml2 refuses a text of over 10 MB in
     * one element (a long content:encoded) that --max-bytes admits, with
     * an error that does not say so. What else it lifts guards entity
     * expansion, which never happens here (no NOENT, no DTD, no subset). */
    xmlDoc *doc = xmlCtxtReadMemory(ctxt, (const char *)data, (int)len, base, NULL,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                        XML_PARSE_HUGE);
    gisa_status st = GISA_OK;
    size_t cap = 0;
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!doc) {
        const xmlError *e = &ctxt->lastError;
        st = fail(err, GISA_ERR_INPUT, name, e->message ? e->message : "not XML",
                  e->line > 0 ? e->line : 1);
    } else if (!root || !(named(root, "rss", NULL) || named(root, "feed", NS_ATOM) ||
                          named(root, "RDF", NULL))) {
        st = fail(err, GISA_ERR_INPUT, name, "not an RSS or Atom feed", 0);
    } else if (doc->intSubset && doc->intSubset->children) {
        st = fail(err, GISA_ERR_INPUT, name,
                  "a feed declaring entities (internal DTD subset) is refused", 0);
    } else if (collect(doc, root, out, &cap) != GISA_OK) {
        st = fail(err, GISA_ERR_NOMEM, name, "out of memory", 0);
    }
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    if (st != GISA_OK)
        feed_free(out);
    return st;
}

void feed_free(feed *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n; i++) {
        free(f->items[i].link);
        free(f->items[i].title);
        free(f->items[i].date);
        free(f->items[i].content);
    }
    free(f->items);
    memset(f, 0, sizeof *f);
}

/* Append `s` with <, >, & and " escaped. */
static char *put_escaped(char *o, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<': o = stpcpy(o, "&lt;"); break;
        case '>': o = stpcpy(o, "&gt;"); break;
        case '&': o = stpcpy(o, "&amp;"); break;
        case '"': o = stpcpy(o, "&quot;"); break;
        default: *o++ = *s;
        }
    }
    return o;
}

char *feed_item_page(const feed_item *it, size_t *len)
{
    const char *title = it->title ? it->title : "";
    const char *date = it->date ? it->date : "";
    /* escaping makes a byte at most 6 */
    size_t cap = 6 * (2 * strlen(title) + strlen(date)) + 512;
    cap += it->content ? strlen(it->content) : 0;
    char *out = malloc(cap), *o = out;
    if (!out)
        return NULL;
    o = stpcpy(o, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
    o = put_escaped(o, title);
    o = stpcpy(o, "</title>");
    if (*date) {
        o = stpcpy(o, "<meta property=\"article:published_time\" content=\"");
        o = put_escaped(o, date);
        o = stpcpy(o, "\">");
    }
    o = stpcpy(o, "</head>\n<body><article><h1>");
    o = put_escaped(o, title);
    o = stpcpy(o, "</h1>\n");
    o = stpcpy(o, it->content ? it->content : "");
    o = stpcpy(o, "\n</article></body></html>\n");
    *len = (size_t)(o - out);
    return out;
}
