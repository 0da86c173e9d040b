/* test_title.c - which headline an HTML page gets (title.c), one small
 * page per rule. */
#include "check.h"
#include "util.h"
#include "util/buf.h"

#define PROSE                                                                        \
    "<p>Harbour masters publish the times of high and low water for every day of "   \
    "the year, and a skipper who reads them well can leave on the ebb and come "     \
    "home on the flood without fighting the current.</p>"                            \
    "<p>The tables give heights above chart datum, so the depth over a sandbar at "  \
    "any hour is the charted depth plus the height of tide, less a margin for the "  \
    "swell and for the error in the prediction itself.</p>"

/* The title of a page made of `head` and `body` (body prose added). */
static const char *title_of(const char *head, const char *body, gisa_document **keep)
{
    buf b = BUF_INIT;
    buf_puts(&b, "<html><head>");
    buf_puts(&b, head);
    buf_puts(&b, "</head><body>");
    buf_puts(&b, body);
    buf_puts(&b, "<div class='content'>" PROSE "</div></body></html>");
    gisa_error err;
    *keep = extract_html_str(b.ptr, &err);
    buf_free(&b);
    CHECK(*keep != NULL);
    return *keep ? (*keep)->title : NULL;
}

static void expect(const char *head, const char *body, const char *want, int line)
{
    gisa_document *d = NULL;
    const char *got = title_of(head, body, &d);
    if (!got || strcmp(got, want))
        fprintf(stderr, "  (fixture at line %d)\n", line);
    CHECK_STR(got, want);
    gisa_document_free(d);
}
#define EXPECT(head, body, want) expect(head, body, want, __LINE__)

/* "Headline | Site": the part that names the site goes. */
static void test_site_after(void)
{
    EXPECT("<title>Reading tide tables | Harbour Weekly</title>"
           "<meta property='og:site_name' content='Harbour Weekly'>",
           "", "Reading tide tables");
    /* Unknown site: the last part is taken for it. */
    EXPECT("<title>Reading tide tables - Tidewatch</title>", "", "Reading tide tables");
}

/* "Site | Headline": recognised by og:site_name or by the host name. */
static void test_site_before(void)
{
    EXPECT("<title>Harbour Weekly | Reading tide tables</title>"
           "<meta property='og:site_name' content='Harbour Weekly'>",
           "", "Reading tide tables");
    EXPECT("<title>Tidewatch.org - Reading tide tables</title>"
           "<link rel='canonical' href='https://www.tidewatch.org/guides/tables'>",
           "", "Reading tide tables");
    EXPECT("<title>Tidewatch | Reading tide tables</title>"
           "<link rel='canonical' href='https://tidewatch.co.uk/guides/tables'>",
           "", "Reading tide tables");
    /* On the front page the site is the subject. */
    EXPECT("<title>Harbour Weekly | News from the coast</title>"
           "<meta property='og:site_name' content='Harbour Weekly'>"
           "<link rel='canonical' href='https://harbourweekly.example/'>",
           "", "Harbour Weekly");
}

/* An <h1> that the <title> confirms wins over the <title>'s wording. */
static void test_h1_confirmed(void)
{
    EXPECT("<title>Reading tide tables before you sail | Harbour Weekly</title>",
           "<h1>Reading tide tables</h1>", "Reading tide tables");
    /* The site's name as a heading is not the headline. */
    EXPECT("<title>Reading tide tables | Harbour Weekly</title>"
           "<meta property='og:site_name' content='Harbour Weekly'>",
           "<h1>Harbour Weekly</h1><h1>How tides are read</h1>", "Reading tide tables");
}

/* A heading made of links is a logo, unless it is the headline itself. */
static void test_linked_h1(void)
{
    EXPECT("<title>Reading tide tables | Harbour News Weekly</title>",
           "<header><h1><a href='/'>Harbour News</a></h1></header>", "Reading tide tables");
    EXPECT("<title>Why do tides lag the moon? - Sea Questions</title>",
           "<h1><a href='/q/17'>Why do tides lag the moon?</a></h1>",
           "Why do tides lag the moon?");
    EXPECT("<title>Reading tide tables | Harbour Weekly</title>",
           "<nav><h1>Sections and services</h1></nav>", "Reading tide tables");
}

/* One <h1> inside an <article> is the story's heading even when the
 * <title> words it differently; several are a listing's teasers. */
static void test_article_h1(void)
{
    EXPECT("<title>Tide tables | Harbour Weekly</title>",
           "<article><h1>What the harbour master's numbers mean</h1>" PROSE "</article>",
           "What the harbour master's numbers mean");
    EXPECT("<title>Coastal news | Harbour Weekly</title>",
           "<article><h1>Ferry timetable changes in spring</h1></article>"
           "<article><h1>Lifeboat crew rescues two kayakers</h1></article>",
           "Coastal news");
}

/* og:title is the end of the <title>: what precedes it is the site. */
static void test_og_after_site(void)
{
    EXPECT("<title>Logbook: Mending a torn jib</title>"
           "<meta property='og:title' content='Mending a torn jib'>",
           "<h1>Logbook</h1>", "Mending a torn jib");
    EXPECT("<title>Sailmaker Docs: 4: Seams</title>"
           "<meta property='og:title' content='Seams'>",
           "", "Seams");
}

/* Korean pages keep their headlines. */
static void test_korean(void)
{
    EXPECT("<title>바다숲 54곳 새로 조성 | 대한민국 정책브리핑</title>"
           "<meta property='og:site_name' content='대한민국 정책브리핑'>",
           "<h1><a href='/'>정책브리핑</a></h1>", "바다숲 54곳 새로 조성");
    EXPECT("<title>\"바다숲 지킨다\"…연안 54곳 조성 : 네이버 뉴스</title>",
           "<h1><a href='https://news.example'>NAVER</a> <a href='/'>뉴스</a></h1>",
           "\"바다숲 지킨다\"…연안 54곳 조성");
}

/* A <title> that names only the site, on a page that is not the front
 * page: the page's own heading. On the front page the site is it. */
static void test_title_only_site(void)
{
    EXPECT("<title>Tidewatch</title><meta property='og:site_name' content='Tidewatch'>"
           "<link rel='canonical' href='https://tidewatch.example/shop/tables-2026'>",
           "<h1>Tide tables for 2026</h1>", "Tide tables for 2026");
    EXPECT("<title>Tidewatch</title><meta property='og:site_name' content='Tidewatch'>"
           "<link rel='canonical' href='https://tidewatch.example/'>",
           "<h1>Tide tables for 2026</h1>", "Tidewatch");
}

/* The site's name repeated inside the headline element, and a bar
 * before a tagline ("Headline | Top 19 Companies"), go. */
static void test_site_in_h1(void)
{
    EXPECT("<title>Spring tide warning | Harbour.com</title>"
           "<meta property='og:site_name' content='Harbour.com'>",
           "<h1>Spring tide warning | Harbour</h1>", "Spring tide warning");
    EXPECT("<title>Best tide apps of 2026 | Seven we tried | Tidewatch</title>"
           "<meta property='og:site_name' content='Tidewatch'>",
           "<h1>Best tide apps of 2026 | Seven we tried</h1>", "Best tide apps of 2026");
}

/* A title escaped twice keeps its references in the parsed text; an
 * icon's <svg><title> is no page title. */
static void test_escaped_and_icons(void)
{
    EXPECT("<title>Sails &amp;#x26; rigging &amp;amp; more</title>", "",
           "Sails & rigging & more");
    EXPECT("", "<a href='/share'><svg><title>LinkedIn</title></svg></a>"
               "<h1>Spring tide warning for the estuary</h1>",
           "Spring tide warning for the estuary");
}

/* A word of a long <title> is no confirmation of a one-word <h1> (a
 * heading in the text, after the page's file name). */
static void test_h1_word_of_title(void)
{
    EXPECT("<title>How a harbour pilot reads the tide, the wind and Ferrybridge · Logs</title>"
           "<meta property='og:title' "
           "content='How a harbour pilot reads the tide, the wind and Ferrybridge'>",
           "<h1>pilot / tides.md</h1><h1>Ferrybridge</h1>",
           "How a harbour pilot reads the tide, the wind and Ferrybridge");
}

/* "Thread: Headline" where the <title> says "Headline": a board's label. */
static void test_board_label(void)
{
    EXPECT("<title>Which tide app do you trust? | Sailing Forum</title>",
           "<h1>Thread: Which tide app do you trust?</h1>", "Which tide app do you trust?");
    /* A headline with a colon of its own keeps it. */
    EXPECT("<title>Tide tables: a guide for beginners | Harbour Weekly</title>",
           "<h1>Tide tables: a guide for beginners</h1>", "Tide tables: a guide for beginners");
}

/* An <h1> that JSON-LD's headline repeats is the headline, however the
 * <title> rewords it for search results. */
static void test_ld_agrees(void)
{
    EXPECT("<title>Tide tables explained | Harbour Weekly</title>"
           "<script type='application/ld+json'>{\"@type\":\"Article\","
           "\"headline\":\"How to read a tide table before you sail\"}</script>",
           "<h1>How to read a tide table before you sail</h1>",
           "How to read a tide table before you sail");
    /* Without JSON-LD the <title> still decides between unrelated wordings. */
    EXPECT("<title>Tide tables explained | Harbour Weekly</title>",
           "<h1>How to read a tide table before you sail</h1>", "Tide tables explained");
}

/* "Brand - tagline", no og:title, an <h1> sharing no word with it: the
 * <title> is the site's shell and the <h1> names the page. */
static void test_shell_title(void)
{
    EXPECT("<title>Tidewatch - The heart of the harbour</title>",
           "<h1>Which anchor holds best in soft mud?</h1>",
           "Which anchor holds best in soft mud?");
    /* With an og:title the page names itself: the <title> stands. */
    EXPECT("<title>Tidewatch - The heart of the harbour</title>"
           "<meta property='og:title' content='Tidewatch - The heart of the harbour'>",
           "<h1>Which anchor holds best in soft mud?</h1>", "Tidewatch");
    /* A headline of more than two words before the bar is the page's own. */
    EXPECT("<title>Anchors for soft mud - Tidewatch</title>",
           "<h1>Which hook holds best?</h1>", "Anchors for soft mud");
}

/* "Headline - Short Tagline": one dash before a short, name-like tail
 * parts the headline from a tagline or a board's name. The <h1> and the
 * <title> (less its site) carry the same words here. */
#define DASHED(h, want) EXPECT("<title>" h " | Tidewatch</title>", "<h1>" h "</h1>", want)
static void test_dash_tagline(void)
{
    DASHED("Reading tide tables for beginners - Harbour Forum",
           "Reading tide tables for beginners");
    DASHED("Tide clock with moon phase - 12 Inch Dial", "Tide clock with moon phase");
    /* A tail in lower case goes on with the sentence. */
    DASHED("Reading tide tables for beginners - tips and tricks",
           "Reading tide tables for beginners - tips and tricks");
    /* A tail with a year is the headline's edition. */
    DASHED("The best tide apps for sailors - March 2026",
           "The best tide apps for sailors - March 2026");
    /* A long tail is the headline's second half. */
    DASHED("Spring tides explained - Why The Moon Pulls Twice A Day",
           "Spring tides explained - Why The Moon Pulls Twice A Day");
    /* Two dashes: one long name. */
    DASHED("Harbour chart of Solent – East – Folded", "Harbour chart of Solent – East – Folded");
    /* A short headline keeps its tail ("Nintendo Switch - OLED Model"). */
    DASHED("Tide Clock - Brass Edition", "Tide Clock - Brass Edition");
}

int main(void)
{
    test_dash_tagline();
    test_ld_agrees();
    test_shell_title();
    test_board_label();
    test_site_in_h1();
    test_escaped_and_icons();
    test_h1_word_of_title();
    test_site_after();
    test_site_before();
    test_h1_confirmed();
    test_linked_h1();
    test_article_h1();
    test_og_after_site();
    test_korean();
    test_title_only_site();
    CHECK_DONE();
}
