/* cmd_site.c - gisa site: many pages -> posts in a Jekyll or Hugo site. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void help_site(FILE *out)
{
    fprintf(out,
            "usage: gisa site --to SITE_DIR [--format jekyll|hugo] [OPTIONS] FILE...\n"
            "\n"
            "Write each page's post into a site: SITE_DIR/_posts/ (Jekyll) or\n"
            "SITE_DIR/content/posts/ (Hugo). A page whose source URL or text is\n"
            "already there is skipped; one whose text changed is rewritten. Each post\n"
            "is written atomically. A page that fails is reported and the rest go on.\n"
            "\n"
            "  -t, --to DIR         the site's root directory (required)\n"
            "  -f, --format FMT     jekyll (default) or hugo\n"
            "  -s, --style STYLE    plain (default) or tistory\n"
            "  -S, --slug KIND      romanize (default), hangul or id\n"
            "  -c, --category NAME  front-matter category (default News)\n"
            "      --bundle         Hugo: content/posts/<slug>/index.md\n"
            HINT_HELP
            "      --allow-unlicensed  post pages that reserve all rights too, as a\n"
            "                       quoted summary with credit (see gisa post)\n"
            "      --no-attachment  post each page as it is: by default a page that is\n"
            "                       only a summary of the release saved beside it\n"
            "                       (.hwpx, .hwp, .pdf, by its link's name) gives the\n"
            "                       post of that document, credited to the page\n"
            "      --rewrite        each post in a language model's words, gated by the\n"
            "                       check (gisa rewrite --help); with --llm URL --model\n"
            "                       NAME or --rewriter CMD, --voice, --prompt, --strict,\n"
            "                       --timeout, --retries, --max-answer. A page whose post\n"
            "                       is already there is not sent to the model again\n"
            "  -q, --quiet          no progress bar and no per-page lines\n"
            "  -h, --help           show this help\n"
            "\n"
            "Exit status: 0 success, 1 some page failed, 2 usage error, 3 I/O error,\n"
            "5 --rewrite --strict refused some post (and no page failed otherwise),\n"
            "6 some page was refused for its licence (and no other failed).\n");
}

typedef struct tally {
    int added, updated, unchanged, failed, io, refused, unsupported;
    gisa_rewrite_stats rw; /* summed over the pages rewritten */
} tally;

static void progress(int done, int total)
{
    int width = 30, fill = total ? done * width / total : width;
    fprintf(stderr, "\r[%.*s%*s] %d/%d", fill, "##############################",
            width - fill, "", done, total);
    if (done == total)
        fputc('\n', stderr);
}

/* Which page and how: the user's hints, whether a summary page may give
 * its attachment's post, the rewrite model. */
typedef struct put_how {
    const page_hints *hints;
    page_input *in;
    int no_attachment;
    const rewrite_run *run;
} put_how;

static void put_one(gisa_site *site, const char *file, const put_how *how, tally *t,
                    int verbose)
{
    static const char *const said[] = {"added", "updated", "unchanged"};
    const rewrite_run *run = how->run;
    gisa_error err;
    gisa_document *doc;
    gisa_extract_options eo = {.kind = GISA_INPUT_AUTO};
    int rc = load_page_or_attachment(how->in, file, &eo, how->hints, how->no_attachment, &doc,
                                     &err);
    char *path = NULL;
    gisa_site_action action = GISA_SITE_UNCHANGED;
    if (rc == GISA_OK) {
        gisa_rewrite_stats st;
        rc = run->model ? gisa_site_put_rewrite(site, doc, &run->opts, &action, &path, &st, &err)
                        : gisa_site_put(site, doc, &action, &path, &err);
        if (run->model && rc == GISA_OK) {
            t->rw.sections += st.sections, t->rw.failed += st.failed;
            t->rw.rewritten += st.rewritten, t->rw.retried += st.retried;
            t->rw.replaced += st.replaced;
        }
        if (rc == GISA_OK && action != GISA_SITE_UNCHANGED)
            warn_if_unlicensed(doc);
        gisa_document_free(doc);
    }
    if (rc != GISA_OK) {
        report(&err);
        t->failed++;
        t->io += rc == GISA_ERR_IO;
        t->refused += rc == GISA_ERR_LICENSE;
        t->unsupported += rc == GISA_ERR_UNSUPPORTED;
        return;
    }
    if (action == GISA_SITE_ADDED) t->added++;
    else if (action == GISA_SITE_UPDATED) t->updated++;
    else t->unchanged++;
    if (verbose)
        fprintf(stderr, "%s: %s %s\n", file, said[action], path ? path : "");
    gisa_free(path);
}

enum { OPT_BUNDLE = 256, OPT_ALLOW_UNLICENSED, OPT_NO_ATTACHMENT };

int cmd_site(int argc, char **argv)
{
    static const struct option opts[] = {
        {"to", required_argument, NULL, 't'},
        {"format", required_argument, NULL, 'f'},
        {"style", required_argument, NULL, 's'},
        {"slug", required_argument, NULL, 'S'},
        {"category", required_argument, NULL, 'c'},
        {"bundle", no_argument, NULL, OPT_BUNDLE},
        {"allow-unlicensed", no_argument, NULL, OPT_ALLOW_UNLICENSED},
        {"no-attachment", no_argument, NULL, OPT_NO_ATTACHMENT},
        HINT_OPTIONS,
        REWRITE_OPTIONS,
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    gisa_post_options po;
    memset(&po, 0, sizeof po);
    const char *to = NULL;
    page_hints hints = {NULL, NULL, NULL};
    rewrite_cli rw;
    memset(&rw, 0, sizeof rw);
    int c, quiet = 0, no_attachment = 0;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+t:f:s:S:c:qh", opts, NULL)) != -1) {
        switch (c) {
        case 't': to = optarg; break;
        case 'f':
            if (!post_choice('f', optarg, &po) ||
                (po.format != GISA_POST_JEKYLL && po.format != GISA_POST_HUGO))
                return usage_error("site", "a site takes jekyll or hugo, not '%s'", optarg);
            break;
        case 's':
            if (!post_choice('s', optarg, &po))
                return usage_error("site", "unknown style '%s'", optarg);
            break;
        case 'S':
            if (!post_choice('S', optarg, &po))
                return usage_error("site", "unknown slug kind '%s'", optarg);
            break;
        case 'c': po.category = optarg; break;
        case OPT_BUNDLE: po.bundle = 1; break;
        case OPT_ALLOW_UNLICENSED: po.allow_unlicensed = 1; break;
        case OPT_NO_ATTACHMENT: no_attachment = 1; break;
        case 'q': quiet = 1; break;
        case 'h': help_site(stdout); return EXIT_OK;
        default:
            switch (hint_option("site", c, optarg, &hints)) {
            case 1: continue;
            case -1: return EXIT_USAGE;
            }
            switch (rewrite_option("site", c, optarg, &rw)) {
            case 1: continue;
            case -1: return EXIT_USAGE;
            }
            return usage_error("site", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!to)
        return usage_error("site", "--to SITE_DIR is required");
    if (optind >= argc)
        return usage_error("site", "no input file given");
    if (hints.url && argc - optind > 1)
        return usage_error("site", "--url names one page; give one FILE");
    if (rw.report)
        return usage_error("site", "--report is for one page: gisa rewrite --report FILE PAGE");
    rewrite_run run;
    int rc = rewrite_setup("site", &rw, &run);
    if (rc != EXIT_OK)
        return rc;
    gisa_error err;
    gisa_site *site;
    if (gisa_site_open(to, &po, &site, &err) != GISA_OK) {
        rewrite_done(&run);
        return report(&err);
    }
    int total = argc - optind, bar = !quiet && isatty(STDERR_FILENO);
    tally t;
    memset(&t, 0, sizeof t);
    page_input in;
    memset(&in, 0, sizeof in);
    in.cmd = "site";
    put_how how = {&hints, &in, no_attachment, &run};
    for (int i = 0; i < total; i++) {
        put_one(site, argv[optind + i], &how, &t, !quiet && !bar);
        if (bar)
            progress(i + 1, total);
    }
    page_input_clear(&in);
    gisa_site_close(site);
    if (run.model)
        fprintf(stderr,
                "gisa site: rewrite: %zu sentences rewritten, %zu retried, %zu replaced by the "
                "source's; %zu of %zu sections kept the source's words\n",
                t.rw.rewritten, t.rw.retried, t.rw.replaced, t.rw.failed, t.rw.sections);
    rewrite_done(&run);
    fprintf(stderr, "gisa site: %d added, %d updated, %d unchanged, %d failed", t.added,
            t.updated, t.unchanged, t.failed);
    if (t.refused)
        fprintf(stderr, " (%d refused for their licence)", t.refused);
    fputc('\n', stderr);
    if (t.io)
        return EXIT_IO;
    if (t.failed > t.refused + t.unsupported)
        return EXIT_INPUT;
    if (t.unsupported) /* --strict refused a post */
        return EXIT_UNSUPPORTED;
    return t.refused ? EXIT_LICENSE : EXIT_OK;
}
