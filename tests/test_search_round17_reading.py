"""How the words of a question are read (issue 19, round 17): a typo of a word of a question
phrase in any question ("defintion"), not only in one asking "how"; "on its own" after a
treatment had, the course after that treatment (which the guide tells of), never the condition
left untreated; a clinician's name for a side effect the guide tells in lay words (ptosis: a
drooping eyelid), the same thing, or only a related one, said.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, search_analysis, store, vocabulary
from hfs_info.english import COMMON_ZIPF, zipf
from hfs_info.errors import NotFoundError
from tests.depth import examples
from tests.searching import ids, ix, plain

DS = store.load_packaged()


# --- a typo of a question phrase's word ---------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("hemifacial spasm defenition", "glossary:hemifacial-spasm"),
        ("defination of trigeminal neuralgia", "glossary:trigeminal-neuralgia"),
        ("what is the meanig of botox", "glossary:botox"),
        ("tell me the meening of anticonvulsants", "glossary:anticonvulsants"),
        ("what are the sympotms", "section:symptoms"),
    ],
)
def test_a_typo_of_a_question_word_is_read_as_that_word(question: str, first: str) -> None:
    assert ids(question, 1) == [first]


def test_two_typos_in_a_short_question_are_both_read_and_said(run) -> None:
    shown = plain(run, "hemifacal spazm defenition")
    assert "Read 'defenition' as 'definition', 'hemifacal' as 'hemifacial'" in shown
    assert "Best answer (glossary): hemifacial spasm" in shown


def test_a_typo_as_near_a_guide_word_is_never_read_as_a_question_word() -> None:
    # "cheak" is one slip from the guide's cheek as from "cheap" (a word asking of cost): never
    # a question of cost the guide cannot answer
    text, read = search._frame_typos("the spasm goes down my cheak", _is_word, ix())
    assert (text, read) == ("the spasm goes down my cheak", ())


def _is_word(word: str) -> bool:
    return bool(search.match(ix().db, search.quoted(word)))


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "defintion", "meanig", "sympotms", "cheak", "chest", "hemifacial", "spasm",
                "botox", "definition", "twitchin", "what", "is", "the", "of", "glosary",
                "mening", "explane", "qwertyuiop",
            ]
        ),
        max_size=6,
    )
)  # fmt: skip
def test_frame_typos_change_only_rare_words_into_question_words(words: list[str]) -> None:
    text = " ".join(words)
    got, read = search._frame_typos(text, _is_word, ix())
    frame = search._frame_words()
    assert len(got.split()) == len(words)
    for typed, close in read:
        assert close in frame
        assert zipf(typed) < COMMON_ZIPF
        assert not _is_word(typed)
    changed = [(a, b) for a, b in zip(words, got.split(), strict=True) if a != b]
    assert changed == list(read)
    assert search._frame_typos(got, _is_word, ix())[1] == ()


# --- "on its own" after a treatment had ---------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "right"),
    [
        (
            "I had MVD last month and the spasm is still there, will it stop on its own",
            "treatment:mvd/onset",
        ),
        ("after the surgery will the twitching go away by itself", "treatment:mvd/onset"),
        (
            "my dad underwent decompression surgery 2 weeks ago, can the spasms still improve "
            "on their own",
            "statistic:mvd-delay",
        ),
    ],
)
def test_on_its_own_after_a_treatment_had_is_answered(question: str, right: str) -> None:
    assert right in ids(question, 3)


@pytest.mark.parametrize(
    "question",
    [
        "will hemifacial spasm go away on its own",
        "will it go away on its own or do I need surgery",
        "can the twitching get better by itself without botox",
    ],
)
def test_on_its_own_of_the_condition_untreated_is_still_a_miss(question: str) -> None:
    with pytest.raises(
        NotFoundError, match=r"the guide does not speak of '(on its own|by itself)'"
    ):
        search.answer(DS, question)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("what happens if hemifacial spasm is not treated", "not treated"),
        ("what happens if hfs isn't treated", "not treated"),
        ("what if I don't treat it", "do not treat it"),
    ],
)
def test_the_course_untreated_said_with_a_negation_is_a_miss(question: str, said: str) -> None:
    with pytest.raises(NotFoundError, match=f"the guide does not speak of '{said}'"):
        search.answer(DS, question)


def test_treated_without_a_negation_is_answered() -> None:
    assert ids("is hemifacial spasm treated with botox", 1) == ["treatment:botox"]


@pytest.mark.parametrize(
    ("text", "had"),
    [
        ("my mother had mvd three weeks ago", True),
        ("since the operation it is less", True),
        ("botox two months ago", True),
        ("following my injections", True),
        ("do i need surgery", False),
        ("without botox", False),
        ("will it go away", False),
        ("after a while the muscle relaxes", False),
    ],
)
def test_treatment_had_is_one_told_as_had(text: str, had: bool) -> None:
    assert search._treatment_had(text, ix()) is had


_STORY = ["had", "after", "since", "ago", "the", "will", "it", "go", "away", "do", "i", "need"]
_TREATING = ["mvd", "surgery", "botox", "the operation", "pills", "injections"]
_NO_TREATMENT = ["muscle", "type", "spasm", "eye", "weeks", "three", "without", "on its own"]


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.sampled_from(_STORY + _NO_TREATMENT), max_size=10), st.sampled_from(_TREATING))
def test_treatment_had_needs_a_treatment_told_as_had(words: list[str], treatment: str) -> None:
    text = " ".join(words)
    assert not search._treatment_had(text, ix())  # no treatment named: none had
    assert search._treatment_had(f"after {treatment} {text}", ix())
    assert search._treatment_had(f"{text} {treatment} two weeks ago", ix())


# --- a clinician's name for a side effect told in lay words -------------------------------------


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("is ptosis a side effect of the shots", "treatment:botox/side_effects"),
        ("blepharoptosis botox", "treatment:botox/side_effects"),
        ("can MVD cause hypoacusis", "treatment:mvd/side_effects"),
        ("facial paresis after the operation", "treatment:mvd/side_effects"),
        ("somnolence on carbamazepine", "treatment:medication/side_effects"),
        ("exanthem from the pills", "treatment:medication/side_effects"),
        ("disequilibrium from the medication", "treatment:medication/side_effects"),
    ],
)
def test_a_clinical_name_finds_the_guides_lay_words(question: str, first: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == first
    assert not found.lacks


@pytest.mark.parametrize(
    ("question", "note"),
    [
        (
            "vertigo after medication",
            "The guide does not mention 'vertigo'; closest: unsteadiness.",
        ),
        ("vomiting from the drugs", "The guide does not mention 'vomiting'; closest: nausea."),
        (
            "photophobia after botox",
            "The guide does not mention 'photophobia'; closest: sensitivity.",
        ),
    ],
)
def test_a_clinical_name_of_something_only_near_says_so_first(
    run, question: str, note: str
) -> None:
    shown = plain(run, question)
    assert shown.index(note) < shown.index("Closest passage (treatment)")


# --- a part of the face the spasm twitches in ---------------------------------------------------

# What answers where the spasm is and what it is: the guide's subject and its symptoms.
_SUBJECT = {
    "section:what-is",
    "section:symptoms",
    "section:overview",
    "glossary:hemifacial-spasm",
    "statistic:onset-near-eye",
}


@pytest.mark.parametrize(
    "question",
    [
        "my cheek twitches, what is it",
        "twitching in my cheek",
        "eyelid and cheek twitching",
        "my cheek and jaw twitch on one side, what do I have",
        "my lip twitches on one side",
    ],
)
def test_a_part_of_the_face_that_twitches_is_where_the_spasm_is(question: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id in _SUBJECT, [h.id for h in found.hits[:3]]
    assert not found.lacks


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("does trigeminal neuralgia hurt in the cheek", "glossary:trigeminal-neuralgia"),
        ("pain in my cheek and jaw", "glossary:trigeminal-neuralgia"),
        ("my eyelid droops after botox", "treatment:botox/side_effects"),
        ("can botox make the eyelid droop", "treatment:botox/side_effects"),
    ],
)
def test_a_part_of_the_face_without_twitching_is_its_own_topic(question: str, first: str) -> None:
    assert ids(question, 1) == [first]


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["cheek", "eyelid", "jaw", "lip", "eye", "pain", "twitching", "fluttering",
             "spasms", "droops", "botox", "my", "and"]
        ),
        min_size=1,
        max_size=6,
    )
)  # fmt: skip
def test_only_a_part_of_the_face_beside_twitching_is_reweighed(words: list[str]) -> None:
    vocab = vocabulary.load()
    read = search_analysis.read_question(" ".join(words), vocab)
    plain_read = search_analysis.read_question(
        " ".join(w for w in words if w not in ("twitching", "fluttering", "spasms")) or "pain",
        vocab,
    )
    moving = {"twitching", "fluttering", "spasms"} & set(words)
    for c in read.concepts:
        if c.typed in search_analysis._FACE_PARTS and moving:
            assert c.weight == search_analysis.SUBJECT_WEIGHT
            assert c.terms[-1] == (search_analysis._PART_OF[c.typed], search_analysis.PART_TERM)
        elif c.typed in search_analysis._FACE_PARTS:
            assert c.weight == 1.0
    for c in plain_read.concepts:
        assert c.typed not in search_analysis._FACE_PARTS or c.weight == 1.0


# --- a negation in another clause ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "turned"),
    [
        ("is it normal for it not to stop right away, and what are the odds it gets better", ()),
        ("the botox has not helped, so what percentage get relief from MVD", ()),
        ("what percentage do not get relief", ("not",)),
        ("how many patients don't get better after MVD", ("not",)),
    ],
)
def test_a_negation_turns_only_the_clause_it_is_in(text: str, turned: tuple[str, ...]) -> None:
    assert bool(search._negated_figure(text.replace("n't", " not"))) == bool(turned)


# --- the guide's top and bottom images -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("show me the bottom image", "figure:figure-4"),
        ("what's in the top image", "figure:figure-3"),
        ("explain the top picture", "figure:figure-3"),
        ("the bottom picture, what is it", "figure:figure-4"),
    ],
)
def test_the_guides_top_and_bottom_images_are_its_figures_3_and_4(
    question: str, first: str
) -> None:
    assert ids(question, 1) == [first]


@pytest.mark.parametrize(
    "question",
    ["what is at the top of the page", "top hospitals for hemifacial spasm"],
)
def test_top_or_bottom_alone_is_no_figure(question: str) -> None:
    with pytest.raises(NotFoundError):
        search.answer(DS, question)


def test_top_of_the_face_is_no_figure() -> None:
    assert not {"figure:figure-3", "figure:figure-4"} & set(ids("top of my face twitches", 3))
