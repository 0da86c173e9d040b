/* rewriter.c - --rewriter 'CMD ARGS': a program that reads the prompt on
 * standard input and writes its answer on standard output.
 *
 * The command is split into words here and run with posix_spawnp, without
 * a shell, so nothing in it is expanded twice. The prompt goes in through
 * a socket (send with MSG_NOSIGNAL: a program that exits without reading
 * cannot kill us with SIGPIPE, and no process-wide signal setting is
 * touched); its answer comes back through a pipe, both watched with poll
 * so that neither side can block the other, under one deadline. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../util/error.h"
#include "rewrite.h"

extern char **environ;

struct rewriter_cmd {
    char **argv; /* one block */
    char *command;
    char name[96]; /* the words without their directories, for front matter */
    double timeout;
    size_t max_answer;
};

char **split_command(const char *s, const char **why)
{
    size_t n = strlen(s);
    /* room for every word's pointer and every byte, in one block */
    char **argv = malloc((n / 2 + 2) * sizeof *argv + n + 1);
    if (!argv) {
        *why = "out of memory";
        return NULL;
    }
    char *out = (char *)(argv + n / 2 + 2);
    size_t argc = 0;
    while (*s) {
        while (*s == ' ' || *s == '\t' || *s == '\n')
            s++;
        if (!*s)
            break;
        argv[argc++] = out;
        char quote = 0;
        for (; *s && (quote || (*s != ' ' && *s != '\t' && *s != '\n')); s++) {
            if (!quote && (*s == '\'' || *s == '"')) {
                quote = *s;
            } else if (quote && *s == quote) {
                quote = 0;
            } else if (*s == '\\' && quote != '\'' && s[1]) {
                *out++ = *++s;
            } else {
                *out++ = *s;
            }
        }
        *out++ = '\0';
        if (quote) {
            free(argv);
            *why = "a quotation mark is not closed";
            return NULL;
        }
    }
    argv[argc] = NULL;
    if (!argc) {
        free(argv);
        *why = "no program named";
        return NULL;
    }
    return argv;
}

static void make_name(rewriter_cmd *r);

gisa_status rewriter_new(const char *command, double timeout, size_t max_answer,
                         rewriter_cmd **out, gisa_error *err)
{
    *out = NULL;
    const char *why = "no program named";
    char **argv = command ? split_command(command, &why) : NULL;
    if (!argv)
        return gisa_fail(err, GISA_ERR_USAGE, "--rewriter '%s': %s", command ? command : "",
                         why);
    rewriter_cmd *r = calloc(1, sizeof *r);
    if (!r || !(r->command = strdup(command))) {
        free(r);
        free(argv);
        return gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    }
    r->argv = argv;
    make_name(r);
    r->timeout = timeout > 0 ? timeout : 120;
    r->max_answer = max_answer ? max_answer : (size_t)1 << 20;
    *out = r;
    return GISA_OK;
}

const char *rewriter_name(const rewriter_cmd *r)
{
    return r->name;
}

/* "/usr/bin/python3 tools/para.py --x" is known as "python3 para.py --x":
 * the program and its script, not where they lie on this machine. */
static void make_name(rewriter_cmd *r)
{
    buf b = BUF_INIT;
    for (char **w = r->argv; *w; w++) {
        const char *slash = strrchr(*w, '/');
        buf_printf(&b, "%s%s", w == r->argv ? "" : " ", slash && slash[1] ? slash + 1 : *w);
    }
    snprintf(r->name, sizeof r->name, "%s", b.ptr ? b.ptr : r->argv[0]);
    buf_free(&b);
}

void rewriter_free(rewriter_cmd *r)
{
    if (!r)
        return;
    free(r->argv);
    free(r->command);
    free(r);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct exchange {
    int in, out;           /* our ends: the program's stdin, its stdout */
    const char *give;      /* what is left to send */
    size_t left;
    buf got;
    size_t limit;
    int too_large;
} exchange;

/* Move bytes both ways until the program closes its output or the
 * deadline passes; 0 on timeout. */
static int converse(exchange *x, double deadline)
{
    while (x->out >= 0) {
        double left = deadline - now();
        if (left <= 0)
            return 0;
        struct pollfd p[2] = {{x->out, POLLIN, 0}, {x->in, POLLOUT, 0}};
        int np = x->in >= 0 ? 2 : 1;
        int r = poll(p, (nfds_t)np, (int)(left * 1000) + 1);
        if (r < 0 && errno != EINTR)
            return 1;
        if (r <= 0)
            continue;
        if (np == 2 && (p[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t w = x->left ? send(x->in, x->give, x->left, MSG_NOSIGNAL | MSG_DONTWAIT)
                                : 0;
            if (w > 0) {
                x->give += w;
                x->left -= (size_t)w;
            }
            if (!x->left || (w < 0 && errno != EAGAIN && errno != EINTR)) {
                close(x->in); /* all given, or the program stopped reading */
                x->in = -1;
            }
        }
        if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            char chunk[16384];
            ssize_t n = read(x->out, chunk, sizeof chunk);
            if (n > 0 && !x->too_large) {
                if (x->got.len + (size_t)n > x->limit)
                    x->too_large = 1;
                else
                    buf_append(&x->got, chunk, (size_t)n);
            }
            if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
                close(x->out);
                x->out = -1;
            }
        }
    }
    return 1;
}

/* Start the program with stdin and stdout on `in` and `out`. */
static int spawn(rewriter_cmd *r, int in, int out, pid_t *pid)
{
    posix_spawn_file_actions_t fa;
    if (posix_spawn_file_actions_init(&fa))
        return ENOMEM;
    posix_spawn_file_actions_adddup2(&fa, in, 0);
    posix_spawn_file_actions_adddup2(&fa, out, 1);
    int rc = posix_spawnp(pid, r->argv[0], &fa, NULL, r->argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    return rc;
}

/* Wait for the program; kill it first if it outlived the deadline.
 * Returns its wait status. */
static int reap(pid_t pid, int kill_it)
{
    int status = 0;
    if (kill_it)
        kill(pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return status;
}

gisa_status rewriter_ask(rewriter_cmd *r, const char *system, const char *prompt,
                         char **answer, gisa_error *err)
{
    *answer = NULL;
    buf text = BUF_INIT;
    buf_printf(&text, "%s\n\n%s\n", system, prompt);
    int sv[2] = {-1, -1}, pv[2] = {-1, -1};
    if (text.oom || socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) ||
        pipe2(pv, O_CLOEXEC)) {
        int e = errno;
        for (int i = 0; i < 2; i++) {
            if (sv[i] >= 0) close(sv[i]);
            if (pv[i] >= 0) close(pv[i]);
        }
        buf_free(&text);
        return gisa_fail(err, GISA_ERR_NOMEM, "--rewriter: cannot make pipes: %s",
                         strerror(e));
    }
    pid_t pid;
    int rc = spawn(r, sv[1], pv[1], &pid);
    close(sv[1]);
    close(pv[1]);
    if (rc) {
        close(sv[0]);
        close(pv[0]);
        buf_free(&text);
        /* the program is not there: no use asking it again */
        return gisa_fail(err, GISA_ERR_IO, "--rewriter: cannot run '%s': %s", r->argv[0],
                         strerror(rc));
    }
    exchange x = {sv[0], pv[0], text.ptr, text.len, BUF_INIT, r->max_answer, 0};
    int in_time = converse(&x, now() + r->timeout);
    if (x.in >= 0)
        close(x.in);
    if (x.out >= 0)
        close(x.out);
    int status = reap(pid, !in_time);
    buf_free(&text);
    gisa_status st = GISA_OK;
    if (!in_time)
        st = gisa_fail(err, GISA_ERR_IO, "--rewriter '%s': no answer within %g s: killed",
                       r->argv[0], r->timeout);
    else if (x.too_large)
        st = gisa_fail(err, GISA_ERR_INPUT, "--rewriter '%s': the answer is over %zu bytes",
                       r->argv[0], r->max_answer);
    else if (WIFSIGNALED(status))
        st = gisa_fail(err, GISA_ERR_INPUT, "--rewriter '%s': killed by signal %d",
                       r->argv[0], WTERMSIG(status));
    else if (WEXITSTATUS(status) != 0)
        st = gisa_fail(err, GISA_ERR_INPUT, "--rewriter '%s': exit status %d", r->argv[0],
                       WEXITSTATUS(status));
    else if (x.got.len && memchr(x.got.ptr, '\0', x.got.len))
        st = gisa_fail(err, GISA_ERR_INPUT, "--rewriter '%s': the answer holds NUL bytes: not text",
                       r->argv[0]);
    else if (x.got.oom)
        st = gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    if (st != GISA_OK) {
        buf_free(&x.got);
        return st;
    }
    *answer = buf_detach(&x.got, NULL);
    if (!*answer && !(*answer = strdup("")))
        return gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    return GISA_OK;
}
