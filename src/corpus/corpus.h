/* corpus.h - internals of the corpus stage: WARC reading, hashing and
 * SimHash, and the SQLite store. Not part of the public API. */
#ifndef GISA_CORPUS_H
#define GISA_CORPUS_H

#include <stdint.h>
#include <stdio.h>

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
} corpus_page;

typedef enum corpus_put {
    CORPUS_PUT_STORED,
    CORPUS_PUT_DUPLICATE, /* stored, linked to an earlier near-duplicate */
    CORPUS_PUT_UNCHANGED, /* this URL with this hash is already stored */
    CORPUS_PUT_FAILED     /* recorded as failed */
} corpus_put;

/* Prepared statements of the single writer. */
typedef struct corpus_writer corpus_writer;
corpus_writer *corpus_writer_new(gisa_corpus *c, gisa_error *err);
gisa_status corpus_writer_put(corpus_writer *w, const corpus_page *p, corpus_put *res,
                              gisa_error *err);
/* Batches: writes between begin and commit are one transaction. */
gisa_status corpus_writer_begin(corpus_writer *w, gisa_error *err);
gisa_status corpus_writer_commit(corpus_writer *w, gisa_error *err);
void corpus_writer_free(corpus_writer *w);

/* A read-only view for the reader thread: is this URL+hash stored? */
typedef struct corpus_seen corpus_seen;
corpus_seen *corpus_seen_open(const char *path, gisa_error *err);
int corpus_seen_has(corpus_seen *s, const char *url, const char *hash);
void corpus_seen_close(corpus_seen *s);

#define CORPUS_MAX_DISTANCE 3 /* SimHash bits for a near-duplicate */
#endif
