/* test_tags.c - the words tags and headings may be made of: none from an
 * e-mail address or a URL, however the prose glues them on. */
#include "check.h"
#include "compose/tags.h"

static void check_without(const char *in, const char *want)
{
    buf b = BUF_INIT;
    append_without_addresses(&b, in);
    CHECK_STR(b.ptr ? b.ptr : "", want);
    buf_free(&b);
}

static void test_addresses_left_out(void)
{
    check_without("write to desk@example.org today", "write to  today");
    check_without("see https://a.example/x now", "see  now");
    check_without("see www.a.example now", "see  now");
    /* glued to a bracket or a word */
    check_without("rtings (https://www.rtings.com/) helps", "rtings  helps");
    check_without("framework(https://frame.work) is solid", " is solid");
    check_without("[www.a.example] and <http://b.example>", " and ");
    /* words that merely start alike stay */
    check_without("the 정책브리핑 page and wwwx", "the 정책브리핑 page and wwwx");
}

int main(void)
{
    test_addresses_left_out();
    CHECK_DONE();
}
