/* uchardetapi.c - uchardet, loaded by the first page of undeclared
 * encoding (uchardetapi.h). */
#include "uchardetapi.h"

LAZYLIB_DEFINE(uchardet_api, uchardet_api, UCHARDET_FUNCS, GISA_UCHARDET_SONAME,
               "libuchardet0", "guessing a page's encoding")
