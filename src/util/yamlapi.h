/* yamlapi.h - the libyaml functions gisa calls (a post's front matter,
 * written by `gisa post` and read back by the post reader), loaded on
 * first use (util/lazylib.h): extracting a page or a document never needs
 * them. yaml_fields_read and fm_begin's caller (compose_finish) call
 * yaml_api_get and fail with its message; the calls after it go through
 * YM(name). */
#ifndef GISA_YAMLAPI_H
#define GISA_YAMLAPI_H

#include <yaml.h>

#include "lazylib.h"

#define YAML_FUNCS(X)                                                              \
    X(int, yaml_parser_initialize, (yaml_parser_t *))                              \
    X(void, yaml_parser_delete, (yaml_parser_t *))                                 \
    X(void, yaml_parser_set_input_string, (yaml_parser_t *, const unsigned char *, size_t)) \
    X(int, yaml_parser_parse, (yaml_parser_t *, yaml_event_t *))                   \
    X(void, yaml_event_delete, (yaml_event_t *))                                   \
    X(int, yaml_emitter_initialize, (yaml_emitter_t *))                            \
    X(void, yaml_emitter_delete, (yaml_emitter_t *))                               \
    X(void, yaml_emitter_set_output, (yaml_emitter_t *, yaml_write_handler_t *, void *)) \
    X(void, yaml_emitter_set_width, (yaml_emitter_t *, int))                       \
    X(void, yaml_emitter_set_unicode, (yaml_emitter_t *, int))                     \
    X(int, yaml_emitter_emit, (yaml_emitter_t *, yaml_event_t *))                  \
    X(int, yaml_emitter_flush, (yaml_emitter_t *))                                 \
    X(int, yaml_stream_start_event_initialize, (yaml_event_t *, yaml_encoding_t))  \
    X(int, yaml_stream_end_event_initialize, (yaml_event_t *))                     \
    X(int, yaml_document_start_event_initialize,                                   \
      (yaml_event_t *, yaml_version_directive_t *, yaml_tag_directive_t *,         \
       yaml_tag_directive_t *, int))                                               \
    X(int, yaml_document_end_event_initialize, (yaml_event_t *, int))              \
    X(int, yaml_scalar_event_initialize,                                           \
      (yaml_event_t *, const yaml_char_t *, const yaml_char_t *, const yaml_char_t *, \
       int, int, int, yaml_scalar_style_t))                                        \
    X(int, yaml_sequence_start_event_initialize,                                   \
      (yaml_event_t *, const yaml_char_t *, const yaml_char_t *, int, yaml_sequence_style_t)) \
    X(int, yaml_sequence_end_event_initialize, (yaml_event_t *))                   \
    X(int, yaml_mapping_start_event_initialize,                                    \
      (yaml_event_t *, const yaml_char_t *, const yaml_char_t *, int, yaml_mapping_style_t)) \
    X(int, yaml_mapping_end_event_initialize, (yaml_event_t *))

typedef struct yaml_api {
    LAZYLIB_FIELDS(YAML_FUNCS)
} yaml_api;
LAZYLIB_DECLARE(yaml_api, yaml_api)

#define YM(name) (yaml_api_loaded()->name)

#endif
