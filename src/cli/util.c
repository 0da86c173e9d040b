/* util.c - error reporting, loading and safe writing for the subcommands. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int report(const gisa_error *err)
{
    fprintf(stderr, "gisa: %s\n", err->message);
    switch (err->status) {
    case GISA_OK: return EXIT_OK;
    case GISA_ERR_INPUT: return EXIT_INPUT;
    case GISA_ERR_USAGE: return EXIT_USAGE;
    case GISA_ERR_IO: return EXIT_IO;
    case GISA_ERR_NOMEM: return EXIT_INTERNAL;
    case GISA_ERR_UNSUPPORTED: return EXIT_UNSUPPORTED;
    case GISA_ERR_LICENSE: return EXIT_LICENSE;
    }
    return EXIT_INTERNAL;
}

void warn_if_unlicensed(const gisa_document *doc)
{
    if (doc->license && !strcmp(doc->license, GISA_LICENSE_RESERVED))
        fprintf(stderr,
                "gisa: warning: %s: the page reserves all rights; posted only as a quoted "
                "summary with credit, on your responsibility (--allow-unlicensed)\n",
                doc->source_name ? doc->source_name : "page");
    else if (!doc->license)
        /* No notice is not permission: copyright stays with the owner.
         * The post is written (many sites state nothing and are quoted
         * with credit every day) but the user is told it is their call. */
        fprintf(stderr,
                "gisa: warning: %s: the page states no licence; its copyright stays with its "
                "owner: republish it only with their permission\n",
                doc->source_name ? doc->source_name : "page");
}

int usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "gisa %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'gisa %s --help'.\n", cmd);
    va_end(ap);
    return EXIT_USAGE;
}

int hint_option(const char *cmd, int c, const char *arg, page_hints *h)
{
    if (c == OPT_URL) {
        if ((strncmp(arg, "https://", 8) && strncmp(arg, "http://", 7)) ||
            strpbrk(arg, " \t\r\n\"<>"))
            return usage_error(cmd, "--url wants an http(s) address, not '%s'", arg), -1;
        h->url = arg;
        return 1;
    }
    if (c == OPT_ORG) {
        if (!*arg || strpbrk(arg, "\r\n") || strlen(arg) > 200)
            return usage_error(cmd, "--org wants a one-line name"), -1;
        h->org = arg;
        return 1;
    }
    if (c == OPT_TITLE) {
        if (!*arg || strpbrk(arg, "\r\n") || strlen(arg) > 600)
            return usage_error(cmd, "--title wants a one-line headline"), -1;
        h->title = arg;
        return 1;
    }
    return 0;
}

int load_document(const char *path, const gisa_extract_options *opts,
                  gisa_document **doc, gisa_error *err)
{
    return load_page(path, opts, NULL, doc, err);
}

int load_page(const char *path, const gisa_extract_options *opts, const page_hints *h,
              gisa_document **doc, gisa_error *err)
{
    gisa_bytes bytes;
    size_t max = opts ? opts->max_input : 0;
    gisa_status st = gisa_load(path, max, &bytes, err);
    if (st != GISA_OK)
        return st;
    gisa_source src = {path, bytes.data, bytes.len, h ? h->url : NULL, NULL,
                       h ? h->org : NULL, h ? h->title : NULL};
    st = gisa_extract(&src, opts, doc, err);
    gisa_bytes_free(&bytes);
    return st;
}

int limit_option(const char *cmd, int c, const char *arg, gisa_extract_options *eo)
{
    if (c < OPT_MAX_BYTES || c > OPT_MAX_LINE)
        return 0;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(arg, &end, 10);
    if (*end || *arg == '-' || v == 0 || errno || v > SIZE_MAX ||
        (c == OPT_MAX_DEPTH && v > GISA_DEFAULT_MAX_DEPTH)) {
        if (c == OPT_MAX_DEPTH)
            usage_error(cmd, "--max-depth wants a number from 1 to %u, not '%s'",
                        GISA_DEFAULT_MAX_DEPTH, arg);
        else
            usage_error(cmd, "--max-%s wants a positive number, not '%s'",
                        c == OPT_MAX_BYTES ? "bytes" : c == OPT_MAX_NODES ? "nodes" : "line",
                        arg);
        return -1;
    }
    if (c == OPT_MAX_BYTES) eo->max_input = (size_t)v;
    else if (c == OPT_MAX_NODES) eo->max_nodes = (size_t)v;
    else if (c == OPT_MAX_DEPTH) eo->max_depth = (unsigned)v;
    else eo->max_line = (size_t)v;
    return 1;
}

int write_stdout(const char *data, size_t len)
{
    fflush(stdout);
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(STDOUT_FILENO, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    if (done < len) {
        fprintf(stderr, "gisa: cannot write to standard output: %s\n", strerror(errno));
        return EXIT_IO;
    }
    return EXIT_OK;
}

/* Look `s` up in a NULL-terminated list of names; index or -1. */
static int pick(const char *s, const char *const *names)
{
    for (int i = 0; names[i]; i++)
        if (!strcmp(s, names[i]))
            return i;
    return -1;
}

int post_choice(int which, const char *name, gisa_post_options *po)
{
    static const char *const formats[] = {"jekyll", "hugo", "html", "markdown", "json",
                                          "fragment", NULL};
    static const char *const styles[] = {"plain", "tistory", NULL};
    static const char *const modes[] = {"full", "summary", NULL};
    static const char *const slugs[] = {"romanize", "hangul", "id", NULL};
    int v;
    switch (which) {
    case 'f':
        if ((v = pick(name, formats)) >= 0)
            po->format = (gisa_post_format)v;
        break;
    case 's':
        if ((v = pick(name, styles)) >= 0)
            po->style = (gisa_post_style)v;
        break;
    case 'm':
        if ((v = pick(name, modes)) >= 0)
            po->mode = (gisa_post_mode)v;
        break;
    case 'S':
        if ((v = pick(name, slugs)) >= 0)
            po->slug = (gisa_slug_kind)v;
        break;
    default:
        v = -1;
    }
    return v >= 0;
}

int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}
