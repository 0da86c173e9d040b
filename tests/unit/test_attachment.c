/* test_attachment.c - a release's page and its attachment: which links are
 * documents gisa reads, when a page is only a summary of one (conservative:
 * contained, much shorter, short fragments and pointers at the files aside),
 * and the credit that gives the document the page's URL, title and licence. */
#include <stdlib.h>

#include "check.h"
#include "gisa.h"

static const char *const RELEASE[] = {
    "환경부는 도시 하천 20곳의 물길을 자연에 가깝게 되살리는 생태 복원 사업을 올해부터 추진한다고 밝혔다.",
    "이번 사업은 복개 구조물을 걷어 내고 굽은 물길과 여울을 다시 만드는 방식으로 진행된다.",
    "대상 하천은 지방자치단체 공모에 신청한 43곳 가운데 수질 개선 효과를 평가해 골랐다.",
    "환경부는 복원이 끝난 구간의 수질이 평균 두 등급 좋아질 것으로 내다봤다.",
    "복원 구간에는 산책로와 징검다리, 관찰 데크를 함께 만들어 시민 쉼터로 꾸민다.",
    "공사 기간에는 하천 주변 소음과 흙탕물을 매달 점검할 계획이다.",
};

/* An HTML page: a title, `n` paragraphs, optional licence and file link. */
static gisa_document *page_of(const char *const *paras, size_t n, const char *extra,
                              int keep_empty)
{
    char html[8192];
    size_t len = (size_t)snprintf(html, sizeof html,
                                  "<html><head><meta charset=utf-8><title>하천 복원</title>"
                                  "<link rel=canonical href=\"https://www.korea.kr/r?id=1\">"
                                  "</head><body><article><h1>도시 하천 20곳 물길 되살린다</h1>");
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(html + len, sizeof html - len, "<p>%s</p>", paras[i]);
    snprintf(html + len, sizeof html - len, "</article>%s</body></html>", extra ? extra : "");
    gisa_source src = {"page.html", (const unsigned char *)html, strlen(html), NULL, NULL, NULL,
                       NULL};
    gisa_extract_options eo = {.kind = GISA_INPUT_HTML, .keep_empty = keep_empty};
    gisa_document *d = NULL;
    gisa_error err;
    if (gisa_extract(&src, &eo, &d, &err) != GISA_OK)
        fprintf(stderr, "extract: %s\n", err.message);
    return d;
}

static void test_readable(void)
{
    gisa_attachment a = {"https://x.kr/download.do?fileId=1", "0407(보도자료) 하천.hwpx"};
    CHECK(gisa_attachment_readable(&a));
    gisa_attachment b = {"https://x.kr/files/RELEASE.HWP?v=2", ""};
    CHECK(gisa_attachment_readable(&b));
    gisa_attachment c = {"https://x.kr/files/a.pdf#page=2", NULL};
    CHECK(gisa_attachment_readable(&c));
    gisa_attachment d = {"https://x.kr/download.do?fileId=2", "사진 모음.zip"};
    CHECK(!gisa_attachment_readable(&d));
    gisa_attachment e = {"https://x.kr/download.do?fileId=3", "보도자료"};
    CHECK(!gisa_attachment_readable(&e));
    CHECK(!gisa_attachment_readable(NULL));
}

/* A document's format by its bytes, whatever its name (the desk's
 * uploads): HWP 5 is an OLE2 file with its FileHeader, HWPX a zip whose
 * mimetype says so, PDF "%PDF-"; a page, another zip or nothing is none. */
static void test_document_kind(void)
{
    static const unsigned char pdf[] = "%PDF-1.7\n";
    static const unsigned char page[] = "<!doctype html><p>%PDF-</p>";
    static const unsigned char zip[] = "PK\003\004 not a zip";
    CHECK_INT(gisa_document_kind(pdf, sizeof pdf - 1), GISA_INPUT_PDF);
    CHECK_INT(gisa_document_kind(page, sizeof page - 1), GISA_INPUT_AUTO);
    CHECK_INT(gisa_document_kind(zip, sizeof zip - 1), GISA_INPUT_AUTO);
    CHECK_INT(gisa_document_kind(pdf, 3), GISA_INPUT_AUTO);
    CHECK_INT(gisa_document_kind(NULL, 0), GISA_INPUT_AUTO);
}

static void test_summary(void)
{
    gisa_document *doc = page_of(RELEASE, 6, NULL, 0);
    CHECK(doc != NULL);
    /* two of its sentences, and one that sends the reader to the files */
    const char *summary[] = {RELEASE[0], RELEASE[1], "자세한 내용은 첨부파일을 참고하시기 바랍니다."};
    gisa_document *page = page_of(summary, 3, NULL, 0);
    CHECK(page && doc && gisa_page_is_summary(page, doc));
    gisa_document_free(page);
    /* the same sentences spaced and punctuated otherwise */
    const char *spaced[] = {"환경부는 도시하천 20곳의 물길을 자연에 가깝게 되살리는 생태복원 사업을 "
                            "올해부터 추진한다고 밝혔다!"};
    page = page_of(spaced, 1, NULL, 0);
    CHECK(page && doc && gisa_page_is_summary(page, doc));
    gisa_document_free(page);
    /* a summary in words of its own: kept (conservative) */
    const char *reworded[] = {RELEASE[0], "올해 예산은 1,240억 원으로 정해졌다고 환경부가 설명했다."};
    page = page_of(reworded, 2, NULL, 0);
    CHECK(page && doc && !gisa_page_is_summary(page, doc));
    gisa_document_free(page);
    /* the whole release is no summary: not at most half */
    page = page_of(RELEASE, 6, NULL, 0);
    CHECK(page && doc && !gisa_page_is_summary(page, doc));
    CHECK(page && doc && gisa_document_chars(page) == gisa_document_chars(doc));
    gisa_document_free(page);
    /* a page with its headline alone: a fragment, compared with nothing */
    page = page_of(NULL, 0, NULL, 1);
    CHECK(page && page->nblocks == 1 && doc && gisa_page_is_summary(page, doc));
    gisa_document_free(page);
    /* a page with no body text at all (kept with keep_empty) */
    static const char empty[] = "<html><head><meta charset=utf-8><title>하천 복원</title>"
                                "</head><body><nav><a href=/>홈</a></nav></body></html>";
    gisa_source src = {"empty.html", (const unsigned char *)empty, sizeof empty - 1, NULL,
                       NULL, NULL, NULL};
    gisa_extract_options eo = {.kind = GISA_INPUT_HTML};
    gisa_error err;
    CHECK_INT(gisa_extract(&src, &eo, &page, &err), GISA_ERR_INPUT); /* refused as before */
    eo.keep_empty = 1;
    CHECK_INT(gisa_extract(&src, &eo, &page, &err), GISA_OK);
    CHECK(page && page->nblocks == 0 && doc && gisa_page_is_summary(page, doc));
    CHECK(page && gisa_document_chars(page) == 0);
    gisa_document_free(page);
    CHECK(!gisa_page_is_summary(NULL, doc));
    gisa_document_free(doc);
}

static void test_credit(void)
{
    gisa_document *doc = page_of(RELEASE, 6, NULL, 0);
    const char *summary[] = {RELEASE[0]};
    gisa_document *page =
        page_of(summary, 1,
                "<p>공공누리 제1유형 출처표시의 조건에 따라 자유이용이 가능합니다.</p>"
                "<a href=\"/files/r.hwpx\">0407(보도자료) 하천.hwpx</a>",
                0);
    CHECK(doc && page);
    if (!doc || !page)
        return;
    CHECK_STR(page->license, "KOGL-1");
    CHECK_INT(page->nattachments, 1);
    gisa_error err;
    CHECK_INT(gisa_document_credit(doc, page, &err), GISA_OK);
    gisa_document_free(page); /* the credit holds copies */
    CHECK_STR(doc->url, "https://www.korea.kr/r?id=1");
    CHECK_STR(doc->license, "KOGL-1");
    CHECK_HAS(doc->license_text, "공공누리 제1유형");
    CHECK_INT(doc->nattachments, 1);
    if (doc->nattachments)
        CHECK_STR(doc->attachments[0].url, "https://www.korea.kr/files/r.hwpx");
    CHECK(doc->nblocks == 7);
    if (doc->nblocks == 7)
        CHECK_HAS(doc->blocks[1].text, "생태 복원 사업");
    CHECK_INT(gisa_document_credit(doc, NULL, &err), GISA_ERR_USAGE);
    gisa_document_free(doc);
}

int main(void)
{
    test_readable();
    test_document_kind();
    test_summary();
    test_credit();
    CHECK_DONE();
}
