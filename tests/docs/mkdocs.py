#!/usr/bin/python3
"""mkdocs.py DIR - write the HWP and HWPX test documents into DIR.

The same small press release (written for these tests) as HWPX, a zip of
OWPML XML parts, and as HWP 5, an OLE2 compound file written with libgsf
(through its GObject bindings) whose body is raw-deflated records; then
damaged and hostile copies of both. Nothing here is taken from a real
document: every byte is made below, so the fixtures need no files in git.
"""
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import gi

gi.require_version("Gsf", "1")
from gi.repository import Gsf  # noqa: E402

# Paragraphs (str) and tables (list of rows) in reading order.
HEADER_TABLE = [
    ["보도자료", "", "", ""],
    ["보도 일시", "2026. 3. 12.(목) 12:00", "배포 일시", "2026. 3. 11.(수) 09:00"],
    ["담당 부서", "해양수산부 해양생태과", "책임자", "과장 김바다 (044-200-5000)"],
    ["", "", "담당자", "사무관 이갯벌 (044-200-5001)"],
]
BODY = [
    HEADER_TABLE,
    "올해 바다숲 54곳 조성…갯녹음 확산 막는다",
    "- 동해·제주 연안 중심으로 3,200헥타르 규모 -",
    "해양수산부는 갯녹음 현상이 심해지는 동해와 제주 연안의 해양생태계를 되살리기 위해 "
    "올해 바다숲 54곳을 새로 조성한다고 밝혔다.",
    "바다숲은 해조류가 숲을 이루는 연안 해역으로, 수산생물의 산란장 역할을 한다.",
    [["해역", "개소", "면적(ha)"], ["동해", "21", "1,300"], ["제주", "14", "800"]],
    [["올해 사업비는 총 486억 원이며, 해역별 특성에 맞추어 추진된다."]],  # a box
    "해양수산부 관계자는 \"바다숲 조성을 꾸준히 넓혀 나가겠다\"라고 말했다.",
    "<끝>",
]
FOOTER = "이 자료는 해양수산부의 보도자료입니다."
NOTE = "갯녹음: 연안 암반의 해조류가 사라지고 흰 석회조류가 덮는 현상."

# ---------------------------------------------------------------- HWPX

NS = ('xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
      'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"')


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def x_para(text, objects=""):
    return (f'<hp:p><hp:run><hp:t>{esc(text)}</hp:t>{objects}</hp:run>'
            '<hp:linesegarray><hp:lineseg textpos="0"/></hp:linesegarray></hp:p>')


def x_table(rows):
    cols = max(len(r) for r in rows)
    trs = []
    for r, row in enumerate(rows):
        tcs = "".join(
            f'<hp:tc><hp:subList>{x_para(cell)}</hp:subList>'
            f'<hp:cellAddr colAddr="{c}" rowAddr="{r}"/><hp:cellSpan colSpan="1" rowSpan="1"/></hp:tc>'
            for c, cell in enumerate(row))
        trs.append(f"<hp:tr>{tcs}</hp:tr>")
    tbl = f'<hp:tbl rowCnt="{len(rows)}" colCnt="{cols}">{"".join(trs)}</hp:tbl>'
    return f'<hp:p><hp:run>{tbl}<hp:t/></hp:run></hp:p>'


def section_xml(body, footer=True, note=True):
    parts = []
    for i, item in enumerate(body):
        if isinstance(item, list):
            parts.append(x_table(item))
        elif note and i == 3:
            parts.append(x_para(item, '<hp:ctrl><hp:footNote><hp:subList>' + x_para(NOTE)
                                + '</hp:subList><hp:autoNum num="1" numType="FOOTNOTE">'
                                '<hp:autoNumFormat type="DIGIT" suffixChar=")"/></hp:autoNum>'
                                '</hp:footNote></hp:ctrl>'))
        else:
            parts.append(x_para(item))
    if footer:
        parts.insert(0, x_para("", '<hp:ctrl><hp:footer><hp:subList>' + x_para(FOOTER)
                               + '</hp:subList></hp:footer></hp:ctrl>'))
    return f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {NS}>{"".join(parts)}</hs:sec>'


CONTENT_HPF = """<?xml version="1.0" encoding="UTF-8"?>
<opf:package xmlns:opf="http://www.idpf.org/2007/opf/"><opf:metadata>
<opf:title>보도자료 양식</opf:title><opf:meta name="creator" content="text">해양생태과</opf:meta>
<opf:meta name="CreatedDate" content="text">2026-03-10T01:02:03Z</opf:meta></opf:metadata>
<opf:manifest><opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>
<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/></opf:manifest>
<opf:spine><opf:itemref idref="header"/><opf:itemref idref="section0"/></opf:spine></opf:package>
"""


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w") as z:
        for name, data, method in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)


def hwpx(path, section, extra=(), hpf=CONTENT_HPF, method=zipfile.ZIP_DEFLATED):
    parts = [("mimetype", "application/hwp+zip", zipfile.ZIP_STORED),
             ("Contents/content.hpf", hpf, method),
             ("Contents/header.xml", '<?xml version="1.0"?><head/>', method),
             ("Contents/section0.xml", section, method)]
    write_zip(path, parts + list(extra))


# ----------------------------------------------------------------- HWP

PARA_HEADER, PARA_TEXT, CTRL_HEADER, LIST_HEADER, TABLE = 0x42, 0x43, 0x47, 0x48, 0x4D


def record(tag, level, data):
    size = len(data)
    if size >= 0xFFF:
        return struct.pack("<II", tag | level << 10 | 0xFFF << 20, size) + data
    return struct.pack("<I", tag | level << 10 | size << 20) + data


def ctrl_id(s):
    return struct.pack("<I", ord(s[0]) << 24 | ord(s[1]) << 16 | ord(s[2]) << 8 | ord(s[3]))


def extended(code, cid):
    """An extended control in PARA_TEXT: eight UTF-16 units."""
    return struct.pack("<H", code) + cid + b"\0" * 8 + struct.pack("<H", code)


def h_para(level, text, controls=b"", control_chars=b"", after=b""):
    units = control_chars + text.encode("utf-16-le") + after + b"\r\0"
    head = struct.pack("<IIHBB", len(units) // 2, 0, 0, 0, 0) + b"\0" * 10
    return record(PARA_HEADER, level, head) + record(PARA_TEXT, level + 1, units) + controls


def h_table(level, rows):
    cols = max(len(r) for r in rows)
    out = record(CTRL_HEADER, level, ctrl_id("tbl ") + b"\0" * 40)
    out += record(TABLE, level + 1, struct.pack("<IHH", 0, len(rows), cols) + b"\0" * 16)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            out += record(LIST_HEADER, level + 1,
                          struct.pack("<HHIHHHH", 1, 0, 0, c, r, 1, 1) + b"\0" * 20)
            out += h_para(level + 1, cell)
    return out


def h_note(level, kind, text, number=1):
    # number, prefix and suffix characters: the reference prints "1)"
    out = record(CTRL_HEADER, level, ctrl_id(kind) + struct.pack("<IHH", number, 0, ord(")"))
                 + b"\0" * 4)
    out += record(LIST_HEADER, level + 1, struct.pack("<HHI", 1, 0, 0) + b"\0" * 8)
    return out + h_para(level + 1, text)


def section_records(body, footer=True, note=True):
    out = b""
    if footer:
        out += h_para(0, "", h_note(1, "foot", FOOTER), extended(16, ctrl_id("foot")))
    for i, item in enumerate(body):
        if isinstance(item, list):
            out += h_para(0, "", h_table(1, item), extended(11, ctrl_id("tbl ")))
        elif note and i == 3:
            out += h_para(0, item, h_note(1, "fn  ", NOTE), after=extended(17, ctrl_id("fn  ")))
        else:
            out += h_para(0, item)
    return out


def deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def file_header(flags, version=0x05000300):
    sig = b"HWP Document File".ljust(32, b"\0")
    return (sig + struct.pack("<II", version, flags)).ljust(256, b"\0")


def hwp(path, section, flags=1, version=0x05000300, body_name="BodyText", raw=None):
    out = Gsf.OutputStdio.new(str(path))
    ole = Gsf.OutfileMSOle.new(out)

    def stream(parent, name, data):
        s = parent.new_child(name, False)
        s.write(data)
        s.close()

    stream(ole, "FileHeader", file_header(flags, version))
    stream(ole, "DocInfo", deflate(b"") if flags & 1 else b"")
    body = ole.new_child(body_name, True)
    data = raw if raw is not None else (deflate(section) if flags & 1 else section)
    stream(body, "Section0", data)
    body.close()
    ole.close()  # closes `out` too


# ---------------------------------------------------------------- main

def main():
    d = Path(sys.argv[1])
    d.mkdir(parents=True, exist_ok=True)
    sec = section_xml(BODY)
    hwpx(d / "release.hwpx", sec)
    hwpx(d / "release-stored.hwpx", sec, method=zipfile.ZIP_STORED)  # XML in the clear
    recs = section_records(BODY)
    hwp(d / "release.hwp", recs)
    hwp(d / "release-stored.hwp", recs, flags=0)  # uncompressed streams

    # A plain document (no release header): title from its properties.
    plain = ["첫 문단입니다.", [["가", "나"], ["1", "2"]], "둘째 문단입니다."]
    hwpx(d / "plain.hwpx", section_xml(plain, footer=False, note=False))
    hwp(d / "plain.hwp", section_records(plain, footer=False, note=False))

    # Refused documents.
    hwp(d / "encrypted.hwp", recs, flags=1 | 2)
    hwp(d / "distribution.hwp", recs, flags=1 | 4)
    hwp(d / "viewtext.hwp", recs, body_name="ViewText")
    hwp(d / "hwp3.hwp", recs, version=0x03000000)
    hwpx(d / "encrypted.hwpx", sec, extra=[(
        "META-INF/manifest.xml",
        '<manifest><file-entry full-path="Contents/section0.xml"><encryption-data/>'
        '</file-entry></manifest>', zipfile.ZIP_DEFLATED)])
    # Damaged documents.
    hwp(d / "truncated.hwp", recs[: len(recs) // 2 + 3], flags=0)
    hwp(d / "empty-section.hwp", b"", flags=0)  # fuzz_hwp's first finding
    hwp(d / "truncated-deflate.hwp", b"", raw=deflate(recs)[:200])
    hwp(d / "garbage-deflate.hwp", b"", raw=b"\xff" * 300)
    whole = (d / "release.hwpx").read_bytes()
    (d / "cut.hwpx").write_bytes(whole[: len(whole) // 2])
    whole = (d / "release.hwp").read_bytes()
    (d / "cut.hwp").write_bytes(whole[: len(whole) // 2])
    hwpx(d / "notxml.hwpx", "<hs:sec><hp:p>not closed")
    # Bombs: a megabyte or more inflated from a few kilobytes, to be run
    # with --max-bytes 500000.
    big = "<!--" + " " * 3_000_000 + "-->"
    hwpx(d / "bomb.hwpx", sec.replace("<hs:sec", big + "<hs:sec", 1))
    hwp(d / "bomb.hwp", recs + record(0x50, 0, b"\0" * 3_000_000))
    # Hostile structure: tables nested 300 deep, one paragraph inside.
    nested = x_para("맨 안쪽 문단입니다.")
    for _ in range(300):
        nested = ('<hp:p><hp:run><hp:tbl rowCnt="1" colCnt="1"><hp:tr><hp:tc><hp:subList>'
                  + nested + '</hp:subList></hp:tc></hp:tr></hp:tbl></hp:run></hp:p>')
    hwpx(d / "nested.hwpx", f'<?xml version="1.0"?><hs:sec {NS}>{nested}</hs:sec>')
    deep, level = b"", 0
    for _ in range(300):
        deep += (record(PARA_HEADER, level, b"\0" * 22) + record(CTRL_HEADER, level + 1, ctrl_id("tbl "))
                 + record(TABLE, level + 2, struct.pack("<IHH", 0, 1, 1))
                 + record(LIST_HEADER, level + 2, b"\0" * 12))
        level += 2
    hwp(d / "nested.hwp", deep + h_para(level, "맨 안쪽 문단입니다."))

if __name__ == "__main__":
    main()
