"""articles.py - the news set's article texts (fictional; written for gisa).

Each article: a headline, a site name, a byline, a date, a lead and body
paragraphs; some carry an in-body subheading, a list or a table, which
layouts place inside the article. Everything here is invented: places,
people and figures are fictional.
"""

EN = [
    dict(
        title="Harbour town votes to rebuild its flooded sea wall with living reefs",
        site="The Morning Ledger", author="Clara Huxley", date="2026-02-14",
        paras=[
            "Residents of Port Ellery voted on Thursday to replace the concrete sea wall that failed during last winter's storms with a band of oyster reefs and salt marsh, a plan the town council had rejected twice before.",
            "The measure passed by 1,204 votes to 877. Supporters argued that the reefs would absorb wave energy before it reached the harbour, while opponents questioned whether living structures could be ready before the next storm season.",
            "Engineers hired by the council estimate that the reef band will take three years to reach full height. Until then, temporary rock barriers will protect the fish market and the lifeboat station.",
            "The old wall cost the town more in repairs over the past decade than it cost to build, according to the council's own accounts. Its collapse in January flooded forty homes along Quay Street.",
            "Marine biologists from the regional university will seed the first reef sections in April, using shells collected from restaurants across the county.",
            "\"We are not asking the sea to behave,\" said the harbour master, Tom Aldous. \"We are giving it somewhere else to spend its strength.\"",
        ],
        sub=("What happens next", 3),
        items=["Temporary rock barriers by March", "First reef sections seeded in April",
               "Salt marsh planting in the autumn"],
    ),
    dict(
        title="City libraries will lend tools, tents and telescopes from next month",
        site="Capital Daily", author="Ravi Menon", date="2026-03-02",
        paras=[
            "Every branch of the city's public library will begin lending household tools, camping gear and amateur telescopes from April, extending a pilot that ran at two branches last year.",
            "During the pilot, the most borrowed items were a cordless drill, a pressure washer and a four-person tent. Librarians said demand for the telescopes rose sharply before the autumn meteor shower.",
            "Borrowers will need an ordinary library card and may take up to three items for two weeks. Damaged items will be repaired by volunteers at a new workshop in the central branch.",
            "The library service expects to spend about 180,000 dollars on the first stock of items, most of it paid for by a grant from a regional foundation.",
            "Shop owners were divided. A hardware retailer on Main Street said the scheme would take away sales, while another said customers who try a tool first often come back to buy one.",
        ],
        table=[["Item", "Pilot loans"], ["Cordless drill", "412"], ["Pressure washer", "298"],
               ["Four-person tent", "265"]],
    ),
    dict(
        title="Night trains return to the northern line after a twelve-year absence",
        site="Rail & Road Weekly", author="Ines Barrow", date="2026-01-19",
        paras=[
            "Overnight passenger trains will run again between the capital and the northern coast from June, the national rail operator said, reviving a service that was cut in 2014 for lack of passengers.",
            "The new trains will carry sleeping compartments for up to four people and a small café car. Tickets will go on sale in March, with the cheapest berth priced below a one-way flight on the same route.",
            "Rail officials pointed to a rise in travellers who want to avoid short-haul flights. Bookings on the operator's existing night service in the south grew by a third last year.",
            "Towns along the route welcomed the decision. The mayor of Harwick said the last evening bus from the station currently leaves at half past eight, which makes weekend visits almost impossible.",
            "The operator has leased twelve carriages from a neighbouring country while its own fleet is refurbished, a process expected to take two more years.",
        ],
        sub=("A slow return", 2),
    ),
    dict(
        title="Beekeepers report the strongest spring in a decade after a mild winter",
        site="Country Post", author="Owen Pritchard", date="2026-04-08",
        paras=[
            "Beekeepers across the valley say their colonies came through the winter in better shape than at any time in the past ten years, with losses well below the usual one in four hives.",
            "The regional beekeeping association surveyed 340 members in March. Fewer than one in ten reported losing a colony, compared with almost a third two years ago.",
            "Keepers credit a mild winter and a late flush of ivy flowers, which gave the bees a final store of food before the cold set in.",
            "Researchers warned against reading too much into a single good year. A wet summer could still reduce the honey harvest, and a parasitic mite remains the main threat to colonies.",
            "The association will hold open days at twelve apiaries in May for people who are thinking of keeping bees for the first time.",
        ],
        items=["Colony losses under ten percent", "Ivy flowers late into November",
               "Mite treatment still advised"],
    ),
    dict(
        title="Students design a bus shelter that cools itself with rainwater",
        site="The Tribune Online", author="Maya Okafor", date="2026-05-21",
        paras=[
            "A group of engineering students has built a bus shelter whose roof stores rainwater and lets it evaporate through clay tiles on hot days, lowering the temperature underneath by up to six degrees.",
            "The prototype stands outside the university's north gate and has been measured every afternoon since last summer. Passengers waiting there say it feels noticeably fresher than the metal shelter across the road.",
            "The design uses no pumps or electricity. Water collects in a shallow tray on the roof and soaks into the tiles, which are shaded from above by a slatted wooden frame.",
            "The city transport department has asked the students to build three more shelters on the routes with the longest waits, where older passengers have complained about the heat.",
            "The team's supervisor said the idea is borrowed from traditional clay water jars, which keep their contents cool in the same way.",
            "A full report on the measurements will be published in the autumn, along with drawings that any town can use free of charge.",
        ],
        table=[["Month", "Average cooling"], ["June", "4.1 degrees"], ["July", "5.8 degrees"],
               ["August", "5.2 degrees"]],
    ),
    dict(
        title="Museum returns a carved door to the village it was taken from a century ago",
        site="Heritage Review", author="Samuel Trent", date="2026-06-11",
        paras=[
            "A carved wooden door that stood in the national museum's entrance hall for nearly a hundred years was returned on Saturday to the hill village where it was made.",
            "The door was removed from the village meeting house in 1927 by a collector who sold it to the museum. Elders from the village had asked for its return since the 1980s.",
            "Hundreds of people gathered in the square as the door was carried up the last stretch of road by hand, because the lorry that brought it could not pass the narrow bridge.",
            "The museum's director said the institution had reviewed the records of more than two hundred objects in its collection and found several others acquired in similar circumstances.",
            "The village plans to hang the door in a new meeting house that is being built on the site of the old one, which burned down in 1961.",
        ],
        sub=("Other objects under review", 4),
    ),
    dict(
        title="Fishermen and wind farm developer agree on shared use of offshore waters",
        site="Coastal Observer", author="Hanna Lindqvist", date="2026-07-03",
        paras=[
            "Fishing cooperatives and the developer of a planned offshore wind farm have signed an agreement that allows small boats to fish between the turbines, ending two years of dispute.",
            "Under the deal, the developer will space the turbines at least one kilometre apart and bury all cables deep enough for trawl nets to pass over them safely.",
            "The cooperatives had warned that the project would close some of their most productive grounds. Their chairman said the agreement was not perfect but was better than a court case that could have lasted years.",
            "The developer will also pay into a fund that supports young people entering the fishing trade, with the first grants due next spring.",
            "Construction of the first forty turbines is expected to start in 2027. The farm will supply electricity to about 300,000 homes when complete.",
        ],
        items=["Turbines one kilometre apart", "Cables buried below trawl depth",
               "A fund for young fishers"],
    ),
    dict(
        title="A retired teacher has mapped every tree in her town, all 14,000 of them",
        site="Weekend Chronicle", author="Peter Voss", date="2026-08-29",
        paras=[
            "Over six years, a retired science teacher walked every street and park in Millbrook and recorded the species, height and condition of each tree she found, 14,212 in all.",
            "Her map, published online this week, has already been used by the town council to choose where to plant 500 new trees this winter.",
            "The oldest tree on the map is an oak near the railway station that she estimates to be more than three hundred years old. The most common is the small-leaved lime, planted along many streets in the 1950s.",
            "She began the project after a storm brought down several trees on her own street and nobody could say how old they had been.",
            "Local schools now use the map for field trips, and volunteers have offered to check the condition of trees in the town's three largest parks every spring.",
        ],
        sub=("How the map was made", 2),
    ),
]

KO = [
    dict(
        title="섬마을 분교, 12년 만에 신입생 받는다",
        site="한빛일보", author="김서연", date="2026-02-27",
        paras=[
            "전남 신안군 해오름섬의 초등학교 분교가 올해 12년 만에 신입생 세 명을 받는다. 학부모들이 귀어 가정으로 섬에 정착하면서 학교에 다시 아이들이 모이기 시작했다.",
            "해오름분교는 2014년 마지막 졸업생을 배출한 뒤 휴교 상태였다. 교육청은 지난해 귀어 가정이 늘어나자 학교를 다시 열기로 하고 교실 두 칸을 새로 고쳤다.",
            "올해 입학하는 아이들은 모두 7살 동갑내기다. 섬에는 이미 2학년과 4학년 학생이 한 명씩 있어 전교생은 다섯 명이 된다.",
            "교육청은 교사 두 명과 돌봄 전담 인력 한 명을 배치하고, 주 2회 육지 학교와 화상 수업을 연결할 계획이다.",
            "학부모 박지훈 씨는 아이가 바다를 보며 학교에 다닐 수 있다는 것이 섬에 온 가장 큰 이유라고 말했다.",
        ],
        sub=("교사 두 명 배치", 3),
    ),
    dict(
        title="도심 하천 복원 3년… 수달이 돌아왔다",
        site="중부매일신문", author="이준호", date="2026-03-15",
        paras=[
            "콘크리트로 덮여 있던 도심 하천을 걷어내고 자연형 하천으로 복원한 지 3년 만에 천연기념물 수달이 다시 모습을 드러냈다.",
            "시는 지난달 하천 중류에 설치한 무인 카메라에 수달 두 마리가 물고기를 잡는 장면이 찍혔다고 밝혔다. 시 관계자는 새끼로 보이는 개체도 함께 확인됐다고 설명했다.",
            "복원 사업은 2023년 시작돼 하천 바닥의 콘크리트를 걷어내고 여울과 모래톱을 되살리는 방식으로 진행됐다. 사업비는 모두 420억 원이 들었다.",
            "하천에 사는 물고기 종류도 복원 전 7종에서 지난해 19종으로 늘었다. 시민들이 산책로에서 왜가리와 원앙을 보는 일도 잦아졌다.",
            "시는 수달 서식지 주변에 야간 조명을 줄이고, 반려견 산책 구간을 따로 정하는 등 보호 대책을 마련하기로 했다.",
        ],
        items=["야간 조명 줄이기", "반려견 산책 구간 분리", "무인 카메라 추가 설치"],
    ),
    dict(
        title="전통시장에 청년 상인 50명 입점… 빈 점포 절반 채웠다",
        site="새아침경제", author="박민지", date="2026-04-02",
        paras=[
            "오랫동안 빈 점포가 늘어나던 구도심 전통시장에 청년 상인 50명이 새로 문을 열면서 시장 빈 점포의 절반이 채워졌다.",
            "구청은 지난해부터 만 39세 이하 창업자에게 점포 임대료의 70%를 2년 동안 지원하고, 간판과 내부 공사 비용도 일부 부담해 왔다.",
            "새로 들어온 가게는 수제 디저트, 반찬 배달, 수선집, 작은 서점 등 다양하다. 기존 상인들은 주말 손님이 눈에 띄게 늘었다고 입을 모았다.",
            "다만 지원이 끝난 뒤에도 가게를 유지할 수 있을지는 과제로 남았다. 구청은 매출 관리 교육과 온라인 판매 지원을 함께 하겠다고 밝혔다.",
            "시장 상인회장은 젊은 사장님들이 들어오면서 시장에 활기가 돌기 시작했다며 기존 상인과 함께하는 행사를 늘리겠다고 말했다.",
        ],
        table=[["구분", "2024년", "2026년"], ["빈 점포", "102곳", "51곳"], ["청년 점포", "4곳", "54곳"]],
    ),
    dict(
        title="산불 감시에 드론 40대 투입… 봄철 대응 체계 가동",
        site="동해신문", author="최윤석", date="2026-03-05",
        paras=[
            "강원 동해안 시군이 봄철 산불 조심 기간을 맞아 열화상 카메라를 단 감시 드론 40대를 투입했다.",
            "드론은 해 질 무렵부터 밤사이 산림과 마을 경계를 돌며 열을 감지하고, 이상 징후가 보이면 바로 상황실에 위치를 알린다.",
            "지난해 시범 운영 기간에는 드론이 논두렁 소각 등 불씨 17건을 먼저 찾아내 큰불로 번지는 것을 막았다.",
            "산림 당국은 드론과 함께 감시 인력 600여 명을 배치하고, 입산 통제 구역을 지난해보다 넓히기로 했다.",
            "당국은 봄철 산불의 상당수가 쓰레기 소각 등 사람의 부주의로 일어난다며 주민들의 협조를 당부했다.",
        ],
        sub=("감시 인력 600여 명", 3),
    ),
    dict(
        title="폐교를 마을 도서관으로… 주민이 직접 운영한다",
        site="푸른고을뉴스", author="정하늘", date="2026-05-09",
        paras=[
            "10년 동안 비어 있던 시골 폐교가 주민들이 직접 운영하는 마을 도서관으로 다시 문을 열었다.",
            "주민 30여 명이 협동조합을 만들어 교육청에서 건물을 빌렸고, 책장과 책상은 인근 학교에서 쓰던 것을 기증받았다.",
            "도서관에는 기증받은 책 8천여 권이 꽂혀 있고, 옛 교실 한 칸은 어르신들이 모여 한글을 배우는 공간으로 쓰인다.",
            "운동장은 주말마다 아이들의 놀이터가 된다. 협동조합은 여름방학에 영화 상영회와 작은 음악회를 열 계획이다.",
            "조합 대표는 학교가 문을 닫은 뒤 마을에 모일 곳이 없었는데 이제 다시 사람 소리가 난다고 말했다.",
        ],
        items=["기증 도서 8천여 권", "어르신 한글 교실", "여름방학 영화 상영회"],
    ),
    dict(
        title="공공자전거 이용 1000만 건 돌파… 출퇴근 이용이 절반",
        site="수도권일보", author="한지우", date="2026-06-20",
        paras=[
            "시의 공공자전거 누적 이용 건수가 도입 5년 만에 1천만 건을 넘어섰다. 이용의 절반 가까이는 출퇴근 시간대에 집중됐다.",
            "시가 지난해 이용 기록을 분석한 결과 평일 오전 7시부터 9시 사이와 오후 6시부터 8시 사이 이용이 전체의 48%를 차지했다.",
            "가장 많이 이용된 대여소는 지하철역 주변이었다. 시는 역에서 회사나 집까지 마지막 구간을 자전거로 이동하는 시민이 많은 것으로 분석했다.",
            "시는 올해 대여소 120곳을 더 만들고, 고장 난 자전거를 신고하면 포인트를 주는 제도를 도입한다.",
            "자전거 도로가 끊기는 구간이 많다는 지적에 대해서는 내년까지 주요 도로 12곳에 자전거 전용 차로를 새로 만들겠다고 밝혔다.",
        ],
        table=[["연도", "이용 건수"], ["2024년", "210만 건"], ["2025년", "290만 건"]],
    ),
    dict(
        title="어르신 스마트폰 교실, 손주 세대 대학생이 선생님",
        site="한빛일보", author="오세훈", date="2026-09-03",
        paras=[
            "대학생들이 동네 경로당을 찾아가 어르신들에게 스마트폰 사용법을 가르치는 교실이 인기를 끌고 있다.",
            "수업은 일주일에 두 번, 한 번에 두 시간씩 열린다. 어르신들은 영상 통화, 병원 예약, 버스 도착 시간 확인 같은 생활에 필요한 기능부터 배운다.",
            "올해 참여한 대학생은 80명으로 지난해의 두 배가 됐다. 학생들은 봉사 시간과 함께 소정의 활동비를 받는다.",
            "수업에 참여한 한 어르신은 손주에게 물어보기 미안했는데 학생들이 몇 번이고 친절하게 알려줘서 좋다고 말했다.",
            "구청은 하반기부터 교실을 경로당 40곳으로 늘리고, 키오스크 주문 연습 기기도 함께 설치할 계획이다.",
        ],
        sub=("하반기 40곳으로 확대", 4),
    ),
    dict(
        title="행정안전부, 지역 골목상권 살리기 사업 30곳 선정",
        site="행정안전부", author="행정안전부", date="2026-04-21",
        paras=[
            "행정안전부는 지역 골목상권의 활력을 되살리기 위한 2026년 골목상권 살리기 사업 대상지로 전국 30곳을 선정했다고 21일 밝혔다.",
            "선정된 지역에는 곳당 최대 5억 원의 특별교부세가 지원되며, 빈 점포 활용, 골목 환경 개선, 상인 역량 강화 사업 등이 추진된다.",
            "이번 공모에는 전국 87개 지방자치단체가 참여했으며, 외부 전문가로 구성된 심사위원회가 사업의 실현 가능성과 지역 주민 참여도를 평가했다.",
            "행정안전부는 사업이 끝난 뒤에도 상권이 자생력을 갖출 수 있도록 지역 대학과 연계한 컨설팅을 함께 지원할 계획이다.",
            "행정안전부 관계자는 골목상권이 살아나야 지역에 사람이 모이고 일자리가 생긴다며 지방자치단체와 긴밀히 협력하겠다고 말했다.",
        ],
        items=["빈 점포 활용", "골목 환경 개선", "상인 역량 강화"],
    ),
]

# Text of the page around the article: comments, teasers, trending
# headlines. Comments are long on purpose: they must not win.
EN_COMMENTS = [
    "I have lived here for thirty years and I have never seen the council move this quickly on anything. Let us hope they keep the same energy once the cameras are gone and the real work starts.",
    "This is exactly the kind of practical idea we need more of. My neighbour tried something similar on a smaller scale and it worked better than anyone expected, though it took a few seasons.",
    "Who is paying for all of this? Every year we are told there is no money for road repairs, and then suddenly there is money for projects like this one. I would like to see the full accounts.",
    "Great reporting as always. Would be interesting to hear from the people who voted against it, because the article only quotes one side and I suspect their concerns are reasonable ones.",
    "My grandfather used to talk about how things were done before all the concrete went in. Funny how we end up going back to the old ways after spending a fortune on the new ones.",
    "I visited last summer and the whole area was lovely. Reading this makes me want to go back and see how it has changed. Does anyone know if the ferry still runs on Sundays?",
    "The comment section here is always more heated than the article itself. For what it is worth, I think this is a sensible compromise and people should give it a chance before judging it.",
    "Not convinced. We have heard big promises before and the results were always smaller than the press releases suggested. I will believe it when I see it working in five years.",
]
EN_TEASERS = [
    ("Council approves new cycle lanes across the old town",
     "The plan adds eleven kilometres of protected lanes and removes parking from two streets, a decision that split the chamber down the middle after a long evening debate."),
    ("Record crowds expected at the summer food festival",
     "Organisers say more than sixty stalls will take part this year, with a new area for local producers and a programme of cooking demonstrations every afternoon."),
    ("Why the price of coffee keeps rising, explained",
     "Poor harvests in two of the largest growing regions, higher shipping costs and a weaker currency have all pushed up what shoppers pay for a bag of beans."),
    ("Ten walks to take before the end of autumn",
     "From river paths to hill ridges, our writers picked their favourite routes within an hour of the city, with notes on parking, cafés and where to find the best views."),
    ("School meals to include more local vegetables",
     "The education board has signed contracts with fourteen farms in the county, and head teachers say pupils have already noticed the difference in taste."),
    ("Storm warning issued for the weekend",
     "Forecasters expect gusts of up to ninety kilometres an hour along the coast on Saturday night, and ferry operators have warned that some crossings may be cancelled."),
]
KO_COMMENTS = [
    "이런 소식 정말 반갑네요. 우리 동네에도 이런 사업이 생겼으면 좋겠습니다. 다만 처음 몇 년만 반짝하고 끝나지 않도록 꾸준히 관리해 주셨으면 합니다.",
    "세금이 이렇게 제대로 쓰이는 걸 보니 기분이 좋습니다. 다른 지역도 참고해서 비슷한 사업을 많이 했으면 좋겠네요. 응원합니다.",
    "기사 잘 읽었습니다. 그런데 현장에서 실제로 일하는 분들 이야기는 왜 하나도 없는지 모르겠네요. 다음에는 그분들 이야기도 들어봐 주세요.",
    "어릴 때 살던 동네 이야기라 반가워서 댓글 남깁니다. 예전 모습이 많이 사라졌지만 이렇게라도 다시 살아난다니 다행입니다.",
    "좋은 취지인 건 알겠는데 지원이 끝나면 어떻게 되는지가 더 중요하다고 봅니다. 보여주기식 사업이 되지 않았으면 합니다.",
    "주말에 아이들이랑 한번 가봐야겠네요. 주차는 어디에 하면 되는지 아시는 분 계신가요? 대중교통으로 가기에는 조금 멀어서요.",
]
KO_TEASERS = [
    ("주말 전국 대체로 맑음… 낮 기온 20도 안팎", "이번 주말에는 전국이 대체로 맑겠고 낮 기온은 20도 안팎으로 올라 나들이하기 좋은 날씨가 이어지겠다고 기상청이 밝혔다."),
    ("지하철 요금 내달부터 150원 인상", "시는 적자 누적으로 다음 달부터 지하철 기본요금을 150원 올리기로 했으며, 청소년과 어린이 요금은 동결한다고 설명했다."),
    ("가을 축제 일정 한눈에 보기", "전국 지방자치단체가 여는 가을 축제 일정을 지역별로 정리했다. 올해는 먹거리와 체험 행사를 늘린 축제가 많다."),
    ("아파트 관리비 또 올랐다… 난방비 부담 커져", "겨울철을 앞두고 아파트 관리비가 지난해보다 평균 8% 오른 것으로 나타나 가계 부담이 커질 것으로 보인다."),
    ("프로야구 포스트시즌 대진 확정", "정규시즌이 마무리되면서 포스트시즌 대진이 확정됐다. 1위 팀은 한국시리즈에 직행해 상대를 기다린다."),
    ("청년 월세 지원 신청 오늘부터", "만 19세부터 34세까지 무주택 청년을 대상으로 한 월세 지원 신청이 오늘부터 시작돼 다음 달 말까지 이어진다."),
]
