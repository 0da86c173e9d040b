/* cmd_ingest.c - gisa ingest (and its alias gisa crawl): pages,
 * directories, WARC files, URLs and feeds -> store. */
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
            "usage: gisa ingest [--db PATH] [-j N] [--list FILE] [fetch options] INPUT...\n"
            "       gisa crawl  ... (the same command)\n"
            "\n"
            "Extract every page of the inputs into a corpus store (SQLite): pages,\n"
            "articles, a full-text index and near-duplicate links. INPUT is a\n"
            "directory (walked recursively: .html/.htm/.xhtml, their .gz, .rss,\n"
            ".atom, WARC files), a .warc or .warc.gz file (response records;\n"
            "others skipped), a page, an RSS/Atom feed (each item's full text, or\n"
            "else its link, is ingested) or an http(s) URL (fetched; a feed URL is\n"
            "expanded). Pages are stored in input order; a page whose URL and\n"
            "content are already stored is skipped, so after a crash or kill the\n"
            "same command finishes the work without duplicating anything.\n"
            "\n"
            "  -d, --db PATH      the store (default gisa.db), created if missing\n"
            "  -j, --jobs N       extraction threads (default: number of cores)\n"
            "  -l, --list FILE    also ingest the inputs (paths or URLs) in FILE,\n"
            "                     one per line\n"
            "      --max-bytes N  refuse pages larger than N bytes (default 64 MiB)\n"
            "      --posts        also compose a Jekyll post of each new article\n"
            "                     and store it (posts table); a page that reserves\n"
            "                     all rights gets none (reported), unless\n"
            "      --allow-unlicensed  then its post is a quoted summary with credit\n"
            "                     and store it (posts table)\n"
            "      --rewrite      with --posts: each post in a language model's words,\n"
            "                     gated by the check (see gisa rewrite --help): --llm\n"
            "                     URL --model NAME or --rewriter CMD, --voice, --prompt,\n"
            "                     --strict, --retries, --max-answer (--timeout bounds\n"
            "                     the model's requests too); one model per -j worker,\n"
            "                     so -j N pages are rewritten at once; a page already\n"
            "                     stored is never sent to the model again\n"
            "      --jsonl FILE   also write each article stored by this run to FILE,\n"
            "                     one JSON object a line (gzip if FILE ends in .gz)\n"
            "      --attachments  also take the documents (.hwpx, .hwp, .pdf) the pages\n"
            "                     link, once each, after the pages: fetched like any\n"
            "                     URL (the same politeness and --max-bytes), or read\n"
            "                     beside a page file; each stored as an article of its\n"
            "                     own linked to its page (pages.parent_url), credited\n"
            "                     to the page (URL, title, date, licence)\n"
            "  -q, --quiet        no progress line and no summary\n"
            "  -h, --help         show this help\n"
            "\n"
            "Fetching (robots.txt is always honoured; 429 and 5xx are retried\n"
            "up to 3 attempts; a page fetched before is asked for conditionally):\n"
            "      --delay S         seconds between requests to one host (default 1;\n"
            "                        a larger robots.txt Crawl-delay wins)\n"
            "      --timeout S       seconds per request (default 30)\n"
            "      --user-agent S    User-Agent header (default gisa/" GISA_VERSION " (+URL))\n"
            "      --allow-private   fetch private, loopback and link-local addresses\n"
            "                        (refused by default)\n"
            "\n"
            "Each page that fails is reported on one line and the rest go on.\n"
            "Exit status: 0 success, 1 some page or record failed, 2 usage error,\n"
            "3 the store cannot be written, 4 internal error.\n");
}

/* What the callbacks share: the progress line. */
typedef struct ingest_ui {
    int tty, quiet, line_shown, attachments;
    double last_trim;
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
            " %zu unchanged, %zu not modified, %zu skipped, %zu failed",
            s->processed, s->seconds, rate, s->stored, s->duplicates, s->unchanged,
            s->not_modified, s->skipped, s->failed);
    const char *sep = " (";
    for (int r = 0; r < GISA_FAIL_NREASONS; r++)
        if (s->failed_by[r]) {
            fprintf(stderr, "%s%zu %s", sep, s->failed_by[r],
                    gisa_fail_reason_name((gisa_fail_reason)r));
            sep = ", ";
        }
    fprintf(stderr, "%s, %zu new posts", sep[0] == ',' ? ")" : "", s->posts);
    if (ui->attachments)
        fprintf(stderr, ", %zu attachments stored", s->attachments);
    fputc('\n', stderr);
}

/* Seconds: a number from 0 to `max`. */
static int parse_seconds(const char *s, double max, double *v)
{
    char *end;
    *v = strtod(s, &end);
    return *s && !*end && *v >= 0 && *v <= max;
}

static int parse_count(const char *s, unsigned long long *v)
{
    char *end;
    *v = strtoull(s, &end, 10);
    return *s && !*end && *v > 0;
}

static void free_models(rewrite_run *runs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        rewrite_done(&runs[i]);
    free(runs);
}

/* --rewrite: one model per extraction worker (a model serves one page at
 * a time), so -j N pages are rewritten at once. */
static int make_models(rewrite_cli *rw, unsigned threads, double timeout, rewrite_run **out,
                       size_t *n)
{
    *out = NULL;
    *n = 0;
    if (timeout > 0 && !(rw->timeout > 0))
        rw->timeout = timeout;
    if (!rw->on) /* still says what is wrong with model options given alone */
        return rewrite_setup("ingest", rw, &(rewrite_run){0});
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t want = threads ? threads : cores > 0 ? (size_t)cores : 1;
    rewrite_run *runs = calloc(want, sizeof *runs);
    if (!runs)
        return EXIT_INTERNAL;
    for (size_t i = 0; i < want; i++) {
        int rc = rewrite_setup("ingest", rw, &runs[i]);
        if (rc != EXIT_OK) {
            free_models(runs, i);
            return rc;
        }
    }
    *out = runs;
    *n = want;
    return EXIT_OK;
}

int cmd_ingest(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"jobs", required_argument, NULL, 'j'},
        {"list", required_argument, NULL, 'l'},
        {"max-bytes", required_argument, NULL, 'm'},
        {"quiet", no_argument, NULL, 'q'},
        {"delay", required_argument, NULL, 'D'},
        {"timeout", required_argument, NULL, 'T'},
        {"user-agent", required_argument, NULL, 'U'},
        {"allow-private", no_argument, NULL, 'P'},
        {"posts", no_argument, NULL, 'p'},
        {"allow-unlicensed", no_argument, NULL, 'A'},
        {"jsonl", required_argument, NULL, 'J'},
        {"attachments", no_argument, NULL, 'a'},
        {"help", no_argument, NULL, 'h'},
        /* after ingest's own: its --timeout (fetching) is the one matched,
         * and given to the model's requests too */
        REWRITE_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    const char *db = "gisa.db";
    ingest_ui ui = {0};
    gisa_ingest_options io = {0};
    unsigned long long v;
    double secs;
    int c;
    rewrite_cli rw;
    memset(&rw, 0, sizeof rw);
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
        case 'D':
            if (!parse_seconds(optarg, 3600, &secs))
                return usage_error("ingest", "--delay wants seconds from 0 to 3600");
            io.delay = secs > 0 ? secs : -1; /* 0 in the options means the default */
            break;
        case 'T':
            if (!parse_seconds(optarg, 3600, &secs) || secs <= 0)
                return usage_error("ingest", "--timeout wants seconds, more than 0 and at most 3600");
            io.timeout = secs;
            break;
        case 'U':
            if (!*optarg || strpbrk(optarg, "\r\n"))
                return usage_error("ingest", "--user-agent wants one non-empty line");
            io.user_agent = optarg;
            break;
        case 'P': io.allow_private = 1; break;
        case 'p': io.posts = 1; break;
        case 'A': io.allow_unlicensed = 1; break;
        case 'J': io.jsonl = optarg; break;
        case 'a': io.attachments = 1; break;
        case 'h':
            help_ingest(stdout);
            return EXIT_OK;
        default:
            switch (rewrite_option("ingest", c, optarg, &rw)) {
            case 1: continue;
            case -1: return EXIT_USAGE;
            }
            return usage_error("ingest", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc && !io.list)
        return usage_error("ingest", "no input given");
    if (rw.on && !io.posts)
        return usage_error("ingest", "--rewrite rewrites posts: give --posts too");
    if (rw.report)
        return usage_error("ingest", "--report is for one page (gisa rewrite); each post "
                                     "records its counts in its front matter");
    rewrite_run *runs = NULL;
    size_t nruns = 0;
    int rc = make_models(&rw, io.threads, io.timeout, &runs, &nruns);
    if (rc != EXIT_OK)
        return rc;
    gisa_rewrite_options *ropts = nruns ? calloc(nruns, sizeof *ropts) : NULL;
    if (nruns && !ropts) {
        free_models(runs, nruns);
        return EXIT_INTERNAL;
    }
    for (size_t i = 0; i < nruns; i++)
        ropts[i] = runs[i].opts;
    io.rewrite = ropts;
    io.nrewrite = nruns;
#ifdef __GLIBC__
    /* glibc raises its mmap threshold after each large free, so big pages
     * end up on thread heaps that fragment: peak memory then creeps up with
     * the number of pages. A fixed threshold keeps it flat. */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
    ui.tty = isatty(STDERR_FILENO);
    ui.attachments = io.attachments;
    io.on_error = on_error;
    io.on_progress = on_progress;
    io.ctx = &ui;
    gisa_error err;
    gisa_corpus *corpus;
    if (gisa_corpus_open(db, &corpus, &err) != GISA_OK) {
        free(ropts);
        free_models(runs, nruns);
        return report(&err);
    }
    gisa_ingest_stats stats;
    gisa_status st = gisa_ingest(corpus, (const char *const *)argv + optind,
                                 (size_t)(argc - optind), &io, &stats, &err);
    gisa_corpus_close(corpus);
    free(ropts);
    free_models(runs, nruns);
    if (!ui.quiet)
        summary(&ui, &stats);
    if (st != GISA_OK)
        return report(&err);
    return stats.failed ? EXIT_INPUT : EXIT_OK;
}
