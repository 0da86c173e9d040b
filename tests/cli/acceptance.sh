#!/bin/sh
# acceptance.sh GISA - issue #2 on the sample press release:
#  - `gisa post examples/korea-kr-release.html` prints a Jekyll post whose
#    body holds each paragraph of the release exactly once, and no menu,
#    news-list, comment-rule or footer text;
#  - the EUC-KR copy of the page extracts to the identical text;
#  - the text dump of the same page gives the same paragraphs, each once.
. "$(dirname "$0")/lib.sh"
setup "$0" "${1:?usage: acceptance.sh path/to/gisa}"

PAGE=examples/korea-kr-release.html

# One distinctive phrase from each paragraph and sub-item of the release.
PARAGRAPHS='올해 총 54곳, 3,200헥타르 규모의 바다숲을 새로 조성한다고
이산화탄소를 흡수하는 블루카본으로서 기후위기 대응에도
2009년부터 2025년까지 전국 연안에 총 312곳
전년보다 18% 늘어난 총 486억 원이 투입되며
감태·대황 등 다년생 해조류를 이식하는 방식으로 21곳을
잘피(거머리말) 군락을 복원하는 해초숲 중심으로 19곳을
아열대성 해조류를 시범 도입하여 14곳을
‘바다숲 디지털 관리체계’를 도입하여
연 2회 이상 수중드론으로 해조류 분포를 촬영하고
이듬해 보강 이식 대상으로 우선 선정한다
어촌계 48곳, 어업인 600여 명이
‘바다숲 공동관리 협약’을 맺고
건강한 바다를 미래 세대에 물려주겠다'

# Table cells and the photo caption belong to the release too.
ALSO='조식동물 제거, 다년생 해조류 이식
아열대성 해조류 시범 도입
잠수사가 감태 생육 상태를 확인하고 있다'
# ...but a post leaves the photo out (the 공공누리 notice covers the text
# only, "(텍스트)"), and its caption with it (issue #14).
CAPTION='잠수사가 감태 생육 상태를 확인하고 있다'

# Text of the page that is not the article.
BOILERPLATE='본문 바로가기
대한민국 공식 전자정부 누리집
회원가입
사이트맵
정책뉴스
국민이 말하는 정책
카드/한컷
사실은 이렇습니다
부처 브리핑
글자크기
URL 복사
#바다숲
#블루카본
도움이 되었나요
매우 만족
불만족
평가하기
담당 부서
044-200-0000
첨부파일
.hwpx
바로보기
전재하여 제공함을
출처표시의 조건에 따라
저작권 전부를 보유하고
공공누리 담당자 안내
보도자료 원문
배포 일시
이전기사
다음기사
구명뗏목 관리 미흡
수산물 물가 동향
관련 뉴스
갯녹음 피해 해역 20% 줄었다
블루카본 인증 확대
귀어 창업자금 최대 3억 원
총허용어획량 대상 어종 확대
의견 남기기
게시물 운영원칙
개인정보를 적은 게시물
명예를 훼손하는 게시물
저작권을 침해하는 게시물
등록된 의견이 없습니다
정책 NOW
봄철 산불 위기경보
청년 월세 지원 신청
스쿨존 과속 단속
공공 와이파이 2천 곳
가축전염병 특별방역
노후 교량 1,200곳
양자컴퓨팅 실증 사업
미세플라스틱 저감 지침
개인정보처리방침
웹접근성 품질인증
갈매로 388
자동유입되는 자료
ALL RIGHTS RESERVED'

each_line() { # text function args...
    printf '%s\n' "$1" | while IFS= read -r line; do
        [ -n "$line" ] && printf '%s\n' "$line"
    done
}

check_body() { # file what [post]
    for p in $(each_line "$PARAGRAPHS" | tr ' ' '\001'); do
        expect_once "$1" "$(printf '%s' "$p" | tr '\001' ' ')" "$2"
    done
    for p in $(each_line "$ALSO" | tr ' ' '\001'); do
        p=$(printf '%s' "$p" | tr '\001' ' ')
        if [ "${3:-}" = post ] && [ "$p" = "$CAPTION" ]; then
            expect_absent "$1" "$p" "$2 (a caption without its photo)"
        else
            expect_once "$1" "$p" "$2"
        fi
    done
    for p in $(each_line "$BOILERPLATE" | tr ' ' '\001'); do
        expect_absent "$1" "$(printf '%s' "$p" | tr '\001' ' ')" "$2"
    done
}

# --- the post -------------------------------------------------------------
run post "$PAGE"
expect_eq "$RC" 0 "post: exit status"
cp "$TMP/out" "$TMP/post.md"
# Front matter: between the first two '---' lines.
awk 'NR==1 && $0=="---" {fm=1; next} fm && $0=="---" {exit} fm' "$TMP/post.md" >"$TMP/fm"
awk 'NR==1 && $0=="---" {fm=1; next} fm && $0=="---" {fm=0; body=1; next} body' "$TMP/post.md" \
    >"$TMP/post-body"
# The attribution block after the last '---' names the source; leave it out.
# So are the rows of the agreements table (issue #5): a summary that quotes
# what was agreed, not a paragraph printed twice.
# The closing section (whom to ask, the release's files as links, issue
# #14) is the page's furniture given back on purpose: checked on its own.
awk '$0=="---" || /^\*\*(문의|첨부 파일)\*\*/ {exit} /^\| (구분|결정|합의|공감|환영|약속) \|/ {next} {print}' \
    "$TMP/post-body" >"$TMP/body"
expect_present "$TMP/post-body" \
    "- [0312(보도자료) 올해 바다숲 54곳 조성.hwpx](https://www.korea.kr/common/download.do?fileId=198765001&tblKey=GMN)" \
    "post closing section: attachments as links"
grep -q '^| 결정 | .*바다숲 공동관리 협약' "$TMP/post-body" ||
    fail "post: the agreements table lacks the joint-management accord"
expect_present "$TMP/fm" "title: 올해 바다숲 54곳 조성…갯녹음 확산 막는다" "post front matter"
expect_present "$TMP/fm" "date: 2026-03-12" "post front matter"
expect_present "$TMP/fm" "source_org: 해양수산부" "post front matter"
expect_present "$TMP/fm" "license: KOGL-1" "post front matter"
expect_present "$TMP/fm" "source_url: https://www.korea.kr/briefing/pressReleaseView.do?newsId=156700001" \
    "post front matter"
check_body "$TMP/body" "post body" post
expect_present "$TMP/post-body" "해양수산부" "post attribution"
expect_present "$TMP/post-body" "공공누리 제1유형" "post attribution"
# The title is in the front matter; the body does not repeat it as a heading.
expect_absent "$TMP/body" "# 올해 바다숲 54곳 조성" "post body"

# --- the extracted text, and the EUC-KR copy ------------------------------
run extract "$PAGE"
expect_eq "$RC" 0 "extract: exit status"
cp "$TMP/out" "$TMP/utf8.txt"
check_body "$TMP/utf8.txt" "extract text"
run extract examples/korea-kr-release.euckr.html
expect_eq "$RC" 0 "extract EUC-KR: exit status"
ok
if ! cmp -s "$TMP/out" "$TMP/utf8.txt"; then
    fail "EUC-KR page: text differs from the UTF-8 page's"
    diff -u "$TMP/utf8.txt" "$TMP/out" | head -20
fi
run extract --format json examples/korea-kr-release.euckr.html
expect_present "$TMP/out" '"encoding": "EUC-KR"' "EUC-KR page: encoding"
expect_present "$TMP/out" '"publisher": "해양수산부"' "EUC-KR page: publisher"
expect_present "$TMP/out" '"date": "2026-03-12"' "EUC-KR page: date"
expect_present "$TMP/out" '"license": "KOGL-1"' "EUC-KR page: licence"

# --- the text dump of the page --------------------------------------------
run extract examples/release-dump.txt
expect_eq "$RC" 0 "dump: exit status"
cp "$TMP/out" "$TMP/dump.txt"
check_body "$TMP/dump.txt" "dump text"
run extract --format json examples/release-dump.txt
expect_present "$TMP/out" '"title": "올해 바다숲 54곳 조성…갯녹음 확산 막는다"' "dump: title"
expect_present "$TMP/out" '"publisher": "해양수산부"' "dump: publisher"
expect_present "$TMP/out" '"date": "2026-03-12"' "dump: date"
expect_present "$TMP/out" '"license": "KOGL-1"' "dump: licence"

finish acceptance
