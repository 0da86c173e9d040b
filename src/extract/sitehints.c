/* sitehints.c - where the article sits on a few Korean sites.
 *
 * Content selection is generic (html.c). On the sites below the page
 * chrome around a short article can outweigh it -- korea.kr prints the
 * release twice (HTML and a document viewer) above a satisfaction survey
 * and contact box; Naver News wraps the article in headline, reactions and
 * comment counters -- so the element that holds the article is named
 * here. A hint is only a first choice: html.c falls back to the generic
 * result when the named element is missing or nearly empty.
 *
 * Each entry: a host (matched as the whole host or a suffix after a dot)
 * and the id or class name of the article element. The korea.kr and Naver
 * entries are checked by the samples in examples/; the newspapers' names
 * follow their current article templates and are not covered by a test. */
#include <string.h>
#include <strings.h>

#include "html.h"

static const struct site_hint {
    const char *host;
    const char *marker;
} hints[] = {
    {"korea.kr", "article_body"},        /* 정책브리핑: press releases, news */
    {"news.naver.com", "dic_area"},      /* 네이버 뉴스 (n.news, m.news) */
    {"news.daum.net", "article_view"},   /* 다음 뉴스 (v.daum.net layout) */
    {"v.daum.net", "article_view"},
    {"yna.co.kr", "story-news"},         /* 연합뉴스 */
    {"chosun.com", "article-body"},      /* 조선일보 */
    {"joongang.co.kr", "article_body"},  /* 중앙일보 */
    {"donga.com", "article_txt"},        /* 동아일보 */
    {"hani.co.kr", "article-text"},      /* 한겨레 */
    {"khan.co.kr", "art_body"},          /* 경향신문 */
};

/* The host part of an absolute URL, as a pointer and length. */
static const char *url_host(const char *url, size_t *len)
{
    const char *p = strstr(url, "://");
    if (!p)
        return NULL;
    p += 3;
    size_t n = strcspn(p, "/:?#");
    const char *at = memchr(p, '@', n);
    if (at) { /* user info */
        n -= (size_t)(at + 1 - p);
        p = at + 1;
    }
    *len = n;
    return p;
}

static int host_matches(const char *host, size_t n, const char *want)
{
    size_t w = strlen(want);
    if (n < w || strncasecmp(host + n - w, want, w) != 0)
        return 0;
    return n == w || host[n - w - 1] == '.';
}

const char *site_hint_marker(const char *url)
{
    size_t n;
    const char *host = url ? url_host(url, &n) : NULL;
    if (!host)
        return NULL;
    for (size_t i = 0; i < sizeof hints / sizeof *hints; i++)
        if (host_matches(host, n, hints[i].host))
            return hints[i].marker;
    return NULL;
}
