/* llm.c - an OpenAI-compatible chat-completions client (libcurl, json-c).
 *
 * One request per prompt: {"model", "messages": [system, user], "stream":
 * false}. The answer is choices[0].message.content. What can go wrong is
 * sorted into two kinds (gisa_model_fn): the server cannot be reached or
 * will never answer this client (connection refused, timeout, 401, 404),
 * GISA_ERR_IO, after which the rewrite stops asking; or this answer failed
 * (an HTTP error after retries, malformed JSON, an answer cut at the token
 * limit or over the size limit), GISA_ERR_INPUT. 429 and 5xx are retried,
 * waiting what Retry-After asks (at most a minute) or 1, 2, 4... s.
 *
 * Unlike the crawler (corpus/fetch.c), private addresses are allowed: the
 * user's own server on 127.0.0.1 is the usual case. But nothing goes
 * anywhere else: no redirect is followed, no proxy from the environment
 * is used, and the API key appears in no message. */
#include <curl/curl.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../corpus/corpus.h"
#include "../util/curlapi.h"
#include "../util/error.h"
#include "../util/jsonapi.h"
#include "rewrite.h"

#define MAX_RETRY_WAIT 60.0

struct llm_client {
    CURL *curl;
    char *url, *model;
    struct curl_slist *headers; /* holds the key: never printed */
    double timeout, connect_timeout, backoff, temperature;
    int retries;
    size_t max_answer;
    /* per transfer */
    buf body;
    int too_large;
    double retry_after;
    char errbuf[CURL_ERROR_SIZE];
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static void init_curl(void)
{
    CU(curl_global_init)(CURL_GLOBAL_DEFAULT);
}

static void sleep_for(double s)
{
    struct timespec ts = {(time_t)s, (long)((s - floor(s)) * 1e9)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

static size_t on_body(char *p, size_t size, size_t n, void *ctx)
{
    llm_client *c = ctx;
    n *= size;
    if (c->body.len + n > c->max_answer) {
        c->too_large = 1;
        return 0; /* stops the transfer: the rest is never read */
    }
    buf_append(&c->body, p, n);
    return c->body.oom ? 0 : n;
}

static size_t on_header(char *p, size_t size, size_t n, void *ctx)
{
    llm_client *c = ctx;
    n *= size;
    if (n > 12 && !strncasecmp(p, "retry-after:", 12)) {
        char value[128];
        size_t len = n - 12 < sizeof value - 1 ? n - 12 : sizeof value - 1;
        memcpy(value, p + 12, len);
        value[len] = '\0';
        char *v = value;
        while (*v == ' ' || *v == '\t')
            v++;
        v[strcspn(v, "\r\n")] = '\0';
        c->retry_after = fetch_retry_after(v, time(NULL));
    }
    return n;
}

/* The endpoint: a base URL gets /chat/completions. */
static char *endpoint(const char *url)
{
    size_t n = strlen(url);
    while (n && url[n - 1] == '/')
        n--;
    const char *tail = "/chat/completions";
    size_t t = strlen(tail);
    int full = n >= t && !strncmp(url + n - t, tail, t);
    char *e = malloc(n + t + 1);
    if (e)
        snprintf(e, n + t + 1, "%.*s%s", (int)n, url, full ? "" : tail);
    return e;
}

gisa_status llm_new(const gisa_llm_options *o, llm_client **out, gisa_error *err)
{
    *out = NULL;
    if (strncmp(o->url, "http://", 7) && strncmp(o->url, "https://", 8))
        return gisa_fail(err, GISA_ERR_USAGE, "--llm '%s': an http:// or https:// URL is needed",
                         o->url);
    if (o->api_key && strpbrk(o->api_key, "\r\n"))
        return gisa_fail(err, GISA_ERR_USAGE, "the API key holds a line break: refused");
    const char *why;
    if (!curl_api_get(&why))
        return gisa_fail(err, GISA_ERR_IO, "%s", why);
    pthread_once(&once, init_curl);
    llm_client *c = calloc(1, sizeof *c);
    if (!c)
        return gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    c->url = endpoint(o->url);
    c->model = strdup(o->model);
    c->curl = CU(curl_easy_init)();
    c->timeout = o->timeout > 0 ? o->timeout : 120;
    c->connect_timeout = o->connect_timeout > 0 ? o->connect_timeout : 10;
    c->retries = o->retries == 0 ? 2 : o->retries < 0 ? 0 : o->retries;
    c->backoff = o->backoff > 0 ? o->backoff : 1;
    c->max_answer = o->max_answer ? o->max_answer : (size_t)1 << 20;
    c->temperature = o->temperature == 0 ? 0.3 : o->temperature;
    struct curl_slist *h = CU(curl_slist_append)(NULL, "Content-Type: application/json");
    if (h && o->api_key && *o->api_key) {
        buf auth = BUF_INIT;
        buf_printf(&auth, "Authorization: Bearer %s", o->api_key);
        struct curl_slist *h2 = auth.oom ? NULL : CU(curl_slist_append)(h, auth.ptr);
        if (auth.ptr)
            memset(auth.ptr, 0, auth.len); /* the key lives in one place only */
        buf_free(&auth);
        if (!h2) {
            CU(curl_slist_free_all)(h);
            h = NULL;
        }
    }
    c->headers = h;
    if (!c->url || !c->model || !c->curl || !h) {
        llm_free(c);
        return gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    }
    *out = c;
    return GISA_OK;
}

void llm_free(llm_client *c)
{
    if (!c)
        return;
    if (c->curl)
        CU(curl_easy_cleanup)(c->curl);
    CU(curl_slist_free_all)(c->headers);
    buf_free(&c->body);
    free(c->url);
    free(c->model);
    free(c);
}

static char *request_body(const llm_client *c, const char *system, const char *prompt)
{
    json_object *root = json_object_new_object(), *msgs = json_object_new_array();
    const char *roles[] = {"system", "user"}, *texts[] = {system, prompt};
    for (int i = 0; i < 2; i++) {
        json_object *m = json_object_new_object();
        json_object_object_add(m, "role", json_object_new_string(roles[i]));
        json_object_object_add(m, "content", json_object_new_string(texts[i]));
        json_object_array_add(msgs, m);
    }
    json_object_object_add(root, "model", json_object_new_string(c->model));
    json_object_object_add(root, "messages", msgs);
    json_object_object_add(root, "stream", json_object_new_boolean(0));
    if (c->temperature >= 0)
        json_object_object_add(root, "temperature", json_object_new_double(c->temperature));
    char *s = strdup(json_object_to_json_string_ext(root, JSON_C_TO_STRING_PLAIN));
    json_object_put(root);
    return s;
}

/* The server's own words about an error ({"error": {"message": ...}} or
 * {"error": "..."}), for the message; "" when it gives none. */
static void server_says(const buf *body, char *out, size_t cap)
{
    out[0] = '\0';
    json_object *root = body->len ? json_tokener_parse(body->ptr) : NULL, *e, *m;
    if (root && json_object_object_get_ex(root, "error", &e)) {
        if (json_object_is_type(e, json_type_string))
            snprintf(out, cap, ": %.200s", json_object_get_string(e));
        else if (json_object_object_get_ex(e, "message", &m) &&
                 json_object_is_type(m, json_type_string))
            snprintf(out, cap, ": %.200s", json_object_get_string(m));
    }
    for (char *p = out; *p; p++)
        if ((unsigned char)*p < ' ')
            *p = ' ';
    json_object_put(root);
}

/* Trailing white space is allowed after the JSON; anything else is not. */
static int only_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n", s[i]) || !s[i])
            return 0;
    return 1;
}

gisa_status llm_parse_answer(const char *url, const char *body, size_t len, char **answer,
                             gisa_error *err)
{
    *answer = NULL;
    if (len > INT32_MAX)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: the answer is too large", url);
    enum json_tokener_error je = json_tokener_error_parse_eof;
    json_tokener *tok = json_tokener_new();
    json_object *root = tok ? json_tokener_parse_ex(tok, body, (int)len) : NULL;
    if (tok) {
        je = json_tokener_get_error(tok);
        size_t end = json_tokener_get_parse_end(tok);
        if (!root && je == json_tokener_continue) {
            je = json_tokener_error_parse_eof;
        } else if (root && end < len && !only_space(body + end, len - end)) {
            json_object_put(root);
            root = NULL;
            je = json_tokener_error_parse_unexpected;
        }
        json_tokener_free(tok);
    }
    json_object *choices, *first, *msg, *content, *finish;
    gisa_status st = GISA_OK;
    if (!root)
        st = gisa_fail(err, GISA_ERR_INPUT, "%s: the answer is not JSON (%s)", url,
                       json_tokener_error_desc(je));
    else if (!json_object_object_get_ex(root, "choices", &choices) ||
             !json_object_is_type(choices, json_type_array) ||
             !(first = json_object_array_get_idx(choices, 0)) ||
             !json_object_object_get_ex(first, "message", &msg) ||
             !json_object_object_get_ex(msg, "content", &content) ||
             !json_object_is_type(content, json_type_string))
        st = gisa_fail(err, GISA_ERR_INPUT,
                       "%s: the answer has no choices[0].message.content text", url);
    else if (json_object_object_get_ex(first, "finish_reason", &finish) &&
             json_object_is_type(finish, json_type_string) &&
             !strcmp(json_object_get_string(finish), "length"))
        st = gisa_fail(err, GISA_ERR_INPUT,
                       "%s: the answer was cut at the model's token limit", url);
    else if (!(*answer = strdup(json_object_get_string(content))))
        st = gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    json_object_put(root);
    return st;
}

static void setup(llm_client *c, const char *body)
{
    CURL *h = c->curl;
    CU(curl_easy_reset)(h);
    CU(curl_easy_setopt)(h, CURLOPT_URL, c->url);
    CU(curl_easy_setopt)(h, CURLOPT_HTTPHEADER, c->headers);
    CU(curl_easy_setopt)(h, CURLOPT_POSTFIELDS, body);
    CU(curl_easy_setopt)(h, CURLOPT_USERAGENT, "gisa/" GISA_VERSION);
    CU(curl_easy_setopt)(h, CURLOPT_PROTOCOLS_STR, "http,https");
    CU(curl_easy_setopt)(h, CURLOPT_FOLLOWLOCATION, 0L); /* only the URL given */
    CU(curl_easy_setopt)(h, CURLOPT_PROXY, "");          /* ... and no proxy */
    CU(curl_easy_setopt)(h, CURLOPT_TIMEOUT_MS, (long)(c->timeout * 1000));
    CU(curl_easy_setopt)(h, CURLOPT_CONNECTTIMEOUT_MS, (long)(c->connect_timeout * 1000));
    CU(curl_easy_setopt)(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)c->max_answer);
    CU(curl_easy_setopt)(h, CURLOPT_NOSIGNAL, 1L);
    CU(curl_easy_setopt)(h, CURLOPT_ACCEPT_ENCODING, "");
    CU(curl_easy_setopt)(h, CURLOPT_WRITEFUNCTION, on_body);
    CU(curl_easy_setopt)(h, CURLOPT_WRITEDATA, c);
    CU(curl_easy_setopt)(h, CURLOPT_HEADERFUNCTION, on_header);
    CU(curl_easy_setopt)(h, CURLOPT_HEADERDATA, c);
    CU(curl_easy_setopt)(h, CURLOPT_ERRORBUFFER, c->errbuf);
}

/* A transfer that failed before an HTTP status. */
static gisa_status transport_error(llm_client *c, CURLcode rc, gisa_error *err)
{
    if (c->too_large || rc == CURLE_FILESIZE_EXCEEDED)
        return gisa_fail(err, GISA_ERR_INPUT, "%s: the answer is over %zu bytes: not read",
                         c->url, c->max_answer);
    if (rc == CURLE_OPERATION_TIMEDOUT)
        return gisa_fail(err, GISA_ERR_IO, "%s: no answer within %g s", c->url, c->timeout);
    return gisa_fail(err, GISA_ERR_IO, "%s: %s", c->url,
                     c->errbuf[0] ? c->errbuf : CU(curl_easy_strerror)(rc));
}

gisa_status llm_ask(llm_client *c, const char *system, const char *prompt, char **answer,
                    gisa_error *err)
{
    *answer = NULL;
    char *body = request_body(c, system, prompt);
    if (!body)
        return gisa_fail(err, GISA_ERR_NOMEM, "out of memory");
    gisa_status st = GISA_OK;
    for (int attempt = 0;; attempt++) {
        buf_reset(&c->body);
        c->too_large = 0;
        c->retry_after = -1;
        c->errbuf[0] = '\0';
        setup(c, body);
        CURLcode rc = CU(curl_easy_perform)(c->curl);
        if (rc != CURLE_OK) {
            st = transport_error(c, rc, err);
            break;
        }
        long code = 0;
        CU(curl_easy_getinfo)(c->curl, CURLINFO_RESPONSE_CODE, &code);
        if (code == 200) {
            st = llm_parse_answer(c->url, c->body.ptr ? c->body.ptr : "", c->body.len, answer,
                                  err);
            break;
        }
        char says[256];
        server_says(&c->body, says, sizeof says);
        if ((code == 429 || code >= 500) && attempt < c->retries) {
            double wait = c->retry_after >= 0 ? c->retry_after : c->backoff * pow(2, attempt);
            sleep_for(wait > MAX_RETRY_WAIT ? MAX_RETRY_WAIT : wait);
            continue;
        }
        /* a refused key or a wrong path will not change for the next section */
        gisa_status kind = code == 401 || code == 403 || code == 404 ? GISA_ERR_IO
                                                                     : GISA_ERR_INPUT;
        st = gisa_fail(err, kind, "%s: HTTP %ld%s%s", c->url, code, says,
                       attempt ? " (after retries)" : "");
        break;
    }
    free(body);
    return st;
}
