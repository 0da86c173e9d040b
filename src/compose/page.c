/* page.c - a post as one standalone HTML page: no scripts, no external
 * assets, and a Content-Security-Policy that would block them anyway.
 * Typography for Korean: keep-all line breaking, generous line height. */
#include "../extract/render.h"
#include "compose.h"

static const char style[] =
    "body{margin:0;background:#fafafa;color:#222}"
    "article{max-width:42rem;margin:2rem auto;padding:0 1.25rem;"
    "font-family:'Noto Sans KR','Apple SD Gothic Neo','Malgun Gothic',sans-serif;"
    "font-size:1.0625rem;line-height:1.8;word-break:keep-all;overflow-wrap:anywhere}"
    "h1{font-size:1.75rem;line-height:1.4;margin:0 0 .5rem}"
    "h2,h3,h4{line-height:1.5;margin:2rem 0 .75rem}"
    ".meta{color:#666;font-size:.9rem;margin:0 0 2rem}"
    "table{border-collapse:collapse;width:100%;margin:1rem 0}"
    "th,td{border:1px solid #ddd;padding:.4rem .6rem;text-align:left;vertical-align:top;"
    "overflow-wrap:break-word}"
    "th{background:#f0f0f0}img{max-width:100%;height:auto}"
    "figure{margin:1.5rem 0}figcaption{color:#666;font-size:.9rem}"
    "blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #ccc;color:#444}"
    ".attribution{margin-top:3rem;padding-top:1rem;border-top:1px solid #ddd;"
    "color:#555;font-size:.9rem}";

void render_post_html(const post_model *m, buf *out)
{
    buf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
               m->korean ? "ko" : "en");
    buf_puts(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "img-src https: http:; style-src 'unsafe-inline'\">\n<title>");
    html_escape(out, m->title);
    buf_puts(out, "</title>\n");
    if (m->excerpt) {
        buf_puts(out, "<meta name=\"description\" content=\"");
        html_escape(out, m->excerpt);
        buf_puts(out, "\">\n");
    }
    buf_printf(out, "<style>%s</style>\n</head>\n<body>\n<article>\n<header><h1>", style);
    html_escape(out, m->title);
    buf_printf(out, "</h1><p class=\"meta\"><time datetime=\"%s\">%s</time>", m->date, m->date);
    if (m->org) {
        buf_puts(out, " · ");
        html_escape(out, m->org);
    }
    buf_puts(out, "</p></header>\n");
    render_post_fragment(m, out);
    buf_puts(out, "</article>\n</body>\n</html>\n");
}

void render_post_fragment(const post_model *m, buf *out)
{
    if (m->opt.style == GISA_STYLE_TISTORY)
        body_tistory(m, out);
    else
        body_html(m, out);
    attribution_html(m, out);
}

void render_post_markdown(const post_model *m, buf *out)
{
    buf_puts(out, "# ");
    render_markdown_text(out, m->title);
    buf_puts(out, "\n\n");
    body_markdown(m, out);
    attribution_markdown(m, out);
}
