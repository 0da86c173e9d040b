/* reqjson.c - the JSON bodies of the desk's POST requests, read with
 * json-c: one object, known keys typed, unknown keys ignored. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

static int fail(char *why, size_t cap, const char *msg)
{
    snprintf(why, cap, "%s", msg);
    return 0;
}

/* A string member `key` copied into *out (NULL when absent); 0 when it
 * is there but not a string. */
static int take_string(json_object *o, const char *key, char **out)
{
    json_object *v;
    *out = NULL;
    if (!json_object_object_get_ex(o, key, &v) || json_object_is_type(v, json_type_null))
        return 1;
    if (!json_object_is_type(v, json_type_string))
        return 0;
    const char *s = json_object_get_string(v);
    size_t n = (size_t)json_object_get_string_len(v);
    if (memchr(s, '\0', n))
        return 0; /* "\u0000": no text of ours holds one */
    *out = strndup(s, n);
    return *out != NULL;
}

/* The post options by name; 0 when a name is unknown. */
static int take_options(json_object *o, req_post *r, char *why, size_t cap)
{
    static const struct { const char *key, *name; int value; } names[] = {
        {"format", "jekyll", GISA_POST_JEKYLL}, {"format", "hugo", GISA_POST_HUGO},
        {"style", "plain", GISA_STYLE_PLAIN},   {"style", "tistory", GISA_STYLE_TISTORY},
        {"mode", "full", GISA_MODE_FULL},       {"mode", "summary", GISA_MODE_SUMMARY},
    };
    static const char *const keys[] = {"format", "style", "mode"};
    for (size_t k = 0; k < 3; k++) {
        json_object *v;
        if (!json_object_object_get_ex(o, keys[k], &v))
            continue;
        const char *s = json_object_is_type(v, json_type_string) ? json_object_get_string(v) : "";
        size_t i = 0;
        while (i < sizeof names / sizeof *names &&
               (strcmp(names[i].key, keys[k]) || strcmp(names[i].name, s)))
            i++;
        if (i == sizeof names / sizeof *names) {
            snprintf(why, cap, "unknown %s (expected %s)", keys[k],
                     k == 0 ? "jekyll or hugo" : k == 1 ? "plain or tistory" : "full or summary");
            return 0;
        }
        if (k == 0) {
            r->po.format = (gisa_post_format)names[i].value;
            r->has_format = 1;
        } else if (k == 1) {
            r->po.style = (gisa_post_style)names[i].value;
        } else {
            r->po.mode = (gisa_post_mode)names[i].value;
        }
    }
    return 1;
}

int req_parse(const char *body, size_t len, req_post *r, char *why, size_t cap)
{
    memset(r, 0, sizeof *r);
    if (len > (size_t)1 << 30)
        return fail(why, cap, "request body too large");
    json_tokener *tok = json_tokener_new_ex(32); /* nesting: a request is flat */
    if (!tok)
        return fail(why, cap, "out of memory");
    json_object *o = json_tokener_parse_ex(tok, body, (int)len);
    int complete = json_tokener_get_error(tok) == json_tokener_success &&
                   json_tokener_get_parse_end(tok) == len;
    json_tokener_free(tok);
    int ok = 0;
    if (!o || !complete) {
        fail(why, cap, "request body is not one JSON value");
    } else if (!json_object_is_type(o, json_type_object)) {
        fail(why, cap, "request body is not a JSON object");
    } else {
        json_object *v;
        ok = 1;
        if (json_object_object_get_ex(o, "id", &v)) {
            if (!json_object_is_type(v, json_type_int) || json_object_get_int64(v) <= 0)
                ok = fail(why, cap, "\"id\" is not a positive integer");
            else
                r->id = json_object_get_int64(v);
        }
        if (ok && (!take_string(o, "text", &r->text) || !take_string(o, "url", &r->url) ||
                   !take_string(o, "status", &r->status)))
            ok = fail(why, cap, "\"text\", \"url\" and \"status\" must be strings without NUL");
        if (ok)
            ok = take_options(o, r, why, cap);
    }
    json_object_put(o);
    if (!ok)
        req_clear(r);
    return ok;
}

void req_clear(req_post *r)
{
    free(r->text);
    free(r->url);
    free(r->status);
    memset(r, 0, sizeof *r);
}
