/* ingest_attach.c - ingest --attachments: the documents (.hwpx, .hwp,
 * .pdf) the ingested pages link, taken after the pages.
 *
 * A worker notes a page's readable attachments as it extracts the page
 * (or, for a page it need not extract, reads it for its links alone); the
 * writer queues them once the page is written, so they come in write
 * order and runs are reproducible; the reader, after the inputs, waits
 * until every page is written and takes each attachment once, fetched
 * with the run's fetcher (the same politeness and limits) or read beside a
 * page file. An attachment is a page of its own, linked to its page
 * (pages.parent_url) and credited to it; it links nothing further. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

void ingest_pending_free(pending *e)
{
    while (e) {
        pending *next = e->next;
        free(e->url);
        free(e->parent);
        free(e->meta);
        free(e);
        e = next;
    }
}

/* With opts->attachments: the readable attachments `d` links, to fetch
 * after the page is written. An attachment links none of its own. */
void ingest_collect_attachments(pipeline *p, job *j, const gisa_document *d)
{
    if (!p->opts->attachments || j->parent_url)
        return;
    pending **tail = &j->attachments;
    for (size_t i = 0; i < d->nattachments; i++) {
        if (!gisa_attachment_readable(&d->attachments[i]))
            continue;
        pending *e = calloc(1, sizeof *e);
        if (!e || !(e->url = strdup(d->attachments[i].url)) || !(e->parent = strdup(j->url)) ||
            !(e->meta = ingest_keep_meta(d))) {
            ingest_pending_free(e);
            return;
        }
        *tail = e;
        tail = &e->next;
    }
}

/* A page already stored, or one without body text, may still link
 * attachments not yet taken: read it for its links alone. */
void ingest_links_only(pipeline *p, job *j)
{
    if (!p->opts->attachments || j->parent_url)
        return;
    gisa_source src = {j->name, j->data, j->len, j->url, j->ctype, NULL, NULL};
    gisa_extract_options eo = {.kind = GISA_INPUT_AUTO, .max_input = p->max_input,
                               .keep_empty = 1};
    gisa_document *doc;
    gisa_error err;
    if (gisa_extract(&src, &eo, &doc, &err) == GISA_OK) {
        ingest_collect_attachments(p, j, doc);
        gisa_document_free(doc);
    }
}

/* The page is written: its attachments may be fetched now, in the order
 * the pages were written, so runs are reproducible. */
void ingest_queue_attachments(pipeline *p, job *j)
{
    if (!j->attachments)
        return;
    pthread_mutex_lock(&p->mu);
    if (p->pending_tail)
        p->pending_tail->next = j->attachments;
    else
        p->pending_head = j->attachments;
    pending *e = j->attachments;
    while (e->next)
        e = e->next;
    p->pending_tail = e;
    j->attachments = NULL;
    pthread_mutex_unlock(&p->mu);
}

/* Has attachment `url` been taken this run? Records it if not. (A file
 * many pages link is fetched once; a sorted array keeps the look-up at
 * log n.) -1 when out of memory. */
static int taken_before(pipeline *p, const char *url)
{
    size_t lo = 0, hi = p->nfetched;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(url, p->fetched_urls[mid]);
        if (c == 0)
            return 1;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    if (p->nfetched == p->cap_fetched) {
        size_t cap = p->cap_fetched ? 2 * p->cap_fetched : 64;
        char **u = realloc(p->fetched_urls, cap * sizeof *u);
        if (!u)
            return -1;
        p->fetched_urls = u;
        p->cap_fetched = cap;
    }
    char *copy = strdup(url);
    if (!copy)
        return -1;
    memmove(p->fetched_urls + lo + 1, p->fetched_urls + lo,
            (p->nfetched - lo) * sizeof *p->fetched_urls);
    p->fetched_urls[lo] = copy;
    p->nfetched++;
    return 0;
}

/* A job for attachment `e`, its page's URL and credit moved into it. */
static job *attachment_job(pending *e, job_kind kind)
{
    job *j = ingest_new_job(kind, e->url);
    if (!j || !(j->url = strdup(e->url))) {
        ingest_job_free(j);
        return NULL;
    }
    j->parent_url = e->parent;
    j->parent_meta = e->meta;
    e->parent = NULL;
    e->meta = NULL;
    return j;
}

/* An attachment saved beside a page read from a file (a file:// link):
 * read only inside the page's own directory, whatever the link says. */
static int read_local_attachment(pipeline *p, pending *e)
{
    gisa_error err;
    char dir[PATH_MAX], path[PATH_MAX];
    const char *slash = strrchr(e->parent + 7, '/');
    size_t n = slash ? (size_t)(slash - (e->parent + 7)) : 0;
    if (!slash || n >= sizeof dir || strncmp(e->url, "file://", 7))
        return 1;
    memcpy(dir, e->parent + 7, n);
    dir[n] = '\0';
    if (!realpath(e->url + 7, path) || strncmp(path, dir, n) || path[n] != '/') {
        gisa_fail(&err, GISA_ERR_IO, "%s: not found beside its page %s", e->url, e->parent);
        return ingest_submit_failure(p, e->url, &err);
    }
    gisa_bytes bytes;
    if (gisa_load(path, p->max_input, &bytes, &err) != GISA_OK)
        return ingest_submit_failure(p, e->url, &err);
    job *j = attachment_job(e, JOB_PAGE);
    if (!j) {
        gisa_bytes_free(&bytes);
        return 0;
    }
    j->data = bytes.data;
    j->len = bytes.len;
    return ingest_submit(p, j);
}

/* Fetch attachment `e` as any URL is fetched (robots.txt, the per-host
 * delay, retries, conditional GET, --max-bytes), to be stored with a link
 * to its page. */
static int read_attachment(pipeline *p, pending *e)
{
    if (!ingest_is_url(e->url))
        return !strncmp(e->parent, "file://", 7) ? read_local_attachment(p, e) : 1;
    gisa_error err;
    fetcher *f = ingest_get_fetcher(p, &err);
    if (!f)
        return ingest_submit_failure_as(p, e->url, &err, GISA_FAIL_NETWORK);
    fetch_result r;
    fetch_outcome o = ingest_fetch_again(p, f, e->url, &r, &err);
    int ok;
    if (o == FETCH_FAILED) {
        size_t len = strlen(err.message);
        snprintf(err.message + len, sizeof err.message - len, " (an attachment of %s)",
                 e->parent);
        ok = ingest_submit_failure_as(p, e->url, &err, r.reason);
    } else {
        job *j = attachment_job(e, o == FETCH_NOT_MODIFIED ? JOB_NOT_MODIFIED : JOB_PAGE);
        ok = j != NULL;
        if (j && o == FETCH_OK)
            ingest_take_response(j, &r, 1);
        if (j)
            ok = ingest_submit(p, j);
    }
    fetch_result_clear(&r);
    return ok;
}

/* After the inputs: wait until every page is written, then take the
 * attachments they link, each once. (Attachments link nothing further.) */
int ingest_read_attachments(pipeline *p)
{
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (p->inflight > 0 && !p->abort)
            pthread_cond_wait(&p->space, &p->mu);
        pending *list = p->abort ? NULL : p->pending_head;
        if (list)
            p->pending_head = p->pending_tail = NULL;
        pthread_mutex_unlock(&p->mu);
        if (!list)
            return 1;
        int ok = 1;
        for (pending *e = list; ok && e; e = e->next) {
            int taken = taken_before(p, e->url);
            ok = taken < 0 ? 0 : taken ? 1 : read_attachment(p, e);
        }
        ingest_pending_free(list);
        if (!ok)
            return 0;
    }
}
