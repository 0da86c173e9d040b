/* cmd_post.c - gisa post: page -> Jekyll post. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void help_post(FILE *out)
{
    fprintf(out,
            "usage: gisa post [--out DIR] [--category NAME] [--date YYYY-MM-DD] FILE\n"
            "\n"
            "Compose a Jekyll post from a page: YAML front matter (title, date,\n"
            "categories, excerpt, source_url, source_org, author, license), the\n"
            "article's own paragraphs, and an attribution block. The post is printed;\n"
            "with --out it is also written to DIR/YYYY-MM-DD-<slug>.md.\n"
            "\n"
            "  -o, --out DIR        also write the post into DIR (created if missing)\n"
            "  -c, --category NAME  front-matter category (default News)\n"
            "  -d, --date DATE      date to use when the page states none\n"
            "  -h, --help           show this help\n"
            "\n"
            "Exit status: 0 success, 1 bad input, 2 usage error, 3 I/O error,\n"
            "4 internal error.\n");
}

static int valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    return 1;
}

int cmd_post(int argc, char **argv)
{
    static const struct option opts[] = {
        {"out", required_argument, NULL, 'o'},
        {"category", required_argument, NULL, 'c'},
        {"date", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    gisa_post_options po = {GISA_POST_JEKYLL, NULL, NULL};
    const char *out_dir = NULL;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+o:c:d:h", opts, NULL)) != -1) {
        switch (c) {
        case 'o':
            out_dir = optarg;
            break;
        case 'c':
            if (!*optarg || strpbrk(optarg, "\n\r"))
                return usage_error("post", "--category wants a one-line name");
            po.category = optarg;
            break;
        case 'd':
            if (!valid_date(optarg))
                return usage_error("post", "--date wants YYYY-MM-DD, not '%s'", optarg);
            po.date = optarg;
            break;
        case 'h':
            help_post(stdout);
            return EXIT_OK;
        default:
            return usage_error("post", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind != 1)
        return usage_error("post", argc - optind < 1 ? "no input file given"
                                                     : "give exactly one input file");
    gisa_error err;
    gisa_document *doc;
    if (load_document(argv[optind], NULL, &doc, &err) != GISA_OK)
        return report(&err);
    gisa_post post;
    int rc = gisa_compose(doc, &po, &post, &err);
    gisa_document_free(doc);
    if (rc != GISA_OK)
        return report(&err);
    rc = write_stdout(post.text, post.len);
    if (rc == EXIT_OK && out_dir) {
        size_t n = strlen(out_dir) + strlen(post.filename) + 2;
        char *path = malloc(n);
        if (!path) {
            rc = EXIT_INTERNAL;
        } else {
            snprintf(path, n, "%s/%s", out_dir, post.filename);
            if (make_dirs(out_dir, &err) != GISA_OK ||
                write_file_atomic(path, post.text, post.len, &err) != GISA_OK)
                rc = report(&err);
            else
                fprintf(stderr, "gisa post: wrote %s\n", path);
            free(path);
        }
    }
    gisa_post_clear(&post);
    return rc;
}
