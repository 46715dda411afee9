"""Assembly on hand-built parses: drafts from frames, parties from context, merging, direction.

No model is loaded: each sentence's parse is written out (tests/parses.py), so these tests say what
the rules do with a given structure, whatever a model makes of the sentence.
"""

from __future__ import annotations

from datetime import date

from parses import frame, parse, placed

from missive.extraction.assemble import fill_parties, merge_drafts
from missive.extraction.cast import ActorFinder, Cast
from missive.extraction.context import counterpart_from_governing_clause, names_other_recipient, other_person_of_sentence
from missive.extraction.drafts import drafts_of, is_told_as_earlier, since_first
from missive.extraction.nlp import Sentence
from missive.model import Actor, DateWindow

EARLIER = frozenset({"last", "previous", "prior", "already"})
PAIRWISE = frozenset({"separate", "separately", "bilateral"})
NOW = DateWindow(date(2024, 5, 8), date(2024, 5, 8), "day", "dateline")
RUTO = Actor("William Ruto", "KEN", "person", "head_of_state")
ABIY = Actor("Abiy Ahmed", "ETH", "person", "head_of_government")
KENYA, ETHIOPIA = Actor("Kenya", "KEN", "state"), Actor("Ethiopia", "ETH", "state")


# -- an interaction told as an earlier one is another interaction ------------------------------------
HAD_LAST_MET = parse("The/DT/det/2 two/CD/nummod/2 leaders/NNS/nsubj/5 had/VBD/aux/5 last/RB/advmod/5 "
                     "met/VBN/ROOT/5 in/IN/prep/5 Nairobi/NNP/pobj/6 ././punct/5")
THEY_MET = parse("Ruto/NNP/nsubj/1 met/VBD/ROOT/1 Abiy/NNP/dobj/1 on/IN/prep/1 Monday/NNP/pobj/3 ././punct/1")
THEIR_PREVIOUS_MEETING = parse("Their/PRP$/poss/2 previous/JJ/amod/2 meeting/NN/nsubj/3 ended/VBD/ROOT/3 "
                               "badly/RB/advmod/3 ././punct/3")


def meeting_draft(doc, word, window, own, pos="verb"):
    f = frame(doc, word, "meeting", "meet", pos)
    f.participants = [RUTO, ABIY]
    d = drafts_of(f, "", 0, EARLIER)[0]
    d.window, d.has_own_date = window, own
    return d


def test_last_and_previous_mark_an_interaction_as_earlier():
    assert is_told_as_earlier(frame(HAD_LAST_MET, "met", "meeting", "meet", "verb"), EARLIER)
    assert is_told_as_earlier(frame(THEIR_PREVIOUS_MEETING, "meeting", "meeting", "meet"), EARLIER)
    assert not is_told_as_earlier(frame(THEY_MET, "met", "meeting", "meet", "verb"), EARLIER)


def test_an_undated_earlier_meeting_does_not_fold_into_the_news():
    news = meeting_draft(THEY_MET, "met", DateWindow(None, None), False)
    before = meeting_draft(HAD_LAST_MET, "met", DateWindow(None, None), False)
    assert len(merge_drafts([news, before])) == 2


def test_two_dated_mentions_that_agree_still_merge_whatever_their_wording():
    june = DateWindow(date(2023, 6, 1), date(2023, 6, 30), "month", "June")
    news = meeting_draft(THEY_MET, "met", june, True)
    again = meeting_draft(HAD_LAST_MET, "met", june, True)
    assert merge_drafts([news, again]) == [news]


# -- "the first X since T": the one before was then ------------------------------------------------
FIRST_VISIT_SINCE = parse("It/PRP/nsubj/1 was/VBD/ROOT/1 their/PRP$/poss/4 first/JJ/amod/4 visit/NN/attr/1 "
                          "since/IN/prep/4 2016/CD/pobj/5 ././punct/1")
FIRST_MINISTER_TO_VISIT = parse("Sanchez/NNP/nsubj/1 became/VBD/ROOT/1 the/DT/det/5 first/JJ/amod/5 "
                                "Spanish/JJ/amod/5 premier/NN/attr/1 to/TO/aux/7 visit/VB/relcl/5 Havana/NNP/dobj/7 "
                                "since/IN/prep/7 1986/CD/pobj/9 ././punct/1")
FIRST_SINCE_AN_EVENT = parse("It/PRP/nsubj/1 was/VBD/ROOT/1 their/PRP$/poss/4 first/JJ/amod/4 meeting/NN/attr/1 "
                             "since/IN/prep/4 his/PRP$/poss/7 election/NN/pobj/5 in/IN/prep/7 2016/CD/pobj/8 "
                             "././punct/1")


def visit_drafts(doc, word, pos):
    f = frame(doc, word, "meeting", "visit", pos)
    f.agents, f.recipients = [RUTO], [ETHIOPIA]
    drafts = drafts_of(f, "", 0, EARLIER)
    for d in drafts:
        d.reasons = ["pattern visit", "date: none"]
    return drafts


def test_the_first_visit_since_a_year_implies_a_visit_that_year():
    made = visit_drafts(FIRST_VISIT_SINCE, "visit", "noun")
    (before,) = since_first(made[0].frame, made, NOW)
    assert (before.window.start, before.window.end) == (date(2016, 1, 1), date(2016, 12, 31))
    assert before.earlier and before.has_own_date and (before.source, before.target) == (RUTO, ETHIOPIA)
    assert made[0].window.start is None  # the news keeps its own date


def test_the_first_leader_to_visit_since_a_year_implies_a_visit_that_year():
    made = visit_drafts(FIRST_MINISTER_TO_VISIT, "visit", "verb")
    assert [d.window.start for d in since_first(made[0].frame, made, NOW)] == [date(1986, 1, 1)]


def test_a_date_inside_an_event_after_since_dates_that_event_not_an_earlier_meeting():
    made = visit_drafts(FIRST_SINCE_AN_EVENT, "meeting", "noun")
    assert since_first(made[0].frame, made, NOW) == []


# -- a missing party is borrowed only from where it belongs ------------------------------------------
HICHILEMA = Actor("Hakainde Hichilema", "ZMB", "person", "head_of_state")
STORE = Actor("Jonas Gahr Store", "NOR", "person", "head_of_government")
LETTER_WHILE_VISITING = parse(
    "Hichilema/NNP/poss/2 's/POS/case/0 letter/NN/nsubjpass/4 was/VBD/auxpass/4 read/VBN/ROOT/4 "
    "while/IN/mark/8 Store/NNP/nsubj/8 was/VBD/aux/8 visiting/VBG/advcl/4 Malawi/NNP/dobj/8 ././punct/4")
REMARKS_IN_A_MESSAGE = parse("Hichilema/NNP/nsubj/1 made/VBD/ROOT/1 the/DT/det/3 remarks/NNS/dobj/1 in/IN/prep/1 "
                             "a/DT/det/6 message/NN/pobj/4 to/IN/prep/1 Store/NNP/pobj/7 ././punct/1")


def letter_of_hichilema(doc):
    f = frame(doc, "letter" if "letter" in doc.text else "message", "message", "message")
    f.agents = [HICHILEMA]
    cast = Cast([placed(doc, "Hichilema", HICHILEMA), placed(doc, "Store", STORE)])
    other_person_of_sentence(cast, Sentence(0, len(doc.text), doc.text), f)
    return f


def test_a_person_of_another_clause_is_not_the_letters_recipient():
    assert letter_of_hichilema(LETTER_WHILE_VISITING).recipients == []


def test_the_one_other_person_of_the_clause_is_the_messages_recipient():
    assert letter_of_hichilema(REMARKS_IN_A_MESSAGE).recipients == [STORE]


CONGRATULATED_THE_TEAM = parse("Ramaphosa/NNP/nsubj/1 congratulated/VBD/ROOT/1 the/DT/det/3 "
                               "Springboks/NNPS/dobj/1 ././punct/1")


def test_a_domestic_addressee_is_named_so_nobody_is_borrowed_for_it():
    f = frame(CONGRATULATED_THE_TEAM, "congratulated", "message", "congratulate", "verb")
    assert names_other_recipient(f)
    f.agents = [Actor("Cyril Ramaphosa", "ZAF", "person", "head_of_state")]
    message = drafts_of(f, "message", 1)[0]
    phone = frame(REMARKS_IN_A_MESSAGE, "message", "call", "call")
    phone.participants = [f.agents[0], Actor("Abdel Fattah el-Sisi", "EGY", "person", "head_of_state")]
    fill_parties([drafts_of(phone, "call", 0)[0], message])
    assert message.target is None


AFTER_SEVERING = parse("Somalia/NNP/nsubj/1 restored/VBD/ROOT/1 relations/NNS/dobj/1 with/IN/prep/2 "
                       "Kenya/NNP/pobj/3 after/IN/prep/1 severing/VBG/pcomp/5 ties/NNS/dobj/6 ././punct/1")


def test_a_severance_takes_its_counterpart_from_the_clause_it_hangs_from():
    somalia = Actor("Somalia", "SOM", "state")
    cast = Cast([placed(AFTER_SEVERING, "Somalia", somalia), placed(AFTER_SEVERING, "Kenya", Actor("Kenya", "KEN", "state"))])
    f = frame(AFTER_SEVERING, "severing", "relations", "relations", "verb")
    f.participants = [somalia]
    counterpart_from_governing_clause(f, ActorFinder(cast, 0))
    assert [a.country for a in f.participants] == ["SOM", "KEN"]


SIGNED_IN_2015 = parse("The/DT/det/1 accord/NN/nsubj/5 ,/,/punct/1 signed/VBN/acl/1 in/IN/prep/3 2015/CD/pobj/4 "
                       "holds/VBZ/ROOT/5 ././punct/5")


def test_a_signing_that_names_no_party_is_the_articles_pair():
    talks = frame(REMARKS_IN_A_MESSAGE, "message", "meeting", "meet")
    talks.participants = [RUTO, ABIY]
    signed = frame(SIGNED_IN_2015, "signed", "agreement", "sign", "verb")
    meeting, agreement = drafts_of(talks, "", 0)[0], drafts_of(signed, "", 1)[0]
    undated = drafts_of(signed, "", 1)[0]
    agreement.has_own_date = True
    fill_parties([meeting, agreement, undated])
    assert not undated.countries
    assert {agreement.source.country, agreement.target.country} == {"KEN", "ETH"}
    assert "main pair" in agreement.source.reason


# -- groups, lists and multilateral events -----------------------------------------------------------
ANGOLA, CONGO, ZAMBIA = Actor("Angola", "AGO", "state"), Actor("Congo", "COD", "state"), Actor("Zambia", "ZMB", "state")
THE_THREE_COUNTRIES = parse("Angola/NNP/nsubj/1 met/VBD/ROOT/1 Congo/NNP/dobj/1 and/CC/cc/2 Zambia/NNP/conj/2 "
                            "in/IN/prep/1 Luanda/NNP/pobj/5 ./././1 The/DT/det/10 three/CD/nummod/10 countries/NNS/nsubj/11 "
                            "signed/VBD/ROOT/11 ././punct/11")


def finder_over(doc, *mentions, venues=()):
    from missive.extraction.cast import Placed

    placed_ = [placed(doc, words, actor) for words, actor in mentions]
    placed_ += [Placed(p.start, p.end, p.actor, True) for p in (placed(doc, w, a) for w, a in venues)]
    return ActorFinder(Cast(placed_), 0)


def test_a_numbered_group_is_that_many_parties_named_before_venues_left_out():
    finder = finder_over(THE_THREE_COUNTRIES, ("Angola", ANGOLA), ("Congo", CONGO), ("Zambia", ZAMBIA),
                         venues=[("Luanda", ANGOLA)])
    group = THE_THREE_COUNTRIES[10]
    assert {a.country for a in finder.actors_of(group)} == {"AGO", "COD", "ZMB"}


def test_a_group_larger_than_the_parties_named_points_at_nobody():
    doc = parse("Angola/NNP/nsubj/1 met/VBD/ROOT/1 Congo/NNP/dobj/1 ./././1 The/DT/det/7 33/CD/nummod/7 "
                "member/NN/compound/7 countries/NNS/nsubj/8 signed/VBD/ROOT/8 ././punct/8")
    finder = finder_over(doc, ("Angola", ANGOLA), ("Congo", CONGO))
    assert finder.actors_of(doc[7]) == []


def test_both_countries_is_not_the_venue_of_the_sentence_before():
    doc = parse("Congo/NNP/nsubj/1 signed/VBD/ROOT/1 in/IN/prep/1 Washington/NNP/pobj/2 ./././1 Both/DT/det/6 "
                "countries/NNS/nsubj/7 hailed/VBD/ROOT/7 Rwanda/NNP/dobj/7 ././punct/7")
    finder = finder_over(doc, ("Congo", CONGO), venues=[("Washington", Actor("United States", "USA", "state"))])
    assert finder.actors_of(doc[6]) == []


LISTED_BY_APPOSITION = parse(
    "Presidents/NNS/compound/2 Joao/NNP/compound/2 Lourenco/NNP/nsubj/12 of/IN/prep/2 Angola/NNP/pobj/3 ,/,/punct/2 "
    "Tshisekedi/NNP/appos/2 of/IN/prep/6 Congo/NNP/pobj/7 and/CC/cc/6 Hichilema/NNP/conj/6 of/IN/prep/10 "
    "met/VBD/ROOT/12 ././punct/12")


def test_list_members_the_parser_hangs_as_appositions_are_all_read():
    lourenco = Actor("Joao Lourenco", "AGO", "person", "head_of_state")
    tshisekedi = Actor("Felix Tshisekedi", "COD", "person", "head_of_state")
    hichilema = Actor("Hakainde Hichilema", "ZMB", "person", "head_of_state")
    finder = finder_over(LISTED_BY_APPOSITION, ("Joao Lourenco", lourenco), ("Tshisekedi", tshisekedi),
                         ("Hichilema", hichilema))
    assert [a.country for a in finder.actors_of(LISTED_BY_APPOSITION[2])] == ["AGO", "COD", "ZMB"]


def test_an_apposition_that_restates_the_same_country_adds_nobody():
    doc = parse("Xi/NNP/nsubj/4 ,/,/punct/0 China/NNP/poss/3 president/NN/appos/0 wrote/VBD/ROOT/4 ././punct/4")
    xi = Actor("Xi Jinping", "CHN", "person", "head_of_state")
    finder = finder_over(doc, ("Xi", xi), ("China", Actor("China", "CHN", "state")))
    assert finder.actors_of(doc[0]) == [xi]


def test_a_multilateral_event_has_participants_and_no_direction():
    from missive.extraction.assemble import to_event
    from missive.pipeline import build_document

    f = frame(THE_THREE_COUNTRIES, "signed", "agreement", "sign", "verb")
    f.participants = [ANGOLA, CONGO, ZAMBIA]
    d = drafts_of(f, "", 1)[0]
    d.evidence = [(0, 5)]
    event = to_event(d, build_document("x", THE_THREE_COUNTRIES.text))
    assert (event.source, event.target) == (None, None)
    assert {a.country for a in event.participants} == {"AGO", "COD", "ZMB"}


def test_a_signing_by_office_holders_in_the_news_is_also_a_meeting_and_a_witness_takes_part():
    from missive.extraction.assemble import signing_meetings

    f = frame(THE_THREE_COUNTRIES, "signed", "agreement", "sign", "verb")
    f.participants = [RUTO, ABIY]
    news = drafts_of(f, "", 1)[0]
    news.present = [Actor("Marco Rubio", "USA", "person", "foreign_minister")]
    (meeting,) = signing_meetings([news])
    assert meeting.type == "meeting" and meeting.countries == {"KEN", "ETH", "USA"}
    history = drafts_of(f, "", 1)[0]
    history.background = True
    states = drafts_of(f, "", 1)[0]
    states.source, states.target, states.participants = KENYA, ETHIOPIA, [KENYA, ETHIOPIA]
    assert signing_meetings([history]) == [] and signing_meetings([states]) == []
    assert signing_meetings([news, meeting]) == []  # the article already has it


# "We, the President of Kenya ... and the Prime Minister of Ethiopia ..., hereby declare the following:"
THE_TWO_DECLARE = parse("We/PRP/nsubj/2 hereby/RB/advmod/2 declare/VBP/ROOT/2 the/DT/det/4 following/NN/dobj/2 "
                        ":/:/punct/2")


def test_a_statement_s_own_text_tells_no_signing_ceremony():
    from missive.extraction.assemble import signing_meetings
    from missive.extraction.lexicon import load_lexicon

    signing = load_lexicon().group("signing")
    declared = THE_TWO_DECLARE
    f = frame(declared, "declare", "agreement", "sign", "verb")
    f.participants = [RUTO, ABIY]
    assert signing_meetings(drafts_of(f, "", 1), signing) == []
    g = frame(THE_THREE_COUNTRIES, "signed", "agreement", "sign", "verb")
    g.participants = [RUTO, ABIY]
    assert [m.type for m in signing_meetings(drafts_of(g, "", 1), signing)] == ["meeting"]


# -- distributive counterparts -----------------------------------------------------------------------
SEPARATE_ACCORDS = parse("Kenya/NNP/nsubj/3 and/CC/cc/0 Angola/NNP/conj/0 signed/VBD/ROOT/3 separate/JJ/amod/5 "
                         "accords/NNS/dobj/3 with/IN/prep/3 Zambia/NNP/pobj/6 ././punct/3")


def test_ties_of_several_with_one_are_one_pair_each():
    from missive.extraction.drafts import distributive_pairs

    f = frame(SEPARATE_ACCORDS, "signed", "relations", "relations", "verb")
    f.participants, f.counterparts = [KENYA, ANGOLA, ZAMBIA], [ZAMBIA]
    assert [(a.country, b.country) for a, b in distributive_pairs(f)] == [("KEN", "ZMB"), ("AGO", "ZMB")]


def test_a_signing_is_read_one_pair_each_only_when_separate():
    signed = frame(SEPARATE_ACCORDS, "signed", "agreement", "sign", "verb")
    signed.participants, signed.counterparts = [KENYA, ANGOLA, ZAMBIA], [ZAMBIA]
    assert sorted(d.countries for d in drafts_of(signed, "", 0, pairwise_words=PAIRWISE)) == sorted(
        [{"KEN", "ZMB"}, {"AGO", "ZMB"}])
    together = parse("Kenya/NNP/nsubj/3 and/CC/cc/0 Angola/NNP/conj/0 signed/VBD/ROOT/3 an/DT/det/5 "
                     "accord/NN/dobj/3 with/IN/prep/3 Zambia/NNP/pobj/6 ././punct/3")
    trilateral = frame(together, "signed", "agreement", "sign", "verb")
    trilateral.participants, trilateral.counterparts = [KENYA, ANGOLA, ZAMBIA], [ZAMBIA]
    assert [d.countries for d in drafts_of(trilateral, "", 0, pairwise_words=PAIRWISE)] == [{"KEN", "AGO", "ZMB"}]


# -- quoted speakers and addressees (no parse: the attribution is read from the text and its mentions)
def voiced(text: str, *named: tuple[str, Actor]):
    from missive.extraction.cast import Placed
    from missive.extraction.nlp import split_sentences
    from missive.extraction.quotes import voice_quotations

    mentions = [Placed(text.index(w), text.index(w) + len(w), a) for w, a in named]
    return voice_quotations(text, split_sentences(text), Cast(mentions))


PETRO = Actor("Gustavo Petro", "COL", "person", "head_of_state")
BORIC = Actor("Gabriel Boric", "CHL", "person", "head_of_state")


def test_the_speaker_is_named_after_a_quotation_of_two_sentences_and_the_named_leader_is_addressed():
    text = '"Congratulations to Gabriel Boric on his victory. We will work together," Gustavo Petro wrote on Monday.'
    (v,) = voiced(text, ("Gabriel Boric", BORIC), ("Gustavo Petro", PETRO))
    assert (v.speaker, v.addressee, v.said_when.text) == (PETRO, BORIC, "Monday")


def test_the_speaker_is_named_before_a_quotation_and_the_one_written_to_is_addressed():
    text = 'Gustavo Petro wrote to Gabriel Boric: "Your victory is a victory for the whole region."'
    (v,) = voiced(text, ("Gustavo Petro", PETRO), ("Gabriel Boric", BORIC))
    assert (v.speaker, v.addressee) == (PETRO, BORIC)


def test_the_message_said_speaks_for_its_sender_and_you_is_the_leader_named_before():
    text = ('Gabriel Boric won the vote on Sunday. Gustavo Petro was among the first to write. '
            '"I send you warm wishes for your term," the message said.')
    (v,) = voiced(text, ("Gabriel Boric", BORIC), ("Gustavo Petro", PETRO))
    assert (v.speaker, v.addressee, v.you) == (PETRO, None, BORIC)


def test_a_quotation_without_a_named_speaker_has_no_voice():
    text = 'Gabriel Boric won on Sunday. "This is a new era for our people," supporters chanted in Santiago.'
    (v,) = voiced(text, ("Gabriel Boric", BORIC))
    assert v.speaker is None


# -- enumerations across sentences ----------------------------------------------------------------
LETTERS_FROM = parse("Ruto/NNP/nsubj/1 received/VBD/ROOT/1 letters/NNS/dobj/1 from/IN/prep/2 Abiy/NNP/pobj/3 ././punct/1")


def test_a_sentence_listing_more_senders_gives_each_a_message_to_the_same_recipient():
    from missive.extraction.context import listed_senders

    f = frame(LETTERS_FROM, "letters", "message", "message")
    f.agents, f.recipients = [ABIY], [RUTO]
    told = drafts_of(f, "letter", 0)
    text = "The list also included Somalia's president and Uganda's president, officials said."
    somalia, uganda = Actor("Somalia", "SOM", "state"), Actor("Uganda", "UGA", "state")
    from missive.extraction.cast import Placed

    cast = Cast([Placed(text.index("Somalia"), text.index("Somalia") + 7, somalia),
                 Placed(text.index("Uganda"), text.index("Uganda") + 6, uganda)])
    listed = listed_senders(told, Sentence(0, len(text), text), 1, cast, frozenset({"included", "among"}))
    assert [(d.source.country, d.target.country, d.sentence) for d in listed] == [("SOM", "KEN", 1), ("UGA", "KEN", 1)]
    unrelated = "Somalia and Uganda held talks on the border."
    assert listed_senders(told, Sentence(0, len(unrelated), unrelated), 1, cast, frozenset({"included", "among"})) == []


def test_other_messages_go_to_the_recipient_of_the_message_told_just_before():
    f = frame(LETTERS_FROM, "letters", "message", "message")
    f.agents, f.recipients = [ABIY], [RUTO]
    told = drafts_of(f, "letter", 0)[0]
    others = frame(LETTERS_FROM, "letters", "message", "message")
    others.agents = [Actor("Somalia", "SOM", "state")]
    other = drafts_of(others, "", 1)[0]
    fill_parties([told, other])
    assert other.target.country == "KEN" and "told just before" in other.target.reason


# -- direction: visitor to host, the call's initiator ------------------------------------------------
def oriented(spec: str, word: str, kind: str, *named, venue=None):
    from missive.extraction.cast import Placed
    from missive.extraction.context import orient_interaction

    doc = parse(spec)
    f = frame(doc, word, "call" if kind == "call" else "meeting", kind, "verb")
    f.participants = [a for _, a in named]
    mentions = [placed(doc, w, a) for w, a in named]
    if venue:
        p = placed(doc, venue[0], venue[1])
        mentions.append(Placed(p.start, p.end, p.actor, True))
    made = drafts_of(f, "", 0)
    orient_interaction(f, made, ActorFinder(Cast(mentions), 0), Cast(mentions), Sentence(0, len(doc.text), doc.text))
    return made[0].source.country, made[0].target.country


def test_the_host_of_a_meeting_in_its_own_capital_is_the_target():
    spec = "Ruto/NNP/nsubj/1 met/VBD/ROOT/1 Abiy/NNP/dobj/1 in/IN/prep/1 Nairobi/NNP/pobj/3 ././punct/1"
    assert oriented(spec, "met", "meet", ("Ruto", RUTO), ("Abiy", ABIY), venue=("Nairobi", KENYA)) == ("ETH", "KEN")
    assert oriented(spec, "met", "meet", ("Ruto", RUTO), ("Abiy", ABIY)) == ("KEN", "ETH")


def test_a_call_received_or_held_at_the_others_request_was_placed_by_the_other():
    received = "Ruto/NNP/nsubj/1 received/VBD/ROOT/1 a/DT/det/3 call/NN/dobj/1 from/IN/prep/3 Abiy/NNP/pobj/4 ././punct/1"
    doc = parse(received)
    from missive.extraction.context import orient_interaction

    f = frame(doc, "call", "call", "call")
    f.participants = [RUTO, ABIY]
    made = drafts_of(f, "call", 0)
    cast = Cast([placed(doc, "Ruto", RUTO), placed(doc, "Abiy", ABIY)])
    orient_interaction(f, made, ActorFinder(cast, 0), cast, Sentence(0, len(doc.text), doc.text))
    assert (made[0].source.country, made[0].target.country) == ("ETH", "KEN")
    asked = ("Ruto/NNP/nsubj/1 phoned/VBD/ROOT/1 Abiy/NNP/dobj/1 at/IN/prep/1 the/DT/det/6 latter/JJ/poss/6 "
             "request/NN/pobj/3 ././punct/1")
    assert oriented(asked, "phoned", "call", ("Ruto", RUTO), ("Abiy", ABIY)) == ("ETH", "KEN")
    plain = "Ruto/NNP/nsubj/1 phoned/VBD/ROOT/1 Abiy/NNP/dobj/1 ././punct/1"
    assert oriented(plain, "phoned", "call", ("Ruto", RUTO), ("Abiy", ABIY)) == ("KEN", "ETH")


def test_a_letter_printed_in_full_is_voiced_by_its_signature_to_its_address_block():
    from missive.extraction.cast import Placed
    from missive.extraction.quotes import voice_letters

    text = ("Letters for the holiday\n\nHis Excellency Mr. Gustavo Petro\nPresident of Colombia\nBogota\n\n"
            "Please accept my warm greetings.\n\nGabriel Boric\nPresident of Chile\n")
    mentions = [Placed(text.index("Gustavo Petro"), text.index("Gustavo Petro") + 13, PETRO),
                Placed(text.index("Gabriel Boric"), text.index("Gabriel Boric") + 13, BORIC)]
    (v,) = voice_letters(text, Cast(mentions), frozenset({"his excellency"}))
    assert (v.speaker, v.addressee) == (BORIC, PETRO)
    assert v.start == text.index("His Excellency") and v.end == len(text)


def test_the_words_you_addressed_to_me_are_the_addressees_earlier_message():
    from missive.extraction.quotes import Voiced, fill_from_quotations

    doc = parse('"/``/punct/1 thank/VBP/ROOT/1 you/PRP/dobj/1 for/IN/prep/1 the/DT/det/5 words/NNS/pobj/3 '
                'you/PRP/nsubj/7 addressed/VBD/relcl/5 to/IN/prep/7 me/PRP/pobj/8 "/\'\'/punct/1')
    f = frame(doc, "words", "message", "message")
    d = drafts_of(f, "message", 0)[0]
    voice = Voiced(0, len(doc.text), PETRO, BORIC, BORIC)
    fill_from_quotations([d], [Sentence(0, len(doc.text), doc.text)], [voice], lambda e: None)
    assert (d.source.country, d.target.country, d.background) == ("CHL", "COL", True)
