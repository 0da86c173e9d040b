/* site_jobs.c - gisa site --rewrite -j N: N pages rewritten at once.
 *
 * The model is the slow part (seconds a section), so N workers each keep
 * a model of their own (a connection, or a program per request) and
 * rewrite pages in parallel, while this thread writes the finished posts
 * into the site in input order: the site and its file names come out as
 * a run with -j 1 would make them. The site is touched under one mutex (a
 * worker asks it whether a page's post is there already, so that no model
 * is asked for it). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct slot {
    gisa_document *doc;
    gisa_post post;
    gisa_rewrite_stats st;
    gisa_error err;
    int rc, have, done;
} slot;

typedef struct jobs {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    slot *slots;
    char **files;
    int n, next;
    gisa_site *site;
    const page_hints *hints;
    int no_attachment;
    const rewrite_cli *rw;
} jobs;

static void *worker(void *arg)
{
    jobs *j = arg;
    rewrite_run run;
    int setup = rewrite_setup("site", j->rw, &run);
    page_input in; /* one per worker: it holds a fetcher and the last page */
    memset(&in, 0, sizeof in);
    in.cmd = "site";
    for (;;) {
        pthread_mutex_lock(&j->mu);
        int i = j->next++;
        pthread_mutex_unlock(&j->mu);
        if (i >= j->n)
            break;
        slot *s = &j->slots[i];
        if (setup == EXIT_OK) {
            gisa_extract_options eo = {.kind = GISA_INPUT_AUTO};
            s->rc = load_page_or_attachment(&in, j->files[i], &eo, j->hints, j->no_attachment,
                                            &s->doc, &s->err);
        } else { /* (the main thread made the same model a moment ago) */
            snprintf(s->err.message, sizeof s->err.message, "%s: the model could not be set up",
                     j->files[i]);
            s->rc = s->err.status = GISA_ERR_USAGE;
        }
        if (s->rc == GISA_OK) {
            pthread_mutex_lock(&j->mu);
            int there = gisa_site_has(j->site, s->doc);
            const gisa_post_options *po = gisa_site_options(j->site);
            pthread_mutex_unlock(&j->mu);
            if (!there) {
                s->rc = gisa_rewrite(s->doc, po, &run.opts, &s->post, &s->st, NULL, &s->err);
                s->have = s->rc == GISA_OK;
            }
        }
        pthread_mutex_lock(&j->mu);
        s->done = 1;
        pthread_cond_broadcast(&j->cv);
        pthread_mutex_unlock(&j->mu);
    }
    page_input_clear(&in);
    rewrite_done(&run);
    return NULL;
}

/* Write page i's result (in order); returns the status for the tally. */
static int settle(jobs *j, int i, gisa_site_action *action, char **path, gisa_error *err)
{
    slot *s = &j->slots[i];
    pthread_mutex_lock(&j->mu);
    while (!s->done)
        pthread_cond_wait(&j->cv, &j->mu);
    int rc = s->rc;
    if (rc != GISA_OK)
        *err = s->err;
    else if (s->have)
        rc = gisa_site_put_post(j->site, s->doc, &s->post, action, path, err);
    else /* already there when the worker asked: unchanged */
        rc = gisa_site_put(j->site, s->doc, action, path, err);
    pthread_mutex_unlock(&j->mu);
    gisa_post_clear(&s->post);
    gisa_document_free(s->doc);
    s->doc = NULL;
    return rc;
}

int site_rewrite_jobs(gisa_site *site, char **files, int n, int nthreads, const page_hints *h,
                      int no_attachment, const rewrite_cli *rw, site_result_fn done, void *ctx)
{
    jobs j;
    memset(&j, 0, sizeof j);
    j.slots = calloc((size_t)n, sizeof *j.slots);
    pthread_t *t = calloc((size_t)nthreads, sizeof *t);
    if (!j.slots || !t) {
        free(j.slots);
        free(t);
        return EXIT_INTERNAL;
    }
    pthread_mutex_init(&j.mu, NULL);
    pthread_cond_init(&j.cv, NULL);
    j.files = files, j.n = n, j.site = site, j.hints = h, j.no_attachment = no_attachment, j.rw = rw;
    int started = 0;
    while (started < nthreads && pthread_create(&t[started], NULL, worker, &j) == 0)
        started++;
    if (!started) { /* no thread at all: do the work here */
        worker(&j);
    }
    for (int i = 0; i < n; i++) {
        gisa_site_action action = GISA_SITE_UNCHANGED;
        char *path = NULL;
        gisa_error err;
        int rc = settle(&j, i, &action, &path, &err);
        /* a page whose post another page of the run wrote first (the same
         * article twice) was rewritten for nothing: its counts are not the
         * site's */
        done(ctx, files[i], rc, &err, action, path,
             action == GISA_SITE_UNCHANGED ? NULL : &j.slots[i].st);
        gisa_free(path);
    }
    for (int k = 0; k < started; k++)
        pthread_join(t[k], NULL);
    pthread_mutex_destroy(&j.mu);
    pthread_cond_destroy(&j.cv);
    free(j.slots);
    free(t);
    return EXIT_OK;
}
