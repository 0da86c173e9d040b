/* fileio.h - atomic writes beyond gisa_write_file (include/gisa.h). */
#ifndef GISA_FILEIO_H
#define GISA_FILEIO_H

#include <stddef.h>

/* Write `data` to `path` atomically (see gisa_write_file). With `replace`
 * 0 an existing `path` is left alone and the call fails with errno EEXIST,
 * decided in the same step that gives the new file its name, so two
 * writers racing for one name cannot both win. 0, or -1 with errno set. */
int fileio_write(const char *path, const char *data, size_t len, int replace);

/* Hold the lock of directory `dir` (the file DIR/.gisa.lock, made if
 * missing and left in place: removing a lock file others may be waiting
 * on would let two holders in), waiting while another process holds it.
 * The descriptor, to close() when done, or -1 with errno set. */
int fileio_lock(const char *dir);

#endif
