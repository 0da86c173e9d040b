/* buf.c - growable byte string. */
#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_free(buf *b)
{
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

void buf_reset(buf *b)
{
    b->len = 0;
    if (b->ptr)
        b->ptr[0] = '\0';
}

int buf_reserve(buf *b, size_t extra)
{
    if (b->oom)
        return 0;
    if (extra > SIZE_MAX - b->len - 1)
        goto fail;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->ptr, cap);
    if (!p)
        goto fail;
    b->ptr = p;
    b->cap = cap;
    return 1;
fail:
    b->oom = 1;
    return 0;
}

void buf_append(buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->ptr + b->len, s, n);
    b->len += n;
    b->ptr[b->len] = '\0';
}

void buf_puts(buf *b, const char *s)
{
    buf_append(b, s, strlen(s));
}

void buf_putc(buf *b, char c)
{
    buf_append(b, &c, 1);
}

void buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !buf_reserve(b, (size_t)n)) {
        b->oom = 1;
        va_end(ap2);
        return;
    }
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    b->len += (size_t)n;
}

char *buf_detach(buf *b, size_t *len)
{
    if (!b->ptr && buf_reserve(b, 0))
        b->ptr[0] = '\0'; /* an empty buffer still detaches as "" */
    if (b->oom) {
        buf_free(b);
        return NULL;
    }
    char *p = b->ptr;
    if (len)
        *len = b->len;
    b->ptr = NULL;
    b->len = b->cap = 0;
    return p;
}

void buf_rtrim(buf *b)
{
    while (b->len && (b->ptr[b->len - 1] == ' ' || b->ptr[b->len - 1] == '\n' ||
                      b->ptr[b->len - 1] == '\t' || b->ptr[b->len - 1] == '\r'))
        b->len--;
    if (b->ptr)
        b->ptr[b->len] = '\0';
}
