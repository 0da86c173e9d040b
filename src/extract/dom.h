/* dom.h - the tree the extractor reads.
 *
 * Every rule of the extract stage (measuring, choosing the article,
 * emitting blocks, metadata) walks this tree and nothing else, so the
 * rules do not depend on the node API of the parser behind them:
 * htmlparse.c builds it from the compact tree of gisa's HTML5 parser
 * (src/html/tree.h), in one pass over its node array.
 *
 * Nodes are linked by pointers, strings are NUL-terminated, and all of it
 * lives in one arena freed with the tree. Only what the extractor reads is
 * kept: elements with their names, attributes and start line, text, and a
 * placeholder for every other node (comment, DOCTYPE, a template's
 * contents) so that sibling order stays as parsed. */
#ifndef GISA_DOM_H
#define GISA_DOM_H

#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"

typedef enum dom_type {
    DOM_DOCUMENT,
    DOM_ELEMENT,
    DOM_TEXT,
    DOM_OTHER /* comment, DOCTYPE, template contents: never read */
} dom_type;

typedef struct dom_attr {
    struct dom_attr *next;
    const char *name;  /* lower case, as the tokenizer gives it */
    const char *value; /* never NULL: "" for an attribute without one */
} dom_attr;

struct node_info; /* html.h: what the measuring pass learns of an element */

typedef struct dom_node {
    struct dom_node *parent, *children, *last, *prev, *next;
    const char *name;    /* element: its name, lower case for HTML ones; else "" */
    const char *content; /* text: its characters; else "" */
    dom_attr *attrs;     /* element: in source order */
    struct node_info *info; /* set by the measuring pass */
    uint32_t line;       /* of the node's first byte, from 1 */
    uint16_t tag;        /* element: the parser's tag id (src/html/tree.h) */
    uint8_t type;        /* dom_type */
    uint8_t kind;        /* element: html.h's tag, found once by htmlparse.c */
} dom_node;

/* A parsed page: the document node and the arena everything is in. */
typedef struct dom_tree {
    dom_node *doc;
    arena mem;
} dom_tree;

/* The document's root element (<html>), or NULL. */
dom_node *dom_root(const dom_tree *t);

void dom_free(dom_tree *t);

#endif
