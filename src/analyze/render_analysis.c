/* render_analysis.c - an analysis as JSON (documented in docs/analyze.md)
 * or as plain text for reading. */
#include <stdio.h>
#include <string.h>

#include "gisa.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/jsonapi.h"

static const char *const entity_kinds[] = {"person", "org", "place", "date", "number"};

static void put_str(json_object *o, const char *key, const char *v)
{
    json_object_object_add(o, key, v ? json_object_new_string(v) : NULL);
}

/* Scores are written with 4 decimals so the output is short and stable. */
static json_object *score(double v)
{
    char s[64];
    snprintf(s, sizeof s, "%.4f", v);
    return json_object_new_double_s(v, s);
}

static json_object *json_sentences(const gisa_analysis *a)
{
    json_object *arr = json_object_new_array();
    for (size_t i = 0; i < a->nsentences; i++) {
        const gisa_sentence *s = &a->sentences[i];
        json_object *o = json_object_new_object();
        put_str(o, "text", s->text);
        json_object_object_add(o, "paragraph", json_object_new_int64((int64_t)s->paragraph));
        json_object_object_add(o, "score", score(s->score));
        json_object_object_add(o, "rank", json_object_new_int64((int64_t)s->rank));
        json_object_array_add(arr, o);
    }
    return arr;
}

static json_object *json_keywords(const gisa_analysis *a)
{
    json_object *arr = json_object_new_array();
    for (size_t i = 0; i < a->nkeywords; i++) {
        json_object *o = json_object_new_object();
        put_str(o, "text", a->keywords[i].text);
        json_object_object_add(o, "score", score(a->keywords[i].score));
        json_object_object_add(o, "count", json_object_new_int64((int64_t)a->keywords[i].count));
        json_object_array_add(arr, o);
    }
    return arr;
}

static json_object *json_entities(const gisa_analysis *a)
{
    json_object *arr = json_object_new_array();
    for (size_t i = 0; i < a->nentities; i++) {
        const gisa_entity *e = &a->entities[i];
        json_object *o = json_object_new_object();
        put_str(o, "kind", entity_kinds[e->kind]);
        put_str(o, "text", e->text);
        if (e->value)
            put_str(o, "value", e->value);
        if (e->title)
            put_str(o, "title", e->title);
        if (e->country)
            put_str(o, "country", e->country);
        if (e->unit)
            put_str(o, "unit", e->unit);
        json_object_object_add(o, "sentence", json_object_new_int64((int64_t)e->sentence));
        json_object_object_add(o, "count", json_object_new_int64((int64_t)e->count));
        json_object_array_add(arr, o);
    }
    return arr;
}

static json_object *json_agreements(const gisa_analysis *a)
{
    json_object *arr = json_object_new_array();
    for (size_t i = 0; i < a->nagreements; i++) {
        const gisa_agreement *g = &a->agreements[i];
        json_object *o = json_object_new_object();
        put_str(o, "kind", g->kind);
        put_str(o, "who", g->who);
        put_str(o, "what", g->what);
        put_str(o, "verb", g->verb);
        json_object_object_add(o, "sentence", json_object_new_int64((int64_t)g->sentence));
        json_object_array_add(arr, o);
    }
    return arr;
}

static int render_json(const gisa_analysis *a, buf *b)
{
    json_object *o = json_object_new_object();
    if (!o)
        return 0;
    put_str(o, "title", a->title);
    put_str(o, "date", a->date);
    put_str(o, "lang", a->lang);
    json_object *summary = json_object_new_array();
    for (size_t i = 0; i < a->nsentences; i++)
        if (a->sentences[i].rank < 3)
            json_object_array_add(summary, json_object_new_int64((int64_t)i));
    json_object_object_add(o, "summary", summary);
    json_object_object_add(o, "keywords", json_keywords(a));
    json_object_object_add(o, "entities", json_entities(a));
    json_object_object_add(o, "agreements", json_agreements(a));
    json_object_object_add(o, "sentences", json_sentences(a));
    const char *s = json_object_to_json_string_ext(
        o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);
    buf_puts(b, s);
    buf_putc(b, '\n');
    json_object_put(o);
    return 1;
}

static void render_text(const gisa_analysis *a, buf *b)
{
    if (a->title)
        buf_printf(b, "title: %s\n", a->title);
    if (a->date)
        buf_printf(b, "date: %s\n", a->date);
    buf_printf(b, "lang: %s\nsentences: %zu\n\nsummary:\n", a->lang ? a->lang : "",
               a->nsentences);
    for (size_t i = 0; i < a->nsentences; i++)
        if (a->sentences[i].rank < 3)
            buf_printf(b, "  - %s\n", a->sentences[i].text);
    buf_puts(b, "\nkeywords:");
    for (size_t i = 0; i < a->nkeywords; i++)
        buf_printf(b, "%s %s", i ? "," : "", a->keywords[i].text);
    buf_puts(b, "\n\nentities:\n");
    for (size_t i = 0; i < a->nentities; i++) {
        const gisa_entity *e = &a->entities[i];
        buf_printf(b, "  %-6s %s", entity_kinds[e->kind], e->text);
        if (e->value && strcmp(e->value, e->text))
            buf_printf(b, " = %s", e->value);
        if (e->title)
            buf_printf(b, " | title: %s", e->title);
        if (e->country)
            buf_printf(b, " | country: %s", e->country);
        if (e->unit)
            buf_printf(b, " | unit: %s", e->unit);
        buf_putc(b, '\n');
    }
    buf_puts(b, "\nagreements:\n");
    for (size_t i = 0; i < a->nagreements; i++) {
        const gisa_agreement *g = &a->agreements[i];
        buf_printf(b, "  %-10s who: %s | what: %s | verb: %s\n", g->kind,
                   g->who ? g->who : "-", g->what ? g->what : "-", g->verb ? g->verb : "-");
    }
}

gisa_status gisa_analysis_render(const gisa_analysis *a, gisa_format format, char **out,
                                 size_t *len, gisa_error *err)
{
    *out = NULL;
    buf b = BUF_INIT;
    if (format == GISA_FORMAT_JSON) {
        if (!render_json(a, &b))
            b.oom = 1;
    } else if (format == GISA_FORMAT_TEXT) {
        render_text(a, &b);
    } else {
        return gisa_fail(err, GISA_ERR_USAGE, "analysis: unsupported output format");
    }
    size_t n = 0;
    *out = buf_detach(&b, &n);
    if (!*out)
        return gisa_fail(err, GISA_ERR_NOMEM, "out of memory while rendering the analysis");
    if (len)
        *len = n;
    return GISA_OK;
}
