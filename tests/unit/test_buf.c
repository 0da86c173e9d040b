/* test_buf.c - appends, printf, detach, rtrim, reset. */
#include <stdlib.h>

#include "check.h"
#include "util/buf.h"

static void test_append(void)
{
    buf b = BUF_INIT;
    buf_puts(&b, "해양");
    buf_putc(&b, ' ');
    buf_append(&b, "수산부XYZ", 9);
    CHECK_STR(b.ptr, "해양 수산부");
    CHECK_INT(b.len, strlen("해양 수산부"));
    CHECK_INT(b.oom, 0);
    buf_free(&b);
    CHECK(b.ptr == NULL);
}

static void test_printf_long(void)
{
    buf b = BUF_INIT;
    buf_printf(&b, "%d-%s", 42, "x");
    CHECK_STR(b.ptr, "42-x");
    /* Longer than any first guess at the size. */
    char big[5000];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    buf_printf(&b, "[%s]", big);
    CHECK_INT(b.len, 4 + 2 + 4999);
    CHECK(b.ptr[b.len - 1] == ']' && b.ptr[b.len] == '\0');
    buf_free(&b);
}

static void test_detach_reset_trim(void)
{
    buf b = BUF_INIT;
    buf_puts(&b, "line \t\n\n");
    buf_rtrim(&b);
    CHECK_STR(b.ptr, "line");
    buf_reset(&b);
    CHECK_INT(b.len, 0);
    buf_puts(&b, "again");
    size_t len = 0;
    char *s = buf_detach(&b, &len);
    CHECK_STR(s, "again");
    CHECK_INT(len, 5);
    CHECK(b.ptr == NULL && b.len == 0);
    free(s);
    /* Detaching an empty buffer still gives a string. */
    char *e = buf_detach(&b, &len);
    CHECK(e != NULL && len == 0 && e && *e == '\0');
    free(e);
}

static void test_many_appends(void)
{
    buf b = BUF_INIT;
    for (int i = 0; i < 100000; i++)
        buf_putc(&b, (char)('a' + i % 26));
    CHECK_INT(b.len, 100000);
    CHECK(b.ptr[99999] == 'a' + 99999 % 26);
    CHECK(b.ptr[100000] == '\0');
    buf_free(&b);
}

int main(void)
{
    test_append();
    test_printf_long();
    test_detach_reset_trim();
    test_many_appends();
    CHECK_DONE();
}
