/* curlapi.h - the libcurl functions gisa calls (fetching pages, asking a
 * model), loaded on first use: libcurl brings some twenty libraries
 * (GnuTLS, OpenSSL, Kerberos, LDAP, nghttp2...) that reading a file never
 * needs (util/lazylib.h). An entry point calls curl_api_get and fails with
 * its message; the calls after it go through CU(name). */
#ifndef GISA_CURLAPI_H
#define GISA_CURLAPI_H

#include <curl/curl.h>

#include "lazylib.h"

#define CURL_FUNCS(X)                                                              \
    X(CURLcode, curl_global_init, (long))                                          \
    X(CURL *, curl_easy_init, (void))                                              \
    X(void, curl_easy_cleanup, (CURL *))                                           \
    X(void, curl_easy_reset, (CURL *))                                             \
    X(CURLcode, curl_easy_setopt, (CURL *, CURLoption, ...))                       \
    X(CURLcode, curl_easy_getinfo, (CURL *, CURLINFO, ...))                        \
    X(CURLcode, curl_easy_perform, (CURL *))                                       \
    X(const char *, curl_easy_strerror, (CURLcode))                                \
    X(CURLHcode, curl_easy_header,                                                 \
      (CURL *, const char *, size_t, unsigned int, int, struct curl_header **))    \
    X(void, curl_free, (void *))                                                   \
    X(struct curl_slist *, curl_slist_append, (struct curl_slist *, const char *)) \
    X(void, curl_slist_free_all, (struct curl_slist *))                            \
    X(CURLU *, curl_url, (void))                                                   \
    X(void, curl_url_cleanup, (CURLU *))                                           \
    X(CURLUcode, curl_url_get, (CURLU *, CURLUPart, char **, unsigned int))  \
    X(CURLUcode, curl_url_set, (CURLU *, CURLUPart, const char *, unsigned int))

typedef struct curl_api {
    LAZYLIB_FIELDS(CURL_FUNCS)
} curl_api;
LAZYLIB_DECLARE(curl_api, curl_api)

#define CU(name) (curl_api_loaded()->name)

#endif
