/* test_htmlparse.c - the extractor's tree (dom.h), as html_parse builds it
 * from gisa's HTML5 parser.
 *
 * Each case writes the tree out in one line: an element as name, its
 * attributes in brackets and its line after '@', then its children in
 * parentheses; text in quotes. The promises:
 * - the tree is the HTML Standard's (here: tables get their tbody, a
 *   stray </p> opens one, content after </html> is the body's);
 * - script and style bodies are not copied, JSON-LD is;
 * - a template's contents hang below it;
 * - an attribute without a value has "" and names are lower case;
 * - every link agrees: parent, first and last child, both siblings. */
#include <stdlib.h>

#include "check.h"
#include "extract/dom.h"
#include "extract/extract.h"
#include "util/buf.h"
#include "util.h"

static void write_node(const dom_node *n, buf *b, int lines)
{
    char at[32];
    switch (n->type) {
    case DOM_TEXT:
        buf_putc(b, '"');
        buf_puts(b, n->content);
        buf_putc(b, '"');
        return;
    case DOM_OTHER:
        buf_puts(b, "#other");
        return;
    case DOM_ELEMENT:
        buf_puts(b, n->name);
        if (n->attrs) {
            buf_putc(b, '[');
            for (const dom_attr *a = n->attrs; a; a = a->next) {
                buf_puts(b, a->name);
                buf_putc(b, '=');
                buf_puts(b, a->value);
                if (a->next)
                    buf_putc(b, ' ');
            }
            buf_putc(b, ']');
        }
        if (lines) {
            snprintf(at, sizeof at, "@%u", (unsigned)n->line);
            buf_puts(b, at);
        }
        break;
    default:
        break;
    }
    if (!n->children)
        return;
    buf_putc(b, '(');
    for (const dom_node *c = n->children; c; c = c->next) {
        CHECK(c->parent == n);
        CHECK(c->prev ? c->prev->next == c : n->children == c);
        CHECK(c->next ? c->next->prev == c : n->last == c);
        write_node(c, b, lines);
        if (c->next)
            buf_putc(b, ' ');
    }
    buf_putc(b, ')');
}

/* The <body> of `page` written out (the whole tree when `whole`). */
static char *tree_of(const char *page, int whole, int lines)
{
    doc *d = doc_new();
    d->max_nodes = GISA_DEFAULT_MAX_NODES;
    d->max_depth = GISA_DEFAULT_MAX_DEPTH;
    gisa_error err;
    dom_tree t;
    buf b = BUF_INIT;
    CHECK_INT(html_parse(d, page, strlen(page), &t, &err), GISA_OK);
    const dom_node *root = dom_root(&t), *body = NULL;
    for (const dom_node *c = root ? root->children : NULL; c; c = c->next)
        if (c->type == DOM_ELEMENT && !strcmp(c->name, "body"))
            body = c;
    CHECK(body != NULL);
    if (whole ? root : body)
        write_node(whole ? root : body, &b, lines);
    dom_free(&t);
    doc_free(d);
    return b.ptr ? b.ptr : calloc(1, 1);
}

#define CHECK_TREE(page, want) CHECK_BODY(page, want, 0, 0)
#define CHECK_BODY(page, want, whole, lines)                                  \
    do {                                                                       \
        char *got_ = tree_of(page, whole, lines);                              \
        CHECK_STR(got_, want);                                                 \
        free(got_);                                                            \
    } while (0)

static void test_standard_tree(void)
{
    CHECK_TREE("<p>가<p>나", "body(p(\"가\") p(\"나\"))");
    CHECK_TREE("<table><tr><td>칸</table>", "body(table(tbody(tr(td(\"칸\")))))");
    CHECK_TREE("<p>a</p></p>b", "body(p(\"a\") p \"b\")");
    CHECK_TREE("<b><p>굵게</b>이어서</p>", "body(b p(b(\"굵게\") \"이어서\"))");
    /* a template's </body></html> mid-page, and text after the end */
    CHECK_TREE("<body><p>앞</p></body></html><p>뒤</p>",
               "body(p(\"앞\") p(\"뒤\"))");
    CHECK_BODY("<!doctype html><title>제목</title><p>본문",
               "html(head(title(\"제목\")) body(p(\"본문\")))", 1, 0);
}

static void test_bodies(void)
{
    CHECK_TREE("<p>a<script>if (a < b) document.write('<p>x')</script>"
               "<style>p > a { color: red }</style>b",
               "body(p(\"a\" script style \"b\"))");
    CHECK_TREE("<body><script type=\"application/ld+json\">{\"headline\": \"제목\"}</script>",
               "body(script[type=application/ld+json](\"{\"headline\": \"제목\"}\"))");
    /* a script that never ends takes the rest as its text: none of it kept */
    CHECK_TREE("<p>h</p><script>never(ends);\n<p>i</p>", "body(p(\"h\") script)");
    /* scripting off: what a page offers readers without scripts is markup */
    CHECK_TREE("<body><noscript><p>글</p></noscript>", "body(noscript(p(\"글\")))");
    /* ...unless a frame in it never ends and takes the page: then the page
     * is read as a browser with scripting reads it */
    CHECK_TREE("<body><noscript><iframe src=x /></noscript><p>본문</p>",
               "body(noscript p(\"본문\"))");
    CHECK_TREE("<body><noscript><iframe src=x /></iframe></noscript><p>본문</p>",
               "body(noscript(iframe[src=x]) p(\"본문\"))");
    /* a <noscript> in <head> is text: its pixel and its "turn on JavaScript"
     * line do not start the body before the page's own <body> tag */
    CHECK_BODY("<head><noscript><img src=px.gif>Turn on JavaScript.</noscript></head>"
               "<body class=page><p>본문</p>",
               "html(head(noscript) body[class=page](p(\"본문\")))", 1, 0);
}

static void test_attributes_and_names(void)
{
    CHECK_TREE("<DIV Hidden CLASS=\"a b\" data-x='&lt;1&gt;'>t</DIV>",
               "body(div[hidden= class=a b data-x=<1>](\"t\"))");
    CHECK_TREE("<svg viewBox=\"0 0 1 1\"><foreignObject>x</foreignObject></svg>",
               "body(svg[viewBox=0 0 1 1](foreignObject(\"x\")))");
    CHECK_TREE("<body><template><p>© 2026 한빛일보</p></template>",
               "body(template(p(\"© 2026 한빛일보\")))");
    CHECK_TREE("<p>&amp;&lt;&#54620;&nbsp;</p>", "body(p(\"&<한\xc2\xa0\"))");
}

static void test_lines(void)
{
    /* the line of each element's '<'; CR, LF and CRLF are one line each */
    CHECK_BODY("<body>\n<p\nclass=x>a</p>\r<p>b</p>\r\n<p>c</p>",
               "body@1(\"\n\" p[class=x]@2(\"a\") \"\n\" p@4(\"b\") \"\n\" p@5(\"c\"))", 0, 1);
}

static void test_refused(void)
{
    doc *d = doc_new();
    d->pub.source_name = "page.html";
    d->max_nodes = 5; /* html, head, body and two paragraphs */
    d->max_depth = GISA_DEFAULT_MAX_DEPTH;
    gisa_error err;
    dom_tree t;
    CHECK_INT(html_parse(d, "<p>a<p>b", 8, &t, &err), GISA_OK);
    dom_free(&t);
    CHECK_INT(html_parse(d, "<p>a<p>b\n<p>c", 13, &t, &err), GISA_ERR_INPUT);
    CHECK_STR(err.message, "page.html: more than 5 elements (the node limit) at line 2");
    d->max_nodes = GISA_DEFAULT_MAX_NODES;
    d->max_depth = 4;
    CHECK_INT(html_parse(d, "<div><div>x</div></div>", 23, &t, &err), GISA_OK);
    dom_free(&t);
    CHECK_INT(html_parse(d, "<div><div><div>x", 16, &t, &err), GISA_ERR_INPUT);
    CHECK_STR(err.message,
              "page.html: elements nested more than 4 deep (the depth limit) at line 1");
    doc_free(d);
}

int main(void)
{
    test_standard_tree();
    test_bodies();
    test_attributes_and_names();
    test_lines();
    test_refused();
    CHECK_DONE();
}
