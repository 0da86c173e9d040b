/* compose.c - gisa_compose(): build the post model, render the format,
 * name the file. */
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "compose.h"

static void file_name(const post_model *m, buf *fn)
{
    switch (m->opt.format) {
    case GISA_POST_JEKYLL:
        buf_printf(fn, "%s-%s.md", m->date, m->slug);
        break;
    case GISA_POST_HUGO:
        buf_printf(fn, m->opt.bundle ? "%s/index.md" : "%s.md", m->slug);
        break;
    case GISA_POST_HTML:
        buf_printf(fn, "%s-%s.html", m->date, m->slug);
        break;
    case GISA_POST_MARKDOWN:
        buf_printf(fn, "%s-%s.md", m->date, m->slug);
        break;
    case GISA_POST_JSON:
        buf_printf(fn, "%s-%s.json", m->date, m->slug);
        break;
    }
}

static int render(const post_model *m, buf *out)
{
    switch (m->opt.format) {
    case GISA_POST_JEKYLL: render_jekyll(m, out); return 1;
    case GISA_POST_HUGO: render_hugo(m, out); return 1;
    case GISA_POST_HTML: render_post_html(m, out); return 1;
    case GISA_POST_MARKDOWN: render_post_markdown(m, out); return 1;
    case GISA_POST_JSON: return render_post_json(m, out);
    }
    return 0;
}

gisa_status gisa_compose(const gisa_document *d, const gisa_post_options *o,
                         gisa_post *out, gisa_error *err)
{
    memset(out, 0, sizeof *out);
    post_model m;
    gisa_status st = post_model_build(&m, d, o, err);
    if (st != GISA_OK) {
        post_model_free(&m);
        return st;
    }
    buf text = BUF_INIT, fn = BUF_INIT;
    if (!render(&m, &text))
        text.oom = 1;
    file_name(&m, &fn);
    post_model_free(&m);
    out->text = buf_detach(&text, &out->len);
    out->filename = buf_detach(&fn, NULL);
    if (!out->text || !out->filename) {
        gisa_post_clear(out);
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory while composing",
                         d->source_name ? d->source_name : "document");
    }
    return GISA_OK;
}

void gisa_post_clear(gisa_post *p)
{
    free(p->text);
    free(p->filename);
    memset(p, 0, sizeof *p);
}
