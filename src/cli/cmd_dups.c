/* cmd_dups.c - gisa dups: clusters of near-duplicate articles. */
#include <getopt.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void help_dups(FILE *out)
{
    fprintf(out,
            "usage: gisa dups [--db PATH]\n"
            "\n"
            "List the near-duplicate clusters of a store made by gisa ingest: each\n"
            "article whose SimHash (64 bits over character shingles of the body)\n"
            "is within 3 bits of an earlier one is linked to it. Output: one block\n"
            "per cluster, the original first, then each duplicate with its\n"
            "distance in bits; blocks are separated by blank lines.\n"
            "\n"
            "  -d, --db PATH  the store (default gisa.db)\n"
            "  -h, --help     show this help\n"
            "\n"
            "Exit status: 0 success, 2 usage error, 3 the store cannot be read.\n");
}

int cmd_dups(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = "gisa.db";
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+d:h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'h':
            help_dups(stdout);
            return EXIT_OK;
        default:
            return usage_error("dups", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return usage_error("dups", "unexpected argument '%s'", argv[optind]);
    if (access(db, R_OK) != 0) {
        fprintf(stderr, "gisa: %s: no such store (run gisa ingest first)\n", db);
        return EXIT_IO;
    }
    gisa_error err;
    gisa_corpus *corpus;
    if (gisa_corpus_open_read(db, &corpus, &err) != GISA_OK)
        return report(&err);
    gisa_dup *dups;
    size_t n;
    gisa_status st = gisa_corpus_dups(corpus, &dups, &n, &err);
    gisa_corpus_close(corpus);
    if (st != GISA_OK)
        return report(&err);
    size_t clusters = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || strcmp(dups[i].original, dups[i - 1].original) != 0) {
            printf("%s%s\n", i ? "\n" : "", dups[i].original);
            clusters++;
        }
        printf("  %u  %s  %s\n", dups[i].distance, dups[i].url, dups[i].title);
    }
    gisa_dups_free(dups, n);
    fprintf(stderr, "gisa dups: %zu clusters, %zu duplicates\n", clusters, n);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_IO;
}
