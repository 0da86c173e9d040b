/* fuzz_check - two texts, split at the first NUL (or halved), read with
 * auto-detection as a derived text and its source, then checked. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "gisa.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static gisa_document *read_doc(const uint8_t *p, size_t n, const char *name)
{
    gisa_source src = {name, p, n, NULL, NULL, NULL, NULL};
    gisa_document *doc;
    gisa_error err;
    return gisa_extract(&src, NULL, &doc, &err) == GISA_OK ? doc : NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, 0, size);
    size_t cut = nul ? (size_t)(nul - data) : size / 2;
    size_t rest = nul ? cut + 1 : cut;
    gisa_document *derived = read_doc(data, cut, "derived");
    gisa_document *source = read_doc(data + rest, size - rest, "source");
    if (derived && source) {
        const gisa_document *srcs[] = {source};
        gisa_check_report *r;
        gisa_error err;
        if (gisa_check(derived, srcs, 1, &r, &err) == GISA_OK) {
            char *out;
            size_t len;
            if (gisa_check_render(r, GISA_FORMAT_JSON, &out, &len, &err) == GISA_OK)
                gisa_free(out);
            if (gisa_check_render(r, GISA_FORMAT_TEXT, &out, &len, &err) == GISA_OK)
                gisa_free(out);
            gisa_check_free(r);
        }
    }
    gisa_document_free(derived);
    gisa_document_free(source);
    return 0;
}
