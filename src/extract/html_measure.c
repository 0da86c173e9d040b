/* html_measure.c - the first pass: every element's visible and link text,
 * the prose paragraphs below it and their votes, class evidence and a
 * content mass, hung on node->info as a node_info. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../html/tree.h"
#include "../util/error.h"
#include "../util/utf8.h"
#include "html.h"

typedef struct measure {
    doc *d;
    int in_link;
    int show_hidden; /* count hidden elements as visible */
    unsigned hidden_text; /* text in hidden elements */
    ev_cache *ev;         /* or NULL */
    node_info *pool;      /* new_info() hands these out */
    size_t pool_left;
} measure;

/* node_infos come out of blocks of this many, zeroed: one allocation per
 * block, not one per element. */
#define INFO_BLOCK 256

static node_info *new_info(measure *m)
{
    if (!m->pool_left) {
        m->pool = arena_calloc(&m->d->mem, INFO_BLOCK, sizeof *m->pool);
        if (!m->pool)
            return NULL;
        m->pool_left = INFO_BLOCK;
    }
    m->pool_left--;
    return m->pool++;
}

/* Bytes above ' ' (every byte of a UTF-8 sequence counts), eight at a
 * time: this reads every byte of the page's text. A byte's top bit is
 * set when it is 0x80 or more, or when its low seven bits plus 0x5F
 * carry into it: when they are 0x21 or more. (At most eight ones: the
 * multiply's top byte holds their sum.) */
unsigned visible_bytes(const char *s)
{
    const uint64_t high = 0x8080808080808080u, low = 0x7F7F7F7F7F7F7F7Fu;
    size_t len = strlen(s), i = 0;
    unsigned n = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t top = (w | ((w & low) + 0x5F5F5F5F5F5F5F5Fu)) & high;
        n += (unsigned)(((top >> 7) * 0x0101010101010101u) >> 56); /* the ones summed */
    }
    for (; i < len; i++)
        n += (unsigned char)s[i] > ' ';
    return n;
}

/* Prose-like: a paragraph of some length; it votes for its ancestors. */
static void vote(dom_node *n, node_info *ni)
{
    if (ni->text < 60 || ni->link * 2 > ni->text)
        return;
    if (!ni->prose)
        ni->prose = ni->text - ni->link;
    float s = 1.0f + (float)(ni->text < 900 ? ni->text : 900) / 300.0f;
    dom_node *p = n->parent;
    for (int level = 1; p && p->type == DOM_ELEMENT && level <= 3; level++) {
        node_info *pi = info_of(p);
        if (!pi)
            break;
        pi->score += s / (float)level;
        pi->paras++;
        /* a table's row group is no level of the page's layout: the HTML5
         * parser adds the <tbody> a page leaves out */
        if (p->tag == HTML_TAG_tbody && p->parent && p->parent->type == DOM_ELEMENT)
            level--;
        p = p->parent;
    }
}

/* Tag of a measured element, from the cache. */
tag ntag(const dom_node *n)
{
    const node_info *ni = info_of(n);
    return ni ? (tag)ni->tag : tag_of(n);
}

/* libxml2's HTML 4 parser can leave an unclosed <svg> or <noscript> open
 * and nest the rest of the page inside it; such an element is a
 * container, not junk. */
static int is_junk_node(const dom_node *n, tag t)
{
    if (!tag_is_junk(t) || t == T_HEAD || t == T_TITLE)
        return tag_is_junk(t);
    for (const dom_node *c = n->children; c; c = c->next) {
        if (c->type != DOM_ELEMENT)
            continue;
        tag ct = tag_of(c);
        if (ct == T_DIV || ct == T_P || ct == T_SECTION || ct == T_ARTICLE ||
            ct == T_MAIN || ct == T_TABLE || ct == T_UL || tag_is_heading(ct))
            return 0;
    }
    return 1;
}


/* Layout classes name the sidebar they sit beside ("content-sidebar-wrap",
 * "has-sidebar"): an element marked so that holds paragraphs of prose,
 * and few links, is the page's frame, not a sidebar. */
int layout_wrapper(const node_info *ni)
{
    return ni->prose >= SOME_PROSE && ni->link * 4 < ni->text;
}

/* A form is a search box, a poll or a sign-up, unless it holds pages of
 * prose (an ASP.NET page-wide form) or is mostly prose (a post's text
 * wrapped in its edit form, as on old Reddit). */
int form_is_boilerplate(const node_info *ni)
{
    return ni->prose < SOME_PROSE && ni->prose * 2 < ni->text;
}

/* A region that is boilerplate as a whole (menus, page header and
 * footer, marked sidebars), judged from what measure_tree found. */
static int is_boilerplate_region(const node_info *ni)
{
    switch (ni->tag) {
    case T_NAV: case T_ASIDE: case T_MENU:
        return 1;
    case T_FOOTER: case T_HEADER:
        return ni->prose == 0;
    case T_FORM:
        return form_is_boilerplate(ni);
    default:
        break;
    }
    if ((ni->cls == EV_STRONG_BAD && !layout_wrapper(ni)) || ni->cls == EV_OVERLAY ||
        ni->cls == EV_RELATED)
        return 1;
    return ni->cls <= EV_WEAK_BAD && (ni->prose == 0 || ni->link * 3 > ni->text);
}

#define LINK_WEIGHT 0.5f     /* link text counts against a candidate... */
#define BOILER_WEIGHT 0.1f   /* ...and so does a boilerplate region */
#define LONG_LINK_BYTES 40    /* a link this long is a headline... */
#define LONG_LINK_WEIGHT 0.6f /* ...and counts for the candidate */

/* A page header or footer mostly of links, even with a few sentences in
 * it: a mega-menu whose entries carry a line of description each. */
int link_menu_header(const node_info *ni)
{
    return (ni->tag == T_HEADER || ni->tag == T_FOOTER) && ni->link * 10 > ni->text * 6;
}

/* What a child region adds to its parent's content mass: a boilerplate
 * region counts against it by a tenth of its text; a header of links by
 * that or by its own mass when lower, so that its long entries, each
 * counted as a headline, do not make its page outweigh the article. */
static float region_mass(const node_info *ci)
{
    float m = -BOILER_WEIGHT * (float)ci->text;
    if (is_boilerplate_region(ci))
        return m;
    if (link_menu_header(ci))
        return ci->mass < m ? ci->mass : m;
    return ci->mass;
}

/* An <input> is one of ni's controls; radio buttons and hidden inputs are
 * counted apart too, for the emitter's single-option rule (html_emit.c). */
static void count_input(measure *m, const dom_node *input, node_info *ni)
{
    const char *type = attr(m->d, input, "type");
    if (!type)
        return;
    ni->radios += !strcasecmp(type, "radio");
    ni->state_inputs += !strcasecmp(type, "hidden");
}

/* t is tag_of(n), which the caller has found already. */
static void measure_tree(measure *m, dom_node *n, tag t, int depth)
{
    node_info *ni = new_info(m);
    n->info = ni;
    if (!ni)
        return;
    ni->tag = (unsigned char)t;
    unsigned facts;
    int cls = class_evidence(n, m->ev, &facts); /* the body's facts are read too */
    if (t != T_BODY)
        ni->cls = (signed char)cls;
    ni->facts = (unsigned char)facts;
    ni->hidden = (unsigned char)(!m->show_hidden &&
                                 ((facts & CF_SR_ONLY) || hidden_by_markup(n)));
    if (depth > MAX_DEPTH)
        return;
    int was_link = m->in_link;
    if (t == T_A)
        m->in_link = 1;
    for (dom_node *c = n->children; c; c = c->next) {
        if (c->type == DOM_TEXT) {
            unsigned v = visible_bytes(c->content);
            ni->text += v;
            if (m->in_link)
                ni->link += v;
            ni->mass += m->in_link ? -LINK_WEIGHT * (float)v : (float)v;
            continue;
        }
        if (c->type != DOM_ELEMENT)
            continue;
        tag ct = tag_of(c);
        if (is_junk_node(c, ct)) {
            ni->controls += ct == T_INPUT || ct == T_BUTTON || ct == T_SELECT ||
                            ct == T_TEXTAREA;
            if (ct == T_INPUT)
                count_input(m, c, ni);
        } else {
            measure_tree(m, c, ct, depth + 1);
            node_info *ci = info_of(c);
            if (ci && ci->hidden)
                m->hidden_text += ci->text;
            if (ci && !ci->hidden) {
                ni->text += ci->text;
                ni->link += ci->link;
                ni->short_link += ci->short_link;
                ni->prose += ci->prose;
                ni->controls += ci->controls;
                ni->radios += ci->radios;
                ni->state_inputs += ci->state_inputs;
                ni->mass += region_mass(ci);
            }
        }
    }
    m->in_link = was_link;
    /* A long link is a headline in a list of items, not a menu entry. */
    if (t == T_A && ni->text >= LONG_LINK_BYTES)
        ni->mass = LONG_LINK_WEIGHT * (float)ni->text;
    else if (t == T_A)
        ni->short_link = ni->text;
    if (t == T_P || t == T_PRE || t == T_TD || t == T_BLOCKQUOTE || t == T_DD ||
        ((t == T_DIV || t == T_SECTION || t == T_LI) && ni->paras == 0))
        vote(n, ni);
}

/* Measure the page. When most text is hidden, the page is one a script
 * fills in from hidden markup (streamed server rendering), or the parser
 * nested the page inside a hidden element, so hidden elements are
 * measured as shown. */
void measure_page(doc *d, dom_node *body)
{
    ev_cache ev;
    memset(&ev, 0, sizeof ev);
    measure m = {d, 0, 0, 0, &ev, NULL, 0};
    measure_tree(&m, body, tag_of(body), 0);
    const node_info *bi = info_of(body);
    unsigned prose = bi ? bi->text - bi->link : 0;
    /* hidden text must outweigh what shows: twice over, or once on a page
     * too short to be an article by what shows */
    if (bi && (m.hidden_text > 2 * prose ||
               (prose < MIN_ARTICLE_BYTES && m.hidden_text > prose))) {
        m.show_hidden = 1;
        measure_tree(&m, body, tag_of(body), 0);
    }
}

/* libxml2 can also nest the page in an unclosed <aside> or popup. An
 * element marked as boilerplate that holds most of the page's text is
 * such a wrapper when that text includes prose and a page landmark
 * (main, article, h1): it is made a plain container, and the content
 * mass of
 * its ancestors is corrected. Comment sections are left alone: they can
 * rightly outweigh a short article. */
/* A <main>, <article> or <h1> below: the page itself, not a dialog. */
static int holds_page_landmark(const dom_node *n, int depth)
{
    for (const dom_node *c = n->children; c; c = c->next) {
        if (c->type != DOM_ELEMENT || !info_of(c))
            continue;
        tag t = ntag(c);
        if (t == T_MAIN || t == T_ARTICLE || t == T_H1)
            return 1;
        if (depth < 12 && info_of(c)->text && holds_page_landmark(c, depth + 1))
            return 1;
    }
    return 0;
}

void unwrap_swallowing(dom_node *body)
{
    unsigned total = info_of(body)->text;
    dom_node *n = body;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
        dom_node *dom = NULL;
        for (dom_node *c = n->children; c && !dom; c = c->next) {
            node_info *ci = c->type == DOM_ELEMENT ? info_of(c) : NULL;
            if (ci && !ci->hidden && (unsigned long)ci->text * 10 > (unsigned long)total * 6)
                dom = c;
        }
        if (!dom)
            return;
        node_info *di = info_of(dom);
        if (di->cls != EV_COMMENT && di->prose >= SOME_PROSE && is_boilerplate_region(di) &&
            holds_page_landmark(dom, 0)) {
            float delta = di->mass + BOILER_WEIGHT * (float)di->text;
            di->cls = 0;
            di->tag = T_DIV;
            for (dom_node *p = dom->parent; p && info_of(p); p = p->parent) {
                info_of(p)->mass += delta;
                if (p == body)
                    break;
            }
        }
        n = dom;
    }
}
