/* ingest_post.c - ingest --posts: a worker composes each extracted
 * article's post (or, with --rewrite, has a model rewrite it through the
 * gate), on one of the run's models at a time. */
#include <string.h>

#include "ingest.h"

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
void ingest_compose_post(pipeline *p, job *j, const gisa_document *doc)
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
