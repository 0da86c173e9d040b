/* report.c - --report FILE: every decision of the gate as JSON, so a
 * publisher can see what the model wrote, what the check found and what
 * was published instead. */
#include <stdlib.h>
#include <string.h>

#include "../util/jsonapi.h"
#include "rewrite.h"

static void put(json_object *o, const char *key, const char *value)
{
    json_object_object_add(o, key, value ? json_object_new_string(value) : NULL);
}

static json_object *flags_json(const flag *f, size_t n)
{
    json_object *a = json_object_new_array();
    for (size_t i = 0; i < n; i++) {
        json_object *o = json_object_new_object();
        put(o, "kind", f[i].kind);
        put(o, "text", f[i].text);
        put(o, "verdict", f[i].verdict);
        put(o, "source_text", f[i].source_text);
        put(o, "source_sentence", f[i].source_sentence);
        put(o, "note", f[i].note);
        json_object_array_add(a, o);
    }
    return a;
}

static const char *kind_name(decision_kind k)
{
    switch (k) {
    case DECIDE_PUBLISHED: return "published";
    case DECIDE_RETRIED: return "retried";
    case DECIDE_REPLACED: return "replaced";
    case DECIDE_DROPPED: return "dropped";
    case DECIDE_KEPT: return "kept-source";
    }
    return "published";
}

char *report_json(const char *page, const char *model, gisa_voice voice,
                  const gisa_rewrite_stats *st, const decision *d, size_t n)
{
    json_object *root = json_object_new_object();
    put(root, "source", page);
    put(root, "model", model);
    put(root, "voice", gisa_voice_name(voice));
    json_object_object_add(root, "sections", json_object_new_int64((int64_t)st->sections));
    json_object_object_add(root, "sections_kept", json_object_new_int64((int64_t)st->failed));
    json_object_object_add(root, "rewritten", json_object_new_int64((int64_t)st->rewritten));
    json_object_object_add(root, "retried", json_object_new_int64((int64_t)st->retried));
    json_object_object_add(root, "replaced", json_object_new_int64((int64_t)st->replaced));
    json_object *list = json_object_new_array();
    for (size_t i = 0; i < n; i++) {
        json_object *o = json_object_new_object();
        if (d[i].part)
            put(o, "part", d[i].part);
        else
            json_object_object_add(o, "section",
                                   json_object_new_int64((int64_t)d[i].section + 1));
        put(o, "decision", kind_name(d[i].kind));
        put(o, "sentence", d[i].sentence);
        if (d[i].kind == DECIDE_KEPT) {
            put(o, "reason", d[i].note);
        } else {
            put(o, "verdict", d[i].nflags ? "flagged" : "supported");
            json_object_object_add(o, "facts", flags_json(d[i].flags, d[i].nflags));
        }
        if (d[i].kind == DECIDE_RETRIED || d[i].kind == DECIDE_REPLACED ||
            d[i].kind == DECIDE_DROPPED) {
            put(o, "retry", d[i].retry);
            json_object_object_add(o, "retry_facts",
                                   flags_json(d[i].retry_flags, d[i].nretry_flags));
        }
        if (d[i].kind == DECIDE_REPLACED)
            put(o, "source_sentence", d[i].source_sentence);
        json_object_array_add(list, o);
    }
    json_object_object_add(root, "decisions", list);
    const char *s = json_object_to_json_string_ext(
        root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);
    size_t len = strlen(s);
    char *copy = malloc(len + 2);
    if (copy) {
        memcpy(copy, s, len);
        copy[len] = '\n';
        copy[len + 1] = '\0';
    }
    json_object_put(root);
    return copy;
}
