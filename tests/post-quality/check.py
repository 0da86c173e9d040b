#!/usr/bin/python3
"""check.py - does a post read like one a person would publish? (issue #14)

    check.py --gisa GISA [--known FILE] [--ceilings FILE] [--jobs N]
             [--urls-from DIR] PAGE...

For each PAGE, composes its Jekyll post with `gisa post`, reads the page
back with `gisa extract --format json` and checks the post against it
with `gisa check`, then applies the rules below. Prints one line per
failure ("FAIL page rule: detail"), then the count of each rule.

Rules (and who owns them in issue #14):
  title-site-word   the title carries a breadcrumb, board or site word
  excerpt-caption   the excerpt is a photo caption, a byline, a dateline,
                    a date line ("등록일 …") or an e-mail
  end-marker        the body holds an end marker (끝, ///), an attachment
                    line (붙임), an e-mail, a "관련기사" link, a licence
                    or copyright notice or the page's date line (등록일)
  raw-outline       a paragraph opens with a release's outline marker (○,
                    -, 가., ①) instead of being an item of a (nested) list
  credit            the credit lacks the organisation, the URL (when the
                    page has one) or a licence sentence
  tag-not-word      a tag is not a whole word of the page's text
  heading-off-topic a heading gisa made whose words are not in its section
                    (e-mail addresses, URLs and image lines not counted)
  table-fragment    a row of the generated table that is not a complete
                    clause, or starts with a dangling reference ("이를 위해")
  table-unsupported a row of the generated table that `gisa check` flags

--known FILE lists failures expected today (page name, tab, rule, tab,
why): they are reported as known, and one that passes fails the run, so
the list only shrinks. --ceilings FILE holds "rule<TAB>most" lines: a
rule failing on more pages than its ceiling fails the run (for corpora
too large to list page by page). Pages gisa refuses to post are counted,
not checked. --urls-from DIR gives each saved page the address its
metadata records (DIR/<page id>.json, its "url", as in WCXB's
ground-truth): the page is posted and extracted with `--url`, as a user
gives a saved page its address, and its credit must then hold it. Exit 0
when nothing unexpected fails, 1 otherwise.
"""
import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

RULES = ["title-site-word", "excerpt-caption", "end-marker", "raw-outline", "credit",
         "tag-not-word", "heading-off-topic", "table-fragment",
         "table-unsupported"]

# Headings gisa writes over its own tables: checked as tables, not topics.
TABLE_HEADINGS = {"주요 내용", "합의 내용", "주요 합의 내용", "핵심 내용",
                  "Key points", "What was agreed"}
BOARD_WORDS = ["보도자료", "정책브리핑", "브리핑룸", "정책자료", "게시판", "공지사항", "뉴스홈",
               "NAVER", "네이버 뉴스", "다음뉴스", "홈 >", "HOME >", "목록"]
SEPARATORS = [" | ", " > ", " › ", " :: ", " - ", " – ", " — "]
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
URL = re.compile(r"https?://\S+|www\.\S+")
# Particles that may follow a noun and still leave it a whole word.
PARTICLES = sorted("""은 는 이 가 을 를 의 에 에서 에게 께 로 으로 와 과 도 만 까지
    부터 께서 이나 나 이란 란 이라는 라는 처럼 보다 에도 에서도 으로서 로서
    으로써 로써 와의 과의 에서의 에의 으로의 로의 이며 며 이다 였다 이었다 이고 고
    이자 과도 와도 에는 에서는 으로는 로는 들 들이 들은 들을 들의 들과 들에게 마다
    이라며 라며 이라고 라고 만의 뿐""".split(), key=len, reverse=True)
DANGLING = re.compile(r"^(이를|이에|이와|이는|이같은|이 같은|그 일환|이 밖에|"
                      r"또한|아울러|한편|그러나|하지만|이어|이후|그러면서)[\s,]")
END_MARKER = re.compile(r"(^|\s)(끝\.?|<끝>|- ?끝 ?-|\(끝\))\s*$|^붙임\s|^/{3}\s*$|"
                        r"^(\[|▶\s*)?관련\s?기사|^Related:|"
                        r"공공누리 제\d유형|무단\s?전재|All rights reserved|"
                        r"^(등록일|작성일|기사입력)\b", re.M)
# A line of the page's own furniture standing as the lead: its date line,
# a dateline or byline ("순천=윤가람 기자"), a photo credit.
DATELINE = re.compile(r"^(등록일|작성일|게시일|기사입력|입력|수정|Published|Updated)\s*[:：]?\s*\d|"
                      r"^\S+=\S+\s+(기자|특파원)|^[(\[][^)\]]{1,20}=[^)\]]{1,20}[)\]]")
LICENCE_WORDS = ["공공누리", "저작물", "저작권", "라이선스", "licen", "Licen",
                 "Creative Commons", "CC BY", "이용하였습니다", "허락"]


def is_letter(ch):
    return ch.isalnum() or ch == "_"


def whole_word(text, word):
    """word occurs in text from a boundary to a boundary, or to a particle
    that ends at one."""
    start = 0
    while True:
        i = text.find(word, start)
        if i < 0:
            return False
        start = i + 1
        if i > 0 and is_letter(text[i - 1]):
            continue
        rest = text[i + len(word):]
        if not rest or not is_letter(rest[0]):
            return True
        for p in PARTICLES:
            if rest.startswith(p) and (len(rest) == len(p) or
                                       not is_letter(rest[len(p)])):
                return True


def strip_particle(word):
    for p in PARTICLES:
        if word.endswith(p) and len(word) > len(p) + 1:
            return word[:-len(p)]
    return word


def jongseong(ch):
    code = ord(ch) - 0xAC00
    return code % 28 if 0 <= code < 11172 else -1


def complete_clause(text):
    """A row reads as a clause: a sentence ending (…다, …요, a full stop
    before any closing quotes) or a nominal one (…함, …음, …됨: a syllable
    closed by ㅁ)."""
    t = text.rstrip().rstrip("\"'”’」』)]»")
    if t[-1:] in ".!?…":
        return True
    t = t.rstrip(" .!?")
    return bool(t) and (t[-1] in "다요" or jongseong(t[-1]) == 16)  # 16: ㅁ


def split_post(text):
    """Front matter (dict) and body of a Jekyll post."""
    m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    if not m:
        return {}, text
    try:
        fm = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError:
        fm = {}
    return fm, m.group(2)


def split_credit(body):
    """The body proper and the credit after the last horizontal rule."""
    i = body.rfind("\n---\n")
    return (body[:i], body[i + 5:]) if i >= 0 else (body, "")


def unescape(s):
    """Markdown text without its backslash escapes."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", s)


def blocks_of(body):
    """Markdown blocks: (kind, level, text) with kind heading, table,
    image or para."""
    out = []
    for chunk in re.split(r"\n\s*\n", body):
        chunk = chunk.strip("\n")
        if not chunk.strip():
            continue
        h = re.match(r"(#{1,6}) (.*)", chunk)
        if h and "\n" not in chunk:
            out.append(("heading", len(h.group(1)), unescape(h.group(2).strip())))
        elif chunk.lstrip().startswith("|"):
            out.append(("table", 0, chunk))
        elif re.match(r"!\[", chunk):
            out.append(("image", 0, chunk))
        else:
            out.append(("para", 0, unescape(chunk)))
    return out


# A paragraph that opens with an outline marker: Markdown escapes a
# leading "-" or "1." that is not a list ("\\-", "1\\."), and writes the
# other markers as they are.
RAW_OUTLINE = re.compile(r"^(\*\*)?(○|◦|ㅇ |\\[-*+] |\d{1,2}\\[.)] |[가나다라마바사]\. |[①-⑳] )")


def table_rows(table):
    rows = []
    for line in table.splitlines()[2:]:
        cells = [unescape(c.strip()) for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if cells:
            rows.append(cells)
    return rows


def run(cmd):
    p = subprocess.run(cmd, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8", "replace")


def recorded_url(urls_from, path):
    """The address DIR/<id>.json records for the page <id>.html[.gz], or None."""
    if not urls_from:
        return None
    page_id = os.path.basename(path).split(".")[0]
    try:
        with open(os.path.join(urls_from, page_id + ".json"), encoding="utf-8") as f:
            url = json.load(f).get("url")
    except FileNotFoundError:
        return None
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None


class Page:
    def __init__(self, gisa, path, urls_from=None):
        self.path = path
        self.name = os.path.basename(path)
        url = recorded_url(urls_from, path)
        given = ["--url", url] if url else []
        self.rc, self.post = run([gisa, "post", *given, path])
        self.failures = []
        if self.rc != 0:
            return
        _, src = run([gisa, "extract", "--format", "json", *given, path])
        self.src = json.loads(src)
        with tempfile.NamedTemporaryFile("w", suffix=".md", encoding="utf-8") as f:
            f.write(self.post)
            f.flush()
            _, self.check = run([gisa, "check", f.name, "--source", path])
        self.fm, body = split_post(self.post)
        self.body, self.credit_text = split_credit(body)
        self.blocks = blocks_of(self.body)
        self.text = (self.src.get("title") or "") + "\n" + (self.src.get("text") or "")
        for rule in RULES:
            getattr(self, rule.replace("-", "_"))()

    def fail(self, rule, detail):
        self.failures.append((rule, detail))

    def title_site_word(self):
        title = str(self.fm.get("title", ""))
        site = self.src.get("site_name") or ""
        for w in BOARD_WORDS:
            if w in title:
                return self.fail("title-site-word", f"'{w}' in '{title}'")
        for sep in SEPARATORS:
            if site and sep in title and site in title.split(sep)[-1] + title.split(sep)[0]:
                return self.fail("title-site-word", f"site '{site}' in '{title}'")

    def excerpt_caption(self):
        ex = str(self.fm.get("excerpt") or "")
        if EMAIL.search(ex) or DATELINE.search(ex) or \
           re.search(r"(자료)?사진\s*$|사진\s*=|\(사진|ⓒ|기자\s*$", ex):
            self.fail("excerpt-caption", ex[:80])

    def end_marker(self):
        for kind, _, text in self.blocks:
            if kind == "para" and (END_MARKER.search(text) or EMAIL.search(text)):
                return self.fail("end-marker", text[:80])

    def raw_outline(self):
        for chunk in re.split(r"\n\s*\n", self.body):
            chunk = chunk.strip("\n")
            if RAW_OUTLINE.match(chunk):
                return self.fail("raw-outline", chunk[:80])

    def credit(self):
        credit = unescape(self.credit_text)
        org = self.fm.get("source_org") or self.src.get("publisher") or self.src.get("site_name")
        url = self.src.get("url")
        missing = [what for what, ok in
                   (("organisation", org and org in credit),
                    ("URL", not url or url in credit),
                    ("licence sentence", any(w in credit for w in LICENCE_WORDS)))
                   if not ok]
        if missing:
            self.fail("credit", "no " + ", ".join(missing))

    def tag_not_word(self):
        for tag in self.fm.get("tags") or []:
            if not whole_word(self.text, str(tag)):
                self.fail("tag-not-word", str(tag))

    def heading_off_topic(self):
        source_headings = {b["text"].strip() for b in self.src.get("blocks", [])
                           if b.get("type") == "heading"}
        for i, (kind, level, text) in enumerate(self.blocks):
            if kind != "heading" or text in TABLE_HEADINGS or text in source_headings:
                continue
            section = []
            for k2, l2, t2 in self.blocks[i + 1:]:
                if k2 == "heading" and l2 <= level:
                    break
                if k2 == "para":
                    section.append(URL.sub(" ", EMAIL.sub(" ", t2)))
            section = "\n".join(section)
            missing = [w for w in text.split() if strip_particle(w) not in section]
            if missing or not section:
                self.fail("heading-off-topic", f"'{text}'")

    def generated_rows(self):
        for i, (kind, _, text) in enumerate(self.blocks[1:], 1):
            if kind == "table" and self.blocks[i - 1][0] == "heading" and \
               self.blocks[i - 1][2] in TABLE_HEADINGS:
                yield from table_rows(text)

    def table_fragment(self):
        for row in self.generated_rows():
            what = row[-1]
            if not complete_clause(what) or DANGLING.match(what):
                self.fail("table-fragment", what[:80])

    def table_unsupported(self):
        flagged = [l[5:].strip() for l in self.check.splitlines() if l.startswith("FLAG ")]
        flagged = [re.sub(r"\[\[|\]\]", "", f) for f in flagged]
        for row in self.generated_rows():
            if any(f and (f in row[-1] or row[-1] in f) for f in flagged):
                self.fail("table-unsupported", row[-1][:80])


def read_tsv(path, width):
    rows = []
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    rows.append((line.rstrip("\n").split("\t") + [""] * width)[:width])
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gisa", required=True)
    ap.add_argument("--known")
    ap.add_argument("--ceilings")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--quiet", action="store_true", help="print counts only")
    ap.add_argument("--urls-from", metavar="DIR",
                    help="each page's address from DIR/<id>.json (its \"url\")")
    ap.add_argument("pages", nargs="+")
    args = ap.parse_args()
    known = {(name, rule): why for name, rule, why in read_tsv(args.known, 3)}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        pages = list(pool.map(lambda p: Page(args.gisa, p, args.urls_from), args.pages))
    counts = {rule: 0 for rule in RULES}
    unexpected = 0
    refused = [p for p in pages if p.rc != 0]
    for p in pages:
        failed = {}
        for rule, detail in p.failures:
            failed.setdefault(rule, []).append(detail)
        for rule, details in failed.items():
            counts[rule] += 1
            tag = "known" if (p.name, rule) in known else "FAIL"
            unexpected += tag == "FAIL" and not args.ceilings
            if not args.quiet:
                print(f"{tag} {p.path} {rule}: " + " / ".join(details))
        for (name, rule), why in known.items():
            if name == p.name and p.rc == 0 and rule not in failed:
                unexpected += 1
                print(f"FAIL {p.path} {rule}: passes now; remove it from the known list")
    for rule, most in read_tsv(args.ceilings, 2):
        if counts.get(rule, 0) > int(most):
            unexpected += 1
            print(f"FAIL {rule}: {counts[rule]} pages, more than the ceiling {most}")
        elif counts.get(rule, 0) < int(most):
            print(f"note {rule}: {counts[rule]} pages, under the ceiling {most}; lower it")
    checked = len(pages) - len(refused)
    print(f"posts={checked} refused={len(refused)} " +
          " ".join(f"{rule}={counts[rule]}" for rule in RULES))
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
