/* util.h - small helpers the unit tests share: extract from a string,
 * render to a string, convert with iconv. */
#ifndef GISA_TEST_UTIL_H
#define GISA_TEST_UTIL_H

#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "gisa.h"

/* Extract `s` as input `name`; NULL on failure (message in *err). */
static inline gisa_document *extract_str(const char *name, const char *s, size_t len,
                                         gisa_input_kind kind, gisa_error *err)
{
    gisa_source src;
    memset(&src, 0, sizeof src);
    src.name = name;
    src.data = (const unsigned char *)s;
    src.len = len;
    gisa_extract_options o;
    memset(&o, 0, sizeof o);
    o.kind = kind;
    gisa_document *d = NULL;
    if (gisa_extract(&src, &o, &d, err) != GISA_OK)
        return NULL;
    return d;
}

static inline gisa_document *extract_html_str(const char *html, gisa_error *err)
{
    return extract_str("snippet.html", html, strlen(html), GISA_INPUT_HTML, err);
}

/* Render `d`; malloc'd string, or NULL. */
static inline char *render_str(const gisa_document *d, gisa_format f)
{
    char *out = NULL;
    size_t len = 0;
    gisa_error err;
    if (gisa_render(d, f, &out, &len, &err) != GISA_OK)
        return NULL;
    return out;
}

/* `s` converted from UTF-8 to `to` (e.g. "CP949"); malloc'd, length in *n. */
static inline char *iconv_str(const char *s, const char *to, size_t *n)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    if (cd == (iconv_t)-1)
        return NULL;
    size_t left = strlen(s), room = left * 4 + 4;
    char *out = malloc(room), *dst = out, *src = (char *)s;
    if (out && iconv(cd, &src, &left, &dst, &room) == (size_t)-1) {
        free(out);
        out = NULL;
    }
    iconv_close(cd);
    if (out)
        *n = (size_t)(dst - out);
    return out;
}

/* How many times does needle occur in hay? */
static inline int count_str(const char *hay, const char *needle)
{
    int n = 0;
    size_t m = strlen(needle);
    for (const char *p = hay; p && (p = strstr(p, needle)); p += m)
        n++;
    return n;
}

#endif
