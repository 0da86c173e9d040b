/* jekyll.c - a Jekyll post: front matter in the fields Jekyll themes read
 * (title, date, categories, excerpt, feature_text, image) plus the source's
 * URL, organisation and licence, then the body and the attribution. */
#include <stdio.h>

#include "compose.h"

void render_jekyll(const post_model *m, buf *out)
{
    char when[40];
    snprintf(when, sizeof when, "%s %s %s", m->date, m->clock, m->zone);
    const char *category = m->opt.category ? m->opt.category : "News";
    front_matter *f = fm_begin(out);
    if (!f) {
        out->oom = 1;
        return;
    }
    fm_field(f, "title", m->title);
    fm_typed(f, "date", when);
    fm_list(f, "categories", &category, 1);
    fm_list(f, "tags", m->tags, m->ntags);
    fm_field_html(f, "excerpt", m->excerpt);
    fm_field_markdown(f, "feature_text", m->excerpt);
    fm_field(f, "image", m->image);
    fm_field(f, "source_url", m->doc->url);
    fm_field(f, "source_org", m->org);
    fm_field(f, "license", m->doc->license);
    fm_field(f, "source_hash", m->hash);
    fm_rewrite(f, m->rewrite);
    if (!fm_end(f))
        out->oom = 1;
    post_body(m, out);
}
