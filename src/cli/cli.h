/* cli.h - what the subcommands of the gisa tool share. */
#ifndef GISA_CLI_H
#define GISA_CLI_H

#include <stdio.h>

#include "gisa.h"

/* Exit codes, documented in --help and gisa(1). */
enum {
    EXIT_OK = 0,
    EXIT_INPUT = 1,
    EXIT_USAGE = 2,
    EXIT_IO = 3,
    EXIT_INTERNAL = 4,
    EXIT_UNSUPPORTED = 5, /* gisa check: some fact is not supported */
    EXIT_LICENSE = 6,     /* post, site: the page reserves its rights */
};

typedef struct command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
    void (*help)(FILE *out);
} command;

/* The subcommands, one file each. */
int cmd_extract(int argc, char **argv);
void help_extract(FILE *out);
int cmd_post(int argc, char **argv);
void help_post(FILE *out);
int cmd_site(int argc, char **argv);
void help_site(FILE *out);
int cmd_check(int argc, char **argv);
void help_check(FILE *out);
int cmd_split(int argc, char **argv);
void help_split(FILE *out);
int cmd_summarize(int argc, char **argv);
void help_summarize(FILE *out);
int cmd_analyze(int argc, char **argv);
void help_analyze(FILE *out);
int cmd_ingest(int argc, char **argv);
void help_ingest(FILE *out);
int cmd_search(int argc, char **argv);
void help_search(FILE *out);
int cmd_dups(int argc, char **argv);
void help_dups(FILE *out);
int cmd_serve(int argc, char **argv);
void help_serve(FILE *out);

/* Print "gisa: <message>" on stderr and return the exit code for err. */
int report(const gisa_error *err);
/* Print "gisa <cmd>: <printf message>" and a hint; returns EXIT_USAGE. */
int usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* After a post of a page that reserves its rights was made anyway
 * (--allow-unlicensed): say so on stderr, naming the page. */
void warn_if_unlicensed(const gisa_document *doc);

/* What the user tells about a page that it may not say itself: --url URL,
 * --org NAME and --title TEXT, used where the page states no URL,
 * organisation or title. */
typedef struct page_hints {
    const char *url, *org, *title;
} page_hints;
enum { OPT_URL = 0x210, OPT_ORG, OPT_TITLE };
#define HINT_OPTIONS                                  \
    {"url", required_argument, NULL, OPT_URL},        \
    {"org", required_argument, NULL, OPT_ORG},        \
    {"title", required_argument, NULL, OPT_TITLE}
#define HINT_HELP                                                                \
    "      --url URL      the page's address, where it states none (a saved page)\n" \
    "      --org NAME     the issuing organisation, where the page names none\n"     \
    "      --title TEXT   the headline, where the page has none (a text dump)\n"
/* 1 if `c` was --url, --org or --title and its value is now in *h; 0 if it
 * is none of them; -1 after reporting a bad value (exit EXIT_USAGE). */
int hint_option(const char *cmd, int c, const char *arg, page_hints *h);
/* Load and extract one input, with what the user said about it (h may be
 * NULL). */
int load_page(const char *path, const gisa_extract_options *opts, const page_hints *h,
              gisa_document **doc, gisa_error *err);

/* Pages and documents given by http(s) URL (attach.c): fetched politely,
 * one fetcher for the command so the per-host delay holds between them. */
typedef struct page_input {
    const char *cmd;          /* for messages: "post" */
    gisa_fetch_options fo;    /* --allow-private, --timeout */
    gisa_fetcher *fetcher;    /* made at the first URL */
    /* the last URL fetched, kept: a page read twice (again for its links
     * alone) is fetched once */
    char *last_url, *last_final, *last_ctype;
    gisa_bytes last;
} page_input;
int input_is_url(const char *s);
/* Load and extract a path or an http(s) URL, with the user's hints. */
int load_input(page_input *in, const char *path, const gisa_extract_options *eo,
               const page_hints *h, gisa_document **doc, gisa_error *err);
/* The automatic choice: when `page` (read from page_path) is only a
 * summary of one of its readable attachments, or empty (see
 * gisa_page_is_summary), that attachment credited to the page (said on
 * stderr), else NULL. The attachment is fetched when the page was, found
 * beside the page when it is a file. */
gisa_document *summary_attachment(page_input *in, const char *page_path,
                                  const gisa_document *page, const gisa_extract_options *eo);
/* PAGE, or the attachment it only summarises (summary_attachment) unless
 * no_attachment. A page with no body text is refused as always unless an
 * attachment stands in for it. */
int load_page_or_attachment(page_input *in, const char *page_path,
                            const gisa_extract_options *eo, const page_hints *hints,
                            int no_attachment, gisa_document **out, gisa_error *err);
void page_input_clear(page_input *in);

/* Load and extract one input ("-" = stdin). */
int load_document(const char *path, const gisa_extract_options *opts,
                  gisa_document **doc, gisa_error *err);

/* The page limits that every command reading pages takes, as long
 * options: put LIMIT_OPTIONS in the getopt_long table and LIMIT_HELP in
 * the help text, and pass each option code to limit_option(). */
enum { OPT_MAX_BYTES = 0x200, OPT_MAX_NODES, OPT_MAX_DEPTH, OPT_MAX_LINE };
#define LIMIT_OPTIONS                                          \
    {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},     \
    {"max-nodes", required_argument, NULL, OPT_MAX_NODES},     \
    {"max-depth", required_argument, NULL, OPT_MAX_DEPTH},     \
    {"max-line", required_argument, NULL, OPT_MAX_LINE}
#define LIMIT_HELP                                                           \
    "      --max-bytes N  refuse pages larger than N bytes (default 64 MiB)\n" \
    "      --max-nodes N  refuse pages of more than N elements (default 500000)\n" \
    "      --max-depth N  refuse pages nested deeper than N (default and most 250)\n" \
    "      --max-line N   refuse text dumps with a line over N bytes (default 1 MiB)\n"
/* 1 if `c` was a limit option and its value is now in *eo; 0 if `c` is
 * not a limit option; -1 after reporting a bad value (exit EXIT_USAGE). */
int limit_option(const char *cmd, int c, const char *arg, gisa_extract_options *eo);

/* Set a post option given by name on the command line: which is 'f'
 * (--format), 's' (--style), 'm' (--mode) or 'S' (--slug). 0 when the
 * name is unknown, and the option is left as it was. */
int post_choice(int which, const char *name, gisa_post_options *po);

/* A page's output name: its file name without extensions
 * ("dir/0001.html.gz" -> "0001"). */
void page_id(const char *path, char *id, size_t cap);
/* Output names for `extract --out dir` of files[0..n), distinct and never
 * those of an input's file (outnames.c); NULL when out of memory. */
char **output_names(const char *dir, char **files, int n);
void output_names_free(char **names, int n);

/* gisa rewrite, gisa post --rewrite (rewrite_opts.c). */
typedef struct rewrite_cli {
    int on, strict, given;
    const char *llm, *model, *api_key_env, *rewriter, *prompt_file, *report;
    gisa_voice voice;
    double timeout;
    int retries;
    size_t max_answer;
} rewrite_cli;
enum {
    OPT_REWRITE = 0x220, OPT_LLM, OPT_MODEL, OPT_API_KEY_ENV, OPT_REWRITER, OPT_PROMPT,
    OPT_REPORT, OPT_STRICT, OPT_VOICE, OPT_TIMEOUT, OPT_RETRIES, OPT_MAX_ANSWER
};
#define REWRITE_OPTIONS                                         \
    {"rewrite", no_argument, NULL, OPT_REWRITE},                \
    {"llm", required_argument, NULL, OPT_LLM},                  \
    {"model", required_argument, NULL, OPT_MODEL},              \
    {"api-key-env", required_argument, NULL, OPT_API_KEY_ENV},  \
    {"rewriter", required_argument, NULL, OPT_REWRITER},        \
    {"prompt", required_argument, NULL, OPT_PROMPT},            \
    {"report", required_argument, NULL, OPT_REPORT},            \
    {"strict", no_argument, NULL, OPT_STRICT},                  \
    {"voice", required_argument, NULL, OPT_VOICE},              \
    {"timeout", required_argument, NULL, OPT_TIMEOUT},          \
    {"retries", required_argument, NULL, OPT_RETRIES},          \
    {"max-answer", required_argument, NULL, OPT_MAX_ANSWER}
#define REWRITE_HELP                                                                  \
    "      --llm URL      an OpenAI-compatible server (llama.cpp, Ollama, vLLM...):\n"   \
    "                     its base URL (http://127.0.0.1:8080/v1) or the full\n"         \
    "                     .../chat/completions URL; nothing is sent anywhere else\n"     \
    "      --model NAME   the model the server runs (with --llm)\n"                      \
    "      --api-key-env VAR  send the key in environment variable VAR (never shown)\n" \
    "      --rewriter CMD a program reading the prompt on stdin, writing the text on\n"  \
    "                     stdout; CMD is split like a shell's words, run without one\n"  \
    "      --voice V      blog (default, 해요체), blog-formal (합니다체), news, plain\n"   \
    "      --prompt FILE  the prompt template (default: the built-in one, installed\n"   \
    "                     as share/gisa/rewrite-prompt.txt; docs/rewrite.md)\n"          \
    "      --strict       refuse the post (exit 5) when a sentence fails the check\n"    \
    "                     twice, rather than publishing the source's sentence\n"         \
    "      --report FILE  write every decision (sentence, verdict, facts, source\n"      \
    "                     sentence) as JSON\n"                                           \
    "      --timeout S    seconds per model request (default 120)\n"                     \
    "      --retries N    tries again after HTTP 429 or 5xx (default 2)\n"               \
    "      --max-answer N bytes of one answer at most (default 1 MiB)\n"
/* 1 if `c` was a rewrite option (now in *r), 0 if not, -1 after a usage
 * error was reported. */
int rewrite_option(const char *cmd, int c, const char *arg, rewrite_cli *r);
/* What a run needs: the model and the options pointing at it. */
typedef struct rewrite_run {
    gisa_model *model;
    char *prompt;
    gisa_rewrite_options opts;
} rewrite_run;
/* Check the choices and make the model (nothing when !r->on); an exit code. */
int rewrite_setup(const char *cmd, const rewrite_cli *r, rewrite_run *run);
void rewrite_done(rewrite_run *run);
/* Rewrite one page into *post, write --report, print the counts; an exit
 * code (EXIT_OK: *post is to be cleared by the caller). */
int rewrite_page(const char *cmd, const rewrite_cli *r, rewrite_run *run,
                 const gisa_document *doc, const gisa_post_options *po, gisa_post *post);
int cmd_rewrite(int argc, char **argv);
void help_rewrite(FILE *out);
/* "stdin" for "-" or NULL. */
const char *input_label_cli(const char *name);

/* Are paths `a` and `b` the same existing file (device and inode)? */
int same_file(const char *a, const char *b);

/* Write all of data to stdout; EXIT_IO on failure (e.g. a closed pipe). */
int write_stdout(const char *data, size_t len);

#endif
