/* cmd_post.c - gisa post: page -> publishable post. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void help_post(FILE *out)
{
    fprintf(out,
            "usage: gisa post [OPTIONS] PAGE\n"
            "       gisa post [OPTIONS] --from-attachment DOC PAGE\n"
            "\n"
            "Compose a post from a page (a file, or an http(s) URL, fetched), built\n"
            "only from the page's own text, with attribution. The post is printed;\n"
            "with --out it is also written into DIR under the name a site would give\n"
            "it.\n"
            "\n"
            "A release's page whose body is only a summary of its attachment (.hwpx,\n"
            ".hwp, .pdf), or empty, gives the post of the attachment, credited to the\n"
            "page (said on stderr): its body holds at most 1,500 letters and digits,\n"
            "at most half the attachment's, and every sentence of it is in the\n"
            "attachment. The attachment is fetched when the page was, else looked for\n"
            "beside the page file (by its link's name).\n"
            "\n"
            "      --from-attachment DOC  compose from the document DOC (HWP, HWPX,\n"
            "                       PDF; a file or URL), credited to PAGE: the page's\n"
            "                       URL, title, date and licence, the document's\n"
            "                       ministry, department and contact\n"
            "      --no-attachment  compose from the page as it is\n"
            "      --allow-private  fetch private, loopback and link-local addresses\n"
            "      --timeout S      seconds per request: the page's fetch (default 30) and,\n"
            "                       with --rewrite, each model request (default 120)\n"
            "      --delay S        seconds between requests to one host (default 1)\n"
            "  -f, --format FMT     jekyll (default): YAML front matter (title, date,\n"
            "                       categories, excerpt, feature_text, image, source_url,\n"
            "                       source_org, license) and the body, as\n"
            "                       YYYY-MM-DD-<slug>.md; hugo: Hugo front matter, as\n"
            "                       <slug>.md; html: one standalone page; markdown: the\n"
            "                       body alone; json: the post model with sources;\n"
            "                       fragment: the body and credit as one HTML fragment\n"
            "  -s, --style STYLE    plain (default): Markdown body; tistory: the body and\n"
            "                       credit as HTML in the Tistory editor's style (h2/p\n"
            "                       with data-ke-size), to paste: a fragment unless\n"
            "                       --format html, jekyll or hugo (markdown and json\n"
            "                       refuse it)\n"
            "  -m, --mode MODE      full (default): every body block, key sentences\n"
            "                       marked; summary: the K best sentences only\n"
            "  -n, --sentences K    sentences in summary mode (default 3)\n"
            "  -S, --slug KIND      romanize (default): Revised Romanization of the title;\n"
            "                       hangul: Hangul kept; id: the article id in the URL\n"
            "  -o, --out DIR        also write the post into DIR (created if missing);\n"
            "                       a file there of the same name that holds another\n"
            "                       article is kept, and the post named NAME-2...\n"
            "  -c, --category NAME  front-matter category (default News)\n"
            "  -d, --date DATE      date to use when the page states none (YYYY-MM-DD)\n"
            "      --include-images keep photos credited to others (left out by default,\n"
            "                       as are photos under a 공공누리 notice, which covers text)\n"
            "      --allow-unlicensed  post a page that reserves all rights (\"무단 전재\n"
            "                       금지\", \"All rights reserved\"), which is refused by\n"
            "                       default (exit status 6): the summary only, quoted,\n"
            "                       credited, without photos; a warning is printed\n"
            "      --bundle         Hugo: write <slug>/index.md (a page bundle)\n"
            "      --rewrite        rewrite the body with a language model, gated by the\n"
            "                       check: see gisa rewrite --help\n"
            "      --no-check       do not read the post back and check it against the\n"
            "                       page (by default a post stating anything the page\n"
            "                       does not support is refused, exit status 5)\n"
            HINT_HELP
            LIMIT_HELP
            "  -h, --help           show this help\n"
            "\n"
            "A licence that forbids derivatives (공공누리 type 3/4, CC ...-ND) allows\n"
            "only --mode full. What each licence lets a post contain: gisa(1).\n"
            "\n"
            "Exit status: 0 success, 1 bad input, 2 usage error, 3 I/O error,\n"
            "4 internal error, 5 the post failed its check, 6 the page reserves\n"
            "all rights (see --allow-unlicensed).\n");
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

/* Is DIR/<the post's name> the input itself (a post being posted again
 * into its own directory)? Then it is not replaced: --out never
 * overwrites an input. */
static int is_own_input(const char *dir, const gisa_post *post, const char *input)
{
    size_t n = strlen(dir) + strlen(post->filename) + 2;
    char *path = malloc(n);
    if (!path)
        return 0;
    snprintf(path, n, "%s/%s", dir, post->filename);
    int same = same_file(path, input);
    free(path);
    return same;
}

static int write_post(const char *dir, const gisa_post *post, const char *input)
{
    gisa_error err;
    char *path;
    if (is_own_input(dir, post, input))
        return usage_error("post", "%s/%s is the input; give --out another directory", dir,
                           post->filename);
    if (gisa_post_save(dir, post, &path, &err) != GISA_OK)
        return report(&err);
    fprintf(stderr, "gisa post: wrote %s\n", path);
    gisa_free(path);
    return EXIT_OK;
}

enum {
    OPT_INCLUDE_IMAGES = 256,
    OPT_BUNDLE,
    OPT_NO_CHECK,
    OPT_ALLOW_UNLICENSED,
    OPT_FROM_ATTACHMENT,
    OPT_NO_ATTACHMENT,
    OPT_ALLOW_PRIVATE,
    OPT_DELAY
};

/* Where the post's text comes from. */
typedef struct post_input {
    const char *from_attachment; /* --from-attachment DOC */
    int no_attachment;
    page_input in;
} post_input;

static int parse_post_options(int argc, char **argv, gisa_post_options *po,
                              gisa_extract_options *eo, page_hints *hints,
                              const char **out_dir, post_input *pi, rewrite_cli *rw,
                              const char *cmd)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {"style", required_argument, NULL, 's'},
        {"mode", required_argument, NULL, 'm'},
        {"sentences", required_argument, NULL, 'n'},
        {"slug", required_argument, NULL, 'S'},
        {"out", required_argument, NULL, 'o'},
        {"category", required_argument, NULL, 'c'},
        {"date", required_argument, NULL, 'd'},
        {"include-images", no_argument, NULL, OPT_INCLUDE_IMAGES},
        {"bundle", no_argument, NULL, OPT_BUNDLE},
        {"no-check", no_argument, NULL, OPT_NO_CHECK},
        {"allow-unlicensed", no_argument, NULL, OPT_ALLOW_UNLICENSED},
        {"from-attachment", required_argument, NULL, OPT_FROM_ATTACHMENT},
        {"no-attachment", no_argument, NULL, OPT_NO_ATTACHMENT},
        {"allow-private", no_argument, NULL, OPT_ALLOW_PRIVATE},
        {"delay", required_argument, NULL, OPT_DELAY},
        HINT_OPTIONS,
        LIMIT_OPTIONS,
        REWRITE_OPTIONS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    opterr = 0;
    int format_given = 0;
    while ((c = getopt_long(argc, argv, "+f:s:m:n:S:o:c:d:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!post_choice('f', optarg, po))
                return usage_error(cmd, "unknown format '%s'", optarg);
            format_given = 1;
            break;
        case 's':
            if (!post_choice('s', optarg, po))
                return usage_error(cmd, "unknown style '%s'", optarg);
            break;
        case 'm':
            if (!post_choice('m', optarg, po))
                return usage_error(cmd, "unknown mode '%s'", optarg);
            break;
        case 'n': {
            char *end;
            long k = strtol(optarg, &end, 10);
            if (*end || k < 1 || k > 100)
                return usage_error(cmd, "--sentences wants a number from 1 to 100");
            po->summary_sentences = (size_t)k;
            break;
        }
        case 'S':
            if (!post_choice('S', optarg, po))
                return usage_error(cmd, "unknown slug kind '%s'", optarg);
            break;
        case 'o':
            *out_dir = optarg;
            break;
        case 'c':
            if (!*optarg || strpbrk(optarg, "\n\r"))
                return usage_error(cmd, "--category wants a one-line name");
            po->category = optarg;
            break;
        case 'd':
            if (!valid_date(optarg))
                return usage_error(cmd, "--date wants YYYY-MM-DD, not '%s'", optarg);
            po->date = optarg;
            break;
        case OPT_INCLUDE_IMAGES:
            po->include_images = 1;
            break;
        case OPT_BUNDLE:
            po->bundle = 1;
            break;
        case OPT_NO_CHECK:
            po->no_check = 1;
            break;
        case OPT_ALLOW_UNLICENSED:
            po->allow_unlicensed = 1;
            break;
        case OPT_FROM_ATTACHMENT:
            if (!*optarg)
                return usage_error(cmd, "--from-attachment wants a document (file or URL)");
            pi->from_attachment = optarg;
            break;
        case OPT_NO_ATTACHMENT:
            pi->no_attachment = 1;
            break;
        case OPT_ALLOW_PRIVATE:
            pi->in.fo.allow_private = 1;
            break;
        case OPT_DELAY: {
            char *end;
            double t = strtod(optarg, &end);
            if (!*optarg || *end || !(t >= 0 && t <= 3600))
                return usage_error(cmd, "--delay wants seconds from 0 to 3600, not '%s'",
                                   optarg);
            pi->in.fo.delay = t > 0 ? t : -1; /* 0 in the options means the default */
            break;
        }
        case 'h':
            if (rw->on)
                help_rewrite(stdout);
            else
                help_post(stdout);
            return -1;
        default:
            switch (hint_option(cmd, c, optarg, hints)) {
            case 1: continue;
            case -1: return EXIT_USAGE;
            }
            switch (rewrite_option(cmd, c, optarg, rw)) {
            case 1: continue;
            case -1: return EXIT_USAGE;
            }
            switch (limit_option(cmd, c, optarg, eo)) {
            case 1: break;
            case -1: return EXIT_USAGE;
            default: return usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
            }
        }
    }
    /* what a Tistory user wants is something to paste */
    if (po->style == GISA_STYLE_TISTORY && !format_given)
        po->format = GISA_POST_FRAGMENT;
    if (po->style == GISA_STYLE_TISTORY &&
        (po->format == GISA_POST_MARKDOWN || po->format == GISA_POST_JSON))
        return usage_error(cmd, "--style tistory is HTML: use it with --format fragment "
                                   "(its default), html, jekyll or hugo");
    if (pi->from_attachment && pi->no_attachment)
        return usage_error(cmd, "--from-attachment and --no-attachment contradict each other");
    return EXIT_OK;
}

/* --from-attachment DOC PAGE: the document, credited to the page (read
 * even when it has no body text of its own). */
static int credited_attachment(post_input *pi, const char *page_path,
                               const gisa_extract_options *eo, const page_hints *hints,
                               gisa_document **out, gisa_error *err)
{
    gisa_extract_options peo = *eo, deo = *eo;
    peo.keep_empty = 1;
    deo.kind = GISA_INPUT_DOCUMENT;
    gisa_document *page, *doc;
    int st = load_input(&pi->in, page_path, &peo, hints, &page, err);
    if (st != GISA_OK)
        return st;
    st = load_input(&pi->in, pi->from_attachment, &deo, NULL, &doc, err);
    if (st == GISA_OK && (st = gisa_document_credit(doc, page, err)) != GISA_OK)
        gisa_document_free(doc);
    gisa_document_free(page);
    if (st == GISA_OK)
        *out = doc;
    return st;
}


static int post_main(int argc, char **argv, const char *cmd, int rewrite)
{
    gisa_post_options po;
    memset(&po, 0, sizeof po);
    gisa_extract_options eo = {.kind = GISA_INPUT_AUTO};
    const char *out_dir = NULL;
    page_hints hints = {NULL, NULL, NULL};
    post_input pi;
    memset(&pi, 0, sizeof pi);
    pi.in.cmd = cmd;
    rewrite_cli rw;
    memset(&rw, 0, sizeof rw);
    rw.on = rewrite;
    int rc = parse_post_options(argc, argv, &po, &eo, &hints, &out_dir, &pi, &rw, cmd);
    if (rc != EXIT_OK)
        return rc < 0 ? EXIT_OK : rc;
    if (rw.timeout > 0) /* --timeout (parsed with the rewrite options) bounds every request */
        pi.in.fo.timeout = rw.timeout;
    if (argc - optind != 1)
        return usage_error(cmd, argc - optind < 1 ? "no input file given"
                                                  : "give exactly one input file");
    rewrite_run run;
    if ((rc = rewrite_setup(cmd, &rw, &run)) != EXIT_OK)
        return rc;
    gisa_error err;
    gisa_document *doc = NULL;
    int st = pi.from_attachment
                 ? credited_attachment(&pi, argv[optind], &eo, &hints, &doc, &err)
                 : load_page_or_attachment(&pi.in, argv[optind], &eo, &hints,
                                           pi.no_attachment, &doc, &err);
    page_input_clear(&pi.in);
    if (st != GISA_OK) {
        rewrite_done(&run);
        return report(&err);
    }
    gisa_post post;
    memset(&post, 0, sizeof post);
    if (rw.on) {
        rc = rewrite_page(cmd, &rw, &run, doc, &po, &post);
    } else {
        rc = gisa_compose(doc, &po, &post, &err) == GISA_OK ? EXIT_OK : report(&err);
        if (rc == EXIT_OK)
            warn_if_unlicensed(doc);
    }
    rewrite_done(&run);
    gisa_document_free(doc);
    if (rc == EXIT_OK)
        rc = write_stdout(post.text, post.len);
    if (rc == EXIT_OK && out_dir)
        rc = write_post(out_dir, &post, argv[optind]);
    gisa_post_clear(&post);
    return rc;
}

int cmd_post(int argc, char **argv)
{
    return post_main(argc, argv, "post", 0);
}

int cmd_rewrite(int argc, char **argv)
{
    return post_main(argc, argv, "rewrite", 1);
}

void help_rewrite(FILE *out)
{
    fprintf(out,
            "usage: gisa rewrite [OPTIONS] (--llm URL --model NAME | --rewriter CMD) FILE\n"
            "       gisa post --rewrite ... (the same)\n"
            "\n"
            "Compose a post as gisa post does, with the body's paragraphs rewritten by a\n"
            "language model in the chosen voice, every sentence of the model checked\n"
            "against the page (gisa check): a sentence stating what the page does not is\n"
            "sent back once, naming the facts, and if it fails again the page's own\n"
            "sentence is published instead. Headings, tables, lists, quotations and the\n"
            "credit stay the page's; the title and a 2-3 sentence excerpt are the model's,\n"
            "gated the same way. Front matter records the model, the voice and the\n"
            "counts. A section the model gives no usable answer for (unreachable,\n"
            "errors, malformed or empty answers) keeps the page's sentences, with a\n"
            "warning. See docs/rewrite.md.\n"
            "\n"
            REWRITE_HELP
            "\n"
            "All the options of gisa post (--format, --style, --mode, --out, ...) apply.\n"
            "Pages whose licence allows only verbatim use (공공누리 type 3/4, CC ...-ND) or\n"
            "reserves all rights are not rewritten.\n"
            "\n"
            "Exit status: 0 success, 1 bad input, 2 usage error, 3 I/O error,\n"
            "4 internal error, 5 --strict and a sentence failed twice (or the post\n"
            "failed its check), 6 the page reserves all rights.\n");
}
