/* check.h - the few assertions the unit tests need.
 *
 * A failed check prints file:line and the expression, and the test goes on
 * so one run reports every failure; CHECK_DONE() turns the count into the
 * exit status ctest reads. */
#ifndef GISA_TEST_CHECK_H
#define GISA_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                  \
            check_failures++;                                                \
        }                                                                    \
    } while (0)

/* Compare two C strings; NULL is shown as (null) and equals only NULL. */
#define CHECK_STR(got, want)                                                 \
    do {                                                                     \
        const char *g_ = (got), *w_ = (want);                                \
        if (!((g_ == NULL && w_ == NULL) ||                                  \
              (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0))) {          \
            fprintf(stderr, "%s:%d: %s\n  got:  \"%s\"\n  want: \"%s\"\n",   \
                    __FILE__, __LINE__, #got, g_ ? g_ : "(null)",            \
                    w_ ? w_ : "(null)");                                     \
            check_failures++;                                                \
        }                                                                    \
    } while (0)

#define CHECK_INT(got, want)                                                 \
    do {                                                                     \
        long long g_ = (long long)(got), w_ = (long long)(want);             \
        if (g_ != w_) {                                                      \
            fprintf(stderr, "%s:%d: %s = %lld, want %lld\n", __FILE__,       \
                    __LINE__, #got, g_, w_);                                 \
            check_failures++;                                                \
        }                                                                    \
    } while (0)

/* Does `hay` hold `needle`? */
#define CHECK_HAS(hay, needle)                                               \
    do {                                                                     \
        const char *h_ = (hay), *n_ = (needle);                              \
        if (!h_ || !strstr(h_, n_)) {                                        \
            fprintf(stderr, "%s:%d: %s lacks \"%s\"\n", __FILE__, __LINE__,  \
                    #hay, n_);                                               \
            check_failures++;                                                \
        }                                                                    \
    } while (0)

#define CHECK_LACKS(hay, needle)                                             \
    do {                                                                     \
        const char *h_ = (hay), *n_ = (needle);                              \
        if (h_ && strstr(h_, n_)) {                                          \
            fprintf(stderr, "%s:%d: %s holds \"%s\"\n", __FILE__, __LINE__,  \
                    #hay, n_);                                               \
            check_failures++;                                                \
        }                                                                    \
    } while (0)

#define CHECK_DONE()                                                         \
    do {                                                                     \
        if (check_failures)                                                  \
            fprintf(stderr, "%d check(s) failed\n", check_failures);         \
        return check_failures ? 1 : 0;                                       \
    } while (0)

#endif
