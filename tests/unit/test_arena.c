/* test_arena.c - alignment, growth past one chunk, big blocks, strdup. */
#include <stdint.h>

#include "check.h"
#include "util/arena.h"

static void test_alignment(void)
{
    arena a;
    arena_init(&a);
    for (size_t n = 1; n < 100; n += 7) {
        void *p = arena_alloc(&a, n);
        CHECK(p != NULL);
        CHECK((uintptr_t)p % 16 == 0);
    }
    arena_free(&a);
    CHECK(a.head == NULL);
    CHECK_INT(a.total, 0);
}

static void test_growth(void)
{
    arena a;
    arena_init(&a);
    /* Many small strings spanning several chunks must all stay intact. */
    char *keep[2000];
    for (int i = 0; i < 2000; i++) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "block-%d", i);
        keep[i] = arena_strdup(&a, tmp);
        CHECK(keep[i] != NULL);
    }
    int intact = 1;
    for (int i = 0; i < 2000; i++) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "block-%d", i);
        intact &= keep[i] && strcmp(keep[i], tmp) == 0;
    }
    CHECK(intact);
    CHECK(a.total >= 2000 * 8);
    arena_free(&a);
}

static void test_big_block(void)
{
    arena a;
    arena_init(&a);
    size_t big = (size_t)3 << 20; /* larger than any chunk */
    unsigned char *p = arena_alloc(&a, big);
    CHECK(p != NULL);
    if (p) {
        memset(p, 0xAB, big);
        CHECK(p[big - 1] == 0xAB);
    }
    CHECK(arena_alloc(&a, 10) != NULL);
    arena_free(&a);
}

static void test_calloc_and_dup(void)
{
    arena a;
    arena_init(&a);
    int *z = arena_calloc(&a, 100, sizeof *z);
    CHECK(z != NULL);
    int zero = 1;
    for (int i = 0; z && i < 100; i++)
        zero &= z[i] == 0;
    CHECK(zero);
    CHECK(arena_calloc(&a, SIZE_MAX / 2, 4) == NULL); /* overflow refused */
    CHECK_STR(arena_strndup(&a, "정책브리핑", 6), "정책");
    CHECK_STR(arena_strdup(&a, ""), "");
    arena_free(&a);
}

int main(void)
{
    test_alignment();
    test_growth();
    test_big_block();
    test_calloc_and_dup();
    CHECK_DONE();
}
