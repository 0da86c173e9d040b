/* test_fuzz_regressions.c - inputs the fuzzers found that once broke
 * something, each run the way its fuzz target ran it. */
#include <string.h>

#include "check.h"
#include "gisa.h"

/* fuzz_check: a UTF-16 byte-order mark and one stray byte decode to no
 * text at all; the empty result once reached memmem() as a NULL pointer. */
static void test_bom_and_nothing(void)
{
    static const unsigned char input[] = {0xfe, 0xff, 0x2d};
    gisa_source src = {"bom-only", input, sizeof input, NULL, NULL, NULL, NULL};
    gisa_document *doc = NULL;
    gisa_error err;
    CHECK_INT(gisa_extract(&src, NULL, &doc, &err), GISA_ERR_INPUT);
    CHECK_HAS(err.message, "bom-only");
    CHECK(doc == NULL);
    static const unsigned char le[] = {0xff, 0xfe};
    gisa_source src2 = {"bom-le", le, sizeof le, NULL, NULL, NULL, NULL};
    CHECK_INT(gisa_extract(&src2, NULL, &doc, &err), GISA_ERR_INPUT);
}

int main(void)
{
    test_bom_and_nothing();
    CHECK_DONE();
}
