/* url.h - URL references resolved against a base (RFC 3986 section 5),
 * and a URL's host.
 *
 * Why gisa has its own: an HTML page is parsed by gisa's HTML5 parser
 * (src/html/), and its links, images, attachments, <base> and canonical
 * URL were the last reason an HTML page loaded libxml2 (and with it ICU
 * and libstdc++). Resolution is a small, exactly specified algorithm;
 * here it also does what browsers do with what real pages hold
 * (backslashes, spaces, tabs and newlines inside a URL), which libxml2's
 * xmlBuildURI does not: it gives up on such a reference, leaving it
 * relative.
 *
 * No global state; every function may be called from any thread. */
#ifndef GISA_URL_H
#define GISA_URL_H

#include <stddef.h>

/* One component of a URL: where it starts in the string and how long it
 * is, without its delimiter ("//", "?", "#", ":"); `present` tells an
 * empty component ("http://a/?") from a missing one ("http://a/"). */
typedef struct url_part {
    size_t off, len;
    int present;
} url_part;

typedef struct url_parts {
    url_part scheme, authority, path, query, fragment;
} url_parts;

/* Split `s` (n bytes) into RFC 3986's five components (appendix B). A
 * scheme is only taken when it is one (a letter, then letters, digits,
 * '+', '-', '.'), so "a b:c" or "1x:y" is a path. The path is always
 * present, maybe empty. Backslashes are not separators here: url_resolve
 * turns them into slashes first where browsers do. */
void url_split(const char *s, size_t n, url_parts *u);

/* `ref` resolved against `base` (both NUL-terminated; base may be NULL
 * or relative), as a string the caller frees with free(); NULL only when
 * ref is NULL or memory runs out.
 *
 * - leading and trailing spaces and control characters are dropped, and
 *   tabs, CRs and LFs anywhere (as browsers do);
 * - a reference with an opaque path ("data:", "javascript:", "mailto:",
 *   "tel:") is returned as it is;
 * - in a URL of a web scheme (http, https, ftp, ws, wss, file), a
 *   backslash before the query is a slash, as browsers read it;
 * - "http:x" against an http base is read as the relative "x" (RFC 3986
 *   section 5.4.2 allows it, browsers do it);
 * - a reference with an empty host ("//", "//:0", a lazy-loading
 *   placeholder) gives an empty host ("https://"), as RFC 3986 reads it
 *   (browsers refuse it; callers wanting a fetchable URL check the host);
 * - dot segments are removed from every hierarchical path, the scheme is
 *   lower-cased, and spaces and other control bytes are percent-encoded;
 *   everything else, non-ASCII bytes and existing escapes included, is
 *   kept byte for byte.
 *
 * Linear in the lengths of base and ref; no recursion. */
char *url_resolve(const char *base, const char *ref);

/* The host of an absolute or protocol-relative URL, lower-cased, without
 * userinfo or port ("http://u@WWW.Ex.kr:80/" -> "www.ex.kr"; an IPv6
 * host keeps its brackets: "[::1]"); NULL when there is none or memory
 * runs out. The caller frees it. */
char *url_host(const char *url);

/* RFC 3986 section 5.2.4 on `in` (n bytes), written to `out`, which has
 * room for n + 1 bytes; returns the length written (out is
 * NUL-terminated). Exposed for the tests and the fuzz target. */
size_t url_remove_dot_segments(const char *in, size_t n, char *out);

#endif
