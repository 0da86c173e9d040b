/* yamlfields.c - front-matter fields from libyaml's event stream.
 *
 * A small state machine: inside the top-level mapping (and inside its
 * "params" mapping) events alternate key, value. A scalar value after a
 * scalar key is a field; any other value (a list, a mapping that is not
 * params, a deeper one) is skipped by counting its nesting. */
#include <stdio.h>
#include <string.h>

#include "yamlapi.h"
#include "yamlfields.h"

typedef struct walker {
    yaml_field_fn fn;
    void *ctx;
    int depth;      /* mappings and sequences open */
    int params;     /* depth of the params mapping, or 0 */
    int skip_from;  /* depth at which a skipped value opened, or 0 */
    int want_key;   /* at depth 1 or in params: the next scalar is a key */
    char key[128];  /* the pending key ("" when it was not a scalar we read) */
    int params_key; /* the pending key is "params" */
} walker;

static int fail(yaml_fields_problem *p, size_t line, const char *what)
{
    snprintf(p->what, sizeof p->what, "%s", what);
    p->line = line + 1;
    p->refused = 0;
    p->unavailable = 0;
    return 0;
}

/* In a mapping whose fields we read? */
static int reading(const walker *w)
{
    return !w->skip_from && (w->depth == 1 || (w->params && w->depth == w->params));
}

static void on_scalar(walker *w, const yaml_event_t *ev)
{
    if (!reading(w))
        return;
    const char *v = (const char *)ev->data.scalar.value;
    if (w->want_key) {
        size_t n = ev->data.scalar.length;
        if (n >= sizeof w->key)
            n = 0; /* no key we read is that long */
        memcpy(w->key, v, n);
        w->key[n] = '\0';
        w->params_key = w->depth == 1 && strcmp(w->key, "params") == 0;
        w->want_key = 0;
        return;
    }
    if (w->key[0])
        w->fn(w->ctx, w->key, v, w->depth > 1);
    w->want_key = 1;
}

/* A mapping or sequence opens: params is entered, anything else skipped
 * (a complex key is skipped with its value). */
static void on_open(walker *w, int mapping)
{
    int was_reading = reading(w), value = !w->want_key;
    w->depth++;
    if (w->depth == 1) {
        if (mapping)
            w->want_key = 1;
        else
            w->skip_from = 1; /* a list is not a post's front matter */
        return;
    }
    if (!was_reading)
        return;
    if (mapping && value && w->params_key && !w->params) {
        w->params = w->depth;
        w->want_key = 1;
        return;
    }
    if (!value)
        w->key[0] = '\0'; /* a complex key: its value is not read either */
    w->skip_from = w->depth;
}

static void on_close(walker *w)
{
    int closed_params = w->params && w->params == w->depth;
    if (w->skip_from == w->depth)
        w->skip_from = 0;
    if (closed_params)
        w->params = 0;
    w->depth--;
    /* a skipped collection left want_key as it found it: a value is
     * followed by a key, a complex key by its value */
    if (closed_params)
        w->want_key = 1;
    else if (reading(w))
        w->want_key = !w->want_key;
}

int yaml_fields_read(const char *text, size_t len, yaml_field_fn fn, void *ctx,
                     yaml_fields_problem *problem)
{
    const char *why;
    if (!yaml_api_get(&why)) {
        fail(problem, 0, why);
        problem->unavailable = 1;
        return 0;
    }
    yaml_parser_t parser;
    if (!YM(yaml_parser_initialize)(&parser))
        return fail(problem, 0, "out of memory");
    YM(yaml_parser_set_input_string)(&parser, (const unsigned char *)text, len);
    walker w = {.fn = fn, .ctx = ctx};
    int ok = 1, done = 0;
    while (ok && !done) {
        yaml_event_t ev;
        if (!YM(yaml_parser_parse)(&parser, &ev)) {
            ok = fail(problem, parser.problem_mark.line,
                      parser.problem ? parser.problem : "parse error");
            break;
        }
        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
        case YAML_DOCUMENT_END_EVENT: done = 1; break; /* the first document only */
        case YAML_ALIAS_EVENT:
            ok = fail(problem, ev.start_mark.line, "uses a YAML alias, which gisa does not read");
            problem->refused = 1;
            break;
        case YAML_SCALAR_EVENT: on_scalar(&w, &ev); break;
        case YAML_SEQUENCE_START_EVENT: on_open(&w, 0); break;
        case YAML_MAPPING_START_EVENT: on_open(&w, 1); break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: on_close(&w); break;
        default: break;
        }
        YM(yaml_event_delete)(&ev);
    }
    YM(yaml_parser_delete)(&parser);
    return ok;
}
