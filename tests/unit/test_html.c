/* test_html.c - content selection and block emission on small snippets. */
#include "check.h"
#include "util.h"
#include "util/buf.h"

#define PARA1 "해양수산부는 올해 연안 바다숲 54곳을 새로 조성한다고 밝혔다. 동해와 제주 연안의 갯녹음을 막기 위한 조치다."
#define PARA2 "바다숲은 수산생물의 산란장과 서식지가 될 뿐 아니라 이산화탄소를 흡수해 기후위기 대응에도 보탬이 된다."
#define PARA3 "정부는 조성 해역마다 해마다 두 차례 수중드론으로 해조류 분포를 살피고 그 결과를 공개할 계획이다."

static const gisa_block *find_kind(const gisa_document *d, gisa_block_kind k)
{
    for (size_t i = 0; i < d->nblocks; i++)
        if (d->blocks[i].kind == k)
            return &d->blocks[i];
    return NULL;
}

static gisa_document *must_extract(const char *html)
{
    gisa_error err;
    gisa_document *d = extract_html_str(html, &err);
    CHECK(d != NULL);
    if (!d)
        fprintf(stderr, "  extract failed: %s\n", err.message);
    return d;
}

static void test_boilerplate_left_out(void)
{
    gisa_document *d = must_extract(
        "<html><head><title>바다숲 조성 | 정책뉴스</title>"
        "<style>p{color:red}</style><script>var menu='전체메뉴';</script></head><body>"
        "<header><nav><ul><li><a href='/a'>정치</a></li><li><a href='/b'>경제</a></li>"
        "<li><a href='/c'>사회</a></li></ul></nav></header>"
        "<div class='content'><h1>바다숲 54곳 조성</h1>"
        "<p>" PARA1 "</p><p>  " PARA2 "  </p><p>" PARA3 "</p></div>"
        "<aside class='sidebar'><h3>많이 본 뉴스</h3><ul>"
        "<li><a href='/x'>폭설에 출근길 대란 지하철 증편 운행</a></li>"
        "<li><a href='/y'>프로야구 최대어 4년 120억 원에 잔류</a></li></ul></aside>"
        "<footer><p>Copyright 2026 무단 전재 및 재배포 금지</p></footer></body></html>");
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, PARA1);
    CHECK_HAS(t, PARA2);
    CHECK_HAS(t, PARA3);
    CHECK_LACKS(t, "전체메뉴");
    CHECK_LACKS(t, "color:red");
    CHECK_LACKS(t, "경제");
    CHECK_LACKS(t, "많이 본 뉴스");
    CHECK_LACKS(t, "출근길");
    CHECK_LACKS(t, "재배포");
    CHECK(strstr(t, PARA1) < strstr(t, PARA2) && strstr(t, PARA2) < strstr(t, PARA3));
    free(t);
    gisa_document_free(d);
}

static void test_block_kinds(void)
{
    gisa_document *d = must_extract(
        "<html><head><link rel='canonical' href='https://news.example/a/1'></head><body>"
        "<article><h1>제목</h1><p>" PARA1 "</p><h2>소제목입니다</h2><p>" PARA2 "</p>"
        "<ul><li>첫째 항목입니다</li><li>둘째 항목입니다</li></ul>"
        "<ol><li>하나</li><li>둘</li></ol>"
        "<table><tr><th>해역</th><th>개소</th></tr><tr><td>동해</td><td>21</td></tr>"
        "<tr><td>제주</td><td>14</td></tr></table>"
        "<figure><img src='/img/sea.jpg' alt='바다숲 사진'><figcaption>바다숲에서 잠수사가 해조류를 살피고 있다.</figcaption></figure>"
        "<blockquote><p>건강한 바다를 물려주겠다는 약속을 지키겠습니다.</p></blockquote>"
        "<pre>code  kept\n  as is</pre>"
        "<p>" PARA3 "</p></article></body></html>");
    if (!d)
        return;
    const gisa_block *b = find_kind(d, GISA_BLOCK_HEADING);
    CHECK(b != NULL);
    const gisa_block *l = find_kind(d, GISA_BLOCK_LIST);
    CHECK(l != NULL);
    if (l) {
        CHECK_INT(l->nitems, 2);
        CHECK_STR(l->items[0], "첫째 항목입니다");
        CHECK_INT(l->level, 0); /* unordered first */
    }
    const gisa_block *t = find_kind(d, GISA_BLOCK_TABLE);
    CHECK(t != NULL);
    if (t) {
        CHECK_INT(t->ncols, 2);
        CHECK_INT(t->nitems, 6);
        CHECK_INT(t->level, 1); /* header row */
        if (t->nitems == 6)
            CHECK_STR(t->items[5], "14");
    }
    const gisa_block *img = find_kind(d, GISA_BLOCK_IMAGE);
    CHECK(img != NULL);
    if (img) {
        CHECK_STR(img->url, "https://news.example/img/sea.jpg");
        CHECK_HAS(img->text, "잠수사가");
    }
    const gisa_block *q = find_kind(d, GISA_BLOCK_QUOTE);
    CHECK(q != NULL);
    if (q)
        CHECK_HAS(q->text, "약속을 지키겠습니다");
    const gisa_block *c = find_kind(d, GISA_BLOCK_CODE);
    CHECK(c != NULL);
    if (c)
        CHECK_STR(c->text, "code  kept\n  as is");
    CHECK_STR(d->url, "https://news.example/a/1");
    gisa_document_free(d);
}

static void test_metadata(void)
{
    gisa_document *d = must_extract(
        "<html lang='ko'><head><title>바다숲 54곳 조성 - 동해신문</title>"
        "<meta property='og:title' content='바다숲 54곳 조성'>"
        "<meta property='og:site_name' content='동해신문'>"
        "<meta property='article:published_time' content='2026-03-12T06:00:00+09:00'>"
        "<meta name='author' content='정다운'></head><body><article>"
        "<p>" PARA1 "</p><p>" PARA2 "</p></article></body></html>");
    if (!d)
        return;
    CHECK_STR(d->title, "바다숲 54곳 조성");
    CHECK(d->date && strncmp(d->date, "2026-03-12", 10) == 0);
    CHECK_STR(d->author, "정다운");
    CHECK_STR(d->site_name, "동해신문");
    CHECK(d->lang && strncmp(d->lang, "ko", 2) == 0);
    gisa_document_free(d);
}

static void test_entities_hidden_repeats(void)
{
    gisa_document *d = must_extract(
        "<html><body><div id='article'>"
        "<p>&ldquo;바다숲&rdquo;은 &#xD574;조류 &amp; 해초류가 숲을&nbsp;&nbsp;이룬 곳이다. "
        "연안 생태계의 기반이 되는 공간으로 수산자원 회복에 꼭 필요하다.</p>"
        "<p style='display:none'>숨겨진 문단은 나오지 않아야 한다. 화면에 보이지 않는 글이다.</p>"
        "<p hidden>hidden 속성의 문단도 나오지 않아야 한다. 역시 보이지 않는다.</p>"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA1 "</p>"
        "</div></body></html>");
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, "“바다숲”은 해조류 & 해초류가 숲을 이룬 곳이다.");
    CHECK_LACKS(t, "숨겨진");
    CHECK_LACKS(t, "hidden 속성");
    CHECK_INT(count_str(t, PARA1), 1); /* printed twice, kept once */
    free(t);
    gisa_document_free(d);
}

static void test_deep_nesting(void)
{
    /* 20000 nested divs must neither crash nor lose the text. */
    size_t depth = 20000;
    buf b = BUF_INIT;
    buf_puts(&b, "<html><body>");
    for (size_t i = 0; i < depth; i++)
        buf_puts(&b, "<div>");
    buf_puts(&b, "<p>" PARA1 "</p><p>" PARA2 "</p>");
    for (size_t i = 0; i < depth; i++)
        buf_puts(&b, "</div>");
    buf_puts(&b, "</body></html>");
    gisa_error err;
    gisa_document *d = extract_html_str(b.ptr, &err);
    if (d) {
        char *t = render_str(d, GISA_FORMAT_TEXT);
        CHECK(t != NULL);
        free(t);
    } else {
        CHECK_HAS(err.message, "snippet.html"); /* refused cleanly is fine too */
    }
    gisa_document_free(d);
    buf_free(&b);
}

static void test_no_article(void)
{
    gisa_error err;
    memset(&err, 0, sizeof err);
    gisa_document *d = extract_html_str("<html><head><script>x()</script></head><body></body></html>",
                                        &err);
    CHECK(d == NULL);
    CHECK_INT(err.status, GISA_ERR_INPUT);
    CHECK_HAS(err.message, "snippet.html");
    gisa_document_free(d);
    /* Broken markup still parses. */
    d = must_extract("<p>" PARA1 "<p>" PARA2 "<div><b>" PARA3);
    if (d) {
        char *t = render_str(d, GISA_FORMAT_TEXT);
        CHECK_HAS(t, PARA3);
        free(t);
    }
    gisa_document_free(d);
}

/* A <footer> inside the article holds credits and legal lines even when
 * they are written as sentences; it stays out, on the lenient pass too. */
static void test_footer_with_prose(void)
{
    gisa_document *d = must_extract(
        "<html><body><article><h1>바다숲</h1><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3
        "</p><footer><p>이 기사는 지역신문발전위원회의 지원을 받아 작성되었으며, 기사에 실린 "
        "사진과 도표의 저작권은 각 저작권자에게 있으니 무단으로 옮겨 싣지 마시기 바랍니다.</p>"
        "</footer></article></body></html>");
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, PARA3);
    CHECK_LACKS(t, "지역신문발전위원회");
    free(t);
    gisa_document_free(d);
}

/* Ratings, legal notes, disclaimers and tooltips are named in their
 * classes; without prose of their own they stay out. */
static void test_minor_regions_by_class(void)
{
    gisa_document *d = must_extract(
        "<html><body><article><h1>바다숲</h1>"
        "<div class='product-rating'>별점 4.5점 리뷰 120개</div>"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<div class='legal-note'><span>약관 보기</span></div>"
        "<div class='price-disclaimer'>가격은 바뀔 수 있음</div>"
        "<span class='tooltip'>도움말 열기</span></article></body></html>");
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, PARA2);
    CHECK_LACKS(t, "별점");
    CHECK_LACKS(t, "약관");
    CHECK_LACKS(t, "가격은");
    CHECK_LACKS(t, "도움말");
    free(t);
    gisa_document_free(d);
}

/* A section headed "관련 기사" or "You may also like" leads elsewhere:
 * the heading and the list under it stay out, even when the heading is
 * wrapped a few levels down, and the article's own text after it stays. */
static void test_sections_pointing_elsewhere(void)
{
    gisa_document *d = must_extract(
        "<html><body><article><h1>바다숲</h1><p>" PARA1 "</p>"
        "<h2>관련 기사</h2><ul><li><a href='/1'>갯녹음 확산에 어민 시름 깊어져 대책 시급하다는 목소리</a>"
        "</li><li><a href='/2'>수중드론으로 본 동해 연안의 오늘과 내일 현장 르포 기사</a></li></ul>"
        "<p>" PARA2 "</p>"
        "<div class='box'><div class='head'><h3>You may also like</h3></div>"
        "<div class='cards'><p>해조류 비누 세트 12,000원 지금 바로 담기</p></div></div>"
        "<p>" PARA3 "</p></article></body></html>");
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, PARA1);
    CHECK_HAS(t, PARA2);
    CHECK_HAS(t, PARA3);
    CHECK_LACKS(t, "관련 기사");
    CHECK_LACKS(t, "갯녹음 확산");
    CHECK_LACKS(t, "also like");
    CHECK_LACKS(t, "비누");
    free(t);
    gisa_document_free(d);
}

/* A list printed twice (a tab strip and its mobile copy) comes out once;
 * a list that only shares some items with an earlier one stays whole. */
static void test_list_shown_twice(void)
{
    gisa_document *d = must_extract(
        "<html><body><article><h1>바다숲</h1><p>" PARA1 "</p>"
        "<ul><li>동해 연안 바다숲 스물두 곳 조성</li><li>제주 연안 바다숲 열여섯 곳 조성</li></ul>"
        "<p>" PARA2 "</p>"
        "<ul><li>동해 연안 바다숲 스물두 곳 조성</li><li>제주 연안 바다숲 열여섯 곳 조성</li></ul>"
        "<p>" PARA3 "</p>"
        "<ol><li>동해 연안 바다숲 스물두 곳 조성</li><li>남해 연안 바다숲 열여섯 곳 조성</li></ol>"
        "</article></body></html>");
    if (!d)
        return;
    size_t lists = 0;
    for (size_t i = 0; i < d->nblocks; i++)
        lists += d->blocks[i].kind == GISA_BLOCK_LIST;
    CHECK(lists == 2);
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, "남해 연안");
    free(t);
    gisa_document_free(d);
}

/* A thread of short posts, each in a comment-marked wrapper, with a tiny
 * element classed "text" in the page header: the tiny element must not
 * win on its class name, and when the whole page is taken the posts,
 * being most of it, are kept. */
static void test_thread_of_short_posts(void)
{
    gisa_document *d = must_extract(
        "<html><body><header><details><summary class='filter-text'>검색 범위</summary>"
        "</details><a href='/'>포럼</a></header>"
        "<div class='topic-comments'>"
        "<article class='comment'><p>새 화면 배치가 예전보다 답답하게 느껴집니다. 구역 사이의 선이 사라졌네요.</p></article>"
        "<article class='comment'><p>저도 같은 생각입니다. 설정 항목이 줄어서 원하는 기능을 찾기 어렵습니다.</p></article>"
        "<article class='comment'><p>몇 주 전 버전 10에서 바뀐 화면 이야기인 것 같습니다. 곧 개선된다고 합니다.</p></article>"
        "</div><footer><a href='/terms'>이용약관</a></footer></body></html>");
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, "구역 사이의 선이 사라졌네요");
    CHECK_HAS(t, "설정 항목이 줄어서");
    CHECK_HAS(t, "곧 개선된다고 합니다");
    free(t);
    gisa_document_free(d);
}

/* A listing: a short promotional paragraph beside a grid of many items,
 * each a link and a price. The paragraph holds a small share of the page,
 * so the page's <main> is taken whole: the items are kept, the banner
 * outside it is not. */
static void test_listing_page(void)
{
    buf b = BUF_INIT;
    buf_puts(&b, "<html><body><div class='topbar'><span>전 상품 무료 반품 행사가 이달 말까지 이어집니다</span></div>"
                 "<main><div class='hero'><p class='text-base'>"
                 "봄 신상품을 만나 보세요. 가볍고 따뜻한 소재로 만든 외투와 니트를 한곳에 모았습니다."
                 "</p></div><ul class='grid'>");
    for (int i = 0; i < 24; i++) {
        char item[200];
        snprintf(item, sizeof item,
                 "<li><a href='/p/%d'>린넨 셔츠 %d호</a><span>%d,900원 무료 배송</span></li>", i, i,
                 19 + i);
        buf_puts(&b, item);
    }
    buf_puts(&b, "</ul></main></body></html>");
    gisa_document *d = must_extract(b.ptr);
    buf_free(&b);
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, "봄 신상품을 만나 보세요");
    CHECK_HAS(t, "린넨 셔츠 3호");
    CHECK_HAS(t, "린넨 셔츠 23호");
    CHECK_LACKS(t, "무료 반품");
    free(t);
    gisa_document_free(d);
}

/* The posts of a short thread inside a form (a moderation form around
 * the topic), each with an author pane of links: the form is the thread,
 * not a search box. */
static void test_thread_in_form(void)
{
    buf b = BUF_INIT;
    buf_puts(&b, "<html><body><nav><a href='/'>홈</a><a href='/f'>포럼</a></nav><main>"
                 "<div class='topic-comments'><form action='/mod'>");
    static const char *const posts[] = {
        "케이스 바닥의 작은 구멍은 어디에 쓰는 것인지 아시는 분 계신가요?",
        "뒤쪽 구멍은 외부 연결용이라는 이야기를 들었습니다. 바닥 쪽은 모르겠네요.",
    };
    for (int i = 0; i < 2; i++) {
        buf_puts(&b, "<article class='comment'><aside><a href='/u/1'>회원 프로필 보기</a>"
                     "<a href='/u/1/posts'>작성한 글 모두 보기</a><a href='/u/1/msg'>쪽지 보내기</a>"
                     "<a href='/u/1/badges'>받은 배지 모두 보기</a><a href='/u/1/follow'>이 회원 팔로우하기</a>"
                     "</aside><p>");
        buf_puts(&b, posts[i]);
        buf_puts(&b, "</p><a href='/report'>신고</a><a href='/quote'>인용하기</a></article>");
    }
    buf_puts(&b, "</form></div></main><div class='sidebar-list'><p>이 주의 인기 글 목록과 새로 올라온 "
                 "질문들을 확인해 보세요. 매주 월요일 아침에 새로 정리해서 보여 드립니다.</p>"
                 "<p>공지: 포럼 이용 규칙이 바뀌었습니다. 글을 올리기 전에 꼭 한 번 읽어 주시고 "
                 "궁금한 점은 운영진에게 물어 주세요.</p></div></body></html>");
    gisa_document *d = must_extract(b.ptr);
    buf_free(&b);
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, posts[0]);
    CHECK_HAS(t, posts[1]);
    free(t);
    gisa_document_free(d);
}

/* The article sits in <main>; below it, outside <main>, teasers of other
 * stories outweigh it. Climbing stops at <main>: the teasers stay out. */
static void test_climb_stops_at_main(void)
{
    buf b = BUF_INIT;
    buf_puts(&b, "<html><body><main><article><h1>바다숲 조성</h1><p>" PARA1 "</p><p>" PARA2
                 "</p></article></main><div>");
    for (int i = 0; i < 8; i++) {
        char item[400];
        snprintf(item, sizeof item,
                 "<div><h3><a href='/n/%d'>다른 기사 제목 %d번: 항만 정비 사업이 속도를 낸다</a></h3>"
                 "<span>지역 항만 %d곳의 정비 사업 일정이 앞당겨졌다는 소식 요약</span></div>",
                 i, i, i + 2);
        buf_puts(&b, item);
    }
    buf_puts(&b, "</div></body></html>");
    gisa_document *d = must_extract(b.ptr);
    buf_free(&b);
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, PARA1);
    CHECK_HAS(t, PARA2);
    CHECK_LACKS(t, "정비 사업 일정");
    free(t);
    gisa_document_free(d);
}

/* A page header that is a mega-menu: a line of promotion, then every
 * entry a link holding a name and a line of description. It is a menu
 * however long its links are: the page does not climb to the body for
 * it, and it is not emitted. */
#define SEA1 "The council voted on Thursday to rebuild the sea wall with living reefs, " \
             "a plan it had rejected twice before, after a winter of storms."
#define SEA2 "Engineers will sink concrete frames seeded with oysters along two " \
             "kilometres of the harbour front, where the old wall failed in January."
#define SEA3 "Fishing crews, who opposed the first plan, now back this one: the reefs " \
             "are expected to bring back the bream that left the bay a decade ago."
#define SEA4 "Work begins in April and should take three years; the council will " \
             "publish the state of the reefs every autumn on its website."
static void test_mega_menu_header(void)
{
    buf b = BUF_INIT;
    buf_puts(&b, "<html><body><div class='page'><div class='content'><h1>Sea wall</h1><p>" SEA1
                 "</p><p>" SEA2 "</p><p>" SEA3 "</p><p>" SEA4 "</p></div></div>"
                 "<div class='chrome'><header><p>Whatever your harbour needs today, our port "
                 "platform can help you run it better and safer.</p><ul>");
    for (int i = 0; i < 30; i++) {
        char item[200];
        snprintf(item, sizeof item,
                 "<li><a href='/p/%d'><div>Harbour service %d</div><div>Run the moorings "
                 "and berths of port %d.</div></a></li>", i, i, i);
        buf_puts(&b, item);
    }
    buf_puts(&b, "</ul></header></div></body></html>");
    gisa_document *d = must_extract(b.ptr);
    buf_free(&b);
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, SEA1);
    CHECK_HAS(t, SEA4);
    CHECK_LACKS(t, "Harbour service");
    CHECK_LACKS(t, "port platform");
    free(t);
    gisa_document_free(d);
}

/* A <nav> mega-menu whose entries are custom elements, not links, with a
 * line of description each: it reads as prose, yet nothing in a <nav> is
 * the article, however its short product text compares. */
static void test_nav_of_custom_elements(void)
{
    buf b = BUF_INIT;
    buf_puts(&b, "<html><body><nav class='site-nav'><menu-panel>");
    for (int i = 0; i < 40; i++) {
        char item[300];
        snprintf(item, sizeof item,
                 "<div class='col'><menu-item href='/c/%d'>Harbour kit %d</menu-item>"
                 "<div>Moorings, fenders and berth lines for the harbours of region %d, "
                 "chosen by our team.</div></div>", i, i, i);
        buf_puts(&b, item);
    }
    buf_puts(&b, "</menu-panel></nav><main><h1>Sea wall</h1><p>" SEA1 "</p><p>" SEA2
                 "</p></main></body></html>");
    gisa_document *d = must_extract(b.ptr);
    buf_free(&b);
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, SEA1);
    CHECK_HAS(t, SEA2);
    CHECK_LACKS(t, "Harbour kit");
    free(t);
    gisa_document_free(d);
}

/* A page that says it is an article (og:type), whose post is followed
 * by a "Replies" heading and comment-marked replies that outweigh it:
 * the replies are kept as the content of a thread, yet the page is the
 * post, and the heading ends it. */
static void test_replies_after_article(void)
{
    static const char *const replies[] = {
        "I started when I was a student and could not afford a boat, so I built a canoe "
        "from plans in the library over one long summer.",
        "My grandfather was a shipwright and let me sweep his yard; by the time I was "
        "twelve I was steaming ribs and fitting frames beside him.",
        "Find a local club: the members will lend you tools and teach you lofting, which "
        "no book really explains well enough for a beginner.",
        "Start with a small stitch-and-glue pram. It is cheap, quick, forgiving of "
        "mistakes, and you will learn epoxy work without tears.",
        "I got hooked out of necessity after my old skiff rotted; building the new one "
        "took two winters and taught me more than any class.",
    };
    buf b = BUF_INIT;
    buf_puts(&b, "<html><head><meta property='og:type' content='article'></head><body>"
                 "<div class='thread'><div class='post'><h1>Getting started</h1>"
                 "<p>I'm interested to know how people get into boat building as a hobby. I "
                 "have done a lot of repair work on dinghies and want to try a hull of my own.</p>"
                 "<p>I don't have any friends who build boats, but I have read a lot of books "
                 "and watched the yard down the road for years now.</p>"
                 "<p>What got you started? Any advice about how you began, or books I could "
                 "look at, would be welcome before I buy the first planks.</p>"
                 "<p>My garage is four metres long, so anything I build has to fit in it, which "
                 "rules out most of the designs I like best, including the double-ender my "
                 "neighbour keeps showing me.</p></div><h2>Replies</h2>");
    for (size_t i = 0; i < sizeof replies / sizeof *replies; i++) {
        buf_puts(&b, "<div class='comment'><span>member | Feb 24</span><p>");
        buf_puts(&b, replies[i]);
        buf_puts(&b, "</p></div>");
    }
    buf_puts(&b, "</div></body></html>");
    gisa_document *d = must_extract(b.ptr);
    buf_free(&b);
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, "double-ender");
    CHECK_LACKS(t, "Replies");
    CHECK_LACKS(t, "shipwright");
    free(t);
    gisa_document_free(d);
}

/* A listing whose items are all links is emitted on the lenient second
 * try; the page's own header of links stays out even then, while each
 * item's <header> (its title and excerpt, inside its <article>) is the
 * listing's content. */
static void test_page_header_on_lenient_try(void)
{
    buf b = BUF_INIT;
    buf_puts(&b, "<html><body><header><span><a href='#c'>Skip to content</a></span> "
                 "<span><a href='/login'>Sign in</a></span> <span><a href='/join'>Create an "
                 "account</a></span></header><h1>Headphones</h1><div class='river'>");
    for (int i = 0; i < 6; i++) {
        char item[400];
        snprintf(item, sizeof item,
                 "<article><header><h3><a href='/a/%d'>Wireless earbuds number %d gain new "
                 "colour options</a></h3><p><a href='/a/%d'>The maker now sells model %d in "
                 "three new colours at the same price, from the spring.</a></p></header>"
                 "</article>", i, i, i, i);
        buf_puts(&b, item);
    }
    buf_puts(&b, "</div></body></html>");
    gisa_document *d = must_extract(b.ptr);
    buf_free(&b);
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, "Wireless earbuds number 5");
    CHECK_HAS(t, "sells model 0");
    CHECK_LACKS(t, "Create an account");
    free(t);
    gisa_document_free(d);
}

/* A skip link ("Skip to content") is a keyboard user's control, kept
 * out even on the lenient try of a page of links; a link into the page
 * inside a sentence ("skip to the costs") is text. */
static void test_skip_link(void)
{
    buf b = BUF_INIT;
    buf_puts(&b, "<html><body><a href='#items' class='skip-link'>Skip to content</a>"
                 "<div id='items'><ul>");
    for (int i = 0; i < 8; i++) {
        char item[160];
        snprintf(item, sizeof item,
                 "<li><a href='/a/%d'>Wireless earbuds number %d, three new colours</a></li>",
                 i, i);
        buf_puts(&b, item);
    }
    buf_puts(&b, "</ul></div></body></html>");
    gisa_document *d = must_extract(b.ptr);
    buf_free(&b);
    if (d) {
        char *t = render_str(d, GISA_FORMAT_TEXT);
        CHECK_HAS(t, "Wireless earbuds number 7");
        CHECK_LACKS(t, "Skip to content");
        free(t);
        gisa_document_free(d);
    }
    d = must_extract("<html><body><div id='main'><h1>Sea wall</h1><p>" SEA1 "</p><p>" SEA2
                     "</p><p>Readers who know the plan can <a href='#costs'>skip to the "
                     "costs</a> below.</p><p id='costs'>" SEA4 "</p></div></body></html>");
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, "skip to the costs");
    free(t);
    gisa_document_free(d);
}

/* A control's label on a line of its own ("Read more", "Loading...",
 * "Add to cart") is not a line of the page; the words inside a sentence
 * are. */
static void test_control_labels(void)
{
    gisa_document *d = must_extract(
        "<html><body><article><h1>Sea wall</h1><p>" SEA1 "</p><p>Loading...</p><p>" SEA2
        "</p><div><span>Read more</span></div><p>" SEA3 "</p><p>Share</p><p>Readers may "
        "read more on the council's site and share the plans.</p></article></body></html>");
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, SEA3);
    CHECK_HAS(t, "Readers may read more");
    CHECK_LACKS(t, "Loading");
    CHECK_LACKS(t, "Read more");
    CHECK_LACKS(t, "\n\nShare\n");
    free(t);
    gisa_document_free(d);
}

/* Spans set apart only by style ("<span>Language</span><span>English</span>")
 * are words apart; a capital inside a word written in one span is not,
 * and neither is a lower-case letter after a span ("<b>T</b>he"). */
static void test_joined_spans(void)
{
    gisa_document *d = must_extract(
        "<html><body><article><h1>Sea wall</h1><p>" SEA1 "</p><p>" SEA2 "</p><p>" SEA3
        "</p><ul><li><span class='name'>Language</span><span class='value'>English</span></li>"
        "<li><span>Pages</span><span>240</span></li></ul><p><span>Built</span><span>"
        "Reefs</span> by <b>T</b><i>he</i> council, with McAllister and JavaScript maps.</p>"
        "</article></body></html>");
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, "Language English");
    CHECK_HAS(t, "Built Reefs");
    CHECK_HAS(t, "The council");
    CHECK_HAS(t, "McAllister and JavaScript");
    free(t);
    gisa_document_free(d);
}

/* Testimonials in the page's footer outweigh a short product text; the
 * footer is still no candidate for the page's content. */
static void test_no_article_in_footer(void)
{
    static const char *const says[] = {
        "I bought a linen suit here and within an hour at the office five people had asked "
        "where it came from; the fit is perfect and it washed well.",
        "Loved ordering: a beautiful and diverse selection, and what started as one dress "
        "became three, all delivered within the week in lovely paper.",
        "My third order now. The clothes are well made, the sizes are true, and the shop "
        "answers every question on the same day, even at weekends.",
        "There is no happier start of the day than opening a parcel from this shop; the "
        "jewellery I ordered was even finer than in the pictures.",
    };
    buf b = BUF_INIT;
    buf_puts(&b, "<html><body><div class='product'><h1>Iris hemp dress</h1><p>We are in love "
                 "with the Iris dress: cut from rust-coloured hemp, it falls to the knee and "
                 "keeps cool all summer.</p><p>The iris is a flower of courage and hope, and "
                 "the dress carries its colour with a quiet pride.</p></div><footer><div "
                 "class='testimonials'>");
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < sizeof says / sizeof *says; i++) {
            char p[256];
            snprintf(p, sizeof p, "<p>%s (%d)</p>", says[i], round);
            buf_puts(&b, p);
        }
    buf_puts(&b, "</div></footer></body></html>");
    gisa_document *d = must_extract(b.ptr);
    buf_free(&b);
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, "rust-coloured hemp");
    CHECK_HAS(t, "quiet pride");
    CHECK_LACKS(t, "linen suit");
    free(t);
    gisa_document_free(d);
    /* a footer left open around the page's <main> is the page's wrapper */
    d = must_extract("<html><body><footer><div><main><h1>Sea wall</h1><p>" SEA1 "</p><p>" SEA2
                     "</p><p>" SEA3 "</p></main></div></footer></body></html>");
    if (!d)
        return;
    t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, SEA1);
    CHECK_HAS(t, SEA3);
    free(t);
    gisa_document_free(d);
}

/* A template closes the page early ("</body></html>") and the article
 * follows: it is still the page's body, as a browser shows it. */
static void test_content_after_early_end(void)
{
    gisa_document *d = must_extract(
        "<html><head><title>바다숲</title></head><body><header><a href='/'>홈</a></header>"
        "</body></html>\n<div class='post'><h1>바다숲 조성</h1><p>" PARA1 "</p><p>" PARA2
        "</p></div><footer><a href='/f'>회사 소개</a></footer></body></html>");
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, PARA1);
    CHECK_HAS(t, PARA2);
    CHECK_LACKS(t, "회사 소개");
    free(t);
    gisa_document_free(d);
}

/* Tabs: the second panel is hidden until its tab is clicked, and its
 * prose is part of the page; a hidden dropdown of links is not. */
static void test_hidden_panel_with_prose(void)
{
    gisa_document *d = must_extract(
        "<html><body><article><h1>바다숲 조성</h1>"
        "<div role='tabpanel'><p>" PARA1 "</p><p>" PARA3 "</p></div>"
        "<div role='tabpanel' hidden><p>" PARA2 "</p></div>"
        "<div style='display:none'><a href='/a'>정치</a> <a href='/b'>경제</a></div>"
        "</article></body></html>");
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, PARA1);
    CHECK_HAS(t, PARA2);
    CHECK_LACKS(t, "경제");
    free(t);
    gisa_document_free(d);
}

/* Controls and counters among the paragraphs are no text of the page:
 * an ad slot's label, a scripted link with nowhere to go ("Click to
 * expand..."), a schema.org like counter, and a card title linked twice
 * in one block reads once. */
static void test_labels_and_controls(void)
{
    gisa_document *d = must_extract(
        "<html><body><article><h1>바다숲 54곳 조성</h1>"
        "<p>" PARA1 "</p><p>광고</p><p>Advertisement</p>"
        "<p>" PARA2 " <a role='button'>Click to expand...</a></p>"
        "<div itemprop='interactionStatistic'>좋아요 12</div>"
        "<p>" PARA3 "</p>"
        "<ul><li><div><a href='/p/1'>동해 바다숲 지도</a></div>"
        "<div><a href='/p/1'>동해 바다숲 지도</a></div> 해조류 분포를 보여 주는 지도이다.</li>"
        "<li><div><a href='/p/2'>제주 바다숲 지도</a></div>"
        "<div><a href='/p/2'>제주 바다숲 지도</a></div> 제주 연안을 보여 주는 지도이다.</li></ul>"
        "<p>바다숲 지도는 <a href='/map'>지도</a> 누리집과 <a href='/map'>지도</a> 앱에서 본다.</p>"
        "</article></body></html>");
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, PARA1);
    CHECK_HAS(t, PARA2);
    CHECK_HAS(t, PARA3);
    CHECK_LACKS(t, "광고");
    CHECK_LACKS(t, "Advertisement");
    CHECK_LACKS(t, "Click to expand");
    CHECK_LACKS(t, "좋아요 12");
    CHECK_HAS(t, "동해 바다숲 지도 해조류 분포를 보여 주는 지도이다.");
    CHECK_HAS(t, "제주 바다숲 지도 제주 연안을 보여 주는 지도이다.");
    /* Inside a sentence, each link's text stays. */
    CHECK_HAS(t, "바다숲 지도는 지도 누리집과 지도 앱에서 본다.");
    free(t);
    gisa_document_free(d);
}

/* A product's options: a form's long list of fabrics, each a radio
 * button and its label, is the page's text; a poll of a few words (its
 * options radio buttons too, with a vote button) and a consent checkbox
 * are not. */
#define FABRIC(v, name)                                                                   \
    "<div class='option'><input type='radio' name='fabric' id='f" v "' value='" v "'>"  \
    "<label for='f" v "'>" name "</label></div>"
static void test_product_options(void)
{
    gisa_document *d = must_extract(
        "<html><body><main><h1>Harbour Lounge Chair</h1>"
        "<p>" PARA1 "</p><p>" PARA2 "</p>"
        "<form action='/cart/add' method='post'><input type='hidden' name='id' value='77'>"
        "<div class='options'><span>Fabric:</span>"
        FABRIC("1", "Quarry Wool Charcoal") FABRIC("2", "Quarry Wool Heather")
        FABRIC("3", "Quarry Wool Sand") FABRIC("4", "Tidal Linen Pebble")
        FABRIC("5", "Tidal Linen Rust") FABRIC("6", "Tidal Linen Sage")
        FABRIC("7", "Moorland Tweed Moss") FABRIC("8", "Moorland Tweed Peat")
        FABRIC("9", "Moorland Tweed Slate") FABRIC("10", "Saltmarsh Velvet Kelp")
        FABRIC("11", "Saltmarsh Velvet Ochre") FABRIC("12", "Saltmarsh Velvet Plum")
        FABRIC("13", "Driftwood Boucle Ivory") FABRIC("14", "Driftwood Boucle Oat")
        FABRIC("15", "Driftwood Boucle Stone") FABRIC("16", "Lantern Chenille Fog")
        FABRIC("17", "Lantern Chenille Cloud") FABRIC("18", "Lantern Chenille Ember")
        FABRIC("19", "Beacon Leather Tan") FABRIC("20", "Beacon Leather Walnut")
        "</div>"
        "<div class='consent'><input type='checkbox' id='c1'>"
        "<label for='c1'>Send me offers by email</label></div>"
        "<input type='number' name='qty' value='1'><button type='submit'>Add to cart</button>"
        "</form>"
        "<p>" PARA3 "</p>"
        "<div class='poll'><p>Which chair do you like?</p>"
        "<div><input type='radio' name='q' id='q1'><label for='q1'>Harbour poll answer</label></div>"
        "<div><input type='radio' name='q' id='q2'><label for='q2'>Tidal poll answer</label></div>"
        "<button>Vote</button></div>"
        "</main></body></html>");
    if (!d)
        return;
    char *t = render_str(d, GISA_FORMAT_TEXT);
    CHECK_HAS(t, PARA1);
    CHECK_HAS(t, PARA3);
    CHECK_HAS(t, "Quarry Wool Charcoal");
    CHECK_HAS(t, "Tidal Linen Sage");
    CHECK_HAS(t, "Beacon Leather Walnut");
    CHECK_LACKS(t, "Send me offers");
    CHECK_LACKS(t, "poll answer");
    CHECK_LACKS(t, "Which chair");
    free(t);
    gisa_document_free(d);
}

static void test_deterministic(void)
{
    const char *html = "<html><body><article><h1>같은 입력</h1><p>" PARA1 "</p><p>" PARA2
                       "</p></article></body></html>";
    gisa_error err;
    gisa_document *a = extract_html_str(html, &err), *b = extract_html_str(html, &err);
    CHECK(a && b);
    if (a && b) {
        char *ja = render_str(a, GISA_FORMAT_JSON), *jb = render_str(b, GISA_FORMAT_JSON);
        CHECK_STR(ja, jb);
        free(ja);
        free(jb);
    }
    gisa_document_free(a);
    gisa_document_free(b);
}

int main(void)
{
    test_boilerplate_left_out();
    test_block_kinds();
    test_metadata();
    test_entities_hidden_repeats();
    test_deep_nesting();
    test_no_article();
    test_footer_with_prose();
    test_minor_regions_by_class();
    test_sections_pointing_elsewhere();
    test_list_shown_twice();
    test_thread_of_short_posts();
    test_listing_page();
    test_thread_in_form();
    test_climb_stops_at_main();
    test_content_after_early_end();
    test_mega_menu_header();
    test_replies_after_article();
    test_page_header_on_lenient_try();
    test_skip_link();
    test_control_labels();
    test_joined_spans();
    test_no_article_in_footer();
    test_hidden_panel_with_prose();
    test_labels_and_controls();
    test_product_options();
    test_nav_of_custom_elements();
    test_deterministic();
    CHECK_DONE();
}
