/* html.h - what the HTML files of the extract stage share. */
#ifndef GISA_HTML_H
#define GISA_HTML_H

#include <string.h>

#include "dom.h"

#include "extract.h"

/* Recursion bound of every tree walk: deeply nested input cannot exhaust
 * the stack. */
#define MAX_DEPTH 400

/* strcmp's order, compared inline: the names are a few bytes long, and a
 * binary search over a word table, or a test of an element's name, called
 * strcmp for each step; those calls were a tenth of the time spent
 * measuring a page, and most of the time of the metadata walk. */
static inline int cmp_names(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

/* a == b, for element and attribute names */
static inline int name_is(const char *a, const char *b)
{
    return cmp_names(a, b) == 0;
}

static inline int is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Tags we treat specially, found once per element by tag_of(). */
typedef enum tag {
    T_OTHER, T_A, T_ARTICLE, T_ASIDE, T_BLOCKQUOTE, T_BODY, T_BR, T_BUTTON,
    T_CAPTION, T_CODE, T_DD, T_DIV, T_DL, T_DT, T_FIGCAPTION, T_FIGURE, T_FOOTER,
    T_FORM, T_H1, T_H2, T_H3, T_H4, T_H5, T_H6, T_HEAD, T_HEADER, T_HR, T_IFRAME,
    T_IMG, T_INPUT, T_LI, T_MAIN, T_NAV, T_NOSCRIPT, T_OL, T_OPTION, T_P, T_PRE,
    T_SCRIPT, T_SECTION, T_SELECT, T_STYLE, T_SVG, T_TABLE, T_TD, T_TEMPLATE,
    T_TEXTAREA, T_TH, T_TITLE, T_TR, T_UL, T_CANVAS, T_VIDEO, T_AUDIO, T_OBJECT,
    T_MENU, T_LABEL
} tag;

/* The tag of an element named name whose tag id (src/html/tree.h) is
 * html_tag: found once per element, when the tree is made. */
tag tag_of_name(unsigned html_tag, const char *name);
static inline tag tag_of(const dom_node *n)
{
    return (tag)n->kind;
}
int tag_is_junk(tag t);     /* never text: script, style, form controls... */
int tag_is_inline(const dom_node *n, tag t);
int tag_is_heading(tag t);

/* Per-element facts gathered in one pass, hung on node->info. */
typedef struct node_info {
    unsigned text;    /* bytes of visible, non-space text below */
    unsigned link;    /* of which inside links */
    unsigned short_link; /* of which inside short links (menu entries) */
    unsigned paras;   /* prose-like paragraphs up to three levels below */
    unsigned prose;   /* bytes of prose-like paragraphs at any depth below */
    unsigned controls; /* form controls below: inputs, buttons, selects */
    unsigned radios;   /* of which radio buttons */
    unsigned state_inputs; /* of which hidden inputs (a form's state, seen by no reader) */
    float score;      /* content score gathered from paragraphs below */
    float mass;       /* text below, less link text and boilerplate regions */
    signed char cls;  /* class/id evidence: EV_*, +1 content, 0 */
    unsigned char facts; /* CF_* bits of its class and id */
    unsigned char hidden;
    unsigned char tag; /* tag_of(), cached */
} node_info;

static inline node_info *info_of(const dom_node *n)
{
    return (node_info *)n->info;
}

/* Class and id evidence: +1 content-like, EV_WEAK_BAD or EV_STRONG_BAD
 * boilerplate-like, 0 neither. */
#define EV_WEAK_BAD (-1)
#define EV_STRONG_BAD (-2)
#define EV_COMMENT (-3)   /* comments: boilerplate, unless they are the page */
#define EV_OVERLAY (-4)   /* dialogs, modals, cookie banners: never content */
#define EV_RELATED (-5)   /* other stories ("related", "similar", recommendation
                             widgets): never content, however much prose
                             their teasers hold */
/* What class and id values said, kept per value for one walk of a page:
 * the same class names repeat on every item of a list, and reading their
 * words again was a fifth of the time measuring a page took. Zeroed
 * before use; the values it points to are the tree's. */
#define EV_CACHE_SLOTS 2048
typedef struct ev_cache {
    const char *value[EV_CACHE_SLOTS];
    signed char ev[EV_CACHE_SLOTS];
    unsigned char is_class[EV_CACHE_SLOTS];
    unsigned char facts[EV_CACHE_SLOTS]; /* CF_* bits */
} ev_cache;
/* What else a class or id value says, found with its evidence: the
 * metadata walk and the hidden test read these bits of the measured
 * elements (node_info.facts), not the values again. */
#define CF_HEADLINE 1 /* class: a headline's (title.c headline_class) */
#define CF_BYLINE 2   /* class or id: a byline's (byline_class) */
#define CF_SR_ONLY 4  /* class: text for screen readers only */
/* cache may be NULL; *facts gets the CF_* bits of n's class and id. */
int class_evidence(const dom_node *n, ev_cache *cache, unsigned *facts);
/* The CF_* bits of a class value (NULL: none) and an id value. */
unsigned class_facts(const char *class_value, const char *id_value);
int byline_class(const char *v);
/* Visible-text length of an element is below this many bytes: too short
 * to be an article on its own. */
#define MIN_ARTICLE_BYTES 400

/* sitehints.c: id or class name of the article element on a site we know
 * (korea.kr, Naver News, major Korean papers), or NULL. */
const char *site_hint_marker(const char *url);

/* Metadata from <head>, JSON-LD, <time> and visible text. */
void html_metadata(doc *d, dom_tree *x, const decoded_text *t, const gisa_source *src);
/* Absolute form of a possibly relative URL; arena string or NULL. */
const char *resolve_url(doc *d, const char *base, const char *url);
/* Attribute value or NULL (libxml2 strings are copied into the arena). */
const char *attr(doc *d, const dom_node *n, const char *name);

/* html_evidence.c: hidden from every reader (the hidden attribute, an
 * inline display:none or visibility:hidden), or shown to screen readers
 * only. */
int hidden_element(const dom_node *n);
/* The same, less the screen-reader classes: CF_SR_ONLY says those. */
int hidden_by_markup(const dom_node *n);
int form_response_class(const char *class_value);

/* ---- html_measure.c: the first pass */
#define SOME_PROSE 600 /* bytes: a few paragraphs */
unsigned visible_bytes(const char *s);
/* Tag of a measured element, from the cache. */
tag ntag(const dom_node *n);
void measure_page(doc *d, dom_node *body);
void unwrap_swallowing(dom_node *body);
int layout_wrapper(const node_info *ni);
int form_is_boilerplate(const node_info *ni);
int link_menu_header(const node_info *ni);

/* ---- html_comments.c */
/* Which comment-marked subtrees marked() adds up, and what of them. */
typedef enum mark_kind {
    MARK_COMMENTS,     /* text of the comments that are not customer reviews */
    MARK_REVIEWS,      /* text of customer reviews */
    MARK_READERS,      /* prose of the comments that are not review-named */
    MARK_REVIEW_NAMED, /* prose of review-named sections */
} mark_kind;

/* How much of n's content lies in comment-marked subtrees of kind k. */
unsigned marked(const dom_node *n, mark_kind k, int depth);
int post_with_comments(dom_node *n);
unsigned comment_bytes(const dom_node *n);
int in_comments(const dom_node *n);
int in_reviews(const dom_node *n);

/* ---- html_tail.c: the article's end in its emitted blocks */
int tail_opener(const char *text);
/* Index of the block that opens the region after the article (comments,
 * "Related", "Most read"...) among b[from..n), or n. A readers' thread
 * ends only a page that says it is an article. */
size_t article_end(const gisa_block *b, size_t from, size_t n, int article_page);
/* Byline, dateline, site and badge lines before the first paragraph of
 * prose among b[from..n) are removed; returns the new count. */
int head_line(const char *s, const char *site, const char *author);
size_t drop_head_lines(gisa_block *b, size_t from, size_t n, const char *site,
                       const char *author);
/* Headings left with nothing under them and the author's box, at the end
 * of b[from..n); returns the new count. */
size_t drop_end_lines(const gisa_block *b, size_t from, size_t n, const char *author,
                      int article_page);

/* Later copies of a long heading among b[from..n); returns the new count. */
size_t drop_repeated_titles(gisa_block *b, size_t from, size_t n);

/* ---- html_emit.c, html_table.c: the second pass */
typedef struct emitter {
    doc *d;
    buf inl;          /* inline text waiting to become a paragraph */
    size_t inl_offset;
    const char *base; /* for resolving image URLs */
    int keep_comments; /* the comments are the page (a forum thread) */
    int lenient;       /* second try: keep link lists and weak boilerplate */
    unsigned root_text; /* text of the chosen element */
} emitter;
void emit_tree(emitter *e, dom_node *n, int depth);
void emit_element(emitter *e, dom_node *c, int depth);
void emit_flush(emitter *e);
const char *clean_collect(emitter *e, dom_node *n, int keep_br);
dom_node *find_tag(dom_node *n, tag want, int depth);
int is_layout_table(dom_node *n, int depth);
void emit_table(emitter *e, dom_node *n);

#endif
