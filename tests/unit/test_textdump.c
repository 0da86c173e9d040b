/* test_textdump.c - pages saved as plain text by a scraper. */
#include "check.h"
#include "util.h"

/* A small dump in the shape of a korea.kr page: menus, the release, the
 * body again, the remark, licence, news list and comment rules. */
static const char dump[] =
    "본문 바로가기\n"
    "뉴스 멀티미디어 브리핑룸 정책자료\n"
    "홈 > 브리핑룸 > 보도자료\n"
    "콘텐츠 영역\n"
    "□ 국가유산청은 2026년 4월 3일 전국 고택 120곳을 새로 개방한다고 밝혔습니다. 방문객은 사전 예약 없이도 관람할 수 있습니다.\n"
    "□ 개방 고택에서는 전통 혼례 재현과 다도 체험 등 다양한 행사가 주말마다 열릴 예정입니다.\n"
    "  ○ 행사 일정은 누리집에서 지역별로 확인할 수 있으며, 일부 행사는 선착순으로 운영됩니다.\n"
    "□ 국가유산청은 개방 고택의 안전 점검을 마쳤으며, 관람객 보험 가입도 지원한다고 덧붙였습니다. <끝>\n"
    "□ 개방 고택에서는 전통 혼례 재현과 다도 체험 등 다양한 행사가 주말마다 열릴 예정입니다.\n"
    "□ 국가유산청은 개방 고택의 안전 점검을 마쳤으며, 관람객 보험 가입도 지원한다고 덧붙였습니다. <끝>\n"
    "“이 자료는 국가유산청의 보도자료를 전재하여 제공함을 알려드립니다.”\n"
    "- 공공누리 제1유형 출처표시의 조건에 따라 자유이용이 가능합니다. (텍스트)\n"
    "인기 뉴스\n"
    "-\n"
    "봄철 산불 위기경보 발령…입산 시 화기 소지 금지\n"
    "-\n"
    "청년 월세 지원 신청 시작…소득 기준 완화\n"
    "정책브리핑 게시물 운영원칙에 따라 다음과 같은 게시물은 삭제 또는 계정이 차단 될 수 있습니다.\n"
    "- 1. 타인의 개인정보를 게재하는 경우\n"
    "- 2. 타인의 명예를 훼손시키는 경우\n";

static void test_release_dump(void)
{
    gisa_error err;
    gisa_document *d = extract_str("dump.txt", dump, strlen(dump), GISA_INPUT_AUTO, &err);
    CHECK(d != NULL);
    if (!d) {
        fprintf(stderr, "  %s\n", err.message);
        return;
    }
    CHECK_INT(d->input, GISA_INPUT_TEXT);
    CHECK_STR(d->date, "2026-04-03");
    CHECK_STR(d->publisher, "국가유산청");
    CHECK_STR(d->license, "KOGL-1");
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_INT(count_str(t, "전국 고택 120곳을 새로 개방한다고"), 1);
    CHECK_INT(count_str(t, "다도 체험 등 다양한 행사가"), 1);
    CHECK_INT(count_str(t, "행사 일정은 누리집에서"), 1);
    CHECK_INT(count_str(t, "관람객 보험 가입도"), 1);
    CHECK_LACKS(t, "<끝>");
    CHECK_LACKS(t, "바로가기");
    CHECK_LACKS(t, "브리핑룸");
    CHECK_LACKS(t, "산불");
    CHECK_LACKS(t, "월세");
    CHECK_LACKS(t, "운영원칙");
    CHECK_LACKS(t, "개인정보");
    CHECK_LACKS(t, "전재하여");
    CHECK_LACKS(t, "공공누리");
    free(t);
    gisa_document_free(d);
}

static void test_forced_text(void)
{
    /* Markup-looking input read as text when asked. */
    const char *s = "<p>태그처럼 보이지만 본문인 문장입니다. 이 줄은 그대로 남아야 합니다.</p>\n"
                    "둘째 줄도 본문입니다. 스크레이퍼가 저장한 글을 그대로 읽어야 합니다.\n"
                    "셋째 줄 역시 충분히 긴 문장으로, 메뉴가 아니라 기사 본문에 속합니다.\n";
    gisa_error err;
    gisa_document *d = extract_str("forced.txt", s, strlen(s), GISA_INPUT_TEXT, &err);
    CHECK(d != NULL);
    if (d) {
        CHECK_INT(d->input, GISA_INPUT_TEXT);
        char *t = render_str(d, GISA_FORMAT_TEXT);
        CHECK_HAS(t, "본문인 문장입니다");
        free(t);
    }
    gisa_document_free(d);
}

static void test_only_menu(void)
{
    /* Nothing but short menu lines: an error, not an empty article. */
    const char *s = "홈\n뉴스\n로그인\n";
    gisa_error err;
    gisa_document *d = extract_str("menu.txt", s, strlen(s), GISA_INPUT_TEXT, &err);
    if (d) {
        char *t = render_str(d, GISA_FORMAT_TEXT);
        CHECK_LACKS(t, "로그인");
        free(t);
    } else {
        CHECK_HAS(err.message, "menu.txt");
    }
    gisa_document_free(d);
}

int main(void)
{
    test_release_dump();
    test_forced_text();
    test_only_menu();
    CHECK_DONE();
}
