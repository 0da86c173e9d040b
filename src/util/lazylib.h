/* lazylib.h - libraries loaded on first use instead of at start.
 *
 * Why: every gisa process used to load about sixty shared objects before
 * main (libcurl alone brings GnuTLS, OpenSSL, Kerberos, LDAP...; libzip
 * OpenSSL; libmicrohttpd GnuTLS; libgsf GIO), which was most of the CPU
 * of a short run such as reading a two-page PDF (`gisa --version`: 60
 * objects, 31 ms of task-clock). A library that only some commands need
 * is opened with dlopen by the first call that needs it, as poppler is
 * (src/extract/pdfapi.h); its headers still give the types, so every call
 * is checked by the compiler, and each entry of a table is checked against
 * the header's prototype (LAZYLIB_CHECK). These libraries are not linked:
 * a new call to one of them goes through its table (curlapi.h,
 * sqliteapi.h, extract/zipapi.h, gsfapi.h, cmarkapi.h, pdfapi.h,
 * extract/uchardetapi.h, yamlapi.h, serve/mhdapi.h), adding the function
 * to its list, or it will not link.
 *
 * The libraries even a PDF read used to load before main (libxml2, zlib,
 * PCRE2, utf8proc) are loaded the same way, so that the thirty poppler
 * brings are not looked up through them first; their many call sites keep
 * the libraries' own names, which their headers (xmlapi.h, zapi.h,
 * pcre2api.h, utf8procapi.h) turn into macros calling through the table.
 * Only libc, libm and json-c are linked (docs/benchmarks.md, issue #17).
 *
 * One library = one list of the functions gisa calls, as an X-macro
 * X(return type, name, (parameter types)), and three lines:
 *
 *     typedef struct { LAZYLIB_FIELDS(CURL_FUNCS) } curl_api;      (.h)
 *     LAZYLIB_DECLARE(curl_api, curl_api)                          (.h)
 *     LAZYLIB_DEFINE(curl_api, curl_api, CURL_FUNCS, GISA_CURL_SONAME,
 *                    "libcurl4", "fetching pages")                  (.c)
 *
 * (type, then the prefix of the two functions; the soname comes from the
 * build: CMakeLists.txt, gisa_soname), which give
 * `const curl_api *curl_api_get(const char **why)`: the table,
 * or NULL with *why naming the missing library (or function) and its
 * Debian package; and `curl_api_loaded()`, for calls made after an entry
 * point's successful curl_api_get. The table is filled once, under
 * pthread_once, and only read afterwards, so any thread may call through
 * it; the library stays loaded until exit (GLib's types, libcurl's global
 * state cannot be unloaded). Nothing else is global. */
#ifndef GISA_LAZYLIB_H
#define GISA_LAZYLIB_H

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

/* (static inline: both libgisa and the review desk, which sees only
 * libgisa's public API, load libraries this way) */

/* dlopen(soname) for `use`; NULL with the reason written into err. */
static inline void *lazylib_open(const char *soname, const char *package, const char *use,
                                 char *err, size_t errsize)
{
    /* RTLD_LAZY: each function is bound when first called, so opening
     * costs little more than mapping the files; RTLD_LOCAL: the library's
     * names stay out of the global scope. */
    void *lib = dlopen(soname, RTLD_LAZY | RTLD_LOCAL);
    if (!lib)
        snprintf(err, errsize, "%s needs %s (Debian: %s): %s", use, soname, package,
                 dlerror());
    return lib;
}

/* dlsym(name) in lib and what it depends on; NULL with the reason in err. */
static inline void *lazylib_sym(void *lib, const char *soname, const char *name, char *err,
                                size_t errsize)
{
    void *f = dlsym(lib, name);
    if (!f)
        snprintf(err, errsize, "%s has no %s (too old a version?)", soname, name);
    return f;
}

#define LAZYLIB_FIELD(ret, name, args) ret(*name) args;
#define LAZYLIB_FIELDS(FUNCS) FUNCS(LAZYLIB_FIELD)

/* (inside LAZYLIB_DEFINE's loader: t, lib, soname_, text, size are its own) */
#define LAZYLIB_SYM(ret, name, args)                                               \
    if (!(*(void **)&t->name = lazylib_sym(lib, soname_, #name, text, size)))     \
        return;

/* Each entry must match the library's own header, or the build fails. */
#define LAZYLIB_CHECK(ret, name, args)                                             \
    _Static_assert(__builtin_types_compatible_p(__typeof__(&name), ret(*) args),   \
                   #name " in the list differs from its header");

#define LAZYLIB_DEFINE(type, prefix, FUNCS, soname, package, use)                    \
    FUNCS(LAZYLIB_CHECK)                                                           \
    static type prefix##_table;                                                    \
    static const char *prefix##_error;                                             \
    static char prefix##_text[256];                                                \
    static pthread_once_t prefix##_once = PTHREAD_ONCE_INIT;                       \
    static void prefix##_fill(type *t, char *text, size_t size)                    \
    {                                                                              \
        const char *soname_ = (soname);                                            \
        void *lib = lazylib_open(soname_, (package), (use), text, size);           \
        if (!lib)                                                                  \
            return;                                                                \
        FUNCS(LAZYLIB_SYM)                                                         \
    }                                                                              \
    static void prefix##_load(void)                                                \
    {                                                                              \
        prefix##_fill(&prefix##_table, prefix##_text, sizeof prefix##_text);       \
        if (prefix##_text[0])                                                      \
            prefix##_error = prefix##_text;                                        \
    }                                                                              \
    const type *prefix##_get(const char **why)                                     \
    {                                                                              \
        pthread_once(&prefix##_once, prefix##_load);                               \
        if (why)                                                                   \
            *why = prefix##_error;                                                 \
        return prefix##_error ? NULL : &prefix##_table;                            \
    }                                                                              \
    const type *prefix##_loaded(void)                                              \
    {                                                                              \
        pthread_once(&prefix##_once, prefix##_load);                               \
        return &prefix##_table;                                                    \
    }

#define LAZYLIB_DECLARE(type, prefix)                                              \
    const type *prefix##_get(const char **why);                                    \
    const type *prefix##_loaded(void);

#endif
