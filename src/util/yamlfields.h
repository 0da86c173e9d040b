/* yamlfields.h - the string fields of a post's YAML front matter, read in
 * one pass over libyaml's events.
 *
 * Only what a post's readers need: the scalar values of the top-level
 * mapping and of its "params" mapping (where Hugo keeps a site's own
 * keys). Nothing is built as a tree, and aliases are refused: an alias
 * only repeats a value, and a few kilobytes of aliases to aliases
 * ("billion laughs") would otherwise cost a reader time and memory out of
 * all proportion to the text. */
#ifndef GISA_YAMLFIELDS_H
#define GISA_YAMLFIELDS_H

#include <stddef.h>

/* Called for each string field; key and value are NUL-terminated and only
 * valid during the call. `nested` is 1 under "params". */
typedef void (*yaml_field_fn)(void *ctx, const char *key, const char *value, int nested);

typedef struct yaml_fields_problem {
    char what[160]; /* "uses YAML aliases (*x)", libyaml's problem, ... */
    size_t line;    /* 1-based line of the front matter */
    int refused;    /* valid YAML that gisa will not read (an alias) */
    int unavailable; /* libyaml cannot be loaded: `what` says so */
} yaml_fields_problem;

/* Read len bytes of YAML. Returns 1, or 0 with *problem filled when the
 * text is not YAML, holds an alias, or is not a single mapping. */
int yaml_fields_read(const char *text, size_t len, yaml_field_fn fn, void *ctx,
                     yaml_fields_problem *problem);

#endif
