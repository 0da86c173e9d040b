/* uchardetapi.h - the uchardet functions the decoder calls to guess the
 * encoding of a page that declares none, loaded on first use
 * (util/lazylib.h): UTF-8 pages, declared ones, PDF and HWP files never
 * need it, and it brings libstdc++ into every process before main. The
 * decoder calls uchardet_api_get and the calls after it go through
 * UD(name). */
#ifndef GISA_UCHARDETAPI_H
#define GISA_UCHARDETAPI_H

#include <uchardet.h>

#include "../util/lazylib.h"

#define UCHARDET_FUNCS(X)                                                          \
    X(uchardet_t, uchardet_new, (void))                                            \
    X(void, uchardet_delete, (uchardet_t))                                         \
    X(int, uchardet_handle_data, (uchardet_t, const char *, size_t))               \
    X(void, uchardet_data_end, (uchardet_t))                                       \
    X(const char *, uchardet_get_charset, (uchardet_t))

typedef struct uchardet_api {
    LAZYLIB_FIELDS(UCHARDET_FUNCS)
} uchardet_api;
LAZYLIB_DECLARE(uchardet_api, uchardet_api)

#define UD(name) (uchardet_api_loaded()->name)

#endif
