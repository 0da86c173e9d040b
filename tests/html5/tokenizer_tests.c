/* tokenizer_tests.c - src/html/tokenizer.c against the html5lib tokenizer
 * tests (../shared/data/html5lib-tests/tokenizer/ *.test, JSON; read in
 * place, never copied).
 *
 * usage: html5_tokenizer_tests DIR [--list] [--min-percent P]
 *
 * Each test runs once per initial state it names; a run passes when the
 * tokens match the expected output (adjacent character tokens merged, as
 * the format says). The parse error codes are compared too, as a multiset,
 * and reported as a second figure. A test whose input holds a lone
 * surrogate is not applicable: gisa's input is UTF-8, which cannot carry
 * one. Exits 77 when DIR is absent, 1 when fewer than P% pass (default 99).
 */
#include <dirent.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html/tokenizer.h"
#include "util/utf8.h"

typedef struct errs {
    const char *code[256];
    size_t n;
} errs;

static void on_error(void *user, const char *code, size_t offset)
{
    (void)offset;
    errs *e = user;
    if (e->n < 256)
        e->code[e->n++] = code;
}

/* Undo the format's doubleEscaped "\uXXXX" in s; false when a lone
 * surrogate is left (not representable in UTF-8). */
static bool unescape(const char *s, char *out, size_t *n)
{
    size_t o = 0;
    bool ok = true;
    for (size_t i = 0; s[i];) {
        if (s[i] == '\\' && s[i + 1] == 'u') {
            unsigned v = (unsigned)strtoul((char[5]){s[i + 2], s[i + 3], s[i + 4], s[i + 5], 0},
                                           NULL, 16);
            i += 6;
            if (v >= 0xD800 && v <= 0xDBFF && s[i] == '\\' && s[i + 1] == 'u') {
                unsigned lo = (unsigned)strtoul(
                    (char[5]){s[i + 2], s[i + 3], s[i + 4], s[i + 5], 0}, NULL, 16);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            if (v >= 0xD800 && v <= 0xDFFF) {
                ok = false;
                v = 0xFFFD;
            }
            o += utf8_encode((int32_t)v, out + o);
        } else {
            out[o++] = s[i++];
        }
    }
    out[o] = 0;
    *n = o;
    return ok;
}

/* A copy of the expected output with doubleEscaped strings undone. */
static json_object *unescape_tree(json_object *j)
{
    switch (json_object_get_type(j)) {
    case json_type_string: {
        const char *s = json_object_get_string(j);
        char *ubuf = malloc(strlen(s) * 4 + 1);
        size_t n;
        unescape(s, ubuf, &n);
        json_object *r = json_object_new_string_len(ubuf, (int)n);
        free(ubuf);
        return r;
    }
    case json_type_array: {
        json_object *r = json_object_new_array();
        for (size_t i = 0; i < json_object_array_length(j); i++)
            json_object_array_add(r, unescape_tree(json_object_array_get_idx(j, i)));
        return r;
    }
    case json_type_object: {
        json_object *r = json_object_new_object();
        json_object_object_foreach(j, k, v)
        {
            size_t n;
            char *key = malloc(strlen(k) * 4 + 1);
            unescape(k, key, &n);
            json_object_object_add(r, key, unescape_tree(v));
            free(key);
        }
        return r;
    }
    default:
        return json_object_get(j);
    }
}

static json_object *jstr(html_str s)
{
    return json_object_new_string_len(s.p, (int)s.n);
}

/* The tokens of `in` in the test format. */
static json_object *tokenize(const char *in, size_t len, html_state state, const char *last,
                             errs *e, bool *oom)
{
    arena a;
    arena_init(&a);
    html_tokenizer t;
    json_object *out = json_object_new_array();
    if (!html_tokenizer_init(&t, &a, in, len)) {
        *oom = true;
        return out;
    }
    html_tokenizer_on_error(&t, on_error, e);
    html_tokenizer_set_state(&t, state);
    if (last)
        html_tokenizer_set_last_start_tag(&t, last, strlen(last));
    t.cdata_allowed = state == HTML_CDATA_SECTION;
    html_token k;
    json_object *prev_text = NULL;
    char *textbuf = NULL;
    size_t textlen = 0;
    while (html_next(&t, &k) != HTML_TOK_EOF) {
        json_object *tok = json_object_new_array();
        if (k.type == HTML_TOK_ERROR) {
            *oom = true;
            json_object_put(tok);
            break;
        }
        if (k.type == HTML_TOK_TEXT) {
            json_object_put(tok);
            if (!prev_text) {
                prev_text = json_object_new_array();
                json_object_array_add(prev_text, json_object_new_string("Character"));
                json_object_array_add(out, prev_text);
                textlen = 0;
            }
            textbuf = realloc(textbuf, textlen + k.data.n + 1);
            memcpy(textbuf + textlen, k.data.p, k.data.n);
            textlen += k.data.n;
            json_object_array_put_idx(prev_text, 1, json_object_new_string_len(textbuf, (int)textlen));
            continue;
        }
        prev_text = NULL;
        switch (k.type) {
        case HTML_TOK_DOCTYPE:
            json_object_array_add(tok, json_object_new_string("DOCTYPE"));
            json_object_array_add(tok, k.has_name ? jstr(k.name) : NULL);
            json_object_array_add(tok, k.has_public ? jstr(k.public_id) : NULL);
            json_object_array_add(tok, k.has_system ? jstr(k.system_id) : NULL);
            json_object_array_add(tok, json_object_new_boolean(!k.force_quirks));
            break;
        case HTML_TOK_START_TAG: {
            json_object_array_add(tok, json_object_new_string("StartTag"));
            json_object_array_add(tok, jstr(k.name));
            json_object *attrs = json_object_new_object();
            for (size_t i = 0; i < k.n_attrs; i++) {
                char *name = strndup(k.attrs[i].name.p, k.attrs[i].name.n);
                json_object_object_add(attrs, name, jstr(k.attrs[i].value));
                free(name);
            }
            json_object_array_add(tok, attrs);
            if (k.self_closing)
                json_object_array_add(tok, json_object_new_boolean(1));
            break;
        }
        case HTML_TOK_END_TAG:
            json_object_array_add(tok, json_object_new_string("EndTag"));
            json_object_array_add(tok, jstr(k.name));
            break;
        case HTML_TOK_COMMENT:
            json_object_array_add(tok, json_object_new_string("Comment"));
            json_object_array_add(tok, jstr(k.data));
            break;
        default:
            break;
        }
        json_object_array_add(out, tok);
    }
    free(textbuf);
    arena_free(&a);
    return out;
}

static html_state state_named(const char *s)
{
    static const struct {
        const char *name;
        html_state state;
    } states[] = {
        {"Data state", HTML_DATA},
        {"PLAINTEXT state", HTML_PLAINTEXT},
        {"RCDATA state", HTML_RCDATA},
        {"RAWTEXT state", HTML_RAWTEXT},
        {"Script data state", HTML_SCRIPT_DATA},
        {"CDATA section state", HTML_CDATA_SECTION},
    };
    for (size_t i = 0; i < sizeof states / sizeof *states; i++)
        if (strcmp(s, states[i].name) == 0)
            return states[i].state;
    return (html_state)-1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The expected error codes equal the ones reported, as multisets. */
static bool same_errors(json_object *expected, errs *e)
{
    size_t n = expected ? json_object_array_length(expected) : 0;
    if (n != e->n || n > 256)
        return false;
    const char *want[256];
    for (size_t i = 0; i < n; i++)
        want[i] = json_object_get_string(
            json_object_object_get(json_object_array_get_idx(expected, i), "code"));
    qsort(want, n, sizeof *want, cmp_str);
    qsort(e->code, n, sizeof *e->code, cmp_str);
    for (size_t i = 0; i < n; i++)
        if (!want[i] || strcmp(want[i], e->code[i]) != 0)
            return false;
    return true;
}

typedef struct tally {
    int runs, passed, errors_ok, not_applicable;
    bool list;
} tally;

static void run_test(const char *file, json_object *test, tally *ty)
{
    const char *desc = json_object_get_string(json_object_object_get(test, "description"));
    json_object *dbl = json_object_object_get(test, "doubleEscaped");
    bool doubled = dbl && json_object_get_boolean(dbl);
    const char *raw = json_object_get_string(json_object_object_get(test, "input"));
    size_t rawlen = (size_t)json_object_get_string_len(json_object_object_get(test, "input"));
    char *in = malloc(rawlen * 4 + 1);
    size_t len = rawlen;
    bool applicable = true;
    if (doubled)
        applicable = unescape(raw, in, &len);
    else
        memcpy(in, raw, rawlen + 1);
    json_object *want = json_object_object_get(test, "output");
    json_object *expected = doubled ? unescape_tree(want) : json_object_get(want);
    json_object *states = json_object_object_get(test, "initialStates");
    json_object *last = json_object_object_get(test, "lastStartTag");
    size_t nstates = states ? json_object_array_length(states) : 1;
    for (size_t s = 0; s < nstates; s++) {
        const char *sname =
            states ? json_object_get_string(json_object_array_get_idx(states, s)) : "Data state";
        if (!applicable) {
            ty->not_applicable++;
            if (ty->list)
                printf("N/A  %s: %s [%s]: lone surrogate\n", file, desc, sname);
            continue;
        }
        ty->runs++;
        errs e = {.n = 0};
        bool oom = false;
        json_object *got = tokenize(in, len, state_named(sname),
                                    last ? json_object_get_string(last) : NULL, &e, &oom);
        bool ok = !oom && json_object_equal(got, expected);
        bool eok = ok && same_errors(json_object_object_get(test, "errors"), &e);
        ty->passed += ok;
        ty->errors_ok += eok;
        if (ty->list && !ok)
            printf("FAIL %s: %s [%s]\n  want %s\n  got  %s\n", file, desc, sname,
                   json_object_to_json_string(expected), json_object_to_json_string(got));
        else if (ty->list && !eok)
            printf("ERRS %s: %s [%s]\n", file, desc, sname);
        json_object_put(got);
    }
    json_object_put(expected);
    free(in);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int only_tests(const struct dirent *d)
{
    size_t n = strlen(d->d_name);
    return n > 5 && strcmp(d->d_name + n - 5, ".test") == 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: html5_tokenizer_tests DIR [--list] [--min-percent P]\n");
        return 2;
    }
    tally ty = {0};
    double min_percent = 99.0;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--list") == 0)
            ty.list = true;
        else if (strcmp(argv[i], "--min-percent") == 0 && i + 1 < argc)
            min_percent = atof(argv[++i]);
    }
    struct dirent **names;
    int n = scandir(argv[1], &names, only_tests, by_name);
    if (n < 0) {
        printf("html5.tokenizer: skipped: %s not found (the html5lib tests live in "
               "../shared/data/html5lib-tests)\n", argv[1]);
        return 77;
    }
    for (int f = 0; f < n; f++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], names[f]->d_name);
        json_object *doc = json_object_from_file(path);
        json_object *tests = doc ? json_object_object_get(doc, "tests") : NULL;
        if (!tests && !json_object_object_get(doc, "xmlViolationTests")) /* XML tokenizers' */
            fprintf(stderr, "html5.tokenizer: %s: not a tokenizer test file\n", path);
        for (size_t i = 0; tests && i < json_object_array_length(tests); i++)
            run_test(names[f]->d_name, json_object_array_get_idx(tests, i), &ty);
        json_object_put(doc);
        free(names[f]);
    }
    free(names);
    double pct = ty.runs ? 100.0 * ty.passed / ty.runs : 0;
    printf("html5.tokenizer: %d of %d runs passed (%.2f%%); with the same parse errors: %d "
           "(%.2f%%); not applicable (lone surrogates): %d\n",
           ty.passed, ty.runs, pct, ty.errors_ok, ty.runs ? 100.0 * ty.errors_ok / ty.runs : 0,
           ty.not_applicable);
    if (pct < min_percent) {
        printf("html5.tokenizer: below the %.1f%% gate\n", min_percent);
        return 1;
    }
    return 0;
}
