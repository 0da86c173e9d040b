/* jsonl.c - JSON Lines output beside the store (gisa ingest --jsonl).
 *
 * One object a line, written to a temporary file in the target's directory
 * (created with O_EXCL, so nothing planted there is followed) and renamed
 * over the target only when the run has finished: a reader never sees half
 * a file, and a killed run leaves the previous file as it was. A name
 * ending in ".gz" is gzip-compressed as it is written. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/error.h"
#include "../util/zapi.h"
#include "corpus.h"

struct jsonl_writer {
    char *path, *tmp;
    int fd;
    gzFile gz; /* when compressing; owns fd */
    FILE *f;   /* otherwise; owns fd */
};

static int ends_with_gz(const char *path)
{
    size_t n = strlen(path);
    return n > 3 && !strcmp(path + n - 3, ".gz");
}

jsonl_writer *jsonl_open(const char *path, gisa_error *err)
{
    jsonl_writer *w = calloc(1, sizeof *w);
    size_t n = strlen(path);
    if (!w || !(w->path = strdup(path)) || !(w->tmp = malloc(n + 16))) {
        jsonl_abort(w);
        gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", path);
        return NULL;
    }
    snprintf(w->tmp, n + 16, "%s.tmp.XXXXXX", path);
    w->fd = mkstemp(w->tmp); /* O_CREAT|O_EXCL, mode 0600 */
    if (w->fd < 0) {
        gisa_fail(err, GISA_ERR_IO, "%s: cannot create: %s", path, strerror(errno));
        free(w->tmp);
        w->tmp = NULL;
        jsonl_abort(w);
        return NULL;
    }
    (void)fchmod(w->fd, 0644);
    const char *why;
    if (ends_with_gz(path) && !z_api_get(&why)) {
        gisa_fail(err, GISA_ERR_IO, "%s: %s", path, why);
        close(w->fd);
        jsonl_abort(w);
        return NULL;
    }
    if (ends_with_gz(path))
        w->gz = gzdopen(w->fd, "wb6");
    else
        w->f = fdopen(w->fd, "wb");
    if (!w->gz && !w->f) {
        gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", path);
        close(w->fd);
        jsonl_abort(w);
        return NULL;
    }
    return w;
}

gisa_status jsonl_write(jsonl_writer *w, const char *line, size_t len, gisa_error *err)
{
    int ok;
    if (w->gz)
        ok = gzwrite(w->gz, line, (unsigned)len) == (int)len && gzputc(w->gz, '\n') == '\n';
    else
        ok = fwrite(line, 1, len, w->f) == len && fputc('\n', w->f) == '\n';
    if (!ok)
        return gisa_fail(err, GISA_ERR_IO, "%s: cannot write: %s", w->path,
                         errno ? strerror(errno) : "write error");
    return GISA_OK;
}

gisa_status jsonl_commit(jsonl_writer *w, gisa_error *err)
{
    int ok;
    if (w->gz) {
        ok = gzflush(w->gz, Z_FINISH) == Z_OK && fsync(w->fd) == 0;
        ok = (gzclose(w->gz) == Z_OK) && ok;
        w->gz = NULL;
    } else {
        ok = fflush(w->f) == 0 && fsync(w->fd) == 0;
        ok = (fclose(w->f) == 0) && ok;
        w->f = NULL;
    }
    if (!ok || rename(w->tmp, w->path) != 0) {
        gisa_fail(err, GISA_ERR_IO, "%s: cannot write: %s", w->path, strerror(errno));
        jsonl_abort(w);
        return GISA_ERR_IO;
    }
    free(w->tmp);
    w->tmp = NULL;
    jsonl_abort(w);
    return GISA_OK;
}

void jsonl_abort(jsonl_writer *w)
{
    if (!w)
        return;
    if (w->gz)
        gzclose(w->gz);
    if (w->f)
        fclose(w->f);
    if (w->tmp)
        unlink(w->tmp);
    free(w->tmp);
    free(w->path);
    free(w);
}
