/* test_html5_tags.c - html_tag_of (src/html/tree_ops.c), a hash generated
 * by scripts/gen-tag-hash.py: every tag's name finds its id, and names
 * close to a tag's (a prefix, one byte more or changed, upper case, an
 * embedded NUL) find none. Fails when HTML_TAG_LIST changed and the table
 * was not generated again. */
#include <string.h>

#include "check.h"
#include "html/tree.h"

static void test_every_tag(void)
{
    for (int t = 1; t < HTML_TAG_COUNT; t++) {
        const char *name = html_tag_name((html_tag)t);
        size_t n = strlen(name);
        CHECK_INT(html_tag_of(name, n), t);
        char buf[32];
        memcpy(buf, name, n);
        CHECK_INT((int)html_tag_of(buf, n - 1) == t, 0); /* a prefix */
        buf[n] = 'x';
        CHECK_INT((int)html_tag_of(buf, n + 1) == t, 0); /* one byte more */
        buf[n - 1] ^= 0x20;                         /* the last byte in upper case */
        CHECK_INT(html_tag_of(buf, n), HTML_TAG_UNKNOWN);
        memcpy(buf, name, n);
        buf[n - 1] = '\0';
        CHECK_INT(html_tag_of(buf, n), HTML_TAG_UNKNOWN);
    }
}

static void test_others(void)
{
    CHECK_INT(html_tag_of("", 0), HTML_TAG_UNKNOWN);
    CHECK_INT(html_tag_of("custom-element", 14), HTML_TAG_UNKNOWN);
    CHECK_INT(html_tag_of("blockquotes", 11), HTML_TAG_UNKNOWN);
    CHECK_INT(html_tag_of("blockquote", 10), HTML_TAG_blockquote);
    CHECK_INT(html_tag_of("foreignobject", 13), HTML_TAG_UNKNOWN);
    CHECK_INT(html_tag_of("hx", 2), HTML_TAG_UNKNOWN);
    CHECK_INT(html_tag_of("h7", 2), HTML_TAG_UNKNOWN);
    CHECK_INT(html_tag_of("DIV", 3), HTML_TAG_UNKNOWN);
    CHECK_INT(html_tag_of("divs", 3), HTML_TAG_div);
}

int main(void)
{
    test_every_tag();
    test_others();
    CHECK_DONE();
}
