/* test_lazylib.c - libraries loaded on first use (util/lazylib.h): a
 * present library's table, the messages naming a missing library or
 * function and its package, and one table for every thread. zlib stands
 * in for the real ones: it is always there. */
#include <pthread.h>
#include <string.h>
#include <zlib.h>

#include "check.h"
#include "util/lazylib.h"

#define Z_FUNCS(X)                                                                 \
    X(const char *, zlibVersion, (void))                                           \
    X(uLong, crc32, (uLong, const Bytef *, uInt))

typedef struct z_api {
    LAZYLIB_FIELDS(Z_FUNCS)
} z_api;

LAZYLIB_DECLARE(z_api, z_here)
LAZYLIB_DECLARE(z_api, z_gone)
LAZYLIB_DEFINE(z_api, z_here, Z_FUNCS, "libz.so.1", "zlib1g", "testing")
LAZYLIB_DEFINE(z_api, z_gone, Z_FUNCS, "libgisa-no-such-library.so.9", "gisa-nothing",
               "reading nothing")

static void test_present(void)
{
    const char *why = "unset";
    const z_api *z = z_here_get(&why);
    CHECK(z != NULL);
    CHECK(why == NULL);
    if (!z)
        return;
    CHECK_STR(z->zlibVersion(), zlibVersion());
    CHECK_INT(z->crc32(0, (const Bytef *)"gisa", 4), crc32(0, (const Bytef *)"gisa", 4));
    CHECK(z_here_get(NULL) == z);
    CHECK(z_here_loaded() == z);
}

static void test_missing_library(void)
{
    const char *why = NULL;
    CHECK(z_gone_get(&why) == NULL);
    CHECK(why && strstr(why, "reading nothing needs libgisa-no-such-library.so.9"));
    CHECK(why && strstr(why, "Debian: gisa-nothing"));
    const char *again = NULL;
    CHECK(z_gone_get(&again) == NULL);
    CHECK(again == why); /* tried once, not on every call */
}

static void test_missing_function(void)
{
    char err[256] = "";
    void *lib = lazylib_open("libz.so.1", "zlib1g", "testing", err, sizeof err);
    CHECK(lib != NULL);
    if (!lib)
        return;
    CHECK(lazylib_sym(lib, "libz.so.1", "gisa_no_such_function", err, sizeof err) == NULL);
    CHECK_STR(err, "libz.so.1 has no gisa_no_such_function (too old a version?)");
}

static void *get_from_thread(void *arg)
{
    (void)arg;
    return (void *)z_here_get(NULL);
}

static void test_threads(void)
{
    pthread_t t[8];
    void *got[8];
    for (int i = 0; i < 8; i++)
        pthread_create(&t[i], NULL, get_from_thread, NULL);
    for (int i = 0; i < 8; i++)
        pthread_join(t[i], &got[i]);
    for (int i = 0; i < 8; i++)
        CHECK(got[i] == (void *)z_here_get(NULL));
}

int main(void)
{
    test_threads(); /* first: the threads race to load it */
    test_present();
    test_missing_library();
    test_missing_function();
    CHECK_DONE();
}
