/* fuzz_serve.c - the review desk's parsers of what a client sends: the
 * router (method + URL), query values, cookies, the Host check, search
 * words, keyset cursors, upload names and the JSON request bodies. The
 * input is split at its first two NULs into the pieces. */
#include <stdlib.h>
#include <string.h>

#include "serve.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char *s = malloc(size + 3);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = s[size + 1] = s[size + 2] = '\0';
    /* a = up to the first NUL, b = up to the second, rest = the remainder */
    char *a = s, *b = a + strlen(a) + 1, *rest = b + strlen(b) + 1;
    size_t rest_len = rest <= s + size ? (size_t)(s + size - rest) : 0;

    route rt;
    route_match(a, b, &rt);
    if (rt.id == ROUTE_ASSET && (strstr(rt.asset, "..") || strchr(rt.asset, '/')))
        abort(); /* an asset name must never climb */

    char out[256], date[64];
    int64_t id;
    cookie_value(a, "gisa_sid", out, sizeof out);
    host_allowed(a, b, 8080);
    cursor_parse(a, date, sizeof date, &id);
    if (upload_name(a, out, sizeof out) && (strstr(out, "..") || strchr(out, '/') || out[0] == '.'))
        abort(); /* an upload name must stay in its directory */
    if (upload_doc_name(a, ".pdf", out, sizeof out) &&
        (strstr(out, "..") || strchr(out, '/') || out[0] == '.' ||
         strcmp(out + strlen(out) - 4, ".pdf")))
        abort(); /* nor a document's, which ends as its bytes say */
    char *q = fts_query(b);
    free(q);
    char *dec = strdup(a);
    if (dec) {
        form_decode(dec);
        free(dec);
    }

    req_post r;
    char why[200];
    if (req_parse(rest, rest_len, &r, why, sizeof why))
        req_clear(&r);
    free(s);
    return 0;
}
