/* fuzz_feed - any bytes as an RSS or Atom feed: sniffed, parsed with a
 * base URL, and every usable item turned into the page the extractor
 * would get. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)feed_sniff(data, size);
    feed f;
    gisa_error err;
    if (feed_parse(data, size, "fuzz.rss", "https://example.kr/feeds/rss.xml", &f, &err) !=
        GISA_OK)
        return 0;
    unsigned sum = 0;
    for (size_t i = 0; i < f.n; i++) {
        const feed_item *it = &f.items[i];
        if (it->link)
            sum += (unsigned)strlen(it->link);
        if (it->content) {
            size_t len;
            char *page = feed_item_page(it, &len);
            if (page)
                sum += (unsigned)page[len - 1];
            free(page);
        }
    }
    (void)sum;
    feed_free(&f);
    return 0;
}
