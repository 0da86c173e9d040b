/* pcre2api.h - the PCRE2 functions gisa calls (util/regex.h), loaded on
 * first use (util/lazylib.h): a PDF read opens PCRE2 through poppler's
 * GLib anyway, and loaded before main it was one more library that every
 * symbol lookup of poppler's passed through first.
 *
 * As with libxml2 (xmlapi.h), the call sites keep PCRE2's names: pcre2.h
 * makes pcre2_match and the rest macros for pcre2_match_8..., and after
 * this header each of those is a macro calling through the table.
 * gisa_extract calls pcre2_api_get first and fails with its message when
 * PCRE2 cannot be loaded: every pattern is matched on a document that
 * gisa_extract made. regex_compile returns NULL without it. */
#ifndef GISA_PCRE2API_H
#define GISA_PCRE2API_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "lazylib.h"

#define PCRE2_FUNCS(X)                                                             \
    X(pcre2_code *, pcre2_compile_8,                                               \
      (PCRE2_SPTR, PCRE2_SIZE, uint32_t, int *, PCRE2_SIZE *, pcre2_compile_context *)) \
    X(int, pcre2_jit_compile_8, (pcre2_code *, uint32_t))                          \
    X(int, pcre2_match_8,                                                          \
      (const pcre2_code *, PCRE2_SPTR, PCRE2_SIZE, PCRE2_SIZE, uint32_t,           \
       pcre2_match_data *, pcre2_match_context *))                                 \
    X(pcre2_match_data *, pcre2_match_data_create_8, (uint32_t, pcre2_general_context *)) \
    X(void, pcre2_match_data_free_8, (pcre2_match_data *))                         \
    X(PCRE2_SIZE *, pcre2_get_ovector_pointer_8, (pcre2_match_data *))

typedef struct pcre2_api {
    LAZYLIB_FIELDS(PCRE2_FUNCS)
} pcre2_api;

/* pcre2_api_get: the functions, or NULL with *why naming the missing
 * library; pcre2_api_loaded: the table, after a successful pcre2_api_get. */
LAZYLIB_DECLARE(pcre2_api, pcre2_api)

#ifndef PCRE2API_NO_REDIRECT /* (pcre2api.c checks the list against the real names) */
#define pcre2_compile_8(...) (pcre2_api_loaded()->pcre2_compile_8)(__VA_ARGS__)
#define pcre2_jit_compile_8(...) (pcre2_api_loaded()->pcre2_jit_compile_8)(__VA_ARGS__)
#define pcre2_match_8(...) (pcre2_api_loaded()->pcre2_match_8)(__VA_ARGS__)
#define pcre2_match_data_create_8(...) (pcre2_api_loaded()->pcre2_match_data_create_8)(__VA_ARGS__)
#define pcre2_match_data_free_8(...) (pcre2_api_loaded()->pcre2_match_data_free_8)(__VA_ARGS__)
#define pcre2_get_ovector_pointer_8(...)                                           \
    (pcre2_api_loaded()->pcre2_get_ovector_pointer_8)(__VA_ARGS__)
#endif

#endif
