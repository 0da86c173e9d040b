/* tree.h - the HTML tree builder (HTML Standard 13.2.6) and the compact tree
 * it builds: nodes in one array, linked by index, element names interned
 * as tag ids, strings as slices of the input where nothing was decoded.
 *
 * Work in progress (issue #21): see docs/html5.md for what is missing. */
#ifndef GISA_HTML_TREE_H
#define GISA_HTML_TREE_H

#include "tokenizer.h"

/* Element names the tree builder acts on, sorted (binary search). */
#define HTML_TAG_LIST(X)                                                                      \
    X(a) X(address) X(applet) X(area) X(article) X(aside) X(b) X(base) X(basefont) X(bgsound) \
    X(big) X(blockquote) X(body) X(br) X(button) X(caption) X(center) X(code) X(col)         \
    X(colgroup) X(dd) X(desc) X(details) X(dialog) X(dir) X(div) X(dl) X(dt) X(em) X(embed)  \
    X(fieldset) X(figcaption) X(figure) X(font) X(footer) X(form) X(frame) X(frameset) X(h1) \
    X(h2) X(h3) X(h4) X(h5) X(h6) X(head) X(header) X(hgroup) X(hr) X(html) X(i) X(iframe)   \
    X(image) X(img) X(input) X(keygen) X(li) X(link) X(listing) X(main) X(malignmark)        \
    X(marquee) X(math) X(menu) X(meta) X(mglyph) X(mi) X(mn) X(mo) X(ms) X(mtext) X(nav)     \
    X(nobr) X(noembed) X(noframes) X(noscript) X(object) X(ol) X(optgroup) X(option) X(p)    \
    X(param) X(plaintext) X(pre) X(rb) X(rp) X(rt) X(rtc) X(ruby) X(s) X(script) X(search)   \
    X(section) X(select) X(small) X(source) X(span) X(strike) X(strong) X(style) X(sub)      \
    X(summary) X(sup) X(svg) X(table) X(tbody) X(td) X(template) X(textarea) X(tfoot) X(th)  \
    X(thead) X(title) X(tr) X(track) X(tt) X(u) X(ul) X(wbr) X(xmp)

typedef enum html_tag {
    HTML_TAG_UNKNOWN = 0,
#define HTML_TAG_ENUM(n) HTML_TAG_##n,
    HTML_TAG_LIST(HTML_TAG_ENUM)
#undef HTML_TAG_ENUM
        HTML_TAG_COUNT
} html_tag;

/* The tag id of a lower-case name; HTML_TAG_UNKNOWN for others. */
html_tag html_tag_of(const char *name, size_t n);
/* The lower-case name of a tag id, NUL-terminated, static; "" for
 * HTML_TAG_UNKNOWN. */
const char *html_tag_name(html_tag t);

typedef enum html_node_type {
    HTML_NODE_DOCUMENT,
    HTML_NODE_DOCTYPE,
    HTML_NODE_ELEMENT,
    HTML_NODE_TEXT,
    HTML_NODE_COMMENT,
    HTML_NODE_TEMPLATE_CONTENT /* a <template>'s contents: the element's one child */
} html_node_type;

typedef enum html_ns { HTML_NS_HTML, HTML_NS_SVG, HTML_NS_MATHML } html_ns;

#define HTML_NONE 0u /* no node: index 0 is the document, never a child */

typedef struct html_node {
    uint32_t parent, first, last, prev, next;
    uint8_t type, ns;
    uint16_t tag;
    uint32_t line;
    html_str name;  /* element or DOCTYPE name */
    html_str text;  /* text, comment; DOCTYPE public id */
    html_str text2; /* DOCTYPE system id */
    bool has_public, has_system;
    size_t cap;     /* text copied into the arena, with room for this much */
    html_attr *attrs;
    uint32_t n_attrs;
} html_node;

/* The parser's limits, each enforced while parsing: a document over one is
 * refused (html5_parse returns which, with the offset and line where it
 * was hit), never cut short and passed off as whole. A field left 0 takes
 * its default. Defaults are set high enough for any real page, to bound
 * what a hostile one can cost: */
#define HTML5_DEFAULT_MAX_INPUT ((size_t)256 << 20)  /* bytes, before UTF-8 repair */
#define HTML5_DEFAULT_MAX_NODES ((size_t)1 << 22)    /* nodes of every kind */
#define HTML5_DEFAULT_MAX_DEPTH 512u                 /* elements nested, as Blink */
#define HTML5_DEFAULT_MAX_ATTRS ((size_t)1024)       /* attributes kept on one tag */
#define HTML5_DEFAULT_MAX_ATTR_BYTES ((size_t)64 << 20) /* one attribute: name + value */
#define HTML5_DEFAULT_MAX_TEXT ((size_t)256 << 20)   /* one text node, comment, DOCTYPE string */
#define HTML5_DEFAULT_MAX_ELEMENTS HTML5_DEFAULT_MAX_NODES /* elements of the tree */

typedef struct html5_limits {
    size_t max_input;      /* bytes of input */
    size_t max_nodes;      /* nodes in the tree, the document node included
                              (at most UINT32_MAX - 1: nodes are uint32 indices) */
    size_t max_depth;      /* elements from the root element down, both
                              counted: <html> alone is depth 1 */
    size_t max_attrs;      /* attributes on one tag, a dropped duplicate not counted */
    size_t max_attr_bytes; /* one attribute's decoded name and value together,
                              a dropped duplicate included */
    size_t max_text;       /* bytes of one text node (after adjacent text is
                              merged), one comment, one DOCTYPE name or id */
    size_t max_elements;   /* elements in the tree (a caller whose own limit
                              counts elements, as gisa's --max-nodes does) */
} html5_limits;

typedef struct html_tree {
    html_node *nodes; /* nodes[0] is the document */
    uint32_t n, cap;
    bool quirks;
    arena *a;
    html5_status status;   /* as html5_parse returned */
    size_t status_at;      /* a limit: the input offset where it was hit
                              (SIZE_MAX for a depth found by the last walk
                              over the tree: the deepest element's line) */
    uint32_t status_line;  /* ... and its line */
    html5_limits limits;   /* the limits in force, defaults filled in */
    size_t n_elements;     /* elements made */
} html_tree;

/* html5_parse's flags. */
#define HTML5_SCRIPTING 1u /* the Standard's scripting flag: <noscript> is raw text */
/* Not in the Standard: with scripting off, a <noscript> in <head> is still
 * raw text. The Standard then reads its content as markup, and anything
 * not allowed in <head> (a tracking pixel's <img>, a "turn on JavaScript"
 * line) ends the head and starts the body there, before the page's own
 * <body> tag; a reader's browser, scripting on, shows none of it. A
 * <noscript> in the body is still markup (a forum's crawler view of a
 * thread, say). For the extractor. */
#define HTML5_HEAD_NOSCRIPT_TEXT 2u

/* Parse in[0..len) into *tree (nodes malloc'd, strings in the arena or the
 * input). A fragment when context names an element (the context element's
 * children are then the children of the tree's html element). `flags`
 * holds HTML5_* flags (0: scripting off, as the html5lib tests' default;
 * true still means HTML5_SCRIPTING). `limits` NULL means every default.
 *
 * HTML5_OK, or why the parse stopped: out of memory, or a limit. Then the
 * tree holds what was built before the stop (still a tree: links agree,
 * no node past max_nodes) and must be treated as refused, not as the
 * document; html5_status_message says why. */
html5_status html5_parse(html_tree *tree, arena *a, const char *in, size_t len,
                         const char *context, unsigned flags, const html5_limits *limits);
void html5_tree_free(html_tree *tree);

/* As html5_parse, with each token handed to on_token before the tree
 * builder acts on it (under the builder's own tokenizer state switches):
 * `input` is the bytes the token's begin/end refer to (the input, or its
 * UTF-8 repaired copy) and input_len their count. For checks on tokens
 * (fuzz/fuzz_html5_invariants.c); html5_parse passes none. */
typedef void (*html5_token_fn)(void *user, const html_token *k, const char *input,
                               size_t input_len);
html5_status html5_parse_observed(html_tree *tree, arena *a, const char *in, size_t len,
                                  const char *context, unsigned flags,
                                  const html5_limits *limits, html5_token_fn on_token,
                                  void *user);

/* "more than 1024 attributes on one tag (the attribute limit) at line 3"
 * (no line for the input limit or out of memory), into buf[0..n). */
void html5_status_message(const html_tree *tree, char *buf, size_t n);

#endif
