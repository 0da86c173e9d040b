/* cmd_check.c - gisa check: a rewrite against its sources. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_SOURCES 64

void help_check(FILE *out)
{
    fprintf(out,
            "usage: gisa check DERIVED --source SRC [--source SRC...] [--format text|json]\n"
            "                  [--explain]\n"
            "\n"
            "Check every fact of a derived text (a post, a rewrite, a summary) against\n"
            "its sources: people with titles, organisations, places, dates, numbers,\n"
            "durations, quotations and agreements. Each is supported, contradicted\n"
            "(the source says otherwise) or unsupported (the source does not say it).\n"
            "Both sides may be HTML pages, text dumps or Markdown/Jekyll/Hugo posts; a\n"
            "post's front matter (title, excerpt, summary) is checked too.\n"
            "\n"
            "  -s, --source FILE  a source (repeatable, at least one)\n"
            "  -f, --format FMT   text (default): the derived text with flagged spans in\n"
            "                     [[ ]] and what the source says (or, for a fact it does\n"
            "                     not state, its nearest sentence); json: every fact\n"
            "                     with its kind, span and the matching source span\n"
            "  -e, --explain      text: list supported facts too, each with the source\n"
            "                     sentence that supports it\n"
            LIMIT_HELP
            "  -h, --help         show this help\n"
            "\n"
            "Exit status: 0 every fact supported, 5 some fact unsupported or\n"
            "contradicted, 1 bad input, 2 usage error, 3 I/O error, 4 internal error.\n");
}

static void free_docs(gisa_document **docs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        gisa_document_free(docs[i]);
}

static int run_check(const gisa_document *derived, gisa_document **sources, size_t n,
                     gisa_format format, int explain)
{
    gisa_error err;
    gisa_check_report *r;
    if (gisa_check(derived, (const gisa_document *const *)sources, n, &r, &err) != GISA_OK)
        return report(&err);
    char *out;
    size_t len;
    int rc = gisa_check_render_explained(r, format, explain, &out, &len, &err) == GISA_OK ? EXIT_OK : report(&err);
    if (rc == EXIT_OK) {
        rc = write_stdout(out, len);
        gisa_free(out);
    }
    if (rc == EXIT_OK && r->unsupported + r->contradicted > 0)
        rc = EXIT_UNSUPPORTED;
    gisa_check_free(r);
    return rc;
}

int cmd_check(int argc, char **argv)
{
    static const struct option opts[] = {
        {"source", required_argument, NULL, 's'},
        {"format", required_argument, NULL, 'f'},
        {"explain", no_argument, NULL, 'e'},
        LIMIT_OPTIONS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *srcs[MAX_SOURCES];
    size_t nsrc = 0;
    gisa_format format = GISA_FORMAT_TEXT;
    int explain = 0;
    gisa_extract_options eo = {.kind = GISA_INPUT_AUTO};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "s:f:eh", opts, NULL)) != -1) {
        switch (c) {
        case 's':
            if (nsrc == MAX_SOURCES)
                return usage_error("check", "at most %d sources", MAX_SOURCES);
            srcs[nsrc++] = optarg;
            break;
        case 'f':
            if (!strcmp(optarg, "text")) format = GISA_FORMAT_TEXT;
            else if (!strcmp(optarg, "json")) format = GISA_FORMAT_JSON;
            else return usage_error("check", "unknown format '%s'", optarg);
            break;
        case 'e':
            explain = 1;
            break;
        case 'h':
            help_check(stdout);
            return EXIT_OK;
        default:
            switch (limit_option("check", c, optarg, &eo)) {
            case 1: break;
            case -1: return EXIT_USAGE;
            default: return usage_error("check", "unknown option '%s'", argv[optind - 1]);
            }
        }
    }
    if (argc - optind != 1)
        return usage_error("check", "give exactly one derived text");
    if (nsrc == 0)
        return usage_error("check", "give at least one --source");
    gisa_error err;
    gisa_document *derived, *sources[MAX_SOURCES];
    if (load_document(argv[optind], &eo, &derived, &err) != GISA_OK)
        return report(&err);
    for (size_t i = 0; i < nsrc; i++) {
        if (load_document(srcs[i], &eo, &sources[i], &err) != GISA_OK) {
            free_docs(sources, i);
            gisa_document_free(derived);
            return report(&err);
        }
    }
    int rc = run_check(derived, sources, nsrc, format, explain);
    free_docs(sources, nsrc);
    gisa_document_free(derived);
    return rc;
}
