/* store.c - the SQLite store of a corpus: schema and migrations, the
 * single writer, search and near-duplicate listing. */
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "../util/sqliteapi.h"
#include "corpus.h"

#define SQ_TABLE sqlite_api_loaded

/* Migration i brings the schema from user_version i to i + 1. Append new
 * migrations; never edit a released one. */
static const char *const migrations[] = {
    "CREATE TABLE pages("
    "  id INTEGER PRIMARY KEY,"
    "  url TEXT NOT NULL,"
    "  fetched TEXT,"
    "  status INTEGER,"
    "  hash TEXT NOT NULL,"
    "  content_type TEXT,"
    "  error TEXT," /* why no article came of it, or NULL */
    "  UNIQUE(url, hash));"
    "CREATE TABLE articles("
    "  page_id INTEGER PRIMARY KEY REFERENCES pages(id),"
    "  url TEXT NOT NULL,"
    "  canonical TEXT, title TEXT, date TEXT, author TEXT, publisher TEXT,"
    "  site_name TEXT, lang TEXT, license TEXT, encoding TEXT,"
    "  text TEXT NOT NULL,"
    "  simhash INTEGER NOT NULL,"
    /* the four 16-bit bands of the SimHash: two hashes within 3 bits
     * agree on at least one band, so an index on each finds candidates */
    "  b0 INTEGER, b1 INTEGER, b2 INTEGER, b3 INTEGER,"
    "  dup_of INTEGER REFERENCES articles(page_id),"
    "  distance INTEGER);"
    "CREATE INDEX articles_b0 ON articles(b0);"
    "CREATE INDEX articles_b1 ON articles(b1);"
    "CREATE INDEX articles_b2 ON articles(b2);"
    "CREATE INDEX articles_b3 ON articles(b3);"
    "CREATE INDEX articles_dup ON articles(dup_of);"
    "CREATE INDEX articles_url ON articles(url);"
    "CREATE TABLE posts("
    "  id INTEGER PRIMARY KEY,"
    "  page_id INTEGER NOT NULL REFERENCES pages(id),"
    "  format TEXT NOT NULL,"
    "  filename TEXT,"
    "  text TEXT NOT NULL);"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text,"
    "  content='articles', content_rowid='page_id',"
    "  tokenize='unicode61 remove_diacritics 2');",
    /* 2: fetching. Where redirects ended and the validators for the next
     * conditional GET; posts looked up by page. */
    "ALTER TABLE pages ADD COLUMN final_url TEXT;"
    "ALTER TABLE pages ADD COLUMN etag TEXT;"
    "ALTER TABLE pages ADD COLUMN last_modified TEXT;"
    "CREATE INDEX posts_page ON posts(page_id);",
    /* 3: the review desk (gisa serve): each article's state (new when it
     * has no row; drafted, published, refused), the edited post, where
     * it was published; and the inbox order, newest first, as an index so
     * that a page of the inbox costs the same at any depth. */
    "CREATE TABLE desk("
    "  page_id INTEGER PRIMARY KEY REFERENCES articles(page_id),"
    "  status TEXT NOT NULL,"
    "  draft TEXT, path TEXT, format TEXT, updated TEXT);"
    "CREATE INDEX articles_newest ON articles(coalesce(date, ''), page_id);",
    /* 4: attachments (ingest --attachments). An attachment is a page of
     * its own (fetched, hashed, extracted), linked to the page that links
     * it; a release's press block gives its department and contact. */
    "ALTER TABLE pages ADD COLUMN parent_url TEXT;"
    "ALTER TABLE articles ADD COLUMN department TEXT;"
    "ALTER TABLE articles ADD COLUMN contact TEXT;"
    "CREATE INDEX pages_parent ON pages(parent_url);",
    /* 5: the desk's inbox filters, each an index that gives its rows in
     * the inbox order (newest first) from the keyset cursor on, so that a
     * filtered page costs what an unfiltered one does at any depth (at
     * 100,000 articles a filter that walked articles_newest took up to
     * 1.4 s). dup_of is a column of each (not a partial index's
     * condition), so that "dup_of IS NULL" is searched in it. */
    "CREATE INDEX articles_org ON articles(coalesce(publisher, site_name, ''), dup_of,"
    "  coalesce(date, ''), page_id);"
    "CREATE INDEX articles_license ON articles(coalesce(license, 'none'), dup_of,"
    "  coalesce(date, ''), page_id);"
    "CREATE INDEX desk_status ON desk(status, page_id);",
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof *migrations))

static gisa_status db_fail(gisa_error *err, sqlite3 *db, const char *path, const char *what)
{
    return gisa_fail(err, GISA_ERR_IO, "%s: %s: %s", path, what,
                     db ? SQ(sqlite3_errmsg)(db) : "cannot open");
}

static gisa_status refuse(gisa_error *err, const char *path, const char *why)
{
    return gisa_fail(err, GISA_ERR_IO, "%s: %s", path, why);
}

static int user_version(sqlite3 *db)
{
    sqlite3_stmt *st;
    int v = -1;
    if (SQ(sqlite3_prepare_v2)(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
        SQ(sqlite3_step)(st) == SQLITE_ROW)
        v = SQ(sqlite3_column_int)(st, 0);
    SQ(sqlite3_finalize)(st);
    return v;
}

/* What the database at hand is: a gisa store of some schema version, a
 * new (empty) database, or something else, which gisa must not touch:
 * adding tables to another program's database, or switching it to WAL,
 * would change a file that is not ours. One statement reads it all, so a
 * process creating the schema at the same moment is seen before or after,
 * never half way. Sets *version on success. */
static gisa_status identify(sqlite3 *db, const char *path, int *version, gisa_error *err)
{
    sqlite3_stmt *st;
    int v = -1, tables = 0, ours = 0;
    if (SQ(sqlite3_prepare_v2)(db,
                           "SELECT user_version, (SELECT count(*) FROM sqlite_master),"
                           " (SELECT count(*) FROM sqlite_master"
                           "  WHERE name IN ('pages', 'articles', 'articles_fts'))"
                           " FROM pragma_user_version",
                           -1, &st, NULL) == SQLITE_OK &&
        SQ(sqlite3_step)(st) == SQLITE_ROW) {
        v = SQ(sqlite3_column_int)(st, 0);
        tables = SQ(sqlite3_column_int)(st, 1);
        ours = SQ(sqlite3_column_int)(st, 2);
    }
    SQ(sqlite3_finalize)(st);
    if (v < 0)
        return db_fail(err, db, path, "not a usable SQLite database");
    if (v == 0 && tables > 0)
        return refuse(err, path, "not a gisa store (an SQLite database with tables of its own)");
    if (v > 0 && ours != 3)
        return refuse(err, path, "not a gisa store (an SQLite database without gisa's tables)");
    if (v > SCHEMA_VERSION)
        return gisa_fail(err, GISA_ERR_IO, "%s: store schema %d is newer than this gisa (%d)",
                         path, v, SCHEMA_VERSION);
    *version = v;
    return GISA_OK;
}

/* Bring the schema up to date. The version is read again inside the write
 * transaction (BEGIN IMMEDIATE), so of several processes opening a new
 * store at once one creates the schema and the others find it made. */
static gisa_status migrate(sqlite3 *db, const char *path, gisa_error *err)
{
    if (SQ(sqlite3_exec)(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(err, db, path, "cannot lock the store");
    int v = 0;
    gisa_status st = identify(db, path, &v, err);
    for (; st == GISA_OK && v < SCHEMA_VERSION; v++) {
        char bump[64];
        snprintf(bump, sizeof bump, "PRAGMA user_version = %d;", v + 1);
        if (SQ(sqlite3_exec)(db, migrations[v], NULL, NULL, NULL) != SQLITE_OK ||
            SQ(sqlite3_exec)(db, bump, NULL, NULL, NULL) != SQLITE_OK)
            st = db_fail(err, db, path, "cannot create the schema");
    }
    if (st == GISA_OK && SQ(sqlite3_exec)(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        st = db_fail(err, db, path, "cannot create the schema");
    if (st != GISA_OK)
        SQ(sqlite3_exec)(db, "ROLLBACK", NULL, NULL, NULL);
    return st;
}

/* Switch a new store to WAL. The switch needs the database to itself, and
 * SQLite reports a busy database here without waiting, so wait (up to the
 * busy timeout) while other processes open the same new store. */
static int use_wal(sqlite3 *db)
{
    for (int ms = 0; ms < 10000; ms += 10) {
        /* WAL: readers never block the writer, and a killed process
         * leaves the last committed batch intact. NORMAL sync is durable
         * against process crashes. */
        int rc = SQ(sqlite3_exec)(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                              NULL, NULL, NULL);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            return rc;
        SQ(sqlite3_sleep)(10);
    }
    return SQLITE_BUSY;
}

/* SQLite, loaded at the first open; 0 (err set) when it cannot be. */
static int sqlite_ready(const char *path, gisa_error *err)
{
    const char *why;
    if (sqlite_api_get(&why))
        return 1;
    refuse(err, path, why);
    return 0;
}

/* What both opens begin with: SQLite loaded, a handle for `path` with no
 * database yet. NULL (err set) when either fails. */
static gisa_corpus *corpus_new(const char *path, gisa_error *err)
{
    if (!sqlite_ready(path, err))
        return NULL;
    gisa_corpus *c = calloc(1, sizeof *c);
    if (!c || !(c->path = strdup(path))) {
        free(c);
        gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", path);
        return NULL;
    }
    return c;
}

/* What both opens end with: `c` handed out if all went well (st), else
 * closed. */
static gisa_status corpus_opened(gisa_corpus *c, gisa_status st, gisa_corpus **out)
{
    if (st != GISA_OK) {
        gisa_corpus_close(c);
        return st;
    }
    *out = c;
    return GISA_OK;
}

gisa_status gisa_corpus_open(const char *path, gisa_corpus **out, gisa_error *err)
{
    *out = NULL;
    gisa_corpus *c = corpus_new(path, err);
    if (!c)
        return err->status;
    gisa_status st = GISA_OK;
    int version;
    if (SQ(sqlite3_open_v2)(path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                        SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
        st = db_fail(err, c->db, path, "cannot open the store");
    else if (SQ(sqlite3_busy_timeout)(c->db, 10000) != SQLITE_OK)
        st = db_fail(err, c->db, path, "cannot open the store");
    else if ((st = identify(c->db, path, &version, err)) != GISA_OK)
        ; /* checked before WAL is switched on: another program's file stays as it was */
    else if (use_wal(c->db) != SQLITE_OK)
        st = db_fail(err, c->db, path, "not a usable SQLite database");
    else
        st = migrate(c->db, path, err);
    return corpus_opened(c, st, out);
}

/* "file:" and `path` as an SQLite URI (RFC 3986: %, ? and # escaped), then
 * the query `params`. */
static char *uri_of(const char *path, const char *params)
{
    size_t n = strlen(path);
    char *uri = malloc(5 + 3 * n + strlen(params) + 2), *o = uri;
    if (!uri)
        return NULL;
    o += sprintf(o, "file:");
    for (const char *p = path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#')
            o += sprintf(o, "%%%02X", (unsigned char)*p);
        else
            *o++ = *p;
    }
    sprintf(o, "?%s", params);
    return uri;
}

/* Open `path` read-only with URI `params`; SQLITE_OK once a statement has
 * read it (opening alone reads nothing). */
static int open_read(gisa_corpus *c, const char *params)
{
    char *uri = uri_of(c->path, params);
    if (!uri)
        return SQLITE_NOMEM;
    SQ(sqlite3_close)(c->db);
    c->db = NULL;
    int rc = SQ(sqlite3_open_v2)(uri, &c->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
                             SQLITE_OPEN_NOMUTEX, NULL);
    free(uri);
    if (rc == SQLITE_OK)
        rc = SQ(sqlite3_busy_timeout)(c->db, 10000);
    if (rc == SQLITE_OK && user_version(c->db) < 0)
        rc = SQ(sqlite3_errcode)(c->db);
    return rc;
}

gisa_status gisa_corpus_open_read(const char *path, gisa_corpus **out, gisa_error *err)
{
    *out = NULL;
    gisa_corpus *c = corpus_new(path, err);
    if (!c)
        return err->status;
    /* A WAL store needs its -shm file, which read-only media cannot hold
     * and a read-only open does not create; there nothing can change the
     * store either, so it is read as immutable. */
    int rc = open_read(c, "mode=ro");
    if (rc == SQLITE_CANTOPEN || rc == SQLITE_READONLY)
        rc = open_read(c, "immutable=1");
    int version = 0;
    gisa_status st = rc == SQLITE_OK ? identify(c->db, path, &version, err)
                                     : db_fail(err, c->db, path, "cannot read the store");
    if (st == GISA_OK && version == 0)
        st = refuse(err, path, "not a gisa store (an empty file or database)");
    return corpus_opened(c, st, out);
}

void gisa_corpus_close(gisa_corpus *c)
{
    if (!c)
        return;
    SQ(sqlite3_close)(c->db);
    free(c->path);
    free(c);
}

/* ---------------------------------------------------------------- writer */

enum { Q_BEGIN, Q_COMMIT, Q_PAGE, Q_CANDIDATES, Q_ARTICLE, Q_FTS, Q_POST, Q_VALIDATORS, NQ };

static const char *const writer_sql[NQ] = {
    "BEGIN IMMEDIATE",
    "COMMIT",
    "INSERT OR IGNORE INTO pages(url, fetched, status, hash, content_type, error,"
    " final_url, etag, last_modified, parent_url)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    "SELECT page_id, simhash FROM articles"
    " WHERE b0 = ?1 OR b1 = ?2 OR b2 = ?3 OR b3 = ?4",
    "INSERT INTO articles(page_id, url, canonical, title, date, author, publisher,"
    " site_name, lang, license, encoding, text, simhash, b0, b1, b2, b3, dup_of, distance,"
    " department, contact)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
    " ?18, ?19, ?20, ?21)",
    "INSERT INTO articles_fts(rowid, title, text) VALUES(?1, ?2, ?3)",
    "INSERT INTO posts(page_id, format, filename, text) VALUES(?1, 'jekyll', ?2, ?3)",
    /* same content, new validators: the next conditional GET uses these */
    "UPDATE pages SET etag = ?3, last_modified = ?4, fetched = ?5"
    " WHERE url = ?1 AND hash = ?2",
};

struct corpus_writer {
    gisa_corpus *c;
    sqlite3_stmt *q[NQ];
    int text_index;
};

corpus_writer *corpus_writer_new(gisa_corpus *c, int text_index, gisa_error *err)
{
    corpus_writer *w = calloc(1, sizeof *w);
    if (!w) {
        gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", c->path);
        return NULL;
    }
    w->c = c;
    w->text_index = text_index;
    for (int i = 0; i < NQ; i++)
        if (SQ(sqlite3_prepare_v2)(c->db, writer_sql[i], -1, &w->q[i], NULL) != SQLITE_OK) {
            db_fail(err, c->db, c->path, "cannot prepare a statement");
            corpus_writer_free(w);
            return NULL;
        }
    return w;
}

void corpus_writer_free(corpus_writer *w)
{
    if (!w)
        return;
    for (int i = 0; i < NQ; i++)
        SQ(sqlite3_finalize)(w->q[i]);
    free(w);
}

static int run(sqlite3_stmt *st)
{
    int rc = SQ(sqlite3_step)(st);
    SQ(sqlite3_reset)(st);
    SQ(sqlite3_clear_bindings)(st);
    return rc == SQLITE_DONE;
}

gisa_status corpus_writer_begin(corpus_writer *w, gisa_error *err)
{
    return run(w->q[Q_BEGIN]) ? GISA_OK : db_fail(err, w->c->db, w->c->path, "BEGIN");
}

gisa_status corpus_writer_commit(corpus_writer *w, gisa_error *err)
{
    return run(w->q[Q_COMMIT]) ? GISA_OK : db_fail(err, w->c->db, w->c->path, "COMMIT");
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        SQ(sqlite3_bind_text)(st, i, s, -1, SQLITE_STATIC);
    else
        SQ(sqlite3_bind_null)(st, i);
}

static int band(uint64_t h, int i)
{
    return (int)((h >> (16 * i)) & 0xffff);
}

/* The closest earlier article within CORPUS_MAX_DISTANCE bits (the
 * earliest among equals), or 0. */
static sqlite3_int64 nearest(corpus_writer *w, uint64_t h, unsigned *dist)
{
    sqlite3_stmt *st = w->q[Q_CANDIDATES];
    for (int i = 0; i < 4; i++)
        SQ(sqlite3_bind_int)(st, i + 1, band(h, i));
    sqlite3_int64 best = 0;
    unsigned bestd = CORPUS_MAX_DISTANCE + 1;
    while (SQ(sqlite3_step)(st) == SQLITE_ROW) {
        sqlite3_int64 id = SQ(sqlite3_column_int64)(st, 0);
        unsigned d = corpus_hamming(h, (uint64_t)SQ(sqlite3_column_int64)(st, 1));
        if (d < bestd || (d == bestd && id < best)) {
            best = id;
            bestd = d;
        }
    }
    SQ(sqlite3_reset)(st);
    *dist = bestd;
    return bestd <= CORPUS_MAX_DISTANCE ? best : 0;
}

static gisa_status put_article(corpus_writer *w, sqlite3_int64 id, const corpus_page *p,
                               corpus_put *res, gisa_error *err)
{
    const gisa_document *d = p->doc;
    unsigned dist;
    sqlite3_int64 dup = nearest(w, p->simhash, &dist);
    sqlite3_stmt *st = w->q[Q_ARTICLE];
    SQ(sqlite3_bind_int64)(st, 1, id);
    bind_text(st, 2, p->final_url ? p->final_url : p->url);
    const char *fields[] = {d->url, d->title, d->date, d->author, d->publisher,
                            d->site_name, d->lang, d->license, d->encoding, p->text};
    for (int i = 0; i < 10; i++)
        bind_text(st, 3 + i, fields[i]);
    SQ(sqlite3_bind_int64)(st, 13, (sqlite3_int64)p->simhash);
    for (int i = 0; i < 4; i++)
        SQ(sqlite3_bind_int)(st, 14 + i, band(p->simhash, i));
    if (dup) {
        SQ(sqlite3_bind_int64)(st, 18, dup);
        SQ(sqlite3_bind_int)(st, 19, (int)dist);
    }
    bind_text(st, 20, d->department);
    bind_text(st, 21, d->contact);
    if (!run(st))
        return db_fail(err, w->c->db, w->c->path, "cannot store an article");
    *res = dup ? CORPUS_PUT_DUPLICATE : CORPUS_PUT_STORED;
    if (!w->text_index)
        return GISA_OK;
    st = w->q[Q_FTS];
    SQ(sqlite3_bind_int64)(st, 1, id);
    bind_text(st, 2, d->title ? d->title : "");
    bind_text(st, 3, p->text);
    if (!run(st))
        return db_fail(err, w->c->db, w->c->path, "cannot index an article");
    return GISA_OK;
}

static gisa_status update_validators(corpus_writer *w, const corpus_page *p, gisa_error *err)
{
    if (!p->etag && !p->last_modified)
        return GISA_OK;
    sqlite3_stmt *st = w->q[Q_VALIDATORS];
    bind_text(st, 1, p->url);
    bind_text(st, 2, p->hash);
    bind_text(st, 3, p->etag);
    bind_text(st, 4, p->last_modified);
    bind_text(st, 5, p->fetched);
    return run(st) ? GISA_OK : db_fail(err, w->c->db, w->c->path, "cannot update a page");
}

static gisa_status put_post(corpus_writer *w, sqlite3_int64 id, const corpus_page *p,
                            int *posted, gisa_error *err)
{
    sqlite3_stmt *st = w->q[Q_POST];
    SQ(sqlite3_bind_int64)(st, 1, id);
    bind_text(st, 2, p->post_filename);
    bind_text(st, 3, p->post);
    if (!run(st))
        return db_fail(err, w->c->db, w->c->path, "cannot store a post");
    *posted = 1;
    return GISA_OK;
}

gisa_status corpus_writer_put(corpus_writer *w, const corpus_page *p, corpus_put *res,
                              int *posted, gisa_error *err)
{
    *posted = 0;
    sqlite3_stmt *st = w->q[Q_PAGE];
    bind_text(st, 1, p->url);
    bind_text(st, 2, p->fetched);
    SQ(sqlite3_bind_int)(st, 3, p->status);
    bind_text(st, 4, p->hash);
    bind_text(st, 5, p->content_type);
    bind_text(st, 6, p->error);
    bind_text(st, 7, p->final_url);
    bind_text(st, 8, p->etag);
    bind_text(st, 9, p->last_modified);
    bind_text(st, 10, p->parent_url);
    if (!run(st))
        return db_fail(err, w->c->db, w->c->path, "cannot store a page");
    if (SQ(sqlite3_changes)(w->c->db) == 0) {
        *res = CORPUS_PUT_UNCHANGED;
        return update_validators(w, p, err);
    }
    if (!p->doc) {
        *res = CORPUS_PUT_FAILED;
        return GISA_OK;
    }
    sqlite3_int64 id = SQ(sqlite3_last_insert_rowid)(w->c->db);
    gisa_status s = put_article(w, id, p, res, err);
    if (s == GISA_OK && p->post)
        s = put_post(w, id, p, posted, err);
    return s;
}

/* ------------------------------------------------------------------ seen */

struct corpus_seen {
    sqlite3 *db;
    sqlite3_stmt *q, *v;
};

corpus_seen *corpus_seen_open(const char *path, gisa_error *err)
{
    if (!sqlite_ready(path, err))
        return NULL;
    corpus_seen *s = calloc(1, sizeof *s);
    if (!s) {
        gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", path);
        return NULL;
    }
    if (SQ(sqlite3_open_v2)(path, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
            SQLITE_OK ||
        SQ(sqlite3_busy_timeout)(s->db, 10000) != SQLITE_OK ||
        /* one index lookup per page: a small cache will do, and memory
         * should not grow as the store does */
        SQ(sqlite3_exec)(s->db, "PRAGMA cache_size = -256", NULL, NULL, NULL) != SQLITE_OK ||
        SQ(sqlite3_prepare_v2)(s->db, "SELECT 1 FROM pages WHERE url = ?1 AND hash = ?2", -1,
                           &s->q, NULL) != SQLITE_OK ||
        SQ(sqlite3_prepare_v2)(s->db,
                           "SELECT etag, last_modified FROM pages WHERE url = ?1"
                           " AND (etag IS NOT NULL OR last_modified IS NOT NULL)"
                           " ORDER BY id DESC LIMIT 1",
                           -1, &s->v, NULL) != SQLITE_OK) {
        db_fail(err, s->db, path, "cannot open the store for reading");
        corpus_seen_close(s);
        return NULL;
    }
    return s;
}

int corpus_seen_has(corpus_seen *s, const char *url, const char *hash)
{
    SQ(sqlite3_bind_text)(s->q, 1, url, -1, SQLITE_STATIC);
    SQ(sqlite3_bind_text)(s->q, 2, hash, -1, SQLITE_STATIC);
    int found = SQ(sqlite3_step)(s->q) == SQLITE_ROW;
    SQ(sqlite3_reset)(s->q);
    return found;
}

static char *column_copy(sqlite3_stmt *st, int i)
{
    const unsigned char *t = SQ(sqlite3_column_text)(st, i);
    return t ? strdup((const char *)t) : NULL;
}

void corpus_seen_validators(corpus_seen *s, const char *url, char **etag,
                            char **last_modified)
{
    *etag = *last_modified = NULL;
    SQ(sqlite3_bind_text)(s->v, 1, url, -1, SQLITE_STATIC);
    if (SQ(sqlite3_step)(s->v) == SQLITE_ROW) {
        *etag = column_copy(s->v, 0);
        *last_modified = column_copy(s->v, 1);
    }
    SQ(sqlite3_reset)(s->v);
}

void corpus_seen_close(corpus_seen *s)
{
    if (!s)
        return;
    SQ(sqlite3_finalize)(s->q);
    SQ(sqlite3_finalize)(s->v);
    SQ(sqlite3_close)(s->db);
    free(s);
}

/* ---------------------------------------------------------------- search */

static char *dup_col(sqlite3_stmt *st, int i)
{
    const unsigned char *s = SQ(sqlite3_column_text)(st, i);
    return strdup(s ? (const char *)s : "");
}

static int query_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The next word of q at or after *p: sets *w and *n, moves *p past it. */
static int next_word(const char **p, const char **w, size_t *n)
{
    while (query_space(**p))
        ++*p;
    *w = *p;
    while (**p && !query_space(**p))
        ++*p;
    *n = (size_t)(*p - *w);
    return *n > 0;
}

/* Plain words -> "word"* each (prefix match: Korean words carry
 * particles), quotes doubled as FTS5 wants. A word given twice is given
 * once: FTS5's cost grows with the square of the phrases (its snippet and
 * ranking compare each with each), so "바다숲" 800 times would take
 * seconds for what one "바다숲" says. Sets *nwords to the different words;
 * stops counting past GISA_MAX_QUERY_WORDS. NULL when out of memory. */
static char *prefix_query(const char *q, size_t *nwords)
{
    size_t len = strlen(q);
    char *out = malloc(len * 2 + 4 * (len + 1) + 1), *o = out;
    const char *kept[GISA_MAX_QUERY_WORDS];
    size_t kept_len[GISA_MAX_QUERY_WORDS];
    *nwords = 0;
    if (!out)
        return NULL;
    const char *p = q, *w;
    size_t n;
    while (next_word(&p, &w, &n) && *nwords <= GISA_MAX_QUERY_WORDS) {
        size_t k = 0;
        while (k < *nwords && !(kept_len[k] == n && !memcmp(kept[k], w, n)))
            k++;
        if (k < *nwords)
            continue; /* said already */
        if (++*nwords > GISA_MAX_QUERY_WORDS)
            break;
        kept[k] = w;
        kept_len[k] = n;
        *o++ = '"';
        for (size_t i = 0; i < n; i++) {
            if (w[i] == '"')
                *o++ = '"';
            *o++ = w[i];
        }
        o = stpcpy(o, "\"* ");
    }
    *o = '\0';
    return out;
}

/* The words of a raw FTS5 query, its operators left out. */
static size_t raw_words(const char *q)
{
    size_t count = 0, n;
    const char *p = q, *w;
    while (next_word(&p, &w, &n))
        count += !((n == 3 && (!memcmp(w, "AND", 3) || !memcmp(w, "NOT", 3))) ||
                   (n == 2 && !memcmp(w, "OR", 2)));
    return count;
}

void gisa_hits_free(gisa_hit *hits, size_t n)
{
    for (size_t i = 0; hits && i < n; i++) {
        free((char *)hits[i].url);
        free((char *)hits[i].title);
        free((char *)hits[i].date);
        free((char *)hits[i].snippet);
    }
    free(hits);
}

gisa_status gisa_corpus_search(gisa_corpus *c, const char *query, int raw, size_t limit,
                               gisa_hit **hits, size_t *nhits, gisa_error *err)
{
    *hits = NULL;
    *nhits = 0;
    size_t nwords = 0;
    char *q = raw ? strdup(query) : prefix_query(query, &nwords);
    if (raw)
        nwords = raw_words(query);
    if (!q || !*q || nwords > GISA_MAX_QUERY_WORDS) {
        free(q);
        err->status = GISA_ERR_USAGE;
        if (nwords > GISA_MAX_QUERY_WORDS)
            snprintf(err->message, sizeof err->message,
                     "search: more than %d different words in the query (the query word limit)",
                     GISA_MAX_QUERY_WORDS);
        else
            snprintf(err->message, sizeof err->message, "empty search query");
        return GISA_ERR_USAGE;
    }
    sqlite3_stmt *st;
    if (SQ(sqlite3_prepare_v2)(c->db,
                           "SELECT a.url, a.title, a.date,"
                           " snippet(articles_fts, -1, '[', ']', '…', 16),"
                           " bm25(articles_fts, 5.0, 1.0)"
                           " FROM articles_fts JOIN articles a ON a.page_id = articles_fts.rowid"
                           " WHERE articles_fts MATCH ?1"
                           " ORDER BY bm25(articles_fts, 5.0, 1.0), a.page_id LIMIT ?2",
                           -1, &st, NULL) != SQLITE_OK) {
        free(q);
        return db_fail(err, c->db, c->path, "cannot search");
    }
    SQ(sqlite3_bind_text)(st, 1, q, -1, SQLITE_STATIC);
    SQ(sqlite3_bind_int64)(st, 2, limit ? (sqlite3_int64)limit : 10);
    gisa_hit *out = calloc(limit ? limit : 10, sizeof *out);
    size_t n = 0;
    int rc;
    while (out && (rc = SQ(sqlite3_step)(st)) == SQLITE_ROW) {
        gisa_hit *h = &out[n++];
        h->url = dup_col(st, 0);
        h->title = dup_col(st, 1);
        h->date = dup_col(st, 2);
        h->snippet = dup_col(st, 3);
        h->score = SQ(sqlite3_column_double)(st, 4);
    }
    gisa_status status = GISA_OK;
    if (!out || rc != SQLITE_DONE) {
        /* a bad --raw query is the caller's mistake; anything else (a
         * corrupt or unreadable store) is the store's */
        status = !out ? GISA_ERR_NOMEM
                 : raw && SQ(sqlite3_errcode)(c->db) == SQLITE_ERROR ? GISA_ERR_USAGE
                                                                 : GISA_ERR_IO;
        err->status = status;
        if (status == GISA_ERR_USAGE)
            snprintf(err->message, sizeof err->message, "search '%s': %s", query,
                     SQ(sqlite3_errmsg)(c->db));
        else
            snprintf(err->message, sizeof err->message, "%s: search '%s': %s", c->path,
                     query, SQ(sqlite3_errmsg)(c->db));
        gisa_hits_free(out, n);
        out = NULL;
        n = 0;
    }
    SQ(sqlite3_finalize)(st);
    free(q);
    *hits = out;
    *nhits = n;
    return status;
}

/* ------------------------------------------------------------------ dups */

void gisa_dups_free(gisa_dup *dups, size_t n)
{
    for (size_t i = 0; dups && i < n; i++) {
        free((char *)dups[i].original);
        free((char *)dups[i].url);
        free((char *)dups[i].title);
    }
    free(dups);
}

gisa_status gisa_corpus_dups(gisa_corpus *c, gisa_dup **dups, size_t *ndups, gisa_error *err)
{
    *dups = NULL;
    *ndups = 0;
    sqlite3_stmt *st;
    if (SQ(sqlite3_prepare_v2)(c->db,
                           "SELECT o.url, d.url, d.title, d.distance FROM articles d"
                           " JOIN articles o ON o.page_id = d.dup_of"
                           " ORDER BY d.dup_of, d.page_id",
                           -1, &st, NULL) != SQLITE_OK)
        return db_fail(err, c->db, c->path, "cannot list duplicates");
    gisa_dup *out = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = SQ(sqlite3_step)(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            gisa_dup *p = realloc(out, cap * sizeof *p);
            if (!p)
                break;
            out = p;
        }
        out[n].original = dup_col(st, 0);
        out[n].url = dup_col(st, 1);
        out[n].title = dup_col(st, 2);
        out[n].distance = (unsigned)SQ(sqlite3_column_int)(st, 3);
        n++;
    }
    SQ(sqlite3_finalize)(st);
    if (rc != SQLITE_DONE) {
        gisa_dups_free(out, n);
        return db_fail(err, c->db, c->path, "cannot list duplicates");
    }
    *dups = out;
    *ndups = n;
    return GISA_OK;
}
