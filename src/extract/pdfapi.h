/* pdfapi.h - the poppler-glib functions the PDF reader calls, loaded on
 * the first PDF read (pdfapi.c).
 *
 * Why not linked: poppler-glib brings some thirty libraries (cairo, NSS,
 * lcms, GIO...) whose loading cost every gisa process about 26 ms of CPU
 * at start (41 -> 67 ms for `gisa --version`, 30 runs each), whatever it
 * reads; HTML pages, the bulk of the work, never need them. The headers
 * still give the types, so the calls are checked by the compiler. The
 * other libraries only some inputs need are loaded the same way
 * (util/lazylib.h). */
#ifndef GISA_PDFAPI_H
#define GISA_PDFAPI_H

#include <poppler.h>

#include "../util/lazylib.h"

#define PDF_API_FUNCS(X)                                                          \
    X(PopplerDocument *, poppler_document_new_from_bytes,                         \
      (GBytes *, const char *, GError **))                                        \
    X(gchar *, poppler_document_get_title, (PopplerDocument *))                   \
    X(gchar *, poppler_document_get_author, (PopplerDocument *))                  \
    X(gchar *, poppler_document_get_subject, (PopplerDocument *))                 \
    X(GDateTime *, poppler_document_get_creation_date_time, (PopplerDocument *))  \
    X(int, poppler_document_get_n_pages, (PopplerDocument *))                     \
    X(PopplerPage *, poppler_document_get_page, (PopplerDocument *, int))         \
    X(void, poppler_page_get_size, (PopplerPage *, double *, double *))           \
    X(char *, poppler_page_get_text, (PopplerPage *))                             \
    X(gboolean, poppler_page_get_text_layout,                                     \
      (PopplerPage *, PopplerRectangle **, guint *))                              \
    X(GQuark, poppler_error_quark, (void))                                        \
    X(GBytes *, g_bytes_new_static, (gconstpointer, gsize))                       \
    X(void, g_bytes_unref, (GBytes *))                                            \
    X(gchar *, g_date_time_format, (GDateTime *, const gchar *))                  \
    X(GDateTime *, g_date_time_to_timezone, (GDateTime *, GTimeZone *))           \
    X(void, g_date_time_unref, (GDateTime *))                                     \
    X(GTimeZone *, g_time_zone_new_offset, (gint32))                              \
    X(void, g_time_zone_unref, (GTimeZone *))                                     \
    X(void, g_error_free, (GError *))                                             \
    X(void, g_free, (gpointer))                                                   \
    X(void, g_object_unref, (gpointer))

typedef struct pdf_api {
    LAZYLIB_FIELDS(PDF_API_FUNCS)
} pdf_api;

/* pdf_api_get: the functions, or NULL with *why saying what is missing.
 * Loaded once per process (util/lazylib.h). */
LAZYLIB_DECLARE(pdf_api, pdf_api)

#endif
