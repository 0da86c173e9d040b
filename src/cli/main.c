/* main.c - the gisa command: dispatch to one subcommand. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const command commands[] = {
    {"extract", "page -> clean article (text, Markdown, JSON)", cmd_extract, help_extract},
    {"post", "page -> publishable post (Jekyll, Hugo, HTML, Markdown, JSON)", cmd_post, help_post},
    {"rewrite", "page -> post in a language model's words, each sentence checked",
     cmd_rewrite, help_rewrite},
    {"site", "pages -> posts in a Jekyll or Hugo site, each once", cmd_site, help_site},
    {"check", "rewrite vs sources: each fact supported, unsupported or contradicted",
     cmd_check, help_check},
    {"split", "text -> one sentence per line (Korean first)", cmd_split, help_split},
    {"summarize", "article -> its K best sentences", cmd_summarize, help_summarize},
    {"analyze", "page -> sentences, keywords, entities, agreements (JSON)", cmd_analyze, help_analyze},
    {"ingest", "pages, directories, WARC files, URLs, feeds -> a corpus store (SQLite)",
     cmd_ingest, help_ingest},
    {"crawl", "the same as ingest (for URLs and feeds)", cmd_ingest, help_ingest},
    {"search", "corpus store -> ranked articles with snippets", cmd_search, help_search},
    {"dups", "corpus store -> clusters of near-duplicate articles", cmd_dups, help_dups},
    {"serve", "corpus store -> a review desk in the browser (edit, check, publish)",
     cmd_serve, help_serve},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void help(FILE *out)
{
    fprintf(out,
            "usage: gisa COMMAND [OPTIONS] FILE...\n"
            "       gisa --help | --version | COMMAND --help\n"
            "\n"
            "Turn news and press-release pages into clean articles and faithful posts.\n"
            "FILE is a path or - for standard input; gzip is read transparently;\n"
            "any encoding is detected and converted to UTF-8.\n"
            "\n"
            "Commands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out,
            "\n"
            "Exit status:\n"
            "  0  success\n"
            "  1  bad input (empty, binary, corrupt, no article found)\n"
            "  2  usage error\n"
            "  3  I/O error (cannot read or write a file)\n"
            "  4  internal error (out of memory, a limit hit)\n"
            "  5  gisa check: some fact is unsupported or contradicted;\n"
            "     gisa post: the post failed its own check\n"
            "\n"
            "See gisa(1) for details.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        help(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
        if (argc > 2 && strcmp(name, "help") == 0)
            for (size_t i = 0; i < NCOMMANDS; i++)
                if (!strcmp(argv[2], commands[i].name)) {
                    commands[i].help(stdout);
                    return EXIT_OK;
                }
        help(stdout);
        return EXIT_OK;
    }
    if (!strcmp(name, "--version") || !strcmp(name, "-V")) {
        printf("gisa %s\n", GISA_VERSION);
        return EXIT_OK;
    }
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (!strcmp(name, commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "gisa: unknown command '%s'\nTry 'gisa --help'.\n", name);
    return EXIT_USAGE;
}
