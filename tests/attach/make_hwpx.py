#!/usr/bin/env python3
"""make_hwpx.py OUT.hwpx - write the test release (fictional, written for
gisa's tests) as an HWPX document: a zip of OWPML XML parts, as the word
processor saves one (mimetype first and stored, Contents/content.hpf naming
the sections, Contents/section0.xml holding the text). The first table is
the release's press block (보도 일시, 담당 부서, 담당자); then the headline,
the body paragraphs and one table of figures. Deterministic: the same bytes
every run (fixed zip dates)."""
import sys
import zipfile
from xml.sax.saxutils import escape

HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
HS = "http://www.hancom.co.kr/hwpml/2011/section"

PRESS_BLOCK = [
    ["보도자료", "", "", ""],
    ["보도 일시", "2026. 4. 7.(화) 조간", "배포 일시", "2026. 4. 6.(월) 10:00"],
    ["담당 부서", "환경부 물환경정책과", "책임자", "과장 한여울 (044-201-7000)"],
    ["", "", "담당자", "사무관 배냇물 (044-201-7011)"],
]

TITLE = "도시 하천 20곳 물길 되살린다…콘크리트 걷어 내고 생태 복원"
SUBTITLE = "- 올해 사업비 1,240억 원, 2028년까지 시민 쉼터로 -"

BODY = [
    "환경부는 콘크리트로 덮이거나 직선으로 바뀐 도시 하천 20곳의 물길을 자연에 가깝게 되살리는 "
    "생태 복원 사업을 올해부터 추진한다고 7일 밝혔다.",
    "이번 사업은 복개 구조물을 걷어 내고 굽은 물길과 여울, 물가 습지를 다시 만드는 방식으로 "
    "진행되며, 올해 사업비는 모두 1,240억 원이다.",
    "대상 하천은 지방자치단체 공모에 신청한 43곳 가운데 수질 개선 효과와 주민 이용 가능성을 "
    "평가해 골랐다.",
    "환경부는 복원이 끝난 구간의 수질이 평균 두 등급 좋아지고, 여름철 하천 주변 기온이 "
    "섭씨 1.5도가량 낮아질 것으로 내다봤다.",
    "복원 구간에는 산책로와 징검다리, 관찰 데크를 함께 만들어 2028년까지 시민이 쉬어 갈 수 "
    "있는 물가 공간으로 꾸민다.",
    "사업 지역별 규모는 다음과 같다.",
]

TABLE = [
    ["권역", "하천 수", "복원 길이(km)", "사업비(억 원)"],
    ["수도권", "7", "18.4", "460"],
    ["충청권", "4", "9.2", "230"],
    ["영남권", "5", "12.6", "330"],
    ["호남권", "4", "8.1", "220"],
]

CLOSING = [
    "환경부는 공사 중 물고기와 양서류가 옮겨 살 수 있도록 임시 서식지를 먼저 마련하고, "
    "공사 기간에는 하천 주변 소음과 흙탕물을 매달 점검할 계획이다.",
    "한여울 물환경정책과장은 \u201c도시 하천은 시민이 가장 가까이에서 만나는 자연\u201d이라며 "
    "\u201c물길을 되살려 여름에는 더위를 식히고 아이들이 물가에서 놀 수 있는 공간으로 "
    "만들겠다\u201d고 말했다.",
    "<끝>",
]


def para(text):
    return ('<hp:p><hp:run><hp:t>%s</hp:t></hp:run>'
            '<hp:linesegarray><hp:lineseg textpos="0"/></hp:linesegarray></hp:p>'
            % escape(text))


def table(rows):
    out = ['<hp:p><hp:run><hp:tbl rowCnt="%d" colCnt="%d">' % (len(rows), len(rows[0]))]
    for r, row in enumerate(rows):
        out.append("<hp:tr>")
        for c, cell in enumerate(row):
            out.append('<hp:tc><hp:subList>%s</hp:subList>'
                       '<hp:cellAddr colAddr="%d" rowAddr="%d"/>'
                       '<hp:cellSpan colSpan="1" rowSpan="1"/></hp:tc>' % (para(cell), c, r))
        out.append("</hp:tr>")
    out.append("</hp:tbl></hp:run></hp:p>")
    return "".join(out)


def section():
    parts = [table(PRESS_BLOCK), para(TITLE), para(SUBTITLE)]
    parts += [para(p) for p in BODY]
    parts.append(table(TABLE))
    parts += [para(p) for p in CLOSING]
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<hs:sec xmlns:hp="%s" xmlns:hs="%s">%s</hs:sec>' % (HP, HS, "".join(parts)))


CONTENT_HPF = """<?xml version="1.0" encoding="UTF-8"?>
<opf:package xmlns:opf="http://www.idpf.org/2007/opf/"><opf:metadata>
<opf:title>보도자료</opf:title><opf:meta name="creator" content="text">물환경정책과</opf:meta>
<opf:meta name="CreatedDate" content="text">2026-04-06T01:00:00Z</opf:meta></opf:metadata>
<opf:manifest><opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>
<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/></opf:manifest>
<opf:spine><opf:itemref idref="header"/><opf:itemref idref="section0"/></opf:spine></opf:package>
"""


def write(path):
    date = (2026, 4, 6, 10, 0, 0)
    with zipfile.ZipFile(path, "w") as z:
        def add(name, data, method):
            info = zipfile.ZipInfo(name, date)
            info.compress_type = method
            z.writestr(info, data.encode("utf-8"))
        add("mimetype", "application/hwp+zip", zipfile.ZIP_STORED)
        add("Contents/content.hpf", CONTENT_HPF, zipfile.ZIP_DEFLATED)
        add("Contents/header.xml", '<?xml version="1.0"?><head/>', zipfile.ZIP_DEFLATED)
        add("Contents/section0.xml", section(), zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_hwpx.py OUT.hwpx")
    write(sys.argv[1])
