/* cmd_search.c - gisa search: ranked articles of a corpus store. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void help_search(FILE *out)
{
    fprintf(out,
            "usage: gisa search [--db PATH] [-n N] [--raw] QUERY...\n"
            "\n"
            "Full-text search of a store made by gisa ingest, best match first\n"
            "(BM25; title words count more). Each word matches as a prefix, so\n"
            "국방부 finds 국방부는 and 국방부가; all words must occur. At most 64\n"
            "different words (a word given twice counts once).\n"
            "\n"
            "  -d, --db PATH  the store (default gisa.db)\n"
            "  -n, --limit N  at most N results (default 10)\n"
            "      --raw      QUERY is FTS5 syntax (AND, OR, NOT, \"phrases\", NEAR)\n"
            "  -h, --help     show this help\n"
            "\n"
            "Output: for each result, its rank, URL, title and date, then a snippet\n"
            "with the matches [in brackets].\n"
            "Exit status: 0 results found, 1 no results, 2 usage error (or a bad\n"
            "--raw query), 3 the store cannot be read.\n");
}

/* The words of argv joined by spaces. */
static char *join(char **words, int n)
{
    size_t len = 1;
    for (int i = 0; i < n; i++)
        len += strlen(words[i]) + 1;
    char *q = malloc(len), *o = q;
    if (!q)
        return NULL;
    for (int i = 0; i < n; i++)
        o += sprintf(o, "%s%s", i ? " " : "", words[i]);
    *o = '\0';
    return q;
}

/* A snippet spans paragraphs: print it on one line. */
static void print_line(const char *s)
{
    int space = 0;
    for (; *s; s++) {
        if (*s == '\n' || *s == '\r' || *s == '\t' || *s == ' ') {
            space = 1;
            continue;
        }
        if (space)
            putchar(' ');
        space = 0;
        putchar(*s);
    }
    fputs("\n\n", stdout);
}

int cmd_search(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"limit", required_argument, NULL, 'n'},
        {"raw", no_argument, NULL, 'r'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = "gisa.db";
    size_t limit = 10;
    int raw = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+d:n:h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'r': raw = 1; break;
        case 'n': {
            char *end;
            unsigned long long v = strtoull(optarg, &end, 10);
            if (!*optarg || *end || v == 0 || v > 100000)
                return usage_error("search", "--limit wants a number from 1 to 100000");
            limit = (size_t)v;
            break;
        }
        case 'h':
            help_search(stdout);
            return EXIT_OK;
        default:
            return usage_error("search", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return usage_error("search", "no query given");
    if (access(db, R_OK) != 0) {
        fprintf(stderr, "gisa: %s: no such store (run gisa ingest first)\n", db);
        return EXIT_IO;
    }
    char *query = join(argv + optind, argc - optind);
    if (!query)
        return EXIT_INTERNAL;
    gisa_error err;
    gisa_corpus *corpus;
    if (gisa_corpus_open_read(db, &corpus, &err) != GISA_OK) {
        free(query);
        return report(&err);
    }
    gisa_hit *hits;
    size_t n;
    gisa_status st = gisa_corpus_search(corpus, query, raw, limit, &hits, &n, &err);
    gisa_corpus_close(corpus);
    free(query);
    if (st != GISA_OK)
        return report(&err);
    for (size_t i = 0; i < n; i++) {
        printf("%zu. %s\n   %s%s%s\n   ", i + 1, hits[i].url, hits[i].title,
               *hits[i].date ? " | " : "", hits[i].date);
        print_line(hits[i].snippet);
    }
    gisa_hits_free(hits, n);
    if (fflush(stdout) != 0)
        return EXIT_IO;
    return n ? EXIT_OK : EXIT_INPUT;
}
