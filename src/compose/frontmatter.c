/* frontmatter.c - YAML front matter through libyaml's emitter.
 *
 * The emitter decides quoting, so titles holding ":", "#", "---", quotes,
 * newlines or a leading "*" come out as valid YAML that reads back as the
 * same string. Output is wrapped in the "---" lines sites expect. */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "compose.h"

struct front_matter {
    yaml_emitter_t em;
    buf *out;
    int ok;
};

static int yaml_out(void *data, unsigned char *s, size_t n)
{
    buf_append((buf *)data, (const char *)s, n);
    return !((buf *)data)->oom;
}

static void emit(front_matter *f, yaml_event_t *ev, int initialized)
{
    if (!initialized)
        f->ok = 0;
    else if (f->ok && !yaml_emitter_emit(&f->em, ev))
        f->ok = 0;
}

static void scalar(front_matter *f, const char *s)
{
    yaml_event_t ev;
    int init = yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
                                            (int)strlen(s), 1, 1, YAML_ANY_SCALAR_STYLE);
    emit(f, &ev, init);
}

front_matter *fm_begin(buf *out)
{
    front_matter *f = calloc(1, sizeof *f);
    if (!f || !yaml_emitter_initialize(&f->em)) {
        free(f);
        return NULL;
    }
    f->out = out;
    f->ok = 1;
    buf_puts(out, "---\n");
    yaml_emitter_set_output(&f->em, yaml_out, out);
    yaml_emitter_set_unicode(&f->em, 1);
    yaml_emitter_set_width(&f->em, -1);
    yaml_event_t ev;
    emit(f, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
    emit(f, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
    emit(f, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
                                                     YAML_BLOCK_MAPPING_STYLE));
    return f;
}

void fm_field(front_matter *f, const char *key, const char *value)
{
    if (!value || !*value)
        return;
    scalar(f, key);
    scalar(f, value);
}

void fm_bool(front_matter *f, const char *key, int value)
{
    yaml_event_t ev;
    scalar(f, key);
    const char *v = value ? "true" : "false";
    emit(f, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)v,
                                              (int)strlen(v), 1, 0, YAML_PLAIN_SCALAR_STYLE));
}

void fm_list(front_matter *f, const char *key, const char *const *items, size_t n)
{
    if (!n)
        return;
    yaml_event_t ev;
    scalar(f, key);
    emit(f, &ev, yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
                                                      YAML_BLOCK_SEQUENCE_STYLE));
    for (size_t i = 0; i < n; i++)
        scalar(f, items[i]);
    emit(f, &ev, yaml_sequence_end_event_initialize(&ev));
}

void fm_map_begin(front_matter *f, const char *key)
{
    yaml_event_t ev;
    scalar(f, key);
    emit(f, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
                                                     YAML_BLOCK_MAPPING_STYLE));
}

void fm_map_end(front_matter *f)
{
    yaml_event_t ev;
    emit(f, &ev, yaml_mapping_end_event_initialize(&ev));
}

int fm_end(front_matter *f)
{
    yaml_event_t ev;
    emit(f, &ev, yaml_mapping_end_event_initialize(&ev));
    emit(f, &ev, yaml_document_end_event_initialize(&ev, 1));
    emit(f, &ev, yaml_stream_end_event_initialize(&ev));
    int ok = f->ok && yaml_emitter_flush(&f->em);
    yaml_emitter_delete(&f->em);
    buf_puts(f->out, "---\n");
    free(f);
    return ok;
}

/* ------------------------------------------------------------ reading */

static char *node_string(yaml_node_t *n)
{
    if (!n || n->type != YAML_SCALAR_NODE)
        return NULL;
    return strndup((const char *)n->data.scalar.value, n->data.scalar.length);
}

static void take_values(yaml_document_t *doc, yaml_node_t *map, fm_values *out, int depth)
{
    if (!map || map->type != YAML_MAPPING_NODE || depth > 1)
        return;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
         p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(doc, p->key);
        yaml_node_t *v = yaml_document_get_node(doc, p->value);
        if (!k || k->type != YAML_SCALAR_NODE)
            continue;
        const char *key = (const char *)k->data.scalar.value;
        if (!strcmp(key, "source_url") && !out->source_url)
            out->source_url = node_string(v);
        else if (!strcmp(key, "source_hash") && !out->source_hash)
            out->source_hash = node_string(v);
        else if (!strcmp(key, "title") && !out->title && depth == 0)
            out->title = node_string(v);
        else if (!strcmp(key, "date") && !out->date && depth == 0)
            out->date = node_string(v);
        else if (!strcmp(key, "params"))
            take_values(doc, v, out, depth + 1);
    }
}

int fm_read(const char *text, size_t len, fm_values *out)
{
    memset(out, 0, sizeof *out);
    if (len < 4 || memcmp(text, "---\n", 4) != 0)
        return 0;
    const char *end = memmem(text + 3, len - 3, "\n---", 4);
    if (!end)
        return 0;
    yaml_parser_t parser;
    yaml_document_t doc;
    if (!yaml_parser_initialize(&parser))
        return 0;
    yaml_parser_set_input_string(&parser, (const unsigned char *)text + 4,
                                 (size_t)(end - text) - 3);
    int ok = yaml_parser_load(&parser, &doc);
    if (ok) {
        take_values(&doc, yaml_document_get_root_node(&doc), out, 0);
        yaml_document_delete(&doc);
    }
    yaml_parser_delete(&parser);
    return ok;
}

void fm_values_clear(fm_values *v)
{
    free(v->source_url);
    free(v->source_hash);
    free(v->title);
    free(v->date);
    memset(v, 0, sizeof *v);
}
