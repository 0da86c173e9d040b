/* error.c - one-line error messages. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

gisa_status gisa_fail(gisa_error *err, gisa_status status, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        err->status = status;
    }
    return status;
}

const char *input_label(const char *name)
{
    if (!name || (name[0] == '-' && name[1] == '\0'))
        return "stdin";
    return name;
}

const char *gisa_status_name(gisa_status status)
{
    switch (status) {
    case GISA_OK: return "success";
    case GISA_ERR_INPUT: return "bad input";
    case GISA_ERR_USAGE: return "usage error";
    case GISA_ERR_IO: return "I/O error";
    case GISA_ERR_NOMEM: return "out of memory or over a limit";
    case GISA_ERR_UNSUPPORTED: return "unsupported by the sources";
    case GISA_ERR_LICENSE: return "the licence forbids it";
    }
    return "unknown status";
}

void gisa_free(void *p)
{
    free(p);
}
