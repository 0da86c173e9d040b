/* html.c - choose an HTML page's main content and turn it into blocks.
 *
 * This file chooses; the other html_*.c files hold the parts it uses:
 * html_tags.c (tag names), html_evidence.c (class/id/role/style
 * evidence, hidden elements), html_measure.c (the first pass),
 * html_comments.c (comments and reviews), html_emit.c and html_table.c
 * (the second pass), html_meta.c (title, date, author).
 *
 * Two passes over libxml2's tree. The first measures every element: its
 * visible text and link text, the prose paragraphs below it, class/id/role
 * evidence, and a content mass (text, less short-link text and
 * boilerplate regions). Each prose paragraph also votes for the elements
 * that contain it, as Readability does.
 *
 * Choosing: a site hint names the article element on a few Korean sites
 * (sitehints.c). Otherwise the best-voted element outside any <footer>,
 * widened over wrappers
 * and joined by siblings that score well, is the article; it then climbs
 * to an ancestor whose content mass is clearly larger, which brings in the
 * other posts of a thread, the other sections of a service page or the
 * other items of a listing; it never climbs out of a <main>. When the best element is weak, or holds
 * little prose and a small share of the page, the page is a listing and
 * is taken whole (with its comment-marked posts when they are most of it).
 *
 * The second pass walks the article and emits blocks, leaving out
 * subtrees that look like boilerplate (menus, share bars, related lists,
 * comment sections unless the page is the comments, customer reviews
 * always, polls and search forms (not a form around a thread's posts), overlays,
 * footers), sections whose heading points elsewhere
 * ("Related articles", "관련 기사") and lists already emitted once. When
 * that pruning leaves under two fifths of the chosen text, it runs again
 * more leniently (footers stay out even then). A hidden element inside
 * the article is emitted when it holds prose: tabs and accordions hide
 * panels the reader opens. An image's text is its
 * visible caption only; alt text is not part of the page a reader sees.
 * Recursion is bounded by MAX_DEPTH, so deeply nested input cannot
 * exhaust the stack. */
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <strings.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "html.h"

/* ----------------------------------------------------------- choose */

static float final_score(const dom_node *n)
{
    const node_info *ni = info_of(n);
    if (!ni || ni->hidden)
        return 0;
    float ld = ni->text ? (float)ni->link / (float)ni->text : 1.0f;
    /* a content class counts on an element with some text: a one-line
     * "filter-text" label is not the article */
    int sized = ni->text >= MIN_ARTICLE_BYTES / 4;
    float s = ni->score + (ni->cls > 0 ? (sized ? 8.0f : 0.0f)
                           : ni->cls == EV_WEAK_BAD ? -4.0f
                           : ni->cls < 0 ? -16.0f : 0.0f);
    tag t = ntag(n);
    if (t == T_ARTICLE || t == T_MAIN)
        s += 5;
    if (t == T_NAV || t == T_ASIDE || t == T_FOOTER || t == T_FORM || t == T_LI ||
        t == T_HEADER || t == T_MENU)
        s -= 10;
    return s * (1.0f - ld);
}

/* A footer (the page's or an article's) holds credits, links and
 * sometimes a carousel of testimonials or a block of SEO text: never the
 * article, unless the parser left it open around the page's <main>. */
static int footer_region(dom_node *n)
{
    return ntag(n) == T_FOOTER && !find_tag(n, T_MAIN, 0);
}

/* A <nav> or <menu> is the site's menu, whatever its entries hold: a
 * mega-menu whose entries are custom elements rather than links reads as
 * prose, and nothing below it is the article (the emitter skips it). */
static int menu_region(const dom_node *n)
{
    tag t = ntag(n);
    return t == T_NAV || t == T_MENU;
}

static void best_below(dom_node *n, int depth, dom_node **best, float *best_score)
{
    if (depth > MAX_DEPTH)
        return;
    for (dom_node *c = n->children; c; c = c->next) {
        if (c->type != DOM_ELEMENT || !info_of(c) || info_of(c)->hidden ||
            info_of(c)->cls == EV_OVERLAY || footer_region(c) || menu_region(c))
            continue;
        float s = final_score(c);
        if (s > *best_score) {
            *best_score = s;
            *best = c;
        }
        best_below(c, depth + 1, best, best_score);
    }
}

/* An element that holds little of its own beyond one child is replaced
 * by its parent when the parent adds more prose: the article's text is
 * often split across a few sibling containers. */
static dom_node *widen(dom_node *top)
{
    for (;;) {
        dom_node *p = top->parent;
        if (!p || p->type != DOM_ELEMENT || !info_of(p) || ntag(p) == T_BODY)
            return top;
        node_info *pi = info_of(p), *ti = info_of(top);
        if (pi->text > ti->text * 2 || pi->link * 3 > pi->text || pi->cls < 0)
            return top;
        if (final_score(p) < final_score(top) * 0.9f)
            return top;
        top = p;
    }
}


/* Siblings of the chosen element that carry prose of their own. */
static int sibling_belongs(const dom_node *s, float top_score)
{
    const node_info *si = info_of(s);
    if (!si || si->hidden || si->cls < 0)
        return 0;
    if (final_score(s) >= (top_score * 0.25f > 8 ? top_score * 0.25f : 8))
        return 1;
    return ntag(s) == T_P && si->text > 120 && si->link * 4 < si->text;
}

/* A date written in the first blocks of the article ("2026.01.30."). */
static void date_from_blocks(doc *d)
{
    char date[11];
    for (size_t i = 0; i < d->pub.nblocks && i < 6; i++) {
        const char *s = d->pub.blocks[i].text;
        if (s && find_visible_date(s, strlen(s), date)) {
            d->pub.date = arena_strdup(&d->mem, date);
            return;
        }
    }
}

/* Visible bytes of text in the blocks from `from` on. */
static size_t emitted_bytes(const doc *d, size_t from)
{
    size_t n = 0;
    for (size_t i = from; i < d->pub.nblocks; i++) {
        const gisa_block *b = &d->pub.blocks[i];
        if (b->text)
            n += strlen(b->text);
        for (size_t k = 0; k < b->nitems; k++)
            n += b->items[k] ? strlen(b->items[k]) : 0;
    }
    return n;
}

/* Forget the blocks from `from` on, and the prose they recorded as seen. */
static void drop_blocks(doc *d, size_t from)
{
    d->pub.nblocks = from;
    if (d->seen)
        memset(d->seen, 0, d->seen_cap * sizeof *d->seen);
    d->nseen = 0;
}


/* Is `tok` one of the space-separated names in the class value v? */
static int has_class(const char *v, const char *tok)
{
    size_t n = strlen(tok);
    for (const char *p = strstr(v, tok); p; p = strstr(p + 1, tok))
        if ((p == v || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
            return 1;
    return 0;
}

static void emit_chosen(emitter *e, dom_node *body, dom_node *top, float top_score)
{
    dom_node *parent = top->parent;
    if (top != body && parent) {
        for (dom_node *s = parent->children; s; s = s->next) {
            if (s == top)
                emit_tree(e, s, 0);
            else if (s->type == DOM_ELEMENT && sibling_belongs(s, top_score))
                emit_element(e, s, 0);
            emit_flush(e);
        }
    } else {
        emit_tree(e, top, 0);
    }
    emit_flush(e);
}

/* An ancestor of the chosen element whose content mass is clearly larger
 * holds more of the page's content than the prose-scoring found: the
 * posts of a thread, the sections of a service page. What lies outside
 * the page's <main> is other stories and sidebars, however heavy. */
#define CLIMB_GAIN 1.5f

static dom_node *climb(dom_node *body, dom_node *top)
{
    for (dom_node *p = top; p != body && p->parent && p->parent->type == DOM_ELEMENT &&
                           info_of(p->parent); ) {
        if (ntag(p) == T_MAIN)
            break; /* the page's main region holds its content */
        p = p->parent;
        if (info_of(p)->mass > info_of(top)->mass * CLIMB_GAIN)
            top = p;
    }
    return top;
}

/* Does the element carry `name` as its id or as one of its classes? */
static int has_marker(const dom_node *n, const char *name)
{
    for (const dom_attr *a = n->attrs; a; a = a->next) {
        const char *v = a->value;
        if ((!strcmp(a->name, "id") && !strcmp(v, name)) ||
            (!strcmp(a->name, "class") && has_class(v, name)))
            return 1;
    }
    return 0;
}

/* The first visible element below n marked `name`, in document order. */
static dom_node *find_marked(dom_node *n, const char *name, int depth)
{
    for (dom_node *c = n->children; c && depth < MAX_DEPTH; c = c->next) {
        const node_info *ci = c->type == DOM_ELEMENT ? info_of(c) : NULL;
        if (!ci || ci->hidden)
            continue;
        if (has_marker(c, name))
            return c;
        dom_node *f = find_marked(c, name, depth + 1);
        if (f)
            return f;
    }
    return NULL;
}

/* The article element a site hint names, if the page has it with text. */
static dom_node *hinted_article(doc *d, dom_node *body)
{
    const char *marker = site_hint_marker(d->pub.url);
    dom_node *n = marker ? find_marked(body, marker, 0) : NULL;
    return n && info_of(n)->text >= MIN_ARTICLE_BYTES / 4 ? n : NULL;
}

/* Score below which the best element is no article: under one long
 * paragraph's worth of votes (a content class counts). */
#define WEAK_SCORE 4.0f

/* Is the page a listing rather than an article? Its best element is
 * weak, or, even widened and climbed, holds little prose and under an
 * eighth of the page's text: the content is the page's items
 * (categories, a product grid, short posts), taken as a whole. */
static int listing_page(const dom_node *body, const dom_node *top, float top_score)
{
    const node_info *ti = info_of(top), *bi = info_of(body);
    return top_score < WEAK_SCORE ||
           (ti->prose < SOME_PROSE && (unsigned long)ti->text * 8 < bi->text);
}

static void choose_and_emit(doc *d, dom_node *body)
{
    dom_node *hinted = hinted_article(d, body);
    if (hinted) {
        emitter e = {.d = d, .inl = BUF_INIT, .base = d->base_url};
        emit_tree(&e, hinted, 0);
        emit_flush(&e);
        buf_free(&e.inl);
        return;
    }
    dom_node *top = NULL;
    float top_score = 0;
    emitter e = {.d = d, .inl = BUF_INIT, .base = d->base_url};
    best_below(body, 0, &top, &top_score);
    dom_node *wide = NULL, *wider = NULL;
    if (top && info_of(top)->text >= MIN_ARTICLE_BYTES / 4) {
        wide = widen(top);
        wider = climb(body, wide);
    }
    if (!wider || listing_page(body, wider, top_score)) {
        top = body;
        /* within the page's <main>, when the candidate is in one */
        for (dom_node *m = wider; m && m != body; m = m->parent)
            if (ntag(m) == T_MAIN)
                top = m;
        /* a thread whose posts are marked as comments */
        e.keep_comments = comment_bytes(top) * 2 > info_of(top)->text;
    } else {
        if (wider != wide)
            top_score = INFINITY; /* its siblings are in already */
        top = wider;
        /* comments are the content when the prose itself is in them */
        e.keep_comments = !in_reviews(wide) &&
                          (in_comments(wide) || (comment_bytes(wide) * 2 > info_of(wide)->text &&
                                                 !post_with_comments(wide)));
    }
    unsigned text = info_of(top)->text;
    size_t start = d->pub.nblocks;
    e.root_text = text;
    emit_chosen(&e, body, top, top_score);
    /* Too little survived the pruning (under two fifths of the chosen
     * element's text, customer reviews aside): a page of link lists, or
     * content classed like boilerplate. Try again keeping more. */
    if (emitted_bytes(d, start) * 5 < (size_t)(text - marked(top, MARK_REVIEWS, 0)) * 2) {
        drop_blocks(d, start);
        e.lenient = 1;
        emit_chosen(&e, body, top, top_score);
    }
    /* Kept comments are a thread's posts, unless the page says it is an
     * article: then they are replies to it, and their heading ends it. */
    if (!e.keep_comments || d->article_page)
        d->pub.nblocks = article_end(d->pub.blocks, start, d->pub.nblocks, d->article_page);
    d->pub.nblocks = drop_repeated_titles(d->blocks, start, d->pub.nblocks);
    d->pub.nblocks = drop_end_lines(d->pub.blocks, start, d->pub.nblocks, d->pub.author,
                                    d->article_page);
    if (d->article_page)
        d->pub.nblocks = drop_head_lines(d->blocks, start, d->pub.nblocks, d->pub.site_name,
                                         d->pub.author);
    buf_free(&e.inl);
}

static dom_node *body_of(const dom_tree *x)
{
    dom_node *root = dom_root(x);
    if (!root)
        return NULL;
    for (dom_node *c = root->children; c; c = c->next)
        if (c->type == DOM_ELEMENT && tag_of(c) == T_BODY)
            return c;
    return root;
}

gisa_status extract_html(doc *d, const decoded_text *t, const gisa_source *src,
                         gisa_error *err)
{
    dom_tree tree, *x = &tree;
    if (html_parse(d, t->text, t->len, x, err) != GISA_OK)
        return err->status;
    dom_node *body = body_of(x);
    if (body)
        measure_page(d, body);
    if (body && info_of(body))
        unwrap_swallowing(body);
    html_metadata(d, x, t, src);
    if (body && info_of(body))
        choose_and_emit(d, body);
    dom_free(x);
    if (!d->pub.date)
        date_from_blocks(d);
    return GISA_OK;
}

/* Every block of an HTML fragment, with no content selection: for text
 * that is all article, such as the body of a post being checked. */
gisa_status extract_html_whole(doc *d, const char *html, size_t len, gisa_error *err)
{
    dom_tree tree, *x = &tree;
    if (html_parse(d, html, len, x, err) != GISA_OK)
        return err->status;
    dom_node *body = body_of(x);
    if (body) {
        measure_page(d, body);
        emitter e = {.d = d, .inl = BUF_INIT, .base = d->base_url, .lenient = 1};
        emit_tree(&e, body, 0);
        emit_flush(&e);
        buf_free(&e.inl);
    }
    dom_free(x);
    return GISA_OK;
}
