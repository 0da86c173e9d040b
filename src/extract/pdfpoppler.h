/* pdfpoppler.h - poppler-glib, loaded when the first PDF is read.
 *
 * Linking poppler-glib pulls some thirty libraries into every process
 * (cairo, X11, NSS, libtiff, ...) and adds about 20 ms of CPU to each
 * start of gisa, PDF or not: a cost paid per page by anyone who runs gisa
 * once per file. So the PDF reader calls poppler through this table,
 * filled by dlopen() on first use; gisa without poppler installed still
 * reads every other format and names the missing package for PDFs.
 *
 * Include this instead of <poppler.h>: the names below then call through
 * the table, so the reader's code reads as plain poppler. Call
 * pdf_poppler() first; the macros assume it returned non-NULL. */
#ifndef GISA_PDFPOPPLER_H
#define GISA_PDFPOPPLER_H

#include <poppler.h>

typedef struct pdf_poppler_api {
    PopplerDocument *(*document_new_from_bytes)(GBytes *, const char *, GError **);
    int (*document_get_n_pages)(PopplerDocument *);
    PopplerPage *(*document_get_page)(PopplerDocument *, int);
    gchar *(*document_get_title)(PopplerDocument *);
    gchar *(*document_get_author)(PopplerDocument *);
    gchar *(*document_get_subject)(PopplerDocument *);
    GDateTime *(*document_get_creation_date_time)(PopplerDocument *);
    char *(*page_get_text)(PopplerPage *);
    gboolean (*page_get_text_layout)(PopplerPage *, PopplerRectangle **, guint *);
    void (*page_get_size)(PopplerPage *, double *, double *);
    GQuark (*error_quark)(void);
} pdf_poppler_api;

/* The table, loading poppler-glib on the first call (thread-safe); NULL
 * when it cannot be loaded, with the loader's reason in *why. */
const pdf_poppler_api *pdf_poppler(const char **why);

#define PDF_POPPLER_ (pdf_poppler(NULL))
#undef POPPLER_ERROR
#define POPPLER_ERROR (PDF_POPPLER_->error_quark())
#define poppler_document_new_from_bytes (PDF_POPPLER_->document_new_from_bytes)
#define poppler_document_get_n_pages (PDF_POPPLER_->document_get_n_pages)
#define poppler_document_get_page (PDF_POPPLER_->document_get_page)
#define poppler_document_get_title (PDF_POPPLER_->document_get_title)
#define poppler_document_get_author (PDF_POPPLER_->document_get_author)
#define poppler_document_get_subject (PDF_POPPLER_->document_get_subject)
#define poppler_document_get_creation_date_time (PDF_POPPLER_->document_get_creation_date_time)
#define poppler_page_get_text (PDF_POPPLER_->page_get_text)
#define poppler_page_get_text_layout (PDF_POPPLER_->page_get_text_layout)
#define poppler_page_get_size (PDF_POPPLER_->page_get_size)

#endif
