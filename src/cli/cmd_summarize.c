/* cmd_summarize.c - gisa summarize: an article -> its K best sentences. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void help_summarize(FILE *out)
{
    fprintf(out,
            "usage: gisa summarize [-n K] [FILE]\n"
            "\n"
            "Print the K best sentences of an article, one per line, in document\n"
            "order (an extractive summary; Korean first). The input is a title line,\n"
            "a blank line, then the body (paragraphs separated by blank lines); with\n"
            "no blank line after the first line, all of it is body. FILE defaults to\n"
            "standard input (-); gzip is read transparently.\n"
            "\n"
            "  -n, --sentences K  how many sentences (default 3)\n"
            "  -h, --help         show this help\n");
}

/* Split "title\n\nbody" into its parts (title NULL when absent). */
static void split_title(char *s, size_t len, char **title, const char **body,
                        size_t *body_len)
{
    *title = NULL;
    *body = s;
    *body_len = len;
    char *nl = memchr(s, '\n', len);
    if (!nl)
        return;
    char *rest = nl + 1;
    size_t left = len - (size_t)(rest - s);
    /* a blank line must follow the title line */
    size_t i = 0;
    while (i < left && (rest[i] == ' ' || rest[i] == '\t' || rest[i] == '\r'))
        i++;
    if (i >= left || rest[i] != '\n')
        return;
    *nl = '\0';
    *title = s;
    *body = rest;
    *body_len = left;
}

int cmd_summarize(int argc, char **argv)
{
    static const struct option opts[] = {
        {"sentences", required_argument, NULL, 'n'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    long k = 3;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+n:h", opts, NULL)) != -1) {
        switch (c) {
        case 'n': {
            char *end;
            k = strtol(optarg, &end, 10);
            if (*end || k < 1 || k > 10000)
                return usage_error("summarize", "-n wants a count from 1 to 10000, not '%s'",
                                   optarg);
            break;
        }
        case 'h':
            help_summarize(stdout);
            return EXIT_OK;
        default:
            return usage_error("summarize", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind > 1)
        return usage_error("summarize", "give at most one input file");
    const char *path = optind < argc ? argv[optind] : "-";
    gisa_error err;
    gisa_bytes in;
    if (gisa_load(path, 0, &in, &err) != GISA_OK)
        return report(&err);
    char *title;
    const char *body;
    size_t body_len;
    split_title((char *)in.data, in.len, &title, &body, &body_len);
    gisa_analysis *an;
    gisa_status st = gisa_analyze_text(title, NULL, body, body_len, NULL, &an, &err);
    gisa_bytes_free(&in);
    if (st != GISA_OK)
        return report(&err);
    size_t *index = malloc((size_t)k * sizeof *index);
    if (!index) {
        gisa_analysis_free(an);
        return EXIT_INTERNAL;
    }
    size_t m = gisa_summary(an, (size_t)k, index);
    for (size_t i = 0; i < m; i++)
        printf("%s\n", an->sentences[index[i]].text);
    free(index);
    gisa_analysis_free(an);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "gisa summarize: cannot write to standard output\n");
        return EXIT_IO;
    }
    return EXIT_OK;
}
