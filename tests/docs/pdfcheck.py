#!/usr/bin/python3
"""pdfcheck.py GISA FIXTURE.html... - each fixture's PDF (printed from the
HTML beside it by pdf/mkpdf.sh) read by gisa against its source:

- every paragraph, heading and table cell of the HTML stands whole on one
  line of `gisa extract` (no word or sentence broken at a line's end, the
  spaces right: a line-end join with a space too many or too few fails);
- nothing of the page furniture is in the body: the running headers and
  footers of the @page margin boxes, Chromium's own header and footer
  (its title line, the file:// address), bare page numbers;
- a press release's first-page block gives the title, date and publisher
  as metadata (and its lines are not required in the body).

Prints one line per failure; exits 1 when any.
"""
import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

BLOCKS = {"p", "h1", "h2", "h3", "li", "td", "th"}
PAGE_NUMBER = re.compile(r"^[-–—\s]*\d+\s*(/\s*\d+)?[-–—\s]*$")


class Source(HTMLParser):
    """The HTML's block texts (outside the release header) and its parts."""

    def __init__(self):
        super().__init__()
        self.blocks, self.stack, self.cur = [], [], None
        self.in_hdr = 0
        self.title, self.h1, self.style, self.hdr = "", "", "", []
        self.where = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and a.get("class") == "hdr":
            self.in_hdr = 1
        if tag in BLOCKS and self.cur is None:
            self.cur, self.cur_tag = [], tag
        if tag in ("title", "style"):
            self.where = tag

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_hdr = 0
        if tag in ("title", "style"):
            self.where = None
        if self.cur is not None and tag == self.cur_tag:
            text = " ".join("".join(self.cur).split())
            if text:
                (self.hdr if self.in_hdr else self.blocks).append(text)
                if tag == "h1" and not self.h1:
                    self.h1 = text
            self.cur = None

    def handle_data(self, data):
        if self.where == "title":
            self.title += data
        elif self.where == "style":
            self.style += data
        elif self.cur is not None:
            self.cur.append(data)


def furniture(src):
    """Strings of the margin boxes' content: "..." (counters left out)."""
    out = []
    for box in re.findall(r"@(?:top|bottom)-[a-z-]+\s*\{([^}]*)\}", src.style):
        for m in re.finditer(r'content:\s*([^;]*)', box):
            out += [s.strip() for s in re.findall(r'"([^"]*)"', m.group(1)) if s.strip(" -/")]
    return out


def check(gisa, path):
    fails = []
    src = Source()
    with open(path, encoding="utf-8") as f:
        src.feed(f.read())
    pdf = path[:-5] + ".pdf"
    r = subprocess.run([gisa, "extract", "--format", "json", pdf], capture_output=True)
    if r.returncode != 0:
        return [f"{pdf}: exit {r.returncode}: {r.stderr.decode(errors='replace').strip()}"]
    doc = json.loads(r.stdout)
    text = doc["text"]
    lines = [" ".join(l.split()) for l in text.split("\n") if l.strip()]
    for block in src.blocks:
        if "@" in block:
            continue  # an e-mail byline: boilerplate.c takes it out by design
        # a heading's own marker ("□ 추진 배경") is not kept (render.c)
        bare = re.sub(r"^[□■○◇◆▶]\s*", "", block)
        if not any(block in l or bare in l for l in lines):
            fails.append(f"{pdf}: not whole on one line: {block[:70]}")
    for junk in furniture(src):
        for l in lines:
            if junk in l:
                fails.append(f"{pdf}: running header/footer in the body: {l[:70]}")
    for l in lines:
        if PAGE_NUMBER.match(l):
            fails.append(f"{pdf}: a page number in the body: {l}")
        if "file://" in l:
            fails.append(f"{pdf}: the browser's footer in the body: {l[:70]}")
        if src.title and l == src.title and src.title != src.h1:
            fails.append(f"{pdf}: the browser's header (the title) in the body: {l[:70]}")
    if src.h1 and doc.get("title") != src.h1:
        fails.append(f"{pdf}: title {doc.get('title')!r}, want {src.h1!r}")
    if src.hdr:  # a release: its block is metadata
        m = re.search(r"보도 일시 (\d{4})\. (\d+)\. (\d+)\.", " ".join(src.hdr))
        want = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None
        if want and doc.get("date") != want:
            fails.append(f"{pdf}: date {doc.get('date')!r}, want {want!r}")
        ministry = src.hdr[0].split()[0]
        if doc.get("publisher") != ministry:
            fails.append(f"{pdf}: publisher {doc.get('publisher')!r}, want {ministry!r}")
        for l in lines:
            if l.startswith("보도 일시") or l.startswith("담당 부서"):
                fails.append(f"{pdf}: the release's header in the body: {l[:70]}")
    return fails


def main():
    gisa, files = sys.argv[1], sys.argv[2:]
    fails = []
    for path in files:
        fails += check(gisa, path)
    for f in fails:
        print("FAIL", f)
    print(f"pdfcheck: {len(files)} documents, {len(fails)} failures")
    sys.exit(1 if fails else 0)


main()
