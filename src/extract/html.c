/* html.c - choose an HTML page's main content and turn it into blocks.
 *
 * Two passes over libxml2's tree. The first measures every element: its
 * visible text and link text, the prose paragraphs below it, class/id/role
 * evidence, and a content mass (text, less short-link text and
 * boilerplate regions). Each prose paragraph also votes for the elements
 * that contain it, as Readability does.
 *
 * Choosing: a site hint names the article element on a few Korean sites
 * (sitehints.c). Otherwise the best-voted element, widened over wrappers
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

#define MAX_DEPTH 400

/* ------------------------------------------------------------- tags */

/* strcmp with the first bytes compared inline: a binary search over a
 * word table settles most steps on the first letter, and calling strcmp
 * for each was a tenth of the time spent measuring a page. */
static inline int cmp_names(const char *a, const char *b)
{
    if (a[0] != b[0])
        return (unsigned char)a[0] - (unsigned char)b[0];
    return a[0] ? strcmp(a + 1, b + 1) : 0;
}

tag tag_of(const xmlNode *n)
{
    static const struct { const char *name; tag t; } tags[] = {
        {"a", T_A}, {"article", T_ARTICLE}, {"aside", T_ASIDE}, {"audio", T_AUDIO},
        {"blockquote", T_BLOCKQUOTE}, {"body", T_BODY}, {"br", T_BR},
        {"button", T_BUTTON}, {"canvas", T_CANVAS}, {"caption", T_CAPTION},
        {"code", T_CODE}, {"dd", T_DD}, {"div", T_DIV}, {"dl", T_DL}, {"dt", T_DT},
        {"figcaption", T_FIGCAPTION}, {"figure", T_FIGURE}, {"footer", T_FOOTER},
        {"form", T_FORM}, {"h1", T_H1}, {"h2", T_H2}, {"h3", T_H3}, {"h4", T_H4},
        {"h5", T_H5}, {"h6", T_H6}, {"head", T_HEAD}, {"header", T_HEADER},
        {"hr", T_HR}, {"iframe", T_IFRAME}, {"img", T_IMG}, {"input", T_INPUT},
        {"label", T_LABEL}, {"li", T_LI}, {"main", T_MAIN}, {"menu", T_MENU},
        {"nav", T_NAV}, {"noscript", T_NOSCRIPT}, {"object", T_OBJECT},
        {"ol", T_OL}, {"option", T_OPTION}, {"p", T_P}, {"pre", T_PRE},
        {"script", T_SCRIPT}, {"section", T_SECTION}, {"select", T_SELECT},
        {"style", T_STYLE}, {"svg", T_SVG}, {"table", T_TABLE}, {"td", T_TD},
        {"template", T_TEMPLATE}, {"textarea", T_TEXTAREA}, {"th", T_TH},
        {"title", T_TITLE}, {"tr", T_TR}, {"ul", T_UL}, {"video", T_VIDEO},
    };
    const char *name = (const char *)n->name;
    size_t lo = 0, hi = sizeof tags / sizeof tags[0];
    while (lo < hi) { /* the table is sorted: binary search */
        size_t mid = (lo + hi) / 2;
        int c = cmp_names(name, tags[mid].name);
        if (c == 0)
            return tags[mid].t;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return T_OTHER;
}

int tag_is_junk(tag t)
{
    switch (t) {
    case T_SCRIPT: case T_STYLE: case T_NOSCRIPT: case T_TEMPLATE: case T_SVG:
    case T_IFRAME: case T_BUTTON: case T_INPUT: case T_SELECT: case T_OPTION:
    case T_TEXTAREA: case T_HEAD: case T_TITLE: case T_CANVAS: case T_OBJECT:
    case T_VIDEO: case T_AUDIO:
        return 1;
    default:
        return 0;
    }
}

int tag_is_heading(tag t)
{
    return t >= T_H1 && t <= T_H6;
}

int tag_is_inline(const xmlNode *n, tag t)
{
    if (t != T_OTHER)
        return t == T_A || t == T_BR || t == T_CODE || t == T_LABEL;
    static const char *const names[] = {
        "abbr", "b", "big", "cite", "del", "dfn", "em", "font", "i", "ins",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong",
        "sub", "sup", "time", "tt", "u", "var", "wbr", "bdi", "bdo", "data", "nobr",
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp((const char *)n->name, names[i]) == 0)
            return 1;
    return 0;
}

/* --------------------------------------------------------- evidence */

/* Words in class or id names, sorted for binary search, with what they
 * say: 1 content, or an EV_* level of boilerplate. A name is split at
 * non-letters and each word looked up, so "article-footer" is both.
 * Strong words name whole page regions that are never the article; weak
 * words are also used for small parts inside it ("widget", "tools"), so a
 * weakly marked subtree that holds prose is kept. */
static const struct class_word {
    const char *word;
    signed char level;
} class_words[] = {
    {"ad", EV_STRONG_BAD}, {"ads", EV_STRONG_BAD}, {"advert", EV_STRONG_BAD},
    {"advertisement", EV_STRONG_BAD}, {"article", 1}, {"articlebody", 1},
    {"aside", EV_WEAK_BAD}, {"atc", 1}, {"author", EV_WEAK_BAD},
    {"avatar", EV_WEAK_BAD}, {"badges", EV_WEAK_BAD}, {"banner", EV_STRONG_BAD},
    {"bbs", 1}, {"blog", 1}, {"body", 1}, {"breadcrumb", EV_STRONG_BAD},
    {"breadcrumbs", EV_STRONG_BAD}, {"btn", EV_WEAK_BAD}, {"button", EV_WEAK_BAD},
    {"byline", EV_WEAK_BAD}, {"cmt", EV_COMMENT}, {"combx", EV_WEAK_BAD},
    {"comment", EV_COMMENT}, {"comments", EV_COMMENT}, {"community", EV_WEAK_BAD},
    {"consent", EV_OVERLAY}, {"cont", 1}, {"content", 1}, {"cookie", EV_OVERLAY},
    {"cookies", EV_OVERLAY}, {"copyright", EV_STRONG_BAD},
    {"crosssell", EV_STRONG_BAD}, {"description", 1}, {"detail", 1},
    {"disclaimer", EV_WEAK_BAD}, {"disqus", EV_COMMENT}, {"docs", 1},
    {"documentation", 1}, {"dropdown", EV_STRONG_BAD}, {"entry", 1},
    {"footer", EV_STRONG_BAD}, {"footnote", EV_WEAK_BAD}, {"gdpr", EV_OVERLAY},
    {"gnb", EV_STRONG_BAD}, {"header", EV_WEAK_BAD}, {"hentry", 1},
    {"hide", EV_WEAK_BAD}, {"legal", EV_WEAK_BAD}, {"lnb", EV_STRONG_BAD},
    {"login", EV_STRONG_BAD}, {"main", 1}, {"markdown", 1},
    {"masthead", EV_STRONG_BAD}, {"menu", EV_STRONG_BAD}, {"message", 1},
    {"meta", EV_WEAK_BAD}, {"modal", EV_OVERLAY}, {"more", EV_WEAK_BAD},
    {"nav", EV_STRONG_BAD}, {"navbar", EV_STRONG_BAD}, {"navigation", EV_STRONG_BAD},
    {"news", 1}, {"newsletter", EV_STRONG_BAD}, {"offcanvas", EV_STRONG_BAD},
    {"outbrain", EV_STRONG_BAD}, {"pager", EV_STRONG_BAD},
    {"pagination", EV_STRONG_BAD}, {"popover", EV_OVERLAY}, {"popular", EV_WEAK_BAD},
    {"popup", EV_OVERLAY}, {"post", 1}, {"postprofile", EV_WEAK_BAD},
    {"print", EV_WEAK_BAD}, {"product", 1}, {"profile", EV_WEAK_BAD},
    {"promo", EV_WEAK_BAD}, {"prose", 1}, {"rank", EV_WEAK_BAD},
    {"ranking", EV_WEAK_BAD}, {"rating", EV_WEAK_BAD}, {"read", 1},
    {"recently", EV_WEAK_BAD}, {"recommend", EV_WEAK_BAD},
    {"recommendations", EV_STRONG_BAD}, {"recommended", EV_WEAK_BAD},
    {"recs", EV_STRONG_BAD}, {"related", EV_STRONG_BAD}, {"remark", EV_COMMENT},
    {"replies", EV_COMMENT}, {"reply", EV_COMMENT}, {"review", EV_COMMENT},
    {"reviewer", EV_COMMENT}, {"reviews", EV_COMMENT}, {"rss", EV_WEAK_BAD},
    {"share", EV_STRONG_BAD}, {"sharing", EV_STRONG_BAD}, {"shopping", EV_WEAK_BAD},
    {"sidebar", EV_STRONG_BAD}, {"signature", EV_STRONG_BAD},
    {"signup", EV_STRONG_BAD}, {"similar", EV_STRONG_BAD},
    {"skyscraper", EV_STRONG_BAD}, {"snb", EV_STRONG_BAD}, {"sns", EV_STRONG_BAD},
    {"social", EV_STRONG_BAD}, {"sponsor", EV_STRONG_BAD},
    {"sponsored", EV_STRONG_BAD}, {"story", 1}, {"subscribe", EV_STRONG_BAD},
    {"taboola", EV_STRONG_BAD}, {"tag", EV_WEAK_BAD}, {"tags", EV_WEAK_BAD},
    {"text", 1}, {"thread", 1}, {"toc", EV_STRONG_BAD}, {"tool", EV_WEAK_BAD},
    {"toolbar", EV_WEAK_BAD}, {"tools", EV_WEAK_BAD}, {"tooltip", EV_WEAK_BAD},
    {"topic", 1}, {"txt", 1}, {"upsell", EV_STRONG_BAD}, {"userextras", EV_WEAK_BAD},
    {"userinfo", EV_WEAK_BAD}, {"usertitle", EV_WEAK_BAD}, {"util", EV_WEAK_BAD},
    {"view", 1}, {"viewer", 1}, {"widget", EV_WEAK_BAD},
};

/* Level of one lower-cased word, 0 when unknown. */
static int class_word_level(const char *w)
{
    size_t lo = 0, hi = sizeof class_words / sizeof *class_words;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_names(w, class_words[mid].word);
        if (c == 0)
            return class_words[mid].level;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

/* Evidence of one attribute value: an EV_* level, 1 or 0. */
static int is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Utility-class tokens with variants or arbitrary values
 * ("lg:has-[>[data-slot=banner]]:pt-0") describe styling, not roles. */
static int is_utility_token(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == ':' || s[i] == '[' || s[i] == '(' || s[i] == '=')
            return 1;
    return 0;
}

static int words_evidence(const char *s)
{
    int good = 0, bad = 0;
    while (s && *s) {
        s += strspn(s, " \t\r\n");
        size_t tn = strcspn(s, " \t\r\n");
        const char *end = s + tn;
        if (is_utility_token(s, tn)) {
            s = end;
            continue;
        }
        while (s < end) {
            while (s < end && !is_letter(*s))
                s++;
            char w[24];
            size_t n = 0;
            for (; s < end && is_letter(*s); s++)
                if (n < sizeof w - 1)
                    w[n++] = (char)(*s | 0x20);
            if (!n || n >= sizeof w - 2)
                continue; /* long generated names carry no words we know */
            w[n] = '\0';
            int level = class_word_level(w);
            if (level > 0)
                good = 1;
            else if (level < bad)
                bad = level;
        }
    }
    return bad ? bad : good;
}

int class_evidence(const xmlNode *n)
{
    int ev = 0;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *name = (const char *)a->name;
        if (strcmp(name, "aria-modal") == 0 && a->children && a->children->content &&
            strcmp((const char *)a->children->content, "true") == 0)
            return EV_OVERLAY;
        if (strcmp(name, "class") && strcmp(name, "id") && strcmp(name, "role") &&
            strcmp(name, "itemprop"))
            continue;
        if (!a->children || !a->children->content)
            continue;
        const char *v = (const char *)a->children->content;
        int e;
        if (strcmp(name, "itemprop") == 0) {
            /* a like or share counter is no text of the page */
            e = strcmp(v, "interactionStatistic") == 0 ? EV_WEAK_BAD
                : strcmp(v, "articleBody") == 0 || strcmp(v, "text") == 0;
        } else if (strcmp(name, "role") == 0) {
            e = !strcmp(v, "navigation") || !strcmp(v, "contentinfo") ||
                        !strcmp(v, "banner") ? EV_WEAK_BAD
                : !strcmp(v, "complementary") ? EV_STRONG_BAD
                : !strcmp(v, "dialog") || !strcmp(v, "alertdialog") ? EV_OVERLAY
                : !strcmp(v, "main") || !strcmp(v, "article");
        } else {
            e = words_evidence(v);
        }
        if (e < ev || (ev == 0 && e > 0))
            ev = e;
    }
    return ev;
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

/* Text only screen readers get: not part of the page a reader sees. */
static int screen_reader_only(const char *v)
{
    static const char *const names[] = {
        "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
        "screen-reader-only", "u-visually-hidden", "a11y-hidden", "clipped",
        "hidden-visually", "offscreen", "sr-text",
    };
    /* One pass over the tokens, not one search of the value per name. */
    while (*v) {
        size_t n = strcspn(v, " ");
        for (size_t i = 0; i < sizeof names / sizeof *names; i++)
            if (strncmp(v, names[i], n) == 0 && names[i][n] == '\0')
                return 1;
        v += n + (v[n] == ' ');
    }
    return 0;
}

static int is_hidden(const xmlNode *n)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *name = (const char *)a->name;
        const char *v = a->children && a->children->content
                            ? (const char *)a->children->content : "";
        if (!strcmp(name, "hidden"))
            return 1;
        if (!strcmp(name, "class") && screen_reader_only(v))
            return 1;
        if (!strcmp(name, "style") &&
            (strstr(v, "display:none") || strstr(v, "display: none") ||
             strstr(v, "visibility:hidden") || strstr(v, "visibility: hidden")))
            return 1;
    }
    return 0;
}

/* ---------------------------------------------------------- measure */

typedef struct measure {
    doc *d;
    int in_link;
    int show_hidden; /* count hidden elements as visible */
    unsigned hidden_text; /* text in hidden elements */
} measure;

static unsigned visible_bytes(const xmlChar *s)
{
    unsigned n = 0;
    for (; *s; s++)
        n += *s > ' ';
    return n;
}

/* Prose-like: a paragraph of some length; it votes for its ancestors. */
static void vote(xmlNode *n, node_info *ni)
{
    if (ni->text < 60 || ni->link * 2 > ni->text)
        return;
    if (!ni->prose)
        ni->prose = ni->text - ni->link;
    float s = 1.0f + (float)(ni->text < 900 ? ni->text : 900) / 300.0f;
    xmlNode *p = n->parent;
    for (int level = 1; p && p->type == XML_ELEMENT_NODE && level <= 3; level++) {
        node_info *pi = info_of(p);
        if (!pi)
            break;
        pi->score += s / (float)level;
        pi->paras++;
        p = p->parent;
    }
}

/* Tag of a measured element, from the cache. */
static tag ntag(const xmlNode *n)
{
    const node_info *ni = info_of(n);
    return ni ? (tag)ni->tag : tag_of(n);
}

/* libxml2's HTML 4 parser can leave an unclosed <svg> or <noscript> open
 * and nest the rest of the page inside it; such an element is a
 * container, not junk. */
static int is_junk_node(const xmlNode *n, tag t)
{
    if (!tag_is_junk(t) || t == T_HEAD || t == T_TITLE)
        return tag_is_junk(t);
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        tag ct = tag_of(c);
        if (ct == T_DIV || ct == T_P || ct == T_SECTION || ct == T_ARTICLE ||
            ct == T_MAIN || ct == T_TABLE || ct == T_UL || tag_is_heading(ct))
            return 0;
    }
    return 1;
}

#define SOME_PROSE 600 /* bytes: a few paragraphs */

/* Layout classes name the sidebar they sit beside ("content-sidebar-wrap",
 * "has-sidebar"): an element marked so that holds paragraphs of prose,
 * and few links, is the page's frame, not a sidebar. */
static int layout_wrapper(const node_info *ni)
{
    return ni->prose >= SOME_PROSE && ni->link * 4 < ni->text;
}

/* A form is a search box, a poll or a sign-up, unless it holds pages of
 * prose (an ASP.NET page-wide form) or is mostly prose (a post's text
 * wrapped in its edit form, as on old Reddit). */
static int form_is_boilerplate(const node_info *ni)
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
    if ((ni->cls == EV_STRONG_BAD && !layout_wrapper(ni)) || ni->cls == EV_OVERLAY)
        return 1;
    return ni->cls <= EV_WEAK_BAD && (ni->prose == 0 || ni->link * 3 > ni->text);
}

#define LINK_WEIGHT 0.5f     /* link text counts against a candidate... */
#define BOILER_WEIGHT 0.1f   /* ...and so does a boilerplate region */
#define LONG_LINK_BYTES 40    /* a link this long is a headline... */
#define LONG_LINK_WEIGHT 0.6f /* ...and counts for the candidate */

static void measure_tree(measure *m, xmlNode *n, int depth)
{
    node_info *ni = arena_calloc(&m->d->mem, 1, sizeof *ni);
    n->_private = ni;
    if (!ni)
        return;
    tag t = tag_of(n);
    ni->tag = (unsigned char)t;
    if (t != T_BODY)
        ni->cls = (signed char)class_evidence(n);
    ni->hidden = (unsigned char)(!m->show_hidden && is_hidden(n));
    if (depth > MAX_DEPTH)
        return;
    int was_link = m->in_link;
    if (t == T_A)
        m->in_link = 1;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            unsigned v = visible_bytes(c->content);
            ni->text += v;
            if (m->in_link)
                ni->link += v;
            ni->mass += m->in_link ? -LINK_WEIGHT * (float)v : (float)v;
        } else if (c->type == XML_ELEMENT_NODE && is_junk_node(c, tag_of(c))) {
            tag ct = tag_of(c);
            ni->controls += ct == T_INPUT || ct == T_BUTTON || ct == T_SELECT ||
                            ct == T_TEXTAREA;
        } else if (c->type == XML_ELEMENT_NODE) {
            measure_tree(m, c, depth + 1);
            node_info *ci = info_of(c);
            if (ci && ci->hidden)
                m->hidden_text += ci->text;
            if (ci && !ci->hidden) {
                ni->text += ci->text;
                ni->link += ci->link;
                ni->short_link += ci->short_link;
                ni->prose += ci->prose;
                ni->controls += ci->controls;
                ni->mass += is_boilerplate_region(ci) ? -BOILER_WEIGHT * (float)ci->text
                                                      : ci->mass;
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
static void measure_page(doc *d, xmlNode *body)
{
    measure m = {d, 0, 0, 0};
    measure_tree(&m, body, 0);
    const node_info *bi = info_of(body);
    unsigned prose = bi ? bi->text - bi->link : 0;
    /* hidden text must outweigh what shows: twice over, or once on a page
     * too short to be an article by what shows */
    if (bi && (m.hidden_text > 2 * prose ||
               (prose < MIN_ARTICLE_BYTES && m.hidden_text > prose))) {
        m.show_hidden = 1;
        measure_tree(&m, body, 0);
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
static int holds_page_landmark(const xmlNode *n, int depth)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !info_of(c))
            continue;
        tag t = ntag(c);
        if (t == T_MAIN || t == T_ARTICLE || t == T_H1)
            return 1;
        if (depth < 12 && info_of(c)->text && holds_page_landmark(c, depth + 1))
            return 1;
    }
    return 0;
}

static void unwrap_swallowing(xmlNode *body)
{
    unsigned total = info_of(body)->text;
    xmlNode *n = body;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
        xmlNode *dom = NULL;
        for (xmlNode *c = n->children; c && !dom; c = c->next) {
            node_info *ci = c->type == XML_ELEMENT_NODE ? info_of(c) : NULL;
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
            for (xmlNode *p = dom->parent; p && info_of(p); p = p->parent) {
                info_of(p)->mass += delta;
                if (p == body)
                    break;
            }
        }
        n = dom;
    }
}

/* ----------------------------------------------------------- choose */

static float final_score(const xmlNode *n)
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

static void best_below(xmlNode *n, int depth, xmlNode **best, float *best_score)
{
    if (depth > MAX_DEPTH)
        return;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !info_of(c) || info_of(c)->hidden ||
            info_of(c)->cls == EV_OVERLAY)
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
static xmlNode *widen(xmlNode *top)
{
    for (;;) {
        xmlNode *p = top->parent;
        if (!p || p->type != XML_ELEMENT_NODE || !info_of(p) || ntag(p) == T_BODY)
            return top;
        node_info *pi = info_of(p), *ti = info_of(top);
        if (pi->text > ti->text * 2 || pi->link * 3 > pi->text || pi->cls < 0)
            return top;
        if (final_score(p) < final_score(top) * 0.9f)
            return top;
        top = p;
    }
}

/* ------------------------------------------------------------- emit */

typedef struct emitter {
    doc *d;
    buf inl;          /* inline text waiting to become a paragraph */
    size_t inl_offset;
    const char *base; /* for resolving image URLs */
    int keep_comments; /* the comments are the page (a forum thread) */
    int lenient;       /* second try: keep link lists and weak boilerplate */
    unsigned root_text; /* text of the chosen element */
} emitter;

/* A short line that only states the site's copyright. */
static int is_copyright_line(const char *s)
{
    size_t n = strlen(s);
    if (n > 200)
        return 0;
    return strncmp(s, "\xC2\xA9", 2) == 0 || strncasecmp(s, "copyright", 9) == 0 ||
           strncasecmp(s, "(c) ", 4) == 0 || strstr(s, "All Rights Reserved") ||
           strstr(s, "All rights reserved");
}

/* The label of an ad slot or a paid listing, standing alone. */
static int is_ad_label(const char *s)
{
    return !strcasecmp(s, "advertisement") || !strcasecmp(s, "sponsored") || !strcmp(s, "광고");
}

static void add_paragraph(emitter *e, const char *s, size_t len, size_t offset)
{
    gisa_block *b = doc_add_text(e->d, GISA_BLOCK_PARAGRAPH, 0, s, len, offset);
    if (b && (is_copyright_line(b->text) || is_ad_label(b->text)))
        doc_drop_last(e->d);
}

static void flush(emitter *e)
{
    if (e->inl.len)
        add_paragraph(e, e->inl.ptr, e->inl.len, e->inl_offset);
    buf_reset(&e->inl);
}

/* Append a text node, turning source newlines into spaces: only <br>
 * marks a line break (as U+2028, which text_clean keeps as "\n"). */
static void put_text(buf *b, const xmlChar *s)
{
    size_t n = strlen((const char *)s);
    if (!buf_reserve(b, n))
        return;
    for (size_t i = 0; i < n; i++)
        b->ptr[b->len++] = s[i] == '\n' || s[i] == '\r' ? ' ' : (char)s[i];
    b->ptr[b->len] = '\0';
}

/* Mostly link text. A list of headlines is this; in a page of prose
 * it is a "read next" box, in a listing page it is the content. */
static int link_dense(const node_info *ni)
{
    return ni->link * 10 > ni->text * 6;
}

static unsigned comment_bytes(const xmlNode *n);
static int in_comments(const xmlNode *n);

/* A form that wraps a thread's posts (a reply form around the topic):
 * the posts, when the page's comments are its content. */
static int form_holds_posts(const emitter *e, const xmlNode *n)
{
    return e->keep_comments &&
           (in_comments(n) || comment_bytes(n) * 2 > info_of(n)->text);
}

/* A short link with nowhere to go, scripted as a button ("Click to
 * expand...", "Show more"): a control's label, not the page's text. */
static int button_label(const emitter *e, const xmlNode *n)
{
    const node_info *ni = info_of(n);
    if (!ni || ni->tag != T_A || ni->prose || ni->text >= 60 || attr(e->d, n, "href"))
        return 0;
    const char *role = attr(e->d, n, "role");
    return role && !strcmp(role, "button");
}

static int skip_subtree(const emitter *e, const xmlNode *n, tag t)
{
    const node_info *ni = info_of(n);
    /* a collapsed tab, accordion or "read more" panel holds prose the
     * reader opens; hidden menus, labels and widgets hold none, and a
     * hidden paragraph on its own is not a panel */
    if (!ni || (ni->hidden && (ni->prose == 0 || t == T_P)))
        return 1;
    if (t == T_NAV || t == T_ASIDE || t == T_MENU || button_label(e, n))
        return 1;
    if (t == T_FORM && form_is_boilerplate(ni) && !form_holds_posts(e, n))
        return 1;
    if (ni->cls == EV_COMMENT && !e->keep_comments)
        return 1;
    if ((ni->cls == EV_STRONG_BAD && !layout_wrapper(ni)) || ni->cls == EV_OVERLAY)
        return 1;
    /* a page's or an article's footer: links, legal lines, credits */
    if (t == T_FOOTER)
        return 1;
    if (e->lenient)
        return 0;
    if (ni->cls == EV_WEAK_BAD && (ni->prose == 0 || ni->link * 3 > ni->text))
        return 1;
    if (t == T_HEADER && ni->prose == 0)
        return 1;
    /* a poll, a rating or a search box: form controls with a few words */
    if (ni->controls && ni->prose < 200 && ni->text < 400)
        return 1;
    /* no prose and more (short) link text than text: a menu or a tag row */
    if (ni->mass < 0 && ni->prose == 0 && t != T_A)
        return 1;
    /* a block mostly of links: menus, tag clouds, "read next" lists */
    if (t != T_P && ni->text && ni->text < 2000 &&
        (ni->short_link * 10 > ni->text * 6 ||
         (link_dense(ni) && !(n->parent && info_of(n->parent) &&
                              link_dense(info_of(n->parent))))))
        return 1;
    return 0;
}

/* Links already collected into one block: a product card often links its
 * title two or three times (image label, heading, "quick shop"), and a
 * reader sees the name once. */
typedef struct seen_links {
    const char *href[8];
    size_t start[8], len[8];
    int n;
} seen_links;

/* Trim the spaces around b[*start, *end). */
static void trim_span(const buf *b, size_t *start, size_t *end)
{
    while (*start < *end && b->ptr[*start] == ' ')
        (*start)++;
    while (*end > *start && b->ptr[*end - 1] == ' ')
        (*end)--;
}

/* Was the link just collected into b from `from` on, with this href, seen
 * before in the block with the same text? If not, remember it. */
static int repeated_link(seen_links *sl, const buf *b, size_t from, const char *href)
{
    size_t start = from, end = b->len;
    trim_span(b, &start, &end);
    if (start == end)
        return 0;
    for (int i = 0; i < sl->n; i++)
        if (!strcmp(sl->href[i], href) && sl->len[i] == end - start &&
            !memcmp(b->ptr + sl->start[i], b->ptr + start, end - start))
            return 1;
    if (sl->n < 8) {
        sl->href[sl->n] = href;
        sl->start[sl->n] = start;
        sl->len[sl->n++] = end - start;
    }
    return 0;
}

/* A link that is all the text of its block parent (a card's title, a
 * label), not a link inside a sentence. */
static int stands_alone(const xmlNode *a)
{
    const xmlNode *p = a->parent;
    const node_info *ni = info_of(a), *pi = p ? info_of(p) : NULL;
    return ni && pi && ni->text == pi->text && !tag_is_inline(p, ntag(p));
}

static void collect_links(emitter *e, xmlNode *n, buf *b, int depth, seen_links *sl)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            put_text(b, c->content);
        } else if (c->type == XML_ELEMENT_NODE && depth < MAX_DEPTH) {
            tag t = ntag(c);
            if (t == T_BR)
                buf_puts(b, "\xE2\x80\xA8");
            else if (info_of(c) && !info_of(c)->hidden && !button_label(e, c)) {
                int block = !tag_is_inline(c, t); /* junk is unmeasured */
                const char *href = t == T_A && stands_alone(c) ? attr(e->d, c, "href") : NULL;
                size_t from = b->len;
                if (block)
                    buf_putc(b, ' ');
                collect_links(e, c, b, depth + 1, sl);
                if (href && *href && b->ptr && repeated_link(sl, b, from, href))
                    b->len = from, b->ptr[from] = '\0';
                if (block)
                    buf_putc(b, ' ');
            }
        }
    }
}

/* Collect the text of an inline subtree into b. */
static void collect(emitter *e, xmlNode *n, buf *b, int depth)
{
    seen_links sl = {{0}, {0}, {0}, 0};
    collect_links(e, n, b, depth, &sl);
}

static const char *clean_collect(emitter *e, xmlNode *n, int keep_br)
{
    buf b = BUF_INIT;
    collect(e, n, &b, 0);
    char *s = text_clean_dup(&e->d->mem, b.ptr ? b.ptr : "", b.len, keep_br);
    buf_free(&b);
    return s;
}

static void emit_list(emitter *e, xmlNode *n, tag t)
{
    size_t count = 0;
    for (xmlNode *c = n->children; c; c = c->next)
        count += c->type == XML_ELEMENT_NODE;
    const char **items = arena_alloc(&e->d->mem, (count ? count : 1) * sizeof *items);
    if (!items)
        return;
    size_t k = 0, repeats = 0;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || skip_subtree(e, c, ntag(c)))
            continue;
        const char *s = clean_collect(e, c, 0);
        if (s && *s) {
            repeats += doc_is_repeat(e->d, s);
            items[k++] = s;
        }
    }
    if (!k || repeats == k) /* nothing, or a list shown twice (tabs, mobile copy) */
        return;
    gisa_block *b = doc_add_block(e->d, GISA_BLOCK_LIST);
    if (!b)
        return;
    b->level = t == T_OL;
    b->items = items;
    b->nitems = k;
    b->ncols = 1;
    b->offset = (size_t)xmlGetLineNo(n);
}

/* A data table has rows of short cells; a layout table holds blocks. */
static int is_layout_table(xmlNode *n, int depth)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        tag t = ntag(c);
        if (t == T_TABLE || t == T_P || t == T_DIV || t == T_UL || t == T_OL ||
            tag_is_heading(t) || t == T_BLOCKQUOTE)
            return 1;
        if (depth < 6 && is_layout_table(c, depth + 1))
            return 1;
    }
    return 0;
}

static void table_rows(xmlNode *n, xmlNode **rows, size_t *nrows, size_t cap)
{
    for (xmlNode *c = n->children; c && *nrows < cap; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (ntag(c) == T_TR)
            rows[(*nrows)++] = c;
        else if (ntag(c) != T_TABLE)
            table_rows(c, rows, nrows, cap); /* thead, tbody, tfoot */
    }
}

static void emit_table(emitter *e, xmlNode *n)
{
    enum { MAX_ROWS = 1000, MAX_COLS = 64 };
    xmlNode *rows[MAX_ROWS];
    size_t nrows = 0, ncols = 0;
    table_rows(n, rows, &nrows, MAX_ROWS);
    for (size_t r = 0; r < nrows; r++) {
        size_t c = 0;
        for (xmlNode *x = rows[r]->children; x; x = x->next)
            c += x->type == XML_ELEMENT_NODE && (ntag(x) == T_TD || ntag(x) == T_TH);
        ncols = c > ncols ? c : ncols;
    }
    if (!nrows || !ncols)
        return;
    if (ncols > MAX_COLS)
        ncols = MAX_COLS;
    const char **cells = arena_calloc(&e->d->mem, nrows * ncols, sizeof *cells);
    if (!cells)
        return;
    int header = 0;
    for (size_t r = 0; r < nrows; r++) {
        size_t c = 0;
        for (xmlNode *x = rows[r]->children; x && c < ncols; x = x->next) {
            tag t = x->type == XML_ELEMENT_NODE ? ntag(x) : T_OTHER;
            if (t != T_TD && t != T_TH)
                continue;
            if (r == 0 && t == T_TH)
                header = 1;
            cells[r * ncols + c++] = clean_collect(e, x, 0);
        }
        for (; c < ncols; c++)
            cells[r * ncols + c] = "";
    }
    gisa_block *b = doc_add_block(e->d, GISA_BLOCK_TABLE);
    if (!b)
        return;
    b->level = header;
    b->items = cells;
    b->nitems = nrows * ncols;
    b->ncols = ncols;
    b->offset = (size_t)xmlGetLineNo(n);
}

static void emit_image(emitter *e, xmlNode *n, const char *caption)
{
    const char *src = attr(e->d, n, "data-src");
    if (!src)
        src = attr(e->d, n, "data-original");
    if (!src)
        src = attr(e->d, n, "src");
    if (!src || !*src || strncmp(src, "data:", 5) == 0)
        return;
    const char *w = attr(e->d, n, "width"), *h = attr(e->d, n, "height");
    if ((w && atoi(w) > 0 && atoi(w) < 50) || (h && atoi(h) > 0 && atoi(h) < 50))
        return; /* icons, spacers and tracking pixels */
    gisa_block *b = doc_add_block(e->d, GISA_BLOCK_IMAGE);
    if (!b)
        return;
    b->url = resolve_url(e->d, e->base, src);
    /* Only a visible caption is text of the page: alt text is not shown
     * (on WCXB 4 of 5 alt texts are absent from the gold article). */
    b->text = caption ? caption : "";
    if (!b->text)
        b->text = "";
    const char *alt = attr(e->d, n, "alt"); /* the tree's: copied, cleaned */
    b->alt = alt && *alt ? text_clean_dup(&e->d->mem, alt, strlen(alt), 0) : NULL;
    if (b->alt && !*b->alt)
        b->alt = NULL;
    b->offset = (size_t)xmlGetLineNo(n);
}

/* Is s the text of one of the last few blocks? Carousels and tab strips
 * repeat a slide's heading for every copy of the slide. */
static int recent_block_text(const doc *d, const char *s)
{
    size_t n = d->pub.nblocks;
    for (size_t i = n > 4 ? n - 4 : 0; i < n; i++)
        if (d->pub.blocks[i].text && !strcmp(d->pub.blocks[i].text, s))
            return 1;
    return 0;
}

static xmlNode *find_tag(xmlNode *n, tag want, int depth)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (ntag(c) == want)
            return c;
        xmlNode *f = depth < 8 ? find_tag(c, want, depth + 1) : NULL;
        if (f)
            return f;
    }
    return NULL;
}

static void emit_tree(emitter *e, xmlNode *n, int depth);

/* Text of a <pre> subtree exactly as written; <br> is a newline. */
static void collect_raw(const xmlNode *n, buf *b, int depth)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
            buf_puts(b, (const char *)c->content);
        else if (c->type == XML_ELEMENT_NODE && ntag(c) == T_BR)
            buf_putc(b, '\n');
        else if (c->type == XML_ELEMENT_NODE && info_of(c) && !info_of(c)->hidden &&
                 depth < MAX_DEPTH)
            collect_raw(c, b, depth + 1);
    }
}

/* Code keeps its spaces and line breaks; only blank lines around it go. */
static void emit_pre(emitter *e, xmlNode *n)
{
    buf b = BUF_INIT;
    collect_raw(n, &b, 0);
    const char *s = b.ptr ? b.ptr : "";
    size_t len = b.len;
    while (len && (s[len - 1] == '\n' || s[len - 1] == '\r' || s[len - 1] == ' ' ||
                   s[len - 1] == '\t'))
        len--;
    size_t start = 0;
    for (size_t i = 0; i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
                                   s[i] == '\r'); i++)
        if (s[i] == '\n')
            start = i + 1; /* drop leading blank lines, keep the indent */
    if (len > start) {
        gisa_block *blk = doc_add_block(e->d, GISA_BLOCK_CODE);
        if (blk) {
            blk->text = arena_strndup(&e->d->mem, s + start, len - start);
            blk->offset = (size_t)xmlGetLineNo(n);
            if (!blk->text)
                doc_drop_last(e->d);
        }
    }
    buf_free(&b);
}

/* <br> ends a line (U+2028, which text_clean keeps as "\n"); a second
 * <br> with only spaces since the first ends the paragraph, as text
 * written with <br><br> between paragraphs means. */
static void line_break(emitter *e)
{
    static const char ls[] = "\xE2\x80\xA8";
    size_t n = e->inl.len;
    while (n && (e->inl.ptr[n - 1] == ' ' || e->inl.ptr[n - 1] == '\t'))
        n--;
    if (n >= 3 && memcmp(e->inl.ptr + n - 3, ls, 3) == 0) {
        e->inl.len = n - 3;
        e->inl.ptr[e->inl.len] = '\0';
        flush(e);
        return;
    }
    buf_puts(&e->inl, ls);
}

static void emit_element(emitter *e, xmlNode *c, int depth)
{
    tag t = ntag(c);
    if (t == T_BR) {
        line_break(e);
        return;
    }
    if (skip_subtree(e, c, t))
        return;
    if (tag_is_inline(c, t)) {
        if (!e->inl.len)
            e->inl_offset = (size_t)xmlGetLineNo(c);
        collect(e, c, &e->inl, depth);
        return;
    }
    flush(e);
    const char *s;
    switch (t) {
    case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
        s = clean_collect(e, c, 0);
        if (s && *s && !recent_block_text(e->d, s)) {
            gisa_block *b = doc_add_block(e->d, GISA_BLOCK_HEADING);
            if (b) {
                b->level = 1 + (int)(t - T_H1);
                b->text = s;
                b->offset = (size_t)xmlGetLineNo(c);
            }
        }
        return;
    case T_P:
        s = clean_collect(e, c, 1);
        if (s && *s)
            add_paragraph(e, s, strlen(s), (size_t)xmlGetLineNo(c));
        else if (find_tag(c, T_IMG, 0))
            emit_tree(e, c, depth + 1);
        return;
    case T_UL: case T_OL:
        emit_list(e, c, t);
        return;
    case T_TABLE:
        if (is_layout_table(c, 0))
            emit_tree(e, c, depth + 1);
        else
            emit_table(e, c);
        return;
    case T_BLOCKQUOTE:
        s = clean_collect(e, c, 1);
        if (s && *s)
            doc_add_text(e->d, GISA_BLOCK_QUOTE, 0, s, strlen(s), (size_t)xmlGetLineNo(c));
        return;
    case T_PRE:
        emit_pre(e, c);
        return;
    case T_IMG:
        emit_image(e, c, NULL);
        return;
    case T_FIGURE: {
        xmlNode *img = find_tag(c, T_IMG, 0), *cap = find_tag(c, T_FIGCAPTION, 0);
        if (img)
            emit_image(e, img, cap ? clean_collect(e, cap, 0) : NULL);
        else
            emit_tree(e, c, depth + 1);
        return;
    }
    case T_HR:
        return;
    default:
        emit_tree(e, c, depth + 1);
        flush(e);
    }
}

/* Headings that introduce links to other pages, not more of this one:
 * "Related articles", "You may also like", "관련 기사". Matched in
 * lower case anywhere in a short heading. */
/* A heading's text, lower-cased (ASCII) with runs of white space as one
 * space, into out; 0 when it is longer than a section label. */
static int heading_label(const xmlNode *h, char *out, size_t cap)
{
    buf b = BUF_INIT;
    collect_raw(h, &b, 0);
    size_t n = 0;
    for (size_t i = 0; i < b.len && n + 1 < cap; i++) {
        char c = b.ptr[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (n && out[n - 1] != ' ')
                out[n++] = ' ';
        } else {
            out[n++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
        }
    }
    int fits = b.len < cap;
    buf_free(&b);
    if (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    return fits;
}

/* Headings that introduce links to other pages, not more of this one:
 * "Related articles", "You may also like", "관련 기사". Phrases that also
 * head real content ("Recommended", "Most popular") are left out. */
static int heading_points_elsewhere(const xmlNode *h)
{
    static const char *const phrases[] = {
        "related articles", "related posts", "related stories", "related products",
        "related items", "related reading", "related links", "related news",
        "explore related", "you may also like", "you might also like", "also viewed",
        "also bought", "similar items", "similar products", "recommended for you",
        "recently viewed", "more from", "more stories", "read next", "read more",
        "more to explore", "people also", "frequently bought", "customers also",
        "complete the look", "shop the look", "more like this", "you may be interested",
        "sponsored", "featured products", "more articles", "latest posts",
        "관련 기사", "관련기사", "많이 본",
    };
    char text[96];
    if (!heading_label(h, text, sizeof text))
        return 0; /* a headline, not a section label */
    for (size_t i = 0; i < sizeof phrases / sizeof *phrases; i++)
        if (strstr(text, phrases[i]))
            return 1;
    return strcmp(text, "related") == 0;
}

/* The heading an element opens with: itself, or its first child with
 * text, a few levels down. */
static const xmlNode *lead_heading(const xmlNode *n, int depth)
{
    if (tag_is_heading(ntag(n)))
        return n;
    for (const xmlNode *c = n->children; c && depth < 12; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
            visible_bytes(c->content))
            return NULL;
        const node_info *ci = c->type == XML_ELEMENT_NODE ? info_of(c) : NULL;
        if (ci && !ci->hidden && ci->text)
            return lead_heading(c, depth + 1);
    }
    return NULL;
}

static void emit_tree(emitter *e, xmlNode *n, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    int skip_next = 0; /* the element after a heading of links elsewhere */
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (!e->inl.len)
                e->inl_offset = (size_t)c->line;
            put_text(&e->inl, c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            if (skip_next) { /* the list or carousel under such a heading */
                skip_next = 0;
                continue;
            }
            const xmlNode *h = info_of(c) && info_of(c)->text ? lead_heading(c, 0) : NULL;
            if (h && ntag(h) != T_H1 && heading_points_elsewhere(h)) {
                skip_next = h == c;
                if (h == c || info_of(c)->text * 2 < e->root_text)
                    continue;
            }
            emit_element(e, c, depth);
        }
    }
}

/* Siblings of the chosen element that carry prose of their own. */
static int sibling_belongs(const xmlNode *s, float top_score)
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

/* Does the class or id of n hold `word` as a whole word
 * ("js-product-reviews-preview" holds "reviews")? */
static int names_word(const xmlNode *n, const char *word)
{
    size_t len = strlen(word);
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if ((strcmp((const char *)a->name, "class") && strcmp((const char *)a->name, "id")) ||
            !a->children || !a->children->content)
            continue;
        const char *v = (const char *)a->children->content;
        for (const char *p = strcasestr(v, word); p; p = strcasestr(p + len, word))
            if ((p == v || !is_letter(p[-1])) && !is_letter(p[len]))
                return 1;
    }
    return 0;
}

/* Comment-marked elements below n. */
static unsigned comment_parts(const xmlNode *n, int depth)
{
    unsigned k = 0;
    for (const xmlNode *c = n->children; c && depth < MAX_DEPTH; c = c->next) {
        const node_info *ci = c->type == XML_ELEMENT_NODE ? info_of(c) : NULL;
        if (ci && ci->text)
            k += (ci->cls == EV_COMMENT) + comment_parts(c, depth + 1);
    }
    return k;
}

#define REVIEW_PARTS 12 /* a few reviews' ratings, authors, dates, texts */

static int review_named(const xmlNode *n)
{
    return names_word(n, "reviews") || names_word(n, "review");
}

/* Customer reviews: a review-marked region of many marked parts, each
 * review's rating, author, date and text. However much of the page they
 * fill, they are what buyers say about it, not the page. (A buying
 * guide's reviews are review-marked sections with few marked parts.) */
static int review_widget(const xmlNode *n)
{
    return review_named(n) && comment_parts(n, 0) >= REVIEW_PARTS;
}

/* Which comment-marked subtrees marked() adds up, and what of them. */
typedef enum mark_kind {
    MARK_COMMENTS,     /* text of the comments that are not customer reviews */
    MARK_REVIEWS,      /* text of customer reviews */
    MARK_READERS,      /* prose of the comments that are not review-named */
    MARK_REVIEW_NAMED, /* prose of review-named sections */
} mark_kind;

static unsigned mark_size(const xmlNode *c, const node_info *ci, mark_kind k)
{
    switch (k) {
    case MARK_COMMENTS:
        return review_widget(c) ? 0 : ci->text;
    case MARK_REVIEWS:
        return review_widget(c) ? ci->text : 0;
    case MARK_READERS:
        return review_named(c) ? 0 : ci->prose;
    default:
        return review_named(c) ? ci->prose : 0;
    }
}

/* How much of n's content lies in comment-marked subtrees of kind k. */
static unsigned marked(const xmlNode *n, mark_kind k, int depth)
{
    unsigned sum = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        const node_info *ci = c->type == XML_ELEMENT_NODE ? info_of(c) : NULL;
        if (!ci || ci->hidden)
            continue;
        if (ci->cls == EV_COMMENT)
            sum += mark_size(c, ci, k);
        else if (depth < MAX_DEPTH && ci->text > 0)
            sum += marked(c, k, depth + 1);
    }
    return sum;
}

/* The first <article> below n is the post itself when it is not
 * comment-marked and carries the page's <h1> and some prose: a blog
 * post, its readers' comments after it. */
static int titled_post(xmlNode *n)
{
    xmlNode *a = find_tag(n, T_ARTICLE, 0);
    const node_info *ai = a ? info_of(a) : NULL;
    return ai && ai->cls != EV_COMMENT && !in_comments(a) && ai->prose >= SOME_PROSE / 2 &&
           find_tag(a, T_H1, 0);
}

/* A post followed by its readers' comments: the comments may outweigh
 * it, but the post has prose of its own outside them, or is a titled
 * <article> of its own. (A buying guide's review sections are its
 * content, and are not such comments.) */
static int post_with_comments(xmlNode *n)
{
    unsigned readers = marked(n, MARK_READERS, 0);
    unsigned all = readers + marked(n, MARK_REVIEW_NAMED, 0);
    return readers * 2 > all && (info_of(n)->prose >= all + SOME_PROSE || titled_post(n));
}

/* Text of the comments below n; customer reviews are never the content. */
static unsigned comment_bytes(const xmlNode *n)
{
    return marked(n, MARK_COMMENTS, 0);
}

static int in_comments(const xmlNode *n)
{
    for (; n && n->type == XML_ELEMENT_NODE && info_of(n); n = n->parent)
        if (info_of(n)->cls == EV_COMMENT)
            return 1;
    return 0;
}

/* Does n lie in customer reviews? Then its prose, however much, is not
 * the page's. */
static int in_reviews(const xmlNode *n)
{
    for (; n && n->type == XML_ELEMENT_NODE && info_of(n); n = n->parent)
        if (info_of(n)->cls == EV_COMMENT && review_widget(n))
            return 1;
    return 0;
}

static void emit_chosen(emitter *e, xmlNode *body, xmlNode *top, float top_score)
{
    xmlNode *parent = top->parent;
    if (top != body && parent) {
        for (xmlNode *s = parent->children; s; s = s->next) {
            if (s == top)
                emit_tree(e, s, 0);
            else if (s->type == XML_ELEMENT_NODE && sibling_belongs(s, top_score))
                emit_element(e, s, 0);
            flush(e);
        }
    } else {
        emit_tree(e, top, 0);
    }
    flush(e);
}

/* An ancestor of the chosen element whose content mass is clearly larger
 * holds more of the page's content than the prose-scoring found: the
 * posts of a thread, the sections of a service page. What lies outside
 * the page's <main> is other stories and sidebars, however heavy. */
#define CLIMB_GAIN 1.5f

static xmlNode *climb(xmlNode *body, xmlNode *top)
{
    for (xmlNode *p = top; p != body && p->parent && p->parent->type == XML_ELEMENT_NODE &&
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
static int has_marker(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (!a->children || !a->children->content)
            continue;
        const char *v = (const char *)a->children->content;
        if ((!strcmp((const char *)a->name, "id") && !strcmp(v, name)) ||
            (!strcmp((const char *)a->name, "class") && has_class(v, name)))
            return 1;
    }
    return 0;
}

/* The first visible element below n marked `name`, in document order. */
static xmlNode *find_marked(xmlNode *n, const char *name, int depth)
{
    for (xmlNode *c = n->children; c && depth < MAX_DEPTH; c = c->next) {
        const node_info *ci = c->type == XML_ELEMENT_NODE ? info_of(c) : NULL;
        if (!ci || ci->hidden)
            continue;
        if (has_marker(c, name))
            return c;
        xmlNode *f = find_marked(c, name, depth + 1);
        if (f)
            return f;
    }
    return NULL;
}

/* The article element a site hint names, if the page has it with text. */
static xmlNode *hinted_article(doc *d, xmlNode *body)
{
    const char *marker = site_hint_marker(d->pub.url);
    xmlNode *n = marker ? find_marked(body, marker, 0) : NULL;
    return n && info_of(n)->text >= MIN_ARTICLE_BYTES / 4 ? n : NULL;
}

/* Score below which the best element is no article: under one long
 * paragraph's worth of votes (a content class counts). */
#define WEAK_SCORE 4.0f

/* Is the page a listing rather than an article? Its best element is
 * weak, or, even widened and climbed, holds little prose and under an
 * eighth of the page's text: the content is the page's items
 * (categories, a product grid, short posts), taken as a whole. */
static int listing_page(const xmlNode *body, const xmlNode *top, float top_score)
{
    const node_info *ti = info_of(top), *bi = info_of(body);
    return top_score < WEAK_SCORE ||
           (ti->prose < SOME_PROSE && (unsigned long)ti->text * 8 < bi->text);
}

static void choose_and_emit(doc *d, xmlNode *body)
{
    xmlNode *hinted = hinted_article(d, body);
    if (hinted) {
        emitter e = {.d = d, .inl = BUF_INIT, .base = d->base_url};
        emit_tree(&e, hinted, 0);
        flush(&e);
        buf_free(&e.inl);
        return;
    }
    xmlNode *top = NULL;
    float top_score = 0;
    emitter e = {.d = d, .inl = BUF_INIT, .base = d->base_url};
    best_below(body, 0, &top, &top_score);
    xmlNode *wide = NULL, *wider = NULL;
    if (top && info_of(top)->text >= MIN_ARTICLE_BYTES / 4) {
        wide = widen(top);
        wider = climb(body, wide);
    }
    if (!wider || listing_page(body, wider, top_score)) {
        top = body;
        /* within the page's <main>, when the candidate is in one */
        for (xmlNode *m = wider; m && m != body; m = m->parent)
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
    buf_free(&e.inl);
}

static xmlNode *body_of(xmlDoc *x)
{
    xmlNode *root = xmlDocGetRootElement(x);
    if (!root)
        return NULL;
    for (xmlNode *c = root->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && tag_of(c) == T_BODY)
            return c;
    return root;
}

gisa_status extract_html(doc *d, const decoded_text *t, const gisa_source *src,
                         gisa_error *err)
{
    xmlDoc *x = html_parse(d, t->text, t->len, src->url, err);
    if (!x)
        return err->status;
    xmlNode *body = body_of(x);
    if (body)
        measure_page(d, body);
    if (body && info_of(body))
        unwrap_swallowing(body);
    html_metadata(d, x, t, src);
    if (body && info_of(body))
        choose_and_emit(d, body);
    xmlFreeDoc(x);
    if (!d->pub.date)
        date_from_blocks(d);
    return GISA_OK;
}

/* Every block of an HTML fragment, with no content selection: for text
 * that is all article, such as the body of a post being checked. */
gisa_status extract_html_whole(doc *d, const char *html, size_t len, gisa_error *err)
{
    xmlDoc *x = html_parse(d, html, len, NULL, err);
    if (!x)
        return err->status;
    xmlNode *body = body_of(x);
    if (body) {
        measure_page(d, body);
        emitter e = {.d = d, .inl = BUF_INIT, .base = d->base_url, .lenient = 1};
        emit_tree(&e, body, 0);
        flush(&e);
        buf_free(&e.inl);
    }
    xmlFreeDoc(x);
    return GISA_OK;
}
