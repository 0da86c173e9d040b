/* router.c - method and path -> a route. A pure function of two strings,
 * so the fuzzer can drive it with anything a client sends. */
#include <string.h>

#include "serve.h"

/* "/api/NAME/ID": ID a decimal number without sign or leading zeros of
 * more than 18 digits (it must fit int64). -1 when not a number. */
static int64_t parse_id(const char *s)
{
    int64_t v = 0;
    size_t n = 0;
    if (!*s || *s == '0')
        return -1;
    for (; s[n]; n++) {
        if (s[n] < '0' || s[n] > '9' || n >= 18)
            return -1;
        v = v * 10 + (s[n] - '0');
    }
    return v;
}

typedef struct api_path {
    const char *name;
    route_id id;
    int with_id;
    int post; /* 1: POST only; 0: GET (and HEAD) only */
} api_path;

static const api_path api_paths[] = {
    {"articles", ROUTE_ARTICLES, 0, 0}, {"facets", ROUTE_FACETS, 0, 0},
    {"article", ROUTE_ARTICLE, 1, 0},   {"post", ROUTE_POST, 1, 1},
    {"draft", ROUTE_DRAFT, 1, 1},       {"check", ROUTE_CHECK, 0, 1},
    {"publish", ROUTE_PUBLISH, 1, 1},   {"status", ROUTE_STATUS, 1, 1},
    {"add", ROUTE_ADD, 0, 1},
};

static int is_get(const char *m)
{
    return !strcmp(m, "GET") || !strcmp(m, "HEAD");
}

static void match_api(const char *method, const char *rest, route *out)
{
    for (size_t i = 0; i < sizeof api_paths / sizeof *api_paths; i++) {
        const api_path *p = &api_paths[i];
        size_t n = strlen(p->name);
        if (strncmp(rest, p->name, n) != 0)
            continue;
        const char *after = rest + n;
        if (p->with_id) {
            if (*after != '/')
                continue;
            out->article = parse_id(after + 1);
            if (out->article < 0) {
                out->id = ROUTE_ID_BAD;
                return;
            }
        } else if (*after) {
            continue;
        }
        int ok = p->post ? !strcmp(method, "POST") : is_get(method);
        out->id = ok ? p->id : ROUTE_METHOD;
        out->mutating = p->post;
        return;
    }
}

void route_match(const char *method, const char *url, route *out)
{
    memset(out, 0, sizeof *out);
    if (!method || !url)
        return;
    if (!strcmp(url, "/") || !strcmp(url, "/index.html")) {
        out->id = is_get(method) ? ROUTE_INDEX : ROUTE_METHOD;
        return;
    }
    if (!strncmp(url, "/assets/", 8)) {
        const char *name = url + 8;
        /* names are flat: no directories, so nothing to climb out of */
        if (!*name || strchr(name, '/') || strstr(name, ".."))
            return;
        out->id = is_get(method) ? ROUTE_ASSET : ROUTE_METHOD;
        out->asset = name;
        return;
    }
    if (!strncmp(url, "/api/", 5))
        match_api(method, url + 5, out);
}
