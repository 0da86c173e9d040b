/* util.c - error reporting, loading and safe writing for the subcommands. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int report(const gisa_error *err)
{
    fprintf(stderr, "gisa: %s\n", err->message);
    switch (err->status) {
    case GISA_OK: return EXIT_OK;
    case GISA_ERR_INPUT: return EXIT_INPUT;
    case GISA_ERR_USAGE: return EXIT_USAGE;
    case GISA_ERR_IO: return EXIT_IO;
    case GISA_ERR_NOMEM: return EXIT_INTERNAL;
    case GISA_ERR_UNSUPPORTED: return EXIT_UNSUPPORTED;
    }
    return EXIT_INTERNAL;
}

int usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "gisa %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'gisa %s --help'.\n", cmd);
    va_end(ap);
    return EXIT_USAGE;
}

int load_document(const char *path, const gisa_extract_options *opts,
                  gisa_document **doc, gisa_error *err)
{
    gisa_bytes bytes;
    size_t max = opts ? opts->max_input : 0;
    gisa_status st = gisa_load(path, max, &bytes, err);
    if (st != GISA_OK)
        return st;
    gisa_source src = {path, bytes.data, bytes.len, NULL, NULL};
    st = gisa_extract(&src, opts, doc, err);
    gisa_bytes_free(&bytes);
    return st;
}

int write_stdout(const char *data, size_t len)
{
    fflush(stdout);
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(STDOUT_FILENO, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    if (done < len) {
        fprintf(stderr, "gisa: cannot write to standard output: %s\n", strerror(errno));
        return EXIT_IO;
    }
    return EXIT_OK;
}
