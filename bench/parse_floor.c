/* parse_floor.c - the least work any libxml2-based extractor must do:
 * read and gunzip each page, then parse it with htmlReadMemory using the
 * options src/extract/html.c uses. The time per page is the floor gisa's
 * time is compared with.
 *
 * With --tokenize-only the pages go through libxml2's HTML tokenizer with
 * SAX callbacks that do nothing, so no tree is built: the time no
 * extractor on this parser can beat, whatever it does with the tree.
 *
 * With --compare-html5 each page is read once, then, timed apart and in
 * turn (best of three each, so a noisy neighbour does not decide):
 * libxml2's htmlReadMemory, libxml2's tokenizer alone (SAX, no tree),
 * gisa's own WHATWG tokenizer (src/html/tokenizer.c) pulling every token,
 * and gisa's whole parser (src/html/treebuilder.c: tokenizer + tree).
 * It prints the totals and the ratios of libxml2's times to ours, same
 * pages, same run (issue #21: the parser must reach 5x htmlReadMemory).
 *
 * With --html5 each page is read, gunzipped and parsed by gisa's own
 * parser as the extractor parses it (src/extract/htmlparse.c's flags),
 * timed as the default mode times libxml2: the floor of gisa extract
 * since issue #21 moved it onto that parser.
 *
 * usage: parse_floor [--tokenize-only | --html5 | --compare-html5] FILE...
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

#include "html/tokenizer.h"
#include "html/tree.h"

#include "timing.h"

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

/* Pull every token of the page through gisa's tokenizer; the number of
 * tokens plus their bytes, so the work cannot be optimised away. */
static size_t html5_tokenize(const char *page, size_t len)
{
    arena a;
    arena_init(&a);
    html_tokenizer t;
    size_t sum = 0;
    if (html_tokenizer_init(&t, &a, page, len)) {
        html_token k;
        html_token_type type;
        while ((type = html_next(&t, &k)) != HTML_TOK_EOF && type != HTML_TOK_ERROR) {
            sum += 1 + k.data.n + k.name.n + k.n_attrs;
            /* the tree builder's switches, so script and style bodies are
             * read as the Standard reads them, not as markup */
            if (type == HTML_TOK_START_TAG) {
                html_str n = k.name;
#define IS(s) (n.n == sizeof(s) - 1 && memcmp(n.p, s, n.n) == 0)
                if (IS("script"))
                    html_tokenizer_set_state(&t, HTML_SCRIPT_DATA);
                else if (IS("style") || IS("xmp") || IS("iframe") || IS("noembed") ||
                         IS("noframes"))
                    html_tokenizer_set_state(&t, HTML_RAWTEXT);
                else if (IS("title") || IS("textarea"))
                    html_tokenizer_set_state(&t, HTML_RCDATA);
                else if (IS("plaintext"))
                    html_tokenizer_set_state(&t, HTML_PLAINTEXT);
#undef IS
            }
        }
    }
    arena_free(&a);
    return sum;
}

/* Build the whole tree; its node count, so the work is kept. */
static size_t html5_tree(const char *page, size_t len)
{
    arena a;
    arena_init(&a);
    html_tree tree;
    size_t n = html5_parse(&tree, &a, page, len, NULL, HTML5_HEAD_NOSCRIPT_TEXT, NULL) == HTML5_OK
                   ? tree.n
                   : 0;
    html5_tree_free(&tree);
    arena_free(&a);
    return n;
}

static double best_of_3(int which, const char *page, size_t len, int opts, size_t *sum)
{
    double best = 1e300;
    for (int r = 0; r < 3; r++) {
        double t0 = now_ms();
        if (which == 0)
            parse(page, (int)len, opts);
        else if (which == 1)
            tokenize(page, (int)len, opts);
        else if (which == 2)
            *sum += html5_tokenize(page, len);
        else
            *sum += html5_tree(page, len);
        double dt = now_ms() - t0;
        best = dt < best ? dt : best;
    }
    return best;
}

/* --compare-html5: the three parsers on each page, in one run. */
static int compare_html5(int argc, char **argv, int opts)
{
    double tree = 0, sax = 0, ours = 0, ours_tree = 0;
    size_t sum = 0, bytes = 0;
    int n = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        size_t len = 0;
        char *page = read_page(argv[i], &len);
        if (!page || len >= (1u << 31)) {
            fprintf(stderr, "parse_floor: %s: cannot read\n", argv[i]);
            free(page);
            failed++;
            continue;
        }
        tree += best_of_3(0, page, len, opts, &sum);
        sax += best_of_3(1, page, len, opts, &sum);
        ours += best_of_3(2, page, len, opts, &sum);
        ours_tree += best_of_3(3, page, len, opts, &sum);
        bytes += len;
        n++;
        free(page);
    }
    printf("pages=%d failed=%d bytes=%zu libxml2_tree_ms=%.1f libxml2_tokenize_ms=%.1f "
           "html5_tokenize_ms=%.1f html5_tree_ms=%.1f tokenizer_vs_tokenizer=%.2fx "
           "tokenizer_vs_tree=%.2fx tree_vs_tree=%.2fx check=%zu\n",
           n, failed, bytes, tree, sax, ours, ours_tree, ours > 0 ? sax / ours : 0.0,
           ours > 0 ? tree / ours : 0.0, ours_tree > 0 ? tree / ours_tree : 0.0, sum);
    return failed ? 1 : 0;
}

int main(int argc, char **argv)
{
    int only_tokens = argc > 1 && strcmp(argv[1], "--tokenize-only") == 0;
    int versus = argc > 1 && strcmp(argv[1], "--compare-html5") == 0;
    int ours = argc > 1 && strcmp(argv[1], "--html5") == 0;
    if (only_tokens || versus || ours)
        argv++, argc--;
    if (argc < 2) {
        fprintf(stderr,
                "usage: parse_floor [--tokenize-only | --html5 | --compare-html5] FILE...\n");
        return 2;
    }
    const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                     HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
    if (versus)
        return compare_html5(argc, argv, opts);
    double *ms = calloc((size_t)argc, sizeof *ms), total = 0;
    int n = 0, failed = 0;
    for (int i = 1; ms && i < argc; i++) {
        double t0 = now_ms();
        size_t len = 0;
        char *page = read_page(argv[i], &len);
        int ok = page && len < (1u << 31) &&
                 (ours ? html5_tree(page, len) > 0
                       : (only_tokens ? tokenize : parse)(page, (int)len, opts));
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
