/* zapi.h - the zlib functions gisa calls (gzip input, HWP streams, WARC
 * archives, .jsonl.gz output, the corpus's content hash), loaded on first
 * use (util/lazylib.h): a PDF read opens zlib through poppler, after it,
 * and a library loaded before main is one more that every symbol lookup
 * of poppler's passes through first.
 *
 * As with libxml2 (xmlapi.h), the call sites keep zlib's own names: after
 * this header (included instead of zlib.h) each name below is a macro
 * calling through the table. zlib's own macros (inflateInit2) expand to
 * these names. gisa_load's gunzip, the HWP reader, warc_open, jsonl_open
 * and ingest call z_api_get first and fail with its message when zlib
 * cannot be loaded; every other call follows one of them. */
#ifndef GISA_ZAPI_H
#define GISA_ZAPI_H

#include <zlib.h>

#include "lazylib.h"

#define Z_FUNCS(X)                                                                 \
    X(int, inflateInit2_, (z_streamp, int, const char *, int))                     \
    X(int, inflate, (z_streamp, int))                                              \
    X(int, inflateReset, (z_streamp))                                              \
    X(int, inflateEnd, (z_streamp))                                                \
    X(uLong, crc32, (uLong, const Bytef *, uInt))                                  \
    X(gzFile, gzdopen, (int, const char *))                                        \
    X(int, gzwrite, (gzFile, voidpc, unsigned))                                    \
    X(int, gzputc, (gzFile, int))                                                  \
    X(int, gzflush, (gzFile, int))                                                 \
    X(int, gzclose, (gzFile))

typedef struct z_api {
    LAZYLIB_FIELDS(Z_FUNCS)
} z_api;

/* z_api_get: the functions, or NULL with *why naming the missing library;
 * z_api_loaded: the table, after a successful z_api_get. */
LAZYLIB_DECLARE(z_api, z_api)

#ifndef ZAPI_NO_REDIRECT /* (zapi.c checks the list against the real names) */
#define inflateInit2_(...) (z_api_loaded()->inflateInit2_)(__VA_ARGS__)
#define inflate(...) (z_api_loaded()->inflate)(__VA_ARGS__)
#define inflateReset(...) (z_api_loaded()->inflateReset)(__VA_ARGS__)
#define inflateEnd(...) (z_api_loaded()->inflateEnd)(__VA_ARGS__)
#define crc32(...) (z_api_loaded()->crc32)(__VA_ARGS__)
#define gzdopen(...) (z_api_loaded()->gzdopen)(__VA_ARGS__)
#define gzwrite(...) (z_api_loaded()->gzwrite)(__VA_ARGS__)
#define gzputc(...) (z_api_loaded()->gzputc)(__VA_ARGS__)
#define gzflush(...) (z_api_loaded()->gzflush)(__VA_ARGS__)
#define gzclose(...) (z_api_loaded()->gzclose)(__VA_ARGS__)
#endif

#endif
