/* fuzz_pdf - any bytes through the PDF reader: poppler's parser, then
 * pdf.c's words, pdflines.c's rows, columns and running headers,
 * pdfblocks.c's paragraphs and tables, the press-release header reader and
 * every renderer. Inputs that do not start with "%PDF-" are given that
 * header, so the fuzzer's time goes to the reader, not to the sniffer. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gisa.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *copy = NULL;
    if (size < 5 || memcmp(data, "%PDF-", 5) != 0) {
        copy = malloc(size + 5);
        if (!copy)
            return 0;
        memcpy(copy, "%PDF-", 5);
        if (size)
            memcpy(copy + 5, data, size);
        data = copy, size += 5;
    }
    gisa_source src = {"fuzz.pdf", data, size, NULL, NULL, NULL, NULL};
    gisa_extract_options opts = {.kind = GISA_INPUT_PDF};
    gisa_document *doc;
    gisa_error err;
    if (gisa_extract(&src, &opts, &doc, &err) == GISA_OK) {
        for (int f = GISA_FORMAT_TEXT; f <= GISA_FORMAT_JSON; f++) {
            char *out;
            size_t len;
            if (gisa_render(doc, (gisa_format)f, &out, &len, &err) == GISA_OK)
                gisa_free(out);
        }
        gisa_document_free(doc);
    }
    free(copy);
    return 0;
}
