/* pdfpoppler.c - loads poppler-glib on first use (see pdfpoppler.h). */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

#include "pdfpoppler.h"

/* Loaded once per process and never changed after: pthread_once makes
 * the one write happen before any reader sees the table. */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pdf_poppler_api api;
static const pdf_poppler_api *loaded;
static const char *failure = "poppler-glib was not looked for";

/* The versioned name first: the unversioned one exists only where the
 * -dev package is installed. */
static const char *const names[] = {"libpoppler-glib.so.8", "libpoppler-glib.so"};

static void *need(void *lib, const char *name, int *missing)
{
    void *f = dlsym(lib, name);
    if (!f)
        *missing = 1;
    return f;
}

static void load(void)
{
    void *lib = NULL;
    for (size_t i = 0; !lib && i < sizeof names / sizeof *names; i++)
        lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        failure = "poppler-glib is not installed (Debian package libpoppler-glib8)";
        return;
    }
    int missing = 0;
    /* dlsym returns void *; converting it to a function pointer is what
     * POSIX requires to work, through a union to keep -Wpedantic quiet. */
#define GET(field, sym)                                                                  \
    do {                                                                                 \
        union { void *p; __typeof__(api.field) f; } u_ = {need(lib, sym, &missing)};   \
        api.field = u_.f;                                                                \
    } while (0)
    GET(document_new_from_bytes, "poppler_document_new_from_bytes");
    GET(document_get_n_pages, "poppler_document_get_n_pages");
    GET(document_get_page, "poppler_document_get_page");
    GET(document_get_title, "poppler_document_get_title");
    GET(document_get_author, "poppler_document_get_author");
    GET(document_get_subject, "poppler_document_get_subject");
    GET(document_get_creation_date_time, "poppler_document_get_creation_date_time");
    GET(page_get_text, "poppler_page_get_text");
    GET(page_get_text_layout, "poppler_page_get_text_layout");
    GET(page_get_size, "poppler_page_get_size");
    GET(error_quark, "poppler_error_quark");
#undef GET
    if (missing) {
        failure = "the installed poppler-glib lacks a function gisa needs (too old)";
        return; /* the library stays loaded: unloading glib users is unsafe */
    }
    loaded = &api;
}

const pdf_poppler_api *pdf_poppler(const char **why)
{
    pthread_once(&once, load);
    if (!loaded && why)
        *why = failure;
    return loaded;
}
