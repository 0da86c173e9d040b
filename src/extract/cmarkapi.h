/* cmarkapi.h - the cmark-gfm functions the Markdown post reader calls,
 * loaded on the first post (util/lazylib.h): no other input needs them.
 * One handle, on the extensions library: dlsym searches what it depends
 * on, cmark-gfm itself. extract_post calls cmark_api_get; the calls after
 * it go through CM(name). */
#ifndef GISA_CMARKAPI_H
#define GISA_CMARKAPI_H

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "../util/lazylib.h"

#define CMARK_FUNCS(X)                                                             \
    X(void, cmark_gfm_core_extensions_ensure_registered, (void))                   \
    X(cmark_syntax_extension *, cmark_find_syntax_extension, (const char *))       \
    X(cmark_parser *, cmark_parser_new, (int))                                     \
    X(int, cmark_parser_attach_syntax_extension,                                   \
      (cmark_parser *, cmark_syntax_extension *))                                  \
    X(void, cmark_parser_feed, (cmark_parser *, const char *, size_t))             \
    X(cmark_node *, cmark_parser_finish, (cmark_parser *))                         \
    X(cmark_llist *, cmark_parser_get_syntax_extensions, (cmark_parser *))         \
    X(char *, cmark_render_html, (cmark_node *, int, cmark_llist *))               \
    X(void, cmark_node_free, (cmark_node *))                                       \
    X(void, cmark_parser_free, (cmark_parser *))

typedef struct cmark_api {
    LAZYLIB_FIELDS(CMARK_FUNCS)
} cmark_api;
LAZYLIB_DECLARE(cmark_api, cmark_api)

#define CM(name) (cmark_api_loaded()->name)

#endif
