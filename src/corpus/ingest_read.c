/* ingest_read.c - the reader's local inputs: page files, directories
 * (walked in name order), lists of inputs, and the dispatch of each input
 * to its reader (a URL to ingest_fetch.c, a WARC to ingest_warc.c). */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "ingest.h"

#define MAX_DEPTH 32 /* directory nesting followed */

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcasecmp(s + n - m, suffix);
}

int ingest_is_warc(const char *path)
{
    return has_suffix(path, ".warc") || has_suffix(path, ".warc.gz");
}

static int is_page(const char *path)
{
    static const char *const exts[] = {".html", ".htm", ".xhtml", ".html.gz", ".htm.gz",
                                       ".xhtml.gz", ".rss", ".atom", ".hwp", ".hwpx"};
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (has_suffix(path, exts[i]))
            return 1;
    return 0;
}

/* "file://" and the absolute path `abs`, malloc'd. */
static char *file_url(const char *abs)
{
    size_t ulen = strlen(abs) + 8;
    char *url = malloc(ulen);
    if (url)
        snprintf(url, ulen, "file://%s", abs);
    return url;
}

/* The file's time, not the clock's, so that runs are reproducible. */
static char *file_time(const struct stat *sb)
{
    char when[32];
    struct tm tm;
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&sb->st_mtime, &tm));
    return strdup(when);
}

static int read_page(pipeline *p, const char *path)
{
    gisa_error err;
    gisa_bytes bytes;
    if (gisa_load(path, p->max_input, &bytes, &err) != GISA_OK)
        return ingest_submit_failure(p, path, &err);
    if (feed_sniff(bytes.data, bytes.len)) {
        int ok = ingest_read_feed(p, path, bytes.data, bytes.len, NULL, NULL);
        gisa_bytes_free(&bytes);
        return ok;
    }
    job *j = ingest_new_job(JOB_PAGE, path);
    char abs[PATH_MAX];
    struct stat sb;
    if (!j || !realpath(path, abs) || stat(path, &sb) != 0) {
        gisa_bytes_free(&bytes);
        ingest_job_free(j);
        gisa_fail(&err, GISA_ERR_IO, "%s: %s", path, strerror(errno ? errno : ENOMEM));
        return ingest_submit_failure(p, path, &err);
    }
    j->url = file_url(abs);
    j->fetched = file_time(&sb);
    j->data = bytes.data;
    j->len = bytes.len;
    if (!j->url || !j->fetched) {
        ingest_job_free(j);
        return 0;
    }
    return ingest_submit(p, j);
}

static int read_input(pipeline *p, const char *path, int depth);

static int select_entry(const struct dirent *d)
{
    return d->d_name[0] != '.';
}

/* Entry `name` of directory `dir`, read if it is a directory, a WARC or
 * a page file; anything else is passed over. 0 if the run must stop. */
static int read_entry(pipeline *p, const char *dir, const char *name, int depth)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *path = malloc(len);
    if (!path)
        return 0;
    snprintf(path, len, "%s/%s", dir, name);
    int ok = 1;
    struct stat sb;
    if (stat(path, &sb) == 0 && (S_ISDIR(sb.st_mode) || ingest_is_warc(path) || is_page(path)))
        ok = read_input(p, path, depth + 1);
    free(path);
    return ok;
}

/* Walk a directory in name order, so runs are reproducible. */
static int read_dir(pipeline *p, const char *dir, int depth)
{
    struct dirent **names;
    int n = scandir(dir, &names, select_entry, alphasort);
    if (n < 0) {
        gisa_error err;
        gisa_fail(&err, GISA_ERR_IO, "%s: %s", dir, strerror(errno));
        return ingest_submit_failure(p, dir, &err);
    }
    int ok = 1;
    for (int i = 0; i < n; i++) {
        if (ok)
            ok = read_entry(p, dir, names[i]->d_name, depth);
        free(names[i]);
    }
    free(names);
    return ok;
}

/* Does `path` start with a URL scheme (letters, then "://")? */
static int has_scheme(const char *path)
{
    const char *scheme_end = strstr(path, "://");
    return scheme_end && scheme_end > path &&
           strspn(path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") ==
               (size_t)(scheme_end - path);
}

static int read_input(pipeline *p, const char *path, int depth)
{
    struct stat sb;
    gisa_error err;
    if (depth == 0 && ingest_is_url(path))
        return ingest_read_url(p, path, 0);
    if (depth == 0 && has_scheme(path) && stat(path, &sb) != 0) {
        gisa_fail(&err, GISA_ERR_INPUT, "%s: only http and https URLs are fetched", path);
        return ingest_submit_failure_as(p, path, &err, GISA_FAIL_NETWORK);
    }
    if (stat(path, &sb) != 0) {
        gisa_fail(&err, GISA_ERR_IO, "%s: %s", path, strerror(errno));
        return ingest_submit_failure(p, path, &err);
    }
    if (S_ISDIR(sb.st_mode)) {
        if (depth >= MAX_DEPTH) {
            gisa_fail(&err, GISA_ERR_INPUT, "%s: directories nested too deep", path);
            return ingest_submit_failure(p, path, &err);
        }
        return read_dir(p, path, depth);
    }
    if (ingest_is_warc(path))
        return ingest_read_warc(p, path);
    return read_page(p, path);
}

/* One input per line; blank lines and # comments are ignored. */
static int read_list(pipeline *p, const char *list)
{
    gisa_error err;
    FILE *f = fopen(list, "r");
    if (!f) {
        gisa_fail(&err, GISA_ERR_IO, "%s: %s", list, strerror(errno));
        return ingest_submit_failure(p, list, &err);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int ok = 1;
    while (ok && (n = getline(&line, &cap, f)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
            line[--n] = '\0';
        char *s = line + strspn(line, " \t");
        if (!*s || *s == '#')
            continue;
        ok = read_input(p, s, 0);
    }
    free(line);
    fclose(f);
    return ok;
}

int ingest_read_inputs(pipeline *p, const char *const *inputs, size_t ninputs)
{
    int ok = 1;
    for (size_t i = 0; ok && i < ninputs; i++)
        ok = read_input(p, inputs[i], 0);
    if (ok && p->opts->list)
        ok = read_list(p, p->opts->list);
    return ok;
}
