/* test_threads.c - no global mutable state: the same pages extracted and
 * rendered on several threads at once give the same bytes as on one. */
#include <pthread.h>
#include <stdlib.h>

#include "check.h"
#include "util.h"

#define THREADS 4
#define ROUNDS 20

static const char page[] =
    "<html lang='ko'><head><meta charset='utf-8'><title>바다숲 조성 - 동해신문</title>"
    "<meta property='og:title' content='바다숲 조성'>"
    "<meta property='article:published_time' content='2026-03-12T06:00:00+09:00'></head>"
    "<body><nav><a href='/'>홈</a><a href='/n'>뉴스</a></nav><article><h1>바다숲 조성</h1>"
    "<p>해양수산부는 2026년 3월 12일 올해 바다숲 54곳을 새로 조성한다고 밝혔다. 갯녹음을 막기 위해서다.</p>"
    "<p>바다숲은 수산생물의 산란장이자 서식지로, 이산화탄소를 흡수해 기후위기 대응에도 보탬이 된다.</p>"
    "<table><tr><th>해역</th><th>개소</th></tr><tr><td>동해</td><td>21</td></tr></table>"
    "<p>“이 자료는 해양수산부의 보도자료를 전재하여 제공함을 알려드립니다.”</p>"
    "<p>공공누리 제1유형 출처표시의 조건에 따라 자유이용이 가능합니다.</p>"
    "</article><footer>무단 전재 및 재배포 금지</footer></body></html>";

/* Everything one page gives: JSON, Markdown and the post, concatenated. */
static char *all_outputs(void)
{
    gisa_error err;
    gisa_document *d = extract_str("page.html", page, strlen(page), GISA_INPUT_AUTO, &err);
    if (!d)
        return NULL;
    char *j = render_str(d, GISA_FORMAT_JSON), *m = render_str(d, GISA_FORMAT_MARKDOWN);
    gisa_post post;
    memset(&post, 0, sizeof post);
    int posted = gisa_compose(d, NULL, &post, &err) == GISA_OK;
    size_t n = (j ? strlen(j) : 0) + (m ? strlen(m) : 0) + (posted ? post.len : 0) + 1;
    char *all = malloc(n);
    if (all)
        snprintf(all, n, "%s%s%s", j ? j : "", m ? m : "", posted ? post.text : "");
    free(j);
    free(m);
    if (posted)
        gisa_post_clear(&post);
    gisa_document_free(d);
    return all;
}

static const char *expected;

static void *worker(void *arg)
{
    int *mismatches = arg;
    for (int i = 0; i < ROUNDS; i++) {
        char *got = all_outputs();
        if (!got || strcmp(got, expected) != 0)
            (*mismatches)++;
        free(got);
    }
    return NULL;
}

int main(void)
{
    char *one = all_outputs();
    CHECK(one != NULL && strlen(one) > 100);
    if (!one)
        CHECK_DONE();
    expected = one;
    pthread_t t[THREADS];
    int mismatches[THREADS] = {0};
    for (int i = 0; i < THREADS; i++)
        CHECK(pthread_create(&t[i], NULL, worker, &mismatches[i]) == 0);
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        CHECK_INT(mismatches[i], 0);
    }
    free(one);
    CHECK_DONE();
}
