/* fuzz_post - any bytes, auto-detected, through extraction and Jekyll
 * composition (front-matter quoting, slugs, attribution). */
#include <stddef.h>
#include <stdint.h>

#include "gisa.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gisa_source src = {"fuzz", data, size, NULL, NULL, NULL, NULL};
    gisa_document *doc;
    gisa_error err;
    if (gisa_extract(&src, NULL, &doc, &err) != GISA_OK)
        return 0;
    gisa_post_options po = {.format = GISA_POST_JEKYLL, .date = "2026-01-30"};
    gisa_post post;
    if (gisa_compose(doc, &po, &post, &err) == GISA_OK)
        gisa_post_clear(&post);
    gisa_document_free(doc);
    return 0;
}
