/* error.h - filling a gisa_error. */
#ifndef GISA_ERROR_H
#define GISA_ERROR_H

#include "gisa.h"

/* Set err (if not NULL) to `status` and a formatted message; returns status. */
gisa_status gisa_fail(gisa_error *err, gisa_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The name to show for an input: "stdin" for "-" or NULL, else as given. */
const char *input_label(const char *name);

#endif
