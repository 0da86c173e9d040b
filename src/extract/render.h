/* render.h - block renderers other stages reuse. */
#ifndef GISA_RENDER_H
#define GISA_RENDER_H

#include "../util/buf.h"
#include "../util/jsonapi.h"
#include "gisa.h"

/* The document as `gisa extract --format json` prints it, as a json-c
 * object the caller may add to (ingest's JSON Lines); NULL when out of
 * memory. Release with json_object_put(). */
json_object *render_json_object(const gisa_document *d);

/* Append text with Markdown's special characters escaped. */
void render_markdown_text(buf *b, const char *text);
/* Append a URL for a Markdown link or autolink: spaces, parentheses,
 * angle brackets and braces percent-encoded. */
void render_markdown_url(buf *b, const char *url);
/* Does s hold a Liquid or Hugo template delimiter ("{{", "{%")? */
int has_template_syntax(const char *s);
/* Append one block as Markdown, ending in a newline. */
void render_markdown_block(buf *b, const gisa_block *bl);

#endif
