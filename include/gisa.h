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
    GISA_ERR_NOMEM = 4, /* out of memory or an internal limit was hit */
    GISA_ERR_UNSUPPORTED = 5, /* a text states what its sources do not */
    GISA_ERR_LICENSE = 6 /* the page reserves its rights: no post without
                            allow_unlicensed (gisa_compose) */
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
    const char *org;          /* the issuing organisation, for a page that
                                 names none of its own (as `url` is used
                                 only when the page gives no canonical URL,
                                 og:url or "saved from url"), or NULL */
    const char *title;        /* the headline, for a page that states none
                                 (a text dump without a headline line), or
                                 NULL */
} gisa_source;

typedef enum gisa_input_kind {
    GISA_INPUT_AUTO = 0, /* sniff: front matter is a post, markup HTML, else text */
    GISA_INPUT_HTML,
    GISA_INPUT_TEXT,     /* a page saved as plain text by a scraper */
    GISA_INPUT_POST,     /* a post: YAML front matter, Markdown/HTML body */
    /* Documents. AUTO, and each of these, reads a document by the format
     * its bytes show, never its name; these refuse anything else. */
    GISA_INPUT_HWP,      /* HWP 5, the word processor's binary format */
    GISA_INPUT_HWPX,     /* HWPX (OWPML), its zip of XML parts */
    GISA_INPUT_PDF,      /* PDF (poppler: text in reading order) */
    GISA_INPUT_DOCUMENT  /* any of HWP, HWPX and PDF (an attachment): pages
                            and texts are refused */
} gisa_input_kind;

/* Limits that bound the work and memory one page can cost. Each has a
 * default (used when the field is 0); a page over a limit is refused with
 * an error naming the limit, never cut silently. */
#define GISA_DEFAULT_MAX_NODES ((size_t)500000) /* HTML elements */
#define GISA_DEFAULT_MAX_DEPTH 250u /* HTML nesting (elements from <html> down) */
#define GISA_DEFAULT_MAX_LINE ((size_t)1 << 20) /* bytes in a text-dump line */

typedef struct gisa_extract_options {
    gisa_input_kind kind;
    size_t max_input;   /* bytes after gunzip; 0 = GISA_DEFAULT_MAX_INPUT */
    size_t max_nodes;   /* elements; 0 = GISA_DEFAULT_MAX_NODES */
    unsigned max_depth; /* nesting, at most 250; 0 = GISA_DEFAULT_MAX_DEPTH */
    size_t max_line;    /* text dumps; 0 = GISA_DEFAULT_MAX_LINE */
    int keep_empty;     /* a page without body text is returned with no
                           blocks instead of refused: its metadata and
                           attachments (a page that only links its release) */
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
 *  - IMAGE: `url` (absolute where the page allowed), `text` its visible
 *    caption, or "" (alternative text is not taken: it is seldom the
 *    article's own words).
 */
typedef struct gisa_block {
    gisa_block_kind kind;
    int level;
    const char *text;
    const char *url;
    const char *const *items;
    size_t nitems;
    size_t ncols;
    /* Where the block starts in the decoded source, to point back at it:
     * the line (from 1) in an HTML page, the byte offset in a text dump. */
    size_t offset;
    /* IMAGE: the image's alternative text, or NULL. Not text of the page
     * (it is not shown), so never in `text`; posts keep it as alt text. */
    const char *alt;
} gisa_block;

/* A file the page offers for download, such as a release's HWP or PDF. */
typedef struct gisa_attachment {
    const char *url;  /* absolute where the page allowed */
    const char *name; /* the link's text, e.g. "보도자료.hwpx"; may be "" */
} gisa_attachment;

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
    const char *license;     /* e.g. "KOGL-1", "CC-BY-4.0", or
                                GISA_LICENSE_RESERVED */
    const char *license_text;/* the notice as the page words it */
    gisa_input_kind input;   /* the reader used: HTML, TEXT, POST, HWP... */
    const gisa_block *blocks;
    size_t nblocks;
    const gisa_attachment *attachments; /* HWP, HWPX, PDF... links, in page order */
    size_t nattachments;
    /* From a press release's first-page block (documents): */
    const char *department;  /* the issuing department, e.g. "국제정책관실" */
    const char *contact;     /* the people and telephone numbers to ask */
} gisa_document;

/* The licence of a page whose notice reserves every right: "무단 전재 및
 * 재배포 금지", "저작권자 ©", "All rights reserved", "AI 학습 이용 금지"
 * (an open licence on the same page, such as 공공누리, takes precedence). */
#define GISA_LICENSE_RESERVED "all-rights-reserved"

/*
 * Extract the article from `src`. `opts` may be NULL for defaults. On
 * success `*out` holds a document to release with gisa_document_free().
 */
gisa_status gisa_extract(const gisa_source *src,
                         const gisa_extract_options *opts,
                         gisa_document **out, gisa_error *err);
void gisa_document_free(gisa_document *doc);

/* ----------------------------------------------------------- attachments */
/*
 * A ministry publishes a release as a page and an attachment (.hwpx, .hwp,
 * .pdf) which often holds the only complete text. These join the two.
 */

/* Is `a` a document gisa reads (HWP, HWPX or PDF), judged by its link's
 * name or its URL's path? (Its bytes decide the format once it is read.) */
int gisa_attachment_readable(const gisa_attachment *a);

/* The document format of `data` by its first bytes, as gisa_extract
 * recognises it whatever the file is called: GISA_INPUT_HWP, _HWPX or
 * _PDF, else GISA_INPUT_AUTO (a page or a text, or a format gisa does not
 * read). For callers that must judge an upload before storing it. */
gisa_input_kind gisa_document_kind(const unsigned char *data, size_t len);

/* The most characters (white space not counted) of a page body that
 * gisa_page_is_summary takes for a summary: a page this long is the
 * release itself, and no attachment need be read to know it. */
#define GISA_SUMMARY_MAX_CHARS 1500

/*
 * Is the body of `page` only a summary of the attachment `doc`, or empty?
 * Conservatively: the page's body has at most GISA_SUMMARY_MAX_CHARS
 * letters and digits and at most half as many as the document's body, and
 * every sentence of the page's body (letters and digits compared, so
 * spacing and punctuation do not count) is found in the document, but for
 * sentences that only point at the attachment ("첨부파일 참조", "붙임") and
 * fragments of under 20 letters and digits (a date line, a byline).
 * A page with no body text is empty, and the document is taken when it has
 * a body. 1 if so, else 0.
 */
int gisa_page_is_summary(const gisa_document *page, const gisa_document *doc);

/* The letters and digits of a document's body (paragraphs, lists, quotes,
 * tables, headings; not the title): how long its text is, spacing and
 * punctuation not counted. A page over GISA_SUMMARY_MAX_CHARS needs no
 * attachment read to know it is no summary. */
size_t gisa_document_chars(const gisa_document *doc);

/*
 * Credit the attachment `doc` to the page `page` that links it, for a post
 * of the attachment: the page's URL, title, date, site name and licence
 * (a 공공누리 notice on the page covers its attachment) and its list of
 * attachments replace the document's own; the publisher and author are the
 * document's own (its press block names the ministry) where it has them,
 * else the page's; the document's department and contact stay. The
 * page's strings are copied: `page` may be freed afterwards.
 */
gisa_status gisa_document_credit(gisa_document *doc, const gisa_document *page,
                                 gisa_error *err);

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
    GISA_POST_JEKYLL,   /* YAML front matter + body, _posts/DATE-SLUG.md */
    GISA_POST_HUGO,     /* YAML front matter + body, content/posts/SLUG.md */
    GISA_POST_HTML,     /* one standalone, readable page */
    GISA_POST_MARKDOWN, /* the body alone, title as a heading */
    GISA_POST_JSON,     /* the post model, each block with its source */
    GISA_POST_FRAGMENT  /* the body and the credit as one HTML fragment, to
                           paste into a blog editor (Tistory's, in that style) */
} gisa_post_format;

/* The style is honoured by every format but JSON and Markdown, which
 * gisa_compose refuses it with (GISA_ERR_USAGE). */
typedef enum gisa_post_style {
    GISA_STYLE_PLAIN,  /* the body as Markdown (as HTML in html and fragment) */
    GISA_STYLE_TISTORY /* the body and credit as HTML in the Tistory editor's
                          style (h2/p with data-ke-size) */
} gisa_post_style;

typedef enum gisa_post_mode {
    GISA_MODE_FULL,   /* every body block of the source */
    GISA_MODE_SUMMARY /* the source's best sentences only */
} gisa_post_mode;

typedef enum gisa_slug_kind {
    GISA_SLUG_ROMANIZE, /* Revised Romanization of the title, ASCII */
    GISA_SLUG_HANGUL,   /* the title's words, Hangul kept */
    GISA_SLUG_ID        /* the article id in the source URL */
} gisa_slug_kind;

/* Zero-initialised options give a full Jekyll post in plain style. */
typedef struct gisa_post_options {
    gisa_post_format format;
    const char *category;     /* front-matter category; NULL = "News" */
    const char *date;         /* "YYYY-MM-DD" to use when the page has none */
    gisa_post_style style;
    gisa_post_mode mode;
    size_t summary_sentences; /* sentences in summary mode; 0 = 3 */
    gisa_slug_kind slug;
    int include_images;       /* keep photos credited to others */
    int bundle;               /* Hugo: content/posts/SLUG/index.md */
    int no_check;             /* skip reading the post back and checking it
                                 against the document (see gisa_compose) */
    int allow_unlicensed;     /* post a page that reserves its rights, as a
                                 quoted summary with credit (see gisa_compose) */
} gisa_post_options;

/* A composed post: its text and the file name a site would give it. */
typedef struct gisa_post {
    char *text;     /* the whole file */
    size_t len;
    char *filename; /* relative path a site would use, e.g.
                       "2026-01-30-hanil-gukbang.md" (Jekyll _posts/),
                       "hanil-gukbang/index.md" (Hugo bundle) */
} gisa_post;

/*
 * Compose a post from `doc`, built only from the document's own text, with
 * attribution. `opts` may be NULL. What the licence allows:
 *  - GISA_LICENSE_RESERVED: nothing; fails with GISA_ERR_LICENSE unless
 *    opts->allow_unlicensed, and then only the summary, each sentence a
 *    quotation, credited, without images (unless opts->include_images).
 *  - A licence that forbids derivatives (공공누리 type 3/4, CC ...-ND):
 *    GISA_MODE_FULL only; asking for a summary fails with GISA_ERR_INPUT.
 *  - 공공누리 notices cover the text: a photo is kept only when credited to
 *    the issuing organisation and the notice does not limit itself to text
 *    ("(텍스트)"), unless opts->include_images.
 *  - Any other licence, or none stated: the whole body and its photos
 *    that carry no one else's credit. Unless opts->no_check, the post
 * is read back and checked against `doc` (gisa_check); a post that states
 * anything the document does not support fails with GISA_ERR_UNSUPPORTED.
 * Release with gisa_post_clear().
 */
gisa_status gisa_compose(const gisa_document *doc,
                         const gisa_post_options *opts, gisa_post *out,
                         gisa_error *err);
void gisa_post_clear(gisa_post *post);

/*
 * Write `post` into directory `dir` (made if missing) as post->filename,
 * atomically, never replacing a different article: a file of that name is
 * replaced only when it holds the same article (front matter with the
 * same source_hash, or the same source_url, title and date: the page
 * revised) or, for posts without front matter (HTML, Markdown, JSON), the
 * same bytes. Otherwise the post is written as the first free "NAME-2",
 * "NAME-3"... (a Hugo bundle's directory takes the number). `*path` gets
 * the path written (malloc'd; free with gisa_free()).
 */
gisa_status gisa_post_save(const char *dir, const gisa_post *post, char **path,
                           gisa_error *err);

/* A site directory that posts are added to: Jekyll's _posts/ or Hugo's
 * content/posts/. Opening it reads the front matter of every post already
 * there (source_url, source_hash, title, date), so a page is written once
 * and rewritten only when its text changed. A post is never replaced by a
 * different article: the same article is the same text, or the same
 * source URL, title and date (many sites give all their pages one
 * canonical URL, so the URL alone does not tell articles apart). An open
 * site holds the lock DIR/.gisa.lock until it is closed: a second
 * gisa_site_open of the same site, in any process, waits for it. */
typedef struct gisa_site gisa_site;

typedef enum gisa_site_action {
    GISA_SITE_ADDED,    /* a new post was written */
    GISA_SITE_UPDATED,  /* the page changed; its post was rewritten */
    GISA_SITE_UNCHANGED /* the same text is there: nothing written */
} gisa_site_action;

/* `opts->format` must be GISA_POST_JEKYLL or GISA_POST_HUGO. */
gisa_status gisa_site_open(const char *dir, const gisa_post_options *opts,
                           gisa_site **out, gisa_error *err);
/* Compose `doc` and write it into the site as needed. `*path`, if given,
 * receives the post's path (malloc'd; free with gisa_free()). */
gisa_status gisa_site_put(gisa_site *site, const gisa_document *doc,
                          gisa_site_action *action, char **path,
                          gisa_error *err);
/* Is `doc`'s post already in the site (the same source text)? */
int gisa_site_has(gisa_site *site, const gisa_document *doc);
/* The options the site was opened with (defaults filled in as given). */
const gisa_post_options *gisa_site_options(const gisa_site *site);
/* Write a post the caller composed from `doc` with the site's options
 * (gisa_compose, gisa_rewrite: so that slow rewrites can run on many
 * threads while one thread writes), as gisa_site_put would. */
gisa_status gisa_site_put_post(gisa_site *site, const gisa_document *doc,
                               const gisa_post *post, gisa_site_action *action, char **path,
                               gisa_error *err);
void gisa_site_close(gisa_site *site);

/* --------------------------------------------------------------- rewrite */
/*
 * A post in a language model's words, gated by the check (docs/rewrite.md).
 * The post model of gisa_compose (title, lead, sections, table, credit) is
 * built as usual; then each run of the body's paragraphs (a section) is
 * sent to a model with the prompt template, and every sentence of the
 * answer is checked against the source with gisa_check's judge. A sentence
 * holding an unsupported or contradicted fact is sent back once, naming
 * the facts; if it fails again it is replaced by the source's own sentence
 * (or, with `strict`, the post is refused with GISA_ERR_UNSUPPORTED). A
 * section the model gives no usable answer for (unreachable, an HTTP
 * error after retries, malformed or empty answer, over the size limit)
 * keeps the source's sentences, with a warning. Headings, tables, lists,
 * quotations, images and the credit are the source's, as in gisa_compose;
 * the whole post is checked again before it is handed out.
 */

/* A language model, reached over HTTP or through a program, or given as a
 * function. One model is used by one thread at a time. */
typedef struct gisa_model gisa_model;

/* Answer one prompt: `system` (the rules) and `prompt` (the task); on
 * success *answer is malloc'd (the library frees it with free()). Return
 * GISA_ERR_IO when the model cannot be reached at all (the rewrite then
 * stops asking it), any other status for a failure of this answer. */
typedef gisa_status (*gisa_model_fn)(void *ctx, const char *system, const char *prompt,
                                     char **answer, gisa_error *err);

/* An OpenAI-compatible chat-completions server: llama.cpp's server, vLLM,
 * Ollama, LM Studio, hosted services. Nothing is sent anywhere but `url`:
 * no redirect is followed and no proxy is used. */
typedef struct gisa_llm_options {
    const char *url;        /* ".../v1" (the path /chat/completions is added)
                               or the full ".../chat/completions" URL */
    const char *model;      /* the "model" field, e.g. "qwen2.5:7b" */
    const char *api_key;    /* sent as "Authorization: Bearer", never shown
                               in a message; NULL = none */
    double timeout;         /* seconds per request; 0 = 120 */
    double connect_timeout; /* seconds; 0 = 10 */
    int retries;            /* further tries after a 429 or 5xx answer, waiting
                               Retry-After or 1, 2, 4... s; 0 = 2, negative = none */
    double backoff;         /* the first wait, seconds; 0 = 1 */
    size_t max_answer;      /* bytes of a response; 0 = 1 MiB */
    double temperature;     /* sent as is; 0 = 0.3, negative = not sent */
} gisa_llm_options;

gisa_status gisa_model_llm(const gisa_llm_options *opts, gisa_model **out, gisa_error *err);
/* A program that reads the prompt on standard input and writes the answer
 * on standard output: `command` is split into words like a shell's
 * (quotes and backslashes) but run without one (no expansion); the program
 * is found in PATH. It is killed after `timeout` seconds (0 = 120); an
 * exit status other than 0 or an answer over `max_answer` bytes (0 = 1 MiB)
 * fails the answer. The program gets the system text, a blank line and the
 * prompt. */
gisa_status gisa_model_command(const char *command, double timeout, size_t max_answer,
                               gisa_model **out, gisa_error *err);
/* A model given as a function (tests, embedding programs); `name` is
 * recorded in the post's front matter. */
gisa_status gisa_model_function(gisa_model_fn fn, void *ctx, const char *name,
                                gisa_model **out, gisa_error *err);
/* Ask the model once (the rewrite does this for you). */
gisa_status gisa_model_ask(gisa_model *model, const char *system, const char *prompt,
                           char **answer, gisa_error *err);
void gisa_model_free(gisa_model *model);

typedef enum gisa_voice {
    GISA_VOICE_BLOG,        /* a blog's friendly 해요체 */
    GISA_VOICE_BLOG_FORMAL, /* a blog in 합니다체 */
    GISA_VOICE_NEWS,        /* a news report's 해라체 (…했다) */
    GISA_VOICE_PLAIN        /* plain words for every reader, 합니다체 */
} gisa_voice;

/* The voice's name ("blog", "blog-formal", "news", "plain"). */
const char *gisa_voice_name(gisa_voice voice);

typedef struct gisa_rewrite_options {
    gisa_model *model;        /* required */
    const char *model_name;   /* recorded in front matter; NULL = the model's
                                 ("qwen2.5:7b", the command's program name) */
    gisa_voice voice;
    const char *prompt;       /* a prompt template's text (docs/rewrite.md);
                                 NULL = the built-in one, as installed in
                                 share/gisa/rewrite-prompt.txt */
    int strict;               /* refuse the post (GISA_ERR_UNSUPPORTED) rather
                                 than replace a sentence that fails twice */
    /* Called for each warning (a section left in the source's words, and
     * why), with a one-line message naming the page; may be NULL. */
    void (*on_warning)(void *ctx, const char *message);
    void *ctx;
} gisa_rewrite_options;

typedef struct gisa_rewrite_stats {
    size_t sections;  /* sections sent to the model */
    size_t failed;    /* of them, left in the source's words: no usable answer */
    size_t rewritten; /* the model's sentences published (first try or retry) */
    size_t retried;   /* sentences sent back once */
    size_t replaced;  /* sentences replaced by the source's own */
} gisa_rewrite_stats;

/* The prompt template built in (and installed), NUL-terminated. */
const char *gisa_rewrite_default_prompt(void);

/*
 * Compose `doc` as gisa_compose does (`popts` may be NULL), with the body's
 * sentences rewritten by ropts->model and gated. Front matter (Jekyll,
 * Hugo) records `rewrite: {model, voice, rewritten, retried, replaced}`.
 * `stats` may be NULL. With `report` not NULL, *report receives every
 * decision as JSON (malloc'd): each sentence of the model, its verdict
 * ("published", "retried", "replaced"), the flagged facts and the source
 * sentence. Pages whose licence allows verbatim use only (공공누리 type
 * 3/4, CC ...-ND) or reserves its rights are refused (GISA_ERR_INPUT,
 * GISA_ERR_LICENSE): a rewrite is a derivative work.
 */
gisa_status gisa_rewrite(const gisa_document *doc, const gisa_post_options *popts,
                         const gisa_rewrite_options *ropts, gisa_post *out,
                         gisa_rewrite_stats *stats, char **report, gisa_error *err);

/* gisa_site_put with the post made by gisa_rewrite. A page whose post is
 * already in the site (the same source text) is left unchanged and the
 * model is not asked, so a run stopped half way resumes where it was. */
gisa_status gisa_site_put_rewrite(gisa_site *site, const gisa_document *doc,
                                  const gisa_rewrite_options *ropts, gisa_site_action *action,
                                  char **path, gisa_rewrite_stats *stats, gisa_error *err);

/* --------------------------------------------------------------- analyze */
/*
 * Korean-first text analysis, by rules, statistics over the document and
 * small word lists (no trained model, no morphological analyser); English
 * gets a plain fallback. All results of one analysis live in one arena and
 * are released at once by gisa_analysis_free(). The same entry points serve
 * a source article and a text derived from it, so the two can be compared.
 */

/* A byte range [start, end) of some text. */
typedef struct gisa_span {
    size_t start;
    size_t end;
} gisa_span;

/*
 * Split one paragraph `text[0..len)` into sentences: quotes and brackets
 * are tracked, numbers and abbreviations do not end a sentence, and Korean
 * sentence-final endings (…습니다, …었다, …요) end one without punctuation.
 * Fills up to `cap` spans (trimmed of white space) and returns how many
 * sentences there are, which may exceed `cap`. Allocates nothing.
 */
size_t gisa_split_sentences(const char *text, size_t len, gisa_span *spans,
                            size_t cap);

/*
 * The stem of one eojeol (a space-separated word): the byte length of
 * `word` left after stripping a particle (josa) or a common ending by
 * longest match, with the final-consonant rule (은/을/과/이/으로 after a
 * final consonant, 는/를/와/가/로 after a vowel), never below two
 * syllables. Numbers keep their counters (9일, 15년, 5개월여).
 */
size_t gisa_stem(const char *word, size_t len);

/* One sentence of the analysed text, in document order. */
typedef struct gisa_sentence {
    const char *text;
    size_t paragraph; /* index of the paragraph (block) it came from */
    double score;     /* summary score: higher is more central */
    size_t rank;      /* 0 for the best sentence */
} gisa_sentence;

/* A keyword or key phrase, best first. */
typedef struct gisa_keyword {
    const char *text;
    double score;
    size_t count; /* occurrences in the text */
} gisa_keyword;

typedef enum gisa_entity_kind {
    GISA_ENTITY_PERSON, /* value: the name; title, country when given */
    GISA_ENTITY_ORG,    /* ministries, agencies, committees, forces, schools */
    GISA_ENTITY_PLACE,  /* cities, countries, bases */
    GISA_ENTITY_DATE,   /* value: ISO date ("2026-01-30", "2025-09") or NULL */
    GISA_ENTITY_NUMBER  /* value: the number; unit: 명, %, 원, 달러 ... */
} gisa_entity_kind;

/* A named thing, a date or a quantity, first mention first. */
typedef struct gisa_entity {
    gisa_entity_kind kind;
    const char *text;    /* as written */
    const char *value;   /* normalised form (see the kinds), or NULL */
    const char *title;   /* PERSON: e.g. "국방부장관", or NULL */
    const char *country; /* PERSON, ORG: e.g. "대한민국", or NULL */
    const char *unit;    /* NUMBER: the unit or counter, or NULL */
    size_t sentence;     /* index of the first sentence mentioning it */
    size_t count;        /* mentions */
} gisa_entity;

/* An agreement or commitment: "…하기로 했습니다", "…에 공감했다". */
typedef struct gisa_agreement {
    const char *kind;    /* "decision", "agreement", "consensus", "welcome",
                            "commitment" */
    const char *who;     /* the parties as written, or NULL */
    const char *what;    /* what was agreed */
    const char *verb;    /* the predicate as written, e.g. "합의했다" */
    size_t sentence;     /* index into sentences */
} gisa_agreement;

typedef struct gisa_analysis {
    const char *title;   /* or NULL */
    const char *date;    /* the document date relative dates resolve
                            against ("YYYY-MM-DD"), or NULL */
    const char *lang;    /* "ko" or "en" (a guess from the script) */
    const gisa_sentence *sentences;
    size_t nsentences;
    const gisa_keyword *keywords;
    size_t nkeywords;
    const gisa_entity *entities;
    size_t nentities;
    const gisa_agreement *agreements;
    size_t nagreements;
} gisa_analysis;

typedef struct gisa_analyze_options {
    size_t max_keywords; /* 0 = 20 */
    int facts_only;      /* sentences, entities and agreements only: no
                            keywords, and no sentence scores or ranks (all
                            0), which is all a fact check needs */
} gisa_analyze_options;

/*
 * Analyse the paragraphs, list items and quotes of an extracted document
 * (headings other than the title are skipped). `opts` may be NULL.
 */
gisa_status gisa_analyze(const gisa_document *doc,
                         const gisa_analyze_options *opts,
                         gisa_analysis **out, gisa_error *err);
/*
 * Analyse plain text: paragraphs separated by blank lines. `title` and
 * `date` ("YYYY-MM-DD...") may be NULL.
 */
gisa_status gisa_analyze_text(const char *title, const char *date,
                              const char *text, size_t len,
                              const gisa_analyze_options *opts,
                              gisa_analysis **out, gisa_error *err);
void gisa_analysis_free(gisa_analysis *analysis);

/*
 * The `k` best sentences for an extractive summary, in document order:
 * fills `index` with up to k sentence indexes and returns how many.
 */
size_t gisa_summary(const gisa_analysis *analysis, size_t k, size_t *index);

/* Render an analysis as GISA_FORMAT_JSON (see docs/analyze.md) or
 * GISA_FORMAT_TEXT; `*out` is malloc'd. */
gisa_status gisa_analysis_render(const gisa_analysis *analysis,
                                 gisa_format format, char **out, size_t *len,
                                 gisa_error *err);

/* ----------------------------------------------------------------- check */
/*
 * Check a derived text (a rewrite, a summary, a post) against its sources,
 * fact by fact: people with their titles, organisations, places, dates,
 * numbers and durations in digits or in words ("15년 만에", "일곱 달여",
 * "두 번째"), quotations and their speakers, agreements, the polarity and
 * stage of predicates, the order of events, and claims (clauses whose
 * content words no source states). Each fact is
 * supported (a source states it, after normalisation: particles, spacing,
 * number and date forms), contradicted (a source fills the same role
 * differently: another person with the same title, another place for the
 * meeting, another number for the same thing) or unsupported (absent).
 */
typedef enum gisa_verdict {
    GISA_SUPPORTED,
    GISA_UNSUPPORTED,
    GISA_CONTRADICTED
} gisa_verdict;

typedef enum gisa_fact_kind {
    GISA_FACT_PERSON,
    GISA_FACT_ORG,
    GISA_FACT_PLACE,
    GISA_FACT_DATE,
    GISA_FACT_NUMBER,
    GISA_FACT_DURATION,
    GISA_FACT_QUOTE,
    GISA_FACT_AGREEMENT,
    GISA_FACT_POLARITY, /* a predicate affirmed or denied: 실시하기로 ↔
                           실시하지 않기로, 증가 ↔ 감소 */
    GISA_FACT_MODALITY, /* done, decided, planned, considered or hoped:
                           실시했다 ↔ 실시하기로 했다 ↔ 검토하고 있다 */
    GISA_FACT_CLAIM     /* a clause whose content words no source sentence
                           states ("연간계획을 수립했습니다"): unsupported,
                           never contradicted */
} gisa_fact_kind;

typedef struct gisa_fact {
    gisa_fact_kind kind;
    const char *text;        /* as written in the derived text */
    size_t sentence;         /* index into gisa_check_report.sentences */
    gisa_span span;          /* where, in that sentence */
    gisa_verdict verdict;
    const char *source_text; /* the source's words: the match, or the rival
                                it states instead; NULL if unsupported */
    const char *source_sentence; /* the source sentence holding them */
    size_t source;           /* which source (index into the sources) */
    const char *note;        /* a short reason, e.g. "another person with
                                the title 국방부장관" */
    const char *nearest;     /* for a fact with no source_sentence (most
                                unsupported ones): the source sentence
                                nearest it in content words, to show what
                                the source does say; NULL if none shares any */
} gisa_fact;

typedef struct gisa_check_report {
    const char *const *sentences; /* the derived text, sentence by sentence */
    size_t nsentences;
    const gisa_fact *facts;       /* in order of appearance */
    size_t nfacts;
    size_t supported, unsupported, contradicted;
} gisa_check_report;

/* The most sentence pairs (the derived text's sentences times all the
 * sources' sentences) one check compares: a larger check is refused with
 * GISA_ERR_INPUT and a message naming this limit, never cut short. At the
 * limit a check takes about a minute; 25,000 sentences against 25,000 is
 * within it, a 60 MB page against itself is not. */
#define GISA_CHECK_MAX_PAIRS ((size_t)1000000000)
/* The most comparisons of a derived predicate (one not copied from a
 * source) with a source sentence using the same word: past it the check
 * is refused with GISA_ERR_INPUT naming this limit (about five seconds of
 * work; a post of a few hundred sentences needs a few thousand). */
#define GISA_CHECK_MAX_COMPARISONS ((size_t)1000000)

/* Check `derived` against `nsources` documents. */
gisa_status gisa_check(const gisa_document *derived,
                       const gisa_document *const *sources, size_t nsources,
                       gisa_check_report **out, gisa_error *err);
void gisa_check_free(gisa_check_report *report);
/* GISA_FORMAT_TEXT: the derived text with flagged spans marked [[like
 * this]] and, under each sentence, what the source says instead;
 * GISA_FORMAT_JSON: every fact with its spans. `*out` is malloc'd. */
gisa_status gisa_check_render(const gisa_check_report *report,
                              gisa_format format, char **out, size_t *len,
                              gisa_error *err);
/* As gisa_check_render; with `explain`, the text report also lists every
 * supported fact under its sentence with the source sentence that
 * supports it (JSON lists every fact either way). */
gisa_status gisa_check_render_explained(const gisa_check_report *report,
                                        gisa_format format, int explain, char **out,
                                        size_t *len, gisa_error *err);

/* ---------------------------------------------------------------- corpus */
/*
 * A corpus: an SQLite store (WAL mode) of pages, their articles, an FTS5
 * index and near-duplicate links, filled by a multi-threaded ingest that
 * is safe to kill at any moment and run again. See docs/corpus.md.
 */
typedef struct gisa_corpus gisa_corpus;

/* Open or create the store at `path`, migrating an older schema. A new
 * store's schema is made in one write transaction, so several processes
 * may open the same new store at once. A file that is not a gisa store
 * (an SQLite database with tables of its own, or not SQLite at all) or a
 * store newer than this library is refused (GISA_ERR_IO) and left as it
 * was. */
gisa_status gisa_corpus_open(const char *path, gisa_corpus **out, gisa_error *err);
/* Open an existing store for reading only (gisa_corpus_search,
 * gisa_corpus_dups): nothing is created, migrated or written, and a store
 * on read-only media can be read. Anything but a gisa store, an empty file
 * included, is refused with GISA_ERR_IO. */
gisa_status gisa_corpus_open_read(const char *path, gisa_corpus **out, gisa_error *err);
void gisa_corpus_close(gisa_corpus *corpus);

/* Why a page, record, URL or feed gave no article. */
typedef enum gisa_fail_reason {
    GISA_FAIL_EXTRACT,  /* read, but no article could be extracted */
    GISA_FAIL_READ,     /* a file or WARC record could not be read */
    GISA_FAIL_FEED,     /* a feed or one of its items is malformed */
    GISA_FAIL_ROBOTS,   /* robots.txt disallows it (or could not be read) */
    GISA_FAIL_PRIVATE,  /* resolves to a private/loopback/link-local address */
    GISA_FAIL_HTTP,     /* an HTTP error status (after retries) */
    GISA_FAIL_TIMEOUT,  /* the time limit was hit */
    GISA_FAIL_TOO_LARGE,/* larger than max_input */
    GISA_FAIL_REDIRECTS,/* too many redirects */
    GISA_FAIL_NETWORK,  /* DNS, connection, TLS or a bad URL */
    GISA_FAIL_NREASONS
} gisa_fail_reason;

/* A short static name for a reason ("robots.txt", "timeout", ...). */
const char *gisa_fail_reason_name(gisa_fail_reason reason);

typedef struct gisa_ingest_stats {
    size_t processed;  /* pages read from the inputs */
    size_t stored;     /* new articles */
    size_t unchanged;  /* same URL and content already stored: skipped */
    size_t failed;     /* pages or records that gave no article */
    size_t skipped;    /* non-HTML or non-2xx responses */
    size_t duplicates; /* stored, and near-duplicates of an earlier article */
    double seconds;
    size_t not_modified; /* URLs answered 304 to a conditional GET */
    size_t posts;        /* new posts composed (with opts->posts) */
    size_t failed_by[GISA_FAIL_NREASONS]; /* `failed` split by reason */
    size_t attachments;  /* of `stored`: attachments (opts->attachments) */
} gisa_ingest_stats;

typedef struct gisa_ingest_options {
    unsigned threads;        /* extraction workers; 0 = number of cores */
    size_t max_input;        /* bytes per page; 0 = GISA_DEFAULT_MAX_INPUT */
    const char *list;        /* a file naming one input path or URL per line, or NULL */
    /* Fetching (http/https inputs, feed items): see docs/corpus.md. */
    const char *user_agent;  /* NULL = "gisa/VERSION (+URL)" */
    double delay;            /* seconds between requests to one host; 0 = 1.0,
                                negative = no delay (Crawl-delay still counts) */
    double timeout;          /* seconds per request; 0 = 30 */
    int allow_private;       /* fetch private, loopback, link-local addresses */
    int posts;               /* compose a Jekyll post per new article, store it */
    int allow_unlicensed;    /* with posts: compose posts of pages that reserve
                                their rights too (gisa_post_options) */
    const char *jsonl;       /* also write each article stored by this run as
                                one JSON object a line to this file (gzip when
                                it ends in ".gz"): the fields of gisa_render's
                                JSON plus page_url, fetched, warc_record_id,
                                content_hash and simhash (16 hex digits); the
                                file appears, whole, when the run ends; NULL = none */
    /* Called (from one thread at a time) for each page or record that
     * fails, with a one-line message naming it; may be NULL. */
    void (*on_error)(void *ctx, const gisa_error *error);
    /* Called about five times a second with the counts so far; may be NULL. */
    void (*on_progress)(void *ctx, const gisa_ingest_stats *stats,
                        double fraction /* of input bytes, or -1 */);
    void *ctx;
    int attachments;         /* also fetch the readable attachments (HWP,
                                HWPX, PDF) the ingested pages link, with the
                                same politeness and limits, and store each
                                linked to its page (pages.parent_url) */
    /* With posts: each post in a model's words, gated (gisa_rewrite).
     * rewrite[0..nrewrite) holds one set of options per model; a model
     * serves one page at a time, so up to nrewrite pages are rewritten at
     * once (by as many workers). Pages already stored are skipped before
     * any post is made, so a stopped run resumes without asking a model
     * twice. NULL = posts from the page's own sentences. */
    const gisa_rewrite_options *rewrite;
    size_t nrewrite;
    /* Leave the full-text index (articles_fts) empty: for a store that is
     * only read row by row and merged into another store that indexes the
     * text itself (gisa.dask's shards), so that the text is indexed once
     * and not twice. gisa_corpus_search finds nothing in such a store. */
    int no_text_index;
} gisa_ingest_options;

/*
 * Ingest `inputs`: directories (walked recursively, in name order: HTML
 * files, .gz of them, RSS/Atom files and WARC files), .warc and .warc.gz
 * files (response records), single pages, http(s) URLs (fetched politely:
 * robots.txt, a per-host delay, retries, conditional GET, limits; private
 * addresses refused unless allow_private) and RSS/Atom feeds (files or
 * URLs: each item's full text, or else its link, is ingested). Pages are stored in input order; one whose
 * URL and content hash are already stored is skipped, so running the same
 * command again after a crash finishes the work without duplicates.
 * Failed pages do not stop the run; GISA_OK means the store is complete.
 */
gisa_status gisa_ingest(gisa_corpus *corpus, const char *const *inputs,
                        size_t ninputs, const gisa_ingest_options *opts,
                        gisa_ingest_stats *stats, gisa_error *err);

/* -------------------------------------------------------------- fetching */
/*
 * One page or attachment over HTTP(S), as gisa_ingest fetches: robots.txt
 * honoured, a delay between requests to one host, 429 and 5xx retried,
 * redirects followed (at most 5), a body over max_bytes refused, private,
 * loopback and link-local addresses refused unless allow_private.
 */
typedef struct gisa_fetch_options {
    const char *user_agent; /* NULL = "gisa/VERSION (+URL)" */
    double delay;           /* seconds between requests to one host; 0 = 1.0,
                               negative = none (Crawl-delay still counts) */
    double timeout;         /* seconds per request; 0 = 30 */
    size_t max_bytes;       /* body limit; 0 = GISA_DEFAULT_MAX_INPUT */
    int allow_private;
} gisa_fetch_options;

typedef struct gisa_fetcher gisa_fetcher;
/* `opts` may be NULL for defaults. Release with gisa_fetcher_free(). */
gisa_status gisa_fetcher_new(const gisa_fetch_options *opts, gisa_fetcher **out,
                             gisa_error *err);
/* GET `url` into `out` (release with gisa_bytes_free()). `*final_url`
 * and `*content_type`, if given, receive where redirects ended and the
 * Content-Type (malloc'd or NULL; free with gisa_free()). A failure (HTTP
 * error, robots.txt, size, time) is GISA_ERR_INPUT, or GISA_ERR_IO for the
 * network, with a message naming the URL. */
gisa_status gisa_fetch(gisa_fetcher *f, const char *url, gisa_bytes *out,
                       char **final_url, char **content_type, gisa_error *err);
void gisa_fetcher_free(gisa_fetcher *f);

/* A search result; strings live until gisa_hits_free(). */
typedef struct gisa_hit {
    const char *url;
    const char *title;   /* may be "" */
    const char *date;    /* may be "" */
    const char *snippet; /* matches marked [like this] */
    double score;        /* BM25: lower is better */
} gisa_hit;

/* The most different words a query may have: FTS5's time grows with the
 * square of a query's phrases. A word given twice counts once. */
#define GISA_MAX_QUERY_WORDS 64

/*
 * Full-text search, best first. Plain words match as prefixes (so 국방부
 * finds 국방부는); `raw` passes the query to FTS5 syntax unchanged. A
 * query of more than GISA_MAX_QUERY_WORDS different words (in a raw one,
 * words other than AND, OR and NOT) is refused with GISA_ERR_USAGE.
 */
gisa_status gisa_corpus_search(gisa_corpus *corpus, const char *query, int raw,
                               size_t limit, gisa_hit **hits, size_t *nhits,
                               gisa_error *err);
void gisa_hits_free(gisa_hit *hits, size_t nhits);

/* A near-duplicate link: `url` is within `distance` SimHash bits of the
 * earlier article `original`. */
typedef struct gisa_dup {
    const char *original;
    const char *url;
    const char *title;
    unsigned distance;
} gisa_dup;

/* Every link, grouped by original (in storage order). */
gisa_status gisa_corpus_dups(gisa_corpus *corpus, gisa_dup **dups, size_t *ndups,
                             gisa_error *err);
void gisa_dups_free(gisa_dup *dups, size_t ndups);

/* ----------------------------------------------------------------- misc */

/* Free memory the library returned through a `char **`. */
void gisa_free(void *p);

/* Write `data` to `path` atomically: a temporary file beside it, flushed
 * to disk, then renamed over the target; on failure nothing is left. */
gisa_status gisa_write_file(const char *path, const char *data, size_t len,
                            gisa_error *err);
/* Create a directory and any missing parents. */
gisa_status gisa_make_dirs(const char *path, gisa_error *err);

#ifdef __cplusplus
}
#endif
#endif /* GISA_H */
