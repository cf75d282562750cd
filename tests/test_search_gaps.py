"""What the guide names but never says (issue 19, round 8): a question in the guide's own words
that the guide cannot answer is said to be so.

A figure asked of a thing the guide names is answered only by a figure about that thing; what a
word is, asked of a word the guide only mentions, is not said; two things the guide names but
never speaks of together are not said together. The answer says so first, in text and in JSON
(`unsaid`), and ranks as before; an answerable question gets no such note.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, search_gaps, store, vocabulary
from hfs_info.document import unmarked
from hfs_info.errors import NotFoundError
from hfs_info.search_analysis import WORD, asked_length, holds_figure, normalize_query
from hfs_info.search_index import index_for
from tests.depth import examples
from tests.searching import SCHEMA

DS = store.load_packaged()
VOCAB = vocabulary.load()
IX = index_for(DS)
ENTRIES = {e.id: e for e in search.entries(DS)}


def _words(text: str) -> set[str]:
    return set(WORD.findall(normalize_query(text)))


# The own names of the guide's entities (a treatment, a drug, a glossary term, the nerve), the
# guide's subject aside.
OWN_NAMES = sorted(
    name
    for name in IX.own_names
    if name not in VOCAB.subject and not set(name.split()) <= VOCAB.subject
)


@pytest.mark.parametrize(
    ("question", "unsaid", "figure"),
    [
        # the 8 in 100,000 and the age of 44 are hemifacial spasm's
        (
            "how many people in 100,000 get trigeminal neuralgia",
            (("figure", ("trigeminal neuralgia",)),),
            "people",
        ),
        (
            "what is the average age of onset of trigeminal neuralgia",
            (("figure", ("trigeminal neuralgia",)),),
            "age",
        ),
        ("what is the average age of patients who have MVD", (("figure", ("mvd",)),), "age"),
        # two months after surgery is not how long the operation takes
        ("how long does the MVD operation take", (("figure", ("mvd",)),), "duration"),
        # Botox's three days are for the spasms; the guide only names the cosmetic use
        ("how long does botox take to work on wrinkles", (("figure", ("wrinkles",)),), "duration"),
        # the citation's volume, pages and year count no patients; Samii's 143 are Samii's
        (
            "how many patients were in the Payner and Tew study",
            (("figure", ("payner",)),),
            "people",
        ),
        # named only in a list of what an MRI rules out, and in a web address
        ("What is an AVM?", (("definition", ("avm",)),), None),
        ("What does AVM stand for?", (("definition", ("avm",)),), None),
        ("what is blepharospasm", (("definition", ("blepharospasm",)),), None),
        # never side by side
        (
            "Should I stop taking Tegretol before my MVD operation?",
            (("together", ("tegretol", "mvd")),),
            None,
        ),
        (
            "what is the difference between a craniotomy and a craniectomy",
            (("together", ("craniotomy", "craniectomy")),),
            None,
        ),
    ],
)
def test_what_the_guide_names_but_never_says_is_said_first(
    run, question: str, unsaid: tuple[tuple[str, tuple[str, ...]], ...], figure: str | None
) -> None:
    before = search.answer(DS, question)
    assert before.unsaid == unsaid
    assert before.no_figure == figure
    assert before.hits  # the closest passages follow
    data = json.loads(run("search", question, "-f", "json").stdout)
    SCHEMA.validate(data)
    assert [(u["lacks"], tuple(u["about"])) for u in data["unsaid"]] == list(unsaid)
    assert [r["id"] for r in data["results"]] == [h.id for h in before.hits]
    plain = run("search", question, "-f", "plain").stdout
    first = plain.index("Closest passage (")
    for lacks, about in unsaid:
        said = {
            "figure": "The guide gives no ",
            "definition": "but does not say what it is",
            "together": "The guide never speaks of ",
        }[lacks]
        assert said in plain[:first]
        for word in about:
            assert repr(word) in plain[:first]
    # the specific note replaces the general one ("no number for this")
    assert "for this; the closest" not in plain[:first]


def test_each_note_reads_as_a_sentence(run) -> None:
    plain = run("search", "how many people get trigeminal neuralgia", "-f", "plain").stdout
    note = "The guide gives no share or number of people for 'trigeminal neuralgia'; the closest"
    assert note + " passages follow." in (" ".join(plain.split()))
    plain = run("search", "what is an AVM", "-f", "plain").stdout
    assert "The guide names 'avm' but does not say what it is;" in " ".join(plain.split())
    plain = run("search", "can I take Tegretol after MVD", "-f", "plain").stdout
    assert "The guide never speaks of 'tegretol' and 'mvd' together;" in " ".join(plain.split())


@pytest.mark.parametrize(
    "question",
    [
        # a figure about the thing named, in a sentence shown or its record's title or context
        "What percentage of patients experience immediate relief from spasms after MVD?",
        "In what percentage of surgical cases does a blood vessel appear to compress the facial "
        "nerve?",
        "how long does recovery from MVD take",  # recovery's length, not the operation's
        "how long does surgery recovery take",
        "how long does it take to recover from the operation",
        "how long does the botox injection last",
        "how many branches does the facial nerve have",
        "what age does hemifacial spasm start",
        "what is the average age of onset of hemifacial spasm",
        # things the guide speaks of together
        "what is the difference between Botox and MVD",
        "what is the difference between carbamazepine and phenytoin",
        "can Bell's palsy cause hemifacial spasm",
        "HFS vs trigeminal neuralgia",
        # a word that describes the next ("cranial" nerves), a form of a guide word ("droop")
        "Which two cranial nerves are monitored during MVD surgery?",
        "will my face droop after the nerve surgery",
        # what a record is about
        "what is acetylcholine",
        "what is tic convulsif",
        "what does NCV stand for",
    ],
)
def test_an_answerable_question_gets_no_such_note(question: str) -> None:
    found = search.answer(DS, question)
    assert found.unsaid == ()


@settings(max_examples=examples(200), deadline=None)
@given(
    st.sampled_from(OWN_NAMES),
    st.sampled_from(["", "what is ", "what are ", "tell me about ", "define "]),
)
def test_a_thing_the_guide_names_asked_alone_is_never_noted(name: str, ask: str) -> None:
    """A record's own name, alone or asked what it is, is what its record is about."""
    try:
        found = search.answer(DS, f"{ask}{name}")
    except NotFoundError:
        return
    assert found.unsaid == ()


def _literal(entry_ids: list[str], name: str) -> bool:
    return any(set(name.split()) <= _words(_text(ENTRIES[i])) for i in entry_ids)


def _text(entry: search.Entry) -> str:
    return f"{entry.title} {entry.names} {entry.context} {entry.body}"


@settings(max_examples=examples(200), deadline=None)
@given(
    st.sampled_from(OWN_NAMES),
    st.sampled_from(OWN_NAMES),
    st.sampled_from(["{a} and {b}", "can I have {a} with {b}", "difference between {a} and {b}"]),
)
def test_together_is_said_only_of_things_no_record_speaks_of_together(
    a: str, b: str, form: str
) -> None:
    """Sound: "never together" is never said of two names some record holds both of."""
    try:
        found = search.answer(DS, form.format(a=a, b=b))
    except NotFoundError:
        return
    for lacks, about in found.unsaid:
        if lacks == search_gaps.TOGETHER:
            first, second = about
            both = [
                i
                for i, e in ENTRIES.items()
                if set(first.split()) <= _words(_text(e))
                and set(second.split()) <= _words(_text(e))
            ]
            assert not both, (about, both)


@settings(max_examples=examples(150), deadline=None)
@given(
    st.sampled_from(sorted({w for e in ENTRIES.values() for w in _words(e.body) if w.isalpha()})),
    st.sampled_from(["what is {w}", "what is a {w}", "what does {w} stand for", "define {w}"]),
)
def test_what_a_word_is_is_said_to_be_unsaid_only_of_a_word_no_record_is_about(
    word: str, form: str
) -> None:
    """Sound: a word some record is titled or named by is never said to be undefined."""
    try:
        found = search.answer(DS, form.format(w=word))
    except NotFoundError:
        return
    for lacks, (typed,) in ((k, a) for k, a in found.unsaid if k == search_gaps.DEFINITION):
        named = [
            e.id
            for e in ENTRIES.values()
            if e.kind not in search_gaps.ADDRESS_KINDS and typed in _words(f"{e.title} {e.names}")
        ]
        assert not named, (typed, named)
        assert lacks == search_gaps.DEFINITION


FIGURE_ASKS = ["how many people {v} {t}", "what percentage of {t} patients {v}"]
FIGURE_ASKS += ["how long does {t} {v}", "what is the average age of {t} patients"]


@settings(max_examples=examples(150), deadline=None)
@given(
    st.sampled_from(OWN_NAMES),
    st.sampled_from(FIGURE_ASKS),
    st.sampled_from(["get", "have", "last", "recover", "take", "need"]),
)
def test_no_figure_is_said_of_a_thing_only_when_no_figure_shown_is_about_it(
    name: str, form: str, verb: str
) -> None:
    """Sound: the thing said to have no figure is in no figure-holding sentence shown (nor in its
    record's title, names or context)."""
    question = form.format(t=name, v=verb)
    try:
        found = search.answer(DS, question)
    except NotFoundError:
        return
    about = [a for k, a in found.unsaid if k == search_gaps.FIGURE]
    if not about:
        return
    kind = found.no_figure
    assert kind is not None
    for hit in found.hits[: search.FIGURE_HITS]:
        entry = ENTRIES[hit.id]
        for sentence in re.split(r"(?<=[.;:])\s+", unmarked(hit.snippet)):
            if holds_figure(kind, f"{entry.title}. {sentence}", itself=True):
                text = _words(f"{entry.title} {entry.names} {entry.context} {sentence}")
                for typed in about[0]:
                    assert not set(typed.split()) <= text, (typed, hit.id, sentence)


@settings(max_examples=examples(100), deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=1900, max_value=2099),
    st.sampled_from(["reference", "Reference", "figure", "Figures", "fig."]),
)
def test_a_year_a_citation_or_a_label_counts_nothing(number: int, year: int, label: str) -> None:
    """ "Neurosurgery 38:686-691, 1996", "(reference 1)", "Figure 2" hold no count; a number of
    things beside them does."""
    assert not holds_figure("number", f"Neurosurgery {number}:{number + 5}-{number + 9}, {year}.")
    assert not holds_figure("number", f"{label} {number}. As shown ({label} {number} and 4).")
    assert not holds_figure("number", f"updated {year}; {year - 20}-{year}")
    assert holds_figure("number", f"{year} patients")
    assert holds_figure("number", f"a series of {number} patients, {year} ({label} 1)")


@settings(max_examples=examples(100), deadline=None)
@given(
    st.sampled_from(["does", "will", "did", "would"]),
    st.sampled_from(["the operation", "an mri scan", "the emg test", "recovery", "botox"]),
    st.sampled_from(["take", "last", "takes"]),
    st.sampled_from(["", " to work", " before it works", " until it kicks in", " for spasms"]),
)
def test_the_length_asked_is_of_what_stands_between_how_long_and_take(
    verb: str, thing: str, lasting: str, rest: str
) -> None:
    words = asked_length(f"how long {verb} {thing} {lasting}{rest}")
    assert words == ([] if rest else thing.split())


@settings(max_examples=examples(100), deadline=None)
@given(
    st.integers(min_value=2, max_value=99),
    st.sampled_from(["hours", "days", "weeks", "months"]),
    st.sampled_from(["after", "following", "since", "from"]),
)
def test_a_length_counted_from_a_thing_is_not_its_own_length(
    number: int, unit: str, counted: str
) -> None:
    assert holds_figure("duration", f"back to usual life {number} {unit} {counted} surgery")
    assert not holds_figure(
        "duration", f"back to usual life {number} {unit} {counted} surgery", itself=True
    )
    assert holds_figure("duration", f"the operation takes {number} {unit}", itself=True)


def test_the_ranking_is_the_same_with_or_without_a_note(monkeypatch) -> None:
    """The notes only add what the answer says first: the hits are those of a search that
    reads no gaps."""
    questions = [
        "how many people in 100,000 get trigeminal neuralgia",
        "what is an AVM",
        "Should I stop taking Tegretol before my MVD operation?",
        "how long does the MVD operation take",
    ]
    noted = [search.answer(DS, q) for q in questions]
    monkeypatch.setattr(search_gaps, "unsaid", lambda *args, **kwargs: ())
    plain = [search.answer(DS, q) for q in questions]
    for with_note, without in zip(noted, plain, strict=True):
        assert with_note.unsaid and not without.unsaid
        assert with_note.hits == without.hits
