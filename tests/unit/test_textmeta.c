/* test_textmeta.c - Korean dates, issuing ministries and licences found in
 * visible text. */
#include "check.h"
#include "extract/extract.h"

static void check_date(const char *s, const char *want)
{
    char out[11] = "";
    int found = find_visible_date(s, strlen(s), out);
    if (!want) {
        if (found) {
            fprintf(stderr, "date in \"%s\": found %s, want none\n", s, out);
            check_failures++;
        }
        return;
    }
    CHECK(found);
    if (strcmp(out, want) != 0) {
        fprintf(stderr, "date in \"%s\": got %s, want %s\n", s, found ? out : "none", want);
        check_failures++;
    }
}

static void test_dates(void)
{
    check_date("2026년 3월 12일(목) 밝혔다", "2026-03-12");
    check_date("2026년3월2일", "2026-03-02");
    check_date("배포 2026.03.12. 11:00", "2026-03-12");
    check_date("2026. 3. 12.(목) 배포", "2026-03-12");
    check_date("입력 2026.02.03. 오전 10:15", "2026-02-03");
    check_date("수정 2026-02-27 09:12", "2026-02-27");
    check_date("2026/1/5 발표", "2026-01-05");
    check_date("March 12, 2026", "2026-03-12");
    check_date("12 March 2026", "2026-03-12");
    /* Not dates: invalid month or day, phone numbers, versions. */
    check_date("2026년 13월 1일", NULL);
    check_date("2026.02.30.", NULL);
    check_date("문의 044-200-0000", NULL);
    check_date("버전 1.2.3", NULL);
    check_date("", NULL);
}

static void check_org(const char *s, const char *want)
{
    arena a;
    arena_init(&a);
    const char *got = find_issuing_org(&a, s, strlen(s));
    CHECK_STR(got, want);
    arena_free(&a);
}

static void test_orgs(void)
{
    check_org("“이 자료는 해양수산부의 보도자료를 전재하여 제공함을 알려드립니다.”", "해양수산부");
    check_org("이 자료는 과학기술정보통신부의 보도자료를 전재하여 제공함을 알려드립니다.",
              "과학기술정보통신부");
    check_org("이 자료는 국가유산청에서 보도자료를 전재하여", "국가유산청");
    check_org("이자료는  국방부의 보도자료를 전재하여", "국방부");
    check_org("이 기사는 해양수산부의 자료를 바탕으로 작성했다.", NULL);
    check_org("국방부의 저작물은 공공누리 제1유형 출처표시 조건에 따라 이용할 수 있습니다.", "국방부");
    check_org("과학기술정보통신부의 저작물은 공공누리 제1유형", "과학기술정보통신부");
    check_org("본 저작물은 공공누리 제3유형(출처표시+변경금지) 조건에 따라", NULL);
    check_org("다른 사람의 저작물을 허락 없이 옮겨 저작권을 침해하는 게시물", NULL);
}

static void check_license(const char *s, const char *code)
{
    arena a;
    arena_init(&a);
    const char *got = NULL, *notice = NULL;
    int found = find_license(&a, s, strlen(s), &got, &notice);
    if (!code) {
        CHECK(!found);
    } else {
        CHECK(found);
        CHECK_STR(got, code);
        CHECK(notice != NULL && *notice);
    }
    arena_free(&a);
}

static void test_licenses(void)
{
    check_license("- 공공누리 제1유형 출처표시의 조건에 따라 자유이용이 가능합니다. (텍스트)",
                  "KOGL-1");
    check_license("공공누리 출처표시의 조건에 따라 자유이용이 가능합니다.", "KOGL-1");
    check_license("공공누리 제3유형: 출처표시+변경금지", "KOGL-3");
    check_license("공공누리 제4유형 출처표시+상업용금지+변경금지", "KOGL-4");
    check_license("Licence: https://creativecommons.org/licenses/by-sa/4.0/ (CC BY-SA)", "CC-BY-SA-4.0");
    check_license("저작권자 © 동해신문 무단 전재 및 재배포 금지", NULL);
    /* a link to the licences' index grants nothing; a deed after it does */
    check_license("We aspire to publish under a <a href=\"https://creativecommons.org/licenses/\">"
                  "Creative Commons license</a> but may not always.", NULL);
    check_license("<a href=\"https://creativecommons.org/licenses/?lang=ko\">CC</a>", NULL);
    check_license("see creativecommons.org/licenses/ and creativecommons.org/licenses/by-nc/2.0/kr/",
                  "CC-BY-NC-2.0");
    check_license("https://creativecommons.org/licenses/by/ (no version)", "CC-BY");
}

/* The notice, when s reserves every right; NULL when it does not. */
static void check_reserved(const char *s, const char *notice)
{
    arena a;
    arena_init(&a);
    const char *code = NULL, *got = NULL;
    int found = find_reserved_notice(&a, s, strlen(s), &code, &got);
    if (!notice) {
        CHECK(!found);
    } else {
        CHECK(found);
        CHECK_STR(code, GISA_LICENSE_RESERVED);
        CHECK_STR(got, notice);
    }
    arena_free(&a);
}

static void test_reserved(void)
{
    check_reserved("저작권자 © 동해신문 무단 전재 및 재배포 금지",
                   "저작권자 © 동해신문 무단 전재 및 재배포 금지");
    check_reserved("저작권자ⓒ 서해일보", "저작권자ⓒ 서해일보");
    check_reserved("Copyright ⓒ 한빛일보. All rights reserved.", "Copyright ⓒ 한빛일보. All rights reserved.");
    check_reserved("COPYRIGHT(C) 2026 CITY. ALL RIGHTS RESERVED.", "COPYRIGHT(C) 2026 CITY. ALL RIGHTS RESERVED.");
    check_reserved("menu\n- <무단전재-재배포 금지>\nfooter", "<무단전재-재배포 금지>");
    check_reserved("이 기사는 AI 학습 이용 금지", "이 기사는 AI 학습 이용 금지");
    /* not a notice: the words without the prohibition */
    check_reserved("정부는 AI 학습 데이터 구축을 지원한다.", NULL);
    check_reserved("저작권자의 허락을 받으셔야 합니다.", NULL);
    check_reserved("공공누리 제1유형 출처표시의 조건에 따라 자유이용이 가능합니다.", NULL);
    /* the English words are found past near misses in either case, up to
     * the text's last byte, and not past it */
    check_reserved("A all rights reserve. All Rights, all rights reserved", "A all rights reserve. All Rights, all rights reserved");
    check_reserved("aAaA aLL rIGHTS rESERVED", "aAaA aLL rIGHTS rESERVED");
    check_reserved("all rights reserve", NULL);
    check_reserved("Plain English text with no notice at all, and many a letter A.", NULL);
    check_reserved("", NULL);
}

int main(void)
{
    test_dates();
    test_orgs();
    test_licenses();
    test_reserved();
    CHECK_DONE();
}
