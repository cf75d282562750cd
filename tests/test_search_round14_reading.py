"""How the words of a question are read (issue 19, round 14): a number after a label ("number
7") names what the words before the label name; a count never matches a part of a phone number
or of a citation's pages; a second-language or sounded-out spelling of a guide word is read as it
and said.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import search, search_analysis, store, vocabulary
from hfs_info.errors import NotFoundError
from tests.depth import examples

DS = store.load_packaged()
FACIAL = ("glossary:facial-nerve", "nerve:facial-nerve")


# --- a number after a label names what the question names ----------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "which nerve is the number 7",
        "is the facial nerve number 7",
        "the nerve number seven, what does it do",
        "what is cranial nerve no 7",
    ],
)
def test_a_labelled_number_beside_a_nerve_names_the_nerve(question: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id in FACIAL, [h.id for h in found.hits[:3]]
    assert "contact:guide" not in [h.id for h in found.hits[:3]]
    assert not found.unmatched


def test_a_labelled_number_names_a_figure_after_the_word_figure() -> None:
    assert search.answer(DS, "what is figure number 2").hits[0].id == "figure:figure-2"


def test_the_label_is_not_a_topic_but_a_phone_number_still_is() -> None:
    v = vocabulary.load()
    labelled = search_analysis.read_question("which nerve is the number 7", v)
    assert [c.typed for c in labelled.concepts] == ["nerve", "7"]
    assert labelled.concepts[1].number == 7
    assert search.answer(DS, "what is the phone number").hits[0].id == "contact:guide"


def test_a_label_without_a_naming_word_leaves_the_number_a_count() -> None:
    v = vocabulary.load()
    read = search_analysis.read_question("how many people is number 8", v)
    assert [c.number for c in read.concepts if c.typed == "8"] == [None]


# --- a count is never a part of a phone number or of pages ---------------------------------------


@pytest.mark.parametrize(
    "question", ["885 patients", "38 patients had surgery", "in 686 cases does surgery work"]
)
def test_a_count_among_other_words_is_never_found_inside_a_phone_number_or_pages(
    question: str,
) -> None:
    try:
        found = search.answer(DS, question)
    except NotFoundError:
        return
    ids = [h.id for h in found.hits]
    assert "contact:guide" not in ids and not ids[0].startswith("reference:"), ids


def test_the_number_alone_still_finds_where_it_stands() -> None:
    assert search.answer(DS, "38").hits[0].id == "reference:payner-tew-1996"


def test_the_phone_number_typed_whole_finds_the_contact() -> None:
    for question in ("417-885-3888", "who answers at 417-885-3888"):
        assert search.answer(DS, question).hits[0].id == "contact:guide", question


def test_counts_in_reads_a_joined_number_as_one_thing() -> None:
    assert not search_analysis.counts_in(("885",), "Contact, phone 417-885-3888.")
    assert not search_analysis.counts_in(("38", "691"), "Neurosurgery 38:686-691, 1996.")
    assert search_analysis.counts_in(("1996",), "Neurosurgery 38:686-691, 1996.")
    assert search_analysis.counts_in(("two",), "back to usual life two months after")
    # a range is two numbers, each its own
    assert search_analysis.counts_in(("3",), "1-3 injections")
    assert search_analysis.counts_in(("1998",), "Mayfield Clinic 1998-2018")


@settings(max_examples=examples(150), deadline=None)
@given(
    parts=st.tuples(st.integers(100, 999), st.integers(100, 999), st.integers(1000, 9999)),
    volume=st.integers(1, 99),
    pages=st.tuples(st.integers(1, 999), st.integers(1, 999)),
)
def test_a_part_of_a_phone_number_or_of_pages_never_counts(
    parts: tuple[int, int, int], volume: int, pages: tuple[int, int]
) -> None:
    phone = "-".join(map(str, parts))
    for part in parts:
        assert not search_analysis.counts_in((str(part),), f"call {phone} today")
        assert search_analysis.counts_in((str(part),), f"call {phone} or {part} today")
    cited = f"Neurosurgery {volume}:{pages[0]}-{pages[1]}, 1996."
    for number in (volume, *pages):
        assert not search_analysis.counts_in((str(number),), cited)
    assert search_analysis.counts_in(("1996",), cited)


# --- a word spelt as a learner of English or a person writing by ear spells it -------------------


@pytest.mark.parametrize(
    ("question", "typed", "read", "first"),
    [
        ("what are the simtoms", "simtoms", "symptoms", "section:symptoms"),
        ("sintomas of hemifacial spasm", "sintomas", "symptoms", "section:symptoms"),
        ("is the operacion dangerous", "operacion", "operation", "treatment:mvd/risks"),
        ("medicina for the spasm", "medicina", "medicine", "treatment:medication"),
        ("carbamazepina side effects", "carbamazepina", "carbamazepine", None),
        ("espasmo on my face", "espasmo", "spasm", None),
    ],
)
def test_a_learners_spelling_of_a_guide_word_is_read_and_said(
    question: str, typed: str, read: str, first: str | None
) -> None:
    found = search.answer(DS, question)
    assert (typed, read) in found.read_as
    assert typed not in found.unmatched
    if first is not None:
        assert found.hits[0].id == first


def test_sintoms_is_read_as_symptoms_and_said(run) -> None:
    result = run("search", "sintoms of the spasm", "-f", "plain", "-n", "1")
    assert result.status == 0
    assert "Read 'sintoms' as 'symptoms'." in result.stdout
    assert "Best answer (section): Symptoms" in result.stdout


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("sintomas", "symptoms"),
        ("simptoms", "symptoms"),
        ("espasmo", "spasm"),
        ("operação", "operation"),
        ("injeccion", "injection"),
        ("fenitoina", "phenytoin"),
        ("toxina", "toxin"),
    ],
)
def test_learnt_spellings_of_one_word_are_alike(a: str, b: str) -> None:
    assert search_analysis.learnt_spelling(a) == search_analysis.learnt_spelling(b)


@pytest.mark.parametrize(("a", "b"), [("spasm", "spam"), ("nerve", "never"), ("seventh", "eighth")])
def test_learnt_spellings_of_other_words_differ(a: str, b: str) -> None:
    assert search_analysis.learnt_spelling(a) != search_analysis.learnt_spelling(b)


_GUIDE = sorted(search._content_words(search.entries(DS)))


@settings(max_examples=examples(200), deadline=None)
@given(word=st.sampled_from(_GUIDE), typed=st.text("abcdefghijklmnopqrstuvwxyz", max_size=12))
def test_a_common_word_or_a_number_is_never_read_by_its_learnt_spelling(
    word: str, typed: str
) -> None:
    for candidate in (typed, word, word + "a", "e" + word):
        read = search_analysis.spelt_as_learnt(candidate, [word, typed])
        if read:
            assert search_analysis.zipf(candidate) < search_analysis.COMMON_ZIPF
            assert search_analysis.number_of(candidate) is None
            assert all(search_analysis.number_of(w) is None for w in read)
            assert candidate not in read


@settings(max_examples=examples(200), deadline=None)
@given(
    word=st.sampled_from(
        [w for w in _GUIDE if len(w) >= 6 and w.isalpha() and search_analysis.number_of(w) is None]
    )
)
def test_a_guide_word_with_a_learners_ending_is_read_as_it(word: str) -> None:
    # síntoma, espasmo, medicina; sintomas, espasmos
    if word.endswith("es"):
        typed = word[:-2] + "as"
    elif word.endswith("s"):
        typed = word[:-1] + "os"
    elif word.endswith("e"):
        typed = word[:-1] + "a"
    elif word[-1] not in "aeiouy":
        typed = word + "o"
    else:
        return  # "cincinnati": a learner writes it as it is
    if search_analysis.zipf(typed) >= search_analysis.COMMON_ZIPF:
        return
    assert word in search_analysis.spelt_as_learnt(typed, [word])


# --- "how X works" asked without "does"; a kind of treatment after a treatment's name ------------


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("how botox works", "treatment:botox/how_it_works"),
        ("how this botox work", "treatment:botox/how_it_works"),
        ("how the surgery works", "treatment:mvd/how_it_works"),
        ("i want to know how the operation works", "treatment:mvd/how_it_works"),
        ("how the pills work", "treatment:medication/how_it_works"),
    ],
)
def test_how_a_treatment_works_asked_without_an_asking_verb(question: str, first: str) -> None:
    assert search.answer(DS, question).hits[0].id == first


@pytest.mark.parametrize(
    ("words", "read"),
    [
        (["botox", "works"], ["botox", "works"]),
        (
            ["this", "botox", "medicine", "work", "inside"],
            ["this", "botox", "medicine", "works", "inside"],
        ),
        (["well", "botox", "works"], None),
        (["many", "people", "it", "works", "for"], None),
        (["long", "botox", "works"], None),
        (["botox", "is", "given"], None),
    ],
)
def test_works_unasked_reads_only_how_something_works(
    words: list[str], read: list[str] | None
) -> None:
    assert search_analysis.works_unasked(words) == read


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9), max_size=10))
def test_works_unasked_keeps_the_words_before_work_and_says_works(words: list[str]) -> None:
    read = search_analysis.works_unasked(words)
    if read is not None:
        at = read.index("works")
        assert read[:at] == words[:at] and words[at] in ("work", "works", "working")
        assert 0 < at <= search_analysis.WORKS_REACH


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("how this botox medicine work", "treatment:botox/how_it_works"),
        ("how does the botox drug work", "treatment:botox/how_it_works"),
        ("side effects of the botox medicine", "treatment:botox/side_effects"),
    ],
)
def test_a_kind_of_treatment_after_a_treatments_name_is_that_treatment(
    question: str, first: str
) -> None:
    assert search.answer(DS, question).hits[0].id == first


# --- "by itself" right after the verb of a movement says it comes unbidden ------------------------


@pytest.mark.parametrize(
    "question",
    [
        "one side of my face keeps twitching on its own and I can't stop it, what is that called?",
        "my eye keeps closing all by itself, will it ever stop",
        "will my eye stop closing by itself after the shots",
    ],
)
def test_a_movement_by_itself_is_the_spasm_not_its_course(question: str) -> None:
    found = search.answer(DS, question)
    assert not found.unsaid and not found.unmatched


@pytest.mark.parametrize(
    "question",
    [
        "will it go away on its own",
        "will it stop twitching on its own",
        "will the spasm get better by itself",
        "will it go away on its own after a few years",
        "will the twitching stop by itself with time",
    ],
)
def test_going_away_by_itself_still_asks_what_the_guide_does_not_say(question: str) -> None:
    with pytest.raises(NotFoundError, match="does not speak of"):
        search.answer(DS, question)


# --- everyday words of a question's story; the usual short forms of the guide's names ------------


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("NIH sponsored trials website", "registry:clinicaltrials-gov"),
        ("what is IOM during the operation", "treatment:mvd/monitoring"),
    ],
)
def test_a_short_form_of_a_name_the_guide_writes_out_is_that_name(
    question: str, first: str
) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == first
    assert not found.unmatched and not found.related


@pytest.mark.parametrize(
    "question",
    [
        "does the pill work for everybody",
        "somebody told me the shots wear off, how long does botox last",
        "is this illness the same as trigeminal neuralgia",
        "what happens inside the head during the operation",
    ],
)
def test_a_word_of_the_story_is_never_named_as_missing(question: str) -> None:
    found = search.answer(DS, question)
    assert not {"everybody", "somebody", "illness", "inside"} & set(found.unmatched)


# --- an adjective compared is a form of the guide's word -----------------------------------------


@pytest.mark.parametrize(
    ("word", "prefix"),
    [("riskier", "risk"), ("weaker", "weak"), ("weakest", "weak"), ("number", None)],
)
def test_an_adjective_compared_is_read_as_its_plain_form(word: str, prefix: str | None) -> None:
    assert search_analysis.stem_prefix(word) == prefix


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("which is riskier, the pills or the surgery", "riskier"),
        ("does the face get weaker after botox", "weaker"),
    ],
)
def test_a_compared_adjective_of_a_guide_word_is_never_missing(question: str, word: str) -> None:
    found = search.answer(DS, question)
    assert word not in found.unmatched


@settings(max_examples=examples(150), deadline=None)
@given(st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=14))
def test_a_compared_prefix_is_always_a_start_of_the_word(word: str) -> None:
    prefix = search_analysis.stem_prefix(word)
    if prefix is not None:
        assert word.startswith(prefix) and len(prefix) >= 4


@pytest.mark.parametrize(
    "question",
    ["is normal the eye close alone", "my eye is closing alone", "the mouth go up alone"],
)
def test_alone_after_a_movement_is_the_spasm_coming_unbidden(question: str) -> None:
    found = search.answer(DS, question)
    assert "alone" not in found.unmatched
    assert found.hits[0].id in ("section:what-is", "section:symptoms", "glossary:hemifacial-spasm")


def test_alone_elsewhere_is_read_as_before() -> None:
    with pytest.raises(NotFoundError, match="left alone"):
        search.answer(DS, "will it go away if left alone")
    assert "alone" in search.answer(DS, "i live alone, can i drive after surgery").unmatched


@pytest.mark.parametrize(
    "question",
    ["what number is the facial nerve", "which nerve number is the facial", "the picture number 4"],
)
def test_number_asking_which_of_a_numbered_thing_is_never_the_phone(question: str) -> None:
    ids = [h.id for h in search.answer(DS, question).hits[:3]]
    assert "contact:guide" not in ids, ids


@pytest.mark.parametrize(
    "question",
    [
        "what is the phone number",
        "is there a number I can ring for the nerve clinic",
        "phone number of the nerve doctor",
    ],
)
def test_a_number_to_call_is_still_the_contact(question: str) -> None:
    assert search.answer(DS, question).hits[0].id == "contact:guide"


def test_picture_with_a_number_is_that_figure() -> None:
    assert search.answer(DS, "picture 2").hits[0].id == "figure:figure-2"
    assert search.answer(DS, "the picture number 4").hits[0].id == "figure:figure-4"


# --- a share typed is only ever that share --------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("8%", "statistic:onset-near-chin"),
        ("what about the 8 percent", "statistic:onset-near-chin"),
        ("the other 8%", "statistic:onset-near-chin"),
        ("2%", "statistic:mvd-delay"),
    ],
)
def test_a_share_typed_finds_that_share_never_the_same_count_of_something_else(
    question: str, first: str
) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == first
    ids = [h.id for h in found.hits]
    assert "statistic:people-affected" not in ids and "figure:figure-2" not in ids


def test_a_share_the_guide_never_gives_is_a_miss() -> None:
    with pytest.raises(NotFoundError):
        search.answer(DS, "13%")


@pytest.mark.parametrize(
    ("text", "spelling", "gives"),
    [
        ("In 8% of cases", "8", True),
        ("8 percent of people", "8", True),
        ("8 people in 100,000", "8", False),
        ("about 98% of them", "8", False),
        ("1.8% of them", "8", False),
    ],
)
def test_shares_reads_only_the_share_itself(text: str, spelling: str, gives: bool) -> None:
    assert search_analysis.shares((spelling,), text) is gives


@settings(max_examples=examples(150), deadline=None)
@given(n=st.integers(0, 100), m=st.integers(0, 100))
def test_a_share_is_never_another_share(n: int, m: int) -> None:
    assert search_analysis.shares((str(n),), f"about {m}% of patients") is (n == m)


# --- two words typed as one, one of them with a slip ---------------------------------------------


@pytest.mark.parametrize(
    ("typed", "read", "first"),
    [
        ("belspalsy", "bells palsy", "glossary:bells-palsy"),
        ("trigeminalnuralgia", "trigeminal neuralgia", "glossary:trigeminal-neuralgia"),
    ],
)
def test_glued_words_with_a_slip_are_read_apart_and_said(typed: str, read: str, first: str) -> None:
    found = search.answer(DS, typed)
    assert (typed, read) in found.read_as
    assert found.hits[0].id == first


def test_a_word_of_no_two_guide_words_stays_unknown() -> None:
    with pytest.raises(NotFoundError):
        search.answer(DS, "xylophonetherapy")


@pytest.mark.parametrize(
    "question",
    [
        "the left side of my face pulls up by itself",
        "my eye keeps winking on its own what is wrong with me",
    ],
)
def test_the_left_side_moving_by_itself_is_the_spasm(question: str) -> None:
    found = search.answer(DS, question)
    assert not found.unsaid and not found.unmatched


def test_one_phrase_of_going_away_by_itself_still_asks_of_the_course() -> None:
    with pytest.raises(NotFoundError, match="does not speak of"):
        search.answer(DS, "my left eye closes on its own, will it go away by itself")


# --- a learner's English: "how much people", "exist", the words of another language ---------------


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("how much people have this problem", "statistic:people-affected"),
        ("how much time the botox last", "treatment:botox/duration"),
        ("exist treatment for this?", "section:overview"),
        ("what is the medicament for the spasm", "treatment:medication"),
        ("is necessary the resonance?", "section:diagnosis"),
    ],
)
def test_a_learners_english_is_read_as_meant(question: str, first: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == first
    assert not found.unmatched and not found.related


def test_how_much_of_an_amount_stays_how_much() -> None:
    v = vocabulary.load()
    read = search_analysis.read_question("how much people have it", v)
    assert "number" in read.intents
    assert [c.typed for c in search_analysis.read_question("how much botox", v).concepts] == [
        "botox"
    ]


def test_a_count_is_never_a_figure_or_a_references_label() -> None:
    assert not search_analysis.counts_in(("2",), "Figure 2. The skin incision")
    assert not search_analysis.counts_in(("1",), "Reference 1")
    ids = [h.id for h in search.answer(DS, "i have the face twitching since 2 years").hits[:3]]
    assert not any(i.startswith(("figure:", "reference:")) for i in ids), ids


@pytest.mark.parametrize(
    ("typed", "read"), [("injecshuns", "injections"), ("operashon", "operation")]
)
def test_an_ending_spelt_by_ear_is_read_as_the_guides(typed: str, read: str) -> None:
    assert search_analysis.learnt_spelling(typed) == search_analysis.learnt_spelling(read)
    assert (typed, read) in search.answer(DS, f"{typed} for the spasm").read_as


@pytest.mark.parametrize(
    "question",
    ["trials run by drug companies", "diagram showing the sponge between artery and nerve"],
)
def test_the_frame_of_a_trial_or_a_picture_is_never_missing(question: str) -> None:
    assert not search.answer(DS, question).unmatched


@pytest.mark.parametrize(
    "question", ["how many get it back after the op", "will i get it back after surgery"]
)
def test_getting_it_back_is_the_spasms_recurring(question: str) -> None:
    ids = [h.id for h in search.answer(DS, question).hits[:3]]
    assert "statistic:mvd-recurrence" in ids and "statistic:mvd-return-to-life" not in ids, ids


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("how much time the botox is working after injection", "treatment:botox/duration"),
        ("how long after the injection does it start to work", "treatment:botox/onset"),
        ("how much time after the injection it start to work", "treatment:botox/onset"),
        ("how long after surgery does it start working", "treatment:mvd/onset"),
    ],
)
def test_how_much_time_is_how_long_and_starting_to_work_is_how_soon(
    question: str, first: str
) -> None:
    assert search.answer(DS, question).hits[0].id == first


def test_how_long_it_lasts_after_it_starts_is_still_how_long() -> None:
    assert search.answer(DS, "how long does the spasm last after it starts").no_figure == "duration"


@settings(max_examples=examples(100), deadline=None)
@given(st.text(" abcdehilmnoptuwy", max_size=40))
def test_as_meant_changes_only_how_much(text: str) -> None:
    read = search_analysis.as_meant(text)
    if "how much" not in text:
        assert read == text
    else:
        assert read.replace("how many", "how much").replace("how long", "how much time") == text


@pytest.mark.parametrize("question", ["is the left side more common", "is the right side worse"])
def test_a_side_of_the_face_is_never_the_side_effects(question: str) -> None:
    found = search.answer(DS, question)
    assert "side_effects" not in found.hits[0].id
    assert "left side" not in found.unmatched and "right side" not in found.unmatched


@pytest.mark.parametrize(
    "question", ["my eyelid fall after the injection", "can botox make the eyelid fall"]
)
def test_an_eyelid_falling_is_the_guides_drooping_eyelid(question: str) -> None:
    found = search.answer(DS, question)
    assert found.hits[0].id == "treatment:botox/side_effects"
    assert not found.unmatched
