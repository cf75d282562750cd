"""Lookups never land on a different concept: not across a number, not from one word of the
guide to another, and a miss says where to look instead."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import query, store
from hfs_info.errors import NotFoundError, UsageError
from hfs_info.models import GlossaryEntry, Treatment
from hfs_info.text import normalize
from tests.depth import examples

DS = store.load_packaged()


# The names each record answers to, as the lookups publish them; that they answer to them is
# tested below, and what they are is checked against the records' own fields here.
term_names = query.term_names


def treatment_names(t: Treatment) -> tuple[str, ...]:
    return query.treatment_names(DS, t)


TERMS = [(name, r) for r in (*DS.glossary, *DS.medications) for name in term_names(r)]
TREATMENTS = [(name, t) for t in DS.treatments for name in treatment_names(t)]

# Written independently of query.number_of, so that the test does not share its mistakes.
_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
_ROMAN = "i ii iii iv v vi vii viii ix x xi xii"
# A name cut short can leave a cardinal ("seventh" typed as far as "seven"): the same number.
_CARDINALS = "one two three four five six seven eight nine ten eleven twelve"
CANON = {
    w: i for spelling in (_WORDS, _ROMAN, _CARDINALS) for i, w in enumerate(spelling.split(), 1)
}


def numbers(text: str) -> list[int]:
    found = []
    for word in normalize(text).split():
        digits = re.fullmatch(r"(\d+)(st|nd|rd|th)?", word)
        if digits:
            found.append(int(digits.group(1)))
        elif word in CANON:
            found.append(CANON[word])
    return sorted(found)


def canonical(text: str) -> list[str]:
    """The words of ``text`` with each number as its digits (7th, seventh, VII: 7)."""
    return [str(numbers(w)[0]) if numbers(w) else w for w in normalize(text).split()]


# Words a reader may look up that are NOT any entry here: other cranial nerves, other
# procedures, other drugs and toxins. Each must be a plain miss, with no "did you mean".
NEAR_MISSES = [
    # other cranial nerves, and ways of writing them
    "CN VI",
    "CN VIII",
    "CN X",
    "CN 8",
    "cn vi",
    "8th nerve",
    "eighth nerve",
    "sixth nerve",
    "hearing nerve",
    "optic nerve",
    "vagus nerve",
    "abducens nerve",
    "seventh nerve palsy",
    "CN 7 palsy",
    # other procedures
    "craniectomy",
    "decompressive craniectomy",
    "laminectomy",
    "rhizotomy",
    "radiofrequency rhizotomy",
    "gamma knife",
    "myectomy",
    "neurectomy",
    "balloon compression",
    "deep brain stimulation",
    # other drugs and toxins
    "oxcarbazepine",
    "lorazepam",
    "oxazepam",
    "clobazam",
    "fosphenytoin",
    "gabapentin",
    "tizanidine",
    "valproate",
    "lamotrigine",
    "clonidine",
    "dantrolene",
    "botulinum toxin type B",
    "Dysport",
    "Xeomin",
    "Myobloc",
    # words the guide uses without defining them
    "AVM",
    "aneurysm",
    "brainstem",
]


@pytest.mark.parametrize(("name", "record"), TERMS, ids=[n for n, _ in TERMS])
def test_every_term_and_alias_finds_its_own_entry(name: str, record: object) -> None:
    assert query.find_term(DS, name) is record
    assert query.find_term(DS, f"  {name.upper()} ") is record


@pytest.mark.parametrize(("name", "record"), TREATMENTS, ids=[n for n, _ in TREATMENTS])
def test_every_treatment_name_finds_its_treatment(name: str, record: Treatment) -> None:
    assert query.find_treatment(DS, name) is record


def test_the_names_are_the_records_own_and_the_drugs_lead_to_medication() -> None:
    for entry in DS.glossary:
        assert set(term_names(entry)) == {entry.term, *entry.aliases, *entry.lookup}
    for drug in DS.medications:
        assert set(term_names(drug)) == {drug.generic, drug.brand}
    for treatment in DS.treatments:
        own = {treatment.id, treatment.name, *treatment.aliases, *treatment.lookup}
        assert own <= set(treatment_names(treatment))
    assert query.find_treatment(DS, "Tegretol").id == "medication"
    assert query.find_treatment(DS, "carbamazepine").id == "medication"
    assert query.find_treatment(DS, "botox").id != "medication"


@pytest.mark.parametrize("words", NEAR_MISSES)
def test_near_misses_are_plain_misses(words: str) -> None:
    for lookup in (query.find_term, query.find_treatment):
        with pytest.raises(NotFoundError) as info:
            lookup(DS, words)
        assert info.value.suggestions == (), (words, info.value.suggestions)
        assert "try: hfs-info search" in str(info.value)


@pytest.mark.parametrize("words", ["CN V", "cranial nerve V", "cn vi", "CN 8", "VIII", "5th"])
def test_the_fifth_and_sixth_nerves_are_never_the_facial_nerve(words: str) -> None:
    with pytest.raises(NotFoundError) as info:
        query.find_term(DS, words)
    assert not any("facial nerve" in s for s in info.value.suggestions)


def _mutations(draw: st.DrawFn) -> str:
    name, _ = draw(st.sampled_from(TERMS + TREATMENTS))
    words = normalize(name).split()
    numbered = [i for i, w in enumerate(words) if numbers(w)]
    if numbered and draw(st.booleans()):
        # Another number in another spelling: VII -> V, 7th -> 8th, seventh -> fifth.
        at = draw(st.sampled_from(numbered))
        n = draw(st.integers(1, 12))
        form = draw(st.sampled_from(["arabic", "ordinal", "word", "roman"]))
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n, "th")
        words[at] = {
            "arabic": str(n),
            "ordinal": f"{n}{suffix}",
            "word": _WORDS.split()[n - 1],
            "roman": _ROMAN.split()[n - 1],
        }[form]
    text = " ".join(words)
    cut = draw(st.integers(1, len(text)))
    return text[:cut]


@settings(max_examples=examples(400), deadline=None)
@given(st.composite(_mutations)())
def test_no_answer_or_suggestion_crosses_a_number(words: str) -> None:
    """Whatever is typed (a name cut short, a number changed), an answer or a suggestion has
    exactly the numbers typed, whole."""
    for lookup, names in ((query.find_term, term_names), (query.find_treatment, treatment_names)):
        try:
            found = lookup(DS, words)  # type: ignore[operator]
        except NotFoundError as miss:
            for label in miss.suggestions:
                name = label.rsplit(" (", 1)[0]
                # A number typed is a number of the name offered, and the only one; or of
                # the phrase of its definition it is offered for (CN V: trigeminal neuralgia,
                # whose definition names the fifth cranial nerve).
                said = [e.definition for e in DS.glossary if e.term == name]
                assert (
                    not numbers(words)
                    or numbers(name) == numbers(words)
                    or (said and set(numbers(words)) <= set(numbers(said[0])))
                ), (words, label)
            continue
        typed = " ".join(canonical(words))
        matching = [n for n in names(found) if " ".join(canonical(n)).startswith(typed)]
        assert any(numbers(n) == numbers(words) for n in matching), (words, found)


@settings(max_examples=examples(200), deadline=None)
@given(st.sampled_from([n for n, _ in TERMS]), st.integers(0, 30))
def test_a_cut_name_answers_with_its_own_entry_or_not_at_all(name: str, cut: int) -> None:
    """A name typed short never silently answers with a different entry than a name of the
    answer it begins: the prefix belongs to the entry returned."""
    typed = normalize(name)[: max(1, len(normalize(name)) - cut)]
    try:
        found = query.find_term(DS, typed)
    except NotFoundError:
        return
    assert any(normalize(n).startswith(typed) for n in term_names(found))


def test_suggestions_are_capped_and_closest_first() -> None:
    # A large edition whose names mostly begin with "t": the miss must stay one short line.
    words = [f"t{a}{b}{c}" for a in "abcdefgh" for b in "aeiou" for c in "klmnoprs"]
    glossary = tuple(GlossaryEntry(f"g{i}", w, "x", (), "text") for i, w in enumerate(words))
    big = DS._replace(glossary=(*DS.glossary, *glossary))
    with pytest.raises(NotFoundError) as info:
        query.find_term(big, "tb")
    assert len(info.value.suggestions) == query.MAX_SUGGESTIONS
    with pytest.raises(NotFoundError) as info:
        query.find_term(big, "tbakx")
    assert info.value.suggestions[0] == "tbak (term)"  # one letter off comes first
    assert len(info.value.suggestions) <= query.MAX_SUGGESTIONS


def test_suggestions_say_what_they_are() -> None:
    with pytest.raises(NotFoundError) as info:
        query.find_term(DS, "tegretal")
    assert info.value.suggestions == ("Tegretol (drug: carbamazepine)",)
    with pytest.raises(NotFoundError) as info:
        query.find_treatment(DS, "botx")
    assert info.value.suggestions == ("botox (treatment)",)


@pytest.mark.parametrize("words", ["craniectomy", "AVM", "brainstem", "8th nerve", "CN VIII"])
def test_cli_a_word_without_an_entry_points_to_search(run, words: str) -> None:
    result = run("glossary", words)
    assert result.status == 1
    assert result.stdout == ""
    quoted = words if " " not in words else f"'{words}'"
    assert result.stderr == (
        f"hfs-info: {words!r} is not in the glossary; try: hfs-info search {quoted}\n"
    )


def test_cli_a_treatment_miss_names_the_treatments(run) -> None:
    result = run("treatments", "laser")
    assert result.status == 1
    assert result.stderr == (
        "hfs-info: 'laser' is not a treatment of the guide; the treatments are medication, "
        "botox, mvd; nor does a search of the guide find it\n"
    )


@pytest.mark.parametrize("words", ["nonsense", "headache", "x y"])
def test_cli_a_miss_that_no_search_finds_says_so_instead_of_offering_the_search(
    run, words: str
) -> None:
    result = run("glossary", words)
    assert (result.status, result.stdout) == (1, "")
    assert result.stderr == (
        f"hfs-info: {words!r} is not in the glossary; nor does a search of the guide find it "
        "(every term: hfs-info glossary)\n"
    )
    assert run("search", words).status == 1


_LOOKED_UP = st.lists(
    st.sampled_from(["botulism", "headache", "nerve", "mvd", "zzq", "eye", "pill", "cn", "8"]),
    min_size=1,
    max_size=3,
).map(" ".join)


@settings(max_examples=examples(60), deadline=None)
@given(words=_LOOKED_UP)
def test_a_failed_lookup_offers_a_search_only_when_that_search_answers(words: str) -> None:
    from hfs_info import actions, search

    for find, command in ((query.find_term, "glossary"), (query.find_treatment, "treatments")):
        try:
            actions._one(DS, tuple(words.split()), find, command)
        except NotFoundError as exc:
            offered = "try: hfs-info search" in str(exc)
            try:
                search.search(DS, words, limit=1)
                answered = True
            except NotFoundError:
                answered = False
            assert offered == answered, str(exc)
        except UsageError:  # several names at once ("mvd eye"): not this rule's concern
            continue


def test_cli_a_typo_is_offered_not_applied(run) -> None:
    result = run("glossary", "tegretal")
    assert result.status == 1
    assert result.stderr.splitlines() == [
        "hfs-info: 'tegretal' is not in the glossary; try: hfs-info search tegretal; "
        "did you mean: Tegretol (drug: carbamazepine)?",
    ]


# --- words of names: each finds its entry, or offers every entry it belongs to -------------


def _owners(records: list[object], names_of, word: str) -> list[object]:  # type: ignore[no-untyped-def]
    """The records one of whose names has ``word`` as a whole word (numbers in any form)."""
    return [r for r in records if any(word in canonical(n) for n in names_of(r))]


def _words(pairs: list[tuple[str, object]]) -> list[str]:
    return sorted({w for name, _ in pairs for w in canonical(name)})


TERM_RECORDS: list[object] = [*DS.glossary, *DS.medications]


def _found_or_offered(lookup, names_of, records, word: str) -> tuple[object | None, list[object]]:  # type: ignore[no-untyped-def]
    """What a lookup of ``word`` gives: the record it answers with, or the records offered."""
    try:
        return lookup(DS, word), []
    except NotFoundError as miss:
        offered = []
        for label in miss.suggestions:
            name = label.rsplit(" (", 1)[0]
            offered.append(next(r for r in records if name in names_of(r)))
        return None, offered


@pytest.mark.parametrize("word", _words(TERMS))
def test_each_word_of_a_term_finds_its_entry_or_offers_all_its_entries(word: str) -> None:
    owners = _owners(TERM_RECORDS, term_names, word)
    found, offered = _found_or_offered(query.find_term, term_names, TERM_RECORDS, word)
    if len(owners) == 1:
        assert found is owners[0] or offered[:1] == owners, (word, found, offered)
    else:
        assert found is None, (word, found)
        assert all(o in offered for o in owners), (word, offered)


@pytest.mark.parametrize("word", _words(TREATMENTS))
def test_each_word_of_a_treatment_finds_it_or_offers_all_its_treatments(word: str) -> None:
    records: list[object] = list(DS.treatments)
    owners = _owners(records, treatment_names, word)
    found, offered = _found_or_offered(query.find_treatment, treatment_names, records, word)
    if len(owners) == 1:
        assert found is owners[0] or offered[:1] == owners, (word, found, offered)
    else:
        assert found is None and all(o in offered for o in owners), (word, found, offered)


@pytest.mark.parametrize("word", _words(TERMS) + _words(TREATMENTS))
def test_a_word_is_never_offered_an_entry_that_lacks_it(word: str) -> None:
    """Offered entries hold the word in a name (whole, or its singular or plural), or a name
    begins with it: never an entry found some other way."""
    for lookup, names_of, records in (
        (query.find_term, term_names, TERM_RECORDS),
        (query.find_treatment, treatment_names, list(DS.treatments)),
    ):
        _, offered = _found_or_offered(lookup, names_of, records, word)
        for record in offered:
            forms = {word, word + "s", word.removesuffix("s")}
            holds = any(
                forms & set(canonical(n)) or " ".join(canonical(n)).startswith(word)
                for n in names_of(record)
            )
            assert holds, (word, record)


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("nerve", ["facial nerve (term)", "nerve conduction velocity (term)"]),
        ("tic", ["tic convulsif (term: hemifacial spasm)"]),
        ("trigeminal", ["trigeminal neuralgia (term)"]),
        ("botulinum", ["botulinum toxin (term: Botox)"]),
        ("bells", ["Bell's palsy (term)"]),
        ("cranial", ["seventh cranial nerve (term: facial nerve)"]),
    ],
)
def test_words_of_names_are_offered_closest_first(typed: str, offered: list[str]) -> None:
    """A word of English ("tic", "nerve"), or a word the guide writes before other words too
    ("botulinum" bacteria, "cranial"), is offered, never picked."""
    with pytest.raises(NotFoundError) as info:
        query.find_term(DS, typed)
    assert list(info.value.suggestions) == offered


@pytest.mark.parametrize(
    ("typed", "term"),
    [
        ("electromyography", "electromyogram"),
        ("hemifacial spasms", "hemifacial spasm"),
        ("CN 7", "facial nerve"),
        ("CN seventh", "facial nerve"),
        ("7th cranial nerve", "facial nerve"),
        ("cranial nerve 7", "facial nerve"),
        ("cranial nerve seventh", "facial nerve"),
        ("cranial nerve seven", "facial nerve"),
        ("cranial nerve no. 7", "facial nerve"),
        ("nerve number seven", "facial nerve"),
        ("cranial nerve no. 8", None),
        ("number 7", None),
        ("VII nerve", "facial nerve"),
        ("CN 8", None),
        ("nerve VII", "facial nerve"),
        ("nerve conduction", "nerve conduction velocity"),
        ("botox injection", "Botox"),
        ("Bell palsy", "Bell's palsy"),
    ],
)
def test_lookup_names_and_number_forms_resolve(typed: str, term: str | None) -> None:
    if term is None:
        with pytest.raises(NotFoundError):
            query.find_term(DS, typed)
        return
    found = query.find_term(DS, typed)
    assert isinstance(found, GlossaryEntry) and found.term == term


@pytest.mark.parametrize(
    ("typed", "treatment"),
    [("drug", "medication"), ("muscle relaxant", "medication"), ("anticonvulsant", "medication")],
)
def test_lay_spellings_find_the_treatment(typed: str, treatment: str) -> None:
    assert query.find_treatment(DS, typed).id == treatment


_FORMS = {
    "cardinal": lambda n: _CARDINALS.split()[n - 1],
    "arabic": lambda n: str(n),
    "ordinal": lambda n: f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n, 'th') }",
    "word": lambda n: _WORDS.split()[n - 1],
    "roman": lambda n: _ROMAN.split()[n - 1],
}


@settings(max_examples=examples(300), deadline=None)
@given(
    st.integers(1, 12),
    st.sampled_from(sorted(_FORMS)),
    st.sampled_from(
        ["cranial nerve {}", "{} cranial nerve", "CN {}", "cn-{}", "{} nerve", "nerve {}", "{}"]
    ),
)
def test_number_forms_never_cross_a_nerve(n: int, form: str, pattern: str) -> None:
    """A cranial nerve written with any number in any form: the facial nerve answers or is
    offered only for 7; for 5, trigeminal neuralgia is offered (its definition names the
    fifth cranial nerve) where a nerve is written; nothing is offered for another number."""
    typed = pattern.format(_FORMS[form](n))
    facial = next(e for e in DS.glossary if e.id == "facial-nerve")
    try:
        found = query.find_term(DS, typed)
    except NotFoundError as miss:
        if n == 5 and pattern != "{}":
            assert miss.suggestions == ("trigeminal neuralgia (term)",), typed
        elif n != 7:
            assert miss.suggestions == (), (typed, miss.suggestions)
        return
    assert n == 7 and found is facial, (typed, found)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.integers(0, 120),
    st.sampled_from(["CN{}", "cn{}", "Cn{:02d}", "CN{}th", "nerve{}", "cranial nerve{}"]),
)
def test_a_number_glued_to_letters_is_read_as_its_own_word(n: int, pattern: str) -> None:
    """``CN7`` is ``CN 7``: the facial nerve, found for 7 alone; no other number finds it or
    has it offered (CN70, CN17, CN8)."""
    typed = pattern.format(n)
    spaced = (
        typed[: len(typed.rstrip("0123456789th"))]
        + " "
        + typed[len(typed.rstrip("0123456789th")) :]
    )
    facial = next(e for e in DS.glossary if e.id == "facial-nerve")
    try:
        found = query.find_term(DS, typed)
    except NotFoundError as miss:
        assert n != 7, typed
        assert facial.term not in " ".join(miss.suggestions), (typed, miss.suggestions)
        with pytest.raises(NotFoundError):
            query.find_term(DS, spaced)
        return
    assert n == 7 and found is facial, (typed, found)
    assert query.find_term(DS, spaced) is found


@pytest.mark.parametrize("typed", ["CN7", "cn7", "CN07", "cn7th", "Cn 7", "cn-7"])
def test_cn7_finds_the_facial_nerve_as_cn_7_does(run, typed: str) -> None:
    assert run("glossary", typed).stdout == run("glossary", "CN 7").stdout
    assert run("glossary", typed).status == 0


def test_a_long_list_of_entries_says_how_many_are_left_out() -> None:
    extra = tuple(
        GlossaryEntry(f"x{i}", f"spasm kind {i:03d}x", "d", (), "text") for i in range(12)
    )
    big = DS._replace(glossary=(*DS.glossary, *extra))
    with pytest.raises(NotFoundError) as info:
        query.find_term(big, "kind")
    assert len(info.value.suggestions) == query.MAX_SUGGESTIONS
    assert info.value.more == 12 - query.MAX_SUGGESTIONS


def test_cli_an_ambiguous_word_lists_its_entries(run) -> None:  # type: ignore[no-untyped-def]
    result = run("glossary", "nerve")
    assert result.status == 1 and result.stdout == ""
    assert result.stderr == (
        "hfs-info: 'nerve' is not in the glossary; try: hfs-info search nerve; "
        "did you mean: facial nerve (term), nerve conduction velocity (term)?\n"
    )


def test_cli_more_entries_than_shown_are_counted(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_fidelity import DATA

    entries = "".join(
        f'\n[[glossary]]\nid = "k{i}"\nterm = "kind {chr(97 + i)}x"\ndefinition = "d"\n'
        f'aliases = []\norigin = "text"\n'
        for i in range(8)
    )
    edition = tmp_path / "edition.toml"
    edition.write_text(DATA.read_text("utf-8") + entries, "utf-8")
    result = run("--data", str(edition), "glossary", "kind")
    assert result.status == 1
    offered = result.stderr.split("did you mean: ", 1)[1]
    assert offered.count("(term)") == query.MAX_SUGGESTIONS
    assert offered.endswith(" (and 3 more)?\n")


# Names of what an entry's definition names, though no entry is named so: the trigeminal
# nerve, which the entry of trigeminal neuralgia defines as the fifth cranial nerve.
DESCRIBED = [
    "CN V",
    "cranial nerve V",
    "cranial nerve 5",
    "fifth cranial nerve",
    "fifth nerve",
    "5th nerve",
    "Vth nerve",
    "trigeminal nerve",
    "the trigeminal nerve",
]


@pytest.mark.parametrize("words", DESCRIBED)
def test_what_a_definition_names_offers_its_entry(words: str) -> None:
    """Trial 6, 3.13: these found nothing, although trigeminal neuralgia's entry defines the
    trigeminal nerve as the fifth cranial nerve. They are offered the entry, never taken to
    it (it is a disorder of the nerve, not the nerve)."""
    with pytest.raises(NotFoundError) as info:
        query.find_term(DS, words)
    assert info.value.suggestions == ("trigeminal neuralgia (term)",)


def test_a_drug_class_offers_its_drugs_and_the_glossary_points_to_the_treatment(run) -> None:
    for typed in ("muscle relaxants", "Muscle relaxant"):
        result = run("glossary", typed)
        assert result.status == 1
        assert result.stderr == (
            f"hfs-info: {typed!r} is not in the glossary; it names a treatment: hfs-info "
            "treatments medication; did you mean: baclofen (drug), diazepam (drug), "
            "clonazepam (drug)?\n"
        )
    result = run("glossary", "surgery")
    assert result.stderr.startswith(
        "hfs-info: 'surgery' is not in the glossary; it names a treatment: hfs-info treatments mvd"
    )


def test_a_phrase_of_slight_words_offers_nothing() -> None:
    with pytest.raises(NotFoundError) as info:
        query.find_term(DS, "the nerve")
    assert info.value.suggestions == ()


def test_a_name_keeps_its_label_when_a_definition_names_it_too() -> None:
    with pytest.raises(NotFoundError) as info:
        query.find_term(DS, "cranial nerve")
    assert info.value.suggestions == (
        "seventh cranial nerve (term: facial nerve)",
        "trigeminal neuralgia (term)",
    )


def _suffix(n: int) -> str:
    return {1: "st", 2: "nd", 3: "rd"}.get(n, "th")


@settings(max_examples=examples(150), deadline=None)
@given(
    n=st.integers(min_value=1, max_value=12),
    form=st.sampled_from(
        [
            "CN {r}",
            "cn {n}",
            "cranial nerve {r}",
            "cranial nerve {n}",
            "{o} cranial nerve",
            "{n}{s} cranial nerve",
            "{o} nerve",
            "{n}{s} nerve",
            "{r}{s} nerve",
            "nerve {r}",
            "cranial nerve no. {n}",
            "cranial nerve number {o}",
            "CN no {r}",
        ]
    ),
)
def test_every_form_of_a_numbered_nerve_reads_alike(n: int, form: str) -> None:
    """Each way of writing the Nth cranial nerve (CN VII, cranial nerve 7, seventh cranial
    nerve, 7th nerve, VIIth nerve) is read alike: the seventh is the facial nerve, the fifth
    is offered trigeminal neuralgia (its definition names it), any other is a plain miss."""
    roman, ordinal = _ROMAN.split()[n - 1].upper(), _WORDS.split()[n - 1]
    typed = form.format(n=n, r=roman, o=ordinal, s=_suffix(n))
    if n == 1 and form == "{r}{s} nerve":
        typed = "Ist nerve"  # "ist" is read as a word, not as the first
    if n == 7:
        if typed != "Ist nerve":
            assert query.find_term(DS, typed).id == "facial-nerve", typed
        return
    with pytest.raises(NotFoundError) as info:
        query.find_term(DS, typed)
    offered = info.value.suggestions
    if n == 5:
        assert offered == ("trigeminal neuralgia (term)",), typed
    else:
        assert not any("trigeminal" in s or "facial nerve" in s for s in offered), (typed, offered)


def test_the_forms_come_from_the_dataset_not_from_a_list() -> None:
    """An edition whose entry defines another numbered nerve is offered by every form of it
    that the dataset's names show (CN, cranial nerve N, Nth cranial nerve, Nth nerve)."""
    entry = GlossaryEntry(
        "schwannoma",
        "vestibular schwannoma",
        "A benign tumour of the eighth cranial nerve, the nerve of hearing and balance.",
        (),
        "text",
    )
    edition = DS._replace(glossary=(*DS.glossary, entry))
    for typed in ("CN VIII", "cranial nerve 8", "eighth nerve", "8th nerve", "VIIIth nerve"):
        with pytest.raises(NotFoundError) as info:
            query.find_term(edition, typed)
        assert info.value.suggestions == ("vestibular schwannoma (term)",), typed
    with pytest.raises(NotFoundError) as info:
        query.find_term(DS, "CN VIII")
    assert info.value.suggestions == ()


@pytest.mark.parametrize(
    ("typed", "term"),
    [
        ("microvascular", "microvascular decompression"),
        ("hemifacial", "hemifacial spasm"),
        ("electromyogram", "electromyogram"),
        ("the facial nerve", "facial nerve"),
        ("a craniotomy", "craniotomy"),
        ("seventh (VII) cranial nerve", "facial nerve"),
        ("seventh VII cranial nerve", "facial nerve"),
        ("CNVII", "facial nerve"),  # as CN7 is CN 7 (trial 8)
        ("cnvii", "facial nerve"),
    ],
)
def test_a_whole_word_of_the_guides_trade_or_a_framed_name_finds_its_entry(
    typed: str, term: str
) -> None:
    """Typing more never finds less: 'micro' found microvascular decompression and
    'microvascular' did not (trial 8); a word no English text uses outside the trade completes
    as its start does. An article before a name, or a number written twice as the guide writes
    it ("seventh (VII) cranial nerve"), frames the name."""
    found = query.find_term(DS, typed)
    assert isinstance(found, GlossaryEntry) and found.term == term


def test_a_treatment_by_a_whole_word_of_its_name() -> None:
    assert query.find_treatment(DS, "microvascular").id == "mvd"
    assert query.find_treatment(DS, "decompression").id == "mvd"


@settings(max_examples=examples(60), deadline=None)
@given(
    number=st.integers(1, 4),
    before=st.sampled_from(["", "fig ", "Figure ", "fig. ", "#"]),
    dash=st.sampled_from(["-", "\u2212", "\u2013", "--"]),
    spelled=st.sampled_from(["{}", "0{}", "{}th"]),
)
def test_a_negative_number_is_never_a_figure(
    number: int, before: str, dash: str, spelled: str
) -> None:
    typed = f"{before}{dash}{spelled.format(number)}"
    assert query.figure_number(typed) is None
    with pytest.raises(NotFoundError, match="is not a figure number"):
        query.find_figure_named(DS, typed)


@pytest.mark.parametrize("typed", ["Fig. 3-4", "3-4", "figures 1-2"])
def test_a_range_of_figures_is_one_at_a_time(typed: str) -> None:
    with pytest.raises(UsageError, match="figures draws one figure at a time"):
        query.find_figure_named(DS, typed)


@pytest.mark.parametrize("typed", ["CNV", "CNVIII", "cnvi", "CNX"])
def test_a_numeral_typed_against_letters_never_crosses_a_number(typed: str) -> None:
    with pytest.raises(NotFoundError) as info:
        query.find_term(DS, typed)
    assert not any("facial nerve" in s for s in info.value.suggestions)
