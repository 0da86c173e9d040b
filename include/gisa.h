/*
 * gisa.h - turn news and press-release pages into clean articles and
 * faithful posts.
 *
 * The library is a pipeline of stages, each a function from one struct to
 * the next:
 *
 *     gisa_load()     path / stdin / .gz        -> gisa_bytes
 *     gisa_extract()  gisa_source (any encoding) -> gisa_document
 *     gisa_render()   gisa_document             -> text, Markdown or JSON
 *     gisa_compose()  gisa_document             -> a post (Jekyll, ...)
 *
 * Conventions
 *  - Every string the library hands out is NFC-normalised UTF-8 and
 *    NUL-terminated.
 *  - A gisa_document owns all of its strings and blocks (one arena per
 *    document); gisa_document_free() releases them at once.
 *  - Strings returned through `char **out` are malloc'd; free them with
 *    gisa_free().
 *  - Functions return a gisa_status; on failure they fill the caller's
 *    gisa_error with a one-line message that names the input.
 *  - There is no global mutable state: distinct documents may be processed
 *    on distinct threads at the same time.
 *  - Output is deterministic: the same input gives byte-identical output.
 */
#ifndef GISA_H
#define GISA_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GISA_VERSION "0.1.0"

/* Status codes. They double as the command-line tool's exit codes. */
typedef enum gisa_status {
    GISA_OK = 0,
    GISA_ERR_INPUT = 1, /* the input is empty, binary, corrupt or unusable */
    GISA_ERR_USAGE = 2, /* the caller passed invalid arguments */
    GISA_ERR_IO = 3,    /* a file could not be read or written */
    GISA_ERR_NOMEM = 4  /* out of memory or an internal limit was hit */
} gisa_status;

/* Filled on failure: the status and a one-line, human-readable message. */
typedef struct gisa_error {
    gisa_status status;
    char message[512];
} gisa_error;

/* Return a static English name for a status ("bad input", ...). */
const char *gisa_status_name(gisa_status status);

/* ------------------------------------------------------------------ load */

/* Raw bytes of one input, after transparent gunzip. */
typedef struct gisa_bytes {
    unsigned char *data;
    size_t len;
} gisa_bytes;

/* Default cap on the size of one input after decompression (64 MiB). */
#define GISA_DEFAULT_MAX_INPUT ((size_t)64 << 20)

/*
 * Read `path` ("-" means standard input) into `out`. Gzip data (by its
 * magic bytes, whatever the file name) is decompressed. Inputs larger than
 * `max_bytes` (0 = GISA_DEFAULT_MAX_INPUT) after decompression are
 * refused. Empty inputs are refused. Release with gisa_bytes_free().
 */
gisa_status gisa_load(const char *path, size_t max_bytes, gisa_bytes *out,
                      gisa_error *err);
void gisa_bytes_free(gisa_bytes *bytes);

/* --------------------------------------------------------------- extract */

/* One input page: bytes in any encoding, plus what is known about it. */
typedef struct gisa_source {
    const char *name;         /* for messages, e.g. the path; may be NULL */
    const unsigned char *data;
    size_t len;
    const char *url;          /* where it came from, or NULL */
    const char *content_type; /* e.g. "text/html; charset=euc-kr", or NULL */
} gisa_source;

typedef enum gisa_input_kind {
    GISA_INPUT_AUTO = 0, /* sniff: markup is HTML, anything else a text dump */
    GISA_INPUT_HTML,
    GISA_INPUT_TEXT      /* a page saved as plain text by a scraper */
} gisa_input_kind;

typedef struct gisa_extract_options {
    gisa_input_kind kind;
    size_t max_input; /* bytes; 0 = GISA_DEFAULT_MAX_INPUT */
} gisa_extract_options;

typedef enum gisa_block_kind {
    GISA_BLOCK_HEADING,
    GISA_BLOCK_PARAGRAPH,
    GISA_BLOCK_LIST,
    GISA_BLOCK_TABLE,
    GISA_BLOCK_IMAGE,
    GISA_BLOCK_QUOTE,
    GISA_BLOCK_CODE
} gisa_block_kind;

/*
 * One block of the article body.
 *  - HEADING: `text`, `level` 1..6.
 *  - PARAGRAPH, QUOTE, CODE: `text` ("\n" marks a line break).
 *  - LIST: `items`/`nitems`, one per list item; `level` 1 if ordered.
 *  - TABLE: `items` holds the cells row by row, `ncols` per row; the first
 *    row is the header row when `level` is 1.
 *  - IMAGE: `url` (absolute where the page allowed), `text` the caption or
 *    alternative text (may be "").
 */
typedef struct gisa_block {
    gisa_block_kind kind;
    int level;
    const char *text;
    const char *url;
    const char *const *items;
    size_t nitems;
    size_t ncols;
    size_t offset; /* where the block starts in the decoded source, bytes */
} gisa_block;

/* An extracted article. Fields the page does not give are NULL. */
typedef struct gisa_document {
    const char *source_name; /* as given in gisa_source.name */
    const char *encoding;    /* the source's encoding, e.g. "EUC-KR" */
    const char *url;         /* canonical URL, else the source URL */
    const char *title;
    const char *date;        /* ISO 8601: "2026-01-30" or with time */
    const char *author;      /* a person, or the issuing organisation */
    const char *publisher;   /* e.g. the ministry that issued a release */
    const char *site_name;
    const char *lang;
    const char *license;     /* e.g. "KOGL-1", "CC-BY-4.0" */
    const char *license_text;/* the notice as the page words it */
    int is_text_dump;        /* 1 if read as a plain-text dump */
    const gisa_block *blocks;
    size_t nblocks;
} gisa_document;

/*
 * Extract the article from `src`. `opts` may be NULL for defaults. On
 * success `*out` holds a document to release with gisa_document_free().
 */
gisa_status gisa_extract(const gisa_source *src,
                         const gisa_extract_options *opts,
                         gisa_document **out, gisa_error *err);
void gisa_document_free(gisa_document *doc);

/* ---------------------------------------------------------------- render */

typedef enum gisa_format {
    GISA_FORMAT_TEXT,     /* blocks separated by blank lines */
    GISA_FORMAT_MARKDOWN, /* headings, lists, tables, images as Markdown */
    GISA_FORMAT_JSON      /* all metadata and every block */
} gisa_format;

/* Render `doc`; `*out` is malloc'd and NUL-terminated, `*len` its length. */
gisa_status gisa_render(const gisa_document *doc, gisa_format format,
                        char **out, size_t *len, gisa_error *err);

/* --------------------------------------------------------------- compose */

typedef enum gisa_post_format {
    GISA_POST_JEKYLL /* YAML front matter + Markdown body */
} gisa_post_format;

typedef struct gisa_post_options {
    gisa_post_format format;
    const char *category; /* front-matter category; NULL = "News" */
    const char *date;     /* "YYYY-MM-DD" to use when the page has none */
} gisa_post_options;

/* A composed post: its text and the file name a site would give it. */
typedef struct gisa_post {
    char *text;     /* the whole file */
    size_t len;
    char *filename; /* e.g. "2026-01-30-hanil-gukbang.md" */
} gisa_post;

/*
 * Compose a post from `doc`, built only from the document's own text, with
 * attribution. `opts` may be NULL. Release with gisa_post_clear().
 */
gisa_status gisa_compose(const gisa_document *doc,
                         const gisa_post_options *opts, gisa_post *out,
                         gisa_error *err);
void gisa_post_clear(gisa_post *post);

/* ----------------------------------------------------------------- misc */

/* Free memory the library returned through a `char **`. */
void gisa_free(void *p);

#ifdef __cplusplus
}
#endif
#endif /* GISA_H */
