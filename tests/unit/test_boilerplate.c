/* test_boilerplate.c - the furniture of releases and news stories leaves
 * the article (src/extract/boilerplate.c), whatever reader made it. */
#include "check.h"
#include "util.h"

/* Does any block of d hold `needle`? */
static int holds(const gisa_document *d, const char *needle)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        const gisa_block *b = &d->blocks[i];
        if (b->text && strstr(b->text, needle))
            return 1;
        for (size_t k = 0; k < b->nitems; k++)
            if (strstr(b->items[k], needle))
                return 1;
    }
    return 0;
}

static const char release[] =
    "<html lang=\"ko\"><head><meta charset=\"utf-8\"><title>바다숲 조성</title></head><body>"
    "<div class=\"view_cont\">"
    "<p>작성일 : 2026.03.12 10:31</p>"
    "<p>□ 해양수산부는 올해 바다숲 54곳을 새로 조성한다고 2026년 3월 12일 밝혔다.</p>"
    "<p>○ 바다숲은 해조류가 숲을 이루는 연안 해역으로, 수산생물의 산란장 역할을 한다.</p>"
    "<p>- 조성 해역은 동해와 제주 연안에 집중된다.</p>"
    "<p>해양수산부 관계자는 “조성부터 관리까지 꼼꼼히 챙기겠다”고 말했다. 끝.</p>"
    "<p>&lt;끝&gt;</p><p>///</p>"
    "<p>붙임 2026년 바다숲 조성 해역 위치도 1부.</p>"
    "<p>문의 : 해양생태과 (044-200-0000)</p>"
    "<p>관련기사: 갯녹음 피해 해역 20% 줄었다</p>"
    "<p>정하늘 기자 sky@hanbit.example</p>"
    "<p>해양수산부의 저작물은 공공누리 제1유형 출처표시 조건에 따라 이용할 수 있습니다.</p>"
    "<p>Copyright ⓒ 한빛일보. All rights reserved. 무단 전재 및 재배포 금지.</p>"
    "</div></body></html>";

static void test_release_furniture(void)
{
    gisa_error err;
    gisa_document *d = extract_str("release.html", release, strlen(release),
                                   GISA_INPUT_AUTO, &err);
    CHECK(d != NULL);
    if (!d)
        return;
    static const char *const gone[] = {"<끝>", "///", "붙임", "문의", "관련기사", "sky@",
                                       "공공누리", "무단 전재", "작성일"};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
        if (holds(d, gone[i])) {
            fprintf(stderr, "  still in the article: %s\n", gone[i]);
            CHECK(0);
        }
    /* the words stay: the marker that closes a paragraph goes alone, and
     * the outline markers are the post's to render */
    CHECK(holds(d, "꼼꼼히 챙기겠다”고 말했다."));
    CHECK(!holds(d, "말했다. 끝."));
    CHECK(holds(d, "○ 바다숲은"));
    CHECK(holds(d, "- 조성 해역은"));
    CHECK_STR(d->contact, "해양생태과 (044-200-0000)");
    gisa_document_free(d);
}

/* A paragraph of news that speaks of what a notice forbids, or starts
 * with a notice's word, stays. */
static const char news[] =
    "<html lang=\"ko\"><head><meta charset=\"utf-8\"><title>저작권</title></head><body><article>"
    "<p>문화체육관광부는 무단 전재를 막기 위해 저작권 보호 기간을 늘리기로 했다고 밝혔다.</p>"
    "<p>문의가 빗발치자 정부는 상담 창구를 늘렸다.</p>"
    "<p>끝까지 남은 과제는 AI 학습 데이터의 출처 표시다.</p>"
    "</article></body></html>";

static void test_news_kept(void)
{
    gisa_error err;
    gisa_document *d = extract_str("news.html", news, strlen(news), GISA_INPUT_AUTO, &err);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(holds(d, "무단 전재를 막기 위해"));
    CHECK(holds(d, "문의가 빗발치자"));
    CHECK(holds(d, "끝까지 남은 과제는"));
    CHECK(d->contact == NULL);
    gisa_document_free(d);
}

/* A text dump's release ends the same way. */
static const char dump[] =
    "홈 > 브리핑룸 > 보도자료\n"
    "폭염 때 야외 작업 2시간마다 20분 휴식 의무화\n"
    "2026.06.30. 고용노동부\n"
    "□ 고용노동부는 7월 1일부터 체감온도가 33도를 넘는 날 옥외 작업자에게 휴식을 주도록 "
    "사업주에게 의무화한다고 6월 30일 밝혔다.\n"
    "□ 고용노동부는 7월과 8월 건설 현장과 물류센터 2,000곳을 집중 점검할 계획이다.\n"
    "□ 산업안전보건본부장은 “폭염은 재난이며 쉬는 것이 곧 안전”이라고 말했다.\n"
    "<끝>\n"
    "붙임 1. 폭염 대비 작업자 건강보호 가이드 1부.\n"
    "이 자료는 고용노동부의 보도자료를 전재하여 제공함을 알려드립니다.\n";

static void test_dump_furniture(void)
{
    gisa_error err;
    gisa_document *d = extract_str("dump.txt", dump, strlen(dump), GISA_INPUT_AUTO, &err);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(!holds(d, "<끝>"));
    CHECK(!holds(d, "붙임"));
    CHECK(holds(d, "쉬는 것이 곧 안전"));
    gisa_document_free(d);
}

int main(void)
{
    test_release_furniture();
    test_news_kept();
    test_dump_furniture();
    CHECK_DONE();
}
