/* zipapi.h - the libzip functions the HWPX reader calls, loaded on the
 * first HWPX document: libzip brings OpenSSL and three compressors that
 * no other input needs (util/lazylib.h). extract_hwpx calls zip_api_get;
 * the calls after it go through ZP(name). */
#ifndef GISA_ZIPAPI_H
#define GISA_ZIPAPI_H

#include <zip.h>

#include "../util/lazylib.h"

#define ZIP_FUNCS(X)                                                               \
    X(void, zip_error_init, (zip_error_t *))                                       \
    X(void, zip_error_fini, (zip_error_t *))                                       \
    X(const char *, zip_error_strerror, (zip_error_t *))                           \
    X(int, zip_error_code_zip, (const zip_error_t *))                              \
    X(zip_source_t *, zip_source_buffer_create,                                    \
      (const void *, zip_uint64_t, int, zip_error_t *))                            \
    X(void, zip_source_free, (zip_source_t *))                                     \
    X(zip_t *, zip_open_from_source, (zip_source_t *, int, zip_error_t *))         \
    X(void, zip_discard, (zip_t *))                                                \
    X(zip_error_t *, zip_get_error, (zip_t *))                                     \
    X(const char *, zip_strerror, (zip_t *))                                       \
    X(zip_int64_t, zip_name_locate, (zip_t *, const char *, zip_flags_t))          \
    X(zip_file_t *, zip_fopen_index, (zip_t *, zip_uint64_t, zip_flags_t))         \
    X(zip_int64_t, zip_fread, (zip_file_t *, void *, zip_uint64_t))                \
    X(const char *, zip_file_strerror, (zip_file_t *))                             \
    X(int, zip_fclose, (zip_file_t *))

typedef struct zip_api {
    LAZYLIB_FIELDS(ZIP_FUNCS)
} zip_api;
LAZYLIB_DECLARE(zip_api, zip_api)

#define ZP(name) (zip_api_loaded()->name)

#endif
