/* serve_load.c - the load client of bench/serve: C clients (threads),
 * each with its own keep-alive libcurl handle, send N requests each,
 * cycling through the URLs given (client i starts at URL i), all at once.
 * Prints the count, the errors (transport failures and non-2xx answers)
 * and the latency percentiles in milliseconds:
 *   serve_load -c CLIENTS -n REQUESTS [-t MS] [-p BODYFILE] [-H HEADER]... URL...
 * With -p every request is a POST of that file's bytes. With -t each
 * client waits between its requests (uniformly 0 to 2 MS, seeded by the
 * client's number: an editor reading), else it sends them back to back. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "timing.h"

typedef struct shared {
    char **urls;
    int nurls, requests, think_ms;
    char *body;
    long body_len;
    struct curl_slist *headers;
    pthread_barrier_t start;
} shared;

typedef struct client {
    shared *sh;
    int index;
    double *lat; /* ms, one per request */
    int errors;
} client;

static size_t discard(char *p, size_t size, size_t n, void *ctx)
{
    (void)p;
    (void)ctx;
    return size * n;
}

static void *run(void *p)
{
    client *cl = p;
    shared *sh = cl->sh;
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
    if (sh->headers)
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, sh->headers);
    if (sh->body) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, sh->body);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, sh->body_len);
    }
    unsigned seed = (unsigned)cl->index * 2654435761u + 1;
    pthread_barrier_wait(&sh->start);
    for (int i = 0; i < sh->requests; i++) {
        if (sh->think_ms > 0)
            usleep((useconds_t)(rand_r(&seed) % (unsigned)(2 * sh->think_ms + 1)) * 1000);
        curl_easy_setopt(h, CURLOPT_URL, sh->urls[(cl->index + i) % sh->nurls]);
        double t0 = now_ms();
        CURLcode rc = curl_easy_perform(h);
        cl->lat[i] = now_ms() - t0;
        long status = 0;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
        if (rc != CURLE_OK || status < 200 || status > 299)
            cl->errors++;
    }
    curl_easy_cleanup(h);
    return NULL;
}

int main(int argc, char **argv)
{
    shared sh;
    memset(&sh, 0, sizeof sh);
    int clients = 1, c;
    sh.requests = 100;
    while ((c = getopt(argc, argv, "c:n:t:p:H:")) != -1) {
        switch (c) {
        case 't': sh.think_ms = atoi(optarg); break;
        case 'c': clients = atoi(optarg); break;
        case 'n': sh.requests = atoi(optarg); break;
        case 'H': sh.headers = curl_slist_append(sh.headers, optarg); break;
        case 'p': {
            FILE *f = fopen(optarg, "rb");
            if (!f || fseek(f, 0, SEEK_END) || (sh.body_len = ftell(f)) < 0) {
                fprintf(stderr, "serve_load: cannot read %s\n", optarg);
                return 2;
            }
            rewind(f);
            sh.body = malloc((size_t)sh.body_len + 1);
            if (!sh.body || fread(sh.body, 1, (size_t)sh.body_len, f) != (size_t)sh.body_len)
                return 2;
            fclose(f);
            break;
        }
        default: return 2;
        }
    }
    if (optind >= argc || clients < 1 || sh.requests < 1) {
        fprintf(stderr, "usage: serve_load -c CLIENTS -n REQUESTS [-p FILE] [-H H] URL...\n");
        return 2;
    }
    sh.urls = argv + optind;
    sh.nurls = argc - optind;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    pthread_barrier_init(&sh.start, NULL, (unsigned)clients + 1);
    client *cl = calloc((size_t)clients, sizeof *cl);
    pthread_t *t = calloc((size_t)clients, sizeof *t);
    for (int i = 0; i < clients; i++) {
        cl[i] = (client){&sh, i, calloc((size_t)sh.requests, sizeof(double)), 0};
        pthread_create(&t[i], NULL, run, &cl[i]);
    }
    pthread_barrier_wait(&sh.start);
    double t0 = now_ms();
    size_t n = (size_t)clients * (size_t)sh.requests, k = 0;
    double *all = malloc(n * sizeof *all);
    int errors = 0;
    for (int i = 0; i < clients; i++) {
        pthread_join(t[i], NULL);
        memcpy(all + k, cl[i].lat, (size_t)sh.requests * sizeof(double));
        k += (size_t)sh.requests;
        errors += cl[i].errors;
    }
    double wall = now_ms() - t0;
    qsort(all, n, sizeof *all, cmp_double);
#define P(q) all[(size_t)((q) * (double)(n - 1))]
    printf("requests %zu errors %d wall_s %.2f rps %.0f p50_ms %.2f p90_ms %.2f p99_ms %.2f"
           " max_ms %.2f\n",
           n, errors, wall / 1e3, n / (wall / 1e3), P(0.50), P(0.90), P(0.99), all[n - 1]);
    return errors ? 1 : 0;
}
