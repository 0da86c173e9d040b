/* html_emit.c - the second pass: walk the chosen element and emit blocks
 * (paragraphs, headings, lists, quotes, code, images), leaving out
 * subtrees that look like boilerplate and sections whose heading points
 * elsewhere. Tables are in html_table.c. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/error.h"
#include "../util/utf8.h"
#include "html.h"

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

/* A control's label standing alone as a line: a link or button that
 * opens, loads or acts, never a sentence of the page. */
static int is_control_label(const char *s)
{
    static const char *const labels[] = {
        "read more", "read more \xC2\xBB", "read more \xE2\x86\x92", "loading", "loading...",
        "loading\xE2\x80\xA6", "load more", "show more", "see more", "view more",
        "add to cart", "add to bag", "permalink", "reply", "share", "close", "\xC3\x97",
        "clear rating",
    };
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (!strcasecmp(s, labels[i]))
            return 1;
    return 0;
}

/* A paragraph block, unless it is a copyright line or a label. */
static void check_paragraph(emitter *e, const gisa_block *b)
{
    if (b && (is_copyright_line(b->text) || is_ad_label(b->text) || is_control_label(b->text)))
        doc_drop_last(e->d);
}

static void add_paragraph(emitter *e, const char *s, size_t len, size_t offset)
{
    check_paragraph(e, doc_add_text(e->d, GISA_BLOCK_PARAGRAPH, 0, s, len, offset));
}

/* s is clean_collect()'s, with line breaks kept: cleaned already. */
static void add_clean_paragraph(emitter *e, const char *s, size_t offset)
{
    check_paragraph(e, doc_add_clean_text(e->d, GISA_BLOCK_PARAGRAPH, 0, s, offset));
}

void emit_flush(emitter *e)
{
    if (e->inl.len)
        add_paragraph(e, e->inl.ptr, e->inl.len, e->inl_offset);
    buf_reset(&e->inl);
}

/* Append a text node, turning source newlines into spaces: only <br>
 * marks a line break (as U+2028, which text_clean keeps as "\n"). */
static void put_text(buf *b, const char *s)
{
    size_t n = strlen(s);
    if (!buf_reserve(b, n))
        return;
    /* copied whole, then its few line breaks made spaces: not byte by
     * byte, as this copies every text of the article */
    char *p = b->ptr + b->len, *end = p + n;
    memcpy(p, s, n);
    for (char *q = p; (q = memchr(q, '\n', (size_t)(end - q))); q++)
        *q = ' ';
    for (char *q = p; (q = memchr(q, '\r', (size_t)(end - q))); q++)
        *q = ' ';
    b->len += n;
    b->ptr[b->len] = '\0';
}

/* Mostly link text. A list of headlines is this; in a page of prose
 * it is a "read next" box, in a listing page it is the content. */
static int link_dense(const node_info *ni)
{
    return ni->link * 10 > ni->text * 6;
}


/* A form that wraps a thread's posts (a reply form around the topic):
 * the posts, when the page's comments are its content. */
static int form_holds_posts(const emitter *e, const dom_node *n)
{
    return e->keep_comments &&
           (in_comments(n) || comment_bytes(n) * 2 > info_of(n)->text);
}

/* The first text below n with something visible in it, or NULL. */
static const char *first_text(const dom_node *n, int depth)
{
    for (const dom_node *c = n->children; c && depth < 8; c = c->next) {
        if (c->type == DOM_TEXT &&
            visible_bytes(c->content))
            return c->content;
        const char *t = c->type == DOM_ELEMENT ? first_text(c, depth + 1) : NULL;
        if (t)
            return t;
    }
    return NULL;
}

/* Is a text node beside n visible? Then n is part of running text. */
static int in_running_text(const dom_node *n)
{
    const dom_node *s[2] = {n->prev, n->next};
    for (int i = 0; i < 2; i++)
        if (s[i] && s[i]->type == DOM_TEXT && visible_bytes(s[i]->content))
            return 1;
    return 0;
}

/* A link that jumps within the page past its menus ("Skip to content",
 * "Skip to main content"): a keyboard user's control, not text. One
 * inside a sentence ("skip to the costs if...") is text. */
static int skip_link(const emitter *e, const dom_node *n)
{
    const char *href = attr(e->d, n, "href");
    if (!href || href[0] != '#' || in_running_text(n))
        return 0;
    const char *t = first_text(n, 0);
    while (t && (*t == ' ' || *t == '\n' || *t == '\t' || *t == '\r'))
        t++;
    return t && !strncasecmp(t, "skip to ", 8);
}

/* A short link with nowhere to go, scripted as a button ("Click to
 * expand...", "Show more"), or a skip link: a control's label, not the
 * page's text. */
static int button_label(const emitter *e, const dom_node *n)
{
    const node_info *ni = info_of(n);
    if (!ni || ni->tag != T_A || ni->prose || ni->text >= 60)
        return 0;
    if (skip_link(e, n))
        return 1;
    if (attr(e->d, n, "href"))
        return 0;
    const char *role = attr(e->d, n, "role");
    return role && !strcmp(role, "button");
}

/* Is n inside an <article>? Its <header> is then the item's own (a
 * teaser's title and excerpt in a listing), not the page's. */
static int inside_article(const dom_node *n)
{
    for (const dom_node *p = n->parent; p && p->type == DOM_ELEMENT && info_of(p);
         p = p->parent)
        if (ntag(p) == T_ARTICLE)
            return 1;
    return 0;
}

/* One option of a set: a single radio button and its label (a product's
 * colour or size, an answer of a poll), nothing else but hidden inputs,
 * which carry a form's state and are no control a reader sees. A radio
 * button is never alone, so this is a part of a box of options, and the
 * box is judged whole at its own level: a poll of a few words is left out
 * there, before its options are reached. Options reached one by one
 * belong to a box with too much text to be a poll (thirty-six fabrics of a
 * sofa), and are the page's text, as the list they make is. A lone
 * checkbox is left to the rule: it is a consent line or a toggle
 * ("Compare"), not an option of a set. The counts are measure_tree's. */
static int single_option(const node_info *ni)
{
    return ni->radios == 1 && ni->controls == ni->radios + ni->state_inputs;
}

static int skip_subtree(const emitter *e, const dom_node *n, tag t)
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
    if ((ni->cls == EV_STRONG_BAD && !layout_wrapper(ni)) || ni->cls == EV_OVERLAY ||
        ni->cls == EV_RELATED)
        return 1;
    /* a page's or an article's footer: links, legal lines, credits */
    if (t == T_FOOTER)
        return 1;
    /* a header without prose, or of links, is the page's masthead; on the
     * lenient try too, unless it is an item's own header in a listing */
    if (t == T_HEADER && (ni->prose == 0 || link_menu_header(ni)) &&
        (!e->lenient || !inside_article(n)))
        return 1;
    if (e->lenient)
        return 0;
    if (ni->cls == EV_WEAK_BAD && (ni->prose == 0 || ni->link * 3 > ni->text))
        return 1;
    /* a poll, a rating or a search box: form controls with a few words;
     * not one option of a larger set */
    if (ni->controls && ni->prose < 200 && ni->text < 400 && !single_option(ni))
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
static int stands_alone(const dom_node *a)
{
    const dom_node *p = a->parent;
    const node_info *ni = info_of(a), *pi = p ? info_of(p) : NULL;
    return ni && pi && ni->text == pi->text && !tag_is_inline(p, ntag(p));
}

/* Two elements side by side with no space between them, the first's text
 * ending in a lower-case letter and the second's starting with a capital
 * ("<span>Language</span><span>English</span>"): a label and its value,
 * or two names, that the page's style sets apart. Words do not change
 * case inside, so a space is put between them at b[from]. */
static void split_joined_words(buf *b, size_t from)
{
    if (from == 0 || b->len <= from || !b->ptr)
        return;
    char p = b->ptr[from - 1], q = b->ptr[from];
    if (!(p >= 'a' && p <= 'z' && q >= 'A' && q <= 'Z') || !buf_reserve(b, 1))
        return;
    memmove(b->ptr + from + 1, b->ptr + from, b->len - from + 1);
    b->ptr[from] = ' ';
    b->len++;
}

static void collect_links(emitter *e, dom_node *n, buf *b, int depth, seen_links *sl)
{
    int after_element = 0; /* no text since the last element child */
    for (dom_node *c = n->children; c; c = c->next) {
        if (c->type == DOM_TEXT) {
            put_text(b, c->content);
            after_element = 0;
        } else if (c->type == DOM_ELEMENT && depth < MAX_DEPTH) {
            size_t at = b->len;
            int was_after = after_element;
            after_element = 1;
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
                else if (was_after && !block)
                    split_joined_words(b, at);
                if (block)
                    buf_putc(b, ' ');
            }
        }
    }
}

/* Collect the text of an inline subtree into b. */
static void collect(emitter *e, dom_node *n, buf *b, int depth)
{
    seen_links sl = {{0}, {0}, {0}, 0};
    collect_links(e, n, b, depth, &sl);
}

const char *clean_collect(emitter *e, dom_node *n, int keep_br)
{
    buf b = BUF_INIT;
    collect(e, n, &b, 0);
    char *s = text_clean_dup(&e->d->mem, b.ptr ? b.ptr : "", b.len, keep_br);
    buf_free(&b);
    return s;
}

static void emit_list(emitter *e, dom_node *n, tag t)
{
    size_t count = 0;
    for (dom_node *c = n->children; c; c = c->next)
        count += c->type == DOM_ELEMENT;
    const char **items = arena_alloc(&e->d->mem, (count ? count : 1) * sizeof *items);
    if (!items)
        return;
    size_t k = 0, repeats = 0;
    for (dom_node *c = n->children; c; c = c->next) {
        if (c->type != DOM_ELEMENT || skip_subtree(e, c, ntag(c)))
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
    b->offset = (size_t)n->line;
}

static void emit_image(emitter *e, dom_node *n, const char *caption)
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
    b->offset = (size_t)n->line;
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

dom_node *find_tag(dom_node *n, tag want, int depth)
{
    for (dom_node *c = n->children; c; c = c->next) {
        if (c->type != DOM_ELEMENT)
            continue;
        if (ntag(c) == want)
            return c;
        dom_node *f = depth < 8 ? find_tag(c, want, depth + 1) : NULL;
        if (f)
            return f;
    }
    return NULL;
}


/* Text of a <pre> subtree exactly as written; <br> is a newline. */
static void collect_raw(const dom_node *n, buf *b, int depth)
{
    for (const dom_node *c = n->children; c; c = c->next) {
        if (c->type == DOM_TEXT)
            buf_puts(b, c->content);
        else if (c->type == DOM_ELEMENT && ntag(c) == T_BR)
            buf_putc(b, '\n');
        else if (c->type == DOM_ELEMENT && info_of(c) && !info_of(c)->hidden &&
                 depth < MAX_DEPTH)
            collect_raw(c, b, depth + 1);
    }
}

/* Code keeps its spaces and line breaks; only blank lines around it go. */
static void emit_pre(emitter *e, dom_node *n)
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
            blk->offset = (size_t)n->line;
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
        emit_flush(e);
        return;
    }
    buf_puts(&e->inl, ls);
}

/* Nothing but white space waiting: the next text sets the paragraph's
 * line. */
static int inline_blank(const buf *b)
{
    for (size_t i = 0; i < b->len; i++)
        if ((unsigned char)b->ptr[i] > ' ')
            return 0;
    return 1;
}

/* The line of a text node's first visible character: a paragraph's line
 * is where its words start, not the line break before them. */
static size_t first_visible_line(const dom_node *c)
{
    size_t line = c->line;
    for (const char *p = c->content; *p && (unsigned char)*p <= ' '; p++)
        line += *p == '\n';
    return line;
}

void emit_element(emitter *e, dom_node *c, int depth)
{
    tag t = ntag(c);
    if (t == T_BR) {
        line_break(e);
        return;
    }
    if (skip_subtree(e, c, t))
        return;
    if (tag_is_inline(c, t)) {
        if (inline_blank(&e->inl))
            e->inl_offset = (size_t)c->line;
        collect(e, c, &e->inl, depth);
        return;
    }
    emit_flush(e);
    const char *s;
    switch (t) {
    case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
        s = clean_collect(e, c, 0);
        if (s && *s && !recent_block_text(e->d, s)) {
            gisa_block *b = doc_add_block(e->d, GISA_BLOCK_HEADING);
            if (b) {
                b->level = 1 + (int)(t - T_H1);
                b->text = s;
                b->offset = (size_t)c->line;
            }
        }
        return;
    case T_P:
        s = clean_collect(e, c, 1);
        if (s && *s)
            add_clean_paragraph(e, s, (size_t)c->line);
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
            doc_add_clean_text(e->d, GISA_BLOCK_QUOTE, 0, s, (size_t)c->line);
        return;
    case T_PRE:
        emit_pre(e, c);
        return;
    case T_IMG:
        emit_image(e, c, NULL);
        return;
    case T_FIGURE: {
        dom_node *img = find_tag(c, T_IMG, 0), *cap = find_tag(c, T_FIGCAPTION, 0);
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
        emit_flush(e);
    }
}

/* Headings that introduce links to other pages, not more of this one:
 * "Related articles", "You may also like", "관련 기사". Matched in
 * lower case anywhere in a short heading. */
/* A heading's text, lower-cased (ASCII) with runs of white space as one
 * space, into out; 0 when it is longer than a section label. */
static int heading_label(const dom_node *h, char *out, size_t cap)
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
static int heading_points_elsewhere(const dom_node *h)
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
static const dom_node *lead_heading(const dom_node *n, int depth)
{
    if (tag_is_heading(ntag(n)))
        return n;
    for (const dom_node *c = n->children; c && depth < 12; c = c->next) {
        if (c->type == DOM_TEXT &&
            visible_bytes(c->content))
            return NULL;
        const node_info *ci = c->type == DOM_ELEMENT ? info_of(c) : NULL;
        if (ci && !ci->hidden && ci->text)
            return lead_heading(c, depth + 1);
    }
    return NULL;
}

void emit_tree(emitter *e, dom_node *n, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    int skip_next = 0; /* the element after a heading of links elsewhere */
    int after_element = 0; /* no text since the last element child */
    for (dom_node *c = n->children; c; c = c->next) {
        if (c->type == DOM_TEXT) {
            if (inline_blank(&e->inl))
                e->inl_offset = first_visible_line(c);
            put_text(&e->inl, c->content);
            after_element = 0;
        } else if (c->type == DOM_ELEMENT) {
            int was_after = after_element;
            after_element = 1;
            size_t at = e->inl.len;
            if (skip_next) { /* the list or carousel under such a heading */
                skip_next = 0;
                continue;
            }
            const dom_node *h = info_of(c) && info_of(c)->text ? lead_heading(c, 0) : NULL;
            if (h && ntag(h) != T_H1 && heading_points_elsewhere(h)) {
                skip_next = h == c;
                if (h == c || info_of(c)->text * 2 < e->root_text)
                    continue;
            }
            emit_element(e, c, depth);
            if (was_after && at && e->inl.len > at && tag_is_inline(c, ntag(c)))
                split_joined_words(&e->inl, at);
        }
    }
}
