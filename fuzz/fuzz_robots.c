/* fuzz_robots - any bytes as a robots.txt: parsed for two agents, then a
 * few paths (fixed ones, and the input's own last line) matched against
 * the rules, so that wildcard matching sees hostile patterns and paths. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const agents[] = {"gisa", "*"};
    static const char *const paths[] = {"/", "/news/a.html?x=1", "/private/", "/a$b*c",
                                        "/robots.txt"};
    /* the text after the last newline, as a path of its own */
    const uint8_t *nl = size ? memchr(data, '\n', size) : NULL;
    size_t off = nl ? (size_t)(nl - data) + 1 : size;
    char *own = malloc(size - off + 2);
    if (!own)
        return 0;
    own[0] = '/';
    memcpy(own + 1, data + off, size - off);
    own[size - off + 1] = '\0';
    for (size_t a = 0; a < 2; a++) {
        robots r;
        if (robots_parse((const char *)data, size, agents[a], &r) != 0)
            continue;
        unsigned sum = 0;
        for (size_t i = 0; i < sizeof paths / sizeof *paths; i++)
            sum += (unsigned)robots_allowed(&r, paths[i]);
        sum += (unsigned)robots_allowed(&r, own);
        (void)sum;
        robots_free(&r);
    }
    free(own);
    return 0;
}
