/* form.c - the small parsers of what a client sends besides JSON: query
 * values, cookies, the Host header, search words, cursors and upload
 * names. Pure functions over strings (fuzzed in fuzz/fuzz_serve.c). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Valid UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
static int utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k;
        unsigned cp;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xc2 && c <= 0xdf) { k = 1; cp = c & 0x1f; }
        else if (c >= 0xe0 && c <= 0xef) { k = 2; cp = c & 0x0f; }
        else if (c >= 0xf0 && c <= 0xf4) { k = 3; cp = c & 0x07; }
        else return 0;
        if (i + k >= n)
            return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xc0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + j] & 0x3f);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
            (cp >= 0xd800 && cp <= 0xdfff))
            return 0;
        i += k + 1;
    }
    return 1;
}

int form_decode(char *s)
{
    char *o = s;
    for (const char *p = s; *p; p++) {
        if (*p == '+') {
            *o++ = ' ';
        } else if (*p == '%') {
            int h = p[1] ? hexval((unsigned char)p[1]) : -1;
            int l = h >= 0 && p[2] ? hexval((unsigned char)p[2]) : -1;
            if (h < 0 || l < 0 || (h == 0 && l == 0))
                return 0;
            *o++ = (char)(h * 16 + l);
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return utf8_valid((const unsigned char *)s, (size_t)(o - s));
}

int cookie_value(const char *header, const char *name, char *out, size_t cap)
{
    size_t n = strlen(name);
    const char *p = header;
    while (p && *p) {
        while (*p == ' ' || *p == ';')
            p++;
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > n && !strncmp(p, name, n) && p[n] == '=') {
            size_t v = len - n - 1;
            if (v >= cap)
                return 0;
            memcpy(out, p + n + 1, v);
            out[v] = '\0';
            return 1;
        }
        p = end;
    }
    return 0;
}

/* Does `host` (a Host header) name `name` with port `port`? Names match
 * case-insensitively; a missing port never matches (we never listen on
 * 80, and a browser always sends the port it used). */
static int host_is(const char *host, const char *name, unsigned port)
{
    size_t n = strlen(name);
    if (strncasecmp(host, name, n) != 0 || host[n] != ':')
        return 0;
    char want[8];
    snprintf(want, sizeof want, "%u", port);
    return !strcmp(host + n + 1, want);
}

int host_allowed(const char *host, const char *listen_host, unsigned port)
{
    if (!host)
        return 0;
    static const char *const loopback[] = {"localhost", "127.0.0.1", "[::1]"};
    for (size_t i = 0; i < sizeof loopback / sizeof *loopback; i++)
        if (host_is(host, loopback[i], port))
            return 1;
    /* the address the server was told to listen on, when it is one (a
     * name such as 0.0.0.0 or :: is no Host a browser sends) */
    return listen_host && *listen_host && strcmp(listen_host, "0.0.0.0") &&
           strcmp(listen_host, "[::]") && host_is(host, listen_host, port);
}

static int query_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char *fts_query(const char *q)
{
    size_t len = strlen(q), nwords = 0;
    char *out = malloc(len * 2 + 4 * (len + 1) + 1), *o = out;
    const char *kept[GISA_MAX_QUERY_WORDS];
    size_t kept_len[GISA_MAX_QUERY_WORDS];
    if (!out)
        return NULL;
    for (const char *p = q;;) {
        while (query_space(*p))
            p++;
        const char *w = p;
        while (*p && !query_space(*p))
            p++;
        size_t n = (size_t)(p - w), k = 0;
        if (!n)
            break;
        while (k < nwords && !(kept_len[k] == n && !memcmp(kept[k], w, n)))
            k++;
        if (k < nwords)
            continue;
        if (nwords == GISA_MAX_QUERY_WORDS) {
            free(out);
            return NULL;
        }
        kept[nwords] = w;
        kept_len[nwords++] = n;
        *o++ = '"';
        for (size_t i = 0; i < n; i++) {
            if (w[i] == '"')
                *o++ = '"';
            *o++ = w[i];
        }
        o = stpcpy(o, "\"* ");
    }
    *o = '\0';
    if (!nwords) {
        free(out);
        return NULL;
    }
    return out;
}

int cursor_parse(const char *s, char *date, size_t cap, int64_t *id)
{
    const char *bar = strrchr(s, '|');
    if (!bar || (size_t)(bar - s) >= cap)
        return 0;
    int64_t v = 0;
    const char *p = bar + 1;
    if (!*p)
        return 0;
    for (size_t n = 0; *p; p++, n++) {
        if (*p < '0' || *p > '9' || n >= 18)
            return 0;
        v = v * 10 + (*p - '0');
    }
    memcpy(date, s, (size_t)(bar - s));
    date[bar - s] = '\0';
    *id = v;
    return 1;
}

/* A file name made safe: letters, digits, Hangul, '.', '-', '_' kept,
 * others '_'; no leading '.', no "..". 0 when empty, too long or not
 * UTF-8 afterwards. */
static int safe_file_name(const char *name, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    if (!n || n >= cap || n > 200)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        out[o++] = (isalnum(c) || c == '.' || c == '-' || c == '_' || c >= 0x80) ? (char)c : '_';
    }
    out[o] = '\0';
    /* no hidden file, no "..": the name stays in the uploads directory */
    if (out[0] == '.')
        out[0] = '_';
    for (char *p = out; (p = strstr(p, "..")); )
        *p = '_';
    return utf8_valid((const unsigned char *)out, o);
}

static const char *const upload_exts[] = {".html", ".htm", ".xhtml", ".hwp", ".hwpx", ".pdf"};

/* The extension of `name` among upload_exts, or NULL. */
static const char *known_ext(const char *name, size_t n)
{
    for (size_t i = 0; i < sizeof upload_exts / sizeof *upload_exts; i++) {
        size_t e = strlen(upload_exts[i]);
        if (n > e && !strcasecmp(name + n - e, upload_exts[i]))
            return upload_exts[i];
    }
    return NULL;
}

int upload_name(const char *name, char *out, size_t cap)
{
    size_t n = strlen(name);
    return known_ext(name, n) && safe_file_name(name, n, out, cap);
}

int upload_doc_name(const char *name, const char *ext, char *out, size_t cap)
{
    size_t n = strlen(name), e = strlen(ext);
    const char *had = known_ext(name, n);
    if (had) /* the name's own extension gives way to the bytes' */
        n -= strlen(had);
    if (!n || e >= cap || !safe_file_name(name, n, out, cap - e))
        return 0;
    strcat(out, ext);
    for (char *p = out; (p = strstr(p, "..")); ) /* a stem ending in '.' */
        *p = '_';
    return 1;
}
