/* closing.c - the end of a post as an editor publishes a release: whom to
 * ask ("문의: 해양공간정책과 (044-…)") and the release's files as links.
 *
 * Both come from the page (its contact block, its "담당 부서" line, its
 * download links), which extraction keeps out of the article's text; the
 * post gives them back in one place, after the article, before the
 * credit. A quotation of a page that reserves its rights gets none: it
 * is a few sentences, not the release. */
#include <string.h>

#include "../extract/render.h"
#include "compose.h"

/* Attachments a reader can follow: absolute http(s) links only. */
static size_t linkable(const post_model *m)
{
    size_t n = 0;
    for (size_t i = 0; i < m->doc->nattachments; i++)
        n += safe_url(m->doc->attachments[i].url);
    return n;
}

/* "해양공간정책과(044-…)", or the department, then the people. */
static void contact_text(const post_model *m, buf *out)
{
    const gisa_document *d = m->doc;
    if (d->department && (!d->contact || !strstr(d->contact, d->department))) {
        buf_puts(out, d->department);
        if (d->contact)
            buf_puts(out, ", ");
    }
    if (d->contact)
        buf_puts(out, d->contact);
}

static const char *attachment_name(const gisa_attachment *a)
{
    return a->name && *a->name ? a->name : a->url;
}

static int has_closing(const post_model *m)
{
    return !m->quoted && (m->doc->contact || m->doc->department || linkable(m));
}

void closing_markdown(const post_model *m, buf *out)
{
    if (!has_closing(m))
        return;
    buf who = BUF_INIT;
    contact_text(m, &who);
    if (who.len) {
        buf_puts(out, m->korean ? "\n**문의**: " : "\n**Contact**: ");
        render_markdown_text(out, who.ptr);
        buf_putc(out, '\n');
    }
    buf_free(&who);
    if (!linkable(m))
        return;
    buf_puts(out, m->korean ? "\n**첨부 파일**\n\n" : "\n**Attachments**\n\n");
    for (size_t i = 0; i < m->doc->nattachments; i++) {
        const gisa_attachment *a = &m->doc->attachments[i];
        if (!safe_url(a->url))
            continue;
        buf_puts(out, "- [");
        render_markdown_text(out, attachment_name(a));
        buf_puts(out, "](");
        render_markdown_url(out, a->url);
        buf_puts(out, ")\n");
    }
}

void closing_html(const post_model *m, int tistory, buf *out)
{
    if (!has_closing(m))
        return;
    const char *p = tistory ? "<p data-ke-size=\"size16\">" : "<p>";
    buf who = BUF_INIT;
    contact_text(m, &who);
    if (who.len) {
        buf_puts(out, p);
        buf_puts(out, m->korean ? "<strong>문의</strong>: " : "<strong>Contact</strong>: ");
        html_escape(out, who.ptr);
        buf_puts(out, "</p>\n");
    }
    buf_free(&who);
    if (!linkable(m))
        return;
    buf_puts(out, p);
    buf_puts(out, m->korean ? "<strong>첨부 파일</strong></p>\n<ul>\n"
                            : "<strong>Attachments</strong></p>\n<ul>\n");
    for (size_t i = 0; i < m->doc->nattachments; i++) {
        const gisa_attachment *a = &m->doc->attachments[i];
        if (!safe_url(a->url))
            continue;
        buf_puts(out, "<li><a href=\"");
        html_escape(out, a->url);
        buf_puts(out, "\">");
        html_escape(out, attachment_name(a));
        buf_puts(out, "</a></li>\n");
    }
    buf_puts(out, "</ul>\n");
}
