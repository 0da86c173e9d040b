/* pdfapi.c - poppler-glib loaded on the first PDF read (see pdfapi.h for
 * why). RTLD_LAZY (util/lazylib.h): resolving every symbol of poppler,
 * cairo, NSS... at once was most of the loading (callgrind: 33 of 91
 * million instructions of a two-page read); lazily, a PDF read costs about
 * 14 ms less CPU. The functions gisa calls are all looked up at once, so a
 * missing one is still found here. The library stays loaded (GLib's types
 * cannot be unloaded). */
#include "pdfapi.h"

LAZYLIB_DEFINE(pdf_api, pdf_api, PDF_API_FUNCS, GISA_POPPLER_SONAME, "libpoppler-glib8",
               "reading PDF")
