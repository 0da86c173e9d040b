/* jsonapi.c - json-c, loaded by the first extraction (jsonapi.h). */
#define JSONAPI_NO_REDIRECT /* the list is checked against json-c's own names */
#include "jsonapi.h"

LAZYLIB_DEFINE(json_api, json_api, JSON_FUNCS, GISA_JSON_SONAME, "libjson-c5", "JSON")
