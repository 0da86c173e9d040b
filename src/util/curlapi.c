/* curlapi.c - libcurl, loaded on first use (curlapi.h). */
#include "curlapi.h"

LAZYLIB_DEFINE(curl_api, curl_api, CURL_FUNCS, GISA_CURL_SONAME, "libcurl4",
               "fetching over HTTP")
