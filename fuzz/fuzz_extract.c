/* fuzz_extract - any bytes through extraction as HTML (encoding sniffing
 * included) and every renderer. Built a second time as fuzz_textdump with
 * FUZZ_INPUT=GISA_INPUT_TEXT: the same path through the text-dump reader;
 * and as fuzz_hwp and fuzz_hwpx (GISA_INPUT_HWP, GISA_INPUT_HWPX): the
 * document readers, the press-release header reader and the renderers;
 * then the attachment functions (gisa_page_is_summary, the credit). */
#include <stddef.h>
#include <stdint.h>

#include "gisa.h"

#ifndef FUZZ_INPUT
#define FUZZ_INPUT GISA_INPUT_HTML
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gisa_source src = {"fuzz", data, size, "https://example.kr/a/b.html", NULL, NULL, NULL};
    gisa_extract_options opts = {.kind = FUZZ_INPUT};
    gisa_document *doc;
    gisa_error err;
    if (gisa_extract(&src, &opts, &doc, &err) != GISA_OK)
        return 0;
    for (int f = GISA_FORMAT_TEXT; f <= GISA_FORMAT_JSON; f++) {
        char *out;
        size_t len;
        if (gisa_render(doc, (gisa_format)f, &out, &len, &err) == GISA_OK)
            gisa_free(out);
    }
    /* a page and its attachment: the summary test and the credit, the
     * document credited to itself (strings copied within one arena) */
    (void)gisa_page_is_summary(doc, doc);
    for (size_t i = 0; i < doc->nattachments; i++)
        (void)gisa_attachment_readable(&doc->attachments[i]);
    if (gisa_document_credit(doc, doc, &err) == GISA_OK) {
        char *out;
        size_t len;
        if (gisa_render(doc, GISA_FORMAT_JSON, &out, &len, &err) == GISA_OK)
            gisa_free(out);
    }
    gisa_document_free(doc);
    return 0;
}
