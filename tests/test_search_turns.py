"""What a question asks, beyond its topic words (issue 19, round 8): what else there is after
the treatments it names, a treatment's results over the glossary term of its name, how a
treatment does what it does, how often it is needed, and a word said as its opposite.

Each mechanism is general: it reads a kind of asking (an intent of the vocabulary, an asking
phrase, a typed table), never one sentence; the property tests try it with every name of every
treatment and with stories around it.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hfs_info import search, store, vocabulary
from hfs_info.errors import NotFoundError
from hfs_info.search_analysis import quoted
from hfs_info.search_index import entries, match
from tests.depth import examples
from tests.searching import first, ix

ROOT = Path(__file__).parents[1]
DS = store.load_packaged()
VOCAB = vocabulary.load()
IDS = {e.id for e in entries(DS)}


def treatment_of(record_id: str) -> str:
    entry = next(e for e in ix().rows if e.id == record_id)
    return search._treatment_of(entry)


def names_of(treatment: str) -> list[str]:
    """Every own name of ``treatment`` (its title's words, aliases, brand names), as typed."""
    return sorted(
        name
        for name, rows in ix().own_names.items()
        if {search._treatment_of(ix().rows[r]) for r in rows} == {treatment}
        and all(ix().rows[r].kind in ("treatment", "glossary") for r in rows)
    )


# --- what else there is: the treatments named are the ones tried --------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "botox stopped working what next",
        "I've had Botox and tried two kinds of tablets, nothing works. What else is there?",
        "The pills made me drowsy and Botox gave me a droopy eyelid. What's the next option?",
        "are there alternatives to botox injections",
    ],
)
def test_what_else_is_answered_by_a_treatment_not_named(question: str) -> None:
    assert first(question) == "treatment:mvd/when_used"


def test_a_question_that_asks_for_no_alternative_keeps_the_treatment_named() -> None:
    assert treatment_of(first("botox stopped working")) == "treatment:botox"
    assert first("what are the side effects of botox") == "treatment:botox/side_effects"


def test_a_treatment_turned_to_is_not_taken_for_one_tried() -> None:
    """'moves on to MVD' names the treatment turned to: not an asking phrase of its own."""
    assert "move on" not in VOCAB.questions["alternative"]
    top = [h.id for h in search.search(DS, "why do people move on to MVD")[:3]]
    assert any(treatment_of(i) == "treatment:mvd" for i in top if i.startswith("treatment:"))


@settings(max_examples=examples(60), deadline=None)
@given(
    name=st.sampled_from(names_of("treatment:botox") + names_of("treatment:medication")),
    phrase=st.sampled_from(VOCAB.questions["alternative"]),
    story=st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.", max_size=40),
)
def test_what_else_never_leads_with_the_treatment_tried(name: str, phrase: str, story: str) -> None:
    assume(not set(story.replace(",", " ").replace(".", " ").split()) & set(ix().own_names))
    tried = search._treatment_of(ix().rows[min(ix().own_names[name])])
    hits = search.search(DS, f"{story} I tried {name}, {phrase}?")
    assert search._treatment_of(next(e for e in ix().rows if e.id == hits[0].id)) != tried


# --- an outcome asked: the treatment's results, over the glossary term of its name -------------


@pytest.mark.parametrize("treatment", ["treatment:botox", "treatment:mvd"])
@pytest.mark.parametrize("asking", ["{} results", "results of {}", "{} outcome"])
def test_results_lead_over_the_glossary_term_of_the_same_name(treatment: str, asking: str) -> None:
    for name in names_of(treatment):
        assert first(asking.format(name)) == f"{treatment}/results", name


def test_a_glossary_term_and_its_treatment_are_one_thing() -> None:
    namesakes = search._namesakes(ix())
    assert namesakes["glossary:botox"] == "treatment:botox"
    assert namesakes["glossary:microvascular-decompression"] == "treatment:mvd"
    assert "glossary:facial-nerve" not in namesakes  # no treatment of that name


# --- "how does X stop the spasms": how X works ---------------------------------------------------


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("how does decompression stop the spasms", "treatment:mvd/how_it_works"),
        ("how does botox help", "treatment:botox/how_it_works"),
        ("how do the pills stop the twitching", "treatment:medication/how_it_works"),
    ],
)
def test_a_verb_of_doing_good_asks_how_a_treatment_works(question: str, answer: str) -> None:
    assert first(question) == answer


def test_how_you_stop_it_asks_what_can_be_done_not_how_one_works() -> None:
    assert not first("how do you stop the face spasms").endswith("/how_it_works")


@settings(max_examples=examples(60), deadline=None)
@given(
    treatment=st.sampled_from(["treatment:botox", "treatment:mvd"]),
    verb=st.sampled_from(sorted(search._EFFECT_VERBS)),
    data=st.data(),
)
def test_how_does_a_treatment_verb_leads_with_how_it_works(
    treatment: str, verb: str, data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from(names_of(treatment)))
    assert first(f"how does {name} {verb} the spasms") == f"{treatment}/how_it_works"


# --- "how often do I need ...": how long a treatment lasts ---------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "How often will I have to go back for more Botox shots?",
        "My dad had his first Botox jab and it helped a lot, how often will he need to go back?",
        "how often do I need top up injections",
    ],
)
def test_how_often_it_is_needed_is_how_long_it_lasts(question: str) -> None:
    assert first(question) == "treatment:botox/duration"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("how often do I need blood tests on carbamazepine", "treatment:medication/monitoring"),
        ("how often does it start near the eye", "statistic:onset-near-eye"),
        ("how often do the spasms come back after surgery", "statistic:mvd-recurrence"),
    ],
)
def test_how_often_without_a_need_keeps_its_own_answer(question: str, answer: str) -> None:
    assert first(question) == answer


# --- words of the same meaning: typed, never related ---------------------------------------------


@pytest.mark.parametrize(
    ("question", "word", "answer"),
    [
        ("botox duration", "duration", "treatment:botox/duration"),
        ("how is the surgery made safer", "safer", "treatment:mvd/risks"),
        ("Can the twitching get in the way of seeing properly?", "seeing", "section:symptoms"),
    ],
)
def test_a_word_of_the_same_meaning_finds_the_aspect_unnoted(
    question: str, word: str, answer: str
) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == answer
    assert word not in found.unmatched
    assert word not in dict(found.related) and word not in dict(found.opposites)


# --- opposites: said, never swapped --------------------------------------------------------------


def test_an_opposite_is_said_in_text_and_json(run) -> None:
    data = json.loads(run("search", "is the twitching voluntary", "-f", "json").stdout)
    assert data["opposites"] == {"voluntary": ["involuntary"]}
    assert data["results"][0]["id"] == "section:what-is"
    assert not data["related"] and not data["unmatched"]
    plain = run("search", "is the twitching voluntary", "-f", "plain").stdout
    said = "The guide does not say 'voluntary'; it says the opposite: 'involuntary'."
    assert said in plain
    assert plain.index(said) < plain.index("Best answer")


def test_the_guide_word_itself_is_no_opposite() -> None:
    found = search.answer(DS, "is the twitching involuntary")
    assert found.hits[0].id == "section:what-is"
    assert not found.opposites


def test_every_opposite_points_at_a_word_the_guide_uses_and_is_no_other_mapping() -> None:
    assert VOCAB.opposites
    others = set(VOCAB.words) | set(VOCAB.forms) | set(VOCAB.related)
    for word, guide_words in VOCAB.opposites.items():
        assert word not in others
        for guide_word in guide_words:
            assert match(ix().db, quoted(guide_word)), guide_word
            assert not match(ix().db, quoted(word)), word  # the guide lacks it


def test_a_word_both_opposite_and_the_same_is_refused() -> None:
    raw = tomllib.loads((ROOT / "data" / vocabulary.SOURCE_NAME).read_text("utf-8"))
    raw["words"]["voluntary"] = ["involuntary"]
    assert "opposites.'voluntary': is also in words" in vocabulary.problems(raw)


@settings(max_examples=examples(50), deadline=None)
@given(
    word=st.sampled_from(sorted(VOCAB.opposites)),
    story=st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=30),
)
def test_an_opposite_followed_is_always_said(word: str, story: str) -> None:
    try:
        found = search.answer(DS, f"{story} is the twitching {word}")
    except NotFoundError:
        return
    followed = any(h.id in IDS for h in found.hits)
    assert followed
    if word not in dict(found.read_as).values():
        assert dict(found.opposites).get(word) == VOCAB.opposites[word]


# --- a named entity's records: the one answering most of the question -------------------------


@pytest.mark.parametrize(
    "question",
    ["does the facial nerve help with hearing", "Does the facial nerve have any role in hearing?"],
)
def test_the_namesake_that_answers_more_of_the_question_leads(question: str) -> None:
    """The glossary's facial nerve speaks of hearing; the nerve's record does not: both are the
    entity named, and the one answering more of the question leads (not MVD's risks)."""
    assert first(question) == "glossary:facial-nerve"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("botox for hemifacial spasm", "treatment:botox"),
        ("facial nerve", "nerve:facial-nerve"),
    ],
)
def test_a_namesake_answering_no_more_leaves_the_own_record_first(
    question: str, answer: str
) -> None:
    assert first(question) == answer


# --- no question mark: the sentence that asks is the question ---------------------------------


def test_without_a_question_mark_the_sentence_that_asks_is_the_question() -> None:
    """'She wants to know how ...' asks; the sentence before is its story: the story's words
    are never named as not in the guide, and the ask is answered."""
    found = search.answer(
        DS,
        "My mum has the shots at the hospital. She wants to know how the Botox stops the twitch.",
    )
    assert found.hits[0].id == "treatment:botox/how_it_works"
    assert "hospital" not in found.unmatched


def test_without_a_question_mark_or_a_question_word_every_sentence_is_asked() -> None:
    found = search.answer(
        DS, "My mum has the shots at the hospital. Tell me about the side effects."
    )
    assert found.hits[0].id == "treatment:botox/side_effects"
    assert "hospital" in found.unmatched  # nothing tells the story from the ask: all is asked


@settings(max_examples=examples(50), deadline=None)
@given(story=st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=40))
def test_a_story_before_an_indirect_question_is_never_named_missing(story: str) -> None:
    assume(not re.search(r"\b(?:how|what|why|which|whether)\b", story))  # a story, not an ask
    try:
        found = search.answer(DS, f"{story}. I want to know how botox stops the twitching.")
    except NotFoundError:
        raise AssertionError("the question asks about Botox, which the guide speaks of") from None
    told = set(story.split())
    assert not told & set(found.unmatched), found.unmatched
