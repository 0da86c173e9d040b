/* parse_floor.c - the least work any libxml2-based extractor must do:
 * read and gunzip each page, then parse it with htmlReadMemory using the
 * options src/extract/html.c uses. The time per page is the floor gisa's
 * time is compared with.
 *
 * With --tokenize-only the pages go through libxml2's HTML tokenizer with
 * SAX callbacks that do nothing, so no tree is built: the time no
 * extractor on this parser can beat, whatever it does with the tree.
 *
 * usage: parse_floor [--tokenize-only] FILE...
 * Prints: pages=N failed=N total_ms=T median_ms=M maxrss_kb=K
 */
#define _GNU_SOURCE
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <zlib.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The whole file, gunzipped when it is gzip; malloc'd, or NULL. */
static char *read_page(const char *path, size_t *len)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    int got;
    while (p && (got = gzread(f, p + n, (unsigned)(cap - n))) > 0) {
        n += (size_t)got;
        if (n == cap) {
            char *q = realloc(p, cap *= 2);
            if (!q) {
                free(p);
                p = NULL;
            }
            p = q;
        }
    }
    gzclose(f);
    *len = n;
    return p;
}

static void sax_chars(void *ctx, const xmlChar *text, int len)
{
    (void)ctx, (void)text, (void)len;
}

static void sax_start(void *ctx, const xmlChar *name, const xmlChar **attrs)
{
    (void)ctx, (void)name, (void)attrs;
}

static void sax_end(void *ctx, const xmlChar *name)
{
    (void)ctx, (void)name;
}

/* Tokenize the page; 1 when libxml2 got through it, 0 when it could not. */
static int tokenize(const char *page, int len, int opts)
{
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = sax_start;
    sax.endElement = sax_end;
    sax.characters = sax.ignorableWhitespace = sax.cdataBlock = sax_chars;
    htmlParserCtxtPtr c = htmlCreateMemoryParserCtxt(page, len);
    if (!c)
        return 0;
    htmlSAXHandlerPtr own = c->sax;
    c->sax = &sax;
    c->userData = NULL;
    htmlCtxtUseOptions(c, opts);
    htmlParseDocument(c);
    c->sax = own; /* freed with the context; ours lives on the stack */
    htmlFreeParserCtxt(c);
    return 1;
}

/* Parse the page into a tree and free it; 1 on success. */
static int parse(const char *page, int len, int opts)
{
    xmlDoc *x = htmlReadMemory(page, len, NULL, "UTF-8", opts);
    xmlFreeDoc(x);
    return x != NULL;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int only_tokens = argc > 1 && strcmp(argv[1], "--tokenize-only") == 0;
    if (only_tokens)
        argv++, argc--;
    if (argc < 2) {
        fprintf(stderr, "usage: parse_floor [--tokenize-only] FILE...\n");
        return 2;
    }
    double *ms = calloc((size_t)argc, sizeof *ms), total = 0;
    int n = 0, failed = 0;
    const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                     HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
    for (int i = 1; ms && i < argc; i++) {
        double t0 = now_ms();
        size_t len = 0;
        char *page = read_page(argv[i], &len);
        int ok = page && len < (1u << 31) &&
                 (only_tokens ? tokenize : parse)(page, (int)len, opts);
        free(page);
        if (!ok) {
            fprintf(stderr, "parse_floor: %s: cannot read or parse\n", argv[i]);
            failed++;
            continue;
        }
        ms[n] = now_ms() - t0;
        total += ms[n++];
    }
    if (!ms)
        return 4;
    qsort(ms, (size_t)n, sizeof *ms, cmp_double);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("pages=%d failed=%d total_ms=%.1f median_ms=%.3f maxrss_kb=%ld\n", n, failed,
           total, n ? (n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2) : 0.0,
           ru.ru_maxrss);
    free(ms);
    return failed ? 1 : 0;
}
