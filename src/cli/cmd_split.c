/* cmd_split.c - gisa split: paragraphs -> one sentence per line. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void help_split(FILE *out)
{
    fprintf(out,
            "usage: gisa split [FILE]\n"
            "\n"
            "Split text into sentences (Korean first). Paragraphs are separated by\n"
            "blank lines; line breaks inside a paragraph count as spaces, but a\n"
            "sentence-final ending at a line end (…습니다) ends its sentence. Prints\n"
            "one sentence per line and a blank line between paragraphs. FILE defaults\n"
            "to standard input (-); gzip is read transparently.\n"
            "\n"
            "  -h, --help  show this help\n");
}

/* Print the sentences of one paragraph, line breaks turned into spaces. */
static void print_paragraph(FILE *out, const char *p, size_t len, gisa_span **spans,
                            size_t *cap)
{
    size_t n = gisa_split_sentences(p, len, *spans, *cap);
    if (n > *cap) {
        gisa_span *bigger = realloc(*spans, n * sizeof **spans);
        if (!bigger) {
            fprintf(stderr, "gisa split: out of memory\n");
            exit(EXIT_INTERNAL);
        }
        *spans = bigger;
        *cap = n;
        n = gisa_split_sentences(p, len, *spans, *cap);
    }
    for (size_t i = 0; i < n; i++) {
        size_t j = (*spans)[i].start, end = (*spans)[i].end;
        while (j < end) {
            size_t k = j;
            while (k < end && p[k] != '\n' && p[k] != '\r')
                k++;
            fwrite(p + j, 1, k - j, out);
            if (k < end)
                fputc(' ', out); /* a line break (CRLF too) becomes one space */
            while (k < end && (p[k] == '\n' || p[k] == '\r'))
                k++;
            j = k;
        }
        fputc('\n', out);
    }
}

/* Is the line s[a..b) blank? */
static int blank(const char *s, size_t a, size_t b)
{
    for (; a < b; a++)
        if (s[a] != ' ' && s[a] != '\t' && s[a] != '\r')
            return 0;
    return 1;
}

int cmd_split(int argc, char **argv)
{
    static const struct option opts[] = {
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
        if (c == 'h') {
            help_split(stdout);
            return EXIT_OK;
        }
        return usage_error("split", "unknown option '%s'", argv[optind - 1]);
    }
    if (argc - optind > 1)
        return usage_error("split", "give at most one input file");
    const char *path = optind < argc ? argv[optind] : "-";
    gisa_error err;
    gisa_bytes in;
    if (gisa_load(path, 0, &in, &err) != GISA_OK)
        return report(&err);
    const char *s = (const char *)in.data;
    size_t cap = 64, para = 0, printed = 0;
    gisa_span *spans = malloc(cap * sizeof *spans);
    if (!spans) {
        gisa_bytes_free(&in);
        return EXIT_INTERNAL;
    }
    /* Walk the lines; a blank line (or the end) closes a paragraph. */
    for (size_t i = 0; i <= in.len;) {
        size_t eol = i;
        while (eol < in.len && s[eol] != '\n')
            eol++;
        if (eol >= in.len || blank(s, i, eol)) {
            size_t end = blank(s, i, eol) ? i : eol;
            if (end > para && !blank(s, para, end)) {
                if (printed++)
                    fputc('\n', stdout);
                print_paragraph(stdout, s + para, end - para, &spans, &cap);
            }
            para = eol + 1;
        }
        i = eol + 1;
    }
    free(spans);
    gisa_bytes_free(&in);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "gisa split: cannot write to standard output\n");
        return EXIT_IO;
    }
    return EXIT_OK;
}
