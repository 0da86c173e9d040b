/* jsonapi.h - the json-c functions gisa calls (JSON output, JSON-LD in
 * pages, reports, the corpus's .jsonl, the model's replies, the review
 * desk), loaded on first use (util/lazylib.h): loaded before main, json-c
 * was one more library that each of poppler's symbol lookups, made when a
 * PDF read opens it, passed through first.
 *
 * As with libxml2 (xmlapi.h), the call sites keep json-c's names: after
 * this header (included instead of json-c's) each name below is a macro
 * calling through a table. libgisa's table is loaded by gisa_extract,
 * which fails naming json-c when it is missing: every JSON gisa writes or
 * reads is about a document it made. The review desk, which sees only
 * libgisa's public API, has its own table (serve/serve.h sets
 * JSON_API_TABLE before including this header; desk_json_get is called
 * when the desk starts). */
#ifndef GISA_JSONAPI_H
#define GISA_JSONAPI_H

#include <json-c/json.h>

#include "lazylib.h"

#define JSON_FUNCS(X)                                                               \
    X(struct json_object *, json_object_new_object, (void))                         \
    X(struct json_object *, json_object_new_array, (void))                          \
    X(struct json_object *, json_object_new_string, (const char *))                 \
    X(struct json_object *, json_object_new_string_len,                             \
      (const char *, const int))                                                    \
    X(struct json_object *, json_object_new_int, (int32_t))                         \
    X(struct json_object *, json_object_new_int64, (int64_t))                       \
    X(struct json_object *, json_object_new_double, (double))                       \
    X(struct json_object *, json_object_new_double_s, (double, const char *))       \
    X(struct json_object *, json_object_new_boolean, (json_bool))                   \
    X(int, json_object_object_add,                                                  \
      (struct json_object *, const char *, struct json_object *))                   \
    X(json_bool, json_object_object_get_ex,                                         \
      (const struct json_object *, const char *, struct json_object **))            \
    X(int, json_object_array_add, (struct json_object *, struct json_object *))     \
    X(size_t, json_object_array_length, (const struct json_object *))               \
    X(struct json_object *, json_object_array_get_idx,                              \
      (const struct json_object *, size_t))                                         \
    X(int, json_object_is_type, (const struct json_object *, enum json_type))       \
    X(const char *, json_object_get_string, (struct json_object *))                 \
    X(int, json_object_get_string_len, (const struct json_object *))                \
    X(int64_t, json_object_get_int64, (const struct json_object *))                 \
    X(struct json_object *, json_object_get, (struct json_object *))                \
    X(int, json_object_put, (struct json_object *))                                 \
    X(const char *, json_object_to_json_string_ext, (struct json_object *, int))    \
    X(const char *, json_object_to_json_string_length,                              \
      (struct json_object *, int, size_t *))                                        \
    X(struct json_tokener *, json_tokener_new, (void))                              \
    X(struct json_tokener *, json_tokener_new_ex, (int))                            \
    X(void, json_tokener_free, (struct json_tokener *))                             \
    X(struct json_object *, json_tokener_parse, (const char *))                     \
    X(struct json_object *, json_tokener_parse_ex,                                  \
      (struct json_tokener *, const char *, int))                                   \
    X(enum json_tokener_error, json_tokener_get_error, (struct json_tokener *))     \
    X(size_t, json_tokener_get_parse_end, (struct json_tokener *))                  \
    X(const char *, json_tokener_error_desc, (enum json_tokener_error))

typedef struct json_api {
    LAZYLIB_FIELDS(JSON_FUNCS)
} json_api;

/* json_api_get: libgisa's table, or NULL with *why naming the missing
 * library; json_api_loaded: the table, after a successful json_api_get. */
LAZYLIB_DECLARE(json_api, json_api)

#ifndef JSON_API_TABLE
#define JSON_API_TABLE json_api_loaded()
#endif

#ifndef JSONAPI_NO_REDIRECT /* (jsonapi.c checks the list against the real names) */
#define json_object_new_object(...) (JSON_API_TABLE->json_object_new_object)(__VA_ARGS__)
#define json_object_new_array(...) (JSON_API_TABLE->json_object_new_array)(__VA_ARGS__)
#define json_object_new_string(...) (JSON_API_TABLE->json_object_new_string)(__VA_ARGS__)
#define json_object_new_string_len(...)                                             \
    (JSON_API_TABLE->json_object_new_string_len)(__VA_ARGS__)
#define json_object_new_int(...) (JSON_API_TABLE->json_object_new_int)(__VA_ARGS__)
#define json_object_new_int64(...) (JSON_API_TABLE->json_object_new_int64)(__VA_ARGS__)
#define json_object_new_double(...) (JSON_API_TABLE->json_object_new_double)(__VA_ARGS__)
#define json_object_new_double_s(...)                                               \
    (JSON_API_TABLE->json_object_new_double_s)(__VA_ARGS__)
#define json_object_new_boolean(...) (JSON_API_TABLE->json_object_new_boolean)(__VA_ARGS__)
#define json_object_object_add(...) (JSON_API_TABLE->json_object_object_add)(__VA_ARGS__)
#define json_object_object_get_ex(...)                                              \
    (JSON_API_TABLE->json_object_object_get_ex)(__VA_ARGS__)
#define json_object_array_add(...) (JSON_API_TABLE->json_object_array_add)(__VA_ARGS__)
#define json_object_array_length(...)                                               \
    (JSON_API_TABLE->json_object_array_length)(__VA_ARGS__)
#define json_object_array_get_idx(...)                                              \
    (JSON_API_TABLE->json_object_array_get_idx)(__VA_ARGS__)
#define json_object_is_type(...) (JSON_API_TABLE->json_object_is_type)(__VA_ARGS__)
#define json_object_get_string(...) (JSON_API_TABLE->json_object_get_string)(__VA_ARGS__)
#define json_object_get_string_len(...)                                             \
    (JSON_API_TABLE->json_object_get_string_len)(__VA_ARGS__)
#define json_object_get_int64(...) (JSON_API_TABLE->json_object_get_int64)(__VA_ARGS__)
#define json_object_get(...) (JSON_API_TABLE->json_object_get)(__VA_ARGS__)
#define json_object_put(...) (JSON_API_TABLE->json_object_put)(__VA_ARGS__)
#define json_object_to_json_string_ext(...)                                         \
    (JSON_API_TABLE->json_object_to_json_string_ext)(__VA_ARGS__)
#define json_object_to_json_string_length(...)                                      \
    (JSON_API_TABLE->json_object_to_json_string_length)(__VA_ARGS__)
#define json_tokener_new(...) (JSON_API_TABLE->json_tokener_new)(__VA_ARGS__)
#define json_tokener_new_ex(...) (JSON_API_TABLE->json_tokener_new_ex)(__VA_ARGS__)
#define json_tokener_free(...) (JSON_API_TABLE->json_tokener_free)(__VA_ARGS__)
#define json_tokener_parse(...) (JSON_API_TABLE->json_tokener_parse)(__VA_ARGS__)
#define json_tokener_parse_ex(...) (JSON_API_TABLE->json_tokener_parse_ex)(__VA_ARGS__)
#define json_tokener_get_error(...) (JSON_API_TABLE->json_tokener_get_error)(__VA_ARGS__)
#define json_tokener_get_parse_end(...)                                             \
    (JSON_API_TABLE->json_tokener_get_parse_end)(__VA_ARGS__)
#define json_tokener_error_desc(...) (JSON_API_TABLE->json_tokener_error_desc)(__VA_ARGS__)
#endif

#endif
