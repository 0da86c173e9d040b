/* tag_words.c - the word lists tags are chosen with (tags.c).
 *
 * Generic words name no topic of their own: a ministry's every release
 * speaks of 장관, 사업 and 지역. Particles are what may follow a noun in
 * the text while it stays a whole word (바다숲을, 국방부의). */
#include <stddef.h>

#include "tags.h"

const char *const tag_stop_words[] = {
    "장관", "기술", "사업", "지역", "정부", "관계자", "기자", "대책", "계획", "추진",
    "조성", "실시", "운영", "지원", "개최", "진행", "발표", "강화", "확대", "마련",
    "방안", "분야", "대상", "내용", "이상", "기관", "국가", "시장", "활동", "제도",
    "정책", "참여", "예정", "관리", "개선", "제공", "협력", "결과", "기간", "문제",
    "사진", "자료", "보도자료", "기사", "뉴스", "문의", "담당", "담당자", "전화",
    "news", "daily", "example", "photo", "copyright", "reporter",
    /* English words the keyword list lets through: no topic either */
    "no", "yes", "he", "she", "him", "her", "his", "hers", "us", "me", "my", "i", "it",
    "itself", "himself", "herself", "themselves", "them", "says", "said", "just", "like",
    "very", "then", "now", "even", "much", "many", "way", "ways", "thing", "things", NULL,
};

const char *const tag_particles[] = {
    "은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게", "께", "로", "으로",
    "와", "과", "도", "만", "까지", "부터", "께서", "이나", "나", "이란", "란", "이라는",
    "라는", "처럼", "보다", "에도", "에서도", "으로서", "로서", "으로써", "로써", "와의",
    "과의", "에서의", "에의", "으로의", "로의", "이며", "며", "이다", "였다", "이었다",
    "이고", "고", "이자", "과도", "와도", "에는", "에서는", "으로는", "로는", "들", "들이",
    "들은", "들을", "들의", "들과", "들에게", "마다", "이라며", "라며", "이라고", "라고",
    "만의", "뿐", NULL,
};
