/* tree_ops.c - the tree builder's operations on the tree (HTML Standard
 * 13.2.6.1-13.2.6.4.7 in part): element names interned as tag ids, nodes in
 * one array linked by index, the appropriate place for inserting a node
 * (foster parenting), the element scopes, implied end tags, the list of
 * active formatting elements and the adoption agency algorithm. */
#include "treebuilder_impl.h"

static const char *const tag_names[] = {
    "",
#define HTML_TAG_NAME(n) #n,
    HTML_TAG_LIST(HTML_TAG_NAME)
#undef HTML_TAG_NAME
};

const char *html_tag_name(html_tag t)
{
    return (unsigned)t < HTML_TAG_COUNT ? tag_names[t] : "";
}

static const unsigned char tag_lens[] = {
    0,
#define HTML_TAG_LEN(n) sizeof(#n) - 1,
    HTML_TAG_LIST(HTML_TAG_LEN)
#undef HTML_TAG_LEN
};

/* html_tag_of runs several times for every tag of a page, so it is one
 * table load and one comparison: each tag has a slot of its own in
 * tag_hash (scripts/gen-tag-hash.py), found from the name's first, second
 * and last bytes and its length; any other name lands on a slot whose tag
 * it does not match, or on an empty one. */
#include "tag_hash.inc"

_Static_assert(HTML_TAG_COUNT <= 256, "tag ids must fit tag_hash's bytes");

enum { TAG_NAME_MAX = 10 }; /* "blockquote", "figcaption", "malignmark" */

html_tag html_tag_of(const char *name, size_t n)
{
    if (n == 0 || n > TAG_NAME_MAX)
        return HTML_TAG_UNKNOWN;
    const unsigned char *s = (const unsigned char *)name;
    uint32_t key = s[0] | (uint32_t)(n > 1 ? s[1] : 0) << 8 | (uint32_t)s[n - 1] << 16 |
                   (uint32_t)n << 24;
    unsigned id = tag_hash[(uint32_t)(key * TAG_HASH_MULT) >> (32 - TAG_HASH_BITS)];
    if (!id || tag_lens[id] != n)
        return HTML_TAG_UNKNOWN;
    const char *m = tag_names[id];
    for (size_t i = 0; i < n; i++)
        if (name[i] != m[i])
            return HTML_TAG_UNKNOWN;
    return (html_tag)id;
}
/* ---------------------------------------------------------------- the tree */

/* A limit hit: the parse stops after the token being processed, which
 * makes no node past the limit (what would have gone over is not made). */
void tb_over(builder *b, html5_status why)
{
    if (!b->stop) {
        b->tree->status = why;
        b->tree->status_at = b->at;
        b->tree->status_line = b->line;
    }
    b->stop = true;
}

/* Over max_text: a text node, comment or name would be longer. */
bool tb_over_text(builder *b, size_t n)
{
    if (n <= b->tree->limits.max_text)
        return false;
    tb_over(b, HTML5_OVER_TEXT);
    return true;
}

uint32_t tb_new_node(builder *b, html_node_type type)
{
    html_tree *t = b->tree;
    if (b->stop) /* nothing more once stopped, whatever the token still asks */
        return HTML_NONE;
    if (t->n >= t->limits.max_nodes) {
        tb_over(b, HTML5_OVER_NODES);
        return HTML_NONE;
    }
    if (type == HTML_NODE_ELEMENT && t->n_elements >= t->limits.max_elements) {
        tb_over(b, HTML5_OVER_ELEMENTS);
        return HTML_NONE;
    }
    if (t->n == t->cap) {
        uint32_t cap = t->cap ? t->cap * 2 : 256;
        html_node *nodes = realloc(t->nodes, cap * sizeof *nodes);
        if (!nodes) {
            b->stop = true;
            return HTML_NONE;
        }
        t->nodes = nodes;
        t->cap = cap;
    }
    html_node *n = &t->nodes[t->n];
    memset(n, 0, sizeof *n);
    n->type = (uint8_t)type;
    t->n_elements += type == HTML_NODE_ELEMENT;
    return t->n++;
}

void tb_detach(builder *b, uint32_t c)
{
    uint32_t p = N(c).parent;
    if (p == HTML_NONE && c != 0 && N(c).prev == HTML_NONE && N(p).first != c)
        return;
    if (!b->keep_order)
        b->epoch++; /* a move or a removal: what tree_select.c remembers may be stale */
    if (N(c).prev)
        N(N(c).prev).next = N(c).next;
    else if (N(p).first == c)
        N(p).first = N(c).next;
    if (N(c).next)
        N(N(c).next).prev = N(c).prev;
    else if (N(p).last == c)
        N(p).last = N(c).prev;
    N(c).parent = N(c).prev = N(c).next = HTML_NONE;
}

/* Insert c into parent before `before` (HTML_NONE: at the end). */
void tb_insert_before(builder *b, uint32_t parent, uint32_t c, uint32_t before)
{
    if (c == HTML_NONE) /* a node that could not be made (a limit, no memory) */
        return;
    if (b->foster && tb_select_fostering_reorders(b))
        b->epoch++; /* out of tree order for the select remembered (tree_select.c) */
    N(c).parent = parent;
    if (before == HTML_NONE) {
        N(c).prev = N(parent).last;
        N(c).next = HTML_NONE;
        if (N(parent).last)
            N(N(parent).last).next = c;
        else
            N(parent).first = c;
        N(parent).last = c;
    } else {
        N(c).next = before;
        N(c).prev = N(before).prev;
        if (N(before).prev)
            N(N(before).prev).next = c;
        else
            N(parent).first = c;
        N(before).prev = c;
    }
}

uint32_t tb_current(builder *b)
{
    return b->n_open ? b->open[b->n_open - 1] : HTML_NONE;
}

bool tb_is(builder *b, uint32_t node, html_tag tag)
{
    return node != HTML_NONE && N(node).type == HTML_NODE_ELEMENT && N(node).tag == tag &&
           N(node).ns == HTML_NS_HTML;
}

html_tag tb_tag_at(builder *b, uint32_t node)
{
    return N(node).ns == HTML_NS_HTML ? (html_tag)N(node).tag : HTML_TAG_UNKNOWN;
}

/* The appropriate place for inserting a node (13.2.6.1), with foster
 * parenting: the parent and the node to insert before. */
void tb_insertion_place_for(builder *b, uint32_t target, uint32_t *parent,
                                uint32_t *before)
{
    *before = HTML_NONE;
    html_tag t = tb_tag_at(b, target);
    if (b->foster && (t == HTML_TAG_table || t == HTML_TAG_tbody || t == HTML_TAG_tfoot ||
                      t == HTML_TAG_thead || t == HTML_TAG_tr)) {
        for (size_t i = b->n_open; i-- > 0;) {
            if (tb_is(b, b->open[i], HTML_TAG_template)) { /* above the last table */
                *parent = N(b->open[i]).first;
                return;
            }
            if (tb_is(b, b->open[i], HTML_TAG_table)) {
                uint32_t table = b->open[i];
                if (N(table).parent != HTML_NONE || table == 0) {
                    *parent = N(table).parent;
                    *before = table;
                } else {
                    *parent = b->open[i - 1];
                }
                return;
            }
        }
        *parent = b->open[0];
        return;
    }
    *parent = target;
    if (tb_is(b, target, HTML_TAG_template) && N(target).first != HTML_NONE)
        *parent = N(target).first; /* into the template's contents */
}

void tb_insertion_place(builder *b, uint32_t *parent, uint32_t *before)
{
    tb_insertion_place_for(b, tb_current(b), parent, before);
}

void tb_push(builder *b, uint32_t node)
{
    if (b->n_open == b->cap_open) {
        size_t cap = b->cap_open ? b->cap_open * 2 : 64;
        uint32_t *o = realloc(b->open, cap * sizeof *o);
        if (!o) {
            b->stop = true;
            return;
        }
        b->open = o;
        b->cap_open = cap;
    }
    b->open[b->n_open++] = node;
}

/* Pop the current node. An option popped runs its popped steps (they copy
 * the selected option into a <selectedcontent>: tree_select.c), wherever
 * the pop comes from, the end of the document included. */
void tb_pop(builder *b)
{
    if (!b->n_open)
        return;
    uint32_t node = b->open[--b->n_open];
    if (b->selectedcontent && tb_is(b, node, HTML_TAG_option))
        tb_option_popped(b, node);
}

/* Pop until n elements are left on the stack. */
void tb_pop_to(builder *b, size_t n)
{
    while (b->n_open > n)
        tb_pop(b);
}

html_attr *tb_copy_attrs(builder *b, const html_attr *a, size_t n)
{
    if (!n)
        return NULL;
    html_attr *c = arena_alloc(b->tree->a, n * sizeof *c);
    if (!c) {
        b->stop = true;
        return NULL;
    }
    memcpy(c, a, n * sizeof *c);
    return c;
}

/* An element goes at most one below the current node: refused when that
 * passes max_depth (html5_parse checks the finished tree's depth too, for
 * the adoption agency moves subtrees down). */
static bool tb_over_depth(builder *b)
{
    if (b->n_open < b->tree->limits.max_depth)
        return false;
    tb_over(b, HTML5_OVER_DEPTH);
    return true;
}

uint32_t tb_create_element(builder *b, const html_token *k, html_ns ns)
{
    if (tb_over_depth(b) || tb_over_text(b, k->name.n))
        return HTML_NONE;
    uint32_t e = tb_new_node(b, HTML_NODE_ELEMENT);
    if (e == HTML_NONE)
        return e;
    N(e).ns = (uint8_t)ns;
    N(e).name = k->name;
    N(e).tag = (uint16_t)(ns == HTML_NS_HTML ? html_tag_of(k->name.p, k->name.n) : HTML_TAG_UNKNOWN);
    N(e).attrs = tb_copy_attrs(b, k->attrs, k->n_attrs);
    N(e).n_attrs = (uint32_t)k->n_attrs;
    N(e).line = k->line;
    if (N(e).tag == HTML_TAG_UNKNOWN && ns == HTML_NS_HTML && k->name.n == 15 &&
        memcmp(k->name.p, "selectedcontent", 15) == 0)
        tb_note_selectedcontent(b, e);
    if (N(e).tag == HTML_TAG_template) { /* its contents: a fragment of its own */
        uint32_t c = tb_new_node(b, HTML_NODE_TEMPLATE_CONTENT);
        if (c != HTML_NONE)
            tb_insert_before(b, e, c, HTML_NONE);
    }
    return e;
}

uint32_t tb_insert_element(builder *b, const html_token *k)
{
    uint32_t e = tb_create_element(b, k, HTML_NS_HTML);
    if (e == HTML_NONE)
        return e;
    uint32_t parent, before;
    tb_insertion_place(b, &parent, &before);
    tb_insert_before(b, parent, e, before);
    tb_push(b, e);
    return e;
}

/* An element the builder makes without a token (html, head, body, tbody...). */
uint32_t tb_insert_named(builder *b, const char *name)
{
    html_token k;
    memset(&k, 0, sizeof k);
    k.type = HTML_TOK_START_TAG;
    k.name = (html_str){name, strlen(name)};
    return tb_insert_element(b, &k);
}

void tb_append_text(builder *b, uint32_t node, html_str s)
{
    html_node *n = &N(node);
    if (tb_over_text(b, n->text.n + s.n))
        return;
    if (!n->cap && n->text.p + n->text.n == s.p) {
        n->text.n += s.n;
        return;
    }
    if (!n->cap || n->cap - n->text.n < s.n) {
        size_t cap = (n->text.n + s.n) * 2;
        char *p = arena_alloc(b->tree->a, cap);
        if (!p) {
            b->stop = true;
            return;
        }
        memcpy(p, n->text.p, n->text.n);
        n->text.p = p;
        n->cap = cap;
    }
    memcpy((char *)n->text.p + n->text.n, s.p, s.n);
    n->text.n += s.n;
}

void tb_insert_text(builder *b, html_str s, uint32_t line)
{
    if (!s.n)
        return;
    uint32_t parent, before;
    tb_insertion_place(b, &parent, &before);
    if (parent == 0)
        return; /* the document takes no text */
    uint32_t prev = before ? N(before).prev : N(parent).last;
    if (prev && N(prev).type == HTML_NODE_TEXT) {
        tb_append_text(b, prev, s);
        return;
    }
    if (tb_over_text(b, s.n))
        return;
    uint32_t t = tb_new_node(b, HTML_NODE_TEXT);
    if (t == HTML_NONE)
        return;
    N(t).text = s;
    N(t).line = line;
    tb_insert_before(b, parent, t, before);
}

void tb_insert_comment(builder *b, const html_token *k, uint32_t parent)
{
    if (tb_over_text(b, k->data.n))
        return;
    uint32_t c = tb_new_node(b, HTML_NODE_COMMENT);
    if (c == HTML_NONE)
        return;
    N(c).text = k->data;
    N(c).line = k->line;
    uint32_t before = HTML_NONE;
    if (parent == TB_HERE)
        tb_insertion_place(b, &parent, &before);
    tb_insert_before(b, parent, c, before);
}

/* ---------------------------------------------------------------- scopes */

/* The scope boundaries among HTML elements, by tag: in line, for the
 * scope searches walk the stack of open elements for most start and end
 * tags (a <p> looked for in button scope walks it to the root when none is
 * open). */
static inline bool html_scope_boundary(html_tag t, int kind)
{
    if (kind == 3) /* table scope */
        return t == HTML_TAG_html || t == HTML_TAG_table || t == HTML_TAG_template;
    /* select bounds every scope but table scope since the Standard's
     * customisable select: an end tag (</div>, </p>, a formatting element's)
     * cannot close an element outside an open select, as the select modes
     * used to ignore them (webkit02.dat 48: <font><select>...</font>) */
    switch (t) {
    case HTML_TAG_applet: case HTML_TAG_caption: case HTML_TAG_html: case HTML_TAG_table:
    case HTML_TAG_td: case HTML_TAG_th: case HTML_TAG_marquee: case HTML_TAG_object:
    case HTML_TAG_select: case HTML_TAG_template:
        return true;
    case HTML_TAG_ol: case HTML_TAG_ul:
        return kind == 1; /* list item scope */
    case HTML_TAG_button:
        return kind == 2; /* button scope */
    default:
        return false;
    }
}

bool tb_scope_boundary(builder *b, uint32_t node, int kind)
{
    if (N(node).ns != HTML_NS_HTML)
        return kind < 3 && tb_foreign_boundary(b, node);
    return html_scope_boundary((html_tag)N(node).tag, kind);
}

/* kind: 0 default, 1 list item, 2 button, 3 table (the Standard has no
 * select scope any more: the select modes that used it are gone) */
bool tb_in_scope(builder *b, html_tag tag, int kind)
{
    const html_node *nodes = b->tree->nodes;
    for (size_t i = b->n_open; i-- > 0;) {
        uint32_t n = b->open[i];
        const html_node *x = &nodes[n];
        if (x->ns == HTML_NS_HTML) {
            if (n != HTML_NONE && x->type == HTML_NODE_ELEMENT && x->tag == tag) /* tb_is */
                return true;
            if (html_scope_boundary((html_tag)x->tag, kind))
                return false;
        } else if (tb_scope_boundary(b, n, kind)) {
            return false;
        }
    }
    return false;
}

bool tb_heading_in_scope(builder *b)
{
    for (size_t i = b->n_open; i-- > 0;) {
        html_tag t = tb_tag_at(b, b->open[i]);
        if (t >= HTML_TAG_h1 && t <= HTML_TAG_h6)
            return true;
        if (tb_scope_boundary(b, b->open[i], 0))
            return false;
    }
    return false;
}

bool tb_node_in_scope(builder *b, uint32_t node)
{
    for (size_t i = b->n_open; i-- > 0;) {
        if (b->open[i] == node)
            return true;
        if (tb_scope_boundary(b, b->open[i], 0))
            return false;
    }
    return false;
}

bool tb_implied_end(html_tag t, bool thorough)
{
    switch (t) {
    case HTML_TAG_dd: case HTML_TAG_dt: case HTML_TAG_li: case HTML_TAG_optgroup:
    case HTML_TAG_option: case HTML_TAG_p: case HTML_TAG_rb: case HTML_TAG_rp:
    case HTML_TAG_rt: case HTML_TAG_rtc:
        return true;
    case HTML_TAG_caption: case HTML_TAG_colgroup: case HTML_TAG_tbody: case HTML_TAG_td:
    case HTML_TAG_tfoot: case HTML_TAG_th: case HTML_TAG_thead: case HTML_TAG_tr:
        return thorough;
    default:
        return false;
    }
}

void tb_generate_implied_end_tags(builder *b, html_tag except)
{
    while (b->n_open) {
        html_tag t = tb_tag_at(b, tb_current(b));
        if (t == except || !tb_implied_end(t, false))
            return;
        tb_pop(b);
    }
}

void tb_pop_until(builder *b, html_tag tag)
{
    while (b->n_open) {
        uint32_t n = tb_current(b);
        tb_pop(b);
        if (tb_is(b, n, tag))
            return;
    }
}

void tb_pop_until_heading(builder *b)
{
    while (b->n_open) {
        html_tag t = tb_tag_at(b, tb_current(b));
        tb_pop(b);
        if (t >= HTML_TAG_h1 && t <= HTML_TAG_h6)
            return;
    }
}

void tb_close_p(builder *b)
{
    tb_generate_implied_end_tags(b, HTML_TAG_p);
    tb_pop_until(b, HTML_TAG_p);
}

void tb_close_p_if_in_button_scope(builder *b)
{
    if (tb_in_scope(b, HTML_TAG_p, 2))
        tb_close_p(b);
}

bool tb_special(builder *b, uint32_t node)
{
    if (N(node).ns != HTML_NS_HTML)
        return tb_foreign_boundary(b, node);
    switch (N(node).tag) {
    case HTML_TAG_address: case HTML_TAG_applet: case HTML_TAG_area: case HTML_TAG_article:
    case HTML_TAG_aside: case HTML_TAG_base: case HTML_TAG_basefont: case HTML_TAG_bgsound:
    case HTML_TAG_blockquote: case HTML_TAG_body: case HTML_TAG_br: case HTML_TAG_button:
    case HTML_TAG_caption: case HTML_TAG_center: case HTML_TAG_col: case HTML_TAG_colgroup:
    case HTML_TAG_dd: case HTML_TAG_details: case HTML_TAG_dir: case HTML_TAG_div:
    case HTML_TAG_dl: case HTML_TAG_dt: case HTML_TAG_embed: case HTML_TAG_fieldset:
    case HTML_TAG_figcaption: case HTML_TAG_figure: case HTML_TAG_footer: case HTML_TAG_form:
    case HTML_TAG_frame: case HTML_TAG_frameset: case HTML_TAG_h1: case HTML_TAG_h2:
    case HTML_TAG_h3: case HTML_TAG_h4: case HTML_TAG_h5: case HTML_TAG_h6:
    case HTML_TAG_head: case HTML_TAG_header: case HTML_TAG_hgroup: case HTML_TAG_hr:
    case HTML_TAG_html: case HTML_TAG_iframe: case HTML_TAG_img: case HTML_TAG_input:
    case HTML_TAG_keygen: case HTML_TAG_li: case HTML_TAG_link: case HTML_TAG_listing:
    case HTML_TAG_main: case HTML_TAG_marquee: case HTML_TAG_menu: case HTML_TAG_meta:
    case HTML_TAG_nav: case HTML_TAG_noembed: case HTML_TAG_noframes: case HTML_TAG_noscript:
    case HTML_TAG_object: case HTML_TAG_ol: case HTML_TAG_p: case HTML_TAG_param:
    case HTML_TAG_plaintext: case HTML_TAG_pre: case HTML_TAG_script: case HTML_TAG_search:
    case HTML_TAG_section: case HTML_TAG_select: case HTML_TAG_source: case HTML_TAG_style:
    case HTML_TAG_summary: case HTML_TAG_table: case HTML_TAG_tbody: case HTML_TAG_td:
    case HTML_TAG_template: case HTML_TAG_textarea: case HTML_TAG_tfoot: case HTML_TAG_th:
    case HTML_TAG_thead: case HTML_TAG_title: case HTML_TAG_tr: case HTML_TAG_track:
    case HTML_TAG_ul: case HTML_TAG_wbr: case HTML_TAG_xmp:
        return true;
    default:
        return false;
    }
}

/* ---------------------------------------------------------------- active formatting elements */

void tb_fmt_add(builder *b, uint32_t node)
{
    if (b->n_fmt == b->cap_fmt) {
        size_t cap = b->cap_fmt ? b->cap_fmt * 2 : 32;
        afe *f = realloc(b->fmt, cap * sizeof *f);
        if (!f) {
            b->stop = true;
            return;
        }
        b->fmt = f;
        b->cap_fmt = cap;
    }
    b->fmt[b->n_fmt++].node = node;
}

bool tb_same_attrs(builder *b, uint32_t x, uint32_t y)
{
    if (N(x).n_attrs != N(y).n_attrs)
        return false;
    for (uint32_t i = 0; i < N(x).n_attrs; i++) {
        html_attr *a = &N(x).attrs[i];
        bool found = false;
        for (uint32_t j = 0; j < N(y).n_attrs && !found; j++) {
            html_attr *c = &N(y).attrs[j];
            found = a->name.n == c->name.n && a->value.n == c->value.n &&
                    memcmp(a->name.p, c->name.p, a->name.n) == 0 &&
                    memcmp(a->value.p, c->value.p, a->value.n) == 0;
        }
        if (!found)
            return false;
    }
    return true;
}

/* Push onto the list, with the Noah's Ark clause: at most three alike. */
void tb_fmt_push(builder *b, uint32_t node)
{
    size_t alike = 0, first = 0;
    for (size_t i = b->n_fmt; i-- > 0;) {
        uint32_t e = b->fmt[i].node;
        if (e == HTML_NONE)
            break;
        if (N(e).tag == N(node).tag && N(e).ns == N(node).ns &&
            N(e).name.n == N(node).name.n &&
            memcmp(N(e).name.p, N(node).name.p, N(e).name.n) == 0 && tb_same_attrs(b, e, node)) {
            alike++;
            first = i;
        }
    }
    if (alike >= 3) {
        memmove(&b->fmt[first], &b->fmt[first + 1], (b->n_fmt - first - 1) * sizeof *b->fmt);
        b->n_fmt--;
    }
    tb_fmt_add(b, node);
}

void tb_fmt_marker(builder *b)
{
    tb_fmt_add(b, HTML_NONE);
}

void tb_fmt_clear_to_marker(builder *b)
{
    while (b->n_fmt) {
        uint32_t e = b->fmt[--b->n_fmt].node;
        if (e == HTML_NONE)
            return;
    }
}

bool tb_on_stack(builder *b, uint32_t node)
{
    for (size_t i = b->n_open; i-- > 0;)
        if (b->open[i] == node)
            return true;
    return false;
}

void tb_fmt_remove(builder *b, uint32_t node)
{
    for (size_t i = b->n_fmt; i-- > 0;)
        if (b->fmt[i].node == node) {
            memmove(&b->fmt[i], &b->fmt[i + 1], (b->n_fmt - i - 1) * sizeof *b->fmt);
            b->n_fmt--;
            return;
        }
}

void tb_stack_remove(builder *b, uint32_t node)
{
    for (size_t i = b->n_open; i-- > 0;)
        if (b->open[i] == node) {
            memmove(&b->open[i], &b->open[i + 1], (b->n_open - i - 1) * sizeof *b->open);
            b->n_open--;
            return;
        }
}

/* A new element like `node` (same name and attributes), for reconstruction
 * and the adoption agency. */
uint32_t tb_clone_element(builder *b, uint32_t node)
{
    if (tb_over_depth(b))
        return HTML_NONE;
    uint32_t c = tb_new_node(b, HTML_NODE_ELEMENT);
    if (c == HTML_NONE)
        return c;
    html_node *n = &N(c);
    *n = N(node);
    n->parent = n->first = n->last = n->prev = n->next = HTML_NONE;
    return c;
}

void tb_reconstruct_formatting(builder *b)
{
    if (!b->n_fmt)
        return;
    size_t i = b->n_fmt - 1;
    uint32_t e = b->fmt[i].node;
    if (e == HTML_NONE || tb_on_stack(b, e))
        return;
    while (i > 0) {
        e = b->fmt[i - 1].node;
        if (e == HTML_NONE || tb_on_stack(b, e))
            break;
        i--;
    }
    for (; i < b->n_fmt; i++) {
        uint32_t c = tb_clone_element(b, b->fmt[i].node);
        if (c == HTML_NONE)
            return;
        uint32_t parent, before;
        tb_insertion_place(b, &parent, &before);
        tb_insert_before(b, parent, c, before);
        tb_push(b, c);
        b->fmt[i].node = c;
    }
}

/* The adoption agency algorithm (13.2.6.4.7, "any other end tag" aside):
 * true when the caller should act as for any other end tag. */
static bool adoption_agency(builder *b, const html_token *k, html_tag tag)
{
    uint32_t cur = tb_current(b);
    if (tb_tag_at(b, cur) == tag && N(cur).ns == HTML_NS_HTML) {
        bool listed = false;
        for (size_t i = 0; i < b->n_fmt; i++)
            listed |= b->fmt[i].node == cur;
        if (!listed) {
            tb_pop(b);
            return false;
        }
    }
    for (int outer = 0; outer < 8; outer++) {
        size_t fi = SIZE_MAX;
        for (size_t i = b->n_fmt; i-- > 0;) {
            uint32_t e = b->fmt[i].node;
            if (e == HTML_NONE)
                break;
            if (N(e).name.n == k->name.n && memcmp(N(e).name.p, k->name.p, k->name.n) == 0 &&
                N(e).ns == HTML_NS_HTML) {
                fi = i;
                break;
            }
        }
        if (fi == SIZE_MAX)
            return true;
        uint32_t fe = b->fmt[fi].node;
        if (!tb_on_stack(b, fe)) {
            tb_fmt_remove(b, fe);
            return false;
        }
        if (!tb_node_in_scope(b, fe))
            return false;
        size_t si = 0;
        while (b->open[si] != fe)
            si++;
        uint32_t furthest = HTML_NONE;
        size_t fbi = 0;
        for (size_t i = si + 1; i < b->n_open; i++)
            if (tb_special(b, b->open[i])) {
                furthest = b->open[i];
                fbi = i;
                break;
            }
        if (furthest == HTML_NONE) {
            tb_pop_to(b, si);
            tb_fmt_remove(b, fe);
            return false;
        }
        uint32_t common = b->open[si - 1];
        size_t bookmark = fi;
        uint32_t node = furthest, last = furthest;
        size_t ni = fbi;
        for (int inner = 1;; inner++) {
            uint32_t nn = b->open[--ni];
            node = nn;
            if (node == fe)
                break;
            size_t nfi = SIZE_MAX;
            for (size_t i = 0; i < b->n_fmt; i++)
                if (b->fmt[i].node == node)
                    nfi = i;
            if (inner > 3 && nfi != SIZE_MAX) {
                tb_fmt_remove(b, node);
                if (nfi < bookmark)
                    bookmark--;
                nfi = SIZE_MAX;
            }
            if (nfi == SIZE_MAX) {
                tb_stack_remove(b, node);
                continue;
            }
            uint32_t c = tb_clone_element(b, node);
            if (c == HTML_NONE)
                return false;
            b->fmt[nfi].node = c;
            b->open[ni] = c;
            node = c;
            if (last == furthest)
                bookmark = nfi + 1;
            tb_detach(b, last);
            tb_insert_before(b, node, last, HTML_NONE);
            last = node;
        }
        tb_detach(b, last);
        {   /* the appropriate place, with common as the override target */
            uint32_t parent, before;
            tb_insertion_place_for(b, common, &parent, &before);
            tb_insert_before(b, parent, last, before);
        }
        uint32_t ne = tb_clone_element(b, fe);
        if (ne == HTML_NONE)
            return false;
        while (N(furthest).first) {
            uint32_t c = N(furthest).first;
            tb_detach(b, c);
            tb_insert_before(b, ne, c, HTML_NONE);
        }
        tb_insert_before(b, furthest, ne, HTML_NONE);
        /* the new element takes fe's place in the list, at the bookmark */
        size_t fpos = 0;
        while (b->fmt[fpos].node != fe)
            fpos++;
        if (bookmark > fpos)
            bookmark--;
        memmove(&b->fmt[fpos], &b->fmt[fpos + 1], (b->n_fmt - fpos - 1) * sizeof *b->fmt);
        b->n_fmt--;
        tb_fmt_add(b, HTML_NONE); /* room */
        memmove(&b->fmt[bookmark + 1], &b->fmt[bookmark], (b->n_fmt - 1 - bookmark) * sizeof *b->fmt);
        b->fmt[bookmark].node = ne;
        tb_stack_remove(b, fe);
        size_t fbpos = 0;
        while (b->open[fbpos] != furthest)
            fbpos++;
        tb_push(b, HTML_NONE); /* room */
        memmove(&b->open[fbpos + 2], &b->open[fbpos + 1], (b->n_open - fbpos - 2) * sizeof *b->open);
        b->open[fbpos + 1] = ne;
    }
    return false;
}

/* The adoption agency moves nodes, but keeps their order: the end of the
 * formatting element's subtree (open elements, the last of its contents)
 * goes right after it, and children go under new clones in place. So
 * what tree_select.c remembers of a select in tree order stays true, and
 * its moves do not count as changes (b->epoch), unless foster parenting
 * puts a node elsewhere (a table's content) or a popped option refills a
 * <selectedcontent> (which counts itself). */
bool tb_adoption_agency(builder *b, const html_token *k, html_tag tag)
{
    b->keep_order = !b->foster;
    bool r = adoption_agency(b, k, tag);
    b->keep_order = false;
    return r;
}
