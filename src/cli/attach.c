/* attach.c - pages given by URL, and the attachment a page's post is
 * composed from when the page is only its summary (gisa post). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"

int input_is_url(const char *s)
{
    return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8);
}

static void forget_last(page_input *in)
{
    free(in->last_url);
    gisa_free(in->last_final);
    gisa_free(in->last_ctype);
    gisa_bytes_free(&in->last);
    in->last_url = in->last_final = in->last_ctype = NULL;
}

void page_input_clear(page_input *in)
{
    forget_last(in);
    gisa_fetcher_free(in->fetcher);
    in->fetcher = NULL;
}

/* Fetch `url` politely (the fetcher is made at the first URL, so the
 * per-host delay holds between the page and its attachment). */
static int fetch_bytes(page_input *in, const char *url, size_t max, gisa_bytes *b,
                       char **final_url, char **ctype, gisa_error *err)
{
    if (!in->fetcher) {
        gisa_fetch_options fo = in->fo;
        fo.max_bytes = max;
        gisa_status st = gisa_fetcher_new(&fo, &in->fetcher, err);
        if (st != GISA_OK)
            return st;
    }
    return gisa_fetch(in->fetcher, url, b, final_url, ctype, err);
}

int load_input(page_input *in, const char *path, const gisa_extract_options *eo,
               const page_hints *h, gisa_document **doc, gisa_error *err)
{
    if (!input_is_url(path))
        return load_page(path, eo, h, doc, err);
    if (!in->last_url || strcmp(in->last_url, path)) {
        forget_last(in);
        size_t max = eo && eo->max_input ? eo->max_input : GISA_DEFAULT_MAX_INPUT;
        int st = fetch_bytes(in, path, max, &in->last, &in->last_final, &in->last_ctype, err);
        if (st != GISA_OK)
            return st;
        if (!(in->last_url = strdup(path))) {
            forget_last(in);
            err->status = GISA_ERR_NOMEM;
            snprintf(err->message, sizeof err->message, "%s: out of memory", path);
            return GISA_ERR_NOMEM;
        }
    }
    gisa_source src = {path, in->last.data, in->last.len,
                       in->last_final ? in->last_final : path, in->last_ctype,
                       h ? h->org : NULL, h ? h->title : NULL};
    if (h && h->url)
        src.url = h->url;
    return gisa_extract(&src, eo, doc, err);
}

/* A file name the page gives for an attachment, if it can only name a
 * file in the page's own directory: no directories, not hidden. */
static int plain_name(const char *s, size_t n)
{
    if (n == 0 || n > NAME_MAX || s[0] == '.' || memchr(s, '/', n) || memchr(s, '\\', n))
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20)
            return 0;
    return 1;
}

static char *beside(const char *page_path, const char *name, size_t n)
{
    const char *slash = strrchr(page_path, '/');
    size_t dir = slash ? (size_t)(slash - page_path) + 1 : 0;
    char *path = malloc(dir + n + 1);
    if (!path)
        return NULL;
    memcpy(path, page_path, dir);
    memcpy(path + dir, name, n);
    path[dir + n] = '\0';
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
        return path;
    free(path);
    return NULL;
}

/* The attachment saved beside a page saved as a file: by the link's text
 * ("0312(보도자료) 바다숲.hwpx"), else by the last part of its URL's path.
 * A page read from a file sends gisa to no network. malloc'd, or NULL. */
static char *local_copy(const char *page_path, const gisa_attachment *a)
{
    if (!strcmp(page_path, "-"))
        return NULL;
    char *p = NULL;
    if (a->name) {
        size_t n = strlen(a->name);
        while (n > 0 && a->name[n - 1] == ' ')
            n--;
        if (plain_name(a->name, n))
            p = beside(page_path, a->name, n);
    }
    if (!p && a->url) {
        size_t end = strcspn(a->url, "?#");
        const char *base = a->url;
        for (size_t i = 0; i < end; i++)
            if (a->url[i] == '/')
                base = a->url + i + 1;
        size_t n = (size_t)(a->url + end - base);
        if (plain_name(base, n))
            p = beside(page_path, base, n);
    }
    return p;
}

/* Read attachment `a` of the page at `page_path` (fetched when the page
 * was, found beside it when it is a file). 1 on success; 0 when there is
 * none to read (nothing said); -1 after a failure, in err. */
static int read_attachment(page_input *in, const char *page_path, const gisa_attachment *a,
                           const gisa_extract_options *eo, gisa_document **out,
                           gisa_error *err)
{
    gisa_extract_options deo = *eo;
    deo.kind = GISA_INPUT_DOCUMENT;
    deo.keep_empty = 0;
    if (input_is_url(page_path)) {
        if (!input_is_url(a->url))
            return 0;
        return load_input(in, a->url, &deo, NULL, out, err) == GISA_OK ? 1 : -1;
    }
    char *path = local_copy(page_path, a);
    if (!path)
        return 0;
    int st = load_page(path, &deo, NULL, out, err);
    free(path);
    return st == GISA_OK ? 1 : -1;
}

gisa_document *summary_attachment(page_input *in, const char *page_path,
                                  const gisa_document *page, const gisa_extract_options *eo)
{
    if (gisa_document_chars(page) > GISA_SUMMARY_MAX_CHARS)
        return NULL; /* the page is the release: nothing to download */
    for (size_t i = 0; i < page->nattachments; i++) {
        const gisa_attachment *a = &page->attachments[i];
        if (!gisa_attachment_readable(a))
            continue;
        gisa_document *doc = NULL;
        gisa_error err;
        int rc = read_attachment(in, page_path, a, eo, &doc, &err);
        if (rc < 0) {
            fprintf(stderr, "gisa %s: %s: its attachment could not be read: %s\n", in->cmd,
                    page_path, err.message);
            continue;
        }
        if (rc == 0)
            continue;
        if (!gisa_page_is_summary(page, doc)) {
            gisa_document_free(doc);
            continue;
        }
        if (gisa_document_credit(doc, page, &err) != GISA_OK) {
            report(&err);
            gisa_document_free(doc);
            return NULL;
        }
        fprintf(stderr,
                "gisa %s: %s: the page %s; composing from its attachment \"%s\", credited "
                "to the page (--no-attachment: from the page)\n",
                in->cmd, page_path,
                page->nblocks ? "gives only a summary of its attachment" : "has no body text",
                a->name && *a->name ? a->name : a->url);
        return doc;
    }
    return NULL;
}
