/* pcre2api.c - PCRE2, loaded by the first extraction (pcre2api.h). */
#define PCRE2API_NO_REDIRECT /* the list is checked against PCRE2's own names */
#include "pcre2api.h"

LAZYLIB_DEFINE(pcre2_api, pcre2_api, PCRE2_FUNCS, GISA_PCRE2_SONAME, "libpcre2-8-0",
               "matching text patterns")
