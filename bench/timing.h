/* timing.h - the clock and the order statistics the bench drivers share.
 * Header-only so that each driver stays one file that CMake builds alone. */
#ifndef GISA_BENCH_TIMING_H
#define GISA_BENCH_TIMING_H

#include <stdlib.h>
#include <time.h>

/* A monotonic clock in milliseconds: wall time, immune to clock changes. */
static inline double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* qsort's comparison for doubles. */
static inline int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median of v (upper median for an even n; 0 for none). Sorts v. */
static inline double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n ? v[n / 2] : 0;
}

#endif
