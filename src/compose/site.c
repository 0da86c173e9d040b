/* site.c - posts kept in a Jekyll or Hugo site directory.
 *
 * The site itself is the index: each post's front matter carries the
 * source_url and source_hash it was made from, so no side database can
 * drift from what is on disk. A page is written when new, rewritten when
 * its text changed, and left alone otherwise. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/buf.h"
#include "../util/error.h"
#include "compose.h"

#define FRONT_MATTER_MAX (256 * 1024) /* read no more of a post than this */

typedef struct site_entry {
    char *url;
    char *hash;
    char *path;
} site_entry;

struct gisa_site {
    char *posts; /* DIR/_posts or DIR/content/posts */
    gisa_post_options opt;
    site_entry *e;
    size_t n, cap;
};

static int add_entry(gisa_site *s, char *url, char *hash, char *path)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        site_entry *ne = realloc(s->e, cap * sizeof *ne);
        if (!ne)
            return 0;
        s->e = ne;
        s->cap = cap;
    }
    s->e[s->n++] = (site_entry){url, hash, path};
    return 1;
}

static void index_post(gisa_site *s, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    char *text = malloc(FRONT_MATTER_MAX);
    size_t len = text ? fread(text, 1, FRONT_MATTER_MAX, f) : 0;
    fclose(f);
    fm_values v;
    if (text && fm_read(text, len, &v) && (v.source_url || v.source_hash)) {
        char *p = strdup(path);
        if (!p || !add_entry(s, v.source_url, v.source_hash, p)) {
            free(p);
            fm_values_clear(&v);
        }
    }
    free(text);
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
    s->posts = buf_detach(&posts, NULL);
    s->opt = *opts;
    gisa_status st = gisa_make_dirs(s->posts, err);
    if (st != GISA_OK) {
        gisa_site_close(s);
        return st;
    }
    scan(s);
    *out = s;
    return GISA_OK;
}

static site_entry *find(gisa_site *s, const char *url, const char *hash)
{
    for (size_t i = 0; i < s->n; i++) {
        if (url && s->e[i].url && !strcmp(s->e[i].url, url))
            return &s->e[i];
        if (hash && s->e[i].hash && !strcmp(s->e[i].hash, hash))
            return &s->e[i];
    }
    return NULL;
}

/* A path no other post uses: "name.md", else "name-2.md", "name-3.md"...
 * (for a Hugo bundle the directory takes the number). */
static char *free_path(gisa_site *s, const char *filename, const char *mine)
{
    const char *cut = strstr(filename, "/index.md");
    if (!cut)
        cut = filename + strlen(filename) - 3; /* ".md" */
    for (int k = 1; k < 1000; k++) {
        buf p = BUF_INIT;
        buf_printf(&p, "%s/%.*s", s->posts, (int)(cut - filename), filename);
        if (k > 1)
            buf_printf(&p, "-%d", k);
        buf_puts(&p, cut);
        if (p.oom)
            return NULL;
        if ((mine && !strcmp(p.ptr, mine)) || access(p.ptr, F_OK) != 0)
            return buf_detach(&p, NULL);
        buf_free(&p);
    }
    return NULL;
}

static gisa_status write_post(gisa_site *s, const gisa_post *post, const char *path,
                              gisa_error *err)
{
    char *dir = strdup(path);
    if (!dir)
        return gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", path);
    *strrchr(dir, '/') = '\0';
    gisa_status st = gisa_make_dirs(dir, err);
    free(dir);
    (void)s;
    return st == GISA_OK ? gisa_write_file(path, post->text, post->len, err) : st;
}

gisa_status gisa_site_put(gisa_site *s, const gisa_document *doc, gisa_site_action *action,
                          char **path_out, gisa_error *err)
{
    char hash[17];
    source_hash(doc, hash);
    site_entry *old = find(s, doc->url, NULL);
    site_entry *same = find(s, NULL, hash);
    if (path_out)
        *path_out = NULL;
    if ((old && old->hash && !strcmp(old->hash, hash)) || (!old && same)) {
        *action = GISA_SITE_UNCHANGED;
        if (path_out)
            *path_out = strdup((old ? old : same)->path);
        return GISA_OK;
    }
    gisa_post post;
    gisa_status st = gisa_compose(doc, &s->opt, &post, err);
    if (st != GISA_OK)
        return st;
    char *path = free_path(s, post.filename, old ? old->path : NULL);
    if (!path)
        st = gisa_fail(err, GISA_ERR_IO, "%s: no free file name for %s", s->posts,
                       post.filename);
    if (st == GISA_OK)
        st = write_post(s, &post, path, err);
    gisa_post_clear(&post);
    if (st != GISA_OK) {
        free(path);
        return st;
    }
    if (old) {
        if (strcmp(old->path, path))
            unlink(old->path); /* the title changed, and the file name with it */
        free(old->hash);
        free(old->path);
        old->hash = strdup(hash);
        old->path = strdup(path);
        *action = GISA_SITE_UPDATED;
    } else {
        add_entry(s, doc->url ? strdup(doc->url) : NULL, strdup(hash), strdup(path));
        *action = GISA_SITE_ADDED;
    }
    if (path_out)
        *path_out = path;
    else
        free(path);
    return GISA_OK;
}

void gisa_site_close(gisa_site *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        free(s->e[i].url);
        free(s->e[i].hash);
        free(s->e[i].path);
    }
    free(s->e);
    free(s->posts);
    free(s);
}
