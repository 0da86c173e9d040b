/* fuzz_html5_tree - any bytes through gisa's own HTML5 parser (src/html/,
 * tokenizer and tree builder), as a document or, when the first byte is odd,
 * as a fragment in a context the second byte picks; then the tree is
 * checked for what must hold whatever the input:
 *   - it is a tree: node 0 is the document, every other node is reached
 *     exactly once from it, and each node's parent, first/last child and
 *     previous/next sibling links agree with one another;
 *   - only elements, the document and a template's contents have
 *     children; text and comments are valid UTF-8.
 * (Reconstructing active formatting elements can make quadratically many
 * nodes, as in browsers; the parser's default limits bound them, and
 * fuzz_html5_invariants checks the limits themselves.)
 * The input is copied into a buffer of its exact size, so a read past the
 * end is caught by AddressSanitizer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html/tree.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_tree(const html_tree *t)
{
    if (!t->n || t->nodes[0].type != HTML_NODE_DOCUMENT)
        abort();
    uint8_t *seen = calloc(t->n, 1);
    uint32_t *stack = malloc(t->n * sizeof *stack);
    if (!seen || !stack)
        abort();
    size_t top = 0;
    stack[top++] = 0;
    seen[0] = 1;
    while (top) {
        uint32_t p = stack[--top];
        const html_node *n = &t->nodes[p];
        if (n->first && n->type != HTML_NODE_ELEMENT && n->type != HTML_NODE_DOCUMENT &&
            n->type != HTML_NODE_TEMPLATE_CONTENT)
            abort();
        if ((n->type == HTML_NODE_TEXT || n->type == HTML_NODE_COMMENT) && n->text.n &&
            utf8_check((const unsigned char *)n->text.p, n->text.n).invalid)
            abort();
        uint32_t prev = HTML_NONE;
        for (uint32_t c = n->first; c != HTML_NONE; c = t->nodes[c].next) {
            if (c >= t->n || seen[c] || t->nodes[c].parent != p || t->nodes[c].prev != prev)
                abort(); /* a cycle, a node twice, or links that disagree */
            seen[c] = 1;
            stack[top++] = c;
            prev = c;
        }
        if (n->last != prev)
            abort();
    }
    free(seen);
    free(stack);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const contexts[] = {"body", "td", "table", "select", "title",
                                           "textarea", "script", "svg path", "math mi",
                                           "template", "html", "frameset"};
    const char *context = NULL;
    if (size >= 2 && (data[0] & 1)) {
        context = contexts[data[1] % (sizeof contexts / sizeof *contexts)];
        data += 2, size -= 2;
    } else if (size) {
        data++, size--;
    }
    char *in = malloc(size ? size : 1);
    if (!in)
        return 0;
    memcpy(in, data, size);
    arena a;
    arena_init(&a);
    html_tree tree;
    if (html5_parse(&tree, &a, in, size, context, false, NULL) == HTML5_OK) {
        check_tree(&tree);
    }
    html5_tree_free(&tree);
    arena_free(&a);
    free(in);
    return 0;
}
