/* test_html5_limits.c - the HTML5 parser's own limits (src/html/tree.h,
 * html5_limits): each one at its value passes and one below it is refused
 * with its status, its message and the line where it was hit; a refused
 * tree is still a tree and holds no node past max_nodes. The documents are
 * written for these tests. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "html/tree.h"

/* Links agree and every node is reached once from the document. */
static int well_formed(const html_tree *t)
{
    if (!t->n || t->nodes[0].type != HTML_NODE_DOCUMENT)
        return 0;
    size_t reached = 1;
    uint32_t *stack = malloc(t->n * sizeof *stack);
    size_t top = 0;
    stack[top++] = 0;
    while (top) {
        uint32_t p = stack[--top], prev = HTML_NONE;
        for (uint32_t c = t->nodes[p].first; c; c = t->nodes[c].next) {
            if (c >= t->n || t->nodes[c].parent != p || t->nodes[c].prev != prev ||
                reached >= t->n) {
                free(stack);
                return 0;
            }
            reached++;
            stack[top++] = c;
            prev = c;
        }
        if (t->nodes[p].last != prev) {
            free(stack);
            return 0;
        }
    }
    free(stack);
    return 1;
}

/* Parse `html` under `lim`; the status, and the message into msg. */
static html5_status parse(const char *html, const html5_limits *lim, char *msg, size_t n,
                          uint32_t *nodes)
{
    arena a;
    arena_init(&a);
    html_tree t;
    html5_status s = html5_parse(&t, &a, html, strlen(html), NULL, false, lim);
    html5_status_message(&t, msg, n);
    CHECK(well_formed(&t));
    CHECK(t.n <= t.limits.max_nodes);
    if (nodes)
        *nodes = t.n;
    html5_tree_free(&t);
    arena_free(&a);
    return s;
}

static void test_defaults(void)
{
    arena a;
    arena_init(&a);
    html_tree t;
    CHECK_INT(html5_parse(&t, &a, "<p>x", 4, NULL, false, NULL), HTML5_OK);
    CHECK_INT(t.limits.max_depth, HTML5_DEFAULT_MAX_DEPTH);
    CHECK_INT(t.limits.max_nodes, HTML5_DEFAULT_MAX_NODES);
    CHECK_INT(t.limits.max_attrs, HTML5_DEFAULT_MAX_ATTRS);
    html5_tree_free(&t);
    arena_free(&a);
    /* 600 nested elements pass the default depth (512) */
    size_t n = 600 * 5;
    char *deep = malloc(n + 1);
    for (size_t i = 0; i < 600; i++)
        memcpy(deep + 5 * i, "<div>", 5);
    deep[n] = '\0';
    char msg[160];
    CHECK_INT(parse(deep, NULL, msg, sizeof msg, NULL), HTML5_OVER_DEPTH);
    CHECK_STR(msg, "elements nested more than 512 deep (the depth limit) at line 1");
    free(deep);
}

static void test_input(void)
{
    char msg[160];
    html5_limits l = {.max_input = 8};
    CHECK_INT(parse("<p>1234</p>", &l, msg, sizeof msg, NULL), HTML5_OVER_INPUT);
    CHECK_STR(msg, "more than 8 bytes (the input limit)");
    l.max_input = 11;
    CHECK_INT(parse("<p>1234</p>", &l, msg, sizeof msg, NULL), HTML5_OK);
}

static void test_nodes(void)
{
    /* document, html, head, body, p, "a", p, "b": 8 nodes */
    const char *doc = "<p>a\n<p>b";
    char msg[160];
    uint32_t n = 0;
    html5_limits l = {.max_nodes = 8};
    CHECK_INT(parse(doc, &l, msg, sizeof msg, &n), HTML5_OK);
    CHECK_INT(n, 8);
    l.max_nodes = 7;
    CHECK_INT(parse(doc, &l, msg, sizeof msg, &n), HTML5_OVER_NODES);
    CHECK_INT(n, 7);
    CHECK_STR(msg, "more than 7 nodes (the node limit) at line 2");
    /* a limit of one node: the document alone, as a fragment too */
    l.max_nodes = 1;
    CHECK_INT(parse(doc, &l, msg, sizeof msg, &n), HTML5_OVER_NODES);
    arena a;
    arena_init(&a);
    html_tree t;
    CHECK_INT(html5_parse(&t, &a, "x", 1, "td", false, &l), HTML5_OVER_NODES);
    CHECK(well_formed(&t));
    html5_tree_free(&t);
    arena_free(&a);
    /* formatting elements reconstructed many times over: the count stops
     * the quadratic growth browsers allow */
    char many[4096] = "<p>";
    size_t k = 3;
    for (int i = 0; i < 200; i++) /* b's with distinct attributes: no Noah's Ark */
        k += (size_t)(i < 60 ? snprintf(many + k, sizeof many - k, "<b id=%d>", i)
                             : snprintf(many + k, sizeof many - k, "<p>x"));
    l.max_nodes = 2000;
    CHECK_INT(parse(many, &l, msg, sizeof msg, &n), HTML5_OVER_NODES);
    CHECK_INT(n, 2000);
}

static void test_elements(void)
{
    /* html, head, body, p, p: 5 elements (and the document, two texts) */
    const char *doc = "<p>a\n<p>b";
    char msg[160];
    uint32_t n = 0;
    html5_limits l = {.max_elements = 5};
    CHECK_INT(parse(doc, &l, msg, sizeof msg, &n), HTML5_OK);
    CHECK_INT(n, 8);
    l.max_elements = 4;
    CHECK_INT(parse(doc, &l, msg, sizeof msg, &n), HTML5_OVER_ELEMENTS);
    CHECK_STR(msg, "more than 4 elements (the element limit) at line 2");
    /* text and comments do not count */
    l.max_elements = 3;
    CHECK_INT(parse("<!--a--><!--b-->x", &l, msg, sizeof msg, &n), HTML5_OK);
    l.max_elements = 2;
    CHECK_INT(parse("<!--a--><!--b-->x", &l, msg, sizeof msg, &n), HTML5_OVER_ELEMENTS);
}

static void test_depth(void)
{
    /* html, body, then three divs: depth 5 */
    const char *doc = "<div>\n<div>\n<div><br>";
    char msg[160];
    html5_limits l = {.max_depth = 6};
    CHECK_INT(parse(doc, &l, msg, sizeof msg, NULL), HTML5_OK);
    l.max_depth = 5; /* the <br> would be the sixth */
    CHECK_INT(parse(doc, &l, msg, sizeof msg, NULL), HTML5_OVER_DEPTH);
    CHECK_STR(msg, "elements nested more than 5 deep (the depth limit) at line 3");
    l.max_depth = 2; /* html, body: the first div is refused */
    CHECK_INT(parse(doc, &l, msg, sizeof msg, NULL), HTML5_OVER_DEPTH);
    CHECK_HAS(msg, "at line 1");
}

static void test_attrs(void)
{
    char msg[160];
    html5_limits l = {.max_attrs = 3};
    CHECK_INT(parse("<p a b c>", &l, msg, sizeof msg, NULL), HTML5_OK);
    CHECK_INT(parse("<p a b a c a>", &l, msg, sizeof msg, NULL), HTML5_OK); /* repeats dropped */
    CHECK_INT(parse("\n<p a b c d>", &l, msg, sizeof msg, NULL), HTML5_OVER_ATTRS);
    CHECK_STR(msg, "more than 3 attributes on one tag (the attribute limit) at line 2");
    /* a second <html> or <body> adds its attributes to the first: the
     * merged element is held to the limit too (found by fuzz_html5_invariants) */
    CHECK_INT(parse("<html a b><body><html c>", &l, msg, sizeof msg, NULL), HTML5_OK);
    CHECK_INT(parse("<html a b>\n<body><html c d>", &l, msg, sizeof msg, NULL),
              HTML5_OVER_ATTRS);
    CHECK_HAS(msg, "at line 2");
    CHECK_INT(parse("<body a b c><body a d>", &l, msg, sizeof msg, NULL), HTML5_OVER_ATTRS);
    /* an end tag's attributes are read (and dropped) under the same limit */
    CHECK_INT(parse("<p></p a b c d>", &l, msg, sizeof msg, NULL), HTML5_OVER_ATTRS);
}

/* Repeats among many attributes (found by hash past 16): dropped, the
 * first kept, on two tags in a row so the hash starts again for each. */
static void test_many_attrs(void)
{
    size_t cap = 40000, k = 0;
    char *doc = malloc(cap);
    for (int tag = 0; tag < 2; tag++) {
        k += (size_t)snprintf(doc + k, cap - k, "<p>");
        doc[k - 1] = ' ';
        for (int i = 0; i < 1000; i++)
            k += (size_t)snprintf(doc + k, cap - k, "a%d=v%d ", i, i);
        k += (size_t)snprintf(doc + k, cap - k, "a500=x A999=y a0 a16=z>");
    }
    arena a;
    arena_init(&a);
    html_tree t;
    CHECK_INT(html5_parse(&t, &a, doc, k, NULL, false, NULL), HTML5_OK);
    int tags = 0;
    for (uint32_t i = 0; i < t.n; i++) {
        const html_node *n = &t.nodes[i];
        if (n->type != HTML_NODE_ELEMENT || n->name.n != 1 || n->name.p[0] != 'p')
            continue;
        tags++;
        CHECK_INT(n->n_attrs, 1000);
        if (n->n_attrs == 1000) {
            CHECK(n->attrs[500].value.n == 4 && memcmp(n->attrs[500].value.p, "v500", 4) == 0);
            CHECK(n->attrs[999].value.n == 4 && memcmp(n->attrs[999].value.p, "v999", 4) == 0);
        }
    }
    CHECK_INT(tags, 2);
    html5_tree_free(&t);
    arena_free(&a);
    free(doc);
}

static void test_attr_bytes(void)
{
    char msg[160];
    html5_limits l = {.max_attr_bytes = 5};
    CHECK_INT(parse("<p ab=\"cde\">", &l, msg, sizeof msg, NULL), HTML5_OK);
    CHECK_INT(parse("<p ab=\"&amp;&lt;&gt;\">", &l, msg, sizeof msg, NULL), HTML5_OK);
    CHECK_INT(parse("<p ab=cdef>", &l, msg, sizeof msg, NULL), HTML5_OVER_ATTR_BYTES);
    CHECK_STR(msg, "an attribute over 5 bytes (the attribute size limit) at line 1");
    CHECK_INT(parse("<p abcdef>", &l, msg, sizeof msg, NULL), HTML5_OVER_ATTR_BYTES);
    /* a repeated attribute is dropped, but not unread: still refused */
    CHECK_INT(parse("<p a a=bcdefg>", &l, msg, sizeof msg, NULL), HTML5_OVER_ATTR_BYTES);
}

static void test_text(void)
{
    char msg[160];
    html5_limits l = {.max_text = 5};
    CHECK_INT(parse("<p>hello</p><!--12345--><!DOCTYPE abcde>", &l, msg, sizeof msg, NULL),
              HTML5_OK);
    CHECK_INT(parse("<p>hello!</p>", &l, msg, sizeof msg, NULL), HTML5_OVER_TEXT);
    CHECK_STR(msg, "a text, comment or name over 5 bytes (the text limit) at line 1");
    /* decoded text counts ("abc&def"), and text merged into one node from
     * two tokens on both sides of a stray end tag */
    CHECK_INT(parse("<p>abc&amp;def", &l, msg, sizeof msg, NULL), HTML5_OVER_TEXT);
    CHECK_INT(parse("<p>abc</x>def", &l, msg, sizeof msg, NULL), HTML5_OVER_TEXT);
    CHECK_INT(parse("<p>abc</x>de", &l, msg, sizeof msg, NULL), HTML5_OK);
    CHECK_INT(parse("\n\n<!--123456-->", &l, msg, sizeof msg, NULL), HTML5_OVER_TEXT);
    CHECK_HAS(msg, "at line 3");
    CHECK_INT(parse("<!DOCTYPE html PUBLIC \"abcdef\">", &l, msg, sizeof msg, NULL),
              HTML5_OVER_TEXT);
    CHECK_INT(parse("<abcdef>", &l, msg, sizeof msg, NULL), HTML5_OVER_TEXT);
}

int main(void)
{
    test_defaults();
    test_input();
    test_nodes();
    test_elements();
    test_depth();
    test_attrs();
    test_many_attrs();
    test_attr_bytes();
    test_text();
    CHECK_DONE();
}
