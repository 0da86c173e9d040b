/* cmarkapi.c - cmark-gfm, loaded on the first Markdown post (cmarkapi.h). */
#include "cmarkapi.h"

LAZYLIB_DEFINE(cmark_api, cmark_api, CMARK_FUNCS, GISA_CMARK_SONAME,
               "libcmark-gfm-extensions0.29.0.gfm.6", "reading Markdown posts")
