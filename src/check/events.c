/* events.c - predicates whose participants are facts, as data.
 *
 * "남궁현 장관이 현장을 방문했다" and "임소라 연구위원이 현장을 찾았다"
 * differ in one fact: who went. For the predicates below, agents.c reads
 * who did it (the subject: X이/가/은/는, or the genitive X의 before a
 * visit noun, "모리타 방위대신의 방한") and, for the predicates done
 * together, with whom (X와/과), and compares them with the source's.
 *
 * Each entry is a word start as written before its ending: a verbal noun
 * ("방문" of 방문했다, 방문해, 방문한), or a native verb in each shape its
 * stem takes before an ending ("찾아", "찾았", "찾은" of 찾다). Entries of
 * one group say the same act, so a rewrite may swap them (방문 = 찾다 =
 * 방한). `together` marks acts two parties do with each other (a pact,
 * talks): there agent and partner may trade places ("A는 B와 협약을
 * 맺었다" = "B는 A와 협약을 맺었다"), so each party is checked against
 * both of the source's. */
#include <string.h>

#include "../analyze/hangul.h"
#include "check.h"

static const event_word events[] = {
    /* visiting: who went (방한 = a visit to Korea, 방일 to Japan ...) */
    {"방문", 0, 0}, {"방한", 0, 0}, {"방일", 0, 0}, {"방미", 0, 0}, {"방중", 0, 0},
    {"찾아", 0, 0}, {"찾았", 0, 0}, {"찾은", 0, 0}, {"찾는", 0, 0}, {"찾을", 0, 0},
    {"찾고", 0, 0},
    /* leading an event: who ran it */
    {"주관", 1, 0}, {"주최", 1, 0},
    /* acts done together: the two parties */
    {"맺고", 2, 1}, {"맺었", 2, 1}, {"맺은", 2, 1}, {"맺어", 2, 1}, {"맺기", 2, 1},
    {"체결", 2, 1}, {"회담", 2, 1}, {"만나", 2, 1}, {"만났", 2, 1}, {"만난", 2, 1},
};

const event_word *event_word_at(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof events / sizeof *events; i++)
        if (starts_with(w, n, events[i].start))
            return &events[i];
    return NULL;
}

int event_group_in(const char *s, int group)
{
    for (size_t i = 0; i < sizeof events / sizeof *events; i++)
        if (events[i].group == group && strstr(s, events[i].start))
            return 1;
    return 0;
}
