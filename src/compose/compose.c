/* compose.c - gisa_compose(): build the post model, render the format,
 * name the file. */
#include <stdlib.h>
#include <string.h>

#include "../check/check.h"
#include "../util/error.h"
#include "../util/yamlapi.h"
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
    case GISA_POST_FRAGMENT:
        buf_printf(fn, "%s-%s.html", m->date, m->slug);
        break;
    }
}

/* Markdown and JSON have no HTML body to style: refused, not ignored */
gisa_status compose_refuse_style(const gisa_post_options *o, gisa_error *err)
{
    if (o && o->style == GISA_STYLE_TISTORY &&
        (o->format == GISA_POST_MARKDOWN || o->format == GISA_POST_JSON))
        return gisa_fail(err, GISA_ERR_USAGE,
                         "the tistory style is HTML: use it with --format fragment (the "
                         "default for it), html, jekyll or hugo");
    return GISA_OK;
}

static int render(const post_model *m, buf *out)
{
    switch (m->opt.format) {
    case GISA_POST_JEKYLL: render_jekyll(m, out); return 1;
    case GISA_POST_HUGO: render_hugo(m, out); return 1;
    case GISA_POST_HTML: render_post_html(m, out); return 1;
    case GISA_POST_MARKDOWN: render_post_markdown(m, out); return 1;
    case GISA_POST_JSON: return render_post_json(m, out);
    case GISA_POST_FRAGMENT: render_post_fragment(m, out); return 1;
    }
    return 0;
}

/* Read the post back as a rewrite and check it against its source: the
 * guarantee that a post states nothing its source does not. */
static gisa_status verify(const post_model *m, const buf *jekyll, gisa_error *err)
{
    buf own = BUF_INIT; /* the Jekyll rendering, when the output is another format */
    if (!jekyll) {
        render_jekyll(m, &own);
        jekyll = &own;
    }
    if (jekyll->oom) {
        buf_free(&own);
        return gisa_fail(err, GISA_ERR_NOMEM, "out of memory while checking the post");
    }
    const buf text = *jekyll;
    gisa_source src = {"composed post", (const unsigned char *)text.ptr, text.len, NULL, NULL, NULL, NULL};
    gisa_extract_options eo = {.kind = GISA_INPUT_POST};
    gisa_document *back;
    gisa_check_report *r = NULL;
    gisa_status st = gisa_extract(&src, &eo, &back, err);
    if (st == GISA_OK) {
        const gisa_document *srcs[] = {m->doc};
        gisa_analysis *const analyses[] = {m->an}; /* analysed once, for the model */
        st = check_run(back, srcs, analyses, 1, &r, err);
        gisa_document_free(back);
    }
    buf_free(&own);
    for (size_t i = 0; st == GISA_OK && i < r->nfacts; i++) {
        const gisa_fact *f = &r->facts[i];
        if (f->verdict != GISA_SUPPORTED)
            st = gisa_fail(err, GISA_ERR_UNSUPPORTED,
                           "%s: the composed post fails its own check: \"%s\" is %s by "
                           "the source (%zu of %zu facts not supported)",
                           m->doc->source_name ? m->doc->source_name : "document", f->text,
                           f->verdict == GISA_CONTRADICTED ? "contradicted" : "not stated",
                           r->unsupported + r->contradicted, r->nfacts);
    }
    gisa_check_free(r);
    return st;
}

gisa_status compose_finish(post_model *m, gisa_post *out, gisa_error *err)
{
    buf text = BUF_INIT, fn = BUF_INIT;
    gisa_status st;
    const char *why; /* the front matter of Jekyll, Hugo and the check's rendering */
    if ((!m->opt.no_check || m->opt.format == GISA_POST_JEKYLL ||
         m->opt.format == GISA_POST_HUGO) &&
        !yaml_api_get(&why))
        return gisa_fail(err, GISA_ERR_INPUT, "%s: %s",
                         m->doc->source_name ? m->doc->source_name : "document", why);
    if (!render(m, &text))
        text.oom = 1;
    /* a Jekyll post is checked as rendered; other formats through a Jekyll
     * rendering of the same model */
    if (!m->opt.no_check &&
        (st = verify(m, m->opt.format == GISA_POST_JEKYLL ? &text : NULL, err)) != GISA_OK) {
        buf_free(&text);
        return st;
    }
    file_name(m, &fn);
    out->text = buf_detach(&text, &out->len);
    out->filename = buf_detach(&fn, NULL);
    if (!out->text || !out->filename) {
        gisa_post_clear(out);
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory while composing",
                         m->doc->source_name ? m->doc->source_name : "document");
    }
    return GISA_OK;
}

gisa_status gisa_compose(const gisa_document *d, const gisa_post_options *o,
                         gisa_post *out, gisa_error *err)
{
    memset(out, 0, sizeof *out);
    gisa_status st = compose_refuse_style(o, err);
    if (st != GISA_OK)
        return st;
    post_model m;
    st = post_model_build(&m, d, o, err);
    if (st == GISA_OK)
        st = compose_finish(&m, out, err);
    post_model_free(&m);
    return st;
}

void gisa_post_clear(gisa_post *p)
{
    free(p->text);
    free(p->filename);
    memset(p, 0, sizeof *p);
}
