/* lazylibs.c - the review desk's libraries, loaded by desk_run and the
 * first store connection (mhdapi.h, util/sqliteapi.h). SQLite has a table
 * of its own here: libgisa's (sqlite_api) is not part of its public API. */
#include "../util/sqliteapi.h"
#include "mhdapi.h"

LAZYLIB_DEFINE(mhd_api, mhd_api, MHD_FUNCS, GISA_MHD_SONAME, "libmicrohttpd12",
               "gisa serve")
LAZYLIB_DEFINE(sqlite_api, desk_sqlite, SQLITE_FUNCS, GISA_SQLITE_SONAME, "libsqlite3-0",
               "the corpus store")
