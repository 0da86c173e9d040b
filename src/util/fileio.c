/* fileio.c - atomic file writes and directory creation. */
#include "gisa.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "fileio.h"

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

/* Write, flush and close `fd`; 0 or -1 with errno set. */
static int finish_file(int fd, const char *data, size_t len)
{
    int ok = write_all(fd, data, len) == 0 && fsync(fd) == 0;
    int saved = errno;
    if (close(fd) != 0 && ok)
        return -1;
    errno = saved;
    return ok ? 0 : -1;
}

/* Give `tmp` the name `path`, replacing what was there. */
static int move_into_place(const char *tmp, const char *path)
{
    if (rename(tmp, path) == 0)
        return 0;
    int saved = errno;
    unlink(tmp);
    errno = saved;
    return -1;
}

/* Open the temporary `tmp` as a new file of our own. O_EXCL|O_NOFOLLOW: a
 * name planted in the directory (a symlink to a file elsewhere, say) is
 * never opened, so the data cannot be sent outside the directory. Such a
 * name, or one a killed run left, is removed and the open tried again. */
static int open_new_temporary(const char *tmp)
{
    for (int tries = 0; tries < 3; tries++) {
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd >= 0 || errno != EEXIST)
            return fd;
        if (unlink(tmp) != 0 && errno != ENOENT)
            return -1;
    }
    errno = EEXIST;
    return -1;
}

/* The portable way: a named temporary beside the target, renamed over it
 * (or, when `replace` is 0, linked to it, which fails if it exists). A
 * kill between open and rename leaves the temporary behind. */
static int write_named(const char *path, const char *tmp, const char *data, size_t len,
                       int replace)
{
    int fd = open_new_temporary(tmp);
    if (fd < 0)
        return -1;
    if (finish_file(fd, data, len) != 0) {
        int saved = errno;
        unlink(tmp);
        errno = saved;
        return -1;
    }
    if (replace)
        return move_into_place(tmp, path);
    int rc = link(tmp, path);
    int saved = errno;
    unlink(tmp);
    errno = saved;
    return rc;
}

#ifdef O_TMPFILE
/* Replace `path` with the file open as /proc/self/fd/N (`self`): rename
 * cannot take a descriptor, so the file gets the short-lived name
 * "<path>.tmp" first. A kill in that instant leaves that name behind; the
 * next write of `path` removes it. A racing writer of the same path may
 * remove ours, hence the retries. */
static int link_over(const char *self, const char *path)
{
    size_t n = strlen(path) + 5;
    char *tmp = malloc(n);
    if (!tmp) {
        errno = ENOMEM;
        return -1;
    }
    snprintf(tmp, n, "%s.tmp", path);
    int rc = -1;
    for (int tries = 0; tries < 3 && rc != 0; tries++) {
        unlink(tmp);
        rc = linkat(AT_FDCWD, self, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW);
        if (rc == 0)
            rc = rename(tmp, path);
        else if (errno != EEXIST)
            break;
    }
    int saved = errno;
    if (rc != 0)
        unlink(tmp);
    free(tmp);
    errno = saved;
    return rc;
}
#endif

/* Linux: an unnamed file in the target's directory (O_TMPFILE), linked in
 * only when complete, so a kill while writing leaves nothing. Returns 1
 * when done, 0 when the filesystem or kernel cannot do it (the caller
 * falls back to write_named), -1 on a real error. GISA_NO_TMPFILE in the
 * environment takes the fallback at once: a test hook, since the machines
 * the tests run on all have O_TMPFILE. */
static int write_unnamed(const char *path, const char *data, size_t len, int replace)
{
#ifdef O_TMPFILE
    if (getenv("GISA_NO_TMPFILE"))
        return 0;
    const char *slash = strrchr(path, '/');
    char dir[4096];
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if ((size_t)(slash - path) < sizeof dir)
        snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
    else
        return 0;
    int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
    if (fd < 0)
        return 0; /* unsupported here, or a real error write_named will meet too */
    if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    char self[64];
    snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
    /* A new file gets its name in one step. */
    int rc = linkat(AT_FDCWD, self, AT_FDCWD, path, AT_SYMLINK_FOLLOW);
    if (rc != 0 && errno == EEXIST && replace) {
        rc = link_over(self, path);
    } else if (rc != 0 && errno == ENOENT) {
        close(fd); /* no /proc: write the ordinary way */
        return 0;
    }
    int saved = errno;
    if (close(fd) != 0 && rc == 0)
        return -1;
    errno = saved;
    return rc == 0 ? 1 : -1;
#else
    (void)path, (void)data, (void)len, (void)replace;
    return 0;
#endif
}

int fileio_write(const char *path, const char *data, size_t len, int replace)
{
    int rc = write_unnamed(path, data, len, replace);
    if (rc != 0)
        return rc > 0 ? 0 : -1;
    size_t n = strlen(path) + 32;
    char *tmp = malloc(n);
    if (!tmp) {
        errno = ENOMEM;
        return -1;
    }
    snprintf(tmp, n, "%s.tmp.%ld", path, (long)getpid());
    rc = write_named(path, tmp, data, len, replace);
    int saved = errno;
    free(tmp);
    errno = saved;
    return rc;
}

gisa_status gisa_write_file(const char *path, const char *data, size_t len,
                              gisa_error *err)
{
    if (fileio_write(path, data, len, 1) != 0)
        return gisa_fail(err, errno == ENOMEM ? GISA_ERR_NOMEM : GISA_ERR_IO,
                         "%s: cannot write: %s", path, strerror(errno));
    return GISA_OK;
}

int fileio_lock(const char *dir)
{
    size_t n = strlen(dir) + sizeof "/.gisa.lock";
    char *path = malloc(n);
    if (!path) {
        errno = ENOMEM;
        return -1;
    }
    snprintf(path, n, "%s/.gisa.lock", dir);
    int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    free(path);
    while (fd >= 0 && flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            int saved = errno;
            close(fd);
            errno = saved;
            return -1;
        }
    }
    return fd;
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
