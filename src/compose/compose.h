/* compose.h - the post model every post renderer walks.
 *
 * compose builds one model from a document (title, date, slug, excerpt,
 * the body blocks kept, attribution); jekyll.c, hugo.c, html.c and json.c
 * only render it. Nothing in the model is written by gisa except headings,
 * labels and the attribution: every body sentence is the source's. */
#ifndef GISA_COMPOSE_H
#define GISA_COMPOSE_H

#include "../util/arena.h"
#include "../util/buf.h"
#include "gisa.h"

typedef struct post_model {
    const gisa_document *doc;
    gisa_post_options opt; /* the caller's, defaults filled in */
    arena mem;
    const char *title;
    char date[11];        /* YYYY-MM-DD */
    char clock[9];        /* HH:MM:SS: the page's time, else 00:00:00 */
    const char *zone;     /* "+0900": the page's zone, else +0900 for Korean
                             sources, +0000 for others */
    const char *slug;
    const char *excerpt;  /* the lead's first sentences */
    const char *image;    /* first image kept, for front matter */
    const char *org;      /* who issued it: ministry, else site */
    char hash[17];        /* of the source's text: tells a changed page */
    int korean;
    int no_derivatives;   /* licence allows verbatim use only */
    int quoted;           /* rights reserved, posted by the user's leave: a
                             summary of quotations */
    const gisa_block **blocks; /* body, in order */
    size_t *source_index;      /* each body block's block in the source;
                                  NO_SOURCE for headings and tables gisa made */
    size_t nblocks;
    gisa_analysis *an;         /* the source analysed */
    const gisa_sentence **key; /* key sentences */
    size_t nkey;
    const char **tags;         /* the best keywords */
    size_t ntags;
    const struct rewrite_note *rewrite; /* a model's rewrite, or NULL */
} post_model;

/* What front matter records of a rewrite (src/rewrite). */
typedef struct rewrite_note {
    const char *model, *voice;
    size_t rewritten, retried, replaced;
} rewrite_note;
/* Front matter's "rewrite:" map (frontmatter.c). */
struct front_matter;
void fm_rewrite(struct front_matter *f, const rewrite_note *r);

#define NO_SOURCE ((size_t)-1)

/* Key sentences of body block i, in order of appearance. */
size_t key_sentences_of(const post_model *m, size_t i, const char **out, size_t cap);

/* Summary mode's body (summary.c): the best whole sentences, each with
 * the sentence before it when it points back to it. */
void keep_summary(post_model *m);
/* Does a sentence end as one ("…다.", "…요?", "…했다”")? (table.c) */
int ends_as_sentence(const char *s);
/* Does it open by pointing back at the sentence before ("이를 위해",
 * "그 일환으로")? (table.c) */
int refers_back(const char *s);

/* Close the body with the summary table (table.c): what a release says
 * was decided or agreed, else the key sentences. */
void add_summary_table(post_model *m);

/* Give a page without headings of its own topic sections (sections.c). */
void add_sections(post_model *m);

/* Render the built model, check it (unless opt.no_check) and name its
 * file: the second half of gisa_compose, shared with the rewrite stage. */
gisa_status compose_finish(post_model *m, gisa_post *out, gisa_error *err);
/* The tistory style with a format that has no HTML: GISA_ERR_USAGE. */
gisa_status compose_refuse_style(const gisa_post_options *o, gisa_error *err);
/* The excerpt: the lead paragraph's first sentences (model.c). */
const char *make_excerpt(post_model *m);

/* Build the model; on failure fills err and returns its status. */
gisa_status post_model_build(post_model *m, const gisa_document *doc,
                             const gisa_post_options *opt, gisa_error *err);
void post_model_free(post_model *m);
/* 64-bit FNV-1a of a document's title and body text, as 16 hex digits. */
void source_hash(const gisa_document *doc, char out[17]);

/* Front matter of an existing post: the values of top-level keys, and of
 * keys under "params" (Hugo). Returns 0 when text has none. */
typedef struct fm_values {
    char *source_url;  /* malloc'd or NULL */
    char *source_hash; /* malloc'd or NULL */
    char *title;       /* malloc'd or NULL; top level only */
    char *date;        /* malloc'd or NULL, as written; top level only */
} fm_values;
int fm_read(const char *text, size_t len, fm_values *out);
void fm_values_clear(fm_values *v);

/* outline.c: a release's outline markers (○, -, 가., 1., 1), ①) at the
 * start of a paragraph, read as nested list items. */
#define OUTLINE_MAX 4
typedef struct outline {
    int cls[OUTLINE_MAX]; /* the marker class of each open level */
    int n;                /* levels open; 0 outside a list */
} outline;
/* The marker opening s and the space after it, in bytes (0: no item);
 * its class and, for counted markers, its number (가 and ① are 1). */
size_t outline_marker(const char *s, int *cls, int *number);
/* Are items of this class counted (an ordered list)? */
int outline_ordered(int cls);
/* The depth (1..OUTLINE_MAX) of an item of class cls after the items
 * seen so far in o: a new class nests under the last item, a class seen
 * before returns to its level. */
int outline_depth(outline *o, int cls);

/* closing.c: whom to ask and the release's files as links, after the
 * body (nothing when the page gives neither, or the post is a quotation). */
void closing_markdown(const post_model *m, buf *out);
void closing_html(const post_model *m, int tistory, buf *out);

/* Renderers: append the whole post to out. */
void render_jekyll(const post_model *m, buf *out);
void render_hugo(const post_model *m, buf *out);
void render_post_html(const post_model *m, buf *out);
void render_post_markdown(const post_model *m, buf *out);
/* The body and the credit as HTML, nothing around them (page.c). */
void render_post_fragment(const post_model *m, buf *out);
int render_post_json(const post_model *m, buf *out);

/* Body renderers shared by the formats. */
void body_markdown(const post_model *m, buf *out);
void body_tistory(const post_model *m, buf *out);
void body_html(const post_model *m, buf *out);
void attribution_markdown(const post_model *m, buf *out);
/* What follows the front matter in a Jekyll or Hugo post: the body in the
 * chosen style, then the attribution. */
void post_body(const post_model *m, buf *out);
void attribution_html(const post_model *m, buf *out);

/* HTML text escaping; URLs other than http(s) are refused (returns 0). */
void html_escape(buf *out, const char *s);
int safe_url(const char *url);

/* libyaml front matter: begin, key/value pairs, end. */
typedef struct front_matter front_matter;
front_matter *fm_begin(buf *out);
void fm_field(front_matter *f, const char *key, const char *value);
/* A value gisa formats itself and means as typed (a date, a boolean):
 * written plain, where fm_field quotes any string YAML would retype. */
void fm_typed(front_matter *f, const char *key, const char *value);
void fm_bool(front_matter *f, const char *key, int value);
/* Fields site generators read as markup, given text escaped for it, so
 * the page's words show as words: Jekyll's excerpt is HTML (themes print
 * it unescaped); Hugo's summary and themes' feature_text are Markdown. */
void fm_field_html(front_matter *f, const char *key, const char *text);
void fm_field_markdown(front_matter *f, const char *key, const char *text);
void fm_list(front_matter *f, const char *key, const char *const *items, size_t n);
void fm_map_begin(front_matter *f, const char *key);
void fm_map_end(front_matter *f);
/* Finish the document; returns 1 on success. Frees f. */
int fm_end(front_matter *f);

#endif
