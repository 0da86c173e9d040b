/* fileio.c - atomic file writes and directory creation. */
#include "gisa.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"

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

gisa_status gisa_write_file(const char *path, const char *data, size_t len,
                              gisa_error *err)
{
    size_t n = strlen(path) + 32;
    char *tmp = malloc(n);
    if (!tmp)
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", path);
    snprintf(tmp, n, "%s.tmp.%ld", path, (long)getpid());
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
    if (!ok)
        unlink(tmp);
    free(tmp);
    if (!ok)
        return gisa_fail(err, GISA_ERR_IO, "%s: cannot write: %s", path, strerror(saved));
    return GISA_OK;
}

gisa_status gisa_make_dirs(const char *path, gisa_error *err)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 1);
    if (!tmp)
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", path);
    memcpy(tmp, path, n + 1);
    gisa_status st = GISA_OK;
    for (char *p = tmp + 1;; p++) {
        char c = *p;
        if (c != '/' && c != '\0')
            continue;
        *p = '\0';
        if (mkdir(tmp, 0755) != 0 && errno != EEXIST) {
            st = gisa_fail(err, GISA_ERR_IO, "%s: cannot create directory: %s", tmp,
                           strerror(errno));
            break;
        }
        *p = c;
        if (c == '\0')
            break;
    }
    free(tmp);
    struct stat sb;
    if (st == GISA_OK && (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)))
        st = gisa_fail(err, GISA_ERR_IO, "%s: not a directory", path);
    return st;
}
