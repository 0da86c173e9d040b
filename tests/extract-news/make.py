#!/usr/bin/python3
"""make.py - write the news-style extraction set (issue #20).

usage: make.py OUTDIR

Writes OUTDIR/html/<id>.html and OUTDIR/ground-truth/<id>.json (the WCXB
layout that ../shared/eval/score-extract reads): 48 pages, each one of
the fictional articles in articles.py dressed in the page furniture of a
kind of major news site, English or Korean: comment threads, forum
replies and reader reviews after the article, trending strips, skip
links, newsletter modals and cookie dialogs, hidden form responses,
"you may also like" lists and related grids, live-blog updates,
galleries, lists, tables and embeds inside the article, reporter lines,
"관련기사" boxes, end marks and board breadcrumbs. The gold text is the
article as a reader would copy it: headline excluded, subheadings, list
items, table cells and captions included; bylines, e-mail lines, end
marks and all page furniture excluded.

Deterministic: the same set every run. Hosts are example.* names so no
site hint (src/extract/sitehints.c) applies: selection is generic.
"""
import html
import json
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from articles import EN, KO, EN_COMMENTS, EN_TEASERS, KO_COMMENTS, KO_TEASERS  # noqa: E402

E = html.escape

LABELS = {
    "en": dict(nav=["World", "Politics", "Business", "Science", "Sport", "Culture", "Opinion"],
               home="Home", section="Local", by="By", share=["Share on Facebook", "Share on X", "Email this"],
               tags=["Environment", "Local news", "Community"], comments="Comments", reply="Reply",
               most="Most read", related="More from", also="You may also like", trending="TRENDING",
               skip="Skip to main content", newsletter="Get the morning briefing",
               nl_text="Sign up for our free newsletter and get the day's most important stories delivered to your inbox every morning before breakfast, with analysis from our correspondents around the world.",
               subscribe="Subscribe", thanks="Thanks for contacting us. We've received your submission and one of our editors will get back to you within two working days. In the meantime you can read our answers to the questions readers ask most often in the help centre.",
               contact="Contact the newsroom", send="Send", live="Live", load="Load more updates",
               key="Key events", next="Next", prev="Previous", read_more="Read more:",
               replies="replies", reviews="Reader reviews", advert="Advertisement",
               cookie="We use cookies to improve your experience on our site, to show you personalised content and to analyse our traffic. By clicking accept you agree to the storing of cookies on your device as described in our cookie policy.",
               accept="Accept all", footer="All rights reserved. About us · Contact · Privacy policy · Terms of use"),
    "ko": dict(nav=["정치", "경제", "사회", "국제", "문화", "스포츠", "오피니언"],
               home="홈", section="사회", by="", share=["페이스북 공유", "카카오톡 공유", "링크 복사"],
               tags=["지역", "생활", "사회일반"], comments="댓글", reply="답글",
               most="많이 본 뉴스", related="관련 뉴스", also="이 기사와 함께 많이 본 뉴스", trending="실시간 인기",
               skip="본문 바로가기", newsletter="뉴스레터 구독하기",
               nl_text="매일 아침 가장 중요한 뉴스를 골라 이메일로 보내드립니다. 지금 구독하시면 주말판 특집 기사와 기자들의 취재 뒷이야기도 함께 받아보실 수 있습니다.",
               subscribe="구독", thanks="문의해 주셔서 감사합니다. 보내주신 내용이 정상적으로 접수되었으며 담당자가 확인한 뒤 영업일 기준 이틀 안에 답변을 드리겠습니다. 자주 묻는 질문은 고객센터에서 확인하실 수 있습니다.",
               contact="기사 제보하기", send="보내기", live="실시간", load="업데이트 더 보기",
               key="주요 장면", next="다음", prev="이전", read_more="함께 읽기:",
               replies="개의 답글", reviews="독자 평가", advert="광고",
               cookie="이 사이트는 이용자 경험을 개선하고 맞춤형 콘텐츠를 제공하기 위해 쿠키를 사용합니다. 동의를 누르시면 쿠키 정책에 따라 쿠키를 저장하는 데 동의하게 됩니다.",
               accept="동의", footer="Copyright ⓒ 무단전재 및 재배포 금지. 회사소개 · 광고문의 · 개인정보처리방침 · 청소년보호정책"),
}


def body(a, lang, para_tag=True, captions=None):
    """The article's body as HTML and as gold text.

    Subheading, list and table are put where the article says; captions
    (a list of strings) become figures after every other paragraph."""
    parts, gold = [], []
    sub = a.get("sub")
    for i, p in enumerate(a["paras"]):
        if sub and sub[1] == i:
            parts.append(f"<h2>{E(sub[0])}</h2>")
            gold.append(sub[0])
        parts.append(f"<p>{E(p)}</p>" if para_tag else E(p) + "<br><br>")
        gold.append(p)
        if i == 1 and a.get("table"):
            rows = "".join("<tr>" + "".join(f"<{'th' if r == 0 else 'td'}>{E(c)}</{'th' if r == 0 else 'td'}>"
                                            for c in row) + "</tr>" for r, row in enumerate(a["table"]))
            parts.append(f"<table class=\"data\">{rows}</table>")
            gold.extend(" ".join(row) for row in a["table"])
        if i == 2 and a.get("items"):
            parts.append("<ul>" + "".join(f"<li>{E(t)}</li>" for t in a["items"]) + "</ul>")
            gold.extend(a["items"])
        if captions and i % 2 == 0 and i // 2 < len(captions):
            c = captions[i // 2]
            parts.append(f"<figure class=\"photo\"><img src=\"/img/{i}.jpg\" alt=\"photo\">"
                         f"<figcaption>{E(c)}</figcaption></figure>")
            gold.append(c)
    return "\n".join(parts), gold


def head(a, lang, title):
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
            f"<title>{E(title)}</title>"
            f"<meta property=\"og:site_name\" content=\"{E(a['site'])}\">"
            f"<meta name=\"viewport\" content=\"width=device-width\"></head>\n<body>\n")


def masthead(a, L):
    nav = "".join(f"<li><a href=\"/{i}\">{E(x)}</a></li>" for i, x in enumerate(L["nav"]))
    return (f"<header class=\"site-header\"><a class=\"logo\" href=\"/\">{E(a['site'])}</a>"
            f"<nav class=\"main-nav\"><ul>{nav}</ul></nav>"
            f"<form class=\"search\"><input name=\"q\"><button>Search</button></form></header>\n")


def byline(a, L):
    by = f"{L['by']} " if L["by"] else ""
    tail = "" if L["by"] else " 기자"
    return (f"<div class=\"byline\">{by}<a rel=\"author\" href=\"/authors/1\">{E(a['author'])}</a>{tail} · "
            f"<time datetime=\"{a['date']}\">{a['date']}</time></div>\n")


def share(L):
    return ("<div class=\"share-bar\">" + "".join(f"<a href=\"#\">{E(s)}</a>" for s in L["share"]) +
            "</div>\n")


def teasers(lang, n, start, blurbs=True, tag="li"):
    t = EN_TEASERS if lang == "en" else KO_TEASERS
    out = []
    for k in range(n):
        h, b = t[(start + k) % len(t)]
        inner = f"<a href=\"/story/{start + k}\">{E(h)}</a>" + (f"<p>{E(b)}</p>" if blurbs else "")
        out.append(f"<{tag} class=\"card\">{inner}</{tag}>")
    return "".join(out)


def comments(lang, n, start, cls="comment"):
    c = KO_COMMENTS if lang == "ko" else EN_COMMENTS
    names = ["river_walker", "J. Moss", "oldtowner", "neighbour22", "kestrel", "m.park"]
    return "".join(
        f"<div class=\"{cls}\"><span class=\"user\">{names[(start + k) % len(names)]}</span>"
        f"<p>{E(c[(start + k) % len(c)])}</p><a href=\"#\" class=\"reply\">Reply</a></div>"
        for k in range(n))


def footer(a, L):
    return f"<footer class=\"site-footer\"><p>© 2026 {E(a['site'])}. {E(L['footer'])}</p></footer>\n</body></html>\n"


# ------------------------------------------------------------- layouts
# Each takes (article, lang, seed) and returns (html, gold text list).

def broadsheet(a, lang, s):
    L = LABELS[lang]
    b, gold = body(a, lang)
    tags = "".join(f"<li><a href=\"/tag/{i}\">{E(t)}</a></li>" for i, t in enumerate(L["tags"]))
    bio = (f"{a['author']} is a reporter covering local government and the environment. "
           "She has written for the paper since 2015 and previously reported from the coast.") \
        if lang == "en" else f"{a['author']} 기자는 지역 사회와 환경 분야를 취재하고 있습니다. 제보는 언제든 환영합니다."
    h = (head(a, lang, f"{a['title']} | {a['site']}") + masthead(a, L) +
         f"<nav class=\"breadcrumb\"><a href=\"/\">{L['home']}</a> &gt; <a href=\"/local\">{L['section']}</a></nav>\n"
         "<main><article class=\"story\">\n"
         f"<h1 class=\"headline\">{E(a['title'])}</h1>\n" + byline(a, L) + share(L) +
         f"<div class=\"article-body\">\n{b}\n</div>\n"
         f"<ul class=\"tags\">{tags}</ul>\n"
         f"<div class=\"author-box\"><p>{E(bio)}</p></div>\n"
         "</article>\n"
         f"<section id=\"comments\"><h2>{L['comments']} (8)</h2>{comments(lang, 8, s)}</section>\n"
         f"</main>\n<aside class=\"most-read\"><h2>{L['most']}</h2><ol>{teasers(lang, 5, s, False)}</ol></aside>\n"
         + footer(a, L))
    return h, gold


def cable(a, lang, s):
    """Skip link, trending strip, ad slots and a read-more split inside the
    body, a hidden newsletter modal and a related grid."""
    L = LABELS[lang]
    paras = a["paras"]
    b, gold = body(a, lang)
    # an ad slot and a "read more" line after the second paragraph
    cut = b.find(f"<p>{E(paras[2])}</p>")
    b = (b[:cut] + f"<div class=\"ad-slot\"><span>{L['advert']}</span></div>\n"
         f"<p class=\"read-more\"><strong>{L['read_more']}</strong> <a href=\"/story/9\">{E((EN_TEASERS if lang == 'en' else KO_TEASERS)[s % 6][0])}</a></p>\n"
         + b[cut:])
    trend = "".join(f"<a href=\"/t/{k}\">{E(h)}</a>" for k, (h, _) in
                    enumerate((EN_TEASERS if lang == "en" else KO_TEASERS)[:4]))
    h = (head(a, lang, f"{a['title']} - {a['site']}") +
         f"<a class=\"skip-link\" href=\"#main\">{L['skip']}</a>\n" + masthead(a, L) +
         f"<div class=\"trending-bar\"><span class=\"label\">{L['trending']}</span>{trend}</div>\n"
         "<div class=\"page\"><div class=\"headline-wrap\">"
         f"<h1 class=\"pg-headline\">{E(a['title'])}</h1>" + byline(a, L) + "</div>\n"
         f"<div class=\"article__content\" id=\"main\" itemprop=\"articleBody\">\n{b}\n</div>\n"
         f"<section class=\"related-grid\"><h2>{L['related']} {E(a['site'])}</h2>{teasers(lang, 6, s, True, 'div')}</section>\n"
         "</div>\n"
         f"<div class=\"modal newsletter-modal\" role=\"dialog\" aria-hidden=\"true\" style=\"display:none\">"
         f"<h2>{L['newsletter']}</h2><p>{E(L['nl_text'])}</p><p>{E(L['nl_text'])}</p>"
         f"<form><input type=\"email\"><button>{L['subscribe']}</button></form></div>\n"
         + footer(a, L))
    return h, gold


def formresp(a, lang, s):
    """A plain article in a container with no telling class, next to a
    contact form whose response message (hidden by the stylesheet only)
    is long prose, and a "you may also like" list with blurbs."""
    L = LABELS[lang]
    b, gold = body(a, lang)
    h = (head(a, lang, f"{a['site']}: {a['title']}") + masthead(a, L) +
         "<style>.w-form-done{display:none}</style>"
         "<div class=\"wrap\"><div class=\"c-1x7q\">\n"
         f"<h1>{E(a['title'])}</h1>" + byline(a, L) + f"\n{b}\n</div>\n"
         f"<div class=\"you-may-also-like\"><h3>{L['also']}</h3><ul>{teasers(lang, 6, s + 1)}</ul></div>\n"
         f"<div class=\"contact\"><h3>{L['contact']}</h3><form class=\"contact-form\"><textarea></textarea>"
         f"<button>{L['send']}</button></form>"
         # hidden by the stylesheet only, as site builders do
         f"<div class=\"w-form-done\"><p>{E(L['thanks'])}</p><p>{E(L['thanks'])}</p><p>{E(L['thanks'])}</p></div></div>\n"
         "</div>\n" + footer(a, L))
    return h, gold


def liveblog(a, lang, s):
    L = LABELS[lang]
    paras = a["paras"]
    gold = [paras[0]]
    keys = "".join(f"<li><a href=\"#u{k}\">{E(p[:40])}</a></li>" for k, p in enumerate(paras[1:4]))
    ups = []
    for k, p in enumerate(paras[1:], 1):
        ups.append(f"<div class=\"live-update\" id=\"u{k}\"><span class=\"update-time\">{9 + k}:{10 * k % 60:02d}</span>"
                   f"<p>{E(p)}</p><div class=\"share-bar\"><a href=\"#\">{E(L['share'][0])}</a></div></div>")
        gold.append(p)
    if a.get("items"):
        ups.insert(2, "<div class=\"live-update\"><ul>" + "".join(f"<li>{E(t)}</li>" for t in a["items"]) + "</ul></div>")
        gold[3:3] = a["items"]
    h = (head(a, lang, f"{L['live']}: {a['title']} | {a['site']}") + masthead(a, L) +
         "<main><div class=\"live-blog\">"
         f"<span class=\"live-badge\">{L['live']}</span><h1>{E(a['title'])}</h1>" + byline(a, L) +
         f"<p class=\"standfirst\">{E(paras[0])}</p>\n"
         f"<div class=\"key-events\"><h2>{L['key']}</h2><ul>{keys}</ul></div>\n"
         "<div class=\"updates\">" + "\n".join(ups) + "</div>\n"
         f"<button class=\"load-more\">{L['load']}</button></div>\n"
         f"<aside class=\"sidebar\"><h2>{L['most']}</h2><ul>{teasers(lang, 6, s, True)}</ul></aside></main>\n"
         + footer(a, L))
    return h, gold


def gallery(a, lang, s):
    L = LABELS[lang]
    caps = (["Volunteers at work on a bright morning.", "The view from the old harbour road.",
             "A visitor stops to read the notice board."] if lang == "en" else
            ["봉사자들이 아침부터 작업하고 있다.", "옛 항구 길에서 바라본 모습.", "방문객이 안내판을 읽고 있다."])
    b, gold = body(a, lang, captions=caps)
    slides = "".join(f"<li><img src=\"/g/{k}.jpg\" alt=\"\"><span class=\"count\">{k + 1} / 5</span></li>" for k in range(5))
    h = (head(a, lang, f"{a['title']} | {a['site']}") + masthead(a, L) +
         "<div id=\"content\"><article>"
         f"<header><h1 itemprop=\"headline\">{E(a['title'])}</h1>" + byline(a, L) + "</header>\n"
         f"<div class=\"gallery-strip\"><ul>{slides}</ul><button>{L['prev']}</button><button>{L['next']}</button></div>\n"
         f"<div class=\"entry-content\">\n{b}\n</div>\n" + share(L) + "</article>\n"
         f"<div class=\"related-posts\"><h2>{L['related']}</h2><div class=\"grid\">{teasers(lang, 6, s + 2, True, 'div')}</div></div>\n"
         "</div>\n" + footer(a, L))
    return h, gold


def widgets(a, lang, s):
    """A long body broken by an inline newsletter box and a video embed,
    then forum replies under a count heading with no comment classes."""
    L = LABELS[lang]
    b, gold = body(a, lang)
    cut = b.find(f"<p>{E(a['paras'][3])}</p>")
    b = (b[:cut] + f"<div class=\"inline-signup\"><p>{E(L['nl_text'])}</p><form><input type=\"email\">"
         f"<button>{L['subscribe']}</button></form></div>\n"
         "<div class=\"embed\"><iframe src=\"https://video.example.net/embed/1\" title=\"video\"></iframe></div>\n"
         + b[cut:])
    h = (head(a, lang, f"{a['title']} — {a['site']}") + masthead(a, L) +
         "<div class=\"container\"><div class=\"col-main\">"
         f"<h1 class=\"entry-title\">{E(a['title'])}</h1>" + byline(a, L) +
         f"<div class=\"text\">\n{b}\n</div>\n"
         f"<div class=\"thread\"><h3>7 {L['replies']}</h3>{comments(lang, 7, s + 3, 'post')}</div>\n"
         "</div></div>\n" + footer(a, L))
    return h, gold


def reviews(a, lang, s):
    L = LABELS[lang]
    b, gold = body(a, lang)
    revs = "".join(f"<div class=\"review\"><span class=\"stars\">★★★★☆</span>"
                   f"<p>{E(c)}</p></div>" for c in (EN_COMMENTS if lang == "en" else KO_COMMENTS)[s % 3:s % 3 + 5])
    h = (head(a, lang, f"{a['title']} | {a['site']}") + masthead(a, L) +
         "<main><article>"
         f"<h1>{E(a['title'])}</h1>" + byline(a, L) + f"<section class=\"content\">\n{b}\n</section>\n"
         f"<section class=\"reader-reviews\"><h2>{L['reviews']}</h2>{revs}</section>\n"
         "</article></main>\n" + footer(a, L))
    return h, gold


def plain(a, lang, s):
    """Old-style markup with no semantic tags, a cookie dialog at the top
    and a comment thread in a container named only by its id."""
    L = LABELS[lang]
    b, gold = body(a, lang)
    h = (head(a, lang, a["title"]) +
         f"<div id=\"cookie-consent\" role=\"dialog\" class=\"cookie-banner\"><p>{E(L['cookie'])}</p>"
         f"<button>{L['accept']}</button></div>\n" + masthead(a, L) +
         "<div id=\"wrapper\"><div id=\"left\">"
         f"<div class=\"title\"><b>{E(a['title'])}</b></div>" + byline(a, L) +
         f"<div id=\"story\">\n{b}\n</div>\n"
         f"<div id=\"disqus_thread\">{comments(lang, 6, s)}</div></div>\n"
         f"<div id=\"right\"><h4>{L['most']}</h4>{teasers(lang, 6, s, True, 'div')}</div></div>\n"
         + footer(a, L))
    return h, gold


def knews(a, lang, s):
    """A Korean newspaper: reporter line with e-mail, 관련기사 box inside
    the body, copyright line, ranking and comments."""
    L = LABELS["ko"]
    b, gold = body(a, "ko")
    rel = ("<div class=\"relation-news\"><strong>관련기사</strong><ul>" +
           "".join(f"<li><a href=\"/r/{k}\">{E(h)}</a></li>" for k, (h, _) in enumerate(KO_TEASERS[:3])) +
           "</ul></div>")
    cut = b.find(f"<p>{E(a['paras'][2])}</p>")
    b = b[:cut] + rel + "\n" + b[cut:]
    h = (head(a, "ko", f"{a['title']} - {a['site']}") + masthead(a, L) +
         "<div id=\"container\"><div class=\"article-head\">"
         f"<p class=\"section-name\">{L['section']}</p><h1 class=\"article-title\">{E(a['title'])}</h1>"
         f"<ul class=\"info\"><li>입력 {a['date']} 09:30</li><li>{E(a['author'])} 기자</li></ul></div>\n"
         f"<div id=\"articleBody\" class=\"news-view\">\n{b}\n"
         f"<p class=\"reporter\">{E(a['author'])} 기자 reporter{s}@example.co.kr</p>\n"
         f"<p class=\"copyright\">&lt;저작권자 © {E(a['site'])}, 무단전재 및 재배포 금지&gt;</p></div>\n"
         f"<div class=\"cmt-area\"><h3>{L['comments']} 6</h3>{comments('ko', 6, s)}</div>\n"
         f"<div class=\"ranking\"><h3>{L['most']}</h3><ol>{teasers('ko', 6, s, False)}</ol></div></div>\n"
         + footer(a, L))
    return h, gold


def portal(a, lang, s):
    """A portal's copy: <br><br> paragraphs, reporter line and reactions."""
    L = LABELS["ko"]
    b, gold = body(a, "ko", para_tag=False)
    h = (head(a, "ko", f"{a['title']} : 포털 뉴스") + masthead(a, L) +
         f"<div class=\"media_end_head\"><div class=\"press\">{E(a['site'])}</div>"
         f"<h2 class=\"media_end_head_headline\">{E(a['title'])}</h2>"
         f"<span class=\"date\">{a['date']} 오전 9:30</span></div>\n"
         f"<div id=\"newsct_article\"><article id=\"dic_body\">\n{b}\n"
         f"{E(a['author'])} 기자 (reporter{s}@example.co.kr)</article></div>\n"
         "<div class=\"reactions\"><a>좋아요 12</a><a>훈훈해요 3</a><a>슬퍼요 0</a><a>화나요 1</a><a>후속기사 원해요 5</a></div>\n"
         f"<div class=\"press-news\"><h4>{E(a['site'])} 주요뉴스</h4><ul>{teasers('ko', 5, s, True)}</ul></div>\n"
         f"<div class=\"u_cbox\"><h4>{L['comments']}</h4>{comments('ko', 5, s + 1)}</div>\n"
         + footer(a, L))
    return h, gold


def ministry(a, lang, s):
    """A ministry's press-release board: breadcrumb, board name in the
    title, info list, <끝>, attachments, 공공누리, survey."""
    L = LABELS["ko"]
    b, gold = body(a, "ko")
    h = (head(a, "ko", f"{a['title']} | 보도자료 | {a['site'] if a['site'].endswith('부') else '행정안전부'}") +
         masthead(a, L) +
         "<div class=\"location\"><a href=\"/\">홈</a> &gt; <a href=\"/news\">알림·소식</a> &gt; <span>보도자료</span></div>\n"
         "<div id=\"contents\"><h2 class=\"board-name\">보도자료</h2><div class=\"board_view\">"
         f"<h3 class=\"subject\">{E(a['title'])}</h3>"
         f"<ul class=\"board_info\"><li>담당부서 지역경제과</li><li>등록일 {a['date']}</li><li>조회수 1,204</li></ul>\n"
         f"<div class=\"view_cont\">\n{b}\n<p>&lt;끝&gt;</p></div>\n"
         "<div class=\"file_list\"><strong>첨부파일</strong><ul><li><a href=\"/f/1\">보도자료.hwpx</a></li>"
         "<li><a href=\"/f/2\">보도자료.pdf</a></li></ul></div>\n"
         "<div class=\"kogl\"><img alt=\"공공누리\"><p>본 저작물은 공공누리 제1유형 출처표시 조건에 따라 이용할 수 있습니다.</p></div>\n"
         "<ul class=\"prev_next\"><li>이전글 <a href=\"/p\">지방재정 설명회 개최</a></li><li>다음글 <a href=\"/n\">안전점검 결과 발표</a></li></ul>\n"
         "<div class=\"survey\"><p>이 페이지에서 제공하는 정보에 대하여 만족하십니까?</p><label>매우 만족</label><label>만족</label><label>보통</label><button>평가하기</button></div>\n"
         "</div></div>\n" + footer(a, L))
    return h, gold


EN_LAYOUTS = [broadsheet, cable, formresp, liveblog, gallery, widgets, reviews, plain]
KO_LAYOUTS = [knews, portal, ministry, cable, formresp, liveblog, gallery, widgets]


def pages():
    n = 0
    for lang, arts, layouts in (("en", EN, EN_LAYOUTS), ("ko", KO, KO_LAYOUTS)):
        for i, a in enumerate(arts):
            for k in range(3):
                lay = layouts[(i * 3 + k) % len(layouts)]
                n += 1
                html_text, gold = lay(a, lang, i + k)
                yield f"{n:04d}", lang, lay.__name__, a, html_text, gold


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make.py OUTDIR")
    out = Path(sys.argv[1])
    (out / "html").mkdir(parents=True, exist_ok=True)
    (out / "ground-truth").mkdir(parents=True, exist_ok=True)
    for pid, lang, layout, a, text, gold in pages():
        host = "news.example.com" if lang == "en" else "news.example.co.kr"
        url = f"https://{host}/{layout}/{pid}"
        # news sites say a page is an article; old-style pages and
        # ministry boards mostly do not
        og = "" if layout in ("plain", "ministry") else "<meta property=\"og:type\" content=\"article\">"
        text = text.replace("<head>", f"<head><link rel=\"canonical\" href=\"{url}\">{og}", 1)
        (out / "html" / f"{pid}.html").write_text(text, encoding="utf-8")
        gt = {"title": a["title"], "author": a["author"], "publish_date": a["date"],
              "main_content": "\n\n".join(gold), "with": [], "without": []}
        meta = {"schema_version": "2.0", "url": url, "file_id": pid,
                "_internal": {"page_type": {"primary": {"en": "english", "ko": "korean"}[lang], "layout": layout}},
                "ground_truth": gt}
        (out / "ground-truth" / f"{pid}.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
