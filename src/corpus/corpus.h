/* corpus.h - internals of the corpus stage: WARC reading, hashing and
 * SimHash, robots.txt, feeds, fetching, and the SQLite store. Not part of the public API. */
#ifndef GISA_CORPUS_H
#define GISA_CORPUS_H

#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "gisa.h"

/* ------------------------------------------------------------------ WARC */

/* A WARC file, plain or gzip (one member per record, as the WARC spec
 * recommends and Common Crawl ships). Memory stays bounded by the largest
 * record kept (max_record), whatever the file size. */
typedef struct warc_reader warc_reader;

/* One response record, its HTTP headers parsed. Valid until the next call. */
typedef struct warc_record {
    const char *url;          /* WARC-Target-URI */
    const char *date;         /* WARC-Date */
    const char *id;           /* WARC-Record-ID, e.g. "<urn:uuid:...>", or NULL */
    const char *content_type; /* the HTTP Content-Type, or NULL */
    int status;               /* the HTTP status, or 0 if not HTTP */
    const unsigned char *body;/* the HTTP payload */
    size_t len;
    uint64_t offset;          /* where the record starts in the (decoded) stream */
} warc_record;

warc_reader *warc_open(const char *path, size_t max_record, gisa_error *err);
/*
 * Next response record: 1 when one is returned, 0 at the end, -1 when a
 * record was bad (err names the file, the record's offset and the reason);
 * after -1 the reader has skipped to the next record and may be called
 * again. Records of other types are skipped silently.
 */
int warc_next(warc_reader *r, warc_record *rec, gisa_error *err);
/* Bytes of the file consumed so far, and its size (for progress). */
void warc_progress(const warc_reader *r, uint64_t *done, uint64_t *total);
void warc_close(warc_reader *r);

/* ------------------------------------------------------------ hashing */

/* A content hash of raw page bytes as 24 hex digits plus NUL (FNV-1a 64
 * and zlib's CRC-32: enough to tell changed pages apart, not crypto). */
void corpus_content_hash(const unsigned char *data, size_t len, char out[25]);

/* 64-bit SimHash over 4-character shingles of `text` (UTF-8), white space
 * ignored. Texts that differ by a few words differ by a few bits. */
uint64_t corpus_simhash(const char *text, size_t len);
unsigned corpus_hamming(uint64_t a, uint64_t b);



/* ---------------------------------------------------------------- robots */

/* The rules of robots.txt (RFC 9309) that apply to one user agent: the
 * groups naming its product token, or else the `*` groups. */
typedef struct robots_rule {
    const char *pattern; /* NUL-terminated, inside robots.pool */
    size_t len;
    int allow;
} robots_rule;

typedef struct robots {
    char *text;          /* a copy of the file */
    char *pool;          /* the rules' patterns, normalised */
    robots_rule *rules;
    size_t nrules;
    double crawl_delay;  /* seconds, 0 when not given */
} robots;

/* The most of a robots.txt that is read (RFC 9309 asks for 500 KiB). */
#define ROBOTS_MAX_BYTES ((size_t)512 << 10)

/* Parse `txt` (any bytes) for `agent` (a product token such as "gisa",
 * matched case-insensitively). Returns 0, or -1 when out of memory.
 * Release with robots_free(). */
int robots_parse(const char *txt, size_t len, const char *agent, robots *out);
/* May `path` (path and query of a URL, starting with '/') be fetched?
 * The longest matching rule wins, Allow on a tie; no match allows. */
int robots_allowed(const robots *r, const char *path);
void robots_free(robots *r);

/* ------------------------------------------------------------------ feed */

/* One item of an RSS 2.0, RSS 1.0 or Atom feed. */
typedef struct feed_item {
    char *link;    /* absolute http(s) URL, or NULL */
    char *title;   /* or NULL */
    char *date;    /* as the feed gives it, or NULL */
    char *content; /* HTML of the full text, when the item carries it */
    const char *problem; /* why the item cannot be used (static), or NULL */
} feed_item;

typedef struct feed {
    feed_item *items;
    size_t n;
} feed;

/* Full text shorter than this (in bytes of text, markup left out) is a
 * teaser: the item's link is fetched instead. */
#define FEED_MIN_CONTENT 400

/* Does `data` start like an RSS or Atom document (after an XML declaration,
 * comments and a doctype, internal subset included: a feed declaring
 * entities is still a feed, which feed_parse then refuses)? */
int feed_sniff(const unsigned char *data, size_t len);
/* Parse a feed from memory with libxml2: no network, no DTD, no entity
 * expansion. `base` resolves relative links (may be NULL); `name` is used
 * in the error message. Returns GISA_OK or GISA_ERR_INPUT with a one-line
 * error. Release with feed_free(). */
gisa_status feed_parse(const unsigned char *data, size_t len, const char *name,
                       const char *base, feed *out, gisa_error *err);
void feed_free(feed *f);
/* A small HTML page holding an item's title, date and full text, for the
 * extractor. malloc'd; NULL when out of memory. */
char *feed_item_page(const feed_item *item, size_t *len);

/* ----------------------------------------------------------------- fetch */

typedef struct fetch_options {
    const char *user_agent; /* NULL = FETCH_USER_AGENT */
    double delay;           /* seconds between requests to one host */
    double timeout;         /* seconds per request */
    size_t max_bytes;       /* body limit, after decompression */
    int allow_private;      /* connect to private, loopback, link-local */
} fetch_options;

#define FETCH_USER_AGENT "gisa/" GISA_VERSION " (+https://github.com/gisa-project/gisa)"
#define FETCH_MAX_REDIRECTS 5
#define FETCH_ATTEMPTS 3
#define FETCH_MAX_RETRY_AFTER 30.0 /* seconds: a longer Retry-After is capped */
#define FETCH_MAX_CRAWL_DELAY 60.0 /* seconds: so is a longer Crawl-delay */

typedef enum fetch_outcome {
    FETCH_OK,
    FETCH_NOT_MODIFIED, /* 304 to a conditional request */
    FETCH_FAILED        /* err says why; reason classifies it */
} fetch_outcome;

typedef struct fetch_result {
    int status;
    unsigned char *data;
    size_t len;
    char *final_url, *content_type, *etag, *last_modified;
    char fetched[32];        /* ISO 8601 UTC */
    gisa_fail_reason reason; /* when FETCH_FAILED */
} fetch_result;

typedef struct fetcher fetcher;
fetcher *fetcher_new(const fetch_options *opts, gisa_error *err);
/* GET `url` honouring robots.txt, the per-host delay, retries and the
 * limits. `etag` and `last_modified` (may be NULL) make it conditional. */
fetch_outcome fetcher_get(fetcher *f, const char *url, const char *etag,
                          const char *last_modified, fetch_result *res, gisa_error *err);
void fetch_result_clear(fetch_result *res);
/* httpdate.c: the seconds a Retry-After value asks for (delay-seconds, or
 * an HTTP-date against `now`; a date in the past is 0), or -1 when it is
 * neither (or NULL). Not capped here. */
double fetch_retry_after(const char *value, time_t now);
void fetcher_free(fetcher *f);
/* Is this socket address private, loopback, link-local or otherwise not
 * on the public Internet? (struct sockaddr *) */
int fetch_address_private(const void *sockaddr);

/* netaddr.c: why an address is refused. Static strings; NULL when not
 * applicable. */
typedef struct netaddr_verdict {
    const char *what;  /* "loopback", "documentation (TEST-NET-1)", ... */
    const char *range; /* "127.0.0.0/8", or NULL */
    const char *via;   /* the IPv6 form carrying the IPv4 address ("NAT64"), or NULL */
} netaddr_verdict;
/* 1 when a fetch must not connect to `sockaddr` (a struct sockaddr * of
 * any family), filling `v`; 0 when it is a public address. */
int netaddr_refused(const void *sockaddr, netaddr_verdict *v);
/* "loopback 127.0.0.0/8, carried by NAT64" */
void netaddr_describe(const netaddr_verdict *v, char *out, size_t cap);

/* ----------------------------------------------------------------- store */

#include <sqlite3.h>

struct gisa_corpus {
    sqlite3 *db;
    char *path;
};

/* A page as the writer stores it. `doc` and `text` are NULL when the page
 * failed (`error` says why) or gave no article. */
typedef struct corpus_page {
    const char *url;
    const char *fetched;      /* ISO 8601, or NULL */
    const char *content_type; /* or NULL */
    int status;               /* HTTP status, 0 for files */
    const char *hash;
    const char *error;
    const gisa_document *doc;
    const char *text;
    uint64_t simhash;
    /* fetched pages: where redirects ended, and the validators of a
     * conditional GET next time (NULL otherwise) */
    const char *final_url, *etag, *last_modified;
    /* with --posts: a composed post and its file name, or NULL */
    const char *post, *post_filename;
    /* an attachment: the URL of the page that links it, else NULL */
    const char *parent_url;
} corpus_page;

typedef enum corpus_put {
    CORPUS_PUT_STORED,
    CORPUS_PUT_DUPLICATE, /* stored, linked to an earlier near-duplicate */
    CORPUS_PUT_UNCHANGED, /* this URL with this hash is already stored */
    CORPUS_PUT_FAILED     /* recorded as failed */
} corpus_put;
/* (A post, when the page has one, is stored with a new article; `posted`
 * of corpus_writer_put says whether it was.) */

/* Prepared statements of the single writer. */
typedef struct corpus_writer corpus_writer;
/* text_index 0: articles are not added to the full-text index
 * (gisa_ingest_options.no_text_index). */
corpus_writer *corpus_writer_new(gisa_corpus *c, int text_index, gisa_error *err);
gisa_status corpus_writer_put(corpus_writer *w, const corpus_page *p, corpus_put *res,
                              int *posted, gisa_error *err);
/* Batches: writes between begin and commit are one transaction. */
gisa_status corpus_writer_begin(corpus_writer *w, gisa_error *err);
gisa_status corpus_writer_commit(corpus_writer *w, gisa_error *err);
void corpus_writer_free(corpus_writer *w);

/* A read-only view for the reader thread: is this URL+hash stored? */
typedef struct corpus_seen corpus_seen;
corpus_seen *corpus_seen_open(const char *path, gisa_error *err);
int corpus_seen_has(corpus_seen *s, const char *url, const char *hash);
/* The ETag and Last-Modified last stored for `url` (malloc'd, or NULL). */
void corpus_seen_validators(corpus_seen *s, const char *url, char **etag,
                            char **last_modified);
void corpus_seen_close(corpus_seen *s);

#define CORPUS_MAX_DISTANCE 3 /* SimHash bits for a near-duplicate */
/* JSON Lines beside the store (jsonl.c): written to a temporary file and
 * renamed into place by jsonl_commit(); jsonl_abort() removes it. */
typedef struct jsonl_writer jsonl_writer;
jsonl_writer *jsonl_open(const char *path, gisa_error *err);
gisa_status jsonl_write(jsonl_writer *w, const char *line, size_t len, gisa_error *err);
gisa_status jsonl_commit(jsonl_writer *w, gisa_error *err);
void jsonl_abort(jsonl_writer *w);

#endif
