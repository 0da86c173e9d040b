/* pdf_floor.c - the least work any poppler-glib PDF reader must do, for
 * bench/pdf --floor: read the file, open it with poppler-glib, and for
 * every page ask for its text and its text layout (the two calls gisa's
 * reader makes), then write the text out. No lines, no paragraphs, no
 * rendering: what is left between this and pdftotext is poppler-glib's
 * own cost (GLib, GObject, cairo loaded with it), and what is left between
 * gisa and this is gisa's.
 *
 * usage: pdf_floor FILE.pdf   (the text on stdout; 1 on any failure) */
#include <poppler.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: pdf_floor FILE.pdf\n", stderr);
        return 2;
    }
    gchar *data = NULL;
    gsize len = 0;
    if (!g_file_get_contents(argv[1], &data, &len, NULL))
        return 1;
    GBytes *bytes = g_bytes_new_take(data, len);
    PopplerDocument *pd = poppler_document_new_from_bytes(bytes, NULL, NULL);
    g_bytes_unref(bytes);
    if (!pd)
        return 1;
    int n = poppler_document_get_n_pages(pd);
    for (int i = 0; i < n; i++) {
        PopplerPage *page = poppler_document_get_page(pd, i);
        if (!page)
            continue;
        char *text = poppler_page_get_text(page);
        PopplerRectangle *rects = NULL;
        guint nrects = 0;
        poppler_page_get_text_layout(page, &rects, &nrects);
        if (text)
            fputs(text, stdout);
        g_free(text);
        g_free(rects);
        g_object_unref(page);
    }
    g_object_unref(pd);
    return 0;
}
