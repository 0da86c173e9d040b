/* rewrite_opts.c - the options of gisa rewrite and gisa post --rewrite:
 * which model (--llm URL --model NAME, or --rewriter CMD), the voice, the
 * prompt, --strict and --report; and the model they make. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int rewrite_option(const char *cmd, int c, const char *arg, rewrite_cli *r)
{
    char *end;
    switch (c) {
    case OPT_REWRITE: r->on = 1; return 1;
    case OPT_LLM: r->llm = arg; return 1;
    case OPT_MODEL: r->model = arg; return 1;
    case OPT_API_KEY_ENV: r->api_key_env = arg; return 1;
    case OPT_REWRITER: r->rewriter = arg; return 1;
    case OPT_PROMPT: r->prompt_file = arg; return 1;
    case OPT_REPORT: r->report = arg; return 1;
    case OPT_STRICT: r->strict = 1; return 1;
    case OPT_VOICE:
        if (!strcmp(arg, "blog")) r->voice = GISA_VOICE_BLOG;
        else if (!strcmp(arg, "blog-formal")) r->voice = GISA_VOICE_BLOG_FORMAL;
        else if (!strcmp(arg, "news")) r->voice = GISA_VOICE_NEWS;
        else if (!strcmp(arg, "plain")) r->voice = GISA_VOICE_PLAIN;
        else {
            usage_error(cmd, "--voice wants blog, blog-formal, news or plain, not '%s'", arg);
            return -1;
        }
        r->given = 1;
        return 1;
    case OPT_TIMEOUT:
        r->timeout = strtod(arg, &end);
        if (*end || !(r->timeout > 0 && r->timeout <= 3600)) {
            usage_error(cmd, "--timeout wants seconds from 0 to 3600, not '%s'", arg);
            return -1;
        }
        /* not a model option alone: gisa post's --timeout also bounds the
         * page's fetch, so it does not ask for --rewrite */
        return 1;
    case OPT_RETRIES: {
        long n = strtol(arg, &end, 10);
        if (*end || n < 0 || n > 10) {
            usage_error(cmd, "--retries wants a number from 0 to 10, not '%s'", arg);
            return -1;
        }
        r->retries = n ? (int)n : -1; /* the library's 0 means its default */
        r->given = 1;
        return 1;
    }
    case OPT_MAX_ANSWER: {
        long long n = strtoll(arg, &end, 10);
        if (*end || n < 1024 || n > (1LL << 30)) {
            usage_error(cmd, "--max-answer wants bytes from 1024 to 1 GiB, not '%s'", arg);
            return -1;
        }
        r->max_answer = (size_t)n;
        r->given = 1;
        return 1;
    }
    }
    return 0;
}

const char *input_label_cli(const char *name)
{
    return !name || !strcmp(name, "-") ? "stdin" : name;
}

static void print_warning(void *ctx, const char *message)
{
    (void)ctx;
    fprintf(stderr, "gisa: warning: %s\n", message);
}

static int check_choices(const char *cmd, const rewrite_cli *r)
{
    int model_opts = r->llm || r->model || r->api_key_env || r->rewriter || r->prompt_file ||
                     r->report || r->strict || r->given;
    if (!r->on)
        return model_opts ? usage_error(cmd, "--llm, --rewriter and the other rewrite "
                                             "options need --rewrite")
                          : EXIT_OK;
    if (!r->llm == !r->rewriter)
        return usage_error(cmd, r->llm ? "give --llm URL or --rewriter CMD, not both"
                                       : "a rewrite needs a model: --llm URL --model NAME, "
                                         "or --rewriter 'CMD ARGS'");
    if (r->llm && !r->model)
        return usage_error(cmd, "--llm needs --model NAME (the model the server runs)");
    if (r->rewriter && (r->model || r->api_key_env))
        return usage_error(cmd, "--model and --api-key-env go with --llm, not --rewriter");
    return EXIT_OK;
}

int rewrite_setup(const char *cmd, const rewrite_cli *r, rewrite_run *run)
{
    memset(run, 0, sizeof *run);
    int rc = check_choices(cmd, r);
    if (rc != EXIT_OK || !r->on)
        return rc;
    gisa_error err;
    if (r->prompt_file) {
        gisa_bytes b;
        if (gisa_load(r->prompt_file, (size_t)1 << 20, &b, &err) != GISA_OK)
            return report(&err);
        run->prompt = strndup((const char *)b.data, b.len);
        gisa_bytes_free(&b);
        if (!run->prompt)
            return EXIT_INTERNAL;
    }
    gisa_status st;
    if (r->llm) {
        const char *key = NULL;
        if (r->api_key_env) {
            key = getenv(r->api_key_env);
            if (!key || !*key) {
                rewrite_done(run);
                return usage_error(cmd, "--api-key-env %s: that environment variable is not "
                                        "set", r->api_key_env);
            }
        }
        gisa_llm_options lo = {r->llm, r->model, key, r->timeout, 0, r->retries, 0,
                               r->max_answer, 0};
        st = gisa_model_llm(&lo, &run->model, &err);
    } else {
        st = gisa_model_command(r->rewriter, r->timeout, r->max_answer, &run->model, &err);
    }
    if (st != GISA_OK) {
        rewrite_done(run);
        return report(&err);
    }
    run->opts = (gisa_rewrite_options){run->model, NULL, r->voice, run->prompt, r->strict,
                                       print_warning, NULL};
    return EXIT_OK;
}

void rewrite_done(rewrite_run *run)
{
    gisa_model_free(run->model);
    free(run->prompt);
    memset(run, 0, sizeof *run);
}

int rewrite_page(const char *cmd, const rewrite_cli *r, rewrite_run *run,
                 const gisa_document *doc, const gisa_post_options *po, gisa_post *post)
{
    gisa_error err;
    gisa_rewrite_stats st;
    char *json = NULL;
    gisa_status rc = gisa_rewrite(doc, po, &run->opts, post, &st, r->report ? &json : NULL,
                                  &err);
    int exit = EXIT_OK;
    if (json) {
        gisa_error werr;
        if (gisa_write_file(r->report, json, strlen(json), &werr) != GISA_OK)
            exit = report(&werr);
        free(json);
    }
    if (rc != GISA_OK)
        return report(&err);
    fprintf(stderr,
            "gisa %s: %s: %zu sentences rewritten, %zu retried, %zu replaced by the source's; "
            "%zu of %zu sections kept the source's words\n",
            cmd, input_label_cli(doc->source_name), st.rewritten, st.retried, st.replaced,
            st.failed, st.sections);
    return exit;
}
