/* dom.c - the extractor's tree: what every builder shares. */
#include "dom.h"

dom_node *dom_root(const dom_tree *t)
{
    if (!t || !t->doc)
        return NULL;
    for (dom_node *c = t->doc->children; c; c = c->next)
        if (c->type == DOM_ELEMENT)
            return c;
    return NULL;
}

void dom_free(dom_tree *t)
{
    if (!t)
        return;
    arena_free(&t->mem);
    t->doc = NULL;
}
