/* fetch.c - polite HTTP(S) fetching with libcurl.
 *
 * One easy handle, used by one thread (the ingest reader), so connections
 * are reused. Per host (scheme://host:port) the fetcher keeps the parsed
 * robots.txt and the time of the last request. Redirects are followed
 * here, not by curl, so that every hop is checked against robots.txt and
 * the rate limit as well as the private-address rule (which curl's
 * open-socket callback enforces on the resolved address of every
 * connection, so a public name that resolves to 127.0.0.1 is refused too).
 */
#include <arpa/inet.h>
#include <curl/curl.h>
#include <errno.h>
#include <math.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

#include "../util/curlapi.h"
#include "../util/error.h"
#include "corpus.h"

#define ROBOTS_AGENT "gisa" /* our product token in robots.txt */
#define MAX_HOSTS 4096      /* hosts remembered; the oldest is forgotten */
#define LOW_SPEED_BYTES 64  /* bytes/s under which a transfer is stalled */

typedef enum robots_state {
    ROBOTS_UNKNOWN,
    ROBOTS_RULES,
    ROBOTS_ALLOW_ALL,
    ROBOTS_DENY_ALL
} robots_state;

typedef struct host {
    char *key;               /* scheme://host[:port], the port if not the default */
    robots_state state;
    robots rules;
    char why[300];           /* ROBOTS_DENY_ALL: the reason */
    gisa_fail_reason reason; /* ... and its class */
    double last;             /* monotonic time of the last request, or 0 */
} host;

struct fetcher {
    CURL *curl;
    fetch_options o;
    char *agent;
    host *hosts;
    size_t nhosts;
    /* per transfer */
    unsigned char *buf;
    size_t len, cap, limit;
    int too_large, truncate, cut, refused;
    char refused_ip[64];
    char refused_why[160]; /* the range it is in */
    char errbuf[CURL_ERROR_SIZE];
};

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_init_rc;
static void curl_init(void)
{
    curl_init_rc = CU(curl_global_init)(CURL_GLOBAL_DEFAULT);
}

static double now_mono(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_for(double s)
{
    if (s <= 0)
        return;
    struct timespec ts = {(time_t)s, (long)((s - floor(s)) * 1e9)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/* ------------------------------------------------------- private addresses */

static curl_socket_t open_socket(void *ctx, curlsocktype purpose, struct curl_sockaddr *a)
{
    fetcher *f = ctx;
    (void)purpose;
    netaddr_verdict v;
    if (!f->o.allow_private && netaddr_refused(&a->addr, &v)) {
        f->refused = 1;
        netaddr_describe(&v, f->refused_why, sizeof f->refused_why);
        const void *ip = a->family == AF_INET6
                             ? (const void *)&((struct sockaddr_in6 *)&a->addr)->sin6_addr
                             : (const void *)&((struct sockaddr_in *)&a->addr)->sin_addr;
        if (!inet_ntop(a->family, ip, f->refused_ip, sizeof f->refused_ip))
            strcpy(f->refused_ip, "?");
        return CURL_SOCKET_BAD;
    }
    return socket(a->family, a->socktype, a->protocol);
}

/* ----------------------------------------------------------------- setup */

fetcher *fetcher_new(const fetch_options *o, gisa_error *err)
{
    const char *why;
    if (!curl_api_get(&why)) {
        gisa_fail(err, GISA_ERR_IO, "%s", why);
        return NULL;
    }
    pthread_once(&curl_once, curl_init);
    fetcher *f = calloc(1, sizeof *f);
    if (f && curl_init_rc == CURLE_OK && (f->curl = CU(curl_easy_init)())) {
        f->o = *o;
        f->agent = strdup(o->user_agent ? o->user_agent : FETCH_USER_AGENT);
        if (f->agent)
            return f;
    }
    gisa_fail(err, GISA_ERR_NOMEM, "cannot start libcurl");
    fetcher_free(f);
    return NULL;
}

void fetcher_free(fetcher *f)
{
    if (!f)
        return;
    if (f->curl)
        CU(curl_easy_cleanup)(f->curl);
    for (size_t i = 0; i < f->nhosts; i++) {
        free(f->hosts[i].key);
        robots_free(&f->hosts[i].rules);
    }
    free(f->hosts);
    free(f->agent);
    free(f->buf);
    free(f);
}

void fetch_result_clear(fetch_result *r)
{
    free(r->data);
    free(r->final_url);
    free(r->content_type);
    free(r->etag);
    free(r->last_modified);
    memset(r, 0, sizeof *r);
}

/* -------------------------------------------------------------- transfer */

static size_t on_body(char *p, size_t size, size_t n, void *ctx)
{
    fetcher *f = ctx;
    size_t k = size * n;
    if (f->len + k > f->limit) {
        if (!f->truncate) {
            f->too_large = 1;
            return 0; /* abort the transfer */
        }
        /* robots.txt: keep the first part, and stop reading */
        k = f->limit - f->len;
        f->cut = 1;
    }
    if (f->len + k > f->cap) {
        size_t cap = f->cap ? f->cap : 65536;
        while (cap < f->len + k)
            cap *= 2;
        if (cap > f->limit)
            cap = f->limit;
        unsigned char *b = realloc(f->buf, cap);
        if (!b)
            return 0;
        f->buf = b;
        f->cap = cap;
    }
    if (k)
        memcpy(f->buf + f->len, p, k);
    f->len += k;
    return f->cut ? 0 : size * n;
}

/* One parsed URL: its host key and the path+query robots.txt rules see. */
typedef struct url_parts {
    char key[512];
    char *path; /* malloc'd */
} url_parts;

static int split_url(const char *url, url_parts *u)
{
    CURLU *h = CU(curl_url)();
    char *scheme = NULL, *hostname = NULL, *port = NULL, *path = NULL, *query = NULL;
    int ok = h && CU(curl_url_set)(h, CURLUPART_URL, url, 0) == CURLUE_OK &&
             CU(curl_url_get)(h, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
             CU(curl_url_get)(h, CURLUPART_HOST, &hostname, 0) == CURLUE_OK &&
             CU(curl_url_get)(h, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK &&
             CU(curl_url_get)(h, CURLUPART_PATH, &path, 0) == CURLUE_OK &&
             (!strcasecmp(scheme, "http") || !strcasecmp(scheme, "https"));
    if (ok) {
        CU(curl_url_get)(h, CURLUPART_QUERY, &query, 0);
        int standard = (!strcasecmp(scheme, "http") && !strcmp(port, "80")) ||
                       (!strcasecmp(scheme, "https") && !strcmp(port, "443"));
        snprintf(u->key, sizeof u->key, "%s://%s%s%s", scheme, hostname, standard ? "" : ":",
                 standard ? "" : port);
        size_t n = strlen(path) + (query ? strlen(query) + 1 : 0) + 1;
        if ((u->path = malloc(n)))
            snprintf(u->path, n, "%s%s%s", path, query ? "?" : "", query ? query : "");
        ok = u->path != NULL;
    }
    CU(curl_free)(scheme);
    CU(curl_free)(hostname);
    CU(curl_free)(port);
    CU(curl_free)(path);
    CU(curl_free)(query);
    CU(curl_url_cleanup)(h);
    return ok;
}

static host *find_host(fetcher *f, const char *key)
{
    for (size_t i = 0; i < f->nhosts; i++)
        if (!strcmp(f->hosts[i].key, key))
            return &f->hosts[i];
    if (f->nhosts == MAX_HOSTS) { /* forget the oldest */
        free(f->hosts[0].key);
        robots_free(&f->hosts[0].rules);
        memmove(f->hosts, f->hosts + 1, (MAX_HOSTS - 1) * sizeof *f->hosts);
        f->nhosts--;
    }
    host *h = realloc(f->hosts, (f->nhosts + 1) * sizeof *h);
    if (!h)
        return NULL;
    f->hosts = h;
    h = &f->hosts[f->nhosts];
    memset(h, 0, sizeof *h);
    if (!(h->key = strdup(key)))
        return NULL;
    f->nhosts++;
    return h;
}

/* Wait until this host may be asked again. */
static void wait_turn(fetcher *f, host *h)
{
    double gap = f->o.delay;
    if (h->state == ROBOTS_RULES && h->rules.crawl_delay > gap)
        gap = h->rules.crawl_delay < FETCH_MAX_CRAWL_DELAY ? h->rules.crawl_delay
                                                           : FETCH_MAX_CRAWL_DELAY;
    if (h->last > 0)
        sleep_for(h->last + gap - now_mono());
    h->last = now_mono();
}

static char *header_value(CURL *c, const char *name)
{
    struct curl_header *h;
    if (CU(curl_easy_header)(c, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h->value ||
        !*h->value)
        return NULL;
    return strdup(h->value);
}

/* Seconds the server asks us to wait, or -1 (no Retry-After, or one that
 * is neither delay-seconds nor an HTTP-date: see httpdate.c). */
static double retry_after(CURL *c)
{
    char *v = header_value(c, "Retry-After");
    double s = fetch_retry_after(v, time(NULL));
    free(v);
    return s;
}

typedef struct request {
    const char *url;
    struct curl_slist *headers; /* conditional GET */
    size_t limit;
    int truncate;
} request;

/* One GET, no redirects followed. Returns the CURLcode; *status the HTTP
 * status. */
static CURLcode perform(fetcher *f, const request *rq, long *status)
{
    CURL *c = f->curl;
    CU(curl_easy_reset)(c);
    f->len = 0;
    f->limit = rq->limit;
    f->truncate = rq->truncate;
    f->too_large = f->cut = f->refused = 0;
    f->errbuf[0] = '\0';
    long ms = (long)(f->o.timeout * 1000);
    CU(curl_easy_setopt)(c, CURLOPT_URL, rq->url);
    CU(curl_easy_setopt)(c, CURLOPT_USERAGENT, f->agent);
    CU(curl_easy_setopt)(c, CURLOPT_HTTPHEADER, rq->headers);
    CU(curl_easy_setopt)(c, CURLOPT_PROTOCOLS_STR, "http,https");
    CU(curl_easy_setopt)(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    CU(curl_easy_setopt)(c, CURLOPT_FOLLOWLOCATION, 0L);
    CU(curl_easy_setopt)(c, CURLOPT_PROXY, ""); /* a proxy would hide the address checked */
    CU(curl_easy_setopt)(c, CURLOPT_ACCEPT_ENCODING, "");
    CU(curl_easy_setopt)(c, CURLOPT_TIMEOUT_MS, ms);
    CU(curl_easy_setopt)(c, CURLOPT_CONNECTTIMEOUT_MS, ms);
    CU(curl_easy_setopt)(c, CURLOPT_LOW_SPEED_LIMIT, (long)LOW_SPEED_BYTES);
    /* with a long time limit, a stalled transfer still ends after 30 s */
    long stall = ms / 1000 > 30 ? 30 : ms / 1000 > 0 ? ms / 1000 : 1;
    CU(curl_easy_setopt)(c, CURLOPT_LOW_SPEED_TIME, stall);
    CU(curl_easy_setopt)(c, CURLOPT_MAXFILESIZE_LARGE,
                     rq->truncate ? (curl_off_t)0 : (curl_off_t)rq->limit);
    CU(curl_easy_setopt)(c, CURLOPT_NOSIGNAL, 1L);
    CU(curl_easy_setopt)(c, CURLOPT_WRITEFUNCTION, on_body);
    CU(curl_easy_setopt)(c, CURLOPT_WRITEDATA, f);
    CU(curl_easy_setopt)(c, CURLOPT_OPENSOCKETFUNCTION, open_socket);
    CU(curl_easy_setopt)(c, CURLOPT_OPENSOCKETDATA, f);
    CU(curl_easy_setopt)(c, CURLOPT_ERRORBUFFER, f->errbuf);
    CURLcode rc = CU(curl_easy_perform)(c);
    if (rc == CURLE_WRITE_ERROR && f->cut)
        rc = CURLE_OK; /* stopped on purpose, with what it needs */
    *status = 0;
    CU(curl_easy_getinfo)(c, CURLINFO_RESPONSE_CODE, status);
    return rc;
}

/* A failed transfer as a one-line error and a reason class. */
static gisa_fail_reason transfer_error(fetcher *f, CURLcode rc, const char *name,
                                       gisa_error *err)
{
    if (f->refused) {
        gisa_fail(err, GISA_ERR_INPUT,
                  "%s: refused: %s is a private, loopback or link-local address"
                  " (%s; --allow-private to fetch it)", name, f->refused_ip, f->refused_why);
        return GISA_FAIL_PRIVATE;
    }
    if (f->too_large || rc == CURLE_FILESIZE_EXCEEDED) {
        gisa_fail(err, GISA_ERR_INPUT, "%s: larger than the limit of %zu bytes", name, f->limit);
        return GISA_FAIL_TOO_LARGE;
    }
    if (rc == CURLE_OPERATION_TIMEDOUT) {
        gisa_fail(err, GISA_ERR_IO, "%s: timed out after %g s", name, f->o.timeout);
        return GISA_FAIL_TIMEOUT;
    }
    gisa_fail(err, GISA_ERR_IO, "%s: %s", name,
              f->errbuf[0] ? f->errbuf : CU(curl_easy_strerror)(rc));
    err->message[strcspn(err->message, "\r\n")] = '\0';
    return GISA_FAIL_NETWORK;
}

/* GET with up to FETCH_ATTEMPTS tries on 429 and 5xx, waiting Retry-After
 * (capped) or 1 s, 2 s, ... in between. */
static CURLcode get_with_retries(fetcher *f, host *h, const request *rq, long *status,
                                 int *attempts)
{
    CURLcode rc = CURLE_OK;
    for (*attempts = 1;; ++*attempts) {
        wait_turn(f, h);
        rc = perform(f, rq, status);
        int again = rc == CURLE_OK && (*status == 429 || *status >= 500);
        if (!again || *attempts >= FETCH_ATTEMPTS)
            return rc;
        double wait = retry_after(f->curl);
        if (wait < 0)
            wait = (double)(1 << (*attempts - 1));
        if (wait > FETCH_MAX_RETRY_AFTER)
            wait = FETCH_MAX_RETRY_AFTER;
        /* the rate limit counts from this response, not the first request */
        sleep_for(wait - f->o.delay);
        h->last = now_mono();
    }
}

/* -------------------------------------------------------------- robots */

static void deny_all(host *h, gisa_fail_reason reason, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void deny_all(host *h, gisa_fail_reason reason, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(h->why, sizeof h->why, fmt, ap);
    va_end(ap);
    h->state = ROBOTS_DENY_ALL;
    h->reason = reason;
}

/* Fetch and parse the host's robots.txt, following up to five redirects.
 * 2xx: its rules; 4xx: allow all; 5xx or unreachable: nothing this run. */
static void load_robots(fetcher *f, host *h)
{
    size_t n = strlen(h->key) + sizeof "/robots.txt";
    char *url = malloc(n);
    if (!url) {
        deny_all(h, GISA_FAIL_ROBOTS, "out of memory");
        return;
    }
    snprintf(url, n, "%s/robots.txt", h->key);
    request rq = {url, NULL, ROBOTS_MAX_BYTES, 1};
    long status = 0;
    int attempts;
    CURLcode rc = CURLE_OK;
    for (int hop = 0; hop <= FETCH_MAX_REDIRECTS; hop++) {
        rc = get_with_retries(f, h, &rq, &status, &attempts);
        char *next = NULL;
        if (rc != CURLE_OK || status < 300 || status >= 400 ||
            CU(curl_easy_getinfo)(f->curl, CURLINFO_REDIRECT_URL, &next) != CURLE_OK || !next)
            break;
        char *copy = strdup(next);
        free(url);
        rq.url = url = copy;
        if (!url)
            break;
    }
    gisa_error e;
    if (rc != CURLE_OK) {
        gisa_fail_reason r = transfer_error(f, rc, url ? url : h->key, &e);
        /* a refused address is told as such for every URL of the host */
        const char *refusal = strstr(e.message, ": refused: ");
        if (r == GISA_FAIL_PRIVATE && refusal)
            deny_all(h, r, "%s", refusal + 2);
        else
            deny_all(h, GISA_FAIL_ROBOTS, "%s", e.message);
    } else if (status >= 200 && status < 300) {
        if (robots_parse((const char *)f->buf, f->len, ROBOTS_AGENT, &h->rules) == 0)
            h->state = ROBOTS_RULES;
        else
            deny_all(h, GISA_FAIL_ROBOTS, "%s/robots.txt: out of memory", h->key);
    } else if (status >= 400 && status < 500) {
        h->state = ROBOTS_ALLOW_ALL;
    } else {
        deny_all(h, GISA_FAIL_ROBOTS, "%s/robots.txt: HTTP %ld", h->key, status);
    }
    free(url);
}

/* May `u` be fetched? Fills err and *reason when not. */
static int robots_permit(fetcher *f, host *h, const url_parts *u, const char *name,
                         gisa_fail_reason *reason, gisa_error *err)
{
    if (h->state == ROBOTS_UNKNOWN)
        load_robots(f, h);
    if (h->state == ROBOTS_DENY_ALL) {
        *reason = h->reason;
        if (h->reason == GISA_FAIL_PRIVATE)
            gisa_fail(err, GISA_ERR_INPUT, "%s: %s", name, h->why);
        else
            gisa_fail(err, GISA_ERR_IO, "%s: not fetched: robots.txt unavailable (%s)", name,
                      h->why);
        return 0;
    }
    if (h->state == ROBOTS_RULES && !robots_allowed(&h->rules, u->path)) {
        *reason = GISA_FAIL_ROBOTS;
        gisa_fail(err, GISA_ERR_INPUT, "%s: disallowed by robots.txt", name);
        return 0;
    }
    return 1;
}

/* ----------------------------------------------------------------- fetch */

static struct curl_slist *conditional(const char *etag, const char *last_modified)
{
    struct curl_slist *l = NULL, *t;
    char line[1024];
    if (etag && *etag && strlen(etag) < 900) {
        snprintf(line, sizeof line, "If-None-Match: %s", etag);
        if ((t = CU(curl_slist_append)(l, line)))
            l = t;
    }
    if (last_modified && *last_modified && strlen(last_modified) < 900) {
        snprintf(line, sizeof line, "If-Modified-Since: %s", last_modified);
        if ((t = CU(curl_slist_append)(l, line)))
            l = t;
    }
    return l;
}

static void now_iso(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
}

/* The response of the last transfer, moved into `res`. */
static void take_response(fetcher *f, const char *url, long status, fetch_result *res)
{
    res->status = (int)status;
    res->data = f->buf;
    res->len = f->len;
    f->buf = NULL;
    f->len = f->cap = 0;
    char *ct = NULL;
    CU(curl_easy_getinfo)(f->curl, CURLINFO_CONTENT_TYPE, &ct);
    res->content_type = ct ? strdup(ct) : NULL;
    res->final_url = strdup(url);
    res->etag = header_value(f->curl, "ETag");
    res->last_modified = header_value(f->curl, "Last-Modified");
    now_iso(res->fetched);
}

static fetch_outcome failed(fetch_result *res, gisa_fail_reason reason)
{
    res->reason = reason;
    return FETCH_FAILED;
}

/* What an error on a hop is told by: the input URL, and after a redirect
 * also the hop and where it led ("http://a/x (redirect 2: http://b/y)"),
 * since the input is what the user gave and the hop is what failed. */
static void hop_name(char *out, size_t cap, const char *input, int hops, const char *url)
{
    if (hops == 0)
        snprintf(out, cap, "%s", input);
    else
        snprintf(out, cap, "%s (redirect %d: %s)", input, hops, url);
}

/* One hop: robots, rate limit, retries. Returns 1 with *next set on a
 * redirect, 0 when done (res filled), -1 on failure; errors are told by
 * `name` (hop_name). */
static int hop(fetcher *f, const char *url, const request *rq0, const char *name,
               char **next, fetch_result *res, gisa_error *err)
{
    url_parts u;
    if (!split_url(url, &u)) {
        gisa_fail(err, GISA_ERR_INPUT, "%s: not an http(s) URL", name);
        res->reason = GISA_FAIL_NETWORK;
        return -1;
    }
    host *h = find_host(f, u.key);
    int rcode = -1;
    if (!h) {
        gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", name);
        res->reason = GISA_FAIL_NETWORK;
    } else if (robots_permit(f, h, &u, name, &res->reason, err)) {
        request rq = *rq0;
        rq.url = url;
        long status;
        int attempts;
        CURLcode rc = get_with_retries(f, h, &rq, &status, &attempts);
        char *loc = NULL;
        if (rc != CURLE_OK) {
            res->reason = transfer_error(f, rc, name, err);
        } else if (status >= 300 && status < 400 && status != 304 &&
                   CU(curl_easy_getinfo)(f->curl, CURLINFO_REDIRECT_URL, &loc) == CURLE_OK && loc) {
            *next = strdup(loc);
            rcode = *next ? 1 : -1;
        } else if (status == 304 || (status >= 200 && status < 300)) {
            take_response(f, url, status, res);
            rcode = 0;
        } else {
            gisa_fail(err, GISA_ERR_IO, "%s: HTTP %ld%s", name, status,
                      attempts > 1 ? " (after 3 attempts)" : "");
            res->status = (int)status;
            res->reason = GISA_FAIL_HTTP;
        }
    }
    free(u.path);
    return rcode;
}

fetch_outcome fetcher_get(fetcher *f, const char *url, const char *etag,
                          const char *last_modified, fetch_result *res, gisa_error *err)
{
    memset(res, 0, sizeof *res);
    request rq = {url, conditional(etag, last_modified), f->o.max_bytes, 0};
    char *cur = strdup(url);
    int rc = 1;
    if (!cur) {
        gisa_fail(err, GISA_ERR_NOMEM, "%s: out of memory", url);
        res->reason = GISA_FAIL_NETWORK;
        rc = -1;
    }
    for (int hops = 0; rc == 1; hops++) {
        if (hops > FETCH_MAX_REDIRECTS) {
            gisa_fail(err, GISA_ERR_INPUT, "%s: more than %d redirects", url, FETCH_MAX_REDIRECTS);
            res->reason = GISA_FAIL_REDIRECTS;
            rc = -1;
            break;
        }
        char *next = NULL, name[2048];
        hop_name(name, sizeof name, url, hops, cur);
        rc = hop(f, cur, &rq, name, &next, res, err);
        free(cur);
        cur = next;
    }
    free(cur);
    CU(curl_slist_free_all)(rq.headers);
    if (rc < 0)
        return failed(res, res->reason);
    return res->status == 304 ? FETCH_NOT_MODIFIED : FETCH_OK;
}
