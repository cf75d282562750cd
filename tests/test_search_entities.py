"""A question that names one entity leads with that entity's own record; a figure asked or
quoted leads with its statistic record (issue 19, round 6).

An entity's own names are its record's title, the title without and within its brackets
("phenytoin (Dilantin)": phenytoin, Dilantin) and its other names (a treatment's aliases, a
glossary term's): every one of them, for every drug, treatment, glossary term and the nerve,
is checked here.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, store
from hfs_info.errors import NotFoundError
from hfs_info.search_index import OWN_KINDS, Entry, build
from tests.depth import examples

DS = store.load_packaged()
INDEX = build(DS)
ROWS = INDEX.rows
NAMES = sorted(INDEX.own_names)


def _treatment(rowid: int) -> str:
    entry = ROWS[rowid]
    if entry.part_of:
        return entry.part_of
    if entry.kind == "treatment":
        return entry.id.split("/")[0]
    return "treatment:medication" if entry.kind == "drug" else ""


def entity(name: str) -> set[str]:
    """The ids of the own records of the entity ``name`` names: the records it names, and
    those sharing another name or the treatment with them."""
    found = set(INDEX.own_names[name])
    while True:
        shared = {n for n, rows in INDEX.own_names.items() if rows & found}
        more = {r for n in shared for r in INDEX.own_names[n]}
        treatments = {_treatment(r) for r in found} - {""}
        more |= {r for r, e in enumerate(ROWS) if _treatment(r) in treatments and "/" not in e.id}
        if more <= found:
            return {ROWS[r].id for r in found}
        found |= more


def test_own_names_are_the_records_names() -> None:
    assert INDEX.own_names["dilantin"] == INDEX.own_names["phenytoin"]
    assert {ROWS[r].id for r in INDEX.own_names["botox"]} == {"treatment:botox", "glossary:botox"}
    assert {ROWS[r].id for r in INDEX.own_names["facial nerve"]} >= {"glossary:facial-nerve"}
    assert all(ROWS[r].kind in OWN_KINDS for rows in INDEX.own_names.values() for r in rows)
    assert all("/" not in ROWS[r].id for rows in INDEX.own_names.values() for r in rows)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("frame", ["{} for hemifacial spasm", "tell me about {}", "{}"])
def test_a_question_naming_one_entity_leads_with_its_record(name: str, frame: str) -> None:
    hits = search.answer(DS, frame.format(name)).hits
    assert hits[0].id in entity(name)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        # the treatment when the question is about treating ...
        ("botox for hemifacial spasm", "treatment:botox"),
        ("botox injections face spasm", "treatment:botox"),
        ("hfs botox", "treatment:botox"),
        # ... the glossary when it asks what a word means, or is the word alone
        ("what is botox", "glossary:botox"),
        ("what does botox mean", "glossary:botox"),
        ("anticonvulsants", "glossary:anticonvulsants"),
        # a drug by its brand or generic name
        ("phenytoin for hemifacial spasm", "drug:phenytoin"),
        ("Klonopin for twitching", "drug:clonazepam"),
        ("medication for hemifacial spasm", "treatment:medication"),
    ],
)
def test_the_entity_named_leads(question: str, first: str) -> None:
    assert search.answer(DS, question).hits[0].id == first


@pytest.mark.parametrize(
    "question",
    ["how does botox work", "how long does botox last", "botox side effects", "mvd risks"],
)
def test_an_aspect_asked_still_leads(question: str) -> None:
    first = search.answer(DS, question).hits[0]
    assert "/" in first.id  # an aspect of the treatment, not its summary


ROWID = {e.id: r for r, e in enumerate(ROWS)}
# Each name of one treatment (or of a drug: the medication), with the treatment.
TREATMENT_NAMES = sorted(
    (name, min({_treatment(r) for r in rows} - {""}))
    for name, rows in INDEX.own_names.items()
    if len({_treatment(r) for r in rows} - {""}) == 1
)


@settings(max_examples=examples(60), deadline=None)
@given(
    st.sampled_from(TREATMENT_NAMES),
    st.sampled_from(["how many days will I stay in hospital after {}", "how many weeks after {}"]),
)
def test_a_record_of_another_treatment_never_leads(named: tuple[str, str], frame: str) -> None:
    name, treatment = named
    try:
        hits = search.answer(DS, frame.format(name)).hits
    except NotFoundError:
        return
    assert _treatment(ROWID[hits[0].id]) in ("", treatment)


# Each statistic that another record states too ("85%": MVD's onset and its results).
STATED = [
    e
    for e in ROWS
    if e.kind == "statistic"
    and any(
        o.kind != "statistic" and e.title.partition(":")[0].rstrip() in o.body
        for o in ROWS
        if o is not e
    )
]


@pytest.mark.parametrize("entry", STATED, ids=lambda e: e.id)
def test_a_figure_quoted_leads_with_its_statistic(entry: Entry) -> None:
    figure = entry.title.partition(":")[0]
    described = entry.body.partition(";")[0]
    assert search.answer(DS, f"{figure} {described}").hits[0].id == entry.id


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("85% immediate relief", "statistic:mvd-immediate-relief"),
        ("7% recurrence", "statistic:mvd-recurrence"),
        (
            "What is the recurrence rate after microvascular decompression?",
            "statistic:mvd-recurrence",
        ),
        (
            "What percentage of people get immediate relief from microvascular decompression?",
            "statistic:mvd-immediate-relief",
        ),
    ],
)
def test_a_figure_asked_leads_with_its_statistic(question: str, first: str) -> None:
    assert search.answer(DS, question).hits[0].id == first


def test_an_outcome_question_still_leads_with_the_results() -> None:
    assert search.answer(DS, "mvd success rate").hits[0].id == "treatment:mvd/results"


DRUGS = [(m.id, m.generic, m.brand) for m in DS.medications]


@pytest.mark.parametrize(("drug", "generic", "brand"), DRUGS)
@pytest.mark.parametrize(
    "frame",
    [
        "What is the brand name of {generic}?",
        "brand name for {generic}",
        "{generic} brand names",
        "What is the generic name for {brand}?",
        "generic name of {brand}",
        "{brand} is the brand name of which drug?",
        "what drug is {brand}",
        "which medicine is {generic}",
        "trade name of {generic}",
    ],
)
def test_a_drugs_names_asked_lead_with_the_drug_record(
    drug: str, generic: str, brand: str, frame: str
) -> None:
    """'brand name', 'generic name', 'what drug is' ask for what a drug record holds: the
    record of the drug named leads, by either of its names, in both directions."""
    hits = search.answer(DS, frame.format(generic=generic, brand=brand)).hits
    assert hits[0].id == f"drug:{drug}"


def test_a_drugs_names_asked_without_a_drug_named_lead_with_no_drug() -> None:
    """The rule selects only a drug the question names: 'brand names of the medicines' is the
    medication's own business, not one drug's."""
    hits = search.answer(DS, "what are the brand names of the medicines").hits
    assert not hits[0].id.startswith("drug:")


@pytest.mark.parametrize(
    ("abbreviation", "term"),
    [
        ("tn", "trigeminal neuralgia"),
        ("btx", "botulinum toxin"),
        ("bont", "botulinum toxin"),
        ("aica", "anterior inferior cerebellar artery"),
        ("ncv", "nerve conduction velocity"),
        ("emg", "electromyogram"),
        ("cn 7", "cranial nerve 7"),
    ],
)
def test_an_abbreviation_of_a_guide_term_finds_what_the_term_finds(
    abbreviation: str, term: str
) -> None:
    """The usual abbreviation of a term of the guide is a word of the same meaning: asked
    alone, or beside the guide's subject, it leads with what the term written out leads with."""
    for frame in ("{}", "what is {}", "hfs vs {}"):
        short = search.answer(DS, frame.format(abbreviation)).hits[0].id
        assert short == search.answer(DS, frame.format(term)).hits[0].id
