/* cmd_extract.c - gisa extract: pages -> articles. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void help_extract(FILE *out)
{
    fprintf(out,
            "usage: gisa extract [--format text|markdown|json] [--input auto|html|text] FILE\n"
            "       gisa extract --out DIR FILE...\n"
            "\n"
            "Extract the article from a web page (HTML in any encoding, gzip, or a\n"
            "page saved as plain text): title, date, author, licence and body, with\n"
            "menus, lists, comments and repeated paragraphs left out. HWP 5 and HWPX\n"
            "documents (press releases' attachments) are recognised by their bytes;\n"
            "a release's first-page block gives its date, ministry and contacts.\n"
            "\n"
            "  -f, --format FMT  text (default; blocks separated by blank lines),\n"
            "                    markdown, or json (all metadata and blocks)\n"
            "  -i, --input KIND  auto (default), html, text (a text dump), post\n"
            "                    (YAML front matter and a Markdown/HTML body), hwp\n"
            "                    or hwpx (refuses anything else)\n"
            "  -o, --out DIR     batch mode: write DIR/<id>.txt and DIR/<id>.json for\n"
            "                    each FILE (<id> is its name without extensions; a\n"
            "                    name taken by an earlier page or by an input gets\n"
            "                    <id>-2, <id>-3..., and is reported); a page that\n"
            "                    fails is reported and the rest go on\n"
            HINT_HELP
            LIMIT_HELP
            "  -h, --help        show this help\n"
            "\n"
            "Exit status: 0 success, 1 bad input (in batch mode: any page failed),\n"
            "2 usage error, 3 I/O error, 4 internal error.\n");
}

static int parse_format(const char *s, gisa_format *f)
{
    if (!strcmp(s, "text")) *f = GISA_FORMAT_TEXT;
    else if (!strcmp(s, "markdown") || !strcmp(s, "md")) *f = GISA_FORMAT_MARKDOWN;
    else if (!strcmp(s, "json")) *f = GISA_FORMAT_JSON;
    else return 0;
    return 1;
}

static int parse_kind(const char *s, gisa_input_kind *k)
{
    if (!strcmp(s, "auto")) *k = GISA_INPUT_AUTO;
    else if (!strcmp(s, "html")) *k = GISA_INPUT_HTML;
    else if (!strcmp(s, "text")) *k = GISA_INPUT_TEXT;
    else if (!strcmp(s, "post")) *k = GISA_INPUT_POST;
    else if (!strcmp(s, "hwp")) *k = GISA_INPUT_HWP;
    else if (!strcmp(s, "hwpx")) *k = GISA_INPUT_HWPX;
    else return 0;
    return 1;
}

static int write_rendered(const gisa_document *doc, gisa_format f, const char *path,
                          gisa_error *err)
{
    char *out;
    size_t len;
    if (gisa_render(doc, f, &out, &len, err) != GISA_OK)
        return err->status;
    int rc = gisa_write_file(path, out, len, err);
    gisa_free(out);
    return rc;
}

/* Say so when a page's outputs are not named after it (outnames.c). */
static void note_renamed(const char *file, const char *dir, const char *name)
{
    char id[256];
    page_id(file, id, sizeof id);
    if (strcmp(id, name))
        fprintf(stderr,
                "gisa extract: %s: written as %s/%s.txt and .json (%s.txt is another"
                " page's output or an input)\n",
                file, dir, name, id);
}

/* Write DIR/<name>.txt and DIR/<name>.json; a failed page leaves no half pair. */
static int extract_one(const char *file, const char *dir, const char *name,
                       const gisa_extract_options *o, const page_hints *h, gisa_error *err)
{
    gisa_document *doc;
    int rc = load_page(file, o, h, &doc, err);
    if (rc != GISA_OK)
        return rc;
    size_t cap = strlen(dir) + strlen(name) + 8;
    char *path = malloc(cap);
    if (!path) {
        gisa_document_free(doc);
        return EXIT_INTERNAL;
    }
    snprintf(path, cap, "%s/%s.txt", dir, name);
    rc = write_rendered(doc, GISA_FORMAT_TEXT, path, err);
    if (rc == GISA_OK) {
        snprintf(path, cap, "%s/%s.json", dir, name);
        rc = write_rendered(doc, GISA_FORMAT_JSON, path, err);
        if (rc != GISA_OK) {
            snprintf(path, cap, "%s/%s.txt", dir, name);
            unlink(path);
        }
    }
    free(path);
    gisa_document_free(doc);
    return rc;
}

static int extract_batch(const char *dir, char **files, int n, const gisa_extract_options *o,
                         const page_hints *h)
{
    gisa_error err;
    if (gisa_make_dirs(dir, &err) != GISA_OK)
        return report(&err);
    char **names = output_names(dir, files, n);
    if (!names)
        return EXIT_INTERNAL;
    int failed = 0, io_failed = 0;
    for (int i = 0; i < n; i++) {
        note_renamed(files[i], dir, names[i]);
        int rc = extract_one(files[i], dir, names[i], o, h, &err);
        if (rc == EXIT_INTERNAL) {
            fprintf(stderr, "gisa: %s: out of memory\n", files[i]);
            failed++;
        } else if (rc != GISA_OK) {
            report(&err);
            failed++;
            io_failed += rc == GISA_ERR_IO;
        }
    }
    output_names_free(names, n);
    fprintf(stderr, "gisa extract: %d of %d pages extracted into %s\n", n - failed, n, dir);
    if (io_failed)
        return EXIT_IO;
    return failed ? EXIT_INPUT : EXIT_OK;
}

int cmd_extract(int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {"input", required_argument, NULL, 'i'},
        {"out", required_argument, NULL, 'o'},
        HINT_OPTIONS,
        LIMIT_OPTIONS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    gisa_format format = GISA_FORMAT_TEXT;
    gisa_extract_options eo = {.kind = GISA_INPUT_AUTO};
    const char *out_dir = NULL;
    page_hints hints = {NULL, NULL, NULL};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+f:i:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!parse_format(optarg, &format))
                return usage_error("extract", "unknown format '%s'", optarg);
            break;
        case 'i':
            if (!parse_kind(optarg, &eo.kind))
                return usage_error("extract", "unknown input kind '%s'", optarg);
            break;
        case 'o':
            out_dir = optarg;
            break;
        case 'h':
            help_extract(stdout);
            return EXIT_OK;
        default:
            switch (hint_option("extract", c, optarg, &hints)) {
            case 1: continue;
            case -1: return EXIT_USAGE;
            }
            switch (limit_option("extract", c, optarg, &eo)) {
            case 1: break;
            case -1: return EXIT_USAGE;
            default: return usage_error("extract", "unknown option '%s'", argv[optind - 1]);
            }
        }
    }
    int nfiles = argc - optind;
    if (nfiles < 1)
        return usage_error("extract", "no input file given");
    if (hints.url && nfiles > 1)
        return usage_error("extract", "--url names one page; give one FILE");
    if (out_dir)
        return extract_batch(out_dir, argv + optind, nfiles, &eo, &hints);
    if (nfiles > 1)
        return usage_error("extract", "several inputs need --out DIR");
    gisa_error err;
    gisa_document *doc;
    if (load_page(argv[optind], &eo, &hints, &doc, &err) != GISA_OK)
        return report(&err);
    char *out;
    size_t len;
    int rc = EXIT_OK;
    if (gisa_render(doc, format, &out, &len, &err) != GISA_OK) {
        rc = report(&err);
    } else {
        rc = write_stdout(out, len);
        gisa_free(out);
    }
    gisa_document_free(doc);
    return rc;
}
