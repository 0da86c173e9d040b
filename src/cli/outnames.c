/* outnames.c - distinct output names for `gisa extract --out DIR`.
 *
 * A page's outputs are DIR/<id>.txt and DIR/<id>.json, <id> its file name
 * without extensions. Left at that, pages named alike (a/x.html, b/x.html,
 * b/x.htm) would overwrite each other's outputs, and a page lying in DIR
 * (DIR/x.txt, a text dump) would be overwritten by its own extraction. So
 * the first page of a name keeps it, the next ones get <id>-2, <id>-3...,
 * and a name whose .txt or .json is one of the inputs is passed over. A
 * numbered name is never another page's own <id>. The names depend only
 * on the inputs and their order: the same command gives the same names.
 * Inputs are told apart by device and inode, so another path to the same
 * file (a hard link, "./", a symlink) is recognised as well. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

typedef struct file_key {
    dev_t dev;
    ino_t ino;
} file_key;

typedef struct names_ctx {
    const char *dir;
    char **ids;       /* each page's <id>, by input order */
    int *order;       /* page indexes sorted by (<id>, input order) */
    int n;
    file_key *inputs; /* every input, followed and not, sorted */
    size_t ninputs;
} names_ctx;

void page_id(const char *path, char *id, size_t cap)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    snprintf(id, cap, "%s", base);
    static const char *const exts[] = {".gz", ".html", ".htm", ".xhtml", ".txt", ".hwp",
                                       ".hwpx"};
    for (int again = 1; again;) {
        again = 0;
        size_t n = strlen(id);
        for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
            size_t m = strlen(exts[i]);
            if (n > m && !strcmp(id + n - m, exts[i])) {
                id[n - m] = '\0';
                again = 1;
                break;
            }
        }
    }
}

static int key_cmp(const void *a, const void *b)
{
    const file_key *x = a, *y = b;
    if (x->dev != y->dev)
        return x->dev < y->dev ? -1 : 1;
    return x->ino < y->ino ? -1 : x->ino > y->ino;
}

/* Is the file at `path` (or the symlink there) one of the inputs? */
static int is_input(const names_ctx *c, const char *path)
{
    struct stat sb;
    for (int follow = 0; follow < 2; follow++) {
        if ((follow ? stat(path, &sb) : lstat(path, &sb)) != 0)
            continue;
        file_key k = {sb.st_dev, sb.st_ino};
        if (bsearch(&k, c->inputs, c->ninputs, sizeof k, key_cmp))
            return 1;
    }
    return 0;
}

static int outputs_are_input(const names_ctx *c, const char *name)
{
    size_t cap = strlen(c->dir) + strlen(name) + 8;
    char *path = malloc(cap);
    if (!path)
        return 0;
    snprintf(path, cap, "%s/%s.txt", c->dir, name);
    int hit = is_input(c, path);
    snprintf(path, cap, "%s/%s.json", c->dir, name);
    hit = hit || is_input(c, path);
    free(path);
    return hit;
}

static int order_cmp(const void *a, const void *b, void *ctx)
{
    const names_ctx *c = ctx;
    int i = *(const int *)a, j = *(const int *)b;
    int d = strcmp(c->ids[i], c->ids[j]);
    return d ? d : (i > j) - (i < j);
}

/* Is `name` some page's own <id>? (A binary search of the sorted ids.) */
static int is_some_id(const names_ctx *c, const char *name)
{
    int lo = 0, hi = c->n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        int d = strcmp(name, c->ids[c->order[mid]]);
        if (d == 0)
            return 1;
        if (d < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

/* The k-th name for `id`: "id", then "id-2", "id-3"... (malloc'd). */
static char *numbered(const char *id, int k)
{
    size_t cap = strlen(id) + 16;
    char *s = malloc(cap);
    if (s && k == 1)
        snprintf(s, cap, "%s", id);
    else if (s)
        snprintf(s, cap, "%s-%d", id, k);
    return s;
}

/* Name the pages of one <id>, order[from..to), in input order. */
static int name_group(const names_ctx *c, int from, int to, char **names)
{
    int k = 0;
    for (int g = from; g < to; g++) {
        const char *id = c->ids[c->order[g]];
        char *name = NULL;
        do {
            free(name);
            if (!(name = numbered(id, ++k)))
                return 0;
        } while ((k > 1 && is_some_id(c, name)) || outputs_are_input(c, name));
        names[c->order[g]] = name;
    }
    return 1;
}

static int collect_inputs(names_ctx *c, char **files)
{
    c->inputs = malloc(2 * (size_t)c->n * sizeof *c->inputs);
    if (!c->inputs)
        return 0;
    for (int i = 0; i < c->n; i++) {
        struct stat sb;
        if (stat(files[i], &sb) == 0)
            c->inputs[c->ninputs++] = (file_key){sb.st_dev, sb.st_ino};
        if (lstat(files[i], &sb) == 0)
            c->inputs[c->ninputs++] = (file_key){sb.st_dev, sb.st_ino};
    }
    qsort(c->inputs, c->ninputs, sizeof *c->inputs, key_cmp);
    return 1;
}

char **output_names(const char *dir, char **files, int n)
{
    names_ctx c = {dir, calloc((size_t)n, sizeof(char *)), malloc((size_t)n * sizeof(int)),
                   n, NULL, 0};
    char **names = calloc((size_t)n, sizeof *names);
    int ok = c.ids && c.order && names && collect_inputs(&c, files);
    for (int i = 0; ok && i < n; i++) {
        char id[256];
        page_id(files[i], id, sizeof id);
        ok = (c.ids[i] = strdup(id)) != NULL;
        c.order[i] = i;
    }
    if (ok)
        qsort_r(c.order, (size_t)n, sizeof *c.order, order_cmp, &c);
    for (int g = 0, end; ok && g < n; g = end) {
        for (end = g + 1; end < n && !strcmp(c.ids[c.order[end]], c.ids[c.order[g]]); end++)
            ;
        ok = name_group(&c, g, end, names);
    }
    for (int i = 0; c.ids && i < n; i++)
        free(c.ids[i]);
    free(c.ids);
    free(c.order);
    free(c.inputs);
    if (!ok) {
        output_names_free(names, n);
        return NULL;
    }
    return names;
}

void output_names_free(char **names, int n)
{
    for (int i = 0; names && i < n; i++)
        free(names[i]);
    free(names);
}
