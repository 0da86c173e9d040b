/* ingest_writer.c - the writer thread: stores the finished jobs strictly
 * in input order, in batches of one transaction each, counts what became
 * of every input, and reports progress. */
#include <string.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "ingest.h"

#define BATCH 64          /* pages per transaction */
#define BATCH_SECONDS 0.5 /* or this long, whichever comes first */
#define PROGRESS_SECONDS 0.2

/* Unlink the job with sequence number `seq` from the done list, or NULL. */
static job *take_done(pipeline *p, uint64_t seq)
{
    for (job **pp = &p->done_list; *pp; pp = &(*pp)->next)
        if ((*pp)->seq == seq) {
            job *j = *pp;
            *pp = j->next;
            return j;
        }
    return NULL;
}

static void report_error(pipeline *p, const gisa_error *err)
{
    if (p->opts->on_error)
        p->opts->on_error(p->opts->ctx, err);
}

static void count_failure(gisa_ingest_stats *s, gisa_fail_reason reason)
{
    s->failed++;
    s->failed_by[reason < GISA_FAIL_NREASONS ? reason : GISA_FAIL_READ]++;
}

const char *gisa_fail_reason_name(gisa_fail_reason reason)
{
    static const char *const names[GISA_FAIL_NREASONS] = {
        "no article", "unreadable", "bad feed", "robots.txt", "private address",
        "HTTP error", "timeout", "too large", "too many redirects", "network",
    };
    return reason < GISA_FAIL_NREASONS ? names[reason] : "unknown";
}

/* A job with nothing to store (known, skipped, not modified, failed to
 * read) is counted, and a failure reported; 0 for a page to store. */
static int count_unstored(pipeline *p, const job *j)
{
    gisa_ingest_stats *s = &p->stats;
    switch (j->kind) {
    case JOB_KNOWN: s->unchanged++; return 1;
    case JOB_SKIPPED: s->skipped++; return 1;
    case JOB_NOT_MODIFIED: s->not_modified++; return 1;
    case JOB_FAILED:
        report_error(p, &j->err);
        count_failure(s, j->reason);
        return 1;
    case JOB_PAGE: break;
    }
    return 0;
}

static int is_stored(corpus_put res)
{
    return res == CORPUS_PUT_STORED || res == CORPUS_PUT_DUPLICATE;
}

static void count_put(gisa_ingest_stats *s, const job *j, corpus_put res, int posted)
{
    if (j->parent_url && is_stored(res))
        s->attachments++;
    switch (res) {
    case CORPUS_PUT_STORED: s->stored++; break;
    case CORPUS_PUT_DUPLICATE: s->stored++; s->duplicates++; break;
    case CORPUS_PUT_UNCHANGED: s->unchanged++; break;
    case CORPUS_PUT_FAILED: count_failure(s, GISA_FAIL_EXTRACT); break;
    }
    s->posts += (size_t)posted;
}

/* Store one job; counts go into p->stats (only the writer touches them). */
static gisa_status write_job(pipeline *p, corpus_writer *w, job *j, gisa_error *err)
{
    p->stats.processed++;
    ingest_queue_attachments(p, j);
    if (count_unstored(p, j))
        return GISA_OK;
    if (j->failed)
        report_error(p, &j->err);
    corpus_page page = {j->url, j->fetched, j->ctype, j->status, j->hash,
                        j->failed ? j->err.message : NULL, j->doc, j->text, j->simhash,
                        j->final_url, j->etag, j->last_modified, j->post.text,
                        j->post.filename, j->parent_url};
    corpus_put res;
    int posted;
    gisa_status st = corpus_writer_put(w, &page, &res, &posted, err);
    if (st != GISA_OK)
        return st;
    count_put(&p->stats, j, res, posted);
    if (p->jsonl && j->json && is_stored(res)) {
        st = jsonl_write(p->jsonl, j->json, strlen(j->json), err);
        if (st != GISA_OK)
            return st;
    }
    if (j->post_failed && is_stored(res))
        report_error(p, &j->post_err); /* the article is stored; only its post is missing */
    return GISA_OK;
}

static void progress(pipeline *p, double *last)
{
    double t = ingest_now_seconds();
    if (!p->opts->on_progress || t - *last < PROGRESS_SECONDS)
        return;
    *last = t;
    pthread_mutex_lock(&p->mu);
    double f = p->fraction;
    pthread_mutex_unlock(&p->mu);
    p->stats.seconds = t - ((double)p->t0.tv_sec + (double)p->t0.tv_nsec / 1e9);
    p->opts->on_progress(p->opts->ctx, &p->stats, f);
}

/* The next job in input order, waiting at most until `deadline` (then
 * NULL). *finished is set once every job has been written. */
static job *next_in_order(pipeline *p, uint64_t seq, double deadline, int *finished)
{
    pthread_mutex_lock(&p->mu);
    job *j;
    while (!(j = take_done(p, seq))) {
        if (p->reading_done && seq == p->next_seq) {
            *finished = 1;
            break;
        }
        double wait = deadline - ingest_now_seconds();
        if (wait <= 0)
            break;
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        double end = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9 + wait;
        ts.tv_sec = (time_t)end;
        ts.tv_nsec = (long)((end - (double)ts.tv_sec) * 1e9);
        pthread_cond_timedwait(&p->done, &p->mu, &ts);
    }
    pthread_mutex_unlock(&p->mu);
    return j;
}

/* The writer is done with a job. After a large page, freed memory goes
 * back to the system here, on the writer, rather than on a worker:
 * malloc_trim waits for every thread's arena, and a worker's time is the
 * one that counts. */
static void release(pipeline *p)
{
    pthread_mutex_lock(&p->mu);
    p->inflight--;
    int trim = p->trim;
    p->trim = 0;
    pthread_mutex_unlock(&p->mu);
    pthread_cond_signal(&p->space);
#ifdef __GLIBC__
    if (trim)
        malloc_trim(0);
#else
    (void)trim;
#endif
}

static gisa_status writer_loop(pipeline *p, corpus_writer *w, gisa_error *err)
{
    uint64_t seq = 0;
    int finished = 0, open = 0;
    size_t in_batch = 0;
    double batch_start = 0, last_progress = 0;
    while (!finished) {
        double deadline = open ? batch_start + BATCH_SECONDS
                               : ingest_now_seconds() + PROGRESS_SECONDS;
        job *j = next_in_order(p, seq, deadline, &finished);
        if (j) {
            if (!open) {
                if (corpus_writer_begin(w, err) != GISA_OK)
                    return err->status;
                open = 1;
                in_batch = 0;
                batch_start = ingest_now_seconds();
            }
            gisa_status st = write_job(p, w, j, err);
            ingest_job_free(j);
            release(p);
            if (st != GISA_OK)
                return st;
            seq++;
            in_batch++;
        }
        if (open && (finished || in_batch >= BATCH ||
                     ingest_now_seconds() - batch_start >= BATCH_SECONDS)) {
            if (corpus_writer_commit(w, err) != GISA_OK)
                return err->status;
            open = 0;
        }
        progress(p, &last_progress);
    }
    return GISA_OK;
}

void *ingest_writer(void *arg)
{
    pipeline *p = arg;
    gisa_error err;
    gisa_status st = GISA_ERR_IO;
    corpus_writer *w = corpus_writer_new(p->corpus, !p->opts->no_text_index, &err);
    if (w)
        st = writer_loop(p, w, &err);
    corpus_writer_free(w);
    if (st != GISA_OK) {
        pthread_mutex_lock(&p->mu);
        p->status = st;
        p->err = err;
        p->abort = 1; /* stop the reader and the workers */
        pthread_cond_broadcast(&p->space);
        pthread_cond_broadcast(&p->work);
        pthread_mutex_unlock(&p->mu);
    }
    return NULL;
}
