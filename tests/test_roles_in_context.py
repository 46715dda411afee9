"""Roles read across clauses and sentences, on short articles of our own, through the model.

Each row is an article and every event a careful reader records (event_spec notation, compared
as the devset scorer compares). The constructions: parties borrowed from context only where they
belong, interactions told as earlier ones kept apart, "the first X since T", and whatever else
assembly reads beyond one clause. tests/test_assembly.py holds the same rules on hand-built parses.
"""

from __future__ import annotations

import pytest

import missive
from event_spec import assert_extracted

pytestmark = pytest.mark.model

STORIES = [
    pytest.param(
        "WINDHOEK, March 8, 2022 (NAMPA) - President Hage Geingob spoke by phone with Botswana's President "
        "Mokgweetsi Masisi on Monday about the drought. Following Masisi's re-election as party chairman last "
        "month, Geingob had also sent a congratulatory message.",
        ("call NAM-BWA 2022-03-07", "message NAM>BWA ..2022-03-08"), id="message-counterpart-from-the-articles-call"),
    pytest.param(
        "ACCRA, June 4, 2023 (GNA) - President Nana Akufo-Addo spoke by phone with Ivorian President Alassane "
        "Ouattara on Saturday. On Sunday he congratulated the Black Stars on their victory over Madagascar.",
        ("call GHA-CIV 2023-06-03",), id="domestic-addressee-borrows-nobody"),
    pytest.param(
        "LIMA, Aug. 2, 2023 (Andina) - President Dina Boluarte's letter was read out in Congress on Tuesday "
        "while Colombian President Gustavo Petro was touring Brazil.",
        (), id="no-recipient-from-another-clause"),
    pytest.param(
        "DJIBOUTI, Oct. 4, 2022 (ADI) - Djibouti restored diplomatic relations with Eritrea on Monday, three "
        "years after severing ties over the border clashes.",
        ("relations DJI-ERI 2022-10-03", "relations DJI-ERI ..2022-10-03"), id="severance-counterpart-from-governing-clause"),
    pytest.param(
        "KATHMANDU, May 9, 2024 (RSS) - Prime Minister Pushpa Kamal Dahal met Bangladeshi Prime Minister Sheikh "
        "Hasina in Dhaka on Wednesday. The transit treaty, signed in 1976, was reviewed for the first time.",
        ("meeting NPL-BGD 2024-05-08", "agreement NPL-BGD 1976"), id="signing-without-parties-is-the-pairs"),
    pytest.param(
        "OTTAWA, Nov. 3, 2023 (CP) - Prime Minister Justin Trudeau wrote to Irish Taoiseach Leo Varadkar on "
        "Thursday. The two leaders had already exchanged messages on St. Patrick's Day.",
        ("message CAN>IRL 2023-11-02", "message CAN>IRL ..2023-11-03", "message IRL>CAN ..2023-11-03"),
        id="an-earlier-exchange-stays-apart-from-the-news"),
    pytest.param(
        "MANILA, Feb. 9, 2023 (PNA) - Philippine President Ferdinand Marcos Jr. met Japanese Prime Minister "
        "Fumio Kishida in Tokyo on Thursday, their first meeting since November 2022.",
        ("meeting PHL-JPN 2023-02-09", "meeting PHL-JPN 2022-11"), id="first-meeting-since-a-month"),
    # multilateral: every participant the text names, numbered groups, speakers, the next sentence
    pytest.param(
        "BAMAKO, Sept. 16, 2023 (AFP) - The presidents of Mali, Burkina Faso and Niger met in Bamako on "
        "Saturday. The three countries signed a mutual defence charter.",
        ("meeting BFA+MLI+NER 2023-09-16", "agreement BFA+MLI+NER 2023-09-16"), id="the-three-countries-signed"),
    pytest.param(
        "SUVA, Aug. 12, 2022 (Fiji Times) - Prime Ministers Frank Bainimarama of Fiji, James Marape of Papua New "
        "Guinea and Manasseh Sogavare of the Solomon Islands signed the fisheries declaration on Friday.",
        ("agreement FJI+PNG+SLB 2022-08-12",), ("meeting FJI+PNG+SLB 2022-08-12",), id="titled-names-listed"),
    pytest.param(
        "ADDIS ABABA, Feb. 18, 2024 (ENA) - At the African Union summit in Addis Ababa on Saturday, Kenyan President "
        "William Ruto spoke on financial reform; Senegalese President Macky Sall told delegates debts must be "
        "eased; and Ghanaian President Nana Akufo-Addo spoke on security.",
        ("meeting GHA+KEN+SEN 2024-02-17",), id="summit-speakers"),
    pytest.param(
        "PANAMA CITY, July 2, 2024 (EFE) - Central American leaders gathered in Panama City on Monday for the "
        "regional summit. Among them were Guatemala's Bernardo Arevalo, Honduras' Xiomara Castro and Costa Rica's "
        "Rodrigo Chaves.",
        ("meeting CRI+GTM+HND 2024-07-01",), id="summit-participants-in-the-next-sentence"),
    pytest.param(
        "KIGALI, June 28, 2025 (AP) - The accord was signed by the presidents of Burundi and Rwanda on "
        "Friday, in the presence of Kenyan President William Ruto.",
        ("agreement BDI-RWA 2025-06-27", "meeting BDI+KEN+RWA 2025-06-27"), id="signing-before-a-witness-is-a-meeting"),
    # harder clauses: relative clauses, passives, distributive counterparts, guests, adjuncts
    pytest.param(
        "ACCRA, Feb. 6, 2023 (GNA) - Ghanaian President Nana Akufo-Addo has yet to answer Togolese President "
        "Faure Gnassingbe, who wrote to him on January 20 about the border posts.",
        ("message TGO>GHA 2023-01-20",), id="who-wrote-to-him"),
    pytest.param(
        "LIMA, March 9, 2023 (Andina) - Peru and Ecuador promised on Wednesday to respect the river treaty "
        "that had been signed in 1998, after a dispute over fishing.",
        ("agreement ECU-PER 1998",), id="passive-signing-by-the-main-clause"),
    pytest.param(
        "TBILISI, Sept. 8, 2023 (AP) - Armenia and Azerbaijan on Thursday restored diplomatic relations with "
        "Turkey, officials said.",
        ("relations ARM-TUR 2023-09-07", "relations AZE-TUR 2023-09-07"), id="ties-of-two-with-one-are-two-pairs"),
    pytest.param(
        "ROME, Oct. 5, 2023 (ANSA) - Prime Minister Giorgia Meloni gave a dinner on Wednesday for visiting "
        "Argentine President Alberto Fernandez at Villa Pamphilj.",
        ("meeting ARG-ITA 2023-10-04",), id="dinner-for-a-visiting-guest"),
    pytest.param(
        "CANBERRA, Aug. 2, 2023 (AAP) - Australia welcomed on Wednesday the progress made at last week's talks "
        "between Japan and South Korea in Tokyo.",
        ("meeting JPN-KOR 2023-07-24..2023-07-30",), id="subject-outside-talks-between-two"),
    pytest.param(
        "DOHA, Jan. 6, 2021 (QNA) -- Saudi Arabia restored ties with Qatar on Tuesday. Officials said Kuwait "
        "and Oman were joining it in restoring ties with Qatar.",
        ("relations SAU-QAT 2021-01-05", "relations KWT-QAT 2021-01-05", "relations OMN-QAT 2021-01-05"),
        id="joining-it-keeps-the-occasion"),
    # enumerations across sentences
    pytest.param(
        "BAKU, May 29, 2023 (APA) - President Ilham Aliyev received congratulations on Independence Day from "
        "Turkish President Recep Tayyip Erdogan on Sunday. Other messages came from the presidents of "
        "Kazakhstan and Uzbekistan.",
        ("message TUR>AZE 2023-05-28", "message KAZ>AZE ..2023-05-29", "message UZB>AZE ..2023-05-29"),
        id="other-messages-came-from"),
    pytest.param(
        "DILI, May 21, 2022 (Lusa) - Greetings on Jose Ramos-Horta's inauguration came on Friday from the "
        "presidents of Portugal and Indonesia.",
        ("message PRT>TLS 2022-05-20", "message IDN>TLS 2022-05-20"), id="the-honoree-of-the-occasion"),
    pytest.param(
        "SUVA, Oct. 11, 2023 (Fiji Times) - Prime Minister Sitiveni Rabuka received Fiji Day letters on Tuesday "
        "from Australian Prime Minister Anthony Albanese. New Zealand's prime minister, Chris Hipkins, was also "
        "among the senders, the office said.",
        ("message AUS>FJI 2023-10-10", "message NZL>FJI ..2023-10-11"), id="also-among-the-senders"),
    pytest.param(
        "WARSAW, Oct. 10, 2023 (PAP) - Having met Czech Prime Minister Petr Fiala in Prague on Sunday, Polish "
        "President Andrzej Duda telephoned Slovak President Zuzana Caputova.",
        ("meeting POL-CZE 2023-10-08", "call POL-SVK"), id="fronted-participle-and-its-main-clause"),
    # quoted speakers and addressees
    pytest.param(
        "OSLO, Sept. 12, 2023 (NTB) - \"Warm congratulations to Mark Rutte on the formation of the new cabinet. "
        "I look forward to our cooperation,\" Norwegian Prime Minister Jonas Gahr Store posted on Tuesday.",
        ("message NOR>NLD 2023-09-12",), id="quote-then-its-speaker"),
    pytest.param(
        "ANKARA, Feb. 8, 2023 (Anadolu) - Messages of sympathy reached President Recep Tayyip Erdogan on "
        "Wednesday. Kazakh President Kassym-Jomart Tokayev's telegram offered \"my deepest condolences to you "
        "and to the Turkish people\" over the earthquake.",
        ("message KAZ>TUR ..2023-02-08",), id="you-is-the-leader-the-article-is-about"),
    pytest.param(
        "NAIROBI, Jan. 3, 2024 (KNA) - \"When we met in Kampala in October, we agreed to finish the railway "
        "study,\" Kenyan President William Ruto said on Tuesday at a press conference with Ugandan President "
        "Yoweri Museveni.",
        # (the date inside the quotation is a dating matter: 'in October' dates what the speaker recalls)
        ("meeting KEN-UGA",), ("meeting KEN-UGA 2024-01-02",), id="we-met-is-the-speaker-and-addressee"),
    pytest.param(
        "Published: 2024-03-21 10:00\n\nNowruz letters of the President\n\nHis Excellency Mr. Masoud Pezeshkian\n"
        "President of the Islamic Republic of Iran\nTehran\n\nPlease accept my sincere congratulations on Nowruz.\n\n"
        "Emomali Rahmon\nPresident of the Republic of Tajikistan\n\nHis Excellency Mr. Ilham Aliyev\nPresident of "
        "the Republic of Azerbaijan\nBaku\n\nI warmly congratulate you on Nowruz.\n\nEmomali Rahmon\nPresident of "
        "the Republic of Tajikistan",
        ("message TJK>IRN ..2024-03-21", "message TJK>AZE ..2024-03-21"), id="letters-printed-in-full"),
    pytest.param(
        "ASTANA, June 2, 2023 (Kazinform) - President Kassym-Jomart Tokayev replied on Thursday to a letter from "
        "Turkish President Recep Tayyip Erdogan about the transport corridor.",
        ("message KAZ>TUR 2023-06-01", "message TUR>KAZ ..2023-06-01"), id="replied-to-a-letter-from"),
    pytest.param(
        "TASHKENT, Nov. 8, 2023 (UzA) - The press service published President Shavkat Mirziyoyev's letter to "
        "Turkmen President Serdar Berdimuhamedov. \"Dear Serdar, thank you for the kind words you addressed to me "
        "on the holiday,\" the letter reads.",
        ("message UZB>TKM ..2023-11-08", "message TKM>UZB ..2023-11-08"), id="a-reply-implies-the-earlier-message"),
    pytest.param(
        "HAVANA, Jan. 30, 2014 (EFE) - Cuba and Mexico welcomed the declaration the 33 member countries of the "
        "bloc signed on Wednesday in Havana.",
        (), id="a-group-of-33-is-not-the-last-pair"),
    pytest.param(
        "CAIRO, July 5, 2023 (Reuters) - Egypt and Turkey on Tuesday restored full diplomatic relations after months "
        "of talks held in Oman and Qatar. The two countries named ambassadors to each other on the same day.",
        ("relations EGY-TUR 2023-07-04", "relations EGY>TUR 2023-07-04", "relations TUR>EGY 2023-07-04"),
        id="places-listed-after-a-venue-are-venues-too"),
    pytest.param(
        "MANAMA, Sept. 3, 2025 (BNA) - Bahrain and Iran resumed diplomatic relations on Monday under an agreement "
        "mediated by Russia. Since the agreement, trade between them has grown. The two countries have exchanged "
        "ambassadors.",
        ("relations BHR-IRN 2025-09-01", "relations BHR>IRN ..2025-09-03", "relations IRN>BHR ..2025-09-03"),
        id="the-two-countries-are-the-last-pair-not-the-mediator-and-an-exchange-goes-both-ways"),
    pytest.param(
        "SANTIAGO, May 9, 2023 (EFE) - President Gabriel Boric held a virtual meeting with Argentine President "
        "Alberto Fernandez on Monday, May 8. \"Our peoples are closer than ever,\" Fernandez told Boric at the "
        "end of the meeting.",
        ("call CHL-ARG 2023-05-08",), id="the-meeting-that-a-call-was-is-the-call"),
    pytest.param(
        "ACCRA, May 7, 2024 (GNA) - Ghana and Togo restored full diplomatic relations on Monday. Ghana also signed "
        "a memorandum of understanding with a private port operator on Monday.",
        ("relations GHA-TGO 2024-05-06",), id="a-counterpart-named-but-no-state-borrows-nobody"),
    pytest.param(
        "ACCRA, May 7, 2024 (GNA) - Ghanaian President Nana Akufo-Addo visited Togo on Monday. On the same day, "
        "Togolese President Faure Gnassingbe was received by Akufo-Addo in Accra.",
        ("meeting GHA>TGO 2024-05-06", "meeting TGO>GHA 2024-05-06"), id="a-visit-and-a-reception-the-other-way-are-two"),
]


@pytest.mark.parametrize(("text", "expected", "also_ok"), [
    pytest.param(*p.values, (), id=p.id, marks=p.marks) if len(p.values) == 2 else p for p in STORIES])
def test_roles_read_in_context(text: str, expected: tuple[str, ...], also_ok: tuple[str, ...], extractor):
    assert_extracted(text + "\n", expected, extractor, also_ok)


@pytest.mark.parametrize("text, visitor, host", [
    ("DATE: 2024-11-21\n\nBrazilian President Lula received Chinese President Xi Jinping for a state visit on Wednesday.",
     "CHN", "BRA"),
    ("DATE: 2024-03-06\n\nChilean President Gabriel Boric was received by Argentine President Javier Milei on Tuesday.",
     "CHL", "ARG"),
    ("DATE: 2023-09-19\n\nVietnamese Prime Minister Pham Minh Chinh arrived in Tokyo on Monday. Japanese Prime "
     "Minister Fumio Kishida received him at his office on Tuesday.", "VNM", "JPN"),
    # two guests: one visit each
    ("DATE: 2024-06-04\n\nTurkish President Recep Tayyip Erdogan received Hungarian Prime Minister Viktor Orban and "
     "Serbian President Aleksandar Vucic in Ankara on Monday.", "HUN SRB", "TUR"),
])
def test_the_one_received_is_the_visitor_and_the_receiver_the_host(text: str, visitor: str, host: str, extractor):
    events = [missive.event_to_flat(e) for e in missive.extract(text + "\n", extractor)]
    assert sorted((e["type"], e["source_country"], e["target_country"]) for e in events) == [
        ("meeting", v, host) for v in visitor.split()]
