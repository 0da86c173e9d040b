/* xmlapi.h - the libxml2 functions gisa calls (HWPX parts, feeds; HTML
 * pages and their URLs are gisa's own: src/html/, util/url.c), loaded on
 * first use (util/lazylib.h).
 *
 * Why: libxml2 brings ICU (libicuuc, 30 MB of libicudata) and liblzma,
 * and every object loaded before main also slows every later symbol
 * lookup, such as the thousands poppler makes when a PDF is read. A PDF,
 * an HWP file or `gisa --version` never needs libxml2.
 *
 * Unlike the other lazy libraries, the call sites keep libxml2's own
 * names: after this header (included instead of libxml2's), each name in
 * the list below is a macro that calls through the table, so the code
 * reads as plain libxml2 and a new call must be added to the list or the
 * library will not link (libxml2 is not linked). Types, constants and
 * struct fields come from libxml2's headers as before.
 *
 * The entry points that start libxml2's work (the HWPX reader, the feed
 * reader, ingest) call xml_api_get and fail with its message when
 * libxml2 cannot be loaded;
 * every other call works on a tree one of them built, so the table is
 * loaded by then. */
#ifndef GISA_XMLAPI_H
#define GISA_XMLAPI_H

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlsave.h>

#include "lazylib.h"

#define XML_FUNCS(X)                                                               \
    X(void, xmlInitParser, (void))                                                 \
    X(xmlParserCtxtPtr, xmlNewParserCtxt, (void))                                  \
    X(void, xmlFreeParserCtxt, (xmlParserCtxtPtr))                                 \
    X(xmlDocPtr, xmlCtxtReadMemory,                                                \
      (xmlParserCtxtPtr, const char *, int, const char *, const char *, int))      \
    X(xmlDocPtr, xmlReadMemory, (const char *, int, const char *, const char *, int)) \
    X(void, xmlFreeDoc, (xmlDocPtr))                                               \
    X(xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *))                          \
    X(xmlChar *, xmlGetProp, (const xmlNode *, const xmlChar *))                   \
    X(xmlChar *, xmlNodeGetContent, (const xmlNode *))                             \
    X(xmlChar *, xmlNodeGetBase, (const xmlDoc *, const xmlNode *))                \
    X(xmlBufferPtr, xmlBufferCreate, (void))                                       \
    X(const xmlChar *, xmlBufferContent, (const xmlBuffer *))                      \
    X(void, xmlBufferFree, (xmlBufferPtr))                                         \
    X(int, xmlNodeDump, (xmlBufferPtr, xmlDocPtr, xmlNodePtr, int, int))           \
    X(int, xmlMemGet, (xmlFreeFunc *, xmlMallocFunc *, xmlReallocFunc *, xmlStrdupFunc *))

typedef struct xml_api {
    LAZYLIB_FIELDS(XML_FUNCS)
} xml_api;

/* xml_api_get: the functions, or NULL with *why naming the missing
 * library; xml_api_loaded: the table, after a successful xml_api_get. */
LAZYLIB_DECLARE(xml_api, xml_api)

#define XML_API(name) (xml_api_loaded()->name)

/* xmlFree is not a function but libxml2's global pointer to its free
 * function (set by xmlMemSetup): ask for its current value each time. */
static inline void xml_api_free(void *p)
{
    xmlFreeFunc f = NULL;
    XML_API(xmlMemGet)(&f, NULL, NULL, NULL);
    f(p);
}

#ifndef XMLAPI_NO_REDIRECT /* (xmlapi.c checks the list against the real names) */
#define xmlFree(p) xml_api_free(p)
#define xmlInitParser(...) XML_API(xmlInitParser)(__VA_ARGS__)
#define xmlNewParserCtxt(...) XML_API(xmlNewParserCtxt)(__VA_ARGS__)
#define xmlFreeParserCtxt(...) XML_API(xmlFreeParserCtxt)(__VA_ARGS__)
#define xmlCtxtReadMemory(...) XML_API(xmlCtxtReadMemory)(__VA_ARGS__)
#define xmlReadMemory(...) XML_API(xmlReadMemory)(__VA_ARGS__)
#define xmlFreeDoc(...) XML_API(xmlFreeDoc)(__VA_ARGS__)
#define xmlDocGetRootElement(...) XML_API(xmlDocGetRootElement)(__VA_ARGS__)
#define xmlGetProp(...) XML_API(xmlGetProp)(__VA_ARGS__)
#define xmlNodeGetContent(...) XML_API(xmlNodeGetContent)(__VA_ARGS__)
#define xmlNodeGetBase(...) XML_API(xmlNodeGetBase)(__VA_ARGS__)
#define xmlBufferCreate(...) XML_API(xmlBufferCreate)(__VA_ARGS__)
#define xmlBufferContent(...) XML_API(xmlBufferContent)(__VA_ARGS__)
#define xmlBufferFree(...) XML_API(xmlBufferFree)(__VA_ARGS__)
#define xmlNodeDump(...) XML_API(xmlNodeDump)(__VA_ARGS__)
#endif

#endif
