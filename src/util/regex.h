/* regex.h - PCRE2 patterns compiled once and shared read-only.
 *
 * Each user keeps its compiled patterns in a static array filled under
 * pthread_once: after that the code is only read, which PCRE2 allows from
 * many threads at once (match data stays per call). */
#ifndef GISA_REGEX_H
#define GISA_REGEX_H

#include "pcre2api.h"

/* A UTF-8, Unicode-properties pattern, JIT-compiled where the platform
 * allows; NULL if it does not compile, or if PCRE2 cannot be loaded
 * (callers then skip it). */
pcre2_code *regex_compile(const char *pattern);

/* The same, never JIT-compiled: for patterns run on a few short strings,
 * where compiling to machine code (about 0.2 million instructions per
 * pattern) costs more than all the matching it would speed up. */
pcre2_code *regex_compile_interpreted(const char *pattern);

#endif
