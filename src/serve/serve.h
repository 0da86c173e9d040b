/* serve.h - gisa serve: the review desk, a local web app on a corpus store.
 *
 * The pieces, one idea a file:
 *   router.c  method + URL -> a route (pure; fuzzed)
 *   form.c    query strings, cookies, Host checks, the FTS query (pure; fuzzed)
 *   reqjson.c the JSON request bodies (pure; fuzzed)
 *   session.c sessions and their CSRF tokens
 *   db.c      the store as the desk reads and writes it, one SQLite
 *             connection per worker thread
 *   article.c an article row -> a gisa_document, compose and check
 *   api.c     the /api/ handlers
 *   http.c    libmicrohttpd: connections, bodies, limits, headers
 * The page (assets/) is embedded at build time (assets.c, generated). */
#ifndef GISA_SERVE_H
#define GISA_SERVE_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "gisa.h"
/* json-c through the desk's own table (util/jsonapi.h): libgisa's is not
 * part of its public API. desk_run loads it. */
#define JSON_API_TABLE desk_json_loaded()
#include "../util/jsonapi.h"
LAZYLIB_DECLARE(json_api, desk_json)

/* ---------------------------------------------------------------- config */

typedef struct desk_config {
    const char *db;     /* the corpus store */
    const char *site;   /* where Publish writes, or NULL (Publish refused) */
    const char *listen; /* "HOST:PORT"; default 127.0.0.1:8080 */
    int allow_private;  /* Add may fetch private addresses */
    unsigned threads;   /* worker threads; 0 = 4 */
    size_t max_body;    /* JSON bodies; 0 = DESK_MAX_BODY */
    size_t max_upload;  /* uploaded files; 0 = DESK_MAX_UPLOAD */
    int quiet;
} desk_config;

#define DESK_MAX_BODY ((size_t)1 << 20)    /* 1 MiB: a post is a few KiB */
#define DESK_MAX_UPLOAD ((size_t)32 << 20) /* 32 MiB: an HWPX with photos */

/* Serve until SIGINT or SIGTERM. Returns a gisa_status. */
int desk_run(const desk_config *cfg, gisa_error *err);

/* ---------------------------------------------------------------- router */

typedef enum route_id {
    ROUTE_NONE = 0,   /* no such path: 404 */
    ROUTE_METHOD,     /* the path exists, not with this method: 405 */
    ROUTE_INDEX,      /* GET / */
    ROUTE_ASSET,      /* GET /assets/NAME */
    ROUTE_ARTICLES,   /* GET /api/articles */
    ROUTE_FACETS,     /* GET /api/facets */
    ROUTE_ARTICLE,    /* GET /api/article/ID */
    ROUTE_POST,       /* POST /api/post/ID: compose again (format, style, mode) */
    ROUTE_DRAFT,      /* POST /api/draft/ID: save the edited post */
    ROUTE_CHECK,      /* POST /api/check */
    ROUTE_PUBLISH,    /* POST /api/publish/ID */
    ROUTE_STATUS,     /* POST /api/status/ID */
    ROUTE_ADD,        /* POST /api/add (a URL as JSON, or a file's bytes) */
    ROUTE_ID_BAD      /* /api/.../ID with an ID that is not a number: 400 */
} route_id;

typedef struct route {
    route_id id;
    int64_t article;   /* ROUTE_ARTICLE...: the ID */
    const char *asset; /* ROUTE_ASSET: the name after /assets/ (in url) */
    int mutating;      /* needs the CSRF token */
} route;

/* Match `method` and the path of `url` (no query string: libmicrohttpd
 * hands it apart). Never fails: anything unknown is ROUTE_NONE. */
void route_match(const char *method, const char *url, route *out);

/* ------------------------------------------------------------------ form */

/* Decode %XX and '+' of a query value in place; 0 when it is not valid
 * UTF-8 afterwards or holds a NUL (then `s` is garbage). */
int form_decode(char *s);
/* The value of cookie `name` in a Cookie header, copied into out (NUL-
 * terminated); 0 when absent or longer than cap - 1. */
int cookie_value(const char *header, const char *name, char *out, size_t cap);
/* May a request with this Host header reach a server listening on
 * `listen_host` port `port`? Loopback names (localhost, 127.0.0.1, [::1])
 * and the listen address itself with this port: a page on another name
 * that resolves here (DNS rebinding) is refused. */
int host_allowed(const char *host, const char *listen_host, unsigned port);
/* Plain words -> "word"* each, as gisa search does (prefix match, quotes
 * doubled, a word given twice kept once); NULL when empty or over
 * GISA_MAX_QUERY_WORDS words, or out of memory. malloc'd. */
char *fts_query(const char *q);
/* Is `s` a keyset cursor "DATE|ID"? Fills date (cap bytes) and *id. */
int cursor_parse(const char *s, char *date, size_t cap, int64_t *id);
/* A file name for an upload: letters, digits, Hangul, '.', '-', '_' kept,
 * others '_'; the extension must be one the readers take (.html, .htm,
 * .xhtml, .hwp, .hwpx, .pdf). 0 when refused. */
int upload_name(const char *name, char *out, size_t cap);
/* The same for a file whose bytes are a document: whatever its name ends
 * with (a ministry's "download.do"), it is kept as NAME + ext (".pdf",
 * ".hwp", ".hwpx"), a page's extension replaced. 0 when refused. */
int upload_doc_name(const char *name, const char *ext, char *out, size_t cap);

/* --------------------------------------------------------------- reqjson */

typedef struct req_post {
    int64_t id;        /* the article (check, publish) or 0 */
    char *text;        /* the post, or NULL */
    char *url;         /* add: the URL, or NULL */
    char *status;      /* status: new, drafted, refused */
    gisa_post_options po;
    int has_format;
} req_post;

/* Parse a JSON request body (an object; unknown keys ignored). 0 with a
 * one-line reason in `why` when it is not one. Release with req_clear. */
int req_parse(const char *body, size_t len, req_post *out, char *why, size_t why_len);
void req_clear(req_post *r);

/* --------------------------------------------------------------- session */

typedef struct sessions sessions;
sessions *sessions_new(void);
void sessions_free(sessions *s);
/* A new session: its id and CSRF token, 32 hex digits each + NUL. */
int session_create(sessions *s, char sid[33], char token[33]);
/* The token of session `sid` (copied), 0 when there is none. */
int session_token(sessions *s, const char *sid, char token[33]);
/* Constant-time: does `given` match the token of session `sid`? */
int session_check(sessions *s, const char *sid, const char *given);

/* -------------------------------------------------------------------- db */

/* One worker thread's connection and what it knows. */
typedef struct desk_db {
    sqlite3 *db;
    const char *path;
} desk_db;

int db_open(desk_db *d, const char *path, gisa_error *err);
void db_close(desk_db *d);

typedef struct inbox_query {
    const char *q;       /* search words, or NULL */
    const char *org, *license, *status, *from, *to; /* filters or NULL */
    const char *cursor;  /* keyset "DATE|ID" (browse) or offset (search) */
    int limit;
} inbox_query;

/* The inbox page as JSON: {"articles": [...], "next": cursor|null}. */
int db_inbox(desk_db *d, const inbox_query *q, json_object **out, gisa_error *err);
/* Organisations, licences and statuses with their counts. */
int db_facets(desk_db *d, json_object **out, gisa_error *err);

/* An article row, its strings malloc'd. */
typedef struct article_row {
    int64_t id;
    char *url, *title, *date, *author, *publisher, *site_name, *lang, *license;
    char *text, *status, *draft, *path, *format;
    char *department, *contact; /* a release's press block, or NULL */
    char *page_url;   /* pages.url: what its attachments name as parent */
    char *parent_url; /* an attachment: the page that links it, or NULL */
    int64_t dup_of;
} article_row;

/* 1 found, 0 no such article, -1 error (err). */
int db_article(desk_db *d, int64_t id, article_row *row, gisa_error *err);
void article_row_clear(article_row *row);
/* Its near-duplicates and original as a JSON array. */
json_object *db_dups(desk_db *d, int64_t id, int64_t dup_of);
/* The documents stored as attachments of the page at `page_url`
 * (pages.parent_url), newest version of each: [{url, name, kind, id,
 * error}], `id` the attachment's own article or null. */
json_object *db_attachments(desk_db *d, const char *page_url);
/* The article of the page at `url` (an attachment's parent), or 0. */
int64_t db_page_article(desk_db *d, const char *url);
/* Record the desk's state of an article (status; draft text, path,
 * format may be NULL = leave as they are). */
int db_set(desk_db *d, int64_t id, const char *status, const char *draft,
           const char *path, const char *format, gisa_error *err);
/* The article a just-ingested input (path or URL) became, or 0. */
int64_t db_article_of(desk_db *d, const char *input);

/* --------------------------------------------------------------- article */

/* An article row as a document: its metadata and its text's paragraphs
 * (the store keeps the text as gisa_render's TEXT: blocks separated by
 * blank lines). Owns its copies; free with stored_doc_free. */
typedef struct stored_doc {
    gisa_document doc;
    gisa_block *blocks;
    char *text;
} stored_doc;
int stored_doc_make(const article_row *row, stored_doc *out);
void stored_doc_free(stored_doc *sd);

/* The source as paragraphs of sentences (JSON array of arrays). */
json_object *source_sentences(const gisa_document *doc);
/* Check post `text` against `src`: the JSON the page colours sentences
 * with; *flagged gets the unsupported + contradicted facts. NULL with err
 * on failure (a post that cannot be read). */
json_object *check_json(const gisa_document *src, const char *text, size_t len,
                        size_t *flagged, gisa_error *err);

/* ------------------------------------------------------------------ api */

typedef struct desk desk; /* the server (http.c) */

typedef struct api_request {
    const route *rt;
    const char *body; /* NUL-terminated (uploads may hold NULs: use len) */
    size_t len;
    const char *upload_name; /* ADD with a file: ?name= */
    inbox_query iq;
} api_request;

typedef struct api_response {
    unsigned status;   /* HTTP */
    json_object *json; /* owned */
} api_response;

void api_handle(desk *dk, desk_db *d, const api_request *req, api_response *res);
/* add.c: POST /api/add. */
void api_add(desk *dk, desk_db *d, const api_request *req, api_response *res);
/* What api.c needs of the server. */
const desk_config *desk_cfg(const desk *dk);

/* ---------------------------------------------------------------- assets */

typedef struct asset {
    const char *name; /* "index.html", "app.js" ... */
    const unsigned char *data;
    size_t len;
} asset;
const asset *asset_find(const char *name);

#endif
