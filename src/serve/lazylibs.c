/* lazylibs.c - the review desk's libraries, loaded by desk_run and the
 * first store connection (mhdapi.h, util/sqliteapi.h, util/jsonapi.h).
 * SQLite and json-c have tables of their own here: libgisa's (sqlite_api,
 * json_api) are not part of its public API. */
#define JSONAPI_NO_REDIRECT /* (the list is checked against json-c's names) */
#include "../util/sqliteapi.h"
#include "mhdapi.h"
#include "serve.h"

LAZYLIB_DEFINE(mhd_api, mhd_api, MHD_FUNCS, GISA_MHD_SONAME, "libmicrohttpd12",
               "gisa serve")
LAZYLIB_DEFINE(sqlite_api, desk_sqlite, SQLITE_FUNCS, GISA_SQLITE_SONAME, "libsqlite3-0",
               "the corpus store")
LAZYLIB_DEFINE(json_api, desk_json, JSON_FUNCS, GISA_JSON_SONAME, "libjson-c5", "gisa serve")
