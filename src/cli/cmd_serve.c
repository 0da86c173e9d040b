/* cmd_serve.c - gisa serve: the review desk, a local web app on a corpus
 * store (src/serve, docs/serve.md). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "../serve/serve.h"
#include "cli.h"

void help_serve(FILE *out)
{
    fprintf(out,
            "usage: gisa serve [--db FILE] [--site DIR] [--listen ADDRESS:PORT] [OPTIONS]\n"
            "\n"
            "A review desk in the browser: the store's articles (newest first,\n"
            "searchable, filtered), each source beside its post with every sentence\n"
            "coloured by its check verdict; edit the post, re-checked as you type;\n"
            "publish it into the site; add pages by URL or file. Serves until\n"
            "interrupted. See docs/serve.md for the page and its JSON API.\n"
            "\n"
            "  -d, --db FILE        the corpus store (default gisa.db), made if missing\n"
            "  -s, --site DIR       where Publish writes (Jekyll _posts/ or Hugo\n"
            "                       content/posts/, as gisa site does); without it\n"
            "                       Publish is refused\n"
            "  -l, --listen A:P     address and port (default 127.0.0.1:8080; port 0\n"
            "                       picks a free one). Anything but loopback lets\n"
            "                       whoever reaches it publish: said on stderr\n"
            "      --allow-private  Add may fetch private and loopback addresses\n"
            "  -j, --threads N      worker threads (default 4)\n"
            "      --max-body N     largest JSON request body (default 1 MiB)\n"
            "      --max-upload N   largest uploaded file (default 32 MiB)\n"
            "  -q, --quiet          no message when stopped\n"
            "  -h, --help           show this help\n"
            "\n"
            "The address it serves is printed on stdout once it listens.\n");
}

enum { OPT_ALLOW_PRIVATE = 256, OPT_MAX_BODY, OPT_MAX_UPLOAD };

static int size_arg(const char *s, size_t *out)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (!*s || *end || *s == '-' || v == 0 || v > ((size_t)1 << 31))
        return 0;
    *out = (size_t)v;
    return 1;
}

int cmd_serve(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"site", required_argument, NULL, 's'},
        {"listen", required_argument, NULL, 'l'},
        {"allow-private", no_argument, NULL, OPT_ALLOW_PRIVATE},
        {"threads", required_argument, NULL, 'j'},
        {"max-body", required_argument, NULL, OPT_MAX_BODY},
        {"max-upload", required_argument, NULL, OPT_MAX_UPLOAD},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    desk_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.db = "gisa.db";
    size_t n;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+d:s:l:j:qh", opts, NULL)) != -1) {
        switch (c) {
        case 'd': cfg.db = optarg; break;
        case 's': cfg.site = optarg; break;
        case 'l': cfg.listen = optarg; break;
        case OPT_ALLOW_PRIVATE: cfg.allow_private = 1; break;
        case 'j':
            if (!size_arg(optarg, &n) || n > 64)
                return usage_error("serve", "--threads takes 1 to 64, not '%s'", optarg);
            cfg.threads = (unsigned)n;
            break;
        case OPT_MAX_BODY:
            if (!size_arg(optarg, &cfg.max_body))
                return usage_error("serve", "--max-body takes a byte count, not '%s'", optarg);
            break;
        case OPT_MAX_UPLOAD:
            if (!size_arg(optarg, &cfg.max_upload))
                return usage_error("serve", "--max-upload takes a byte count, not '%s'", optarg);
            break;
        case 'q': cfg.quiet = 1; break;
        case 'h': help_serve(stdout); return EXIT_OK;
        default: return usage_error("serve", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return usage_error("serve", "unexpected argument '%s'", argv[optind]);
    gisa_error err;
    if (desk_run(&cfg, &err) != GISA_OK)
        return report(&err);
    return EXIT_OK;
}
