/* ingest_job.c - a job (one input on its way from the reader to the
 * store) and the bounded queue that hands it on: to the workers when it
 * needs extraction, else straight to the writer. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

job *ingest_new_job(job_kind kind, const char *name)
{
    job *j = calloc(1, sizeof *j);
    if (j) {
        j->kind = kind;
        j->name = strdup(name);
    }
    return j;
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

int ingest_submit_failure(pipeline *p, const char *name, const gisa_error *err)
{
    return ingest_submit_failure_as(p, name, err, GISA_FAIL_READ);
}
