#!/bin/sh
# samples.sh GISA - what a correct extraction of the two news samples holds:
# metadata, every paragraph once and as its own block, no page furniture.
. "$(dirname "$0")/lib.sh"
setup "$0" "${1:?usage: samples.sh path/to/gisa}"

# --- naver-news.html --------------------------------------------------------
NAVER=examples/naver-news.html
run extract --format json "$NAVER"
expect_eq "$RC" 0 "naver: exit status"
J=$TMP/naver.json
cp "$TMP/out" "$J"
expect_present "$J" '"title": "\"전세사기 피해 막는다\"…보증금 반환보증 가입 문턱 낮춘다"' "naver: title"
expect_present "$J" '"date": "2026-02-03' "naver: date (입력 2026.02.03. 오전 10:15)"
expect_present "$J" '"author": "윤서진"' "naver: author is the reporter's name alone"
expect_present "$J" '"site_name": "한빛일보"' "naver: site is the press, not the portal"
expect_present "$J" '"url": "https://n.news.naver.com/mnews/article/999/0000123456"' "naver: url"
run extract "$NAVER"
T=$TMP/naver.txt
cp "$TMP/out" "$T"
# Paragraphs separated only by <br><br> are paragraphs of their own.
for p in '정부가 전세보증금 반환보증의 가입 요건을 완화하고' \
         '대책에 따르면 그동안 주택 가격의 90% 이하로' \
         '보증료도 내려간다.' \
         '계약 전 확인 절차도 강화된다.' \
         '국토부 관계자는 "전세사기 피해자의 상당수가' \
         '전문가들은 대체로 방향은 옳다면서도' \
         '정부는 관련 법령 개정을 거쳐 오는 5월부터'; do
    expect_once "$T" "$p" "naver text"
    ok
    awk -v p="$p" 'index($0, p) == 1 {found=1} END {exit !found}' "$T" ||
        fail "naver text: '$p' does not start a line"
done
ok
n=$(awk 'BEGIN{RS=""} END{print NR}' "$T")
[ "$n" -ge 8 ] || fail "naver text: $n blank-line-separated blocks, want one per paragraph (>= 8)"
for b in '본문 바로가기' '언론사별' '팩트체크' '구독' '요약봇' '본문 글씨 크기' '기사원문' \
         '추천' '기사 섹션 분류 안내' '한빛일보 주요뉴스' '대출금리 다시 오름세' \
         '이 기사와 관련된 기사' '특별법 개정안 국회 통과' '댓글' '진작 이렇게 했어야지' \
         '공감비율순' '많이 본 뉴스' '직장인 점심값' '댓글 많은 뉴스' '최저임금' \
         '이용약관' '네이버는 기사 배열만' 'NAVER Corp' 'AI 학습 이용 금지'; do
    expect_absent "$T" "$b" "naver text"
done

# --- newspaper.html ---------------------------------------------------------
PAPER=examples/newspaper.html
run extract --format json "$PAPER"
J=$TMP/paper.json
cp "$TMP/out" "$J"
expect_present "$J" '"title": "소멸 위기 섬마을, 청년 귀어인이 바꿨다"' "newspaper: title"
expect_present "$J" '"date": "2026-02-27' "newspaper: date"
expect_present "$J" '"author": "정다운"' "newspaper: author"
expect_present "$J" '"site_name": "동해신문"' "newspaper: site"
expect_present "$J" '"type": "quote"' "newspaper: the quote is a quote block"
expect_present "$J" '"type": "image"' "newspaper: the photo is an image block"
run extract --format markdown "$PAPER"
M=$TMP/paper.md
cp "$TMP/out" "$M"
# Markdown may escape quotes (\" \'); look at structure only there.
ok
grep -q '^#.*빈집 고쳐 주고, 배 함께 쓰고' "$M" || fail "newspaper markdown: subheading is not a heading"
ok
grep -q '^#.*남은 과제는 의료와 교통' "$M" || fail "newspaper markdown: subheading is not a heading"
ok
grep -q '^> .*처음 왔을 때는' "$M" || fail "newspaper markdown: quote is not a block quote"
run extract "$PAPER"
M=$TMP/paper.txt
cp "$TMP/out" "$M"
expect_once "$M" '"빈집 고쳐 주고, 배 함께 쓰고"' "newspaper text: subheading"
for p in '작은 어선 세 척이 차례로 들어오자' '청년 귀어인 23명이 정착했다' \
         '빈집 14채를 군 예산과 주민 기금으로' "'바다 선생님'을 맡아" \
         '김바름(31)씨의 말이다' '상주 의사가 없고' '원격진료 시설을 갖추고' \
         '갓 잡아 온 꽃게를 옮기고 있다'; do
    expect_once "$M" "$p" "newspaper text"
done
for b in '구독신청' '지면보기' '속보' '지방소멸대응기금' '광고' '프리미엄 뉴스 구독' \
         '관련 기사' '어촌 인구 10년 새' '귀어 창업 지원금' '무단 전재' '#귀어' \
         '섬과 바다, 그곳에 사는' '함께 본 기사' '폐교를 캠핑장으로' '댓글' '섬사랑' \
         '많이 본 뉴스' '선거구 획정' '최신 기사' '규슈 지진' '회사소개' '대표전화' \
         'All rights reserved'; do
    expect_absent "$M" "$b" "newspaper text"
done

finish samples
