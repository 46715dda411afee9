"""Knowledge tables: read in one place, checked at load, extended by a user's data folder.

A user who follows a country Missive does not know (here the fictional Freedonia) adds rows to
copies of the tables in a folder of their own and points $MISSIVE_DATA at it; every stage that
uses a table must then see the added row.
"""

from __future__ import annotations

import ast
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

import missive
from missive.actors.resolver import ActorResolver
from missive.documents.clean import clean_text
from missive.documents.metadata import find_sources
from missive.knowledge.words import month_number, name_key
from missive.errors import DataFileError
from missive.export.codes import CodeTable
from missive.extraction.confidence import ConfidenceModel
from missive.extraction.filters import filter_rows
from missive.extraction.lexicon import load_lexicon
from missive.extraction.roles import role_rows
from missive.knowledge.records import read_records
from missive.knowledge.schema import FRAME_KINDS, RECORD_SCHEMAS, SCHEMAS
from missive.knowledge.tables import PACKAGE_DATA, read_table
from missive.knowledge.word_groups import read_word_groups
from missive.temporal.anniversaries import find_anniversaries
from missive.temporal.occasions import match_occasions
from missive.web.pages import country_name

SRC = Path(__file__).resolve().parents[1] / "src" / "missive"

# One added row per table, as a user would append it to their copy of the packaged file.
FREEDONIA_ROWS = {
    "countries": "XFD,Freedonia,,,,Freedonian,Fredville,,,head_of_state,",
    "leaders": "XFD,Rufus T. Firefly,Rufus Firefly,head_of_state,President,1933-11-17,,1,Firefly,",
    "titles": "supreme chancellor,head_of_state,",
    "media": "Freedonia Gazette,Gazette of Freedonia,XFD,1",
    "foundings": "founding of Freedonia,Freedonia,state,1900-05-05,XFD",
    "occasions": "Freedonian Liberty Day,Liberty Day of Freedonia,,,07-04,,XFD,national_day",
    "frame_words": "report,trumpeted,",
    "irregular_forms": "heliograph,VERB,heliogrammed",
    "common_surnames": "Firefly",
    "chrome_phrases": "read more at the freedonia gazette,chrome,line",
    "event_codes": "message,cable,heliograph,040,Consult,,,a Freedonian heliogram",
    "epithets": "the land of the four brothers,,XFD,,always",
    "spellings": "^fredonia$,freedonia,Fredonia = Freedonia",
    "organisations": "Sylvanian Assembly,,legislature,",
    "organisation_heads": "Junta,party",
    "confidence": "party.pronoun,-0.25",
}
# One added line per pattern file (JSON Lines), likewise.
FREEDONIA_RECORDS = {
    "triggers": {"id": "heliograph/verb", "pattern": [{"LEMMA": "heliograph", "POS": "VERB"}], "type": "message",
                 "medium": "cable", "frame": "message"},
    "role_patterns": {"id": "message.semaphore", "frames": ["message"], "role": "agent", "rank": 9,
                      "reason": "subject", "anchor": "verb", "function": "subject"},
    "filter_patterns": {"id": "rumoured", "reason": "only planned or expected", "anchor": "trigger",
                        "pattern": [{"RIGHT_ID": "anchor", "RIGHT_ATTRS": {}},
                                    {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "x",
                                     "RIGHT_ATTRS": {"LOWER": "rumoured"}}]},
}


@pytest.fixture
def freedonia(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of extended copies of every packaged table, set as the user's folder."""
    folder = tmp_path / "my-data"
    folder.mkdir()
    for name, row in FREEDONIA_ROWS.items():
        shutil.copy(PACKAGE_DATA / f"{name}.csv", folder / f"{name}.csv")
        with (folder / f"{name}.csv").open("a", encoding="utf-8") as handle:
            handle.write(row + "\n")
    for name, record in FREEDONIA_RECORDS.items():
        shutil.copy(PACKAGE_DATA / f"{name}.jsonl", folder / f"{name}.jsonl")
        with (folder / f"{name}.jsonl").open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record) + "\n")
    monkeypatch.setenv("MISSIVE_DATA", str(folder))
    return folder


def test_every_packaged_table_has_a_row_added_by_the_fixture():
    assert set(FREEDONIA_ROWS) == set(SCHEMAS) and set(FREEDONIA_RECORDS) == set(RECORD_SCHEMAS)


def test_a_users_data_folder_reaches_every_table(freedonia: Path):
    resolver = ActorResolver.default()
    mentions = resolver.find_mentions("The Freedonian supreme chancellor met President Rufus T. Firefly in Fredville.",
                                      date(1934, 1, 1))
    assert [(m.text, m.actor.name, m.actor.country) for m in mentions] == [
        ("Freedonian supreme chancellor", "Rufus T. Firefly", "XFD"),  # titles + leaders + countries
        ("President Rufus T. Firefly", "Rufus T. Firefly", "XFD"),
        ("Fredville", "Freedonia", "XFD"),
    ]
    assert [m.name for m in resolver.find_media("the Freedonia Gazette reported")] == ["Freedonia Gazette"]
    mentions = resolver.find_mentions("Fredonia, the land of the four brothers, the Freedonian Junta and the "
                                      "Sylvanian Assembly.")
    assert [(m.actor.name, m.actor.country) for m in mentions] == [  # spellings + epithets + organisations
        ("Freedonia", "XFD"), ("Freedonia", "XFD"), ("Freedonian Junta", ""), ("Sylvanian Assembly", "")]
    assert find_sources("The leader sent a cable, the Freedonia Gazette reported.") == ((), ("Freedonia Gazette",))
    assert country_name("XFD") == "Freedonia"
    [anniversary] = find_anniversaries("marking the 100th anniversary of the founding of Freedonia")
    assert anniversary.day == date(2000, 5, 5)
    assert [m.occasion.label for m in match_occasions("on the Liberty Day of Freedonia")] == ["Freedonian Liberty Day"]
    lexicon = load_lexicon()
    assert lexicon.triggers["heliograph/verb"].medium == "cable" and lexicon.is_candidate({"heliogrammed"})
    assert "message.semaphore" in {r["id"] for r in role_rows()} and "rumoured" in {r["id"] for r in filter_rows()}
    assert "trumpeted" in lexicon.group("report") and "reported" in lexicon.group("report")
    assert read_word_groups()["report"] == lexicon.group("report")  # the reference date reads the same group
    assert "firefly" in lexicon.common_surnames
    cleaned = clean_text("Firefly writes to Sylvania\nRead more at the Freedonia Gazette\n"
                         "The leader of Freedonia sent a cable to the leader of Sylvania on Monday, officials said.\n")
    assert [r.reason for r in cleaned.removals] == ["chrome_phrase"]
    assert CodeTable.load().codes_for("message", "cable", "He heliographed Sylvania").note == "a Freedonian heliogram"
    assert ConfidenceModel.load().weights["party.pronoun"] == -0.25  # the user's weight replaces the packaged one


def test_a_full_copy_with_rows_appended_reads_each_packaged_row_once(freedonia: Path):
    for name in SCHEMAS:
        assert len(read_table(name).rows) == len(read_table(name, PACKAGE_DATA).rows) + 1
    for name in RECORD_SCHEMAS:
        assert len(read_records(name).rows) == len(read_records(name, PACKAGE_DATA).rows) + 1


def test_without_a_data_folder_the_packaged_tables_are_read(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("MISSIVE_DATA", raising=False)
    assert "heliograph/verb" not in load_lexicon().triggers
    assert country_name("XFD") == "XFD"


@pytest.mark.model
def test_a_message_from_a_country_the_user_added_is_extracted(freedonia: Path):
    events = missive.extract("Freedonian President Rufus T. Firefly heliographed Chinese President Xi Jinping "
                             "on Monday, the Freedonia Gazette reported.", missive.Extractor())
    assert [(e.type, e.medium, e.source.country, e.target.country) for e in events] == [
        ("message", "cable", "XFD", "CHN")]


@pytest.mark.parametrize("name, header, row, value", [
    ("irregular_forms", "lemma,pos,forms", "wire,VRB,wyred", "VRB"),
    ("frame_words", "group,word,pos", "report,wire,VERBS", "VERBS"),
    ("titles", "title,role,aliases", "grand vizier,vizier,", "vizier"),
    ("media", "name,aliases,country,is_state_media", "Gazette,,PRK,perhaps", "perhaps"),
    ("media", "name,aliases,country,is_state_media", "Gazette,,ZZZ,1", "ZZZ"),
    ("foundings", "subject,aliases,kind,date,iso3", "founding of X,,state,1900-13-01,", "1900-13-01"),
    ("foundings", "subject,aliases,kind,date,iso3", "founding of X,,kingdom,1900-01-01,", "kingdom"),
    ("occasions", "label,aliases,keywords,cues,start,end,iso3,kind", "Day,,,,02-30,,,holiday", "02-30"),
    ("frame_words", "group,word", "sending,wired", "sending"),
    ("chrome_phrases", "phrase,kind,match", "subscribe now,chrome,anywhere", "anywhere"),
    ("leaders", "iso3,name,aliases,role,title,start,end,is_paramount,short_name",
     "PRK,Kim,,supreme_leader,Leader,2011-12-17,,1,", "supreme_leader"),
    ("confidence", "feature,weight", "party.psychic,-1.5", "party.psychic"),  # no such evidence feature
    ("confidence", "feature,weight", "lead,heavy", "heavy"),
])
def test_an_unknown_value_in_a_closed_column_fails_at_load_naming_file_line_and_value(
        tmp_path: Path, name: str, header: str, row: str, value: str):
    (tmp_path / f"{name}.csv").write_text(f"{header}\n# a comment line\n{row}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as failure:
        read_table(name, tmp_path)
    assert f"{tmp_path / name}.csv:3:" in str(failure.value) and repr(value) in str(failure.value)


def test_a_user_file_without_a_required_column_fails_naming_it(tmp_path: Path):
    (tmp_path / "irregular_forms.csv").write_text("lemma\nwire\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"irregular_forms\.csv:1: .*pos, forms"):
        read_table("irregular_forms", tmp_path)


def test_every_frame_kind_has_role_rows():
    assert {kind for row in role_rows(PACKAGE_DATA) for kind in row["frames"]} == set(FRAME_KINDS)


def _reads_csv(tree: ast.AST) -> bool:
    return any(isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "csv"
               and n.attr in ("reader", "DictReader") for n in ast.walk(tree))


def _names_the_data_folder(tree: ast.AST) -> bool:
    """A path to missive/data: `... / "data"`, "data/x.csv" or the resource package "missive.data"."""
    def is_data(n: ast.AST) -> bool:
        return isinstance(n, ast.Constant) and isinstance(n.value, str) and (
            n.value == "missive.data" or n.value.startswith("data/"))
    joined = any(isinstance(n, ast.BinOp) and isinstance(n.op, ast.Div) and isinstance(n.right, ast.Constant)
                 and n.right.value == "data" for n in ast.walk(tree))
    return joined or any(is_data(n) for n in ast.walk(tree))


def test_exactly_one_module_opens_the_knowledge_files():
    readers, finders = set(), set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        name = path.relative_to(SRC).as_posix()
        if _reads_csv(tree):
            readers.add(name)
        if _names_the_data_folder(tree):
            finders.add(name)
    assert readers == finders == {"knowledge/tables.py"}


@pytest.mark.parametrize(("a", "b"), [("Kim Jong-un", "KIM JONG UN"), ("Kim Jongun", "Kim Jong Un"), ("Díaz", "DIAZ"),
                                      ("the Korean War", "Korean war"), ("Côte d’Ivoire", "Cote d'Ivoire")])
def test_two_spellings_of_one_name_share_a_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("word", "number"), [("September", 9), ("Sept.", 9), ("SEP", 9), ("may", 5), ("Dec", 12),
                                              ("Ma", None), ("Monday", None), ("Marchy", None)])
def test_month_names_and_their_abbreviations_are_read_one_way(word, number):
    assert month_number(word) == number
