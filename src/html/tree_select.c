/* tree_select.c - <select> as the HTML Standard parses it since the
 * customisable select (2025): there is no "in select" insertion mode any
 * more, so a select holds any content (<button>, <div>, <svg>, formatting
 * elements...), and "in body" takes the few tags a select still acts on:
 * a nested <select>, <input>, <option>, <optgroup>, <hr>. Here too the
 * option element's popped steps, which copy the selected option's content
 * into the select's <selectedcontent> (4.10.10, "maybe clone an option into
 * selectedcontent"): the tree builder runs them, so the tree holds the copy
 * as a browser's DOM does. */
#include "treebuilder_impl.h"

/* The fragment case whose context element is a <select>: the context is not
 * on the stack of open elements, so no scope test sees it. */
static bool select_context(builder *b)
{
    return b->fragment && tb_is(b, b->context, T(select));
}

/* "in body", a start tag "select". */
void tb_select_start(builder *b, html_token *k)
{
    if (select_context(b))
        return; /* parse error, ignored */
    if (tb_in_scope(b, T(select), 0)) {
        tb_pop_until(b, T(select)); /* parse error; a nested select closes the open one */
        return;
    }
    tb_reconstruct_formatting(b);
    tb_insert_element(b, k);
    b->frameset_ok = false;
}

/* "in body", a start tag "input", the steps before the usual ones: true when
 * the token is ignored. An input closes an open select (it cannot go in one). */
bool tb_select_input(builder *b)
{
    if (select_context(b))
        return true; /* parse error, ignored */
    if (tb_in_scope(b, T(select), 0))
        tb_pop_until(b, T(select)); /* parse error */
    return false;
}

/* "in body", a start tag "option" or "optgroup". */
void tb_select_option(builder *b, html_token *k, html_tag t)
{
    if (tb_in_scope(b, T(select), 0)) {
        /* an option ends the option before it; an optgroup ends an open
         * optgroup as well (parse errors when one was open) */
        tb_generate_implied_end_tags(b, t == T(option) ? T(optgroup) : HTML_TAG_UNKNOWN);
    } else if (tb_is(b, tb_current(b), T(option))) {
        tb_pop(b);
    }
    tb_reconstruct_formatting(b);
    tb_insert_element(b, k);
}

/* "in body", a start tag "hr", the step after closing a p: in a select, an
 * hr ends the open option and optgroup. */
void tb_select_hr(builder *b)
{
    if (tb_in_scope(b, T(select), 0))
        tb_generate_implied_end_tags(b, HTML_TAG_UNKNOWN);
}

/* ---------------------------------------------------------------- selectedcontent */

static bool is_named(builder *b, uint32_t node, const char *name)
{
    size_t n = strlen(name);
    return N(node).type == HTML_NODE_ELEMENT && N(node).ns == HTML_NS_HTML &&
           N(node).name.n == n && memcmp(N(node).name.p, name, n) == 0;
}

static const html_attr *attr_of(builder *b, uint32_t node, const char *name)
{
    size_t n = strlen(name);
    for (uint32_t i = 0; i < N(node).n_attrs; i++)
        if (N(node).attrs[i].name.n == n && memcmp(N(node).attrs[i].name.p, name, n) == 0)
            return &N(node).attrs[i];
    return NULL;
}

/* The next node after `n` in tree order within root's subtree (HTML_NONE at
 * its end). A template's contents are not descendants in the DOM (they are
 * a fragment of their own), so the walk does not enter them. */
static uint32_t next_in(builder *b, uint32_t root, uint32_t n)
{
    if (N(n).first != HTML_NONE && N(n).type != HTML_NODE_TEMPLATE_CONTENT &&
        N(N(n).first).type != HTML_NODE_TEMPLATE_CONTENT)
        return N(n).first;
    while (n != root) {
        if (N(n).next != HTML_NONE)
            return N(n).next;
        n = N(n).parent;
    }
    return HTML_NONE;
}

/* "The option element nearest ancestor select": the select an option
 * belongs to, none when a datalist, hr or option (or a second optgroup)
 * comes between them. */
static uint32_t nearest_select(builder *b, uint32_t option)
{
    bool optgroup = false;
    for (uint32_t a = N(option).parent; a != HTML_NONE; a = N(a).parent) {
        if (N(a).type != HTML_NODE_ELEMENT)
            return HTML_NONE; /* the document, or a template's contents */
        if (tb_is(b, a, T(hr)) || tb_is(b, a, T(option)) || is_named(b, a, "datalist"))
            return HTML_NONE;
        if (tb_is(b, a, T(optgroup))) {
            if (optgroup)
                return HTML_NONE;
            optgroup = true;
        }
        if (tb_is(b, a, T(select)))
            return a;
    }
    return HTML_NONE;
}

/* Whether node is in select's subtree (the DOM's descendants: a template's
 * contents are a fragment of their own). */
static bool inside(builder *b, uint32_t node, uint32_t select)
{
    for (uint32_t a = N(node).parent; a != HTML_NONE; a = N(a).parent) {
        if (a == select)
            return true;
        if (N(a).type != HTML_NODE_ELEMENT)
            return false;
    }
    return false;
}

/* "A select's enabled selectedcontent": its first <selectedcontent> in tree
 * order, none for a select with `multiple` (it shows no one option).
 *
 * Remembered (b->memo) while the tree only grows at its end: a later
 * <selectedcontent> cannot come before the one found, and while none is
 * found only those made since (b->scs) need looking at. A page cannot make
 * each option walk the whole select (a <selectedcontent> anywhere in the
 * page, then a select of many options), except by moving nodes between the
 * options (the adoption agency, foster parenting), which starts over. */
static uint32_t enabled_selectedcontent(builder *b, uint32_t select)
{
    if (attr_of(b, select, "multiple"))
        return HTML_NONE;
    select_memo *m = &b->memo;
    if (m->select != select || m->epoch != b->epoch) {
        *m = (select_memo){.select = select, .epoch = b->epoch, .sc = HTML_NONE,
                           .scs_checked = b->n_scs, .scanned = select};
        for (uint32_t n = next_in(b, select, select); n != HTML_NONE;
             n = next_in(b, select, n))
            if (is_named(b, n, "selectedcontent")) {
                m->sc = n;
                break;
            }
        return m->sc;
    }
    for (; m->sc == HTML_NONE && m->scs_checked < b->n_scs; m->scs_checked++)
        if (inside(b, b->scs[m->scs_checked], select))
            m->sc = b->scs[m->scs_checked];
    return m->sc;
}

/* An option of select's list of options (its options whose nearest
 * ancestor select it is). */
static bool listed(builder *b, uint32_t select, uint32_t n)
{
    return tb_is(b, n, T(option)) && nearest_select(b, n) == select;
}

/* Disabled: its own attribute, or a disabled optgroup for parent. */
static bool option_disabled(builder *b, uint32_t option)
{
    uint32_t p = N(option).parent;
    return attr_of(b, option, "disabled") ||
           (p != HTML_NONE && tb_is(b, p, T(optgroup)) && attr_of(b, p, "disabled"));
}

/* The display size is 1 (a drop-down): no `size`, or one that does not
 * parse as a non-negative integer, or 1. (`multiple` was ruled out.) */
static bool display_size_1(builder *b, uint32_t select)
{
    const html_attr *a = attr_of(b, select, "size");
    if (!a)
        return true;
    size_t i = 0, v = 0;
    while (i < a->value.n && tb_is_ws_byte(a->value.p[i]))
        i++;
    if (i < a->value.n && a->value.p[i] == '+')
        i++;
    if (i == a->value.n || a->value.p[i] < '0' || a->value.p[i] > '9')
        return true; /* not a number: the default, 1 */
    for (; i < a->value.n && a->value.p[i] >= '0' && a->value.p[i] <= '9' && v < 2; i++)
        v = v * 10 + (size_t)(a->value.p[i] - '0');
    return v == 1;
}

/* No option of the list before this enabled one is enabled or has
 * `selected`: it is the one a drop-down selects by default (unless a later
 * one has `selected`). The options looked at are remembered with the
 * select (b->memo, fresh from enabled_selectedcontent): each is looked at
 * once while the tree only grows at its end. */
static bool first_enabled(builder *b, uint32_t select, uint32_t option)
{
    select_memo *m = &b->memo;
    for (int pass = 0; pass < 2 && !m->taken; pass++) {
        for (uint32_t n = next_in(b, select, m->scanned); n != HTML_NONE;
             n = next_in(b, select, n)) {
            if (!listed(b, select, n))
                continue;
            m->scanned = n;
            if (n == option || attr_of(b, n, "selected") || !option_disabled(b, n)) {
                m->taken = true;
                return n == option;
            }
        }
        m->scanned = select; /* the option not met: start over, once */
    }
    return false;
}

/* The option's selectedness, as the selectedness setting algorithm leaves
 * it over the options parsed so far (no script has touched them): of the
 * options with `selected`, the last in tree order; with none, on a drop-down
 * the first option not disabled. After the option itself only its own
 * subtree and what foster parenting put after it are looked at. */
static bool option_selected(builder *b, uint32_t select, uint32_t option)
{
    if (!attr_of(b, option, "selected") &&
        (!display_size_1(b, select) || option_disabled(b, option) ||
         !first_enabled(b, select, option)))
        return false;
    for (uint32_t n = next_in(b, select, option); n != HTML_NONE; n = next_in(b, select, n))
        if (listed(b, select, n) && attr_of(b, n, "selected"))
            return false; /* a later selected option wins */
    return true;
}

/* A copy of one node, in no tree yet; its strings and attributes are shared
 * (neither is changed in place: appending text to a node with no room of
 * its own, cap 0, copies it first). */
static uint32_t clone_node(builder *b, uint32_t src)
{
    uint32_t c = tb_new_node(b, (html_node_type)N(src).type);
    if (c == HTML_NONE)
        return c;
    html_node n = N(src);
    n.parent = n.first = n.last = n.prev = n.next = HTML_NONE;
    n.cap = 0;
    N(c) = n;
    if (is_named(b, c, "selectedcontent"))
        tb_note_selectedcontent(b, c);
    return c;
}

/* A deep copy of src (a template's contents included, as cloning a
 * template copies them), in no tree yet; walked along the links, no
 * recursion. HTML_NONE, or a partial copy, when a limit stopped the parse. */
static uint32_t clone_subtree(builder *b, uint32_t src)
{
    uint32_t root = clone_node(b, src);
    uint32_t s = src, d = root;
    while (d != HTML_NONE) {
        if (N(s).first != HTML_NONE) {
            s = N(s).first;
        } else {
            while (s != src && N(s).next == HTML_NONE) {
                s = N(s).parent;
                d = N(d).parent;
            }
            if (s == src)
                break;
            s = N(s).next;
            d = N(d).parent;
        }
        uint32_t c = clone_node(b, s);
        if (c == HTML_NONE)
            break;
        tb_insert_before(b, d, c, HTML_NONE);
        d = c;
    }
    return root;
}

/* Whether the subtree of n holds an option or a <selectedcontent>. */
static bool holds_select_parts(builder *b, uint32_t n)
{
    for (uint32_t d = n; d != HTML_NONE; d = next_in(b, n, d))
        if (tb_is(b, d, T(option)) || is_named(b, d, "selectedcontent"))
            return true;
    return false;
}

/* "Clone an option into a selectedcontent": the option's children copied,
 * then put in place of the selectedcontent's children. The copies are all
 * made first: the selectedcontent may be inside the option. Replacing what
 * is inside the first <selectedcontent> changes neither which is first nor
 * the options before it, so what the select remembers stays good, unless
 * options or selectedcontents come or go with the copies. */
static void clone_into(builder *b, uint32_t option, uint32_t sc)
{
    bool parts = false;
    uint32_t first = HTML_NONE, last = HTML_NONE; /* the copies, chained */
    for (uint32_t c = N(option).first; c != HTML_NONE && !b->stop; c = N(c).next) {
        parts = parts || holds_select_parts(b, c);
        uint32_t copy = clone_subtree(b, c);
        if (copy == HTML_NONE)
            break;
        if (last != HTML_NONE) {
            N(last).next = copy;
            N(copy).prev = last;
        } else {
            first = copy;
        }
        last = copy;
    }
    if (b->stop)
        return; /* a limit: the tree is refused, left as it was */
    uint32_t epoch = b->epoch;
    for (uint32_t c = N(sc).first; c != HTML_NONE; c = N(c).next)
        parts = parts || holds_select_parts(b, c);
    while (N(sc).first != HTML_NONE)
        tb_detach(b, N(sc).first);
    for (uint32_t c = first; c != HTML_NONE;) {
        uint32_t next = N(c).next;
        N(c).prev = N(c).next = HTML_NONE;
        tb_insert_before(b, sc, c, HTML_NONE);
        c = next;
    }
    b->epoch = parts ? epoch + 1 : epoch;
}

/* A <selectedcontent> was made (parsed or copied): from now on popped
 * options run their steps, and the select remembered may have one more. */
void tb_note_selectedcontent(builder *b, uint32_t sc)
{
    b->selectedcontent = true;
    if (b->n_scs == b->cap_scs) {
        size_t cap = b->cap_scs ? b->cap_scs * 2 : 8;
        uint32_t *s = realloc(b->scs, cap * sizeof *s);
        if (!s) {
            b->stop = true;
            return;
        }
        b->scs = s;
        b->cap_scs = cap;
    }
    b->scs[b->n_scs++] = sc;
}

/* Whether node is inside (or is) anc. */
static bool within(builder *b, uint32_t node, uint32_t anc)
{
    for (; node != HTML_NONE; node = N(node).parent)
        if (node == anc)
            return true;
    return false;
}

/* Foster parenting inserts in front of the last table on the stack (or
 * into what it put there): in the middle of tree order. For the select
 * remembered that matters only when the select holds that table and what
 * is remembered (its first <selectedcontent>, the options looked at) is in
 * the table, after the insertion; else the insertion comes after all of it
 * (or outside the select). Only called while fostering, and at once false
 * when no <selectedcontent> was ever made (nothing remembered). */
bool tb_select_fostering_reorders(builder *b)
{
    select_memo *m = &b->memo;
    if (m->select == HTML_NONE)
        return false;
    uint32_t table = HTML_NONE;
    for (size_t i = b->n_open; i-- > 0;) {
        if (table == HTML_NONE && tb_is(b, b->open[i], T(table)))
            table = b->open[i];
        else if (table != HTML_NONE && b->open[i] == m->select)
            return (m->sc != HTML_NONE && within(b, m->sc, table)) ||
                   within(b, m->scanned, table);
    }
    return false;
}

/* The option element's popped steps: "maybe clone an option into
 * selectedcontent". Only once a <selectedcontent> exists (b->selectedcontent):
 * other pages pay nothing for them. */
void tb_option_popped(builder *b, uint32_t option)
{
    uint32_t select = nearest_select(b, option);
    if (select == HTML_NONE)
        return;
    uint32_t sc = enabled_selectedcontent(b, select);
    if (sc != HTML_NONE && option_selected(b, select, option))
        clone_into(b, option, sc);
}
