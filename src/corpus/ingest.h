/* ingest.h - what the files of the ingest pipeline share (ingest.c says
 * which file holds which stage). Not part of the public API. */
#ifndef GISA_INGEST_H
#define GISA_INGEST_H

#include <pthread.h>
#include <time.h>

#include "../util/error.h"
#include "corpus.h"

typedef enum job_kind {
    JOB_PAGE,    /* to extract */
    JOB_FAILED,  /* the reader could not read it; err and reason say why */
    JOB_KNOWN,   /* already stored with this URL and hash (a worker finds out) */
    JOB_SKIPPED, /* not a page (image, redirect, error status) */
    JOB_NOT_MODIFIED /* a 304 to a conditional GET */
} job_kind;

/* An attachment a stored page links (opts->attachments), waiting for the
 * reader to fetch it once the pages before it are written. */
typedef struct pending {
    struct pending *next;
    char *url, *parent;     /* the attachment, and the page's URL */
    gisa_document *meta;    /* the page's metadata (keep_meta): its credit */
} pending;

typedef struct job {
    struct job *next;
    uint64_t seq;
    job_kind kind;
    char *name, *url, *fetched, *ctype;
    char *final_url, *etag, *last_modified; /* fetched pages */
    char *parent_url;     /* an attachment: the page that links it */
    gisa_document *parent_meta; /* and the page's metadata, to credit it */
    pending *attachments; /* a page's readable attachments (opts->attachments) */
    int status;
    gisa_fail_reason reason;
    char hash[25];
    unsigned char *data;
    size_t len;
    gisa_error err;
    int failed; /* extraction failed: err says why */
    gisa_document *doc; /* its metadata only, one allocation: see keep_meta */
    char *text;
    uint64_t simhash;
    char *record_id;      /* WARC-Record-ID, for --jsonl */
    char *json;           /* the article as one JSON line (opts->jsonl) */
    gisa_post post;       /* with opts->posts */
    gisa_error post_err;
    int post_failed;
} job;

typedef struct pipeline {
    pthread_mutex_t mu;
    pthread_cond_t space, work, done;
    size_t extracting, nextracting; /* bytes and pages in the workers' hands */
    int idle;                   /* workers waiting for a page */
    int trim;                   /* a large page was freed: see release() */
    job *work_head, *work_tail; /* reader -> workers, FIFO */
    job *done_list;             /* workers -> writer, any order */
    size_t inflight, cap;
    size_t bytes, budget;       /* raw page bytes waiting for a worker */
    uint64_t next_seq;          /* given by the reader */
    int reading_done, abort;
    gisa_status status;         /* the writer's failure, if any */
    gisa_error err;
    double fraction;            /* of input bytes read, or -1 */
    gisa_corpus *corpus;
    const gisa_ingest_options *opts;
    size_t max_input;
    corpus_seen *seen;
    pthread_mutex_t seen_mu;    /* workers and reader share `seen` */
    pthread_mutex_t model_mu;   /* opts->rewrite's models, one page each */
    pthread_cond_t model_free;
    unsigned char *model_busy;  /* [opts->nrewrite] */
    fetcher *fetch;             /* made at the first URL */
    jsonl_writer *jsonl;        /* opts->jsonl: written by the writer thread */
    pending *pending_head, *pending_tail; /* attachments, in write order */
    char **fetched_urls;        /* attachments taken this run, each once */
    size_t nfetched, cap_fetched;
    int fetch_failed;
    gisa_ingest_stats stats;
    struct timespec t0;
    /* bytes of WARC input, for the progress fraction */
    uint64_t bytes_total, bytes_before;
} pipeline;

/* ingest.c */
double ingest_now_seconds(void); /* monotonic */

/* ingest_job.c */
job *ingest_new_job(job_kind kind, const char *name);
void ingest_job_free(job *j);
/* Wait for room, then hand `j` on (to the workers or the writer); 0 if
 * the run was aborted. */
int ingest_submit(pipeline *p, job *j);
int ingest_submit_failure(pipeline *p, const char *name, const gisa_error *err);
int ingest_submit_failure_as(pipeline *p, const char *name, const gisa_error *err,
                             gisa_fail_reason reason);
/* The fields of a document the store keeps, in one allocation. */
gisa_document *ingest_keep_meta(const gisa_document *d);

/* ingest_read.c: the reader's inputs, then opts->list; 0 if the run must
 * stop. */
int ingest_read_inputs(pipeline *p, const char *const *inputs, size_t ninputs);
int ingest_is_warc(const char *path);

/* ingest_warc.c */
int ingest_read_warc(pipeline *p, const char *path);
/* Progress by bytes read, when every input is a WARC: their total size. */
void ingest_warc_bytes(pipeline *p, const char *const *inputs, size_t n);

/* ingest_fetch.c */
int ingest_is_url(const char *s);
/* The run's fetcher, made at the first URL; NULL (err set) if it cannot be. */
fetcher *ingest_get_fetcher(pipeline *p, gisa_error *err);
/* GET `url` with f, conditional on the validators stored with it. */
fetch_outcome ingest_fetch_again(pipeline *p, fetcher *f, const char *url, fetch_result *r,
                                 gisa_error *err);
/* Move the response's fields into `j` (its body too if `body`). */
void ingest_take_response(job *j, fetch_result *r, int body);
/* A response (fetched, or a WARC record) worth extracting? */
int ingest_is_readable(const char *ct, const unsigned char *data, size_t len);
/* Fetch `url`; at depth 0 a feed is expanded into its items. */
int ingest_read_url(pipeline *p, const char *url, int depth);
/* Each item of feed `name`: its full text, or its link fetched. */
int ingest_read_feed(pipeline *p, const char *name, const unsigned char *data, size_t len,
                     const char *base, const char *fetched);

/* ingest_worker.c, ingest_writer.c: the threads' functions (arg: the
 * pipeline). */
void *ingest_worker(void *arg);
void *ingest_writer(void *arg);

/* ingest_post.c: with opts->posts, page `j`'s post of document `doc`. */
void ingest_compose_post(pipeline *p, job *j, const gisa_document *doc);

/* ingest_attach.c */
void ingest_pending_free(pending *e);
/* Worker: note the readable attachments of page `j`'s document `d`. */
void ingest_collect_attachments(pipeline *p, job *j, const gisa_document *d);
/* Worker: a page not extracted (stored before, or without body text),
 * read for its attachment links alone. */
void ingest_links_only(pipeline *p, job *j);
/* Writer: page `j` is written; its attachments may be taken. */
void ingest_queue_attachments(pipeline *p, job *j);
/* Reader, after the inputs: take every queued attachment, each once. */
int ingest_read_attachments(pipeline *p);

#endif
