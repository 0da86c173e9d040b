/* fuzz_url - any bytes as a URL reference and its base (split at the first
 * NUL; without one, the bytes are the reference and RFC 3986's example
 * URL the base), through util/url.c. Aborts unless:
 *   - resolving gives a string (NULL only for a NULL reference), without
 *     tabs or line breaks, trimmed at both ends;
 *   - a result with a scheme and an authority is normalised: resolved
 *     again, against any base or none, it comes back byte for byte; one
 *     with a scheme but no authority does so without a base;
 *   - remove_dot_segments never grows its input and is idempotent;
 *   - a host is non-empty and has no upper-case ASCII letter. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "url.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void same_again(const char *base, const char *r)
{
    char *again = url_resolve(base, r);
    if (!again || strcmp(again, r))
        abort();
    free(again);
}

static void check_result(const char *base, const char *ref)
{
    char *r = url_resolve(base, ref);
    if (!r)
        abort();
    size_t n = strlen(r);
    if (strpbrk(r, "\t\r\n") || (n && ((unsigned char)r[0] <= ' ' ||
                                      (unsigned char)r[n - 1] <= ' ')))
        abort();
    url_parts u;
    url_split(r, n, &u);
    if (u.scheme.present) {
        same_again(NULL, r);
        if (u.authority.present) {
            same_again(base, r);
            same_again(ref, r);
            same_again("https://x.kr/a/b?c#d", r);
            same_again("foo:bar", r);
            same_again(r, r);
        }
    }
    char *h = url_host(r);
    if (h) {
        if (!*h)
            abort();
        for (const char *p = h; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                abort();
    }
    free(h);
    free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    char *d1 = malloc(size + 1), *d2 = malloc(size + 1);
    if (!s || !d1 || !d2) {
        free(s), free(d1), free(d2);
        return 0;
    }
    memcpy(s, data, size);
    s[size] = '\0';
    const char *nul = memchr(s, '\0', size);
    const char *base = nul ? s : "http://a/b/c/d;p?q";
    const char *ref = nul ? nul + 1 : s;
    check_result(base, ref);
    check_result(NULL, ref);
    check_result(ref, base);

    size_t n1 = url_remove_dot_segments(ref, strlen(ref), d1);
    size_t n2 = url_remove_dot_segments(d1, n1, d2);
    if (n1 > strlen(ref) || n1 != strlen(d1) || n2 != n1 || strcmp(d1, d2))
        abort();
    free(s);
    free(d1);
    free(d2);
    return 0;
}
