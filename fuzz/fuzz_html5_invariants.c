/* fuzz_html5_invariants - the differential / invariant target for gisa's own
 * HTML5 parser (src/html/, issue #21). The first byte picks the mode:
 *   bit 0: a fragment, in a context the next byte picks (else a document);
 *   bit 1: small limits, from the next six bytes (else the defaults);
 *   bit 2: the rest drives a generator of well-formed documents, parsed by
 *          both gisa and libxml2's htmlReadMemory (else the rest is the input).
 *
 * On any input it aborts unless (the checks are in the functions below):
 *   tokens  - the tokens the tree builder receives, under its own tokenizer
 *             state switches, tile the input: the first begins at 0, each
 *             where the last ended, the end-of-file token ends at the last
 *             byte, nothing follows it (markup that makes no token - a
 *             CDATA section's end, an empty one, "</>" - has its bytes go
 *             with the next token; after "]]]" the text takes the last two
 *             ']' and only the '>' goes with the next); each token's line is 1 + the line
 *             breaks (LF, CR, CRLF once) before it; a text token whose
 *             bytes hold no '&', CR, NUL, "<![" or "</>" is those bytes
 *             exactly; a tag's name is its bytes after "<" or "</" in ASCII
 *             lower case (when they hold no NUL); an attribute's value and
 *             a comment's text are found in the token's bytes (when they
 *             hold no '&', CR or NUL, which the tokenizer decodes);
 *   tree    - node 0 the document, each node reached once from it, parent /
 *             first / last / previous / next links agreeing, children only
 *             under elements, the document and template contents; text non-
 *             empty and valid UTF-8; no two attributes of an element share
 *             a name; a finished document is comments and at most one
 *             DOCTYPE, then one <html> holding <head> then <body> or
 *             <frameset> (comments and whitespace around them; after a
 *             <frameset>, <noframes> too), a fragment one <html>;
 *   text    - no byte of text in the tree comes from nowhere: for every byte
 *             value, the tree's text holds at most as many as the text
 *             tokens did (a NUL may become U+FFFD's three bytes), text in
 *             a <selectedcontent> left out (the Standard puts a copy of the
 *             selected option's content there); and on a finished document
 *             with no NUL, no "frameset" and no "selectedcontent" in the
 *             input, exactly as many of every byte but whitespace (the
 *             Standard drops whitespace in some modes, other text only in
 *             framesets and in a <selectedcontent> it refills);
 *   limits  - never more nodes than max_nodes; on a finished parse no
 *             element deeper than max_depth, no tag with more than
 *             max_attrs attributes, no attribute, text, comment or name
 *             over its size; the input limit refused exactly when passed;
 *   libxml2 - on generated documents (nested div, p, ul/li, h2, blockquote,
 *             phrasing elements, attributes, character references, UTF-8;
 *             no parse errors), the two parsers' <body> serialise alike once
 *             all whitespace is taken out: same elements, attributes and
 *             text in the same order.
 * The input is copied into a buffer of its exact size, so a read past the
 * end is caught by AddressSanitizer. */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html/tree.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FAIL(why) fail(__LINE__, why)

static void fail(int line, const char *why)
{
    fprintf(stderr, "fuzz_html5_invariants.c:%d: %s\n", line, why);
    abort();
}

static bool is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static bool has_byte(const char *p, size_t n, char c)
{
    return n && memchr(p, c, n) != NULL;
}

/* Does hay hold needle (ASCII, lower case) in any case? */
static bool contains_ci(const char *hay, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m && (hay[i + k] | 0x20) == needle[k])
            k++;
        if (k == m)
            return true;
    }
    return false;
}

static bool contains(const char *hay, size_t n, const char *needle, size_t m)
{
    if (!m)
        return true;
    for (size_t i = 0; i + m <= n; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, m) == 0)
            return true;
    return false;
}

/* ---------------------------------------------------------------- tokens */

typedef struct obs {
    size_t next, line_off, ntok;
    uint32_t line;
    bool eof;
    size_t hist[256]; /* bytes of the text tokens */
    size_t nul;       /* NULs in them */
} obs;

/* Markup that makes no token - the end of a CDATA section, a whole empty
 * one, "</>" - has its bytes go with the next token: skipped before a
 * tag's own bytes. */
static size_t no_token_prefix(const char *raw, size_t n)
{
    static const char *const skip[] = {"]]>", "<![CDATA[]]>", "</>"};
    for (size_t i = 0; i < 3; i++) {
        size_t m = strlen(skip[i]);
        if (n >= m && memcmp(raw, skip[i], m) == 0)
            return m + no_token_prefix(raw + m, n - m);
    }
    return 0;
}

static void check_name(const html_token *k, const char *raw, size_t n, bool after_brackets)
{
    /* "]]]>": the text took the last two ']' (the tokenizer emits a ']'
     * once it sees the next), and the '>' went with the next token */
    if (after_brackets && n && raw[0] == '>')
        raw++, n--;
    size_t skip = no_token_prefix(raw, n);
    raw += skip, n -= skip;
    size_t off = k->type == HTML_TOK_START_TAG ? 1 : 2;
    if (!k->name.n || n < off || raw[0] != '<')
        FAIL("a tag's name");
    if (has_byte(raw, n, '\0')) /* a NUL is U+FFFD's three bytes in the name */
        return;
    if (k->name.n > n - off)
        FAIL("a tag's name longer than its bytes");
    for (size_t i = 0; i < k->name.n; i++) {
        char c = raw[off + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != k->name.p[i])
            FAIL("a tag's name is not its bytes in lower case");
    }
}

static void check_token_text(const html_token *k, const char *raw, size_t n,
                             bool after_brackets)
{
    bool plain = !has_byte(raw, n, '&') && !has_byte(raw, n, '\r') && !has_byte(raw, n, '\0');
    if (k->type == HTML_TOK_TEXT) {
        if (!k->data.n || utf8_check((const unsigned char *)k->data.p, k->data.n).invalid)
            FAIL("a text token empty or not UTF-8");
        if (plain && !contains(raw, n, "<![", 3) && !contains(raw, n, "</>", 3) &&
            (k->data.n != n || memcmp(k->data.p, raw, n) != 0))
            FAIL("a text token is not its bytes");
    } else if (k->type == HTML_TOK_START_TAG || k->type == HTML_TOK_END_TAG) {
        check_name(k, raw, n, after_brackets);
        for (size_t i = 0; plain && i < k->n_attrs; i++)
            if (!contains(raw, n, k->attrs[i].value.p, k->attrs[i].value.n))
                FAIL("an attribute value not in its tag's bytes");
    } else if (k->type == HTML_TOK_COMMENT) {
        if (plain && !contains(raw, n, k->data.p, k->data.n))
            FAIL("a comment not in its bytes");
    }
}

static void on_token(void *user, const html_token *k, const char *in, size_t len)
{
    obs *o = user;
    if (o->eof || k->begin != o->next || k->end < k->begin || k->end > len)
        FAIL("tokens do not tile the input");
    o->next = k->end;
    o->ntok++;
    for (; o->line_off < k->begin; o->line_off++) {
        char c = in[o->line_off];
        if (c == '\n' || (c == '\r' && !(o->line_off + 1 < len && in[o->line_off + 1] == '\n')))
            o->line++;
    }
    if (k->line != o->line)
        FAIL("a token's line");
    if (k->type == HTML_TOK_EOF) {
        if (k->end != len)
            FAIL("the end-of-file token does not end the input");
        o->eof = true;
    }
    check_token_text(k, in + k->begin, k->end - k->begin,
                     k->begin >= 2 && in[k->begin - 1] == ']' && in[k->begin - 2] == ']');
    if (k->type == HTML_TOK_TEXT)
        for (size_t i = 0; i < k->data.n; i++) {
            o->hist[(unsigned char)k->data.p[i]]++;
            o->nul += k->data.p[i] == '\0';
        }
}

/* ---------------------------------------------------------------- the tree */

typedef struct walk {
    const html_tree *t;
    size_t hist[256]; /* bytes of the tree's text */
} walk;

static bool is_selectedcontent(const html_node *n)
{
    return n->type == HTML_NODE_ELEMENT && n->ns == HTML_NS_HTML && n->name.n == 15 &&
           memcmp(n->name.p, "selectedcontent", 15) == 0;
}

/* under_sc: the node is inside a <selectedcontent>, whose text may be a
 * copy of an option's (the option's popped steps put it there). */
static void check_node(walk *w, uint32_t i, size_t depth, bool under_sc, bool finished)
{
    const html_node *n = &w->t->nodes[i];
    const html5_limits *l = &w->t->limits;
    if (n->first && n->type != HTML_NODE_ELEMENT && n->type != HTML_NODE_DOCUMENT &&
        n->type != HTML_NODE_TEMPLATE_CONTENT)
        FAIL("children under a node that takes none");
    if (n->type == HTML_NODE_TEXT) {
        if (!n->text.n || utf8_check((const unsigned char *)n->text.p, n->text.n).invalid)
            FAIL("a text node empty or not UTF-8");
        if (!under_sc)
            for (size_t k = 0; k < n->text.n; k++)
                w->hist[(unsigned char)n->text.p[k]]++;
    }
    if (n->type == HTML_NODE_COMMENT && n->text.n &&
        utf8_check((const unsigned char *)n->text.p, n->text.n).invalid)
        FAIL("a comment not UTF-8");
    for (size_t a = 0; a < n->n_attrs; a++)
        for (size_t b = a + 1; b < n->n_attrs; b++)
            if (n->attrs[a].name.n == n->attrs[b].name.n &&
                memcmp(n->attrs[a].name.p, n->attrs[b].name.p, n->attrs[a].name.n) == 0)
                FAIL("two attributes of one element share a name");
    if (!finished)
        return;
    if (depth > l->max_depth || n->n_attrs > l->max_attrs || n->name.n > l->max_text ||
        n->text.n > l->max_text || n->text2.n > l->max_text)
        FAIL("a node past a limit");
    for (size_t a = 0; a < n->n_attrs; a++)
        if (n->attrs[a].name.n + n->attrs[a].value.n > l->max_attr_bytes)
            FAIL("an attribute past the size limit");
}

/* Every node reached once from the document, links agreeing (iterative:
 * the tree may be as deep as the input is long). */
static void check_tree(walk *w, bool finished)
{
    const html_tree *t = w->t;
    if (!t->n || t->nodes[0].type != HTML_NODE_DOCUMENT || t->n > t->limits.max_nodes)
        FAIL("no document, or more nodes than max_nodes");
    size_t elements = 0;
    for (uint32_t i = 0; i < t->n; i++)
        elements += t->nodes[i].type == HTML_NODE_ELEMENT;
    if (elements != t->n_elements || elements > t->limits.max_elements)
        FAIL("elements miscounted, or more than max_elements");
    uint8_t *seen = calloc(t->n, 1);
    uint32_t *stack = malloc(t->n * sizeof *stack);
    size_t *depth = malloc(t->n * sizeof *depth);
    uint8_t *under_sc = calloc(t->n, 1);
    if (!seen || !stack || !depth || !under_sc)
        abort();
    size_t top = 0;
    stack[top++] = 0;
    seen[0] = 1;
    depth[0] = 0;
    while (top) {
        uint32_t p = stack[--top];
        check_node(w, p, depth[p], under_sc[p], finished);
        uint32_t prev = HTML_NONE;
        for (uint32_t c = t->nodes[p].first; c != HTML_NONE; c = t->nodes[c].next) {
            if (c >= t->n || seen[c] || t->nodes[c].parent != p || t->nodes[c].prev != prev)
                FAIL("not a tree: a cycle, a node twice, or links that disagree");
            seen[c] = 1;
            depth[c] = depth[p] + (t->nodes[c].type == HTML_NODE_ELEMENT);
            under_sc[c] = under_sc[p] || is_selectedcontent(&t->nodes[p]);
            stack[top++] = c;
            prev = c;
        }
        if (t->nodes[p].last != prev)
            FAIL("a last-child link");
    }
    free(seen);
    free(stack);
    free(depth);
    free(under_sc);
}

static bool is_html(const html_tree *t, uint32_t i, html_tag tag)
{
    return t->nodes[i].type == HTML_NODE_ELEMENT && t->nodes[i].ns == HTML_NS_HTML &&
           t->nodes[i].tag == tag;
}

static bool all_ws(html_str s)
{
    for (size_t i = 0; i < s.n; i++)
        if (!is_ws((unsigned char)s.p[i]))
            return false;
    return true;
}

/* comments DOCTYPE? comments <html>(<head> <body>|<frameset>) comments; a
 * fragment: <html>. */
static void check_shape(const html_tree *t, bool fragment)
{
    uint32_t root = HTML_NONE;
    bool doctype = false;
    for (uint32_t c = t->nodes[0].first; c; c = t->nodes[c].next) {
        const html_node *n = &t->nodes[c];
        if (n->type == HTML_NODE_ELEMENT) {
            if (root || !is_html(t, c, HTML_TAG_html))
                FAIL("the document's element is not one <html>");
            root = c;
        } else if (n->type == HTML_NODE_DOCTYPE) {
            /* comments may come before it (the initial mode keeps them) */
            if (root || doctype || fragment)
                FAIL("a second DOCTYPE, or one after <html>");
            doctype = true;
        } else if (n->type != HTML_NODE_COMMENT || fragment) {
            FAIL("text (or a fragment's comment) beside <html>");
        }
    }
    if (!root)
        FAIL("no <html>");
    if (fragment)
        return;
    int elements = 0;
    bool frameset = false;
    for (uint32_t c = t->nodes[root].first; c; c = t->nodes[c].next) {
        const html_node *n = &t->nodes[c];
        if (n->type == HTML_NODE_TEXT && !all_ws(n->text))
            FAIL("text other than whitespace in <html>");
        if (n->type != HTML_NODE_ELEMENT)
            continue;
        if (elements == 0 && !is_html(t, c, HTML_TAG_head))
            FAIL("<html>'s first element is not <head>");
        if (elements == 1 && !is_html(t, c, HTML_TAG_body) &&
            !is_html(t, c, HTML_TAG_frameset))
            FAIL("<html>'s second element is not <body> or <frameset>");
        if (elements == 1)
            frameset = is_html(t, c, HTML_TAG_frameset);
        /* after </frameset>, <noframes> goes into <html> (the in head rules) */
        if (++elements > 2 && !(frameset && is_html(t, c, HTML_TAG_noframes)))
            FAIL("<html> holds more than <head> and <body>");
    }
    if (elements < 2)
        FAIL("<html> lacks <head> or <body>");
}

/* No text from nowhere; none lost but whitespace on a finished document. */
static void check_text(const obs *o, const walk *w, bool exact)
{
    for (int b = 0; b < 256; b++) {
        size_t allow = o->hist[b];
        if (b == 0xEF || b == 0xBF || b == 0xBD) /* U+FFFD for a NUL */
            allow += o->nul;
        if (w->hist[b] > allow)
            FAIL("the tree holds text the tokens did not");
        if (exact && !is_ws((unsigned char)b) && w->hist[b] != o->hist[b])
            FAIL("text lost between the tokens and the tree");
    }
}

/* ---------------------------------------------------------------- libxml2 */

/* Well-formed documents from the fuzzer's bytes: only what both parsers
 * build alike when the markup has no error (libxml2 2.9 follows HTML 4:
 * no tbody, section or nested a, no block inside p). */
typedef struct gen {
    const uint8_t *p;
    size_t n;
    char *out;
    size_t len, cap;
    int nodes;
} gen;

static int next_byte(gen *g)
{
    if (!g->n)
        return -1;
    g->n--;
    return *g->p++;
}

static void put(gen *g, const char *s)
{
    size_t n = strlen(s);
    if (g->len + n < g->cap) {
        memcpy(g->out + g->len, s, n);
        g->len += n;
    }
}

static void gen_text(gen *g)
{
    static const char *const words[] = {
        "alpha", "beta", " ", "\n", "&amp;", "&lt;", "&gt;", "&quot;", "&#233;", "&#x41;",
        "\xed\x95\x9c\xea\xb5\xad", "\xc3\xa9", "1,000", "'", "\"", ">", "x  y", "\t", "?", "/"};
    int c = next_byte(g);
    for (int i = 0; c >= 0 && i < 1 + c % 4; i++) {
        int w = next_byte(g);
        put(g, words[(w < 0 ? 0 : w) % (int)(sizeof words / sizeof *words)]);
    }
}

static void gen_open(gen *g, const char *name)
{
    static const char *const values[] = {"a", "b c", "&amp;", "x&lt;y", "\xed\x95\x9c", ""};
    char buf[64];
    snprintf(buf, sizeof buf, "<%s", name);
    put(g, buf);
    int c = next_byte(g);
    if (c > 0 && (c & 1)) {
        put(g, " class=\"");
        put(g, values[(c >> 2) % 6]);
        put(g, "\"");
    }
    if (c > 0 && (c & 2)) {
        snprintf(buf, sizeof buf, " id=v%d", c >> 4);
        put(g, buf);
    }
    put(g, ">");
    g->nodes++;
}

static void gen_close(gen *g, const char *name)
{
    char buf[64];
    snprintf(buf, sizeof buf, "</%s>", name);
    put(g, buf);
}

static void gen_phrasing(gen *g, int depth)
{
    static const char *const inline_tags[] = {"b", "i", "em", "strong", "span", "code"};
    for (;;) {
        int op = next_byte(g);
        if (op < 0 || op % 8 == 7 || g->nodes > 400)
            return;
        if (op % 8 < 4 || depth > 8) {
            gen_text(g);
            continue;
        }
        const char *t = inline_tags[(op >> 3) % 6];
        gen_open(g, t);
        gen_phrasing(g, depth + 1);
        gen_close(g, t);
    }
}

static void gen_flow(gen *g, int depth)
{
    for (;;) {
        int op = next_byte(g);
        if (op < 0 || op % 8 == 7 || g->nodes > 400)
            return;
        int kind = depth > 8 ? 0 : op % 8;
        switch (kind) {
        case 0:
        case 1: gen_text(g); break;
        case 2: gen_open(g, "div"); gen_flow(g, depth + 1); gen_close(g, "div"); break;
        case 3: gen_open(g, "p"); gen_phrasing(g, depth + 1); gen_close(g, "p"); break;
        case 4:
            gen_open(g, "ul");
            for (int i = 0; i < 1 + (op >> 3) % 3; i++) {
                gen_open(g, "li");
                gen_flow(g, depth + 2);
                gen_close(g, "li");
            }
            gen_close(g, "ul");
            break;
        case 5: gen_open(g, "h2"); gen_phrasing(g, depth + 1); gen_close(g, "h2"); break;
        default:
            if (op & 8) {
                gen_open(g, "blockquote");
                gen_flow(g, depth + 1);
                gen_close(g, "blockquote");
            } else {
                gen_open(g, "span");
                gen_phrasing(g, depth + 1);
                gen_close(g, "span");
            }
        }
    }
}

/* A serialisation with every ASCII whitespace byte left out. */
typedef struct sbuf {
    char *p;
    size_t n, cap;
} sbuf;

static void sput(sbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (is_ws((unsigned char)s[i]))
            continue;
        if (b->n == b->cap) {
            b->cap = b->cap ? b->cap * 2 : 4096;
            b->p = realloc(b->p, b->cap);
            if (!b->p)
                abort();
        }
        b->p[b->n++] = s[i];
    }
}

static void sputs(sbuf *b, const char *s)
{
    sput(b, s, strlen(s));
}

static void ser_gisa(const html_tree *t, uint32_t i, sbuf *b)
{
    const html_node *n = &t->nodes[i];
    if (n->type == HTML_NODE_TEXT) {
        sput(b, n->text.p, n->text.n);
        return;
    }
    if (n->type != HTML_NODE_ELEMENT)
        return;
    sputs(b, "<");
    sput(b, n->name.p, n->name.n);
    for (size_t a = 0; a < n->n_attrs; a++) {
        sputs(b, " ");
        sput(b, n->attrs[a].name.p, n->attrs[a].name.n);
        sputs(b, "=");
        sput(b, n->attrs[a].value.p, n->attrs[a].value.n);
    }
    sputs(b, ">");
    for (uint32_t c = n->first; c; c = t->nodes[c].next)
        ser_gisa(t, c, b);
    sputs(b, "</>");
}

static void ser_xml(const xmlNode *n, sbuf *b)
{
    if (n->type == XML_TEXT_NODE) {
        if (n->content)
            sputs(b, (const char *)n->content);
        return;
    }
    if (n->type != XML_ELEMENT_NODE)
        return;
    sputs(b, "<");
    sputs(b, (const char *)n->name);
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        sputs(b, " ");
        sputs(b, (const char *)a->name);
        sputs(b, "=");
        for (const xmlNode *v = a->children; v; v = v->next)
            if (v->content)
                sputs(b, (const char *)v->content);
    }
    sputs(b, ">");
    for (const xmlNode *c = n->children; c; c = c->next)
        ser_xml(c, b);
    sputs(b, "</>");
}

static void differential(const uint8_t *data, size_t size)
{
    gen g = {data, size, malloc(1 << 16), 0, 1 << 16, 0};
    if (!g.out)
        return;
    put(&g, "<!DOCTYPE html><html><head><title>t</title></head><body>");
    gen_flow(&g, 0);
    put(&g, "</body></html>");
    arena a;
    arena_init(&a);
    html_tree t;
    sbuf ours = {0}, theirs = {0};
    if (html5_parse(&t, &a, g.out, g.len, NULL, false, NULL) != HTML5_OK)
        FAIL("a generated document refused");
    uint32_t html = t.nodes[0].last, body = t.nodes[html].last;
    if (!is_html(&t, body, HTML_TAG_body))
        FAIL("a generated document without <body> last");
    ser_gisa(&t, body, &ours);
    xmlDoc *x = htmlReadMemory(g.out, (int)g.len, NULL, "UTF-8",
                               HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                   HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    const xmlNode *xb = NULL, *xr = x ? xmlDocGetRootElement(x) : NULL;
    for (const xmlNode *c = xr ? xr->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "body") == 0)
            xb = c;
    if (xb)
        ser_xml(xb, &theirs);
    if (getenv("FUZZ_HTML5_SHOW")) /* to see what the generator makes */
        fprintf(stderr, "%.*s\n=> %.*s\n", (int)g.len, g.out, (int)ours.n, ours.p);
    if (!xb || ours.n != theirs.n || memcmp(ours.p, theirs.p, ours.n) != 0) {
        fprintf(stderr, "input:\n%.*s\ngisa:\n%.*s\nlibxml2:\n%.*s\n", (int)g.len, g.out,
                (int)ours.n, ours.p, (int)theirs.n, theirs.p);
        FAIL("gisa and libxml2 differ on a well-formed document");
    }
    xmlFreeDoc(x);
    free(ours.p);
    free(theirs.p);
    html5_tree_free(&t);
    arena_free(&a);
    free(g.out);
}

/* ---------------------------------------------------------------- the entry */

static const char *pick_context(uint8_t c)
{
    static const char *const contexts[] = {"body", "td", "table", "select", "title",
                                           "textarea", "script", "svg path", "math mi",
                                           "template", "html", "frameset", "div", "tr"};
    return contexts[c % (sizeof contexts / sizeof *contexts)];
}

static html5_limits pick_limits(const uint8_t *p, size_t len)
{
    html5_limits l = {0};
    l.max_nodes = 1 + (size_t)p[0] * 4;
    l.max_elements = 1 + (size_t)p[0] * 2;
    l.max_depth = 1 + p[1] % 40;
    l.max_attrs = 1 + p[2] % 8;
    l.max_attr_bytes = 1 + (size_t)p[3] * 2;
    l.max_text = 1 + (size_t)p[4] * 4;
    l.max_input = p[5] == 0 ? len / 2 + 1 : 0;
    return l;
}

static void parse_and_check(const char *in, size_t size, const char *context,
                            const html5_limits *lim)
{
    arena a;
    arena_init(&a);
    html_tree tree;
    obs o = {.line = 1};
    html5_status s =
        html5_parse_observed(&tree, &a, in, size, context, false, lim, on_token, &o);
    if ((s == HTML5_OVER_INPUT) != (size > tree.limits.max_input))
        FAIL("the input limit");
    bool finished = s == HTML5_OK;
    if (finished && !o.eof)
        FAIL("a finished parse without the end-of-file token");
    if (s != HTML5_NOMEM && s != HTML5_OVER_INPUT) {
        walk w = {.t = &tree};
        check_tree(&w, finished);
        if (finished)
            check_shape(&tree, context != NULL);
        bool exact = finished && !context && !has_byte(in, size, '\0') &&
                     !contains_ci(in, size, "frameset") &&
                     !contains_ci(in, size, "selectedcontent");
        check_text(&o, &w, exact);
    }
    html5_tree_free(&tree);
    arena_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size)
        return 0;
    uint8_t mode = data[0];
    data++, size--;
    const char *context = NULL;
    if ((mode & 1) && size) {
        context = pick_context(data[0]);
        data++, size--;
    }
    html5_limits lim, *limp = NULL;
    if ((mode & 2) && size >= 6) {
        lim = pick_limits(data, size - 6);
        limp = &lim;
        data += 6, size -= 6;
    }
    if (mode & 4) {
        differential(data, size);
        return 0;
    }
    char *in = malloc(size ? size : 1);
    if (!in)
        return 0;
    memcpy(in, data, size);
    parse_and_check(in, size, context, limp);
    free(in);
    return 0;
}
