"""An adjective that only says what the answer should be like is never named as missing (issue 19,
round 9): "the typical age", "the realistic odds", "the overall picture" ask for an age, the
odds, a picture, which the guide gives; an adjective before a thing names a kind of thing ("a
genetic test") and stays a topic the guide lacks.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, search_analysis, store, vocabulary
from hfs_info.errors import NotFoundError
from hfs_info.search_analysis import GUIDE_PARTS, describes_answer, speaks_of_guide, zipf
from hfs_info.search_index import index_for
from tests.depth import examples

DS = store.load_packaged()
VOCAB = vocabulary.load()
ADJECTIVES = sorted(search_analysis._listed(search_analysis.ADJECTIVES))


def _named(question: str) -> tuple[str, ...]:
    try:
        return search.answer(DS, question).unmatched
    except NotFoundError:
        return ()


def test_the_adjectives_are_many_common_and_only_adjectives() -> None:
    assert len(ADJECTIVES) > 1000
    assert {"typical", "realistic", "actual", "overall", "genetic"} <= set(ADJECTIVES)
    # a word that is also a noun or a verb may name a topic; a superlative asks an extreme
    assert not {"exact", "second", "upper", "youngest", "drive", "cost", "pregnancy"} & set(
        ADJECTIVES
    )
    assert all(zipf(w) >= search_analysis.COMMON_ZIPF for w in ADJECTIVES)


def test_an_adjective_before_the_answer_asked_is_not_named() -> None:
    assert "typical" not in _named("what is the typical age when hemifacial spasm begins")
    assert "realistic" not in _named("what are the realistic odds that surgery works")
    assert "overall" not in _named("what is the overall picture of hemifacial spasm")


def test_an_adjective_before_a_thing_is_still_named() -> None:
    assert "genetic" in _named("is there a genetic test for hemifacial spasm")
    # the word it describes is "limit", not the age asked
    assert "upper" in _named("is there an upper age limit for microvascular decompression")
    assert "exact" in _named("What exact percentage of hemifacial spasm patients are women?")
    assert "youngest" in _named("What is the youngest age anyone has been diagnosed?")


def test_what_a_guide_may_not_say_is_no_answer_asked() -> None:
    # the cost is never an answer the guide gives: the words before it stay topics
    assert not describes_answer("typical", "what is the typical cost of surgery", VOCAB)
    assert describes_answer("typical", "what is the typical age of onset", VOCAB)
    assert not describes_answer("pregnant", "is botox safe while pregnant", VOCAB)


ANSWERS = ["age", "odds", "chances", "outcome", "results", "picture", "hours"]
THINGS = ["test", "treatment", "scan", "drug", "operation"]


@settings(max_examples=examples(200), deadline=None)
@given(st.sampled_from(ADJECTIVES), st.sampled_from(ANSWERS), st.sampled_from(THINGS))
def test_an_adjective_describes_the_answer_asked_never_a_thing(
    adjective: str, answer: str, thing: str
) -> None:
    assert describes_answer(adjective, f"what is the {adjective} {answer} of it", VOCAB)
    assert not describes_answer(adjective, f"is there a {adjective} {thing} for it", VOCAB)
    # a word that is no adjective is never read so, wherever it stands
    assert not describes_answer(f"{adjective}x", f"what is the {adjective}x {answer}", VOCAB)


@settings(max_examples=examples(100), deadline=None)
@given(st.text(max_size=80), st.sampled_from(ADJECTIVES))
def test_any_text_is_read_without_error(text: str, adjective: str) -> None:
    result = describes_answer(adjective, text, VOCAB)
    assert result is False or adjective in search_analysis.WORD.findall(
        search_analysis.normalize_query(text)
    )


VERBS = sorted(search_analysis._listed(search_analysis.VERBS))


def test_the_parts_of_the_guide_are_kinds_of_its_records() -> None:
    kinds = {row.kind for row in index_for(DS).rows}
    for part in GUIDE_PARTS - {"guide"}:
        assert part in kinds or part.rstrip("s") in kinds or part[:-3] + "y" in kinds, part


def test_the_verbs_are_many_and_only_verbs() -> None:
    assert len(VERBS) > 1000
    assert {"according", "shown", "defined", "illustrate", "cite"} <= set(VERBS)
    assert not {"driving", "mention", "drive", "pregnancy", "cost"} & set(VERBS)


def test_a_word_speaking_of_the_guide_is_not_named() -> None:
    assert "according" not in _named("What causes Bell's palsy according to the glossary?")
    assert "shown" not in _named("What is shown in Figure 4?")
    assert "illustrate" not in _named("What does Figure 3 illustrate?")
    assert "defined" not in _named("What clinical trials are, as defined in the guide?")


def test_a_topic_beside_the_guide_is_still_named() -> None:
    assert not speaks_of_guide("pregnancy", "is pregnancy in the guide", VOCAB)
    assert "pregnancy" in _named("is botox in pregnancy in the guide")
    assert not speaks_of_guide("driving", "is driving in the guide", VOCAB)


@settings(max_examples=examples(200), deadline=None)
@given(st.sampled_from(VERBS), st.sampled_from(sorted(GUIDE_PARTS)))
def test_a_verb_speaks_of_the_guide_only_beside_it(verb: str, part: str) -> None:
    if search_analysis.is_filler(verb, VOCAB):
        return  # filler is never named anyway
    assert speaks_of_guide(verb, f"what is {verb} in the {part}", VOCAB)
    assert speaks_of_guide(verb, f"the {part} {verb} what", VOCAB)
    # far from any part of the guide, a verb may be a topic
    assert not speaks_of_guide(verb, f"can i {verb} after botox injections", VOCAB) or (
        verb in GUIDE_PARTS
    )
