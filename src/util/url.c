/* url.c - RFC 3986 reference resolution and a URL's host (url.h).
 *
 * The work is done on spans of the two inputs; the only copies are the
 * cleaned inputs, one merged path and the result, so the cost is linear
 * and a hostile megabyte-long URL costs a few megabytes once. */
#include "url.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int is_alpha(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int is_scheme_char(unsigned char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

/* (strncasecmp follows the locale; a scheme is ASCII whatever it is) */
static int ascii_ieq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
            return 0;
    return 1;
}

void url_split(const char *s, size_t n, url_parts *u)
{
    memset(u, 0, sizeof *u);
    size_t i = 0;
    /* RFC 3986 appendix B takes anything before the first ':' as the
     * scheme; only a well-formed one is taken here, so that a relative
     * path with a colon in it ("a b:c") stays a path, as browsers read it */
    if (n && is_alpha((unsigned char)s[0])) {
        size_t j = 1;
        while (j < n && is_scheme_char((unsigned char)s[j]))
            j++;
        if (j < n && s[j] == ':') {
            u->scheme = (url_part){0, j, 1};
            i = j + 1;
        }
    }
    if (i + 1 < n && s[i] == '/' && s[i + 1] == '/') {
        size_t j = i + 2;
        while (j < n && s[j] != '/' && s[j] != '?' && s[j] != '#')
            j++;
        u->authority = (url_part){i + 2, j - (i + 2), 1};
        i = j;
    }
    size_t j = i;
    while (j < n && s[j] != '?' && s[j] != '#')
        j++;
    u->path = (url_part){i, j - i, 1};
    i = j;
    if (i < n && s[i] == '?') {
        j = i + 1;
        while (j < n && s[j] != '#')
            j++;
        u->query = (url_part){i + 1, j - (i + 1), 1};
        i = j;
    }
    if (i < n && s[i] == '#')
        u->fragment = (url_part){i + 1, n - (i + 1), 1};
}

/* --------------------------------------------------- dot segments */

/* Does the input at `p` (m bytes left) start with the `k` bytes of
 * `lit`, or equal them when `whole` is set? */
static int starts(const char *p, size_t m, const char *lit, size_t k, int whole)
{
    return whole ? m == k && !memcmp(p, lit, k) : m >= k && !memcmp(p, lit, k);
}

size_t url_remove_dot_segments(const char *in, size_t n, char *out)
{
    /* The RFC's loop, step for step, with the input as an index moving
     * forward: "replace the prefix with '/'" is advancing to the prefix's
     * last '/'. Removing the last output segment scans back over bytes it
     * then drops, so every byte is scanned a bounded number of times. */
    size_t i = 0, o = 0;
    while (i < n) {
        const char *p = in + i;
        size_t m = n - i;
        if (starts(p, m, "../", 3, 0))
            i += 3; /* A */
        else if (starts(p, m, "./", 2, 0))
            i += 2; /* A */
        else if (starts(p, m, "/./", 3, 0))
            i += 2; /* B: the input goes on at the second '/' */
        else if (starts(p, m, "/.", 2, 1)) {
            out[o++] = '/'; /* B at the end: "/" is all that is left */
            i = n;
        } else if (starts(p, m, "/../", 4, 0) || starts(p, m, "/..", 3, 1)) {
            /* C: drop the last output segment and the '/' before it */
            while (o > 0 && out[o - 1] != '/')
                o--;
            if (o > 0)
                o--;
            if (m == 3) {
                out[o++] = '/';
                i = n;
            } else
                i += 3;
        } else if (starts(p, m, ".", 1, 1) || starts(p, m, "..", 2, 1))
            i = n; /* D */
        else {
            /* E: the first segment, with its leading '/', to the output */
            size_t j = i + (in[i] == '/');
            while (j < n && in[j] != '/')
                j++;
            memcpy(out + o, in + i, j - i);
            o += j - i;
            i = j;
        }
    }
    out[o] = '\0';
    return o;
}

/* --------------------------------------------------- cleaning */

/* A copy of `s` as browsers first read a URL attribute: C0 controls and
 * spaces trimmed from both ends, tabs, CRs and LFs removed everywhere
 * (a URL broken over lines in the HTML source is one URL). */
static char *clean_copy(const char *s, size_t *len)
{
    size_t n = strlen(s);
    while (n && (unsigned char)s[n - 1] <= ' ')
        n--;
    while (n && (unsigned char)*s <= ' ')
        s++, n--;
    char *c = malloc(n + 1);
    if (!c)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            c[o++] = s[i];
    c[o] = '\0';
    *len = o;
    return c;
}

/* The schemes the WHATWG URL standard calls special: browsers read a
 * backslash in them as a slash and "http:x" against an http base as "x". */
static int special_scheme(const char *s, url_part p)
{
    static const char *const names[] = {"http", "https", "ftp", "ws", "wss", "file"};
    if (!p.present)
        return 0;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (p.len == strlen(names[i]) && ascii_ieq(s + p.off, names[i], p.len))
            return 1;
    return 0;
}

/* In a special URL the backslashes of the part before the query are
 * slashes ("\images\a.jpg", "http:\\host\x"); pages written on Windows
 * hold them and browsers follow them. */
static void backslashes(char *s, size_t n)
{
    for (size_t i = 0; i < n && s[i] != '?' && s[i] != '#'; i++)
        if (s[i] == '\\')
            s[i] = '/';
}

static int same_scheme(const char *a, url_part pa, const char *b, url_part pb)
{
    return pa.present && pb.present && pa.len == pb.len &&
           ascii_ieq(a + pa.off, b + pb.off, pa.len);
}

/* --------------------------------------------------- resolution */

/* A component as a pointer into one of the strings, so that the target
 * can take each of its parts from the reference or from the base. */
typedef struct span {
    const char *s;
    size_t n;
    int present;
} span;

static span part(const char *s, url_part p)
{
    return (span){s + p.off, p.len, p.present};
}

typedef struct writer {
    char *p;
    size_t n;
} writer;

/* Bytes appended; spaces, control bytes and DEL percent-encoded, since a
 * URL holding them is refused by HTTP clients (libcurl among them) and
 * browsers encode them the same way. Non-ASCII bytes stay as they are:
 * the output is read by people (JSON, posts) as well as fetched, and
 * libcurl sends them as they are, as the server's own links did. */
static void put(writer *w, const char *s, size_t n, int fold)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c <= ' ' || c == 0x7f) {
            w->p[w->n++] = '%';
            w->p[w->n++] = hex[c >> 4];
            w->p[w->n++] = hex[c & 15];
        } else
            w->p[w->n++] = (char)(fold ? lower(c) : c);
    }
}

/* RFC 3986 section 5.2.2's target, recomposed (section 5.3). Two guards
 * keep the result reading back as the same URL, so that resolving it
 * again changes nothing: a path starting "//" without an authority is
 * written "/.//" (as the WHATWG standard does), and a relative path
 * whose first segment looks like a scheme gets "./" in front. */
static char *recompose(span scheme, span auth, span path, span query, span frag, size_t cap)
{
    writer w = {malloc(cap), 0};
    if (!w.p)
        return NULL;
    if (scheme.present) {
        put(&w, scheme.s, scheme.n, 1);
        w.p[w.n++] = ':';
    }
    if (auth.present) {
        w.p[w.n++] = '/';
        w.p[w.n++] = '/';
        put(&w, auth.s, auth.n, 0);
    } else if (path.n >= 2 && path.s[0] == '/' && path.s[1] == '/') {
        w.p[w.n++] = '/';
        w.p[w.n++] = '.';
    } else if (!scheme.present) {
        url_parts u;
        url_split(path.s, path.n, &u);
        if (u.scheme.present) {
            w.p[w.n++] = '.';
            w.p[w.n++] = '/';
        }
    }
    put(&w, path.s, path.n, 0);
    if (query.present) {
        w.p[w.n++] = '?';
        put(&w, query.s, query.n, 0);
    }
    if (frag.present) {
        w.p[w.n++] = '#';
        put(&w, frag.s, frag.n, 0);
    }
    w.p[w.n] = '\0';
    return w.p;
}

/* The path of the target when the reference's path is relative (5.2.3,
 * merge) and then without its dot segments (5.2.4), in `buf`, which has
 * room for both paths and two bytes more. */
static span merged_path(span bpath, int base_auth, span rpath, char *buf, char *tmp)
{
    size_t k = 0;
    if (base_auth && bpath.n == 0)
        tmp[k++] = '/';
    else {
        const char *slash = bpath.n ? memrchr(bpath.s, '/', bpath.n) : NULL;
        size_t keep = slash ? (size_t)(slash - bpath.s) + 1 : 0;
        memcpy(tmp, bpath.s, keep);
        k = keep;
    }
    memcpy(tmp + k, rpath.s, rpath.n);
    k += rpath.n;
    return (span){buf, url_remove_dot_segments(tmp, k, buf), 1};
}

/* A hierarchical path without its dot segments, in `buf`. */
static span clean_path(span p, char *buf)
{
    return (span){buf, url_remove_dot_segments(p.s, p.n, buf), 1};
}

/* 5.2.2 on split, cleaned inputs; b is NULL without a base. */
static char *transform(const char *r, const url_parts *R, const char *b, const url_parts *B,
                       size_t cap, char *buf, char *tmp)
{
    span scheme, auth, path, query;
    span rpath = part(r, R->path);
    if (R->scheme.present || !b) {
        scheme = part(r, R->scheme);
        auth = part(r, R->authority);
        /* without a base a relative path's dots cannot be resolved: kept */
        path = R->scheme.present ? clean_path(rpath, buf) : rpath;
        query = part(r, R->query);
    } else {
        scheme = part(b, B->scheme);
        if (R->authority.present) {
            auth = part(r, R->authority);
            path = clean_path(rpath, buf);
            query = part(r, R->query);
        } else {
            auth = part(b, B->authority);
            if (rpath.n == 0) {
                /* the base's own path, normalised like every other
                 * (a base written with dots gives the same URL as one
                 * without), unless it is no hierarchy to normalise */
                span bpath = part(b, B->path);
                path = B->scheme.present && bpath.n && bpath.s[0] == '/'
                           ? clean_path(bpath, buf)
                           : bpath;
                query = R->query.present ? part(r, R->query) : part(b, B->query);
            } else {
                path = rpath.s[0] == '/'
                           ? clean_path(rpath, buf)
                           : merged_path(part(b, B->path), B->authority.present, rpath, buf, tmp);
                query = part(r, R->query);
            }
        }
    }
    return recompose(scheme, auth, path, query, part(r, R->fragment), cap);
}

char *url_resolve(const char *base, const char *ref)
{
    if (!ref)
        return NULL;
    size_t rn = 0, bn = 0;
    char *r = clean_copy(ref, &rn), *b = base ? clean_copy(base, &bn) : NULL;
    if (!r || (base && !b) || rn > SIZE_MAX / 8 || bn > SIZE_MAX / 8) {
        free(r);
        free(b);
        return NULL;
    }
    url_parts R, B;
    url_split(r, rn, &R);
    if (b) {
        url_split(b, bn, &B);
        if (special_scheme(b, B.scheme)) {
            backslashes(b, bn);
            url_split(b, bn, &B);
        }
    }
    if (R.scheme.present ? special_scheme(r, R.scheme) : b && special_scheme(b, B.scheme)) {
        backslashes(r, rn);
        url_split(r, rn, &R);
    }
    if (R.scheme.present && !R.authority.present && b && special_scheme(r, R.scheme) &&
        same_scheme(r, R.scheme, b, B.scheme)) {
        /* "http:x" on an http page: relative, as browsers read it */
        R.scheme.present = 0;
    } else if (R.scheme.present && !R.authority.present &&
               !(R.path.len && r[R.path.off] == '/')) {
        /* an opaque path (data:, javascript:, mailto:): nothing to resolve,
         * and its bytes are its meaning */
        free(b);
        return r;
    }
    /* every output component is at most its input's length, a byte
     * encoded takes three, and the delimiters and guards a few more */
    size_t cap = 3 * (rn + bn) + 16;
    char *buf = malloc(rn + bn + 2), *tmp = malloc(rn + bn + 2);
    char *out = buf && tmp ? transform(r, &R, b, &B, cap, buf, tmp) : NULL;
    free(buf);
    free(tmp);
    free(r);
    free(b);
    return out;
}

/* --------------------------------------------------- host */

char *url_host(const char *url)
{
    char *u = url ? url_resolve(NULL, url) : NULL;
    if (!u)
        return NULL;
    url_parts p;
    url_split(u, strlen(u), &p);
    char *host = NULL;
    if (p.authority.present) {
        const char *a = u + p.authority.off, *end = a + p.authority.len;
        /* userinfo ends at the last '@' (a password may hold another) */
        const char *at = memrchr(a, '@', p.authority.len);
        if (at)
            a = at + 1;
        const char *stop = a;
        if (*a == '[') { /* an IPv6 literal: its colons are not the port's */
            const char *close = memchr(a, ']', (size_t)(end - a));
            stop = close ? close + 1 : end;
        } else
            while (stop < end && *stop != ':')
                stop++;
        if (stop > a && (host = malloc((size_t)(stop - a) + 1))) {
            for (size_t i = 0; i < (size_t)(stop - a); i++)
                host[i] = (char)lower((unsigned char)a[i]);
            host[stop - a] = '\0';
        }
    }
    free(u);
    return host;
}
