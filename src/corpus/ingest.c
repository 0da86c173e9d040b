/* ingest.c - the ingest pipeline: one reader (the calling thread), N
 * extraction workers and one writer, joined by a bounded set of jobs.
 * This file starts and ends a run; the stages live beside it:
 *   ingest_read.c, ingest_fetch.c, ingest_warc.c  the reader's inputs
 *   ingest_job.c     jobs and the queue between the stages
 *   ingest_worker.c  the workers; ingest_post.c their posts (--posts)
 *   ingest_writer.c  the writer: batches, counts, progress
 *   ingest_attach.c  --attachments
 *
 * At most `cap` jobs are in flight, so memory is bounded whatever the
 * input size. The writer stores jobs strictly in input order (a job
 * finished early waits for its predecessors), which makes the store
 * deterministic and makes every committed state a prefix of the input:
 * after a kill, running again skips that prefix (same URL and hash) and
 * ends with exactly the store an uninterrupted run gives.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../util/xmlapi.h"
#include "../util/zapi.h"
#include "ingest.h"

double ingest_now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static unsigned default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

/* The run's settings, before anything is opened; the number of workers. */
static unsigned pipeline_setup(pipeline *p, gisa_corpus *corpus, const gisa_ingest_options *opts,
                               const char *const *inputs, size_t ninputs)
{
    memset(p, 0, sizeof *p);
    p->opts = opts;
    unsigned nworkers = opts->threads ? opts->threads : default_threads();
    p->cap = 4 * (size_t)nworkers + 4;
    p->budget = ((size_t)nworkers + 1) * ((size_t)2 << 20);
    p->corpus = corpus;
    p->max_input = opts->max_input ? opts->max_input : GISA_DEFAULT_MAX_INPUT;
    p->fraction = -1;
    if (!opts->list)
        ingest_warc_bytes(p, inputs, ninputs);
    clock_gettime(CLOCK_MONOTONIC, &p->t0);
    return nworkers;
}

/* What the run reads from and writes to besides the store's writer: the
 * store's pages seen so far, and the --jsonl file. */
static gisa_status open_outputs(pipeline *p, gisa_error *err)
{
    if (!(p->seen = corpus_seen_open(p->corpus->path, err)))
        return err->status;
    if (p->opts->jsonl && !(p->jsonl = jsonl_open(p->opts->jsonl, err))) {
        corpus_seen_close(p->seen);
        return err->status;
    }
    return GISA_OK;
}

/* The workers' thread handles, and with --rewrite the models' busy
 * flags; NULL when out of memory (reported as a failure to start). */
static pthread_t *alloc_threads(pipeline *p, unsigned nworkers)
{
    pthread_t *threads = calloc(nworkers, sizeof *threads);
    if (p->opts->posts && p->opts->rewrite && p->opts->nrewrite &&
        !(p->model_busy = calloc(p->opts->nrewrite, 1))) {
        free(threads);
        threads = NULL;
    }
    return threads;
}

static void init_sync(pipeline *p)
{
    pthread_mutex_init(&p->model_mu, NULL);
    pthread_cond_init(&p->model_free, NULL);
    pthread_mutex_init(&p->mu, NULL);
    pthread_mutex_init(&p->seen_mu, NULL);
    pthread_cond_init(&p->space, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
}

static void destroy_sync(pipeline *p)
{
    pthread_cond_destroy(&p->space);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    pthread_mutex_destroy(&p->mu);
    pthread_mutex_destroy(&p->seen_mu);
    pthread_cond_destroy(&p->model_free);
    pthread_mutex_destroy(&p->model_mu);
}

/* The writer, then the workers: how many workers started, -1 if not even
 * the writer did. */
static int start_threads(pipeline *p, pthread_t *threads, unsigned nworkers, pthread_t *w)
{
    if (pthread_create(w, NULL, ingest_writer, p) != 0)
        return -1;
    unsigned i = 0;
    for (; i < nworkers; i++)
        if (pthread_create(&threads[i], NULL, ingest_worker, p) != 0)
            break;
    return (int)i;
}

/* Reading is over (or never began: started <= 0 aborts the run); wait
 * for the threads to finish what they hold. */
static void stop_threads(pipeline *p, pthread_t *threads, int started, const pthread_t *writer)
{
    pthread_mutex_lock(&p->mu);
    p->reading_done = 1;
    if (started <= 0)
        p->abort = 1;
    pthread_cond_broadcast(&p->work);
    pthread_cond_broadcast(&p->done);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    if (started >= 0)
        pthread_join(*writer, NULL);
}

static void free_jobs(job *j)
{
    for (job *next; j; j = next) {
        next = j->next;
        ingest_job_free(j);
    }
}

/* Everything the run holds once its threads have ended. */
static void pipeline_free(pipeline *p)
{
    free_jobs(p->work_head); /* jobs left behind by an abort */
    free_jobs(p->done_list);
    ingest_pending_free(p->pending_head);
    for (size_t i = 0; i < p->nfetched; i++)
        free(p->fetched_urls[i]);
    free(p->fetched_urls);
    fetcher_free(p->fetch);
    corpus_seen_close(p->seen);
    destroy_sync(p);
    free(p->model_busy);
}

/* The run's outcome: the --jsonl file kept only when all went well. */
static gisa_status finish(pipeline *p, int started, gisa_error *err)
{
    if (started <= 0) {
        jsonl_abort(p->jsonl);
        gisa_fail(err, GISA_ERR_NOMEM, "%s: cannot start threads", p->corpus->path);
        return GISA_ERR_NOMEM;
    }
    if (p->status != GISA_OK) {
        jsonl_abort(p->jsonl);
        *err = p->err;
        return p->status;
    }
    if (p->jsonl)
        return jsonl_commit(p->jsonl, err);
    return GISA_OK;
}

gisa_status gisa_ingest(gisa_corpus *corpus, const char *const *inputs, size_t ninputs,
                        const gisa_ingest_options *opts, gisa_ingest_stats *stats,
                        gisa_error *err)
{
    static const gisa_ingest_options defaults;
    const char *why; /* every page's content hash (corpus_content_hash) */
    if (!z_api_get(&why)) {
        gisa_fail(err, GISA_ERR_IO, "%s", why);
        return GISA_ERR_IO;
    }
    pipeline p;
    unsigned nworkers = pipeline_setup(&p, corpus, opts ? opts : &defaults, inputs, ninputs);
    double t0 = ingest_now_seconds();
    if (open_outputs(&p, err) != GISA_OK)
        return err->status;
    /* before any thread parses: the reader parses feeds while workers parse pages
     * (without libxml2, each page and feed fails on its own, saying so) */
    if (xml_api_get(NULL))
        xmlInitParser();
    pthread_t *threads = alloc_threads(&p, nworkers), wt;
    init_sync(&p);
    int started = threads ? start_threads(&p, threads, nworkers, &wt) : -1;
    if (started > 0 && ingest_read_inputs(&p, inputs, ninputs) && p.opts->attachments)
        ingest_read_attachments(&p);
    stop_threads(&p, threads, started, &wt);
    free(threads);
    pipeline_free(&p);
    p.stats.seconds = ingest_now_seconds() - t0;
    if (stats)
        *stats = p.stats;
    return finish(&p, started, err);
}
