/* site.c - posts kept in a Jekyll or Hugo site directory.
 *
 * The site itself is the index: each post's front matter carries the
 * source_url and source_hash it was made from, so no side database can
 * drift from what is on disk. A page is written when new, rewritten when
 * its text changed, and left alone otherwise.
 *
 * A post is never replaced by a different article. The source URL alone
 * does not tell articles apart: many sites give every page one canonical
 * URL (the home page). So a post is the same article as a page when it
 * holds the same text (source_hash), or has the same URL, title and date
 * (the page was revised); anything else gets a post of its own. Runs on
 * one site take turns (a lock file in the site's directory), since each
 * decides by what the others are writing. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/buf.h"
#include "../util/error.h"
#include "../util/fileio.h"
#include "compose.h"

#define FRONT_MATTER_MAX (256 * 1024) /* read no more of a post than this */

typedef struct site_entry {
    fm_values fm; /* source_url, source_hash, title, date */
    char *path;
} site_entry;

struct gisa_site {
    char *posts; /* DIR/_posts or DIR/content/posts */
    gisa_post_options opt;
    site_entry *e;
    size_t n, cap;
    int lock; /* DIR/.gisa.lock, held until gisa_site_close */
};

static int add_entry(gisa_site *s, fm_values *fm, char *path)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        site_entry *ne = realloc(s->e, cap * sizeof *ne);
        if (!ne)
            return 0;
        s->e = ne;
        s->cap = cap;
    }
    s->e[s->n++] = (site_entry){*fm, path};
    return 1;
}

static int same_string(const char *a, const char *b)
{
    return a && b && !strcmp(a, b);
}

/* The same text, or the same page revised (see the top of the file). */
static int same_article(const fm_values *a, const fm_values *b)
{
    if (same_string(a->source_hash, b->source_hash))
        return 1;
    return same_string(a->source_url, b->source_url) && same_string(a->title, b->title) &&
           (a->date ? same_string(a->date, b->date) : !b->date);
}

/* The front matter of the post at `path` (0 when it has none), and, if
 * `whole` is given, whether the file holds exactly those bytes. */
static int read_post(const char *path, fm_values *v, const gisa_post *whole)
{
    memset(v, 0, sizeof *v);
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t cap = whole && whole->len + 1 > FRONT_MATTER_MAX ? whole->len + 1 : FRONT_MATTER_MAX;
    char *text = malloc(cap);
    size_t len = text ? fread(text, 1, cap, f) : 0;
    fclose(f);
    int found = 0;
    if (whole && text && len == whole->len && !memcmp(text, whole->text, len))
        found = 2;
    else if (text && fm_read(text, len, v) && (v->source_url || v->source_hash))
        found = 1;
    else
        fm_values_clear(v);
    free(text);
    return found;
}

static void index_post(gisa_site *s, const char *path)
{
    fm_values v;
    if (!read_post(path, &v, NULL))
        return;
    char *p = strdup(path);
    if (!p || !add_entry(s, &v, p)) {
        free(p);
        fm_values_clear(&v);
    }
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

static void scan(gisa_site *s)
{
    DIR *dir = opendir(s->posts);
    if (!dir)
        return;
    struct dirent *de;
    buf path = BUF_INIT;
    while ((de = readdir(dir))) {
        if (de->d_name[0] == '.')
            continue;
        buf_reset(&path);
        buf_printf(&path, "%s/%s", s->posts, de->d_name);
        struct stat sb;
        if (stat(path.ptr, &sb) != 0)
            continue;
        if (S_ISDIR(sb.st_mode))
            buf_puts(&path, "/index.md"); /* a Hugo page bundle */
        else if (!ends_with(de->d_name, ".md"))
            continue;
        if (!path.oom)
            index_post(s, path.ptr);
    }
    buf_free(&path);
    closedir(dir);
}

gisa_status gisa_site_open(const char *dir, const gisa_post_options *opts,
                           gisa_site **out, gisa_error *err)
{
    *out = NULL;
    if (!opts || (opts->format != GISA_POST_JEKYLL && opts->format != GISA_POST_HUGO))
        return gisa_fail(err, GISA_ERR_USAGE, "%s: a site takes Jekyll or Hugo posts", dir);
    gisa_site *s = calloc(1, sizeof *s);
    buf posts = BUF_INIT;
    buf_printf(&posts, "%s/%s", dir,
               opts->format == GISA_POST_HUGO ? "content/posts" : "_posts");
    if (!s || posts.oom) {
        free(s);
        buf_free(&posts);
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", dir);
    }
    s->lock = -1;
    s->posts = buf_detach(&posts, NULL);
    s->opt = *opts;
    gisa_status st = gisa_make_dirs(s->posts, err);
    if (st == GISA_OK && (s->lock = fileio_lock(dir)) < 0)
        st = gisa_fail(err, GISA_ERR_IO, "%s/.gisa.lock: cannot lock the site: %s", dir,
                       strerror(errno));
    if (st != GISA_OK) {
        gisa_site_close(s);
        return st;
    }
    scan(s); /* under the lock: no other run is adding posts meanwhile */
    *out = s;
    return GISA_OK;
}

/* The post holding the text with `hash`, or else the same page revised. */
static site_entry *find(gisa_site *s, const char *hash, const fm_values *revised)
{
    for (size_t i = 0; hash && i < s->n; i++)
        if (same_string(s->e[i].fm.source_hash, hash))
            return &s->e[i];
    for (size_t i = 0; revised && i < s->n; i++)
        if (same_article(&s->e[i].fm, revised))
            return &s->e[i];
    return NULL;
}

/* The k-th name for `filename` in `dir`: "name.md", then "name-2.md",
 * "name-3.md"... (for a Hugo bundle the directory takes the number). */
static char *numbered_path(const char *dir, const char *filename, int k)
{
    const char *cut = strstr(filename, "/index.md");
    if (!cut) {
        const char *base = strrchr(filename, '/'), *dot = strrchr(filename, '.');
        cut = dot && (!base || dot > base) ? dot : filename + strlen(filename);
    }
    buf p = BUF_INIT;
    buf_printf(&p, "%s/%.*s", dir, (int)(cut - filename), filename);
    if (k > 1)
        buf_printf(&p, "-%d", k);
    buf_puts(&p, cut);
    if (p.oom) {
        buf_free(&p);
        return NULL;
    }
    return buf_detach(&p, NULL);
}

/* A path no other post uses (or `mine`, the post's own). */
static char *free_path(gisa_site *s, const char *filename, const char *mine)
{
    for (int k = 1; k < 1000; k++) {
        char *p = numbered_path(s->posts, filename, k);
        if (!p || (mine && !strcmp(p, mine)) || access(p, F_OK) != 0)
            return p;
        free(p);
    }
    return NULL;
}

/* Make the directory `path` is in. */
static gisa_status make_parent(const char *path, gisa_error *err)
{
    char *dir = strdup(path);
    if (!dir)
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", path);
    *strrchr(dir, '/') = '\0';
    gisa_status st = gisa_make_dirs(dir, err);
    free(dir);
    return st;
}

static gisa_status write_post(const gisa_post *post, const char *path, gisa_error *err)
{
    gisa_status st = make_parent(path, err);
    return st == GISA_OK ? gisa_write_file(path, post->text, post->len, err) : st;
}

static gisa_status unchanged(const site_entry *e, gisa_site_action *action, char **path_out)
{
    *action = GISA_SITE_UNCHANGED;
    if (path_out)
        *path_out = strdup(e->path);
    return GISA_OK;
}

/* Note what was written at `path`: the entry `old` now, or a new one. */
static void remember(gisa_site *s, site_entry *old, fm_values *fm, const char *path)
{
    if (old) {
        if (strcmp(old->path, path))
            unlink(old->path); /* the title changed, and the file name with it */
        fm_values_clear(&old->fm);
        old->fm = *fm;
        free(old->path);
        old->path = strdup(path);
        return;
    }
    char *p = strdup(path);
    if (!p || !add_entry(s, fm, p)) {
        free(p);
        fm_values_clear(fm);
    }
}

/* Compose (or, given ro, rewrite) and write; an unchanged page is left
 * alone before anything is composed, so a model is never asked again for
 * a post already there (a rewrite run stopped half way resumes). */
static gisa_status site_put(gisa_site *s, const gisa_document *doc,
                            const gisa_rewrite_options *ro, gisa_rewrite_stats *stats,
                            gisa_site_action *action, char **path_out, gisa_error *err)
{
    char hash[17];
    source_hash(doc, hash);
    if (path_out)
        *path_out = NULL;
    site_entry *same = find(s, hash, NULL);
    if (same)
        return unchanged(same, action, path_out);
    gisa_post post;
    gisa_status st = ro ? gisa_rewrite(doc, &s->opt, ro, &post, stats, NULL, err)
                        : gisa_compose(doc, &s->opt, &post, err);
    if (st != GISA_OK)
        return st;
    fm_values fm;
    fm_read(post.text, post.len, &fm);
    site_entry *old = find(s, NULL, &fm);
    char *path = free_path(s, post.filename, old ? old->path : NULL);
    if (!path)
        st = gisa_fail(err, GISA_ERR_IO, "%s: no free file name for %s", s->posts,
                       post.filename);
    if (st == GISA_OK)
        st = write_post(&post, path, err);
    gisa_post_clear(&post);
    if (st != GISA_OK) {
        fm_values_clear(&fm);
        free(path);
        return st;
    }
    *action = old ? GISA_SITE_UPDATED : GISA_SITE_ADDED;
    remember(s, old, &fm, path);
    if (path_out)
        *path_out = path;
    else
        free(path);
    return GISA_OK;
}

gisa_status gisa_site_put(gisa_site *s, const gisa_document *doc, gisa_site_action *action,
                          char **path_out, gisa_error *err)
{
    return site_put(s, doc, NULL, NULL, action, path_out, err);
}

gisa_status gisa_site_put_rewrite(gisa_site *s, const gisa_document *doc,
                                  const gisa_rewrite_options *ropts, gisa_site_action *action,
                                  char **path_out, gisa_rewrite_stats *stats, gisa_error *err)
{
    if (stats)
        memset(stats, 0, sizeof *stats);
    if (!ropts || !ropts->model)
        return gisa_fail(err, GISA_ERR_USAGE, "gisa_site_put_rewrite: no model given");
    return site_put(s, doc, ropts, stats, action, path_out, err);
}

void gisa_site_close(gisa_site *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        fm_values_clear(&s->e[i].fm);
        free(s->e[i].path);
    }
    free(s->e);
    free(s->posts);
    if (s->lock >= 0)
        close(s->lock);
    free(s);
}

/* ------------------------------------------------------------ post --out */

/* May the post at `path` be replaced by `post`? Only by the same article:
 * see same_article(); a post without front matter (HTML, Markdown, JSON)
 * only by the same bytes. */
static int replaceable(const char *path, const gisa_post *post)
{
    fm_values old, new;
    int found = read_post(path, &old, post);
    if (found != 1)
        return found == 2;
    int same = fm_read(post->text, post->len, &new) && same_article(&old, &new);
    fm_values_clear(&new);
    fm_values_clear(&old);
    return same;
}

/* Write `post` as `path` unless another article is there: 1 when
 * written, 0 when the name is another article's, -1 on an error. */
static int save_as(const char *path, const gisa_post *post, gisa_error *err)
{
    if (make_parent(path, err) != GISA_OK)
        return -1;
    if (fileio_write(path, post->text, post->len, 0) == 0)
        return 1;
    if (errno != EEXIST) {
        gisa_fail(err, GISA_ERR_IO, "%s: cannot write: %s", path, strerror(errno));
        return -1;
    }
    if (!replaceable(path, post))
        return 0;
    return gisa_write_file(path, post->text, post->len, err) == GISA_OK ? 1 : -1;
}

gisa_status gisa_post_save(const char *dir, const gisa_post *post, char **path_out,
                           gisa_error *err)
{
    *path_out = NULL;
    for (int k = 1; k < 1000; k++) {
        char *path = numbered_path(dir, post->filename, k);
        if (!path)
            return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", dir);
        int rc = save_as(path, post, err);
        if (rc > 0)
            *path_out = path;
        else
            free(path);
        if (rc != 0)
            return rc > 0 ? GISA_OK : err->status;
    }
    return gisa_fail(err, GISA_ERR_IO, "%s: no free file name for %s", dir, post->filename);
}
