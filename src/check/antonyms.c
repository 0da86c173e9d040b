/* antonyms.c - predicates that say the opposite of each other, as data.
 *
 * Each line is one opposition: the words of its first side all say one
 * thing (a rise), those of its second side the other (a fall). A word is
 * a predicate stem as a rewrite writes it before its ending: the verbal
 * noun of "증가했다" (증가), or the native stem of "늘었다" (늘), and, for
 * native verbs whose stem changes shape, each shape ("줄어", "줄었"). A
 * derived predicate is contradicted when the source sentence it comes from
 * states the other side and not its own. */
#include <string.h>

#include "check.h"

typedef struct opposition {
    const char *const *up;   /* NULL-terminated */
    const char *const *down; /* NULL-terminated */
} opposition;

#define WORDS(...) (const char *const[]){__VA_ARGS__, NULL}

static const opposition oppositions[] = {
    {WORDS("증가", "늘고", "늘어", "늘었", "늘어나", "늘어난", "늘리", "늘려", "늘렸", "증대", "확대",
           "상승", "높아", "높아지", "높아졌", "올랐", "오르", "올라", "급증", "많아"),
     WORDS("감소", "줄고", "줄어", "줄었", "줄어들", "줄어든", "줄이", "줄여", "줄였", "축소",
           "하락", "낮아", "낮아지", "낮아졌", "내렸", "내리", "내려", "떨어", "떨어졌", "급감",
           "적어")},
    {WORDS("허용", "허가"), WORDS("금지", "불허")},
    {WORDS("강화"), WORDS("완화")},
    {WORDS("재개", "시작", "개시"), WORDS("중단", "중지", "취소")},
    {WORDS("찬성"), WORDS("반대")},
    {WORDS("합의", "타결"), WORDS("결렬")},
    {WORDS("성공"), WORDS("실패")},
    {WORDS("흑자"), WORDS("적자")},
    {WORDS("개선", "호전"), WORDS("악화")},
    {WORDS("유지", "존치"), WORDS("폐지")},
    {WORDS("연장"), WORDS("단축")},
    /* time and order: the source's order of events against the rewrite's */
    {WORDS("오전"), WORDS("오후")},
    {WORDS("처음", "최초", "첫"), WORDS("다시", "재차", "또다시")},
    {WORDS("앞서", "이전", "전에", "전까지", "앞두"), WORDS("이후", "뒤", "뒤에", "후에", "후속", "이어", "다음")},
};

#define NOPPOSITIONS (sizeof oppositions / sizeof *oppositions)

int antonym_prefix(const char *w, size_t n, int *side, size_t *len)
{
    int cls = -1;
    *len = 0;
    for (size_t i = 0; i < NOPPOSITIONS; i++)
        for (int sd = 0; sd < 2; sd++)
            for (const char *const *x = sd ? oppositions[i].down : oppositions[i].up; *x; x++) {
                if (n < 3 || w[0] != (*x)[0] || w[1] != (*x)[1] || w[2] != (*x)[2])
                    continue; /* every word is Hangul: the first syllable decides most */
                size_t m = strlen(*x);
                if (m > *len && m <= n && !memcmp(w, *x, m)) {
                    cls = (int)i;
                    *side = sd;
                    *len = m;
                }
            }
    return cls;
}

const char *const *antonym_words(int cls, int side)
{
    if (cls < 0 || (size_t)cls >= NOPPOSITIONS)
        return NULL;
    return side ? oppositions[cls].down : oppositions[cls].up;
}
