"""What the guide does not give, round 14 (issue 19): classes of question the guide cannot
answer though each of their words finds passages, written here afresh (none is from a
question set):

- **the best doctor or place**, or one recommended ("who is the best neurosurgeon in Texas",
  "which clinic is best for MVD"): the guide recommends none (`recommend`); the kind of doctor
  and a doctor's recommendation in the story are no such question;
- **a count per unit of time** ("how many people get it every year", "the annual incidence"):
  the guide counts nothing per year, month, week or day (`rate`); "for about a year" and "a
  year ago" are the story;
- **the names of things the guide only counts** ("name the five branches of the facial
  nerve"): it says there are five, never which (`names`);
- **which kind is the more common**, of kinds the guide never names ("is the left side more
  common", "more common in older women"): the words it never uses are what is asked
  (`unused`);
- **a figure asked after a story**, in a sentence of its own ("... He is worried about his
  hearing. how common is hearing loss after the operation?"): read as asked, as a short
  question's is;
- **a thing never spoken of with a thing of two words** ("does an MRI show the blood vessel":
  the MRI rules out other conditions, the vessel is found in surgery): `together`.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, search_gaps, store, vocabulary
from hfs_info.errors import NotFoundError, UsageError
from hfs_info.search_analysis import WORD, asked_figure, normalize_query
from hfs_info.search_index import Index, index_for
from tests.depth import examples
from tests.searching import CLOSEST as _CLOSEST
from tests.searching import answered_json as _json
from tests.searching import first_note as _first_note
from tests.searching import plain as _plain

DS = store.load_packaged()
VOCAB = vocabulary.load()


def _ix() -> Index:
    """The packaged index, as search opens it now (another test may have closed an older one)."""
    return index_for(DS)


@pytest.mark.parametrize(
    ("question", "named", "first"),
    [
        ("who is the best neurosurgeon for hemifacial spasm in Texas", "neurosurgeon", None),
        ("can you recommend a good neurologist near Boston", "neurologist", None),
        ("top hospitals for microvascular decompression in Germany", "hospitals", None),
        ("which clinic is best for the MVD operation", "clinic", "treatment:mvd"),
        ("where can I find a good neurosurgeon for MVD", "neurosurgeon", None),
    ],
)
def test_the_best_doctor_or_place_asked_is_said_first(
    run, question: str, named: str, first: str | None
) -> None:
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "recommend", "about": [named]}
    if first is not None:
        assert data["results"][0]["id"] == first
    _first_note(
        run, question, f"The guide recommends no '{named}' (it names none to choose)" + _CLOSEST
    )


@pytest.mark.parametrize(
    "question",
    [
        "what kind of doctor is best for hemifacial spasm",
        "which type of doctor is best for a facial spasm",
        "which treatment is best for me",
        "my neurologist recommended a neurosurgeon, what happens next",
        "does a doctor recommend surgery before botox",
        "a good doctor will check for a tumor, right?",
    ],
)
def test_no_recommendation_note_where_none_is_asked(question: str) -> None:
    found = search.answer(DS, question)
    assert all(what != search_gaps.RECOMMEND for what, _ in found.unsaid)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("best", "top", "recommend", "recommended", "can", "you", "my", "is", "the"),
                *("kind", "of", "doctor", "surgeon", "clinic", "treatment", "a", "good", "which"),
            ]
        ),
        max_size=10,
    )
)
def test_a_recommendation_note_names_a_doctor_or_place_asked_for(words: list[str]) -> None:
    named = search_gaps.recommended(words)
    if not named:
        return
    assert len(named) == 1 and named[0] in words
    assert named[0] in search_gaps._PROVIDERS
    asking = [k for k, _ in enumerate(words) if search_gaps._asks_recommendation(words, k)]
    assert asking  # a word asks the best or a recommendation
    at = [i for i, w in enumerate(words) if w == named[0]]
    assert min(abs(i - k) for i in at for k in asking) <= 4


@pytest.mark.parametrize(
    ("question", "per"),
    [
        ("how many people get hemifacial spasm every year", "every year"),
        ("what is the annual incidence of HFS", "annual"),
        ("how many microvascular decompressions are done per year in the US", "per year"),
        ("how many new cases of facial spasm are there each month", "each month"),
    ],
)
def test_a_count_per_unit_of_time_is_said_first(run, question: str, per: str) -> None:
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "rate", "about": [per]}
    _first_note(run, question, f"The guide gives no figure counted '{per}'" + _CLOSEST)


@pytest.mark.parametrize(
    "question",
    [
        "I have had twitching for about a year, what percentage of cases start near the eye",
        "my spasm started a year ago. what percentage of cases start near the eye",
        "how many people get hemifacial spasm",
        "every year my spasm gets worse, is that normal",
    ],
)
def test_no_rate_note_for_a_length_of_time_or_no_figure_asked(question: str) -> None:
    found = search.answer(DS, question)
    assert all(what != search_gaps.RATE for what, _ in found.unsaid)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("how", "many", "a", "an", "per", "each", "every", "for", "about", "ago"),
                *("year", "month", "week", "day", "annually", "cases", "people", "later"),
            ]
        ),
        max_size=10,
    ),
    st.text(max_size=15),
)
def test_a_rate_note_names_a_unit_typed_after_a_word_setting_it(
    words: list[str], noise: str
) -> None:
    text = f"{' '.join(words)} {noise}"
    per = search_gaps.rate(_ix(), text, VOCAB)
    if per is None:
        return
    typed = WORD.findall(normalize_query(text))
    said = per.split()
    assert any(typed[k : k + len(said)] == said for k in range(len(typed)))
    if len(said) == 2:
        assert said[0] in {"per", "each", "every", "a", "an"}
        assert said[1] in {"year", "month", "week", "day"}
    else:
        assert said[0] in {"annual", "annually", "yearly"}


@pytest.mark.parametrize(
    "question",
    [
        "name the five branches of the facial nerve",
        "list the branches of the facial nerve",
        "what are the names of the main branches of the seventh nerve",
        "what are the 5 branches of the facial nerve",
    ],
)
def test_the_names_of_things_the_guide_only_counts_are_said_first(run, question: str) -> None:
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "names", "about": ["branches"]}
    _first_note(
        run, question, "The guide gives how many 'branches' there are, not their names" + _CLOSEST
    )


@pytest.mark.parametrize(
    "question",
    [
        "list the medications used for hemifacial spasm",
        "names of the drugs for hemifacial spasm",
        "what is the name of the operation",
        "how many branches does the facial nerve have",
        "what are the branches of the facial nerve for",
    ],
)
def test_no_names_note_where_the_guide_names_them_or_none_are_asked(question: str) -> None:
    found = search.answer(DS, question)
    assert all(what != search_gaps.NAMES for what, _ in found.unsaid)


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["names", "name", "list", "of", "the", "five", "branches", "drugs", "nerve", "facial"]
        ),
        max_size=8,
    ),
    st.text(max_size=15),
)
def test_a_names_note_names_a_plural_word_typed_that_the_guide_counts(
    words: list[str], noise: str
) -> None:
    text = f"{' '.join(words)} {noise}"
    head = search_gaps.names_asked(_ix(), text, VOCAB)
    if head is None:
        return
    typed = WORD.findall(normalize_query(text))
    assert head in typed and head.endswith("s")
    assert {"names", "name", "list", "called"} & set(typed)


@pytest.mark.parametrize(
    ("question", "unused"),
    [
        ("is the left side more common", ["left"]),
        ("does it affect the right side more often", ["right"]),
        ("is hemifacial spasm more common in older women", ["older"]),
        ("is the left or right side of the face more likely to twitch", ["left", "right"]),
    ],
)
def test_kinds_the_guide_never_names_asked_the_more_common_are_said_first(
    run, question: str, unused: list[str]
) -> None:
    data = _json(run, question)
    assert data["unsaid"] == [{"lacks": "unused", "about": unused}]
    named = " or ".join(repr(w) for w in unused)
    _first_note(
        run,
        question,
        f"The guide never uses {named}, what the question asks about: the closest passages,"
        " for its other words, follow.",
    )


@pytest.mark.parametrize(
    "question",
    [
        "is it more common in women",
        "which side of the face does it affect",
        "is spreading upward from the chin the less common pattern",
        "My left eye twitches. Is it more common in women?",
    ],
)
def test_no_unused_kind_note_for_kinds_the_guide_names(question: str) -> None:
    found = search.answer(DS, question)
    assert all(what != search_gaps.UNUSED for what, _ in found.unsaid)


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("is", "the", "left", "right", "or", "side", "more", "common", "often"),
                *("women", "older", "it", "in", "face", "which", "likely", "zzqx"),
            ]
        ),
        max_size=12,
    )
)
def test_an_unused_kind_is_a_typed_word_the_guide_never_uses(words: list[str]) -> None:
    text = " ".join(words)
    guide = search_gaps.written
    found = search_gaps.unused_kind(text, lambda w: guide(_ix(), w), VOCAB)
    if not found:
        return
    assert search_gaps._MORE_COMMON.search(text)
    for word in found:
        assert word in words and not guide(_ix(), word)
        assert word not in VOCAB.stop_words and word != "zzqx"  # an English word, no typo


def test_a_figure_asked_after_a_story_is_read_in_its_own_sentence(run) -> None:
    question = (
        "My brother had MVD last month. He is worried about his hearing."
        " how common is hearing loss after the operation?"
    )
    assert asked_figure(question, VOCAB) is None  # "hearing how common": inside a phrase
    assert search_gaps.figure_asked(question, VOCAB) == "number"
    data = _json(run, question)
    assert data["no_figure"] == "number"
    assert data["results"][0]["id"] in {"treatment:mvd/risks", "treatment:mvd/side_effects"}
    plain = _plain(run, question)
    assert "The guide gives no number for this" + _CLOSEST in plain


@settings(max_examples=examples(200), deadline=None)
@given(st.text(max_size=60), st.sampled_from([". ", "? ", "! ", "; "]), st.text(max_size=60))
def test_a_figure_asked_in_any_sentence_is_the_whole_texts(a: str, end: str, b: str) -> None:
    text = f"{a}{end}{b}"
    kind = search_gaps.figure_asked(text, VOCAB)
    whole = asked_figure(text, VOCAB)
    if whole is not None:
        assert kind == whole
    elif kind is not None:
        assert any(asked_figure(s, VOCAB) == kind for s in search_gaps._SENTENCE_END.split(text))


@settings(max_examples=examples(100), deadline=None)
@given(st.text(max_size=80))
def test_the_round_14_notes_never_fail_on_any_text(text: str) -> None:
    try:
        found = search.answer(DS, text)
    except (NotFoundError, UsageError):
        return
    new = {search_gaps.RATE, search_gaps.RECOMMEND, search_gaps.NAMES, search_gaps.TOGETHER}
    typed = WORD.findall(normalize_query(text))
    for what, about in found.unsaid:
        if what in new:
            assert all(set(thing.split()) <= set(typed) for thing in about)


# Words the guide writes otherwise are not "not in the guide" (fewer false notes, round 14):
# the initials of a name it spells out, and the word for the shares it gives as "%".


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("are there NIH trials for hemifacial spasm", "section:clinical-trials"),
        ("NIH sponsored research on facial spasm", "section:clinical-trials"),
        ("what percentages of patients are helped by surgery", "statistic:mvd-diminished"),
        ("where do the percentages for the operation come from", None),
    ],
)
def test_a_word_the_guide_writes_otherwise_gets_no_note(
    run, question: str, first: str | None
) -> None:
    data = _json(run, question)
    assert data["unmatched"] == []
    assert data["unsaid"] == []
    if first is not None:
        assert data["results"][0]["id"] == first
    assert "Not in the guide" not in _plain(run, question)


def test_initials_of_no_name_of_the_guide_are_still_noted() -> None:
    found = search.answer(DS, "is hemifacial spasm linked to the XYZ syndrome")
    assert "xyz" in found.unmatched


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzNIH", min_size=1, max_size=8))
def test_initials_are_those_of_capitalised_words_the_guide_writes(word: str) -> None:
    if not search_gaps.initialism(_ix(), word):
        return
    assert word.isalpha() and 3 <= len(word) <= 6
    capitals = {
        w[0].casefold()
        for e in _ix().rows
        for text in (e.title, e.names, e.body)
        for w in text.split()
        if w[:1].isupper()
    }
    assert set(word.casefold()) <= capitals


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Samii how many patients were followed", "people"),
        ("botox how long does it last", "duration"),
        ("MVD what percentage of patients are helped", "percentage"),
    ],
)
def test_a_figure_asked_after_a_label_of_keywords_is_read(question: str, kind: str) -> None:
    assert search_gaps.figure_asked(question, VOCAB) == kind


@pytest.mark.parametrize(
    "question",
    [
        "test that measures how fast nerve signals travel",
        "nerve conduction study measures how fast signals travel",
        "the EMG records how many times the muscle fires",
    ],
)
def test_a_phrase_inside_a_clause_asks_no_figure(question: str) -> None:
    assert search_gaps.figure_asked(question, VOCAB) is None


def test_a_count_of_one_study_given_of_another_is_said_first(run) -> None:
    question = "Payner and Tew how many patients did they follow"
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "figure", "about": ["payner", "tew"]}
    assert data["results"][0]["id"] == "reference:payner-tew-1996"
    _first_note(
        run,
        question,
        "The guide gives no share or number of people for 'payner' or 'tew'" + _CLOSEST,
    )


@pytest.mark.parametrize(
    "question",
    [
        "does an MRI show the blood vessel",
        "can an MRI see the blood vessel pressing on the nerve",
        "does the MRI show a blood vessel or a tumor",
    ],
)
def test_a_thing_never_spoken_of_with_a_thing_of_two_words_is_said_first(
    run, question: str
) -> None:
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "together", "about": ["mri", "blood vessel"]}
    _first_note(
        run,
        question,
        "The guide never speaks of 'mri' and 'blood vessel' together" + _CLOSEST,
    )


@pytest.mark.parametrize(
    ("question", "aspect"),
    [
        ("are there any risks with the blood tests", "risks"),
        ("what are the risks of blood tests on carbamazepine", "risks"),
        ("is recovery from the blood tests quick", "recovery"),
    ],
)
def test_an_aspect_of_a_treatment_asked_of_a_thing_of_two_words_is_said_first(
    run, question: str, aspect: str
) -> None:
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "together", "about": [aspect, "blood tests"]}
    assert data["results"][0]["id"] == "treatment:medication/monitoring"
    _first_note(
        run,
        question,
        f"The guide never speaks of '{aspect}' and 'blood tests' together" + _CLOSEST,
    )


@pytest.mark.parametrize(
    "question",
    [
        "is an MRI used to look for a brain tumor",
        "what are the most frequent complications after MVD",
        "what is the 8th cranial nerve monitored for in surgery",
        "how often is a blood vessel found during surgery",
        "what are the risks of MVD surgery",
        "average age of onset",
        "8th cranial nerve monitoring",
    ],
)
def test_no_together_note_for_things_spoken_of_together_or_descriptions(question: str) -> None:
    found = search.answer(DS, question)
    assert all(what != search_gaps.TOGETHER for what, _ in found.unsaid)


@pytest.mark.parametrize(
    "question",
    [
        "can high blood pressure cause hemifacial spasm",
        "is my twitching from high blood pressure",
        "high blood pressure and hfs",
    ],
)
def test_a_measured_condition_the_guide_never_names_is_said_first(run, question: str) -> None:
    data = _json(run, question)
    assert data["unsaid"] == [{"lacks": "unused", "about": ["high blood pressure"]}]
    _first_note(
        run,
        question,
        "The guide never uses 'high blood pressure', what the question asks about: the closest"
        " passages, for its other words, follow.",
    )


@pytest.mark.parametrize(
    "question",
    [
        "twitch started low down near my jaw and chin",
        "is decreased hearing common after MVD",
        "does high pressure on the nerve cause the spasm",
    ],
)
def test_no_condition_note_for_what_the_guide_writes(question: str) -> None:
    found = search.answer(DS, question)
    assert all(not any(" " in t for t in about) for what, about in found.unsaid if what == "unused")


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("high", "low", "raised", "blood", "pressure", "vessel", "tests", "sugar"),
                *("cause", "can", "the", "nerve", "hearing", "decreased", "down", "near"),
            ]
        ),
        max_size=8,
    )
)
def test_a_condition_is_a_level_and_two_words_the_guide_never_writes_together(
    words: list[str],
) -> None:
    text = " ".join(words)
    found = search_gaps.unwritten_condition(_ix(), text, VOCAB)
    if not found:
        return
    level, a, b = found[0].split()
    assert level in {"high", "low", "raised", "elevated", "increased", "reduced"}
    assert any(words[k : k + 3] == [level, a, b] for k in range(len(words)))
    assert search_gaps.written(_ix(), a) and search_gaps.written(_ix(), b)
    assert not search_gaps._together(_ix(), a, b)


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("how many muscles does the facial nerve control", "muscles"),
        ("how many arteries can press on the nerve", "arteries"),
    ],
)
def test_a_count_of_things_the_guide_never_counts_is_said_first(
    run, question: str, counted: str
) -> None:
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "figure", "about": [counted]}
    _first_note(run, question, f"The guide gives no number for '{counted}'" + _CLOSEST)


@pytest.mark.parametrize(
    "question",
    [
        "how many branches does the facial nerve have",
        "how many jabs will I get",
        "how many injections are given",
        "how many times can botox be repeated",
        "how many peoples have this disease",
    ],
)
def test_no_count_note_for_things_the_guide_counts(question: str) -> None:
    found = search.answer(DS, question)
    assert found.unsaid == () and found.no_figure is None


def test_the_pain_of_a_test_the_guide_writes_in_capitals_is_said_first(run) -> None:
    question = "does the MRI hurt"
    data = _json(run, question)
    assert data["unsaid"] == [{"lacks": "pain", "about": ["mri"]}]
    _first_note(run, question, "The guide does not say whether 'mri' hurts" + _CLOSEST)


@pytest.mark.parametrize(
    ("question", "group", "figure"),
    [
        ("how often does the spasm come back after MVD in women", "women", "number"),
        ("how long does botox last in women", "women", "length of time"),
    ],
)
def test_a_figure_asked_for_a_group_the_figures_shown_never_speak_of_is_said_first(
    run, question: str, group: str, figure: str
) -> None:
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "figure", "about": [group]}
    _first_note(run, question, f"The guide gives no {figure} for '{group}'" + _CLOSEST)


@pytest.mark.parametrize(
    "question",
    [
        "what is the average age of onset in women",
        "is it more common in women",
        "how long does botox last",
    ],
)
def test_no_group_note_where_the_figure_shown_speaks_of_it_or_none_is_asked(
    question: str,
) -> None:
    found = search.answer(DS, question)
    assert all(about != ("women",) for _, about in found.unsaid)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        (
            "I'm 50 and my cheek twitches. My friend says it starts in middle age."
            " What's the usual age it begins, and is it more common in women?",
            "section:affected",
        ),
        (
            "my eyelid flickers since spring. what are the chances it starts near the eye?",
            "section:symptoms",
        ),
    ],
)
def test_a_figure_asked_after_a_story_and_shown_gets_no_note(question: str, first: str) -> None:
    """The topics of the figure are those of the sentence that asks it, and a word asking the
    figure ("usual", "chances") is none: the story's words, and "usually" in another passage,
    never make the figure shown no answer."""
    found = search.answer(DS, question)
    assert found.no_figure is None and found.unsaid == ()
    assert found.hits[0].id == first or first in {h.id for h in found.hits[:3]}


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.text(max_size=30), min_size=1, max_size=4))
def test_the_asking_sentence_is_one_of_the_texts_sentences(parts: list[str]) -> None:
    text = ". ".join(parts)
    sentence = search_gaps.asking_sentence(text, VOCAB)
    assert sentence == text or sentence in search_gaps._SENTENCE_END.split(text)


@pytest.mark.parametrize(
    "question",
    [
        "what is a neurosurgeon going to do for hemifacial spasm",
        "what is the neurologist gonna do at the first visit",
    ],
)
def test_what_a_thing_does_is_no_definition_asked(question: str) -> None:
    found = search.answer(DS, question)
    assert all(what != search_gaps.DEFINITION for what, _ in found.unsaid)


def test_what_a_rare_word_is_still_a_definition_asked(run) -> None:
    data = _json(run, "what is a craniectomy")
    assert data["unsaid"] == [{"lacks": "definition", "about": ["craniectomy"]}]


@pytest.mark.parametrize(
    ("question", "condition"),
    [
        (
            "what happens if the surgeon doesn't find any blood vessel",
            "the surgeon doesn't find any blood vessel",
        ),
        (
            "what would happen when the neurosurgeon can't find an artery on the nerve?",
            "the neurosurgeon can't find an artery on the nerve",
        ),
    ],
)
def test_what_follows_something_the_guide_never_says_does_not_happen_is_said_first(
    run, question: str, condition: str
) -> None:
    data = _json(run, question)
    assert data["unsaid"][0] == {"lacks": "if_not", "about": [condition]}
    _first_note(
        run, question, f"The guide does not say what happens if not so ({condition!r})" + _CLOSEST
    )


@pytest.mark.parametrize(
    "question",
    [
        "what happens if botox doesn't work",
        "what if the pills don't help",
        "what if the medicine and injections dont control the spasms anymore",
        "what if the pills and botox dont work or i cant stand the side effects",
        "what happens if the surgeon finds a blood vessel",
    ],
)
def test_no_if_not_note_where_the_guide_says_it_or_nothing_is_negated(question: str) -> None:
    found = search.answer(DS, question)
    assert all(what != search_gaps.IF_NOT for what, _ in found.unsaid)


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("what", "happens", "if", "when", "the", "surgeon", "doesn't", "not", "find"),
                *("blood", "vessel", "botox", "work", "or", "and", "spasm", "stop", "no"),
            ]
        ),
        max_size=12,
    )
)
def test_an_if_not_note_names_a_negated_condition_typed_after_what_if(words: list[str]) -> None:
    text = " ".join(words)
    try:
        found = search.answer(DS, text)
    except (NotFoundError, UsageError):
        return
    for what, about in found.unsaid:
        if what != search_gaps.IF_NOT:
            continue
        (condition,) = about
        assert condition in text and search_gaps.negated(condition)
        assert search_gaps._WHAT_IF.search(text[: text.index(condition)])
