/* regex.c - compiling the library's patterns. */
#include "regex.h"

#include <stdlib.h>

pcre2_code *regex_compile_interpreted(const char *pattern)
{
    int code;
    PCRE2_SIZE off;
    if (!pcre2_api_get(NULL))
        return NULL;
    return pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                         PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK, &code, &off, NULL);
}

pcre2_code *regex_compile(const char *pattern)
{
    pcre2_code *re = regex_compile_interpreted(pattern);
    /* GISA_NO_JIT: the interpreter instead, for valgrind, which cannot
     * follow JIT code (its vector reads past a subject look invalid). */
    if (re && !getenv("GISA_NO_JIT"))
        pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    return re;
}
