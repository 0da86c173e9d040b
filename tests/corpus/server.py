#!/usr/bin/env python3
"""server.py PORTFILE LOGFILE - a local web site for tests/corpus/fetch.sh.

Binds 127.0.0.1 on a free port and writes the port to PORTFILE; when it
can, also 127.0.0.2 (a second host, whose port goes to PORTFILE.2), where
robots.txt answers 503 three times and then asks for a Crawl-delay. Every
request is logged to LOGFILE as one line:

    <arrival unix time> <method> <path> <status> <If-None-Match or -> <User-Agent>

Pages are the repository's examples/*.html; the feeds, robots.txt and the
misbehaving paths (redirects, 429, 503, slow, oversized) are made here.
"""
import gzip
import hashlib
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "examples")
LAST_MODIFIED = "Tue, 10 Mar 2026 09:00:00 GMT"

ROBOTS = b"""# robots.txt of the test site
User-agent: SomeOtherBot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/open
"""

# The full text of one feed item: long enough to stand for the page.
FULL_TEXT = (
    "<p>해양수산부는 12일 동해안 바다숲 조성 사업의 올해 계획을 발표했다. "
    "올해는 강원과 경북 연안 열두 곳에 새로 바다숲을 만들고, 지난해 조성한 "
    "스무 곳의 관리를 이어 간다.</p>"
    "<p>바다숲은 해조류가 자라는 수중 숲으로, 물고기의 산란장과 서식지가 되고 "
    "탄소를 흡수한다. 해양수산부는 갯녹음이 심한 해역을 먼저 골라 해조류를 "
    "옮겨 심고, 성게 같은 조식동물을 걷어 내는 작업을 함께 한다고 밝혔다.</p>"
    "<p>담당 과장은 “어업인과 지역 주민이 함께 관리하는 바다숲을 늘려 연안 "
    "생태계를 되살리겠다”고 말했다. 사업비는 모두 이백억 원이다.</p>"
)

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>시험 보도자료</title>
<link>http://{host}/</link>
<description>test feed</description>
<item>
  <title>동해안 바다숲 올해 열두 곳 새로 조성</title>
  <link>http://{host}/news/full-rss.html</link>
  <pubDate>Thu, 12 Mar 2026 09:00:00 +0900</pubDate>
  <content:encoded><![CDATA[{full}]]></content:encoded>
</item>
<item>
  <title>기사 링크만 있는 항목</title>
  <link>/news/naver.html</link>
  <description>짧은 요약</description>
</item>
<item>
  <title>링크가 없는 항목</title>
  <description>링크도 본문도 없다</description>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>시험 아톰</title>
  <id>urn:test:atom</id>
  <updated>2026-03-12T09:00:00Z</updated>
  <entry>
    <title>아톰 본문 항목</title>
    <id>urn:test:atom:1</id>
    <link rel="alternate" href="http://{host}/news/full-atom.html"/>
    <updated>2026-03-12T10:00:00Z</updated>
    <content type="html">{full_escaped}</content>
  </entry>
  <entry>
    <title>아톰 링크 항목</title>
    <id>urn:test:atom:2</id>
    <link href="http://{host}/news/paper.html"/>
    <updated>2026-03-12T11:00:00Z</updated>
    <summary>요약만</summary>
  </entry>
</feed>
"""

# The second host's robots.txt once it works.
ROBOTS_SLOW = b"User-agent: *\nCrawl-delay: 0.6\nDisallow:\n"

PAGES = {
    "/news/release.html": ("korea-kr-release.html", "text/html; charset=utf-8"),
    "/news/release-euckr.html": ("korea-kr-release.euckr.html", "text/html; charset=euc-kr"),
    "/news/naver.html": ("naver-news.html", "text/html; charset=utf-8"),
    "/news/paper.html": ("newspaper.html", "text/html; charset=utf-8"),
    "/private/secret.html": ("newspaper.html", "text/html; charset=utf-8"),
    "/private/open.html": ("naver-news.html", "text/html; charset=utf-8"),
}

HITS = {}
LOCK = threading.Lock()


def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Handler(BaseHTTPRequestHandler):
    server_version = "gisa-test/1"

    def log_message(self, *args):  # quiet: we keep our own log
        pass

    def log(self, status):
        line = "%.3f %s %s %d %s %s\n" % (
            self.arrived, self.command, self.path, status,
            self.headers.get("If-None-Match", "-"),
            self.headers.get("User-Agent", "-").replace(" ", "_"))
        with LOCK:
            with open(self.server.logfile, "a") as f:
                f.write(line)

    def send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=(),
             length=True, log=True):
        if log:
            self.log(status)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def page(self, name, ctype):
        with open(os.path.join(EXAMPLES, name), "rb") as f:
            body = f.read()
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        validators = [("ETag", etag), ("Last-Modified", LAST_MODIFIED)]
        if self.headers.get("If-None-Match") == etag or \
                self.headers.get("If-Modified-Since") == LAST_MODIFIED:
            self.log(304)
            self.send_response(304)
            for k, v in validators:
                self.send_header(k, v)
            self.end_headers()
            return
        self.send(200, body, ctype, validators)

    def do_GET(self):
        self.arrived = time.time()  # logged: the rate limit is about arrivals
        path = self.path
        host = self.headers.get("Host", "127.0.0.1")
        with LOCK:  # counted per host: each host has its own robots.txt
            key = (self.server.server_address[0], path)
            HITS[key] = HITS.get(key, 0) + 1
            hits = HITS[key]
        if path == "/robots.txt" and host.startswith("localhost"):
            self.send(404, b"no robots.txt here")  # 4xx: everything allowed
        elif path == "/robots.txt" and host.startswith("127.0.0.2"):
            if hits <= 3:  # 5xx: nothing from this host in that run
                self.send(503, b"robots.txt is down")
            else:
                self.send(200, ROBOTS_SLOW, "text/plain")
        elif path == "/robots.txt":
            self.send(200, ROBOTS, "text/plain")
        elif path == "/news/gzip.html":  # compressed when the client accepts it
            with open(os.path.join(EXAMPLES, "newspaper.html"), "rb") as f:
                body = f.read()
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                self.send(200, gzip.compress(body), headers=[("Content-Encoding", "gzip")])
            else:
                self.send(200, body)
        elif path in PAGES:
            self.page(*PAGES[path])
        elif path == "/feed.rss":
            body = RSS.format(host=host, full=FULL_TEXT).encode()
            self.send(200, body, "application/rss+xml")
        elif path == "/feed.atom":
            body = ATOM.format(host=host, full_escaped=escape(FULL_TEXT)).encode()
            self.send(200, body, "application/atom+xml")
        elif path == "/feed-broken.rss":
            body = RSS.format(host=host, full=FULL_TEXT).encode()
            self.send(200, body[: len(body) // 2], "application/rss+xml")
        elif path.startswith("/hop/"):  # /hop/N redirects to /hop/N-1, /hop/0 to a page
            n = int(path[5:] or 0)
            target = "/hop/%d" % (n - 1) if n > 0 else "/news/paper.html"
            self.send(302, b"", headers=[("Location", target)])
        elif path == "/flaky.html":  # 429 first, then the page
            if hits == 1:
                self.send(429, b"slow down", headers=[("Retry-After", "1")])
            else:
                self.page("newspaper.html", "text/html; charset=utf-8")
        elif path == "/retry-bad.html":  # unreadable Retry-After: the default backoff
            if hits <= 2:
                value = "nan" if hits == 1 else "0x3"
                self.send(503, b"busy", headers=[("Retry-After", value)])
            else:
                self.page("newspaper.html", "text/html; charset=utf-8")
        elif path == "/moved-missing.html":  # a redirect to a page that is not there
            self.send(302, b"", headers=[("Location", "/missing.html")])
        elif path == "/moved-private.html":  # a redirect into what robots.txt forbids
            self.send(302, b"", headers=[("Location", "/private/secret.html")])
        elif path == "/broken.html":
            self.send(503, b"down for maintenance")
        elif path == "/slow.html":  # logged now: the client gives up before the answer
            self.log(200)
            time.sleep(5)
            self.send(200, b"<p>too late</p>", log=False)
        elif path == "/big.html":  # no Content-Length: the limit is hit mid-transfer
            self.send(200, b"<p>" + b"x" * (2 << 20) + b"</p>", length=False)
            self.close_connection = True
        elif path == "/big-declared.html":  # Content-Length says it up front
            self.send(200, b"<p>" + b"y" * (2 << 20) + b"</p>")
        else:
            self.send(404, b"not found")


def start(address, logfile, portfile):
    server = ThreadingHTTPServer((address, 0), Handler)
    server.daemon_threads = True
    server.logfile = logfile
    with open(portfile + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(portfile + ".tmp", portfile)
    return server


def main():
    portfile, logfile = sys.argv[1], sys.argv[2]
    open(logfile, "w").close()
    try:
        second = start("127.0.0.2", logfile, portfile + ".2")
        threading.Thread(target=second.serve_forever, daemon=True).start()
    except OSError:
        pass  # no 127.0.0.2 here: the test skips those checks
    start("127.0.0.1", logfile, portfile).serve_forever()


if __name__ == "__main__":
    main()
