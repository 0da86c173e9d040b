/* hugo.c - a Hugo post: front matter with Hugo's own keys (summary,
 * isCJKLanguage) and the source under params, then the body. */
#include <stdio.h>

#include "compose.h"

void render_hugo(const post_model *m, buf *out)
{
    char when[40];
    snprintf(when, sizeof when, "%sT%s%.3s:%s", m->date, m->clock, m->zone, m->zone + 3);
    const char *category = m->opt.category ? m->opt.category : "News";
    front_matter *f = fm_begin(out);
    if (!f) {
        out->oom = 1;
        return;
    }
    fm_field(f, "title", m->title);
    fm_typed(f, "date", when);
    fm_list(f, "tags", m->tags, m->ntags);
    fm_list(f, "categories", &category, 1);
    fm_field_markdown(f, "summary", m->excerpt);
    fm_bool(f, "isCJKLanguage", m->korean);
    fm_map_begin(f, "params");
    fm_field(f, "source_url", m->doc->url);
    fm_field(f, "source_org", m->org);
    fm_field(f, "license", m->doc->license);
    fm_field(f, "image", m->image);
    fm_field(f, "source_hash", m->hash);
    fm_map_end(f);
    fm_rewrite(f, m->rewrite);
    if (!fm_end(f))
        out->oom = 1;
    post_body(m, out);
}
