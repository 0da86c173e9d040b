/* ingest.c - the ingest pipeline: one reader (the calling thread), N
 * extraction workers and one writer, joined by a bounded set of jobs.
 *
 * The reader also fetches URLs (fetch.c: one request at a time, as the
 * per-host delay makes fetching I/O-bound anyway) and expands feeds into
 * their items, so fetched pages take the same ordered path as files.
 *
 * At most `cap` jobs are in flight, so memory is bounded whatever the
 * input size. The writer stores jobs strictly in input order (a job
 * finished early waits for its predecessors), which makes the store
 * deterministic and makes every committed state a prefix of the input:
 * after a kill, running again skips that prefix (same URL and hash) and
 * ends with exactly the store an uninterrupted run gives.
 */
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../extract/docsniff.h"
#include "../extract/render.h"
#include "../util/xmlapi.h"
#include "../util/zapi.h"
#include "ingest.h"

#define MAX_DEPTH 32      /* directory nesting followed */
#define BATCH 64          /* pages per transaction */
#define BATCH_SECONDS 0.5 /* or this long, whichever comes first */
#define PROGRESS_SECONDS 0.2
/* Raw bytes of the pages being extracted at once. Parsing a page takes
 * about ten times its size, so this bounds the workers' memory; a page
 * larger than this is extracted alone. */
#define EXTRACT_BUDGET ((size_t)4 << 20)
/* After a page this large, freed memory is handed back: each thread has
 * its own malloc arena, which otherwise keeps the footprint of the largest
 * page it parsed, so the peak would grow with the input as every worker in
 * turn meets a large page. */
#define TRIM_PAGE ((size_t)1 << 20)

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void ingest_job_free(job *j)
{
    if (!j)
        return;
    free(j->name);
    free(j->url);
    free(j->fetched);
    free(j->ctype);
    free(j->final_url);
    free(j->etag);
    free(j->last_modified);
    free(j->parent_url);
    free(j->parent_meta);
    ingest_pending_free(j->attachments);
    free(j->record_id);
    free(j->json);
    gisa_post_clear(&j->post);
    free(j->data);
    free(j->text);
    free(j->doc);
    free(j);
}

void ingest_set_error(gisa_error *err, gisa_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err->status = st;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

/* ---------------------------------------------------------------- queue */

/* Wait for room, then hand `j` on: to the workers if it needs extraction,
 * else straight to the writer. Returns 0 if the run was aborted. */
int ingest_submit(pipeline *p, job *j)
{
    pthread_mutex_lock(&p->mu);
    size_t len = j->data ? j->len : 0;
    /* A page larger than the whole budget still goes, alone. */
    while ((p->inflight >= p->cap || (p->bytes > 0 && p->bytes + len > p->budget)) &&
           !p->abort)
        pthread_cond_wait(&p->space, &p->mu);
    if (p->abort) {
        pthread_mutex_unlock(&p->mu);
        ingest_job_free(j);
        return 0;
    }
    p->inflight++;
    p->bytes += len;
    j->seq = p->next_seq++;
    int page = j->kind == JOB_PAGE;
    if (page) {
        if (p->work_tail)
            p->work_tail->next = j;
        else
            p->work_head = j;
        p->work_tail = j;
    } else {
        j->next = p->done_list;
        p->done_list = j;
    }
    pthread_mutex_unlock(&p->mu);
    /* Signalled after unlocking: a woken thread that preempted us while we
     * held the lock would only block on it. */
    pthread_cond_signal(page ? &p->work : &p->done);
    return 1;
}

/* ---------------------------------------------------------------- worker */

/* A free model of opts->rewrite, waited for: each serves one page. */
static size_t take_model(pipeline *p)
{
    pthread_mutex_lock(&p->model_mu);
    for (;;) {
        for (size_t i = 0; i < p->opts->nrewrite; i++)
            if (!p->model_busy[i]) {
                p->model_busy[i] = 1;
                pthread_mutex_unlock(&p->model_mu);
                return i;
            }
        pthread_cond_wait(&p->model_free, &p->model_mu);
    }
}

static void give_model(pipeline *p, size_t i)
{
    pthread_mutex_lock(&p->model_mu);
    p->model_busy[i] = 0;
    pthread_cond_signal(&p->model_free);
    pthread_mutex_unlock(&p->model_mu);
}

/* With opts->posts: a Jekyll post of the article, checked against it;
 * with opts->rewrite, in a model's words through the gate. */
static void compose_job(pipeline *p, job *j, const gisa_document *doc)
{
    if (!p->opts->posts)
        return;
    gisa_post_options po;
    memset(&po, 0, sizeof po);
    po.format = GISA_POST_JEKYLL;
    po.allow_unlicensed = p->opts->allow_unlicensed;
    gisa_status st;
    if (p->model_busy) {
        size_t m = take_model(p);
        st = gisa_rewrite(doc, &po, &p->opts->rewrite[m], &j->post, NULL, NULL, &j->post_err);
        give_model(p, m);
    } else {
        st = gisa_compose(doc, &po, &j->post, &j->post_err);
    }
    if (st != GISA_OK) {
        memset(&j->post, 0, sizeof j->post);
        j->post_failed = 1;
    }
}

/* The fields of `d` the store keeps, copied into one allocation. A
 * document's arena can hold ten times its text, and finished jobs wait
 * for the writer in input order, so the full document is not kept. */
gisa_document *ingest_keep_meta(const gisa_document *d)
{
    static const size_t fields[] = {
        offsetof(gisa_document, source_name), offsetof(gisa_document, encoding),
        offsetof(gisa_document, url),         offsetof(gisa_document, title),
        offsetof(gisa_document, date),        offsetof(gisa_document, author),
        offsetof(gisa_document, publisher),   offsetof(gisa_document, site_name),
        offsetof(gisa_document, lang),        offsetof(gisa_document, license),
        offsetof(gisa_document, license_text), offsetof(gisa_document, department),
        offsetof(gisa_document, contact),
    };
    enum { NFIELDS = sizeof fields / sizeof *fields };
    size_t size = sizeof *d;
    for (size_t i = 0; i < NFIELDS; i++) {
        const char *f = *(const char *const *)((const char *)d + fields[i]);
        size += f ? strlen(f) + 1 : 0;
    }
    gisa_document *m = malloc(size);
    if (!m)
        return NULL;
    memset(m, 0, sizeof *m);
    m->input = d->input;
    char *out = (char *)(m + 1);
    for (size_t i = 0; i < NFIELDS; i++) {
        const char *f = *(const char *const *)((const char *)d + fields[i]);
        if (!f)
            continue;
        size_t n = strlen(f) + 1;
        memcpy(out, f, n);
        *(const char **)((char *)m + fields[i]) = out;
        out += n;
    }
    return m;
}

/* Hash the page; is it stored already? The workers do this rather than
 * the reader: the reader is the one serial stage, and hashing every byte
 * there took a seventh of the CPU time, which would cap what more workers
 * can gain. */
static int known_page(pipeline *p, job *j)
{
    corpus_content_hash(j->data, j->len, j->hash);
    pthread_mutex_lock(&p->seen_mu);
    int known = corpus_seen_has(p->seen, j->url, j->hash);
    pthread_mutex_unlock(&p->seen_mu);
    return known;
}

/* The article as `gisa extract --format json` gives it, plus where it
 * came from (page URL, fetch date, WARC record) and its hashes, on one
 * line. Made by the worker, so the writer only copies bytes. */
static char *json_line(const job *j, const gisa_document *doc)
{
    json_object *o = render_json_object(doc);
    if (!o)
        return NULL;
    char hash[17];
    snprintf(hash, sizeof hash, "%016llx", (unsigned long long)j->simhash);
    json_object_object_add(o, "page_url", j->url ? json_object_new_string(j->url) : NULL);
    json_object_object_add(o, "fetched", j->fetched ? json_object_new_string(j->fetched) : NULL);
    json_object_object_add(o, "warc_record_id",
                           j->record_id ? json_object_new_string(j->record_id) : NULL);
    json_object_object_add(o, "content_hash", json_object_new_string(j->hash));
    json_object_object_add(o, "simhash", json_object_new_string(hash));
    const char *s = json_object_to_json_string_ext(
        o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
    char *line = s ? strdup(s) : NULL;
    json_object_put(o);
    return line;
}

static void extract_job(pipeline *p, job *j)
{
    if (known_page(p, j)) {
        ingest_links_only(p, j);
        j->kind = JOB_KNOWN;
        free(j->data);
        j->data = NULL;
        return;
    }
    gisa_source src = {j->name, j->data, j->len, j->url, j->ctype, NULL, NULL};
    /* an attachment must be a document: a web page served in its place
     * (an error page with status 200) is not an article of the release */
    gisa_extract_options eo = {.kind = j->parent_url ? GISA_INPUT_DOCUMENT : GISA_INPUT_AUTO,
                               .max_input = p->max_input};
    gisa_error err;
    gisa_document *doc;
    size_t len;
    if (gisa_extract(&src, &eo, &doc, &j->err) != GISA_OK) {
        j->failed = 1;
        doc = NULL;
        if (j->err.status == GISA_ERR_INPUT)
            ingest_links_only(p, j);
    } else if (j->parent_meta && gisa_document_credit(doc, j->parent_meta, &j->err) != GISA_OK) {
        j->failed = 1;
    } else if (gisa_render(doc, GISA_FORMAT_TEXT, &j->text, &len, &err) != GISA_OK) {
        j->err = err;
        j->failed = 1;
    } else {
        j->simhash = corpus_simhash(j->text, len);
        compose_job(p, j, doc);
        ingest_collect_attachments(p, j, doc);
        if (!(j->doc = ingest_keep_meta(doc)) || (p->opts->jsonl && !(j->json = json_line(j, doc)))) {
            ingest_set_error(&j->err, GISA_ERR_NOMEM, "%s: out of memory", j->name);
            j->failed = 1;
        }
    }
    gisa_document_free(doc);
    free(j->data); /* the raw page is no longer needed: keep memory low */
    j->data = NULL;
}

static int fits(const pipeline *p, size_t len)
{
    return p->nextracting == 0 || p->extracting + len <= EXTRACT_BUDGET;
}

/* Unlink the first queued page that fits beside those being extracted.
 * A page that must wait for memory lets later pages pass, so a worker
 * never idles behind it; the in-flight cap bounds how far they get. */
static job *take_work(pipeline *p)
{
    job *prev = NULL;
    for (job *j = p->work_head; j; prev = j, j = j->next) {
        if (!fits(p, j->len))
            continue;
        if (prev)
            prev->next = j->next;
        else
            p->work_head = j->next;
        if (p->work_tail == j)
            p->work_tail = prev;
        return j;
    }
    return NULL;
}

static void *worker(void *arg)
{
    pipeline *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        job *j = NULL;
        while (!p->abort && (p->work_head || !p->reading_done) && !(j = take_work(p))) {
            p->idle++;
            pthread_cond_wait(&p->work, &p->mu);
            p->idle--;
        }
        if (!j)
            break; /* aborted, or nothing left */
        size_t len = j->len;
        p->extracting += len;
        p->nextracting++;
        pthread_mutex_unlock(&p->mu);
        extract_job(p, j);
        pthread_mutex_lock(&p->mu);
        p->extracting -= len;
        p->nextracting--;
        p->bytes -= len;
        p->trim |= len >= TRIM_PAGE;
        j->next = p->done_list;
        p->done_list = j;
        int waiting = p->work_head && p->idle; /* a page waiting for memory may fit now */
        pthread_mutex_unlock(&p->mu);
        if (waiting)
            pthread_cond_broadcast(&p->work);
        pthread_cond_signal(&p->space);
        pthread_cond_signal(&p->done);
        pthread_mutex_lock(&p->mu);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* ---------------------------------------------------------------- writer */

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

/* Store one job; counts go into p->stats (only the writer touches them). */
static gisa_status write_job(pipeline *p, corpus_writer *w, job *j, gisa_error *err)
{
    gisa_ingest_stats *s = &p->stats;
    s->processed++;
    ingest_queue_attachments(p, j);
    if (j->kind == JOB_KNOWN) {
        s->unchanged++;
        return GISA_OK;
    }
    if (j->kind == JOB_SKIPPED) {
        s->skipped++;
        return GISA_OK;
    }
    if (j->kind == JOB_NOT_MODIFIED) {
        s->not_modified++;
        return GISA_OK;
    }
    if (j->kind == JOB_FAILED || j->failed)
        report_error(p, &j->err);
    if (j->kind == JOB_FAILED) {
        count_failure(s, j->reason);
        return GISA_OK;
    }
    corpus_page page = {j->url, j->fetched, j->ctype, j->status, j->hash,
                        j->failed ? j->err.message : NULL, j->doc, j->text, j->simhash,
                        j->final_url, j->etag, j->last_modified, j->post.text,
                        j->post.filename, j->parent_url};
    corpus_put res;
    int posted;
    gisa_status st = corpus_writer_put(w, &page, &res, &posted, err);
    if (st != GISA_OK)
        return st;
    if (j->parent_url && (res == CORPUS_PUT_STORED || res == CORPUS_PUT_DUPLICATE))
        s->attachments++;
    switch (res) {
    case CORPUS_PUT_STORED: s->stored++; break;
    case CORPUS_PUT_DUPLICATE: s->stored++; s->duplicates++; break;
    case CORPUS_PUT_UNCHANGED: s->unchanged++; break;
    case CORPUS_PUT_FAILED: count_failure(s, GISA_FAIL_EXTRACT); break;
    }
    s->posts += (size_t)posted;
    if (p->jsonl && j->json && (res == CORPUS_PUT_STORED || res == CORPUS_PUT_DUPLICATE)) {
        st = jsonl_write(p->jsonl, j->json, strlen(j->json), err);
        if (st != GISA_OK)
            return st;
    }
    if (j->post_failed && (res == CORPUS_PUT_STORED || res == CORPUS_PUT_DUPLICATE))
        report_error(p, &j->post_err); /* the article is stored; only its post is missing */
    return GISA_OK;
}

static void progress(pipeline *p, double *last)
{
    double t = now_seconds();
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
        double wait = deadline - now_seconds();
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
        double deadline = open ? batch_start + BATCH_SECONDS : now_seconds() + PROGRESS_SECONDS;
        job *j = next_in_order(p, seq, deadline, &finished);
        if (j) {
            if (!open) {
                if (corpus_writer_begin(w, err) != GISA_OK)
                    return err->status;
                open = 1;
                in_batch = 0;
                batch_start = now_seconds();
            }
            gisa_status st = write_job(p, w, j, err);
            ingest_job_free(j);
            release(p);
            if (st != GISA_OK)
                return st;
            seq++;
            in_batch++;
        }
        if (open && (finished || in_batch >= BATCH || now_seconds() - batch_start >= BATCH_SECONDS)) {
            if (corpus_writer_commit(w, err) != GISA_OK)
                return err->status;
            open = 0;
        }
        progress(p, &last_progress);
    }
    return GISA_OK;
}

static void *writer(void *arg)
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

/* ---------------------------------------------------------------- reader */

job *ingest_new_job(job_kind kind, const char *name)
{
    job *j = calloc(1, sizeof *j);
    if (j) {
        j->kind = kind;
        j->name = strdup(name);
    }
    return j;
}

int ingest_submit_failure(pipeline *p, const char *name, const gisa_error *err)
{
    job *j = ingest_new_job(JOB_FAILED, name);
    if (!j)
        return 0;
    j->err = *err;
    j->reason = GISA_FAIL_READ;
    return ingest_submit(p, j);
}

int ingest_submit_failure_as(pipeline *p, const char *name, const gisa_error *err,
                             gisa_fail_reason reason)
{
    job *j = ingest_new_job(JOB_FAILED, name);
    if (!j)
        return 0;
    j->err = *err;
    j->reason = reason;
    return ingest_submit(p, j);
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcasecmp(s + n - m, suffix);
}

static int is_warc(const char *path)
{
    return has_suffix(path, ".warc") || has_suffix(path, ".warc.gz");
}

static int is_page(const char *path)
{
    static const char *const exts[] = {".html", ".htm", ".xhtml", ".html.gz", ".htm.gz",
                                       ".xhtml.gz", ".rss", ".atom", ".hwp", ".hwpx"};
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (has_suffix(path, exts[i]))
            return 1;
    return 0;
}

/* Types worth extracting; anything else (images, PDFs, feeds) is skipped. */
static int is_html_type(const char *ct)
{
    if (!ct || !*ct)
        return 1;
    return !strncasecmp(ct, "text/html", 9) || !strncasecmp(ct, "application/xhtml", 17) ||
           !strncasecmp(ct, "text/plain", 10);
}

/* A response worth extracting: a page by its type, or a document (HWP,
 * HWPX, PDF) by its bytes, whatever type the server gave it (releases'
 * files come as application/octet-stream, x-hwp, haansofthwp...). */
static int is_readable(const char *ct, const unsigned char *data, size_t len)
{
    if (len == 0)
        return 0;
    if (is_html_type(ct))
        return 1;
    return is_document(data, len);
}

static void set_fraction(pipeline *p, uint64_t done)
{
    if (!p->bytes_total)
        return;
    pthread_mutex_lock(&p->mu);
    p->fraction = (double)(p->bytes_before + done) / (double)p->bytes_total;
    pthread_mutex_unlock(&p->mu);
}

static int read_warc(pipeline *p, const char *path)
{
    gisa_error err;
    warc_reader *r = warc_open(path, p->max_input, &err);
    if (!r)
        return ingest_submit_failure(p, path, &err);
    warc_record rec;
    int rc, ok = 1;
    unsigned long n = 0;
    while (ok && (rc = warc_next(r, &rec, &err)) != 0) {
        if (rc < 0) {
            ok = ingest_submit_failure(p, path, &err);
            continue;
        }
        const char *url = rec.url ? rec.url : path;
        int page = (rec.status == 0 || (rec.status >= 200 && rec.status < 300)) &&
                   is_readable(rec.content_type, rec.body, rec.len);
        job *j = ingest_new_job(page ? JOB_PAGE : JOB_SKIPPED, url);
        if (!j)
            break;
        j->url = strdup(url);
        j->fetched = rec.date ? strdup(rec.date) : NULL;
        j->record_id = rec.id ? strdup(rec.id) : NULL;
        j->ctype = rec.content_type ? strdup(rec.content_type) : NULL;
        j->status = rec.status;
        if (page) {
            j->data = malloc(rec.len);
            if (!j->data) {
                ingest_job_free(j);
                break;
            }
            memcpy(j->data, rec.body, rec.len);
            j->len = rec.len;
            ok = ingest_submit(p, j);
        } else {
            ok = ingest_submit(p, j);
        }
        if (++n % 16 == 0) {
            uint64_t done, total;
            warc_progress(r, &done, &total);
            set_fraction(p, done);
        }
    }
    uint64_t done, total;
    warc_progress(r, &done, &total);
    p->bytes_before += total;
    set_fraction(p, 0);
    warc_close(r);
    return ok;
}

static int read_feed(pipeline *p, const char *name, const unsigned char *data, size_t len,
                     const char *base, const char *fetched);

static int read_page(pipeline *p, const char *path)
{
    gisa_error err;
    gisa_bytes bytes;
    if (gisa_load(path, p->max_input, &bytes, &err) != GISA_OK)
        return ingest_submit_failure(p, path, &err);
    if (feed_sniff(bytes.data, bytes.len)) {
        int ok = read_feed(p, path, bytes.data, bytes.len, NULL, NULL);
        gisa_bytes_free(&bytes);
        return ok;
    }
    job *j = ingest_new_job(JOB_PAGE, path);
    char abs[PATH_MAX];
    struct stat sb;
    if (!j || !realpath(path, abs) || stat(path, &sb) != 0) {
        gisa_bytes_free(&bytes);
        ingest_job_free(j);
        ingest_set_error(&err, GISA_ERR_IO, "%s: %s", path, strerror(errno ? errno : ENOMEM));
        return ingest_submit_failure(p, path, &err);
    }
    size_t ulen = strlen(abs) + 8;
    j->url = malloc(ulen);
    if (j->url)
        snprintf(j->url, ulen, "file://%s", abs);
    /* The file's time, not the clock's, so that runs are reproducible. */
    char when[32];
    struct tm tm;
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&sb.st_mtime, &tm));
    j->fetched = strdup(when);
    j->data = bytes.data;
    j->len = bytes.len;
    if (!j->url || !j->fetched) {
        ingest_job_free(j);
        return 0;
    }
    return ingest_submit(p, j);
}

static int read_input(pipeline *p, const char *path, int depth);

/* ----------------------------------------------------------------- fetch */

int ingest_is_url(const char *s)
{
    return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8);
}

fetcher *ingest_get_fetcher(pipeline *p, gisa_error *err)
{
    if (p->fetch || p->fetch_failed)
        return p->fetch;
    const gisa_ingest_options *o = p->opts;
    fetch_options fo = {o->user_agent, o->delay == 0 ? 1.0 : o->delay < 0 ? 0 : o->delay,
                        o->timeout > 0 ? o->timeout : 30.0, p->max_input, o->allow_private};
    if (!(p->fetch = fetcher_new(&fo, err)))
        p->fetch_failed = 1;
    return p->fetch;
}

/* Move a fetched response into a page job. */
static int submit_fetched(pipeline *p, const char *url, fetch_result *r)
{
    int page = is_readable(r->content_type, r->data, r->len);
    job *j = ingest_new_job(page ? JOB_PAGE : JOB_SKIPPED, url);
    if (!j || !(j->url = strdup(url))) {
        ingest_job_free(j);
        return 0;
    }
    j->fetched = strdup(r->fetched);
    j->status = r->status;
    j->ctype = r->content_type;
    j->final_url = r->final_url;
    j->etag = r->etag;
    j->last_modified = r->last_modified;
    r->content_type = r->final_url = r->etag = r->last_modified = NULL;
    if (!page)
        return ingest_submit(p, j);
    j->data = r->data;
    j->len = r->len;
    r->data = NULL;
    return ingest_submit(p, j);
}

/* Fetch `url`; a feed (at the top level only: feeds do not chain) is
 * expanded into its items. */
static int read_url(pipeline *p, const char *url, int depth)
{
    gisa_error err;
    fetcher *f = ingest_get_fetcher(p, &err);
    if (!f)
        return ingest_submit_failure_as(p, url, &err, GISA_FAIL_NETWORK);
    char *etag, *last_modified;
    pthread_mutex_lock(&p->seen_mu);
    corpus_seen_validators(p->seen, url, &etag, &last_modified);
    pthread_mutex_unlock(&p->seen_mu);
    fetch_result r;
    fetch_outcome o = fetcher_get(f, url, etag, last_modified, &r, &err);
    free(etag);
    free(last_modified);
    int ok;
    if (o == FETCH_FAILED) {
        ok = ingest_submit_failure_as(p, url, &err, r.reason);
    } else if (o == FETCH_NOT_MODIFIED) {
        job *j = ingest_new_job(JOB_NOT_MODIFIED, url);
        ok = j ? ingest_submit(p, j) : 0;
    } else if (depth == 0 && feed_sniff(r.data, r.len)) {
        ok = read_feed(p, url, r.data, r.len, r.final_url, r.fetched);
    } else {
        ok = submit_fetched(p, url, &r);
    }
    fetch_result_clear(&r);
    return ok;
}

/* An item carrying its full text becomes a page without any fetching. */
static int submit_item_page(pipeline *p, const char *name, size_t i, const feed_item *it,
                            const char *fetched)
{
    size_t len;
    char *html = feed_item_page(it, &len);
    job *j = html ? ingest_new_job(JOB_PAGE, it->link ? it->link : name) : NULL;
    if (!j) {
        free(html);
        return 0;
    }
    if (it->link) {
        j->url = strdup(it->link);
    } else if ((j->url = malloc(strlen(name) + 32))) {
        sprintf(j->url, "%s#item-%zu", name, i + 1);
    }
    j->fetched = fetched ? strdup(fetched) : NULL;
    j->ctype = strdup("text/html; charset=utf-8");
    j->data = (unsigned char *)html;
    j->len = len;
    if (!j->url || !j->ctype) {
        ingest_job_free(j);
        return 0;
    }
    return ingest_submit(p, j);
}

/* Each item of a feed: its full text, or else its link fetched. A bad
 * item is reported on its own and the rest go on. */
static int read_feed(pipeline *p, const char *name, const unsigned char *data, size_t len,
                     const char *base, const char *fetched)
{
    gisa_error err;
    feed fd;
    if (feed_parse(data, len, name, base, &fd, &err) != GISA_OK)
        return ingest_submit_failure_as(p, name, &err, GISA_FAIL_FEED);
    int ok = 1;
    for (size_t i = 0; ok && i < fd.n; i++) {
        const feed_item *it = &fd.items[i];
        if (it->problem) {
            ingest_set_error(&err, GISA_ERR_INPUT, "%s: item %zu%s%.80s%s: %s", name, i + 1,
                      it->title ? " (" : "", it->title ? it->title : "", it->title ? ")" : "",
                      it->problem);
            ok = ingest_submit_failure_as(p, name, &err, GISA_FAIL_FEED);
        } else if (it->content) {
            ok = submit_item_page(p, name, i, it, fetched);
        } else {
            ok = read_url(p, it->link, 1);
        }
    }
    if (ok && fd.n == 0) {
        ingest_set_error(&err, GISA_ERR_INPUT, "%s: a feed without items", name);
        ok = ingest_submit_failure_as(p, name, &err, GISA_FAIL_FEED);
    }
    feed_free(&fd);
    return ok;
}

static int select_entry(const struct dirent *d)
{
    return d->d_name[0] != '.';
}

/* Walk a directory in name order, so runs are reproducible. */
static int read_dir(pipeline *p, const char *dir, int depth)
{
    struct dirent **names;
    int n = scandir(dir, &names, select_entry, alphasort);
    if (n < 0) {
        gisa_error err;
        ingest_set_error(&err, GISA_ERR_IO, "%s: %s", dir, strerror(errno));
        return ingest_submit_failure(p, dir, &err);
    }
    int ok = 1;
    for (int i = 0; i < n; i++) {
        if (ok) {
            size_t len = strlen(dir) + strlen(names[i]->d_name) + 2;
            char *path = malloc(len);
            if (!path) {
                ok = 0;
            } else {
                snprintf(path, len, "%s/%s", dir, names[i]->d_name);
                struct stat sb;
                if (stat(path, &sb) == 0 &&
                    (S_ISDIR(sb.st_mode) || is_warc(path) || is_page(path)))
                    ok = read_input(p, path, depth + 1);
                free(path);
            }
        }
        free(names[i]);
    }
    free(names);
    return ok;
}

static int read_input(pipeline *p, const char *path, int depth)
{
    struct stat sb;
    gisa_error err;
    if (depth == 0 && ingest_is_url(path))
        return read_url(p, path, 0);
    const char *scheme_end = strstr(path, "://");
    if (depth == 0 && scheme_end && scheme_end > path &&
        strspn(path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") ==
            (size_t)(scheme_end - path) && stat(path, &sb) != 0) {
        ingest_set_error(&err, GISA_ERR_INPUT, "%s: only http and https URLs are fetched", path);
        return ingest_submit_failure_as(p, path, &err, GISA_FAIL_NETWORK);
    }
    if (stat(path, &sb) != 0) {
        ingest_set_error(&err, GISA_ERR_IO, "%s: %s", path, strerror(errno));
        return ingest_submit_failure(p, path, &err);
    }
    if (S_ISDIR(sb.st_mode)) {
        if (depth >= MAX_DEPTH) {
            ingest_set_error(&err, GISA_ERR_INPUT, "%s: directories nested too deep", path);
            return ingest_submit_failure(p, path, &err);
        }
        return read_dir(p, path, depth);
    }
    if (is_warc(path))
        return read_warc(p, path);
    return read_page(p, path);
}

/* One input per line; blank lines and # comments are ignored. */
static int read_list(pipeline *p, const char *list)
{
    gisa_error err;
    FILE *f = fopen(list, "r");
    if (!f) {
        ingest_set_error(&err, GISA_ERR_IO, "%s: %s", list, strerror(errno));
        return ingest_submit_failure(p, list, &err);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int ok = 1;
    while (ok && (n = getline(&line, &cap, f)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
            line[--n] = '\0';
        char *s = line + strspn(line, " \t");
        if (!*s || *s == '#')
            continue;
        ok = read_input(p, s, 0);
    }
    free(line);
    fclose(f);
    return ok;
}

static void warc_bytes(pipeline *p, const char *const *inputs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (!is_warc(inputs[i]) || stat(inputs[i], &sb) != 0)
            return; /* progress by bytes only when every input is a WARC */
        p->bytes_total += (uint64_t)sb.st_size;
    }
    p->fraction = p->bytes_total ? 0 : -1;
}

/* ---------------------------------------------------------------- ingest */

static unsigned default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

static int start_threads(pipeline *p, pthread_t *threads, unsigned nworkers, pthread_t *w)
{
    if (pthread_create(w, NULL, writer, p) != 0)
        return -1;
    unsigned i = 0;
    for (; i < nworkers; i++)
        if (pthread_create(&threads[i], NULL, worker, p) != 0)
            break;
    return (int)i;
}

gisa_status gisa_ingest(gisa_corpus *corpus, const char *const *inputs, size_t ninputs,
                        const gisa_ingest_options *opts, gisa_ingest_stats *stats,
                        gisa_error *err)
{
    static const gisa_ingest_options defaults;
    const char *why; /* every page's content hash (corpus_content_hash) */
    if (!z_api_get(&why)) {
        ingest_set_error(err, GISA_ERR_IO, "%s", why);
        return GISA_ERR_IO;
    }
    pipeline p;
    memset(&p, 0, sizeof p);
    p.opts = opts ? opts : &defaults;
    unsigned nworkers = p.opts->threads ? p.opts->threads : default_threads();
    p.cap = 4 * (size_t)nworkers + 4;
    p.budget = ((size_t)nworkers + 1) * ((size_t)2 << 20);
    p.corpus = corpus;
    p.max_input = p.opts->max_input ? p.opts->max_input : GISA_DEFAULT_MAX_INPUT;
    p.fraction = -1;
    if (!p.opts->list)
        warc_bytes(&p, inputs, ninputs);
    clock_gettime(CLOCK_MONOTONIC, &p.t0);
    double t0 = now_seconds();
    if (!(p.seen = corpus_seen_open(corpus->path, err)))
        return err->status;
    if (p.opts->jsonl && !(p.jsonl = jsonl_open(p.opts->jsonl, err))) {
        corpus_seen_close(p.seen);
        return err->status;
    }
    /* before any thread parses: the reader parses feeds while workers parse pages
     * (without libxml2, each page and feed fails on its own, saying so) */
    if (xml_api_get(NULL))
        xmlInitParser();
    pthread_t *threads = calloc(nworkers, sizeof *threads), wt;
    if (p.opts->posts && p.opts->rewrite && p.opts->nrewrite &&
        !(p.model_busy = calloc(p.opts->nrewrite, 1))) {
        free(threads);
        threads = NULL; /* reported below as a failure to start */
    }
    pthread_mutex_init(&p.model_mu, NULL);
    pthread_cond_init(&p.model_free, NULL);
    pthread_mutex_init(&p.mu, NULL);
    pthread_mutex_init(&p.seen_mu, NULL);
    pthread_cond_init(&p.space, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    int started = threads ? start_threads(&p, threads, nworkers, &wt) : -1;
    if (started > 0) {
        int ok = 1;
        for (size_t i = 0; ok && i < ninputs; i++)
            ok = read_input(&p, inputs[i], 0);
        if (ok && p.opts->list)
            ok = read_list(&p, p.opts->list);
        if (ok && p.opts->attachments)
            ingest_read_attachments(&p);
    }
    pthread_mutex_lock(&p.mu);
    p.reading_done = 1;
    if (started <= 0)
        p.abort = 1;
    pthread_cond_broadcast(&p.work);
    pthread_cond_broadcast(&p.done);
    pthread_mutex_unlock(&p.mu);
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    if (started >= 0)
        pthread_join(wt, NULL);
    /* Jobs left behind by an abort. */
    for (job *j = p.work_head, *next; j; j = next) {
        next = j->next;
        ingest_job_free(j);
    }
    for (job *j = p.done_list, *next; j; j = next) {
        next = j->next;
        ingest_job_free(j);
    }
    free(threads);
    ingest_pending_free(p.pending_head);
    for (size_t i = 0; i < p.nfetched; i++)
        free(p.fetched_urls[i]);
    free(p.fetched_urls);
    fetcher_free(p.fetch);
    corpus_seen_close(p.seen);
    pthread_cond_destroy(&p.space);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    pthread_mutex_destroy(&p.mu);
    pthread_mutex_destroy(&p.seen_mu);
    pthread_cond_destroy(&p.model_free);
    pthread_mutex_destroy(&p.model_mu);
    free(p.model_busy);
    p.stats.seconds = now_seconds() - t0;
    if (stats)
        *stats = p.stats;
    if (started <= 0) {
        jsonl_abort(p.jsonl);
        ingest_set_error(err, GISA_ERR_NOMEM, "%s: cannot start threads", corpus->path);
        return GISA_ERR_NOMEM;
    }
    if (p.status != GISA_OK) {
        jsonl_abort(p.jsonl);
        *err = p.err;
        return p.status;
    }
    if (p.jsonl)
        return jsonl_commit(p.jsonl, err);
    return GISA_OK;
}
