/* ingest_warc.c - the reader's WARC files: each response record becomes a
 * job; and, when every input is a WARC, progress as the share of their
 * bytes read. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ingest.h"

static void set_fraction(pipeline *p, uint64_t done)
{
    if (!p->bytes_total)
        return;
    pthread_mutex_lock(&p->mu);
    p->fraction = (double)(p->bytes_before + done) / (double)p->bytes_total;
    pthread_mutex_unlock(&p->mu);
}

/* A job for record `rec` of WARC file `path`: a page to extract when it
 * is a readable success, else one to count as skipped. NULL when out of
 * memory. */
static job *record_job(const warc_record *rec, const char *path)
{
    const char *url = rec->url ? rec->url : path;
    int page = (rec->status == 0 || (rec->status >= 200 && rec->status < 300)) &&
               ingest_is_readable(rec->content_type, rec->body, rec->len);
    job *j = ingest_new_job(page ? JOB_PAGE : JOB_SKIPPED, url);
    if (!j)
        return NULL;
    j->url = strdup(url);
    j->fetched = rec->date ? strdup(rec->date) : NULL;
    j->record_id = rec->id ? strdup(rec->id) : NULL;
    j->ctype = rec->content_type ? strdup(rec->content_type) : NULL;
    j->status = rec->status;
    if (!page)
        return j;
    j->data = malloc(rec->len);
    if (!j->data) {
        ingest_job_free(j);
        return NULL;
    }
    memcpy(j->data, rec->body, rec->len);
    j->len = rec->len;
    return j;
}

int ingest_read_warc(pipeline *p, const char *path)
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
        job *j = record_job(&rec, path);
        if (!j)
            break;
        ok = ingest_submit(p, j);
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

void ingest_warc_bytes(pipeline *p, const char *const *inputs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (!ingest_is_warc(inputs[i]) || stat(inputs[i], &sb) != 0)
            return; /* progress by bytes only when every input is a WARC */
        p->bytes_total += (uint64_t)sb.st_size;
    }
    p->fraction = p->bytes_total ? 0 : -1;
}
