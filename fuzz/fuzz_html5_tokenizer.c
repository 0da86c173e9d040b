/* fuzz_html5_tokenizer - any bytes through src/html/tokenizer.c, started in
 * the state the first byte picks (as the tree builder would switch it), and
 * checked for what must hold whatever the input:
 *   - the tokens tile the input: each begins where the one before ended,
 *     and the end-of-file token ends at the last byte (every byte accounted
 *     for, none twice);
 *   - every string a token holds is valid UTF-8, and one that points into
 *     the input lies wholly inside it;
 *   - lines never go back, and there are no more tokens than bytes + 1.
 * The input is copied into a buffer of its exact size, so a read past the
 * end is caught by AddressSanitizer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html/tokenizer.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_str(const html_tokenizer *t, html_str s)
{
    const char *in = html_tokenizer_input(t);
    if (s.n && !s.p)
        abort();
    if (s.p >= in && s.p < in + t->len && s.n > (size_t)(in + t->len - s.p))
        abort(); /* a slice running past the input */
    if (s.n && utf8_check((const unsigned char *)s.p, s.n).invalid)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const html_state starts[] = {HTML_DATA, HTML_RCDATA, HTML_RAWTEXT,
                                        HTML_SCRIPT_DATA, HTML_PLAINTEXT, HTML_CDATA_SECTION};
    html_state start = HTML_DATA;
    bool cdata = false;
    if (size) {
        start = starts[data[0] % 6];
        cdata = data[0] & 0x80;
        data++, size--;
    }
    char *in = malloc(size ? size : 1);
    if (!in)
        return 0;
    memcpy(in, data, size);
    arena a;
    arena_init(&a);
    html_tokenizer t;
    if (html_tokenizer_init(&t, &a, in, size)) {
        html_tokenizer_set_state(&t, start);
        html_tokenizer_set_last_start_tag(&t, "script", 6);
        t.cdata_allowed = cdata;
        size_t at = 0, count = 0;
        uint32_t line = 1;
        html_token k;
        html_token_type type;
        do {
            type = html_next(&t, &k);
            if (type == HTML_TOK_ERROR)
                break;
            if (k.begin != at || k.end < k.begin || k.end > t.len || k.line < line)
                abort();
            if (++count > t.len + 1)
                abort();
            at = k.end;
            line = k.line;
            check_str(&t, k.name);
            check_str(&t, k.data);
            check_str(&t, k.public_id);
            check_str(&t, k.system_id);
            for (size_t i = 0; i < k.n_attrs; i++) {
                check_str(&t, k.attrs[i].name);
                check_str(&t, k.attrs[i].value);
            }
        } while (type != HTML_TOK_EOF);
        if (type == HTML_TOK_EOF && at != t.len)
            abort(); /* bytes left unaccounted for */
    }
    arena_free(&a);
    free(in);
    return 0;
}
