/* cmd_ingest.c - gisa ingest: pages, directories and WARC files -> store. */
#include <getopt.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void help_ingest(FILE *out)
{
    fprintf(out,
            "usage: gisa ingest [--db PATH] [-j N] [--list FILE] INPUT...\n"
            "\n"
            "Extract every page of the inputs into a corpus store (SQLite): pages,\n"
            "articles, a full-text index and near-duplicate links. INPUT is a\n"
            "directory (walked recursively: .html/.htm/.xhtml, their .gz, WARC\n"
            "files), a .warc or .warc.gz file (response records; others skipped),\n"
            "or a page. Pages are stored in input order; a page whose URL and\n"
            "content are already stored is skipped, so after a crash or kill the\n"
            "same command finishes the work without duplicating anything.\n"
            "\n"
            "  -d, --db PATH      the store (default gisa.db), created if missing\n"
            "  -j, --jobs N       extraction threads (default: number of cores)\n"
            "  -l, --list FILE    also ingest the inputs named in FILE, one per line\n"
            "                     (URLs are refused: fetching is not supported yet)\n"
            "      --max-bytes N  refuse pages larger than N bytes (default 64 MiB)\n"
            "  -q, --quiet        no progress line and no summary\n"
            "  -h, --help         show this help\n"
            "\n"
            "Each page that fails is reported on one line and the rest go on.\n"
            "Exit status: 0 success, 1 some page or record failed, 2 usage error,\n"
            "3 the store cannot be written, 4 internal error.\n");
}

/* What the callbacks share: failure counts by status, the progress line. */
typedef struct ingest_ui {
    int tty, quiet, line_shown;
    double last_trim;
    size_t by_status[GISA_ERR_UNSUPPORTED + 1];
} ingest_ui;

static void clear_line(ingest_ui *ui)
{
    if (ui->line_shown) {
        fputs("\r\033[K", stderr);
        ui->line_shown = 0;
    }
}

static void on_error(void *ctx, const gisa_error *err)
{
    ingest_ui *ui = ctx;
    if (err->status <= GISA_ERR_UNSUPPORTED)
        ui->by_status[err->status]++;
    clear_line(ui);
    fprintf(stderr, "gisa: %s\n", err->message);
}

static void on_progress(void *ctx, const gisa_ingest_stats *s, double fraction)
{
    ingest_ui *ui = ctx;
#ifdef __GLIBC__
    /* Freed memory on the worker threads' heaps is handed back now and
     * then, so that peak memory does not creep up over a long run. */
    if (s->seconds - ui->last_trim >= 2) {
        malloc_trim(0);
        ui->last_trim = s->seconds;
    }
#endif
    if (!ui->tty || ui->quiet)
        return;
    double rate = s->seconds > 0 ? (double)s->processed / s->seconds : 0;
    fputs("\r\033[K", stderr);
    if (fraction >= 0) {
        int filled = (int)(fraction * 30 + 0.5);
        fprintf(stderr, "[%.*s%.*s] %3d%% ", filled, "##############################",
                30 - filled, "..............................", (int)(fraction * 100));
    }
    fprintf(stderr, "%zu pages, %.1f pages/s, %zu failed, %zu duplicates", s->processed,
            rate, s->failed, s->duplicates);
    ui->line_shown = 1;
}

static void summary(ingest_ui *ui, const gisa_ingest_stats *s)
{
    clear_line(ui);
    double rate = s->seconds > 0 ? (double)s->processed / s->seconds : 0;
    fprintf(stderr,
            "gisa ingest: %zu pages in %.1f s (%.1f pages/s): %zu stored (%zu near-duplicates),"
            " %zu unchanged, %zu skipped, %zu failed",
            s->processed, s->seconds, rate, s->stored, s->duplicates, s->unchanged,
            s->skipped, s->failed);
    const char *sep = " (";
    for (int st = 1; st <= GISA_ERR_UNSUPPORTED; st++)
        if (ui->by_status[st]) {
            fprintf(stderr, "%s%zu %s", sep, ui->by_status[st],
                    gisa_status_name((gisa_status)st));
            sep = ", ";
        }
    fprintf(stderr, "%s\n", sep[0] == ',' ? ")" : "");
}

static int parse_count(const char *s, unsigned long long *v)
{
    char *end;
    *v = strtoull(s, &end, 10);
    return *s && !*end && *v > 0;
}

int cmd_ingest(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"jobs", required_argument, NULL, 'j'},
        {"list", required_argument, NULL, 'l'},
        {"max-bytes", required_argument, NULL, 'm'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = "gisa.db";
    ingest_ui ui = {0};
    gisa_ingest_options io = {0};
    unsigned long long v;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+d:j:l:qh", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'l': io.list = optarg; break;
        case 'q': ui.quiet = 1; break;
        case 'j':
            if (!parse_count(optarg, &v) || v > 1024)
                return usage_error("ingest", "-j wants a number from 1 to 1024");
            io.threads = (unsigned)v;
            break;
        case 'm':
            if (!parse_count(optarg, &v))
                return usage_error("ingest", "--max-bytes wants a positive number");
            io.max_input = (size_t)v;
            break;
        case 'h':
            help_ingest(stdout);
            return EXIT_OK;
        default:
            return usage_error("ingest", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc && !io.list)
        return usage_error("ingest", "no input given");
#ifdef __GLIBC__
    /* glibc raises its mmap threshold after each large free, so big pages
     * end up on thread heaps that fragment: peak memory then creeps up with
     * the number of pages. A fixed threshold keeps it flat. */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
    ui.tty = isatty(STDERR_FILENO);
    io.on_error = on_error;
    io.on_progress = on_progress;
    io.ctx = &ui;
    gisa_error err;
    gisa_corpus *corpus;
    if (gisa_corpus_open(db, &corpus, &err) != GISA_OK)
        return report(&err);
    gisa_ingest_stats stats;
    gisa_status st = gisa_ingest(corpus, (const char *const *)argv + optind,
                                 (size_t)(argc - optind), &io, &stats, &err);
    gisa_corpus_close(corpus);
    if (!ui.quiet)
        summary(&ui, &stats);
    if (st != GISA_OK)
        return report(&err);
    return stats.failed ? EXIT_INPUT : EXIT_OK;
}
