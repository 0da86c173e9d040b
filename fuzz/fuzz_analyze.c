/* fuzz_analyze - any bytes as plain text (paragraphs split at blank
 * lines) through sentence splitting, stemming, ranking, keywords,
 * entities and agreements, and both renderings. Invalid UTF-8 included:
 * the analysis must cope with whatever a caller hands it. */
#include <stddef.h>
#include <stdint.h>

#include "gisa.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gisa_analysis *an;
    gisa_error err;
    if (gisa_analyze_text("제목", "2026-01-30", (const char *)data, size, NULL, &an, &err) !=
        GISA_OK)
        return 0;
    size_t idx[4];
    gisa_summary(an, 3, idx);
    char *out;
    size_t len;
    if (gisa_analysis_render(an, GISA_FORMAT_JSON, &out, &len, &err) == GISA_OK)
        gisa_free(out);
    gisa_analysis_free(an);
    return 0;
}
