/* test_analyze.c - sentence splitting, stems, ranking, keywords, entities
 * and agreements, on sentences written for these tests. */
#include <stdlib.h>

#include "check.h"
#include "gisa.h"
#include "util/buf.h"

/* Split `text` and join the sentences with " | ". */
static void split_join(const char *text, char *out, size_t cap)
{
    gisa_span sp[64];
    size_t n = gisa_split_sentences(text, strlen(text), sp, 64);
    out[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; i < n && i < 64; i++)
        used += (size_t)snprintf(out + used, cap - used, "%s%.*s", i ? " | " : "",
                                 (int)(sp[i].end - sp[i].start), text + sp[i].start);
}

static void check_split(const char *text, const char *want)
{
    char got[4096];
    split_join(text, got, sizeof got);
    CHECK_STR(got, want);
}

static void test_split(void)
{
    check_split("첫 문장이다. 둘째 문장이다.", "첫 문장이다. | 둘째 문장이다.");
    /* a quotation with its own sentence ends stays inside its sentence */
    check_split("그는 \"오늘은 비가 온다. 내일은 맑겠다\"라고 말했다. 다음 문장이다.",
                "그는 \"오늘은 비가 온다. 내일은 맑겠다\"라고 말했다. | 다음 문장이다.");
    check_split("위원장은 “준비는 끝났다. 이제 시작한다”며 웃었다.",
                "위원장은 “준비는 끝났다. 이제 시작한다”며 웃었다.");
    /* a quotation that is a sentence of its own */
    check_split("“모두 모였다.” 회의가 열렸다.", "“모두 모였다.” | 회의가 열렸다.");
    /* numbers, list markers, abbreviations */
    check_split("물가는 3.5% 올랐다. 임금은 그대로다.", "물가는 3.5% 올랐다. | 임금은 그대로다.");
    check_split("1. 첫째 항목을 본다.", "1. 첫째 항목을 본다.");
    check_split("회의는 2025. 4. 9.(수) 열린다. 장소는 미정이다.",
                "회의는 2025. 4. 9.(수) 열린다. | 장소는 미정이다.");
    check_split("Dr. Kim은 No. 7 선수를 만났다.", "Dr. Kim은 No. 7 선수를 만났다.");
    /* endings without punctuation */
    check_split("회의를 열었습니다 내일 다시 만납니다", "회의를 열었습니다 | 내일 다시 만납니다");
    check_split("오늘은 좀 늦었어요 미안해요", "오늘은 좀 늦었어요 | 미안해요");
    /* nouns that end like verbs do not end a sentence */
    check_split("바다 건너 그라나다 구단과 경기했다.", "바다 건너 그라나다 구단과 경기했다.");
    check_split("상호작용 연구를 응용 분야로 넓혔다.", "상호작용 연구를 응용 분야로 넓혔다.");
    /* a quoting verb after a question continues the sentence */
    check_split("이게 뭐지?? 하고 다시 찾아봤다.", "이게 뭐지?? 하고 다시 찾아봤다.");
    /* a stray quote does not swallow the paragraph */
    check_split("그는 \"끝났다. 다음 문장이다. 마지막이다.",
                "그는 \"끝났다. | 다음 문장이다. | 마지막이다.");
    /* laughter and footnote marks stay with their sentence */
    check_split("정말 맛있었다ㅋㅋ 또 가고 싶다.", "정말 맛있었다ㅋㅋ | 또 가고 싶다.");
    check_split("황제가 되었다.[2] 그 뒤 떠났다.", "황제가 되었다.[2] | 그 뒤 떠났다.");
    check_split("학자였다.[참고 3] 그는 떠났다.", "학자였다.[참고 3] | 그는 떠났다.");
    /* a short aside after an end stays with that sentence */
    check_split("우승자이기도 하다. (4회 우승) 또한 감독이 됐다.",
                "우승자이기도 하다. (4회 우승) | 또한 감독이 됐다.");
    check_split("“빛이 있으라.”(창세기 1:3) 그 말로 시작한다.",
                "“빛이 있으라.”(창세기 1:3) | 그 말로 시작한다.");
    /* dialogue: one quotation after another */
    check_split("그가 물었다... \"누구세요?\" \"저예요.\" 문이 열렸다.",
                "그가 물었다... | \"누구세요?\" | \"저예요.\" | 문이 열렸다.");
    /* an interjection trails off inside its sentence */
    check_split("아... 힘들었다. 네, 네... 알겠습니다.", "아... 힘들었다. | 네, 네... 알겠습니다.");
    /* a conditional word after a sentence end starts the next one */
    check_split("식품이다. 라면은 튀긴 면이다.", "식품이다. | 라면은 튀긴 면이다.");
    /* the English fallback */
    check_split("He said, \"It is done.\" Then he left. Mr. Lee stayed in the U.S. office.",
                "He said, \"It is done.\" | Then he left. | Mr. Lee stayed in the U.S. office.");
    check_split("", "");
    check_split("   ", "");
}

static void test_split_limits(void)
{
    const char *t = "가다. 나다. 다다. 라다.";
    gisa_span sp[2];
    CHECK_INT(gisa_split_sentences(t, strlen(t), sp, 2), 4); /* count beyond cap */
    CHECK_INT(gisa_split_sentences(t, strlen(t), NULL, 0), 4);
    /* deep nesting and unbalanced brackets must neither crash nor recurse */
    size_t n = 20000;
    char *deep = malloc(2 * n + 16);
    CHECK(deep != NULL);
    if (!deep)
        return;
    for (size_t i = 0; i < n; i++)
        deep[i] = '(', deep[n + i] = ')';
    strcpy(deep + 2 * n, " 끝이다.");
    CHECK_INT(gisa_split_sentences(deep, strlen(deep), NULL, 0), 1);
    memset(deep, '"', 2 * n);
    CHECK(gisa_split_sentences(deep, strlen(deep), NULL, 0) >= 1);
    free(deep);
    /* invalid UTF-8 is stepped over */
    const char bad[] = "\xff\xfe 문장이다. \xc3 다음이다.";
    CHECK_INT(gisa_split_sentences(bad, strlen(bad), NULL, 0), 2);
}

static void check_stem(const char *word, const char *want)
{
    size_t n = gisa_stem(word, strlen(word));
    char got[256];
    snprintf(got, sizeof got, "%.*s", (int)n, word);
    CHECK_STR(got, want);
}

static void test_stem(void)
{
    check_stem("국방부는", "국방부");
    check_stem("장관이", "장관");
    check_stem("협력을", "협력");
    check_stem("정부가", "정부");
    check_stem("한국은", "한국");
    check_stem("나라를", "나라");
    check_stem("서울로", "서울");
    check_stem("학교로", "학교");
    check_stem("훈련으로", "훈련");
    check_stem("회담에서", "회담");
    check_stem("국방교류협력을", "국방교류협력");
    check_stem("강화했다", "강화");
    check_stem("9일에", "9일");
    check_stem("15년", "15년");
    check_stem("5개월여", "5개월여");
    check_stem("국가", "국가"); /* never below two syllables */
    check_stem("가", "가");
    check_stem("회담을\"", "회담"); /* trailing marks go, leading ones are the caller's */
}

static const char article[] =
    "2025년 3월 4일 김하늘 대한민국 외교부장관과 존 스미스 호주 외교장관은 서울에서 "
    "회담을 열었다. 두 장관은 지난해 11월 합의한 내용을 점검하고 해양 공동연구를 "
    "확대하기로 했다.\n"
    "\n"
    "양측은 해양협력 강화에 공감했다. 호주 정부는 연구선 2척과 300만 달러를 "
    "내놓기로 했으며, 한국 해양수산부는 연구자 40명을 보낸다.\n"
    "\n"
    "회담은 5개월여 만에 열렸다. 해양 공동연구는 이달 시작된다.\n";

static const gisa_entity *find_entity(const gisa_analysis *a, gisa_entity_kind kind,
                                      const char *text)
{
    for (size_t i = 0; i < a->nentities; i++)
        if (a->entities[i].kind == kind && !strcmp(a->entities[i].text, text))
            return &a->entities[i];
    return NULL;
}

static void test_analysis(void)
{
    gisa_analysis *a;
    gisa_error err;
    CHECK_INT(gisa_analyze_text("한국·호주 외교장관 해양협력 확대", "2025-03-04", article,
                                strlen(article), NULL, &a, &err),
              GISA_OK);
    CHECK_INT(a->nsentences, 6);
    CHECK_STR(a->lang, "ko");
    CHECK_INT(a->sentences[2].paragraph, 1);

    size_t idx[3];
    size_t k = gisa_summary(a, 3, idx);
    CHECK_INT(k, 3);
    CHECK(idx[0] < idx[1] && idx[1] < idx[2]);

    int has_compound = 0;
    for (size_t i = 0; i < a->nkeywords; i++)
        has_compound |= !strcmp(a->keywords[i].text, "공동연구");
    CHECK(has_compound);

    const gisa_entity *e = find_entity(a, GISA_ENTITY_PERSON, "김하늘");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->title, "외교부장관");
        CHECK_STR(e->country, "대한민국");
    }
    e = find_entity(a, GISA_ENTITY_PERSON, "존 스미스");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->title, "외교장관");
        CHECK_STR(e->country, "호주");
    }
    CHECK(find_entity(a, GISA_ENTITY_PLACE, "서울") != NULL);
    CHECK(find_entity(a, GISA_ENTITY_ORG, "해양수산부") != NULL);
    e = find_entity(a, GISA_ENTITY_DATE, "2025년 3월 4일");
    CHECK(e && e->value && !strcmp(e->value, "2025-03-04"));
    e = find_entity(a, GISA_ENTITY_DATE, "지난해 11월");
    CHECK(e && e->value && !strcmp(e->value, "2024-11"));
    /* a duration, not a date (issue #14): "5개월여 만에" is no month */
    CHECK(find_entity(a, GISA_ENTITY_DATE, "5개월여 만에") == NULL);
    e = find_entity(a, GISA_ENTITY_NUMBER, "5개월여");
    CHECK(e && e->unit && !strcmp(e->unit, "개월"));
    e = find_entity(a, GISA_ENTITY_DATE, "이달");
    CHECK(e && e->value && !strcmp(e->value, "2025-03"));
    e = find_entity(a, GISA_ENTITY_NUMBER, "300만 달러");
    CHECK(e && e->value && !strcmp(e->value, "3000000") && !strcmp(e->unit, "달러"));
    e = find_entity(a, GISA_ENTITY_NUMBER, "40명");
    CHECK(e && !strcmp(e->unit, "명"));

    CHECK_INT(a->nagreements, 3);
    if (a->nagreements == 3) {
        CHECK_STR(a->agreements[0].kind, "decision");
        CHECK_STR(a->agreements[0].who, "두 장관");
        CHECK_HAS(a->agreements[0].what, "해양 공동연구를 확대");
        CHECK_STR(a->agreements[1].kind, "consensus");
        CHECK_STR(a->agreements[1].who, "양측");
        CHECK_STR(a->agreements[1].what, "해양협력 강화에");
        CHECK_STR(a->agreements[2].who, "호주 정부");
        CHECK_STR(a->agreements[2].verb, "내놓기로 했으며");
    }

    char *json;
    size_t len;
    CHECK_INT(gisa_analysis_render(a, GISA_FORMAT_JSON, &json, &len, &err), GISA_OK);
    CHECK_HAS(json, "\"agreements\"");
    CHECK_HAS(json, "\"country\": \"호주\"");
    gisa_free(json);
    gisa_analysis_free(a);
}

static void test_passive_and_titles(void)
{
    const char *t = "이번 회의에서는 두 기관의 연구 교류를 늘리는 방안이 합의되었습니다. "
                    "사토 하루키 방위상은 도쿄에서 열린 행사에 참석했다.";
    gisa_analysis *a;
    gisa_error err;
    CHECK_INT(gisa_analyze_text(NULL, NULL, t, strlen(t), NULL, &a, &err), GISA_OK);
    CHECK_INT(a->nagreements, 1);
    if (a->nagreements == 1) {
        CHECK_STR(a->agreements[0].kind, "agreement");
        CHECK(a->agreements[0].who == NULL);
        CHECK_HAS(a->agreements[0].what, "방안이");
    }
    const gisa_entity *e = find_entity(a, GISA_ENTITY_PERSON, "사토 하루키");
    CHECK(e && e->title && !strcmp(e->title, "방위상"));
    CHECK(find_entity(a, GISA_ENTITY_PLACE, "도쿄") != NULL);
    gisa_analysis_free(a);
}

static void test_relative_days(void)
{
    const char *t = "회담은 3주 만에 열렸다. 협의는 10일 만에 끝났다. 결과는 9일 나온다.";
    gisa_analysis *a;
    gisa_error err;
    CHECK_INT(gisa_analyze_text(NULL, "2025-03-04", t, strlen(t), NULL, &a, &err), GISA_OK);
    /* "3주 만에", "10일 만에" say how long: durations, not dates */
    CHECK(find_entity(a, GISA_ENTITY_DATE, "3주 만에") == NULL);
    CHECK(find_entity(a, GISA_ENTITY_DATE, "10일 만에") == NULL);
    CHECK(find_entity(a, GISA_ENTITY_DATE, "10일") == NULL);
    const gisa_entity *e = find_entity(a, GISA_ENTITY_NUMBER, "3주");
    CHECK(e && e->unit && !strcmp(e->unit, "주"));
    e = find_entity(a, GISA_ENTITY_NUMBER, "10일");
    CHECK(e && e->unit && !strcmp(e->unit, "일"));
    e = find_entity(a, GISA_ENTITY_DATE, "9일");
    CHECK(e && e->value && !strcmp(e->value, "2025-03-09"));
    gisa_analysis_free(a);
}

static void test_empty_and_english(void)
{
    gisa_analysis *a;
    gisa_error err;
    CHECK_INT(gisa_analyze_text(NULL, NULL, "", 0, NULL, &a, &err), GISA_OK);
    CHECK_INT(a->nsentences, 0);
    gisa_analysis_free(a);
    const char *en = "The ministers met in Seoul. They agreed to expand joint research. "
                     "Mr. Smith welcomed the plan.";
    CHECK_INT(gisa_analyze_text("Ministers meet", "2025-03-04", en, strlen(en), NULL, &a, &err),
              GISA_OK);
    CHECK_INT(a->nsentences, 3);
    CHECK_STR(a->lang, "en");
    gisa_analysis_free(a);
}

/* The entity of kind `kind` whose text is `text`, or NULL. */
static const gisa_entity *entity(const gisa_analysis *a, gisa_entity_kind kind,
                                 const char *text)
{
    for (size_t i = 0; i < a->nentities; i++)
        if (a->entities[i].kind == kind && !strcmp(a->entities[i].text, text))
            return &a->entities[i];
    return NULL;
}

/* No silent caps: a fact after sentence 25,000, after 5,000 other
 * entities, after word 300 of one sentence and as the 20th agreement of
 * one sentence is found (there were caps at 20,000 sentences, 4,000
 * entities, 256 words and 16 predicates). */
static void test_no_caps(void)
{
    buf b = BUF_INIT;
    for (int i = 0; i < 25000; i++)
        buf_printf(&b, "관계자 %d명이 회의에 참석했다.\n\n", i);
    for (int i = 0; i < 300; i++)
        buf_puts(&b, "회의에서 ");
    buf_puts(&b, "홍길동 국방부 장관이 왔다.\n\n");
    for (int i = 0; i < 20; i++)
        buf_printf(&b, "양측은 %d번 사업을 추진하기로 합의했으며 ", i);
    buf_puts(&b, "회의를 마쳤다.\n\n마지막으로 임꺽정 외교부 장관이 말했다.\n");
    CHECK(!b.oom);
    gisa_analysis *a;
    gisa_error err;
    gisa_analyze_options facts = {0, 1};
    CHECK_INT(gisa_analyze_text(NULL, "2026-03-12", b.ptr, b.len, &facts, &a, &err), GISA_OK);
    CHECK_INT(a->nsentences, 25003);
    const gisa_entity *last = entity(a, GISA_ENTITY_PERSON, "임꺽정");
    CHECK(last != NULL);
    CHECK(last && last->sentence == 25002);
    CHECK(entity(a, GISA_ENTITY_PERSON, "홍길동") != NULL); /* word 301 */
    CHECK(entity(a, GISA_ENTITY_NUMBER, "24999명") != NULL); /* entity 25,000 */
    size_t in_long = 0;
    for (size_t i = 0; i < a->nagreements; i++)
        in_long += a->agreements[i].sentence == 25001;
    CHECK_INT(in_long, 20);
    gisa_analysis_free(a);
    buf_free(&b);
}

int main(void)
{
    test_no_caps();
    test_split();
    test_split_limits();
    test_stem();
    test_analysis();
    test_passive_and_titles();
    test_relative_days();
    test_empty_and_english();
    CHECK_DONE();
}
