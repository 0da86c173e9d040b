/* fuzz_rewrite.c - the rewrite stage's readers of untrusted text: a
 * chat-completions response body (llm.c), a model's answer (answer.c), a
 * prompt template (--prompt FILE) and a --rewriter command line. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rewrite/rewrite.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    gisa_error err;
    char *answer = NULL;
    if (llm_parse_answer("fuzz", s, size, &answer, &err) == GISA_OK)
        free(answer);
    arena mem;
    arena_init(&mem);
    answer_text a;
    answer_parse(s, &mem, &a);
    arena_free(&mem);
    prompt_template t;
    if (prompt_parse(s, &t, &err) == GISA_OK) {
        buf out = BUF_INIT;
        const char *names[] = {"source"}, *values[] = {"x"};
        prompt_fill(t.section, names, values, 1, &out);
        buf_free(&out);
        prompt_clear(&t);
    }
    const char *why;
    free(split_command(s, &why));
    free(s);
    return 0;
}
