/* test_fileio.c - atomic writes: the O_TMPFILE way and the named-temporary
 * fallback (forced with the GISA_NO_TMPFILE test hook), planted symlinks,
 * and writes that must not replace an existing file. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "gisa.h"
#include "util/fileio.h"

static char dir[] = "/tmp/gisa-test-fileio-XXXXXX";

static void path_of(char *p, size_t cap, const char *name)
{
    snprintf(p, cap, "%s/%s", dir, name);
}

/* The whole of a small file, or "" when it cannot be read. */
static const char *contents(const char *path)
{
    static char text[256]; /* test-only scratch; one file at a time */
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    if (f)
        fclose(f);
    text[n] = '\0';
    return text;
}

static int entries(const char *d)
{
    DIR *dh = opendir(d);
    int n = 0;
    for (struct dirent *e; dh && (e = readdir(dh));)
        n += e->d_name[0] != '.';
    if (dh)
        closedir(dh);
    return n;
}

/* A symlink planted where the fallback puts its temporary must not be
 * followed: the file it points to outside the directory stays as it was. */
static void planted_symlink(void)
{
    char out[512], victim[512], tmp[640], link_target[576];
    path_of(out, sizeof out, "out");
    mkdir(out, 0755);
    path_of(victim, sizeof victim, "victim.txt");
    FILE *f = fopen(victim, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs("precious", f);
        fclose(f);
    }
    snprintf(link_target, sizeof link_target, "%s/post.md", out);
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", link_target, (long)getpid());
    CHECK(symlink(victim, tmp) == 0);
    gisa_error err;
    CHECK_INT(gisa_write_file(link_target, "new text", 8, &err), GISA_OK);
    CHECK_STR(contents(victim), "precious");
    CHECK_STR(contents(link_target), "new text");
    if (getenv("GISA_NO_TMPFILE")) { /* the fallback removed the planted name */
        struct stat sb;
        CHECK(lstat(tmp, &sb) != 0);
        CHECK_INT(entries(out), 1);
    }
    unlink(tmp);
    unlink(link_target);
    rmdir(out);
    unlink(victim);
}

/* replace = 0: an existing file is kept and the write fails with EEXIST. */
static void no_replace(void)
{
    char p[512];
    path_of(p, sizeof p, "kept.md");
    CHECK_INT(fileio_write(p, "first", 5, 0), 0);
    errno = 0;
    CHECK_INT(fileio_write(p, "second", 6, 0), -1);
    CHECK_INT(errno, EEXIST);
    CHECK_STR(contents(p), "first");
    CHECK_INT(fileio_write(p, "third", 5, 1), 0);
    CHECK_STR(contents(p), "third");
    CHECK_INT(entries(dir), 1);
    unlink(p);
}

static void both_ways(void (*test)(void))
{
    unsetenv("GISA_NO_TMPFILE");
    test();
    setenv("GISA_NO_TMPFILE", "1", 1);
    test();
    unsetenv("GISA_NO_TMPFILE");
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    both_ways(planted_symlink);
    both_ways(no_replace);
    rmdir(dir);
    CHECK_DONE();
}
