/* report.c - a check report as text (the derived text with flagged spans
 * marked, and under each flag what the source says) or JSON. */
#include <string.h>

#include "../util/error.h"
#include "../util/jsonapi.h"
#include "check.h"

static const char *const kind_names[] = {"person", "organisation", "place", "date",
                                         "number", "duration", "quote", "agreement",
                                         "polarity", "modality", "claim"};
static const char *const verdict_names[] = {"supported", "unsupported", "contradicted"};

/* The one table of kind names: the reports and the rewrite gate share it,
 * so a new kind cannot be missing from one of them. */
const char *fact_kind_name(gisa_fact_kind kind)
{
    size_t k = (size_t)kind;
    return k < sizeof kind_names / sizeof *kind_names ? kind_names[k] : "fact";
}

static int flagged(const gisa_fact *f)
{
    return f->verdict != GISA_SUPPORTED;
}

/* The sentence with each flagged span in [[ ]]; overlapping spans merge
 * into one (a claim over a clause that holds a flagged name). Facts come
 * sorted by their start. */
static void marked_sentence(buf *b, const gisa_check_report *r, size_t i)
{
    const char *s = r->sentences[i];
    size_t len = strlen(s), at = 0, open = 0, close = 0;
    int have = 0;
    for (size_t k = 0; k <= r->nfacts; k++) {
        const gisa_fact *f = k < r->nfacts ? &r->facts[k] : NULL;
        if (f && (f->sentence != i || !flagged(f) || f->span.end <= f->span.start ||
                  f->span.end > len || f->span.start < at))
            continue;
        if (f && have && f->span.start < close) {
            if (f->span.end > close)
                close = f->span.end;
            continue;
        }
        if (have) {
            buf_append(b, s + at, open - at);
            buf_puts(b, "[[");
            buf_append(b, s + open, close - open);
            buf_puts(b, "]]");
            at = close;
        }
        if (f) {
            open = f->span.start;
            close = f->span.end;
            have = 1;
        }
    }
    buf_puts(b, s + at);
}

/* One fact under its sentence: verdict, kind, words, what the source says. */
static void fact_lines(buf *b, const gisa_fact *f)
{
    buf_printf(b, "     %s %s \"%s\"", verdict_names[f->verdict], kind_names[f->kind], f->text);
    if (f->source_text && f->verdict != GISA_SUPPORTED)
        buf_printf(b, ": the source says \"%s\"", f->source_text);
    if (f->note)
        buf_printf(b, " (%s)", f->note);
    buf_putc(b, '\n');
    if (f->source_sentence)
        buf_printf(b, "       source: %s\n", f->source_sentence);
    else if (f->nearest)
        buf_printf(b, "       nearest: %s\n", f->nearest);
}

static void render_text(const gisa_check_report *r, int explain, buf *b)
{
    for (size_t i = 0; i < r->nsentences; i++) {
        int bad = 0;
        for (size_t k = 0; k < r->nfacts; k++)
            bad |= r->facts[k].sentence == i && flagged(&r->facts[k]);
        buf_printf(b, "%s ", bad ? "FLAG" : "  ok");
        marked_sentence(b, r, i);
        buf_putc(b, '\n');
        for (size_t k = 0; k < r->nfacts; k++) {
            const gisa_fact *f = &r->facts[k];
            if (f->sentence == i && (flagged(f) || explain))
                fact_lines(b, f);
        }
    }
    buf_printf(b, "%zu facts: %zu supported, %zu unsupported, %zu contradicted\n",
               r->nfacts, r->supported, r->unsupported, r->contradicted);
}

static json_object *span_json(size_t a, size_t b)
{
    json_object *o = json_object_new_array();
    json_object_array_add(o, json_object_new_int64((int64_t)a));
    json_object_array_add(o, json_object_new_int64((int64_t)b));
    return o;
}

static void put(json_object *o, const char *k, const char *v)
{
    json_object_object_add(o, k, v ? json_object_new_string(v) : NULL);
}

static json_object *fact_json(const gisa_fact *f)
{
    json_object *o = json_object_new_object();
    put(o, "kind", kind_names[f->kind]);
    put(o, "text", f->text);
    put(o, "verdict", verdict_names[f->verdict]);
    json_object_object_add(o, "sentence", json_object_new_int64((int64_t)f->sentence));
    json_object_object_add(o, "span", span_json(f->span.start, f->span.end));
    if (f->source_text || f->source_sentence) {
        json_object *src = json_object_new_object();
        json_object_object_add(src, "index", json_object_new_int64((int64_t)f->source));
        put(src, "text", f->source_text);
        put(src, "sentence", f->source_sentence);
        const char *at = f->source_sentence && f->source_text
                             ? strstr(f->source_sentence, f->source_text) : NULL;
        if (at) {
            size_t start = (size_t)(at - f->source_sentence);
            json_object_object_add(src, "span",
                                   span_json(start, start + strlen(f->source_text)));
        }
        json_object_object_add(o, "source", src);
    }
    if (f->note)
        put(o, "note", f->note);
    if (f->nearest)
        put(o, "nearest", f->nearest);
    return o;
}

static void render_json(const gisa_check_report *r, buf *b)
{
    json_object *o = json_object_new_object();
    json_object *sum = json_object_new_object();
    json_object_object_add(sum, "facts", json_object_new_int64((int64_t)r->nfacts));
    json_object_object_add(sum, "supported", json_object_new_int64((int64_t)r->supported));
    json_object_object_add(sum, "unsupported", json_object_new_int64((int64_t)r->unsupported));
    json_object_object_add(sum, "contradicted", json_object_new_int64((int64_t)r->contradicted));
    json_object_object_add(o, "summary", sum);
    json_object *sents = json_object_new_array();
    for (size_t i = 0; i < r->nsentences; i++) {
        int bad = 0;
        for (size_t k = 0; k < r->nfacts; k++)
            bad |= r->facts[k].sentence == i && flagged(&r->facts[k]);
        json_object *s = json_object_new_object();
        put(s, "text", r->sentences[i]);
        put(s, "verdict", bad ? "flagged" : "ok");
        json_object_array_add(sents, s);
    }
    json_object_object_add(o, "sentences", sents);
    json_object *facts = json_object_new_array();
    for (size_t k = 0; k < r->nfacts; k++)
        json_object_array_add(facts, fact_json(&r->facts[k]));
    json_object_object_add(o, "facts", facts);
    buf_puts(b, json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY |
                                                      JSON_C_TO_STRING_SPACED |
                                                      JSON_C_TO_STRING_NOSLASHESCAPE));
    buf_putc(b, '\n');
    json_object_put(o);
}

gisa_status gisa_check_render(const gisa_check_report *r, gisa_format format, char **out,
                              size_t *len, gisa_error *err)
{
    return gisa_check_render_explained(r, format, 0, out, len, err);
}

gisa_status gisa_check_render_explained(const gisa_check_report *r, gisa_format format,
                                        int explain, char **out, size_t *len, gisa_error *err)
{
    buf b = BUF_INIT;
    if (format == GISA_FORMAT_JSON)
        render_json(r, &b);
    else if (format == GISA_FORMAT_TEXT)
        render_text(r, explain, &b);
    else
        return gisa_fail(err, GISA_ERR_USAGE, "a check report is text or json");
    *out = buf_detach(&b, len);
    return *out ? GISA_OK : gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
}
