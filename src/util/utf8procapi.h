/* utf8procapi.h - the utf8proc functions gisa calls (normalisation,
 * categories, case), loaded on first use (util/lazylib.h): loaded before
 * main, utf8proc was one more library that each of poppler's symbol
 * lookups, made when a PDF read opens it, passed through first.
 *
 * As with libxml2 (xmlapi.h), the call sites keep utf8proc's names: after
 * this header (included instead of utf8proc.h) each name below is a macro
 * calling through the table. gisa_extract calls utf8proc_api_get first and
 * fails with its message when utf8proc cannot be loaded: all the text
 * these functions see is read by it or belongs to a document it made. */
#ifndef GISA_UTF8PROCAPI_H
#define GISA_UTF8PROCAPI_H

#include <utf8proc.h>

#include "lazylib.h"

#define UTF8PROC_FUNCS(X)                                                          \
    X(utf8proc_ssize_t, utf8proc_iterate,                                          \
      (const utf8proc_uint8_t *, utf8proc_ssize_t, utf8proc_int32_t *))            \
    X(utf8proc_ssize_t, utf8proc_encode_char, (utf8proc_int32_t, utf8proc_uint8_t *)) \
    X(const utf8proc_property_t *, utf8proc_get_property, (utf8proc_int32_t))      \
    X(utf8proc_ssize_t, utf8proc_decompose_char,                                   \
      (utf8proc_int32_t, utf8proc_int32_t *, utf8proc_ssize_t, utf8proc_option_t, int *)) \
    X(utf8proc_int32_t, utf8proc_tolower, (utf8proc_int32_t))                      \
    X(utf8proc_category_t, utf8proc_category, (utf8proc_int32_t))                  \
    X(utf8proc_ssize_t, utf8proc_map,                                              \
      (const utf8proc_uint8_t *, utf8proc_ssize_t, utf8proc_uint8_t **, utf8proc_option_t))

typedef struct utf8proc_api {
    LAZYLIB_FIELDS(UTF8PROC_FUNCS)
} utf8proc_api;

/* utf8proc_api_get: the functions, or NULL with *why naming the missing
 * library; utf8proc_api_loaded: the table, after a successful _get. */
LAZYLIB_DECLARE(utf8proc_api, utf8proc_api)

#ifndef UTF8PROCAPI_NO_REDIRECT /* (utf8procapi.c checks the list against the real names) */
#define utf8proc_iterate(...) (utf8proc_api_loaded()->utf8proc_iterate)(__VA_ARGS__)
#define utf8proc_encode_char(...) (utf8proc_api_loaded()->utf8proc_encode_char)(__VA_ARGS__)
#define utf8proc_get_property(...) (utf8proc_api_loaded()->utf8proc_get_property)(__VA_ARGS__)
#define utf8proc_decompose_char(...)                                               \
    (utf8proc_api_loaded()->utf8proc_decompose_char)(__VA_ARGS__)
#define utf8proc_tolower(...) (utf8proc_api_loaded()->utf8proc_tolower)(__VA_ARGS__)
#define utf8proc_category(...) (utf8proc_api_loaded()->utf8proc_category)(__VA_ARGS__)
#define utf8proc_map(...) (utf8proc_api_loaded()->utf8proc_map)(__VA_ARGS__)
#endif

#endif
