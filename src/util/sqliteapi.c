/* sqliteapi.c - SQLite, loaded when the corpus store is first opened
 * (sqliteapi.h). */
#include "sqliteapi.h"

LAZYLIB_DEFINE(sqlite_api, sqlite_api, SQLITE_FUNCS, GISA_SQLITE_SONAME, "libsqlite3-0",
               "the corpus store")
