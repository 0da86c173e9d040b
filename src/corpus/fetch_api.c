/* fetch_api.c - the fetcher of the corpus stage offered to callers of the
 * public API (gisa post fetches a page and its attachment with it), with
 * the same politeness and limits as gisa_ingest. */
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "corpus.h"

struct gisa_fetcher {
    fetcher *f;
};

gisa_status gisa_fetcher_new(const gisa_fetch_options *opts, gisa_fetcher **out,
                             gisa_error *err)
{
    static const gisa_fetch_options defaults;
    const gisa_fetch_options *o = opts ? opts : &defaults;
    *out = NULL;
    fetch_options fo = {o->user_agent, o->delay == 0 ? 1.0 : o->delay < 0 ? 0 : o->delay,
                        o->timeout > 0 ? o->timeout : 30.0,
                        o->max_bytes ? o->max_bytes : GISA_DEFAULT_MAX_INPUT,
                        o->allow_private};
    gisa_fetcher *g = calloc(1, sizeof *g);
    if (!g)
        return gisa_fail(err, GISA_ERR_NOMEM, "cannot start fetching: out of memory");
    if (!(g->f = fetcher_new(&fo, err))) {
        free(g);
        return err->status;
    }
    *out = g;
    return GISA_OK;
}

gisa_status gisa_fetch(gisa_fetcher *g, const char *url, gisa_bytes *out, char **final_url,
                       char **content_type, gisa_error *err)
{
    out->data = NULL;
    out->len = 0;
    if (final_url)
        *final_url = NULL;
    if (content_type)
        *content_type = NULL;
    fetch_result r;
    err->status = GISA_OK;
    err->message[0] = '\0';
    if (fetcher_get(g->f, url, NULL, NULL, &r, err) != FETCH_OK) {
        fetch_result_clear(&r);
        if (err->status == GISA_OK || !err->message[0])
            return gisa_fail(err, GISA_ERR_IO, "%s: cannot fetch it", url);
        return err->status;
    }
    if (r.len == 0) {
        fetch_result_clear(&r);
        return gisa_fail(err, GISA_ERR_INPUT, "%s: the response is empty", url);
    }
    out->data = r.data;
    out->len = r.len;
    r.data = NULL;
    if (final_url) {
        *final_url = r.final_url;
        r.final_url = NULL;
    }
    if (content_type) {
        *content_type = r.content_type;
        r.content_type = NULL;
    }
    fetch_result_clear(&r);
    return GISA_OK;
}

void gisa_fetcher_free(gisa_fetcher *g)
{
    if (!g)
        return;
    fetcher_free(g->f);
    free(g);
}
