/* pdfapi.c - poppler-glib loaded on the first PDF read (see pdfapi.h for
 * why). The table is filled once under pthread_once; afterwards it is only
 * read, so documents may be read on many threads. The library stays loaded
 * (GLib's types cannot be unloaded). */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#include "pdfapi.h"

#ifndef GISA_POPPLER_SONAME
#define GISA_POPPLER_SONAME "libpoppler-glib.so.8"
#endif

static pdf_api api;
static const char *api_error;
static char api_error_text[256];
static pthread_once_t api_once = PTHREAD_ONCE_INIT;

static void load(void)
{
    void *lib = dlopen(GISA_POPPLER_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(api_error_text, sizeof api_error_text,
                 "reading PDF needs poppler-glib (%s; Debian: libpoppler-glib8)",
                 GISA_POPPLER_SONAME);
        api_error = api_error_text;
        return;
    }
    /* dlsym searches the library and what it depends on (GLib, GObject) */
#define PDF_API_LOAD(ret, name, args)                                             \
    if (!(*(void **)&api.name = dlsym(lib, #name))) {                            \
        snprintf(api_error_text, sizeof api_error_text,                           \
                 "%s has no %s (poppler-glib too old?)", GISA_POPPLER_SONAME, #name); \
        api_error = api_error_text;                                               \
        return;                                                                   \
    }
    PDF_API_FUNCS(PDF_API_LOAD)
#undef PDF_API_LOAD
}

const pdf_api *pdf_api_get(const char **why)
{
    pthread_once(&api_once, load);
    *why = api_error;
    return api_error ? NULL : &api;
}
