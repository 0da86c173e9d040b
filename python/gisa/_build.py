"""cffi build script for gisa._gisa, the compiled module over libgisa.

API mode: the module is compiled against include/gisa.h, so the compiler
checks every declaration below against the real header, and structs are
declared partially (`...;`): fields added to the library later do not
break the binding. setup.py says where the header and library are
(GISA_INCLUDE_DIR, GISA_LIB_DIR, GISA_RPATH).
"""
import os

import cffi

CDEF = """
typedef int... gisa_status;
typedef int... gisa_input_kind;
typedef int... gisa_format;
typedef int... gisa_post_format;
typedef int... gisa_post_style;
typedef int... gisa_post_mode;
typedef int... gisa_slug_kind;

#define GISA_OK ...
#define GISA_ERR_INPUT ...
#define GISA_ERR_USAGE ...
#define GISA_ERR_IO ...
#define GISA_ERR_NOMEM ...
#define GISA_ERR_UNSUPPORTED ...
#define GISA_INPUT_AUTO ...
#define GISA_INPUT_HTML ...
#define GISA_INPUT_TEXT ...
#define GISA_INPUT_POST ...
#define GISA_FORMAT_TEXT ...
#define GISA_FORMAT_MARKDOWN ...
#define GISA_FORMAT_JSON ...
#define GISA_POST_JEKYLL ...
#define GISA_POST_HUGO ...
#define GISA_POST_HTML ...
#define GISA_POST_MARKDOWN ...
#define GISA_POST_JSON ...
#define GISA_STYLE_PLAIN ...
#define GISA_STYLE_TISTORY ...
#define GISA_MODE_FULL ...
#define GISA_MODE_SUMMARY ...

typedef struct { gisa_status status; char message[...]; ...; } gisa_error;

typedef struct {
    const char *name;
    const unsigned char *data;
    size_t len;
    const char *url;
    const char *content_type;
    ...;
} gisa_source;

typedef struct {
    gisa_input_kind kind;
    size_t max_input;
    size_t max_nodes;
    unsigned max_depth;
    size_t max_line;
    ...;
} gisa_extract_options;

typedef struct gisa_document gisa_document;

typedef struct {
    gisa_post_format format;
    const char *category;
    const char *date;
    gisa_post_style style;
    gisa_post_mode mode;
    size_t summary_sentences;
    int include_images;
    int no_check;
    ...;
} gisa_post_options;

typedef struct { char *text; size_t len; char *filename; ...; } gisa_post;
typedef struct { size_t start; size_t end; } gisa_span;
typedef struct { size_t max_keywords; int facts_only; ...; } gisa_analyze_options;
typedef struct gisa_analysis gisa_analysis;
typedef struct gisa_check_report gisa_check_report;

const char *gisa_status_name(gisa_status status);
gisa_status gisa_extract(const gisa_source *src, const gisa_extract_options *opts,
                         gisa_document **out, gisa_error *err);
void gisa_document_free(gisa_document *doc);
gisa_status gisa_render(const gisa_document *doc, gisa_format format,
                        char **out, size_t *len, gisa_error *err);
gisa_status gisa_compose(const gisa_document *doc, const gisa_post_options *opts,
                         gisa_post *out, gisa_error *err);
void gisa_post_clear(gisa_post *post);
size_t gisa_split_sentences(const char *text, size_t len, gisa_span *spans,
                            size_t cap);
gisa_status gisa_analyze(const gisa_document *doc, const gisa_analyze_options *opts,
                         gisa_analysis **out, gisa_error *err);
gisa_status gisa_analyze_text(const char *title, const char *date,
                              const char *text, size_t len,
                              const gisa_analyze_options *opts,
                              gisa_analysis **out, gisa_error *err);
void gisa_analysis_free(gisa_analysis *analysis);
size_t gisa_summary(const gisa_analysis *analysis, size_t k, size_t *index);
gisa_status gisa_analysis_render(const gisa_analysis *analysis, gisa_format format,
                                 char **out, size_t *len, gisa_error *err);
gisa_status gisa_check(const gisa_document *derived,
                       const gisa_document *const *sources, size_t nsources,
                       gisa_check_report **out, gisa_error *err);
void gisa_check_free(gisa_check_report *report);
gisa_status gisa_check_render(const gisa_check_report *report, gisa_format format,
                              char **out, size_t *len, gisa_error *err);
void gisa_free(void *p);

typedef struct gisa_corpus gisa_corpus;
gisa_status gisa_corpus_open(const char *path, gisa_corpus **out, gisa_error *err);
void gisa_corpus_close(gisa_corpus *corpus);
typedef struct {
    size_t processed; size_t stored; size_t unchanged; size_t failed;
    size_t skipped; size_t duplicates; double seconds; size_t not_modified;
    size_t posts; size_t attachments; ...;
} gisa_ingest_stats;
typedef struct {
    unsigned threads;
    size_t max_input;
    const char *list;
    const char *user_agent;
    double delay;
    double timeout;
    int allow_private;
    int posts;
    int allow_unlicensed;
    const char *jsonl;
    void (*on_error)(void *ctx, const gisa_error *error);
    void *ctx;
    int attachments;
    int no_text_index;
    ...;
} gisa_ingest_options;
gisa_status gisa_ingest(gisa_corpus *corpus, const char *const *inputs,
                        size_t ninputs, const gisa_ingest_options *opts,
                        gisa_ingest_stats *stats, gisa_error *err);
extern "Python" void _gisa_on_error(void *ctx, const gisa_error *error);
"""

ffibuilder = cffi.FFI()
ffibuilder.cdef(CDEF)

_include = os.environ.get("GISA_INCLUDE_DIR", "")
_libdir = os.environ.get("GISA_LIB_DIR", "")
_rpath = os.environ.get("GISA_RPATH", "")
ffibuilder.set_source(
    "gisa._gisa",
    '#include "gisa.h"',
    libraries=["gisa"],
    include_dirs=[_include] if _include else [],
    library_dirs=[_libdir] if _libdir else [],
    runtime_library_dirs=[_rpath] if _rpath else [],
    extra_compile_args=["-std=gnu11"],
)

if __name__ == "__main__":
    ffibuilder.compile(verbose=True)
