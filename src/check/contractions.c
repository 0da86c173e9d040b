/* contractions.c - a native verb's stem under its endings, as data.
 *
 * A native verb's stem fuses with a past ending or with 아/어: 벌이+었 =
 * 벌였, 늘리+었 = 늘렸, 세우+었 = 세웠, 보+았 = 봤, 되+었 = 됐, 가+았 =
 * 갔, 보내+었 = 보냈. So "벌였어요" (done) and "벌일 예정이다" (planned)
 * share no byte prefix longer than 벌, and a check that compares words by
 * prefix cannot see they are one verb. Here the stem is rebuilt from the
 * fused syllable (its vowel undone, table below, its final ㅆ dropped),
 * and a source word is the same verb when it starts with the stem's
 * syllables but the last, and its next syllable has the same initial and
 * the same vowel once undone, whatever final it carries (벌일, 벌인,
 * 벌입니다, 벌여, 벌였다 are all 벌이). */
#include <string.h>

#include "../analyze/hangul.h"
#include "../util/utf8.h"
#include "check.h"

#define SYLLABLE_BASE 0xAC00
#define JUNG_COUNT 21
#define JONG_COUNT 28

/* Medial vowels (index in the Unicode syllable order) that a stem's last
 * vowel and 아/어 fuse into, and that vowel: ㅕ = ㅣ+ㅓ, ㅝ = ㅜ+ㅓ,
 * ㅘ = ㅗ+ㅏ, ㅙ = ㅚ+ㅓ. */
static const int fused[][2] = {{6, 20}, {14, 13}, {9, 8}, {10, 11}};

static int choseong(int32_t cp) { return (cp - SYLLABLE_BASE) / (JUNG_COUNT * JONG_COUNT); }
static int jungseong(int32_t cp) { return (cp - SYLLABLE_BASE) / JONG_COUNT % JUNG_COUNT; }

/* The vowel a syllable's vowel comes from when fused (ㅕ -> ㅣ), else
 * itself. */
static int unfused(int jung)
{
    for (size_t i = 0; i < sizeof fused / sizeof *fused; i++)
        if (fused[i][0] == jung)
            return fused[i][1];
    return jung;
}

/* The open syllable of initial `cho` and vowel `jung`, in UTF-8 (3 bytes). */
static void put_syllable(int cho, int jung, char *out)
{
    int32_t cp = SYLLABLE_BASE + (cho * JUNG_COUNT + jung) * JONG_COUNT;
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
}

/* A past syllable: final ㅆ, not 겠 (future) and not 있 (to be). */
static int past_syllable(int32_t cp)
{
    return is_syllable(cp) && hangul_jong(cp) == JONG_SS && cp != 0xACA0 && cp != 0xC788;
}

size_t check_native_stem(const char *w, size_t n, char *out, size_t cap, int *loose)
{
    size_t i = 0;
    int syll = 0;
    *loose = 0;
    while (i < n) {
        size_t next;
        int32_t cp = utf8_at(w, n, i, &next);
        if (!is_syllable(cp))
            return 0;
        int ending = starts_with(w + i, n - i, "기로") || starts_with(w + i, n - i, "기를");
        if (syll >= 1 && past_syllable(cp)) {
            int cho = choseong(cp), jung = jungseong(cp);
            /* 았/었: an ending of its own after a stem of two syllables or more */
            if (cho == 11 /* ㅇ */ && (jung == 0 || jung == 4)) {
                if (syll < 2 || i >= cap)
                    return 0;
                memcpy(out, w, i);
                return i;
            }
            /* 였 after any syllable but 하 is 이+었; others fuse the stem's
             * last vowel ("늘렸" = 늘리+었, "갔" = 가+았) */
            if (i + 3 > cap)
                return 0;
            memcpy(out, w, i);
            put_syllable(cho, unfused(jung), out + i);
            *loose = 1;
            return i + 3;
        }
        if (syll >= 2 && ending) {
            if (i >= cap)
                return 0;
            memcpy(out, w, i);
            return i;
        }
        syll++;
        i = next;
    }
    return 0;
}

int check_stem_at(const char *w, size_t n, const char *stem, size_t len, int loose)
{
    if (!loose)
        return n >= len && !memcmp(w, stem, len);
    if (len < 3 || n < len || memcmp(w, stem, len - 3))
        return 0;
    size_t next;
    int32_t mine = utf8_at(stem, len, len - 3, &next);
    int32_t theirs = utf8_at(w, n, len - 3, &next);
    return is_syllable(theirs) && choseong(mine) == choseong(theirs) &&
           unfused(jungseong(mine)) == unfused(jungseong(theirs));
}
