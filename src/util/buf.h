/* buf.h - a growable byte string, always NUL-terminated.
 *
 * Appends never fail loudly: on out-of-memory the buffer records the
 * failure in `oom` and ignores further appends, so callers check once at
 * the end instead of after every call. */
#ifndef GISA_BUF_H
#define GISA_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct buf {
    char *ptr;
    size_t len;
    size_t cap;
    int oom;
} buf;

#define BUF_INIT {NULL, 0, 0, 0}

void buf_free(buf *b);
void buf_reset(buf *b); /* len = 0, memory kept */
int buf_reserve(buf *b, size_t extra);
void buf_append(buf *b, const char *s, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hand the string to the caller (malloc'd) and reset the buffer. */
char *buf_detach(buf *b, size_t *len);
/* Drop trailing ASCII whitespace. */
void buf_rtrim(buf *b);

#endif
