/* db.c - the store as the desk reads and writes it. Each worker thread
 * has a connection of its own (SQLite connections are not to be shared
 * between threads without a mutex, and WAL lets readers go on while one
 * writes). The schema is the store's (src/corpus/store.c), the desk's
 * table among it: desk(page_id, status, draft, path, format, updated). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/sqliteapi.h"
#include "serve.h"

#define SQ_TABLE desk_sqlite_loaded

static int db_fail(gisa_error *err, desk_db *d, const char *what)
{
    err->status = GISA_ERR_IO;
    snprintf(err->message, sizeof err->message, "%s: %s: %s", d->path, what,
             d->db ? SQ(sqlite3_errmsg)(d->db) : "cannot open");
    return GISA_ERR_IO;
}

int db_open(desk_db *d, const char *path, gisa_error *err)
{
    d->path = path;
    d->db = NULL;
    const char *why;
    if (!desk_sqlite_get(&why)) {
        err->status = GISA_ERR_IO;
        snprintf(err->message, sizeof err->message, "%s: %s", path, why);
        return GISA_ERR_IO;
    }
    if (SQ(sqlite3_open_v2)(path, &d->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
            SQLITE_OK ||
        SQ(sqlite3_busy_timeout)(d->db, 10000) != SQLITE_OK) {
        db_fail(err, d, "cannot open the store");
        db_close(d);
        return GISA_ERR_IO;
    }
    return GISA_OK;
}

void db_close(desk_db *d)
{
    if (d->db) /* (never opened: SQLite may not even be loaded) */
        SQ(sqlite3_close)(d->db);
    d->db = NULL;
}

static void put_col(json_object *o, const char *key, sqlite3_stmt *st, int i)
{
    const unsigned char *t = SQ(sqlite3_column_text)(st, i);
    json_object_object_add(o, key, t ? json_object_new_string((const char *)t) : NULL);
}

/* The filters, each an AND clause with its parameter; `args` gets the
 * values to bind in order (`to` is rewritten into `tobuf`). Each is
 * written so that an index gives its rows in the inbox order (schema 5):
 * organisation and licence by articles_org and articles_license (their
 * expressions exactly as indexed), dates as a range of articles_newest,
 * a status other than new from desk_status (a few rows, then sorted);
 * new is most articles, found walking the inbox order. */
static void add_filters(const inbox_query *q, char *sql, size_t cap, const char **args,
                        int *nargs, char *tobuf, size_t tocap)
{
    int is_new = q->status && !strcmp(q->status, "new");
    /* "to" a day includes all of it: a date with a time, "2026-02-28T09:00",
     * sorts below "2026-02-28~" ('~' above any character a date holds) */
    if (q->to && *q->to)
        snprintf(tobuf, tocap, "%.60s~", q->to);
    struct { const char *value, *clause; } f[] = {
        {q->org, " AND coalesce(a.publisher, a.site_name, '') = ?"},
        {q->license, " AND coalesce(a.license, 'none') = ?"},
        {q->status, is_new ? " AND coalesce(d.status, 'new') = ?"
                           : " AND a.page_id IN (SELECT page_id FROM desk WHERE status = ?)"},
        {q->from, " AND coalesce(a.date, '') >= ?"},
        {q->to && *q->to ? tobuf : NULL, " AND coalesce(a.date, '') < ?"},
    };
    for (size_t i = 0; i < sizeof f / sizeof *f; i++)
        if (f[i].value && *f[i].value) {
            strncat(sql, f[i].clause, cap - strlen(sql) - 1);
            args[(*nargs)++] = f[i].value;
        }
}

#define ROW_COLUMNS                                                                  \
    "SELECT a.page_id, a.title, a.date, a.url, coalesce(a.publisher, a.site_name, ''),"   \
    " a.license, coalesce(d.status, 'new'),"                                          \
    " (SELECT count(*) FROM articles x WHERE x.dup_of = a.page_id), a.dup_of, "

static json_object *row_json(sqlite3_stmt *st)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "id", json_object_new_int64(SQ(sqlite3_column_int64)(st, 0)));
    put_col(o, "title", st, 1);
    put_col(o, "date", st, 2);
    put_col(o, "url", st, 3);
    put_col(o, "org", st, 4);
    put_col(o, "license", st, 5);
    put_col(o, "status", st, 6);
    json_object_object_add(o, "dups", json_object_new_int(SQ(sqlite3_column_int)(st, 7)));
    if (SQ(sqlite3_column_type)(st, 8) != SQLITE_NULL)
        json_object_object_add(o, "dup_of", json_object_new_int64(SQ(sqlite3_column_int64)(st, 8)));
    put_col(o, "snippet", st, 9);
    return o;
}

/* One page's statement: bind `args` (NULL = the cursor's id, as a
 * number), then the limit (and the search's offset); append its rows to
 * `list` until `want` rows are there, and note the cursor of the last.
 * 1 when a row beyond `want` exists, 0 when not, -1 on an error. */
typedef struct page_state {
    json_object *list;
    int n, want;
    int64_t offset; /* search: the page's offset; -1 browsing */
    char next[96];
} page_state;

static int run_page(desk_db *d, const char *sql, const char **args, int nargs, int64_t after,
                    page_state *ps)
{
    sqlite3_stmt *st;
    if (SQ(sqlite3_prepare_v2)(d->db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    int i = 1;
    for (int k = 0; k < nargs; k++, i++) {
        if (args[k])
            SQ(sqlite3_bind_text)(st, i, args[k], -1, SQLITE_STATIC);
        else
            SQ(sqlite3_bind_int64)(st, i, after);
    }
    SQ(sqlite3_bind_int)(st, i++, ps->want - ps->n + 1); /* one more: a next page? */
    if (ps->offset >= 0)
        SQ(sqlite3_bind_int64)(st, i, ps->offset);
    int rc;
    while ((rc = SQ(sqlite3_step)(st)) == SQLITE_ROW) {
        if (ps->n == ps->want)
            break;
        ps->n++;
        json_object_array_add(ps->list, row_json(st));
        if (ps->offset >= 0) {
            snprintf(ps->next, sizeof ps->next, "%lld", (long long)(ps->offset + ps->n));
        } else {
            const unsigned char *dt = SQ(sqlite3_column_text)(st, 2);
            snprintf(ps->next, sizeof ps->next, "%.60s|%lld", dt ? (const char *)dt : "",
                     (long long)SQ(sqlite3_column_int64)(st, 0));
        }
    }
    SQ(sqlite3_finalize)(st);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static int bad_cursor(gisa_error *err, const char *cursor)
{
    err->status = GISA_ERR_USAGE;
    snprintf(err->message, sizeof err->message, "bad cursor '%.64s'", cursor);
    return GISA_ERR_USAGE;
}

int db_inbox(desk_db *d, const inbox_query *q, json_object **out, gisa_error *err)
{
    char sql[2048], sql2[2048], date[64], tobuf[64];
    const char *args[10], *args2[10];
    /* a search page is shorter: each row's snippet costs a pass over
     * its text */
    int nargs = 0, nargs2 = 0;
    int limit = q->limit > 0 && q->limit <= 200 ? q->limit : q->q && *q->q ? 20 : 50;
    int64_t after = 0;
    char *fts = NULL;
    page_state ps = {NULL, 0, limit, -1, ""};
    sql2[0] = '\0';
    *out = NULL;
    if (q->q && *q->q) {
        if (!(fts = fts_query(q->q))) {
            err->status = GISA_ERR_USAGE;
            snprintf(err->message, sizeof err->message,
                     "search: an empty query or more than %d different words",
                     GISA_MAX_QUERY_WORDS);
            return GISA_ERR_USAGE;
        }
        /* best first, as gisa search ranks (bm25, the title weighing 5);
         * the cursor is an offset. ORDER BY rank lets FTS5 sort inside,
         * so snippets are made for the rows returned, not for every match */
        snprintf(sql, sizeof sql, ROW_COLUMNS
                 " snippet(articles_fts, -1, '[', ']', '…', 16)"
                 " FROM articles_fts JOIN articles a ON a.page_id = articles_fts.rowid"
                 " LEFT JOIN desk d ON d.page_id = a.page_id WHERE articles_fts MATCH ?"
                 " AND rank MATCH 'bm25(5.0, 1.0)'");
        args[nargs++] = fts;
        add_filters(q, sql, sizeof sql, args, &nargs, tobuf, sizeof tobuf);
        strncat(sql, " ORDER BY rank LIMIT ? OFFSET ?", sizeof sql - strlen(sql) - 1);
        ps.offset = q->cursor && *q->cursor ? strtoll(q->cursor, NULL, 10) : 0;
        if (ps.offset < 0 || ps.offset > 100000)
            ps.offset = 0;
    } else {
        /* newest first, near-duplicates under their original; keyset
         * pagination on (date, id), which articles_newest indexes, so a
         * page costs the same at the start and at the 100,000th article */
        char head[1024];
        snprintf(head, sizeof head, ROW_COLUMNS " substr(a.text, 1, 160)"
                 " FROM articles a LEFT JOIN desk d ON d.page_id = a.page_id"
                 /* "+": not by articles_dup (most rows have no dup_of), so
                  * that SQLite walks articles_newest in order and stops;
                  * but an organisation's or licence's index holds dup_of
                  * after its value, and is searched for it */
                 " WHERE %sa.dup_of IS NULL",
                 (q->org && *q->org) || (q->license && *q->license) ? "" : "+");
        snprintf(sql, sizeof sql, "%s", head);
        if (q->cursor && *q->cursor) {
            if (!cursor_parse(q->cursor, date, sizeof date, &after))
                return bad_cursor(err, q->cursor);
            /* (date, id) < (?, ?) as two searches of the index, each in
             * its order: the rest of the cursor's date (date = ? AND id <
             * ?), then the older dates (date < ?). One condition with an
             * OR is a range on the date alone, and walked every row of the
             * cursor's date (30,000 undated articles: 125 ms a page); a
             * row value is not searched at all */
            strncat(sql, " AND coalesce(a.date, '') = ? AND a.page_id < ?",
                    sizeof sql - strlen(sql) - 1);
            args[nargs++] = date;
            args[nargs++] = NULL; /* the id, bound as a number */
            snprintf(sql2, sizeof sql2, "%s AND coalesce(a.date, '') < ?", head);
            args2[nargs2++] = date;
            add_filters(q, sql2, sizeof sql2, args2, &nargs2, tobuf, sizeof tobuf);
            strncat(sql2, " ORDER BY coalesce(a.date, '') DESC, a.page_id DESC LIMIT ?",
                    sizeof sql2 - strlen(sql2) - 1);
        }
        add_filters(q, sql, sizeof sql, args, &nargs, tobuf, sizeof tobuf);
        /* within the cursor's date by id alone: ordered by the date too,
         * SQLite sorts the date's rows rather than see that it is fixed */
        strncat(sql, sql2[0] ? " ORDER BY a.page_id DESC LIMIT ?"
                             : " ORDER BY coalesce(a.date, '') DESC, a.page_id DESC LIMIT ?",
                sizeof sql - strlen(sql) - 1);
    }
    ps.list = json_object_new_array();
    int more = run_page(d, sql, args, nargs, after, &ps);
    if (more == 0 && sql2[0])
        more = run_page(d, sql2, args2, nargs2, after, &ps);
    free(fts);
    if (more < 0) {
        int usage = ps.offset >= 0 && SQ(sqlite3_errcode)(d->db) == SQLITE_ERROR;
        db_fail(err, d, "cannot list articles");
        if (usage)
            err->status = GISA_ERR_USAGE;
        json_object_put(ps.list);
        return err->status;
    }
    json_object *o = json_object_new_object();
    json_object_object_add(o, "articles", ps.list);
    json_object_object_add(o, "next", more ? json_object_new_string(ps.next) : NULL);
    *out = o;
    return GISA_OK;
}

static json_object *counts(desk_db *d, const char *sql)
{
    json_object *list = json_object_new_array();
    sqlite3_stmt *st;
    if (SQ(sqlite3_prepare_v2)(d->db, sql, -1, &st, NULL) != SQLITE_OK)
        return list;
    while (SQ(sqlite3_step)(st) == SQLITE_ROW) {
        json_object *o = json_object_new_object();
        put_col(o, "value", st, 0);
        json_object_object_add(o, "count", json_object_new_int64(SQ(sqlite3_column_int64)(st, 1)));
        json_object_array_add(list, o);
    }
    SQ(sqlite3_finalize)(st);
    return list;
}

int db_facets(desk_db *d, json_object **out, gisa_error *err)
{
    (void)err;
    json_object *o = json_object_new_object();
    json_object_object_add(o, "orgs", counts(d,
        "SELECT coalesce(publisher, site_name, '') AS v, count(*) AS n FROM articles"
        " WHERE +dup_of IS NULL GROUP BY v ORDER BY n DESC, v LIMIT 300"));
    json_object_object_add(o, "licenses", counts(d,
        "SELECT coalesce(license, 'none') AS v, count(*) AS n FROM articles"
        " WHERE +dup_of IS NULL GROUP BY v ORDER BY n DESC, v"));
    json_object_object_add(o, "statuses", counts(d,
        "SELECT coalesce(d.status, 'new') AS v, count(*) AS n FROM articles a"
        " LEFT JOIN desk d ON d.page_id = a.page_id WHERE a.dup_of IS NULL"
        " GROUP BY v ORDER BY v"));
    *out = o;
    return GISA_OK;
}

static char *col_dup(sqlite3_stmt *st, int i)
{
    const unsigned char *t = SQ(sqlite3_column_text)(st, i);
    return t ? strdup((const char *)t) : NULL;
}

/* The row's string fields in column order (db_article's SELECT). */
#define ROW_STRINGS(r)                                                                  \
    {&(r)->url, &(r)->title, &(r)->date, &(r)->author, &(r)->publisher, &(r)->site_name, \
     &(r)->lang, &(r)->license, &(r)->text, &(r)->status, &(r)->draft, &(r)->path,       \
     &(r)->format, &(r)->department, &(r)->contact, &(r)->page_url, &(r)->parent_url}
#define NROW_STRINGS 17

int db_article(desk_db *d, int64_t id, article_row *r, gisa_error *err)
{
    memset(r, 0, sizeof *r);
    sqlite3_stmt *st;
    if (SQ(sqlite3_prepare_v2)(d->db,
                           "SELECT a.url, a.title, a.date, a.author, a.publisher, a.site_name,"
                           " a.lang, a.license, a.text, coalesce(d.status, 'new'), d.draft,"
                           " d.path, d.format, a.department, a.contact, p.url, p.parent_url,"
                           " a.dup_of, a.canonical"
                           " FROM articles a LEFT JOIN desk d ON d.page_id = a.page_id"
                           " LEFT JOIN pages p ON p.id = a.page_id"
                           " WHERE a.page_id = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return db_fail(err, d, "cannot read an article"), -1;
    SQ(sqlite3_bind_int64)(st, 1, id);
    int rc = SQ(sqlite3_step)(st);
    if (rc == SQLITE_ROW) {
        r->id = id;
        char **f[] = ROW_STRINGS(r);
        for (int i = 0; i < NROW_STRINGS; i++)
            *f[i] = col_dup(st, i);
        r->dup_of = SQ(sqlite3_column_int64)(st, NROW_STRINGS);
        if (SQ(sqlite3_column_type)(st, NROW_STRINGS + 1) != SQLITE_NULL) {
            free(r->url); /* the page's own address, as a post credits it */
            r->url = col_dup(st, NROW_STRINGS + 1);
        }
    } else if (rc != SQLITE_DONE) {
        db_fail(err, d, "cannot read an article");
    }
    SQ(sqlite3_finalize)(st);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

void article_row_clear(article_row *r)
{
    char **f[] = ROW_STRINGS(r);
    for (int i = 0; i < NROW_STRINGS; i++)
        free(*f[i]);
    memset(r, 0, sizeof *r);
}

/* What an attachment is, by its Content-Type or else the extension of its
 * URL's path (the store keeps no bytes to sniff; ingest took only
 * documents its readers recognised by their bytes). */
static const char *attachment_kind(const char *url, const char *ctype)
{
    if (ctype && strstr(ctype, "pdf"))
        return "PDF";
    if (ctype && strstr(ctype, "hwp+zip"))
        return "HWPX";
    size_t n = strcspn(url, "?#");
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++)
        if (url[i] == '.')
            dot = url + i;
        else if (url[i] == '/')
            dot = NULL;
    size_t e = dot ? n - (size_t)(dot - url) : 0;
    if (e == 4 && !strncasecmp(dot, ".pdf", 4))
        return "PDF";
    if (e == 5 && !strncasecmp(dot, ".hwpx", 5))
        return "HWPX";
    if (e == 4 && !strncasecmp(dot, ".hwp", 4))
        return "HWP";
    return ctype && strstr(ctype, "hwp") ? "HWP" : "document";
}

/* The last segment of a URL's path, %XX decoded where that gives UTF-8:
 * the file name an editor recognises. */
static json_object *attachment_name(const char *url)
{
    size_t n = strcspn(url, "?#");
    size_t start = 0;
    for (size_t i = 0; i < n; i++)
        if (url[i] == '/')
            start = i + 1;
    char name[512];
    size_t len = n - start < sizeof name - 1 ? n - start : sizeof name - 1;
    memcpy(name, url + start, len);
    name[len] = '\0';
    /* form_decode reads '+' as a space: a path's '+' is itself, so such a
     * name is shown as it is */
    char decoded[512];
    memcpy(decoded, name, len + 1);
    int ok = len && !strchr(name, '+') && form_decode(decoded) && *decoded;
    return json_object_new_string(ok ? decoded : name);
}

json_object *db_attachments(desk_db *d, const char *page_url)
{
    json_object *list = json_object_new_array();
    sqlite3_stmt *st;
    if (!page_url ||
        SQ(sqlite3_prepare_v2)(d->db,
                           /* pages_parent finds them; of an attachment stored in
                            * several versions (its bytes changed), the newest */
                           "SELECT p.url, p.content_type, a.page_id, p.error FROM pages p"
                           " LEFT JOIN articles a ON a.page_id = p.id"
                           " WHERE p.parent_url = ?1 AND p.id = (SELECT max(q.id) FROM pages q"
                           " WHERE q.url = p.url AND q.parent_url = ?1)"
                           " ORDER BY p.id LIMIT 200",
                           -1, &st, NULL) != SQLITE_OK)
        return list;
    SQ(sqlite3_bind_text)(st, 1, page_url, -1, SQLITE_STATIC);
    while (SQ(sqlite3_step)(st) == SQLITE_ROW) {
        const char *url = (const char *)SQ(sqlite3_column_text)(st, 0);
        const char *ctype = (const char *)SQ(sqlite3_column_text)(st, 1);
        json_object *o = json_object_new_object();
        json_object_object_add(o, "url", json_object_new_string(url ? url : ""));
        json_object_object_add(o, "name", attachment_name(url ? url : ""));
        json_object_object_add(o, "kind",
                               json_object_new_string(attachment_kind(url ? url : "", ctype)));
        json_object_object_add(o, "id", SQ(sqlite3_column_type)(st, 2) == SQLITE_NULL ? NULL :
                               json_object_new_int64(SQ(sqlite3_column_int64)(st, 2)));
        put_col(o, "error", st, 3);
        json_object_array_add(list, o);
    }
    SQ(sqlite3_finalize)(st);
    return list;
}

/* The article id that `sql` (one text parameter, `arg`) selects, or 0. */
static int64_t article_id(desk_db *d, const char *sql, const char *arg)
{
    sqlite3_stmt *st;
    int64_t id = 0;
    if (SQ(sqlite3_prepare_v2)(d->db, sql, -1, &st, NULL) != SQLITE_OK)
        return 0;
    SQ(sqlite3_bind_text)(st, 1, arg, -1, SQLITE_STATIC);
    if (SQ(sqlite3_step)(st) == SQLITE_ROW)
        id = SQ(sqlite3_column_int64)(st, 0);
    SQ(sqlite3_finalize)(st);
    return id;
}

int64_t db_page_article(desk_db *d, const char *url)
{
    return article_id(d,
                      "SELECT a.page_id FROM pages p JOIN articles a ON a.page_id = p.id"
                      " WHERE p.url = ? ORDER BY p.id DESC LIMIT 1",
                      url);
}

json_object *db_dups(desk_db *d, int64_t id, int64_t dup_of)
{
    json_object *list = json_object_new_array();
    sqlite3_stmt *st;
    int64_t group = dup_of ? dup_of : id;
    if (SQ(sqlite3_prepare_v2)(d->db,
                           "SELECT page_id, title, url, distance FROM articles"
                           " WHERE (page_id = ?1 OR dup_of = ?1) AND page_id <> ?2"
                           " ORDER BY page_id LIMIT 100",
                           -1, &st, NULL) != SQLITE_OK)
        return list;
    SQ(sqlite3_bind_int64)(st, 1, group);
    SQ(sqlite3_bind_int64)(st, 2, id);
    while (SQ(sqlite3_step)(st) == SQLITE_ROW) {
        json_object *o = json_object_new_object();
        json_object_object_add(o, "id", json_object_new_int64(SQ(sqlite3_column_int64)(st, 0)));
        put_col(o, "title", st, 1);
        put_col(o, "url", st, 2);
        json_object_object_add(o, "distance", json_object_new_int(SQ(sqlite3_column_int)(st, 3)));
        json_object_object_add(o, "original",
                               json_object_new_boolean(SQ(sqlite3_column_int64)(st, 0) == group));
        json_object_array_add(list, o);
    }
    SQ(sqlite3_finalize)(st);
    return list;
}

int db_set(desk_db *d, int64_t id, const char *status, const char *draft, const char *path,
           const char *format, gisa_error *err)
{
    sqlite3_stmt *st;
    if (SQ(sqlite3_prepare_v2)(d->db,
                           "INSERT INTO desk(page_id, status, draft, path, format, updated)"
                           " VALUES(?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
                           " ON CONFLICT(page_id) DO UPDATE SET status = excluded.status,"
                           " draft = coalesce(excluded.draft, draft),"
                           " path = coalesce(excluded.path, path),"
                           " format = coalesce(excluded.format, format),"
                           " updated = excluded.updated",
                           -1, &st, NULL) != SQLITE_OK)
        return db_fail(err, d, "cannot record the article's state");
    SQ(sqlite3_bind_int64)(st, 1, id);
    const char *v[] = {status, draft, path, format};
    for (int i = 0; i < 4; i++)
        if (v[i])
            SQ(sqlite3_bind_text)(st, i + 2, v[i], -1, SQLITE_STATIC);
    int rc = SQ(sqlite3_step)(st);
    SQ(sqlite3_finalize)(st);
    return rc == SQLITE_DONE ? GISA_OK : db_fail(err, d, "cannot record the article's state");
}

int64_t db_article_of(desk_db *d, const char *input)
{
    return article_id(d,
                      "SELECT a.page_id FROM pages p JOIN articles a ON a.page_id = p.id"
                      " WHERE p.url = ?1 OR p.final_url = ?1 ORDER BY p.id DESC LIMIT 1",
                      input);
}
