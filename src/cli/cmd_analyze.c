/* cmd_analyze.c - gisa analyze: a page -> sentences, summary, keywords,
 * entities and agreements. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void help_analyze(FILE *out)
{
    fprintf(out,
            "usage: gisa analyze [--format json|text] [--input auto|html|text] FILE\n"
            "\n"
            "Extract the article from FILE (anything gisa extract reads), then analyse\n"
            "its text (Korean first): sentences with summary scores, keywords,\n"
            "entities (people with titles and countries, organisations, places,\n"
            "dates resolved against the article date, numbers with units) and\n"
            "agreements (who agreed or decided what). The JSON is described in\n"
            "docs/analyze.md.\n"
            "\n"
            "  -f, --format FMT    json (default) or text\n"
            "  -i, --input KIND    auto (default), html, or text (a text dump)\n"
            "  -k, --keywords N    how many keywords (default 20)\n"
            LIMIT_HELP
            "  -h, --help          show this help\n");
}

int cmd_analyze(int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {"input", required_argument, NULL, 'i'},
        {"keywords", required_argument, NULL, 'k'},
        LIMIT_OPTIONS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    gisa_format format = GISA_FORMAT_JSON;
    gisa_extract_options eo;
    memset(&eo, 0, sizeof eo);
    gisa_analyze_options ao;
    memset(&ao, 0, sizeof ao);
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+f:i:k:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!strcmp(optarg, "json"))
                format = GISA_FORMAT_JSON;
            else if (!strcmp(optarg, "text"))
                format = GISA_FORMAT_TEXT;
            else
                return usage_error("analyze", "--format wants json or text, not '%s'", optarg);
            break;
        case 'i':
            if (!strcmp(optarg, "auto"))
                eo.kind = GISA_INPUT_AUTO;
            else if (!strcmp(optarg, "html"))
                eo.kind = GISA_INPUT_HTML;
            else if (!strcmp(optarg, "text"))
                eo.kind = GISA_INPUT_TEXT;
            else
                return usage_error("analyze", "--input wants auto, html or text, not '%s'",
                                   optarg);
            break;
        case 'k': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 1000)
                return usage_error("analyze", "--keywords wants 1 to 1000, not '%s'", optarg);
            ao.max_keywords = (size_t)n;
            break;
        }
        case 'h':
            help_analyze(stdout);
            return EXIT_OK;
        default:
            switch (limit_option("analyze", c, optarg, &eo)) {
            case 1: break;
            case -1: return EXIT_USAGE;
            default: return usage_error("analyze", "unknown option '%s'", argv[optind - 1]);
            }
        }
    }
    if (argc - optind != 1)
        return usage_error("analyze", argc - optind < 1 ? "no input file given"
                                                        : "give exactly one input file");
    gisa_error err;
    gisa_document *doc;
    if (load_document(argv[optind], &eo, &doc, &err) != GISA_OK)
        return report(&err);
    gisa_analysis *an;
    gisa_status st = gisa_analyze(doc, &ao, &an, &err);
    gisa_document_free(doc);
    if (st != GISA_OK)
        return report(&err);
    char *out;
    size_t len;
    st = gisa_analysis_render(an, format, &out, &len, &err);
    gisa_analysis_free(an);
    if (st != GISA_OK)
        return report(&err);
    int rc = write_stdout(out, len);
    gisa_free(out);
    return rc;
}
