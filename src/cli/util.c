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

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

int write_stdout(const char *data, size_t len)
{
    fflush(stdout);
    if (write_all(STDOUT_FILENO, data, len) != 0) {
        fprintf(stderr, "gisa: cannot write to standard output: %s\n", strerror(errno));
        return EXIT_IO;
    }
    return EXIT_OK;
}

int write_file_atomic(const char *path, const char *data, size_t len, gisa_error *err)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 32);
    if (!tmp) {
        snprintf(err->message, sizeof err->message, "%s: out of memory", path);
        err->status = GISA_ERR_NOMEM;
        return GISA_ERR_NOMEM;
    }
    snprintf(tmp, n + 32, "%s.tmp.%ld", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int ok = fd >= 0 && write_all(fd, data, len) == 0 && fsync(fd) == 0;
    int saved = errno;
    if (fd >= 0 && close(fd) != 0 && ok) {
        ok = 0;
        saved = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = 0;
        saved = errno;
    }
    if (!ok) {
        unlink(tmp); /* never leave half a file behind */
        snprintf(err->message, sizeof err->message, "%s: cannot write: %s", path,
                 strerror(saved));
        err->status = GISA_ERR_IO;
    }
    free(tmp);
    return ok ? GISA_OK : GISA_ERR_IO;
}

int make_dirs(const char *path, gisa_error *err)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s", path) >= (int)sizeof tmp) {
        snprintf(err->message, sizeof err->message, "%.200s...: path too long", path);
        err->status = GISA_ERR_IO;
        return GISA_ERR_IO;
    }
    for (char *p = tmp + 1;; p++) {
        char c = *p;
        if (c != '/' && c != '\0')
            continue;
        *p = '\0';
        if (mkdir(tmp, 0755) != 0 && errno != EEXIST) {
            snprintf(err->message, sizeof err->message, "%.400s: cannot create directory: %s",
                     tmp, strerror(errno));
            err->status = GISA_ERR_IO;
            return GISA_ERR_IO;
        }
        *p = c;
        if (c == '\0')
            break;
    }
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(err->message, sizeof err->message, "%s: not a directory", path);
        err->status = GISA_ERR_IO;
        return GISA_ERR_IO;
    }
    return GISA_OK;
}
