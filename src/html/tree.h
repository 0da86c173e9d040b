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

typedef struct html_tree {
    html_node *nodes; /* nodes[0] is the document */
    uint32_t n, cap;
    bool quirks;
    arena *a;
} html_tree;

/* Parse in[0..len) into *tree (nodes malloc'd, strings in the arena or the
 * input). A fragment when context names an element (the context element's
 * children are then the children of the tree's html element). False only
 * when out of memory. */
bool html5_parse(html_tree *tree, arena *a, const char *in, size_t len, const char *context,
                bool scripting);
void html5_tree_free(html_tree *tree);

#endif
