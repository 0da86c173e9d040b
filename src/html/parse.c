/* parse.c - html5_parse: the tokenizer's tokens through the tree builder
 * (treebuilder.c and its modes), under the parser's limits (tree.h), and
 * the message for a parse that stopped. */
#include <stdio.h>

#include "treebuilder_impl.h"

static size_t limit_or(size_t v, size_t dflt)
{
    return v ? v : dflt;
}

static html5_limits effective_limits(const html5_limits *l)
{
    html5_limits z = {0}, r;
    if (!l)
        l = &z;
    r.max_input = limit_or(l->max_input, HTML5_DEFAULT_MAX_INPUT);
    r.max_nodes = limit_or(l->max_nodes, HTML5_DEFAULT_MAX_NODES);
    if (r.max_nodes > UINT32_MAX - 1)
        r.max_nodes = UINT32_MAX - 1;
    r.max_depth = limit_or(l->max_depth, HTML5_DEFAULT_MAX_DEPTH);
    r.max_attrs = limit_or(l->max_attrs, HTML5_DEFAULT_MAX_ATTRS);
    r.max_attr_bytes = limit_or(l->max_attr_bytes, HTML5_DEFAULT_MAX_ATTR_BYTES);
    r.max_text = limit_or(l->max_text, HTML5_DEFAULT_MAX_TEXT);
    r.max_elements = limit_or(l->max_elements, HTML5_DEFAULT_MAX_ELEMENTS);
    return r;
}

/* The deepest element of the finished tree, by a walk along the links (no
 * recursion, no stack). The builder refuses an element below the limit on
 * the stack of open elements; this catches subtrees the adoption agency
 * moved one level down. */
static uint32_t deepest_element(const html_tree *t, size_t *depth)
{
    size_t d = 0, max = 0;
    uint32_t deepest = HTML_NONE, n = 0;
    for (;;) {
        const html_node *x = &t->nodes[n];
        if (x->first) {
            n = x->first;
            d += t->nodes[n].type == HTML_NODE_ELEMENT;
            if (d > max)
                max = d, deepest = n;
            continue;
        }
        while (n && !t->nodes[n].next) {
            d -= t->nodes[n].type == HTML_NODE_ELEMENT;
            n = t->nodes[n].parent;
        }
        if (!n)
            break;
        d -= t->nodes[n].type == HTML_NODE_ELEMENT;
        n = t->nodes[n].next;
        d += t->nodes[n].type == HTML_NODE_ELEMENT;
        if (d > max)
            max = d, deepest = n;
    }
    *depth = max;
    return deepest;
}

/* The node array's first size, from the input's: real pages make a node
 * per 100 bytes or so (dense ones one per 50), so most parses never grow
 * it (each growth copies it all); pages never touched cost no memory.
 * Only a guess: when malloc says no, tb_new_node grows as usual. */
static void reserve_nodes(html_tree *tree, size_t len)
{
    size_t cap = len / 48 + 256;
    if (cap > (size_t)1 << 18) /* a huge input grows the array as it proves to need it */
        cap = (size_t)1 << 18;
    if (cap > tree->limits.max_nodes + 1)
        cap = tree->limits.max_nodes + 1;
    tree->nodes = malloc(cap * sizeof *tree->nodes);
    tree->cap = tree->nodes ? (uint32_t)cap : 0;
}

static void run(builder *b, html5_token_fn on_token, void *user)
{
    html_token k;
    for (;;) {
        html_token_type type = html_next(&b->tk, &k);
        if (type == HTML_TOK_ERROR) {
            if (b->tk.over) {
                b->tree->status = b->tk.over;
                b->tree->status_at = b->tk.over_at;
                b->tree->status_line = html_line_at(&b->tk, b->tk.over_at);
            }
            b->stop = true;
            break;
        }
        b->at = k.begin;
        b->line = k.line;
        if (on_token)
            on_token(user, &k, b->tk.in, b->tk.len);
        if (b->skip_newline) {
            b->skip_newline = false;
            if (type == HTML_TOK_TEXT && k.data.n && k.data.p[0] == '\n') {
                k.data.p++;
                k.data.n--;
                if (!k.data.n)
                    continue;
            }
        }
        tb_process(b, &k);
        if (type == HTML_TOK_EOF && !b->stop)
            tb_pop_to(b, 0); /* "stop parsing" pops every node: an option's popped steps run */
        if (b->stop || type == HTML_TOK_EOF)
            break;
        /* the tokenizer reads CDATA sections only in foreign content */
        uint32_t cur = tb_current(b);
        b->tk.cdata_allowed = cur != HTML_NONE && N(cur).ns != HTML_NS_HTML;
    }
}

html5_status html5_parse(html_tree *tree, arena *a, const char *in, size_t len,
                         const char *context, unsigned flags, const html5_limits *limits)
{
    return html5_parse_observed(tree, a, in, len, context, flags, limits, NULL, NULL);
}

html5_status html5_parse_observed(html_tree *tree, arena *a, const char *in, size_t len,
                                  const char *context, unsigned flags,
                                  const html5_limits *limits, html5_token_fn on_token,
                                  void *user)
{
    builder bb, *b = &bb;
    memset(b, 0, sizeof *b);
    memset(tree, 0, sizeof *tree);
    tree->a = a;
    tree->limits = effective_limits(limits);
    b->tree = tree;
    b->scripting = flags & HTML5_SCRIPTING;
    b->head_noscript_text = flags & HTML5_HEAD_NOSCRIPT_TEXT;
    b->frameset_ok = true;
    reserve_nodes(tree, len);
    if (tb_new_node(b, HTML_NODE_DOCUMENT) == HTML_NONE && !tree->n)
        return tree->status = HTML5_NOMEM;
    if (len > tree->limits.max_input)
        return tree->status = HTML5_OVER_INPUT;
    if (!html_tokenizer_init(&b->tk, a, in, len))
        return tree->status = HTML5_NOMEM;
    b->tk.max_attrs = tree->limits.max_attrs;
    b->tk.max_attr_bytes = tree->limits.max_attr_bytes;
    if (context && *context)
        tb_start_fragment(b, context);
    if (!b->stop)
        run(b, on_token, user);
    free(b->open);
    free(b->fmt);
    free(b->tmpl);
    free(b->scs);
    if (b->stop && tree->status == HTML5_OK)
        tree->status = HTML5_NOMEM;
    size_t depth;
    uint32_t deepest = deepest_element(tree, &depth);
    if (tree->status == HTML5_OK && depth > tree->limits.max_depth) {
        tree->status = HTML5_OVER_DEPTH;
        tree->status_line = tree->nodes[deepest].line;
        tree->status_at = SIZE_MAX; /* known by line only */
    }
    return tree->status;
}

void html5_status_message(const html_tree *t, char *buf, size_t n)
{
    const html5_limits *l = &t->limits;
    int k = 0;
    switch (t->status) {
    case HTML5_OK: k = snprintf(buf, n, "parsed"); break;
    case HTML5_NOMEM: k = snprintf(buf, n, "out of memory"); break;
    case HTML5_OVER_INPUT:
        k = snprintf(buf, n, "more than %zu bytes (the input limit)", l->max_input);
        break;
    case HTML5_OVER_NODES:
        k = snprintf(buf, n, "more than %zu nodes (the node limit)", l->max_nodes);
        break;
    case HTML5_OVER_DEPTH:
        k = snprintf(buf, n, "elements nested more than %zu deep (the depth limit)",
                     l->max_depth);
        break;
    case HTML5_OVER_ATTRS:
        k = snprintf(buf, n, "more than %zu attributes on one tag (the attribute limit)",
                     l->max_attrs);
        break;
    case HTML5_OVER_ATTR_BYTES:
        k = snprintf(buf, n, "an attribute over %zu bytes (the attribute size limit)",
                     l->max_attr_bytes);
        break;
    case HTML5_OVER_ELEMENTS:
        k = snprintf(buf, n, "more than %zu elements (the element limit)", l->max_elements);
        break;
    case HTML5_OVER_TEXT:
        k = snprintf(buf, n, "a text, comment or name over %zu bytes (the text limit)",
                     l->max_text);
        break;
    }
    if (t->status > HTML5_OVER_INPUT && k >= 0 && (size_t)k < n)
        snprintf(buf + k, n - (size_t)k, " at line %u", (unsigned)t->status_line);
}

void html5_tree_free(html_tree *tree)
{
    free(tree->nodes);
    tree->nodes = NULL;
    tree->n = tree->cap = 0;
}
