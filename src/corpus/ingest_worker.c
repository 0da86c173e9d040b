/* ingest_worker.c - the extraction workers: each takes the next queued
 * page that fits the memory budget, extracts it (unless it is stored
 * already), and hands the finished job to the writer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../extract/render.h"
#include "ingest.h"

/* Raw bytes of the pages being extracted at once. Parsing a page takes
 * about ten times its size, so this bounds the workers' memory; a page
 * larger than this is extracted alone. */
#define EXTRACT_BUDGET ((size_t)4 << 20)
/* After a page this large, freed memory is handed back: each thread has
 * its own malloc arena, which otherwise keeps the footprint of the largest
 * page it parsed, so the peak would grow with the input as every worker in
 * turn meets a large page. */
#define TRIM_PAGE ((size_t)1 << 20)

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

/* What the store keeps of an extracted page: its text and SimHash, its
 * post, the attachments it links, its metadata and (opts->jsonl) its JSON
 * line. An attachment is credited to its page first. */
static void keep_article(pipeline *p, job *j, gisa_document *doc)
{
    gisa_error err;
    size_t len;
    if (j->parent_meta && gisa_document_credit(doc, j->parent_meta, &j->err) != GISA_OK) {
        j->failed = 1;
        return;
    }
    if (gisa_render(doc, GISA_FORMAT_TEXT, &j->text, &len, &err) != GISA_OK) {
        j->err = err;
        j->failed = 1;
        return;
    }
    j->simhash = corpus_simhash(j->text, len);
    ingest_compose_post(p, j, doc);
    ingest_collect_attachments(p, j, doc);
    if (!(j->doc = ingest_keep_meta(doc)) || (p->opts->jsonl && !(j->json = json_line(j, doc)))) {
        gisa_fail(&j->err, GISA_ERR_NOMEM, "%s: out of memory", j->name);
        j->failed = 1;
    }
}

/* The raw page is no longer needed: keep memory low. */
static void drop_page(job *j)
{
    free(j->data);
    j->data = NULL;
}

static void extract_job(pipeline *p, job *j)
{
    if (known_page(p, j)) {
        ingest_links_only(p, j);
        j->kind = JOB_KNOWN;
        drop_page(j);
        return;
    }
    gisa_source src = {j->name, j->data, j->len, j->url, j->ctype, NULL, NULL};
    /* an attachment must be a document: a web page served in its place
     * (an error page with status 200) is not an article of the release */
    gisa_extract_options eo = {.kind = j->parent_url ? GISA_INPUT_DOCUMENT : GISA_INPUT_AUTO,
                               .max_input = p->max_input};
    gisa_document *doc;
    if (gisa_extract(&src, &eo, &doc, &j->err) != GISA_OK) {
        j->failed = 1;
        doc = NULL;
        if (j->err.status == GISA_ERR_INPUT)
            ingest_links_only(p, j);
    } else {
        keep_article(p, j, doc);
    }
    gisa_document_free(doc);
    drop_page(j);
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

void *ingest_worker(void *arg)
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
