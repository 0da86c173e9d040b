/* synonyms.c - words a faithful rewrite may use for the source's, as data.
 *
 * The content check (content.c) flags a clause whose content words no
 * source states. An honest paraphrase uses other words for the same
 * thing: a visit is 방문 in the rewrite and 방한 in the release, a meeting
 * held is 개최 or "회담을 가졌다". Each line gives a word as a rewrite
 * writes it (a stem, normalised: no spaces) and the words a source may
 * state it by; a source stating any of them supports it. The table only
 * widens what counts as stated; it never makes anything contradicted. */
#include <string.h>

#include "check.h"

#define ALT(...) (const char *const[]){__VA_ARGS__, NULL}

static const struct {
    const char *word;
    const char *const *alts;
} table[] = {
    {"방문", ALT("방한", "방일", "방미", "방중", "찾", "다녀")},
    {"회담", ALT("회의", "만남", "만나", "회동", "협의")},
    {"만남", ALT("회담", "만나", "회동")},
    {"회의", ALT("회담", "협의")},
    {"개최", ALT("열", "가졌", "가지", "개최")},
    {"환영", ALT("반기", "반겼", "환영")},
    {"국방장관", ALT("국방부장관", "장관")},
    {"협력", ALT("공조", "협조", "협의")},
    {"예산", ALT("사업비", "투입", "재원")},
    {"사업비", ALT("예산", "투입")},
    {"투자", ALT("투입")},
    {"계획", ALT("예정", "방침", "추진")},
    {"합의", ALT("의견을같이", "뜻을모", "하기로", "기로했")},
    {"발표", ALT("밝혔", "밝히", "공개")},
    {"확대", ALT("늘리", "늘려", "늘어", "늘")},
    {"증가", ALT("늘", "증대")},
    {"감소", ALT("줄")},
    {"설명", ALT("말했", "밝혔")},
    {"강조", ALT("말했", "밝혔")},
    {"한국", ALT("대한민국", "우리나라", "한일", "한미", "한")},
    {"일본", ALT("일")},
    {"두나라", ALT("양국")},
    {"국민", ALT("응답자")},
    {"늘어난", ALT("증가", "늘", "확대")},
    {"줄어든", ALT("감소", "줄", "축소")},
    {"높아진", ALT("상승", "높아", "올랐", "오른")},
    {"낮아진", ALT("하락", "낮아", "내린", "내렸")},
    {"지원책", ALT("지원", "대책", "방안")},
    {"대책", ALT("방안", "지원", "계획")},
    {"해수부", ALT("해양수산부")},
    {"국토부", ALT("국토교통부")},
    {"과기정통부", ALT("과학기술정보통신부")},
    {"고용부", ALT("고용노동부")},
    {"노동부", ALT("고용노동부")},
    {"복지부", ALT("보건복지부")},
    {"산업부", ALT("산업통상자원부")},
    {"행안부", ALT("행정안전부")},
    {"나라", ALT("국가", "개국", "양국")},
    {"교류", ALT("교환", "협력", "방문")},
    {"오름폭", ALT("상승폭", "상승 폭")},
};

const char *const *synonyms_of(const char *word)
{
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (!strcmp(table[i].word, word))
            return table[i].alts;
    return NULL;
}
