/* frontmatter.c - YAML front matter through libyaml's emitter.
 *
 * The emitter decides quoting, so titles holding ":", "#", "---", quotes,
 * newlines or a leading "*" come out as valid YAML that reads back as the
 * same string. Output is wrapped in the "---" lines sites expect. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../extract/render.h"
#include "../util/yamlapi.h"
#include "../util/yamlfields.h"
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
    else if (f->ok && !YM(yaml_emitter_emit)(&f->em, ev))
        f->ok = 0;
}

/* Would a YAML 1.1 or 1.2 reader (Ruby's Psych for Jekyll, Go's for
 * Hugo) take this plain scalar for something other than a string: a
 * boolean ("yes", "on", "true"), null ("~", "null"), a number ("0x1F",
 * "1_000", ".5", "1:20"), a date ("2026-03-01") or a symbol (":x")?
 * Every such form is ASCII and starts with a digit, a sign, ".", "~",
 * ":", "<" or "=", or is one of a few words; answering yes for a little
 * more than that only quotes a string that needed none. */
static int resolves_to_non_string(const char *s)
{
    static const char *const words[] = {"y",   "n",    "yes",  "no",  "true", "false", "on",
                                        "off", "null", "nan", "inf", "infinity"};
    if (!*s || strchr("0123456789+-.~:<=", *s))
        return 1;
    size_t n = strlen(s);
    if (n > 8)
        return 0;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcasecmp(s, words[i]) == 0)
            return 1;
    return 0;
}

static int ascii_only(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return 0;
    return 1;
}

static void scalar_styled(front_matter *f, const char *s, yaml_scalar_style_t style)
{
    yaml_event_t ev;
    /* the implicit flags say which styles may stand for a string without a
     * tag: plain only when asked for or left to the emitter */
    int plain_ok = style == YAML_PLAIN_SCALAR_STYLE || style == YAML_ANY_SCALAR_STYLE;
    int quoted_ok = style != YAML_PLAIN_SCALAR_STYLE;
    int init = YM(yaml_scalar_event_initialize)(&ev, NULL, NULL, (yaml_char_t *)s,
                                            (int)strlen(s), plain_ok, quoted_ok, style);
    emit(f, &ev, init);
}

/* A string: quoted whenever a reader could take it for anything else. */
static void scalar(front_matter *f, const char *s)
{
    int quote = ascii_only(s) && resolves_to_non_string(s);
    scalar_styled(f, s, quote ? YAML_SINGLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
}

front_matter *fm_begin(buf *out)
{
    front_matter *f = calloc(1, sizeof *f);
    if (!f || !YM(yaml_emitter_initialize)(&f->em)) {
        free(f);
        return NULL;
    }
    f->out = out;
    f->ok = 1;
    buf_puts(out, "---\n");
    YM(yaml_emitter_set_output)(&f->em, yaml_out, out);
    YM(yaml_emitter_set_unicode)(&f->em, 1);
    YM(yaml_emitter_set_width)(&f->em, -1);
    yaml_event_t ev;
    emit(f, &ev, YM(yaml_stream_start_event_initialize)(&ev, YAML_UTF8_ENCODING));
    emit(f, &ev, YM(yaml_document_start_event_initialize)(&ev, NULL, NULL, NULL, 1));
    emit(f, &ev, YM(yaml_mapping_start_event_initialize)(&ev, NULL, NULL, 1,
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

void fm_field_html(front_matter *f, const char *key, const char *text)
{
    buf b = BUF_INIT;
    html_escape(&b, text);
    if (b.oom)
        f->ok = 0;
    fm_field(f, key, b.ptr);
    buf_free(&b);
}

void fm_field_markdown(front_matter *f, const char *key, const char *text)
{
    buf b = BUF_INIT;
    if (text)
        render_markdown_text(&b, text);
    if (b.oom)
        f->ok = 0;
    fm_field(f, key, b.ptr);
    buf_free(&b);
}

void fm_typed(front_matter *f, const char *key, const char *value)
{
    scalar(f, key);
    scalar_styled(f, value, YAML_PLAIN_SCALAR_STYLE);
}

void fm_bool(front_matter *f, const char *key, int value)
{
    fm_typed(f, key, value ? "true" : "false");
}

void fm_list(front_matter *f, const char *key, const char *const *items, size_t n)
{
    if (!n)
        return;
    yaml_event_t ev;
    scalar(f, key);
    emit(f, &ev, YM(yaml_sequence_start_event_initialize)(&ev, NULL, NULL, 1,
                                                      YAML_BLOCK_SEQUENCE_STYLE));
    for (size_t i = 0; i < n; i++)
        scalar(f, items[i]);
    emit(f, &ev, YM(yaml_sequence_end_event_initialize)(&ev));
}

void fm_map_begin(front_matter *f, const char *key)
{
    yaml_event_t ev;
    scalar(f, key);
    emit(f, &ev, YM(yaml_mapping_start_event_initialize)(&ev, NULL, NULL, 1,
                                                     YAML_BLOCK_MAPPING_STYLE));
}

void fm_map_end(front_matter *f)
{
    yaml_event_t ev;
    emit(f, &ev, YM(yaml_mapping_end_event_initialize)(&ev));
}

int fm_end(front_matter *f)
{
    yaml_event_t ev;
    emit(f, &ev, YM(yaml_mapping_end_event_initialize)(&ev));
    emit(f, &ev, YM(yaml_document_end_event_initialize)(&ev, 1));
    emit(f, &ev, YM(yaml_stream_end_event_initialize)(&ev));
    int ok = f->ok && YM(yaml_emitter_flush)(&f->em);
    YM(yaml_emitter_delete)(&f->em);
    buf_puts(f->out, "---\n");
    free(f);
    return ok;
}

void fm_rewrite(front_matter *f, const rewrite_note *r)
{
    if (!r)
        return;
    char n[3][24];
    snprintf(n[0], sizeof n[0], "%zu", r->rewritten);
    snprintf(n[1], sizeof n[1], "%zu", r->retried);
    snprintf(n[2], sizeof n[2], "%zu", r->replaced);
    fm_map_begin(f, "rewrite");
    fm_field(f, "model", r->model);
    fm_field(f, "voice", r->voice);
    fm_typed(f, "rewritten", n[0]);
    fm_typed(f, "retried", n[1]);
    fm_typed(f, "replaced", n[2]);
    fm_map_end(f);
}

/* ------------------------------------------------------------ reading */

static void take_value(void *ctx, const char *key, const char *value, int nested)
{
    fm_values *out = ctx;
    /* Hugo keeps source_url and source_hash under params; the title and
     * date that name a post are its own, at the top level */
    if (!strcmp(key, "source_url") && !out->source_url)
        out->source_url = strdup(value);
    else if (!strcmp(key, "source_hash") && !out->source_hash)
        out->source_hash = strdup(value);
    else if (!strcmp(key, "title") && !out->title && !nested)
        out->title = strdup(value);
    else if (!strcmp(key, "date") && !out->date && !nested)
        out->date = strdup(value);
}

int fm_read(const char *text, size_t len, fm_values *out)
{
    memset(out, 0, sizeof *out);
    if (len < 4 || memcmp(text, "---\n", 4) != 0)
        return 0;
    const char *end = memmem(text + 3, len - 3, "\n---", 4);
    if (!end)
        return 0;
    yaml_fields_problem problem;
    if (!yaml_fields_read(text + 4, (size_t)(end - text) - 3, take_value, out, &problem)) {
        fm_values_clear(out); /* a file gisa cannot read is not taken for one of its posts */
        return 0;
    }
    return 1;
}

void fm_values_clear(fm_values *v)
{
    free(v->source_url);
    free(v->source_hash);
    free(v->title);
    free(v->date);
    memset(v, 0, sizeof *v);
}
