/* http.c - the desk's HTTP server on libmicrohttpd: a pool of worker
 * threads, each with its own connection to the store; every request
 * checked before it is routed (Host, size, and for anything that changes
 * state the session's CSRF token and the Origin). */
#include <arpa/inet.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mhdapi.h"
#include "serve.h"

struct desk {
    desk_config cfg;
    sessions *sessions;
    pthread_key_t db_key; /* each worker thread's desk_db */
    char host[256];       /* the listen address as given, for Host checks */
    unsigned port;
    /* Adds run on threads of their own (a fetch takes seconds: it must
     * not hold a worker that serves other connections); counted so that
     * the server stops only when they are done. */
    pthread_mutex_t jobs_lock;
    pthread_cond_t jobs_done;
    unsigned jobs;
};

#define MAX_ADD_JOBS 8

const desk_config *desk_cfg(const desk *dk)
{
    return &dk->cfg;
}

/* What one request has gathered between libmicrohttpd's calls. */
typedef struct request {
    route rt;
    char *body;
    size_t len, cap, limit;
    int too_large;
    int answered;     /* an Add's job has put its answer in res */
    api_response res;
} request;

static const char security_csp[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

static enum MHD_Result respond(struct MHD_Connection *c, unsigned status, const char *type,
                            const void *data, size_t len, const char *cookie)
{
    struct MHD_Response *r =
        MH(MHD_create_response_from_buffer)(len, (void *)data, MHD_RESPMEM_MUST_COPY);
    if (!r)
        return MHD_NO;
    MH(MHD_add_response_header)(r, "Content-Type", type);
    MH(MHD_add_response_header)(r, "Content-Security-Policy", security_csp);
    MH(MHD_add_response_header)(r, "X-Content-Type-Options", "nosniff");
    MH(MHD_add_response_header)(r, "Referrer-Policy", "no-referrer");
    MH(MHD_add_response_header)(r, "X-Frame-Options", "DENY");
    MH(MHD_add_response_header)(r, "Cache-Control", "no-store");
    if (cookie)
        MH(MHD_add_response_header)(r, "Set-Cookie", cookie);
    enum MHD_Result ret = MH(MHD_queue_response)(c, status, r);
    MH(MHD_destroy_response)(r);
    return ret;
}

static enum MHD_Result send_json(struct MHD_Connection *c, unsigned status, json_object *o)
{
    size_t len;
    const char *s = json_object_to_json_string_length(
        o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
    enum MHD_Result r = respond(c, status, "application/json; charset=utf-8", s, len, NULL);
    json_object_put(o);
    return r;
}

static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *msg)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "error", json_object_new_string(msg));
    return send_json(c, status, o);
}

/* The worker thread's connection to the store, opened on its first
 * request and closed when the thread ends (the key's destructor). */
static desk_db *thread_db(desk *dk, gisa_error *err)
{
    desk_db *d = pthread_getspecific(dk->db_key);
    if (d)
        return d;
    if (!(d = calloc(1, sizeof *d))) {
        err->status = GISA_ERR_NOMEM;
        snprintf(err->message, sizeof err->message, "out of memory");
        return NULL;
    }
    if (db_open(d, dk->cfg.db, err) != GISA_OK) {
        free(d);
        return NULL;
    }
    pthread_setspecific(dk->db_key, d);
    return d;
}

static void thread_db_free(void *p)
{
    db_close(p);
    free(p);
}

static const char *arg(struct MHD_Connection *c, const char *key)
{
    return MH(MHD_lookup_connection_value)(c, MHD_GET_ARGUMENT_KIND, key);
}

static const char *header(struct MHD_Connection *c, const char *key)
{
    return MH(MHD_lookup_connection_value)(c, MHD_HEADER_KIND, key);
}

/* GET /: the page, with this session's CSRF token in it. */
static enum MHD_Result index_page(desk *dk, struct MHD_Connection *c)
{
    char sid[33], token[33], cookie[128];
    const char *ck = header(c, "Cookie");
    int fresh = 0;
    if (!ck || !cookie_value(ck, "gisa_sid", sid, sizeof sid) ||
        !session_token(dk->sessions, sid, token)) {
        if (!session_create(dk->sessions, sid, token))
            return send_error(c, 500, "cannot make a session (no randomness)");
        fresh = 1;
    }
    snprintf(cookie, sizeof cookie, "gisa_sid=%s; Path=/; HttpOnly; SameSite=Strict", sid);
    const asset *a = asset_find("index.html");
    const char *mark = a ? memmem(a->data, a->len, "{{CSRF}}", 8) : NULL;
    if (!mark)
        return send_error(c, 500, "the page is missing from this build");
    size_t head = (size_t)(mark - (const char *)a->data), len = a->len - 8 + 32;
    char *page = malloc(len);
    if (!page)
        return send_error(c, 500, "out of memory");
    memcpy(page, a->data, head);
    memcpy(page + head, token, 32);
    memcpy(page + head + 32, mark + 8, a->len - head - 8);
    enum MHD_Result r = respond(c, 200, "text/html; charset=utf-8", page, len,
                             fresh ? cookie : NULL);
    free(page);
    return r;
}

static enum MHD_Result asset_page(struct MHD_Connection *c, const char *name)
{
    static const struct { const char *ext, *type; } types[] = {
        {".js", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".png", "image/png"}, {".svg", "image/svg+xml"}};
    const asset *a = asset_find(name);
    size_t n = strlen(name);
    for (size_t i = 0; a && i < sizeof types / sizeof *types; i++) {
        size_t e = strlen(types[i].ext);
        if (n > e && !strcmp(name + n - e, types[i].ext))
            return respond(c, 200, types[i].type, a->data, a->len, NULL);
    }
    return send_error(c, 404, "no such file");
}

/* A request that changes anything must come from our own page: the
 * session's token in X-CSRF-Token, and no Origin but ours. */
static int csrf_ok(desk *dk, struct MHD_Connection *c, const char **why)
{
    char sid[33];
    const char *ck = header(c, "Cookie"), *origin = header(c, "Origin"),
               *host = header(c, "Host");
    if (origin && strcmp(origin, "null")) {
        if (strncmp(origin, "http://", 7) || !host || strcmp(origin + 7, host)) {
            *why = "cross-origin request refused";
            return 0;
        }
    }
    if (!ck || !cookie_value(ck, "gisa_sid", sid, sizeof sid) ||
        !session_check(dk->sessions, sid, header(c, "X-CSRF-Token"))) {
        *why = "missing or wrong CSRF token (reload the page)";
        return 0;
    }
    return 1;
}

static void api_request_of(struct MHD_Connection *c, request *rq, api_request *req_out)
{
    api_request req;
    memset(&req, 0, sizeof req);
    req.rt = &rq->rt;
    req.body = rq->body ? rq->body : "";
    req.len = rq->len;
    req.upload_name = rq->rt.id == ROUTE_ADD ? arg(c, "name") : NULL;
    req.iq.q = arg(c, "q");
    req.iq.org = arg(c, "org");
    req.iq.license = arg(c, "license");
    req.iq.status = arg(c, "status");
    req.iq.from = arg(c, "from");
    req.iq.to = arg(c, "to");
    req.iq.cursor = arg(c, "cursor");
    const char *limit = arg(c, "limit");
    req.iq.limit = limit ? atoi(limit) : 0;
    *req_out = req;
}

static enum MHD_Result api(desk *dk, struct MHD_Connection *c, request *rq)
{
    gisa_error err;
    desk_db *d = thread_db(dk, &err);
    if (!d)
        return send_error(c, 500, err.message);
    api_request req;
    api_request_of(c, rq, &req);
    api_response res = {500, NULL};
    api_handle(dk, d, &req, &res);
    if (!res.json)
        return send_error(c, 500, "no answer");
    return send_json(c, res.status, res.json);
}

typedef struct add_job {
    desk *dk;
    struct MHD_Connection *c;
    request *rq;
} add_job;

/* An Add on its own thread, with a store connection of its own; the
 * connection, suspended meanwhile, is resumed to send the answer. */
static void *add_thread(void *p)
{
    add_job *job = p;
    desk *dk = job->dk;
    request *rq = job->rq;
    desk_db d;
    gisa_error err;
    snprintf(err.message, sizeof err.message, "no answer");
    rq->res.status = 500;
    rq->res.json = NULL;
    if (db_open(&d, dk->cfg.db, &err) == GISA_OK) {
        api_request req;
        api_request_of(job->c, rq, &req);
        api_handle(dk, &d, &req, &rq->res);
        db_close(&d);
    }
    if (!rq->res.json) {
        rq->res.json = json_object_new_object();
        json_object_object_add(rq->res.json, "error", json_object_new_string(err.message));
    }
    rq->answered = 1;
    MH(MHD_resume_connection)(job->c);
    free(job);
    pthread_mutex_lock(&dk->jobs_lock);
    dk->jobs--;
    pthread_cond_broadcast(&dk->jobs_done);
    pthread_mutex_unlock(&dk->jobs_lock);
    return NULL;
}

static enum MHD_Result start_add(desk *dk, struct MHD_Connection *c, request *rq)
{
    pthread_mutex_lock(&dk->jobs_lock);
    int busy = dk->jobs >= MAX_ADD_JOBS;
    if (!busy)
        dk->jobs++;
    pthread_mutex_unlock(&dk->jobs_lock);
    if (busy)
        return send_error(c, 503, "too many pages being added at once; try again");
    add_job *job = malloc(sizeof *job);
    pthread_t t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (job) {
        *job = (add_job){dk, c, rq};
        MH(MHD_suspend_connection)(c);
        if (pthread_create(&t, &attr, add_thread, job) == 0) {
            pthread_attr_destroy(&attr);
            return MHD_YES;
        }
        MH(MHD_resume_connection)(c);
        free(job);
    }
    pthread_attr_destroy(&attr);
    pthread_mutex_lock(&dk->jobs_lock);
    dk->jobs--;
    pthread_mutex_unlock(&dk->jobs_lock);
    return send_error(c, 500, "cannot start the Add");
}

static enum MHD_Result dispatch(desk *dk, struct MHD_Connection *c, request *rq)
{
    const char *why;
    if (rq->answered) {
        json_object *o = rq->res.json;
        rq->res.json = NULL;
        return send_json(c, rq->res.status, o);
    }
    if (rq->too_large)
        return send_error(c, 413, "request body too large");
    switch (rq->rt.id) {
    case ROUTE_NONE: return send_error(c, 404, "not found");
    case ROUTE_METHOD: return send_error(c, 405, "method not allowed");
    case ROUTE_ID_BAD: return send_error(c, 400, "the article ID is not a number");
    case ROUTE_INDEX: return index_page(dk, c);
    case ROUTE_ASSET: return asset_page(c, rq->rt.asset);
    default: break;
    }
    if (rq->rt.mutating && !csrf_ok(dk, c, &why))
        return send_error(c, 403, why);
    if (rq->rt.id == ROUTE_ADD)
        return start_add(dk, c, rq);
    return api(dk, c, rq);
}

/* The first call: route, and refuse early what must be refused whatever
 * the body (a foreign Host, a body announced too large). */
static enum MHD_Result begin(desk *dk, struct MHD_Connection *c, const char *url,
                             const char *method, void **state)
{
    if (!host_allowed(header(c, "Host"), dk->host, dk->port))
        return send_error(c, 421, "unknown Host: this desk answers to its own address only");
    request *rq = calloc(1, sizeof *rq);
    if (!rq)
        return MHD_NO;
    route_match(method, url, &rq->rt);
    int upload = rq->rt.id == ROUTE_ADD && arg(c, "name");
    rq->limit = upload ? dk->cfg.max_upload : dk->cfg.max_body;
    const char *cl = header(c, "Content-Length");
    if (cl && strtoull(cl, NULL, 10) > rq->limit)
        rq->too_large = 1;
    *state = rq;
    return MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *data, size_t *size, void **state)
{
    desk *dk = cls;
    (void)version;
    if (!*state)
        return begin(dk, c, url, method, state);
    request *rq = *state;
    if (*size) {
        if (!rq->too_large && rq->len + *size > rq->limit)
            rq->too_large = 1;
        if (!rq->too_large) {
            if (rq->len + *size + 1 > rq->cap) {
                size_t cap = (rq->len + *size + 1) * 2;
                if (cap > rq->limit + 1)
                    cap = rq->limit + 1;
                char *b = realloc(rq->body, cap);
                if (!b)
                    return MHD_NO;
                rq->body = b;
                rq->cap = cap;
            }
            memcpy(rq->body + rq->len, data, *size);
            rq->len += *size;
            rq->body[rq->len] = '\0';
        }
        *size = 0; /* taken (or dropped, when too large) */
        return MHD_YES;
    }
    return dispatch(dk, c, rq);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **state,
                         enum MHD_RequestTerminationCode why)
{
    (void)cls;
    (void)c;
    (void)why;
    request *rq = *state;
    if (rq) {
        json_object_put(rq->res.json);
        free(rq->body);
        free(rq);
    }
    *state = NULL;
}

/* "HOST:PORT" (HOST may be [v6]) -> a socket address. */
static int parse_listen(const char *listen, desk *dk, struct sockaddr_storage *ss,
                        gisa_error *err)
{
    const char *colon = strrchr(listen, ':');
    char host[256];
    if (!colon || colon == listen || (size_t)(colon - listen) >= sizeof host)
        goto bad;
    memcpy(host, listen, (size_t)(colon - listen));
    host[colon - listen] = '\0';
    char *end;
    unsigned long port = strtoul(colon + 1, &end, 10);
    if (!colon[1] || *end || port > 65535)
        goto bad;
    snprintf(dk->host, sizeof dk->host, "%s", host);
    dk->port = (unsigned)port;
    char bare[256];
    snprintf(bare, sizeof bare, "%s", host);
    if (bare[0] == '[') {
        size_t n = strlen(bare);
        if (n < 3 || bare[n - 1] != ']')
            goto bad;
        memmove(bare, bare + 1, n - 2);
        bare[n - 2] = '\0';
    }
    if (!strcmp(bare, "localhost"))
        snprintf(bare, sizeof bare, "127.0.0.1");
    memset(ss, 0, sizeof *ss);
    struct sockaddr_in *v4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)ss;
    if (inet_pton(AF_INET, bare, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)port);
    } else if (inet_pton(AF_INET6, bare, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)port);
    } else {
        goto bad;
    }
    return 1;
bad:
    err->status = GISA_ERR_USAGE;
    snprintf(err->message, sizeof err->message,
             "--listen '%s': expected ADDRESS:PORT with a numeric address, e.g. 127.0.0.1:8080",
             listen);
    return 0;
}

static int loopback(const struct sockaddr_storage *ss)
{
    if (ss->ss_family == AF_INET)
        return (ntohl(((const struct sockaddr_in *)ss)->sin_addr.s_addr) >> 24) == 127;
    return IN6_IS_ADDR_LOOPBACK(&((const struct sockaddr_in6 *)ss)->sin6_addr);
}

int desk_run(const desk_config *cfg, gisa_error *err)
{
    const char *why;
    if (!mhd_api_get(&why) || !desk_json_get(&why)) {
        err->status = GISA_ERR_IO;
        snprintf(err->message, sizeof err->message, "%s", why);
        return GISA_ERR_IO;
    }
    desk dk;
    memset(&dk, 0, sizeof dk);
    dk.cfg = *cfg;
    if (!dk.cfg.listen)
        dk.cfg.listen = "127.0.0.1:8080";
    if (!dk.cfg.max_body)
        dk.cfg.max_body = DESK_MAX_BODY;
    if (!dk.cfg.max_upload)
        dk.cfg.max_upload = DESK_MAX_UPLOAD;
    unsigned threads = dk.cfg.threads ? dk.cfg.threads : 4;
    struct sockaddr_storage ss;
    if (!parse_listen(dk.cfg.listen, &dk, &ss, err))
        return GISA_ERR_USAGE;
    /* the schema, the desk's table included, made or migrated once,
     * before any worker opens the store */
    gisa_corpus *corpus;
    if (gisa_corpus_open(cfg->db, &corpus, err) != GISA_OK)
        return err->status;
    gisa_corpus_close(corpus);
    if (cfg->site && gisa_make_dirs(cfg->site, err) != GISA_OK)
        return err->status;
    if (!(dk.sessions = sessions_new()) || pthread_key_create(&dk.db_key, thread_db_free)) {
        sessions_free(dk.sessions);
        err->status = GISA_ERR_NOMEM;
        snprintf(err->message, sizeof err->message, "out of memory");
        return GISA_ERR_NOMEM;
    }
    /* SIGINT and SIGTERM are waited for here, never delivered to a worker */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    pthread_mutex_init(&dk.jobs_lock, NULL);
    pthread_cond_init(&dk.jobs_done, NULL);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG |
                     MHD_ALLOW_SUSPEND_RESUME;
    if (ss.ss_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    struct MHD_Daemon *d = MH(MHD_start_daemon)(
        flags, 0, NULL, NULL, on_request, &dk,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, &dk,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
        MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
        MHD_OPTION_END);
    if (!d) {
        pthread_key_delete(dk.db_key);
        sessions_free(dk.sessions);
        err->status = GISA_ERR_IO;
        snprintf(err->message, sizeof err->message, "--listen %s: cannot listen there",
                 dk.cfg.listen);
        return GISA_ERR_IO;
    }
    const union MHD_DaemonInfo *info = MH(MHD_get_daemon_info)(d, MHD_DAEMON_INFO_BIND_PORT);
    if (info && !dk.port)
        dk.port = info->port;
    if (!loopback(&ss))
        fprintf(stderr, "gisa serve: warning: listening on %s, not loopback: whoever can"
                        " reach it can read the store and publish\n", dk.host);
    const char *h = !strcmp(dk.host, "0.0.0.0") ? "127.0.0.1"
                    : !strcmp(dk.host, "[::]") ? "[::1]" : dk.host;
    printf("gisa serve: http://%s:%u/ (store %s%s%s)\n", h, dk.port, cfg->db,
           cfg->site ? ", site " : "", cfg->site ? cfg->site : "");
    fflush(stdout);
    int sig;
    sigwait(&sigs, &sig);
    /* a suspended connection must be resumed before the daemon stops */
    pthread_mutex_lock(&dk.jobs_lock);
    while (dk.jobs)
        pthread_cond_wait(&dk.jobs_done, &dk.jobs_lock);
    pthread_mutex_unlock(&dk.jobs_lock);
    MH(MHD_stop_daemon)(d);
    pthread_cond_destroy(&dk.jobs_done);
    pthread_mutex_destroy(&dk.jobs_lock);
    pthread_key_delete(dk.db_key);
    sessions_free(dk.sessions);
    if (!cfg->quiet)
        fprintf(stderr, "gisa serve: stopped\n");
    return GISA_OK;
}
