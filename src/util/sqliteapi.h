/* sqliteapi.h - the SQLite functions the corpus store and the review desk
 * call, loaded when a store is first opened (util/lazylib.h): reading a
 * file never needs them. Each open calls its own table's _get (the store
 * in libgisa: sqlite_api_get; the review desk, which sees only libgisa's
 * public API: desk_sqlite_get); the calls after it go through SQ(name),
 * which a file points at its table with SQ_TABLE. */
#ifndef GISA_SQLITEAPI_H
#define GISA_SQLITEAPI_H

#include <sqlite3.h>

#include "lazylib.h"

#define SQLITE_FUNCS(X)                                                            \
    X(int, sqlite3_open_v2, (const char *, sqlite3 **, int, const char *))         \
    X(int, sqlite3_close, (sqlite3 *))                                             \
    X(int, sqlite3_busy_timeout, (sqlite3 *, int))                                 \
    X(int, sqlite3_exec,                                                           \
      (sqlite3 *, const char *, int (*)(void *, int, char **, char **), void *,    \
       char **))                                                                   \
    X(int, sqlite3_errcode, (sqlite3 *))                                           \
    X(const char *, sqlite3_errmsg, (sqlite3 *))                                   \
    X(int, sqlite3_changes, (sqlite3 *))                                           \
    X(sqlite3_int64, sqlite3_last_insert_rowid, (sqlite3 *))                       \
    X(int, sqlite3_sleep, (int))                                                   \
    X(int, sqlite3_prepare_v2,                                                     \
      (sqlite3 *, const char *, int, sqlite3_stmt **, const char **))              \
    X(int, sqlite3_step, (sqlite3_stmt *))                                         \
    X(int, sqlite3_reset, (sqlite3_stmt *))                                        \
    X(int, sqlite3_finalize, (sqlite3_stmt *))                                     \
    X(int, sqlite3_clear_bindings, (sqlite3_stmt *))                               \
    X(int, sqlite3_bind_int, (sqlite3_stmt *, int, int))                           \
    X(int, sqlite3_bind_int64, (sqlite3_stmt *, int, sqlite3_int64))               \
    X(int, sqlite3_bind_null, (sqlite3_stmt *, int))                               \
    X(int, sqlite3_bind_text,                                                      \
      (sqlite3_stmt *, int, const char *, int, void (*)(void *)))                  \
    X(int, sqlite3_column_type, (sqlite3_stmt *, int))                             \
    X(int, sqlite3_column_int, (sqlite3_stmt *, int))                              \
    X(sqlite3_int64, sqlite3_column_int64, (sqlite3_stmt *, int))                  \
    X(double, sqlite3_column_double, (sqlite3_stmt *, int))                        \
    X(const unsigned char *, sqlite3_column_text, (sqlite3_stmt *, int))

typedef struct sqlite_api {
    LAZYLIB_FIELDS(SQLITE_FUNCS)
} sqlite_api;
LAZYLIB_DECLARE(sqlite_api, sqlite_api)
LAZYLIB_DECLARE(sqlite_api, desk_sqlite)

#define SQ(name) (SQ_TABLE()->name)

#endif
