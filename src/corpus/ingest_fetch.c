/* ingest_fetch.c - the reader's inputs from the web: URLs fetched (fetch.c:
 * one request at a time, as the per-host delay makes fetching I/O-bound
 * anyway) and feeds expanded into their items, so that fetched pages take
 * the same ordered path as files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../extract/docsniff.h"
#include "ingest.h"

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

fetch_outcome ingest_fetch_again(pipeline *p, fetcher *f, const char *url, fetch_result *r,
                                 gisa_error *err)
{
    char *etag, *last_modified;
    pthread_mutex_lock(&p->seen_mu);
    corpus_seen_validators(p->seen, url, &etag, &last_modified);
    pthread_mutex_unlock(&p->seen_mu);
    fetch_outcome o = fetcher_get(f, url, etag, last_modified, r, err);
    free(etag);
    free(last_modified);
    return o;
}

void ingest_take_response(job *j, fetch_result *r, int body)
{
    j->fetched = strdup(r->fetched);
    j->status = r->status;
    j->ctype = r->content_type;
    j->final_url = r->final_url;
    j->etag = r->etag;
    j->last_modified = r->last_modified;
    r->content_type = r->final_url = r->etag = r->last_modified = NULL;
    if (!body)
        return;
    j->data = r->data;
    j->len = r->len;
    r->data = NULL;
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
int ingest_is_readable(const char *ct, const unsigned char *data, size_t len)
{
    if (len == 0)
        return 0;
    if (is_html_type(ct))
        return 1;
    return is_document(data, len);
}

/* Move a fetched response into a page job. */
static int submit_fetched(pipeline *p, const char *url, fetch_result *r)
{
    int page = ingest_is_readable(r->content_type, r->data, r->len);
    job *j = ingest_new_job(page ? JOB_PAGE : JOB_SKIPPED, url);
    if (!j || !(j->url = strdup(url))) {
        ingest_job_free(j);
        return 0;
    }
    ingest_take_response(j, r, page);
    return ingest_submit(p, j);
}

/* Fetch `url`; a feed (at the top level only: feeds do not chain) is
 * expanded into its items. */
int ingest_read_url(pipeline *p, const char *url, int depth)
{
    gisa_error err;
    fetcher *f = ingest_get_fetcher(p, &err);
    if (!f)
        return ingest_submit_failure_as(p, url, &err, GISA_FAIL_NETWORK);
    fetch_result r;
    fetch_outcome o = ingest_fetch_again(p, f, url, &r, &err);
    int ok;
    if (o == FETCH_FAILED) {
        ok = ingest_submit_failure_as(p, url, &err, r.reason);
    } else if (o == FETCH_NOT_MODIFIED) {
        job *j = ingest_new_job(JOB_NOT_MODIFIED, url);
        ok = j ? ingest_submit(p, j) : 0;
    } else if (depth == 0 && feed_sniff(r.data, r.len)) {
        ok = ingest_read_feed(p, url, r.data, r.len, r.final_url, r.fetched);
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

/* A feed item the feed parser found wrong, reported on its own. */
static int submit_bad_item(pipeline *p, const char *name, size_t i, const feed_item *it)
{
    gisa_error err;
    gisa_fail(&err, GISA_ERR_INPUT, "%s: item %zu%s%.80s%s: %s", name, i + 1,
              it->title ? " (" : "", it->title ? it->title : "", it->title ? ")" : "",
              it->problem);
    return ingest_submit_failure_as(p, name, &err, GISA_FAIL_FEED);
}

/* Each item of a feed: its full text, or else its link fetched. A bad
 * item is reported on its own and the rest go on. */
int ingest_read_feed(pipeline *p, const char *name, const unsigned char *data, size_t len,
                     const char *base, const char *fetched)
{
    gisa_error err;
    feed fd;
    if (feed_parse(data, len, name, base, &fd, &err) != GISA_OK)
        return ingest_submit_failure_as(p, name, &err, GISA_FAIL_FEED);
    int ok = 1;
    for (size_t i = 0; ok && i < fd.n; i++) {
        const feed_item *it = &fd.items[i];
        if (it->problem)
            ok = submit_bad_item(p, name, i, it);
        else if (it->content)
            ok = submit_item_page(p, name, i, it, fetched);
        else
            ok = ingest_read_url(p, it->link, 1);
    }
    if (ok && fd.n == 0) {
        gisa_fail(&err, GISA_ERR_INPUT, "%s: a feed without items", name);
        ok = ingest_submit_failure_as(p, name, &err, GISA_FAIL_FEED);
    }
    feed_free(&fd);
    return ok;
}
