/* utf8procapi.c - utf8proc, loaded by the first extraction (utf8procapi.h). */
#define UTF8PROCAPI_NO_REDIRECT /* the list is checked against utf8proc's own names */
#include "utf8procapi.h"

LAZYLIB_DEFINE(utf8proc_api, utf8proc_api, UTF8PROC_FUNCS, GISA_UTF8PROC_SONAME,
               "libutf8proc2", "normalising text")
