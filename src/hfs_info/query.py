"""Lookups and selections over the dataset's records: pure functions, records in, records out.

A lookup either returns a record or raises a domain error (NotFoundError with near misses,
UsageError for an empty or over-long query); it never prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import TypeVar

from hfs_info.english import COMMON_ZIPF, zipf
from hfs_info.errors import NotFoundError, UsageError
from hfs_info.models import (
    TREATMENT_ASPECTS,
    Dataset,
    Figure,
    GlossaryEntry,
    Medication,
    Reference,
    Section,
    Statistic,
    Treatment,
)
from hfs_info.text import CARDINALS, ORDINALS, ROMAN, lookup_key, normalize, number_of

# Queries longer than this are refused before any matching, so matching cost stays bounded.
MAX_QUERY_LENGTH = 200

# Which of the guide's sections each prose command shows, in reading order.
TOPICS: dict[str, tuple[str, ...]] = {
    "overview": ("overview", "what-is", "affected"),
    "symptoms": ("symptoms",),
    "causes": ("causes",),
    "diagnosis": ("diagnosis",),
    "sources": ("clinical-trials",),
}
# The commands that show nothing but prose sections (sources has a view of its own).
PROSE_TOPICS = tuple(name for name in TOPICS if name != "sources")

R = TypeVar("R")

# The treatment the drugs of [[medications]] belong to.
MEDICATION = "medication"
# Treatment fields that hold text a reader sees (searched for term mentions).
TREATMENT_TEXT_FIELDS = tuple(attr for attr, _ in TREATMENT_ASPECTS)


# How a list field reads as text (side effects, aliases).
LIST_SEPARATOR = "; "


def aspect_text(treatment: Treatment, attr: str) -> str | None:
    """One aspect of a treatment as text, as the views and the search index give it, or None
    when the guide does not state it. Side effects keep the guide's framing ("For example: ...",
    "They include: ..."), so no screen or snippet shows an open list as a closed one."""
    value = getattr(treatment, attr)
    if isinstance(value, tuple):
        if not value:
            return None
        listed = LIST_SEPARATOR.join(value)
        intro = treatment.side_effects_intro if attr == "side_effects" else None
        return f"{intro}: {listed}" if intro else listed
    return value or None


def list_names(ds: Dataset, command: str) -> tuple[str, ...]:
    """The name of each entry of ``command`` (glossary, treatments, medications), in the
    order its view shows them: glossary terms alphabetically, treatments by id (as
    ``treatments NAME`` is documented), drugs by generic name. Each finds its own entry."""
    if command == "glossary":
        return tuple(sorted((e.term for e in ds.glossary), key=str.casefold))
    if command == "treatments":
        return tuple(t.id for t in ds.treatments)
    return tuple(m.generic for m in ds.medications)


def topic_sections(ds: Dataset, topic: str) -> tuple[Section, ...]:
    by_id = {s.id: s for s in ds.sections}
    return tuple(by_id[i] for i in TOPICS[topic] if i in by_id)


def medication(ds: Dataset) -> Treatment | None:
    """The treatment the drugs belong to, or None in an edition that has none."""
    return next((t for t in ds.treatments if t.id == MEDICATION), None)


def find_treatment(ds: Dataset, query: str) -> Treatment:
    """A treatment by id, name or alias (``mvd``, ``surgery``, ``Botox``, ``medication``); a
    drug's generic or brand name leads to the medication treatment."""
    known = ", ".join(t.id for t in ds.treatments)
    return _lookup(
        ds,
        ds.treatments,
        lambda t: treatment_names(ds, t),
        query,
        "treatment",
        f"the treatments are {known}",
    )


def treatment_names(ds: Dataset, treatment: Treatment) -> tuple[str, ...]:
    """The names a treatment answers to: its id, name, aliases and lookup names, and for the
    medication treatment every drug's generic and brand name."""
    drugs = [name for m in ds.medications for name in (m.generic, m.brand)]
    own = (treatment.id, treatment.name, *treatment.aliases)
    return (
        (*own, *drugs, *treatment.lookup)
        if treatment.id == MEDICATION
        else (*own, *treatment.lookup)
    )


def find_term(ds: Dataset, query: str) -> GlossaryEntry | Medication:
    """A glossary entry by term, alias or lookup name (``MVD``, ``tic convulsif``, ``Bell’s
    palsy``, ``electromyography``), or a drug by generic or brand name (``Tegretol`` finds
    carbamazepine)."""
    records: list[GlossaryEntry | Medication] = [*ds.glossary, *ds.medications]
    return _lookup(ds, records, term_names, query, "glossary term", described=term_texts)


def term_texts(record: GlossaryEntry | Medication) -> tuple[tuple[str, bool], ...]:
    """What an entry says of what it names, for near misses: (text, whole) pairs, ``whole``
    when only the whole text names something (a drug's class: ``muscle relaxant``), else a
    text whose phrases may (a definition: ``the trigeminal nerve, which is the fifth cranial
    nerve``)."""
    if isinstance(record, Medication):
        return ((record.drug_class, True),)
    return ((record.definition, False),)


def term_names(record: GlossaryEntry | Medication) -> tuple[str, ...]:
    """The names a glossary entry (term, aliases, lookup names) or a drug (generic and brand)
    answers to."""
    if isinstance(record, Medication):
        return (record.generic, record.brand)
    return (record.term, *record.aliases, *record.lookup)


def _mentions(text: str, names: Iterable[str]) -> bool:
    padded = f" {normalize(text)} "
    return any(f" {key} " in padded for key in map(normalize, names) if key)


def term_locations(ds: Dataset, entry: GlossaryEntry) -> list[tuple[str, str]]:
    """(command, title) of each section and treatment whose text uses the term or an alias."""
    names = (entry.term, *entry.aliases)
    found: list[tuple[str, str]] = []
    for topic in TOPICS:
        for section in topic_sections(ds, topic):
            if _mentions(" ".join((section.title, *section.paragraphs, *section.points)), names):
                found.append((f"hfs-info {topic}", section.title))
    for t in ds.treatments:
        fields = [getattr(t, f) for f in TREATMENT_TEXT_FIELDS]
        text = " ".join(" ".join(v) if isinstance(v, tuple) else (v or "") for v in fields)
        if _mentions(f"{t.name} {text}", names):
            found.append((f"hfs-info treatments {t.id}", t.name))
    return found


def terms_used(ds: Dataset, texts: Iterable[str]) -> list[GlossaryEntry]:
    """Glossary entries whose term or an alias occurs in ``texts``, in glossary order."""
    text = " ".join(texts)
    return [e for e in ds.glossary if _mentions(text, (e.term, *e.aliases))]


def statistics_by_id(ds: Dataset, ids: Iterable[str]) -> tuple[Statistic, ...]:
    by_id = {s.id: s for s in ds.statistics}
    return tuple(by_id[i] for i in ids)


def figures_by_id(ds: Dataset, ids: Iterable[str]) -> tuple[Figure, ...]:
    by_id = {f.id: f for f in ds.figures}
    return tuple(by_id[i] for i in ids)


def find_figure(ds: Dataset, number: int) -> Figure:
    for figure in ds.figures:
        if figure.number == number:
            return figure
    raise NotFoundError(f"no figure {number}; {_figures_known(ds)}")


def _figures_known(ds: Dataset) -> str:
    return "the guide has figures " + ", ".join(str(f.number) for f in ds.figures)


# What may come before a figure's number: "fig 3", "Fig. 3", "figure 3", "fig3".
_FIGURE_WORDS = frozenset({"fig", "figs", "figure", "figures"})


def figure_number(query: str) -> int | None:
    """The number ``query`` names a figure by, read as lookups read numbers (``3``, ``03``,
    ``III``, ``three``, ``third``, ``3rd``), after an optional ``fig`` or ``figure``; None if
    it names no number. Decimal digits of any script count, as int() reads them."""
    if _negative().search(query):  # "-1", "fig -2" (any dash): no figure has a number below one
        return None
    words = _figure_words(query)
    if len(words) != 1:
        return None
    word = words[0]
    return int(word) if word.isdecimal() else number_of(word)


@cache
def _negative() -> re.Pattern[str]:
    """A minus sign before a number (not the hyphen of a range, "3-4", which follows a
    number); compiled when a figure is looked up, not at every start."""
    return re.compile("(?<![0-9A-Za-z])[-\u2212\u2012\u2013\u2014]+\\s*(?=[0-9A-Za-z])")


def _figure_words(query: str) -> list[str]:
    """The words of ``query`` after an optional ``fig`` or ``figure``, numbers as digits."""
    words = lookup_key(query).split()
    return words[1:] if words[:1] and words[0] in _FIGURE_WORDS else words


def find_figure_named(ds: Dataset, query: str) -> Figure:
    """A figure by its number as typed (``3``, ``III``, ``three``, ``fig 3``, ``Figure 3``);
    NotFoundError naming the figures the guide has when it names none of them."""
    typed = check_query(query, "figure number")
    number = figure_number(typed)
    several = _figure_words(typed)
    if number is None and len(several) > 1 and all(number_of(w) for w in several):
        # "Fig. 3-4", as the guide writes two figures together: one is drawn at a time
        each = "; ".join(f"hfs-info figures {w}" for w in several)
        raise UsageError(f"figures draws one figure at a time; {typed!r} is several: {each}")
    if number is None:
        raise NotFoundError(f"{typed!r} is not a figure number; {_figures_known(ds)}")
    if typed == str(number):
        return find_figure(ds, number)
    try:
        return find_figure(ds, number)
    except NotFoundError:
        raise NotFoundError(
            f"no figure {typed!r} (read as {number}); {_figures_known(ds)}"
        ) from None


def reference_for(ds: Dataset, stat: Statistic) -> Reference | None:
    if stat.reference is None:
        return None
    return next(r for r in ds.references if r.id == stat.reference)


def check_query(query: str, what: str, limit: int = MAX_QUERY_LENGTH) -> str:
    """The query, stripped; a usage error when it is empty or longer than ``limit``."""
    stripped = query.strip()
    if not stripped:
        raise UsageError(f"empty {what}: give a word to look up")
    if len(stripped) > limit:
        raise UsageError(f"{what} is too long ({len(stripped)} characters; the limit is {limit})")
    return stripped


# At most this many near misses are offered, closest first: a miss on a large edition must not
# print thousands of names.
MAX_SUGGESTIONS = 5


def kind_of(record: object) -> str:
    """What a record is, as a suggestion names it."""
    if isinstance(record, Medication):
        return "drug"
    return "treatment" if isinstance(record, Treatment) else "term"


class _Guide:
    """The words of the dataset's own text, built only when a lookup is not an exact name: a
    prefix may complete only to a word and a phrase the text never uses otherwise."""

    # Marks where one string of the dataset ends and the next begins: it survives normalize
    # as a word of its own, and no text of a dataset is made of digits and x like this.
    _END = "0x0end0x0"

    def __init__(self, ds: Dataset) -> None:
        # The ASCII strings are normalised in one call (a large edition has tens of thousands
        # of strings, and one pass over the joined text costs a fraction of one call each);
        # the few others one by one, since decomposing accents is slow per character.
        strings = list(_strings(ds))
        plain = f" {self._END} ".join(s for s in strings if s.isascii())
        other = (normalize(s) for s in strings if not s.isascii())
        self.text = f" {f' {self._END} '.join((normalize(plain), *other))} {self._END} "
        self.words = frozenset(self.text.split()) - {self._END}
        self._followers: dict[str, frozenset[str]] = {}
        self._starting: dict[str, frozenset[str]] = {}

    def followers(self, phrase: str) -> frozenset[str]:
        """Each word that follows ``phrase`` in the text ("" where a string ends there)."""
        if phrase not in self._followers:
            found: set[str] = set()
            needle = f" {phrase} "
            at = self.text.find(needle)
            while at >= 0:
                word = self.text[at + len(needle) :].split(" ", 1)[0]
                found.add("" if word == self._END else word)
                at = self.text.find(needle, at + 1)
            self._followers[phrase] = frozenset(found)
        return self._followers[phrase]

    def starting(self, prefix: str) -> frozenset[str]:
        """The words of the text that begin with ``prefix``."""
        if prefix not in self._starting:
            self._starting[prefix] = frozenset(w for w in self.words if w.startswith(prefix))
        return self._starting[prefix]


def _strings(value: object) -> Iterable[str]:
    """Every string of the dataset's own text: not the lookup names, which are spellings
    people type rather than words of the guide."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):  # records are tuples too
        if isinstance(value, GlossaryEntry | Treatment):
            value = value._replace(lookup=())
        for item in value:
            yield from _strings(item)


def _completion(typed: list[str], name: list[str], guide: _Guide) -> bool | None:
    """Whether ``typed`` (normalised words) begins ``name``: None if not, or if completing it
    would cross a number; True if the completion is the only reading the guide's text allows;
    False if the text also uses the typed words for something else (then it is only offered)."""
    size = len(typed)
    if size > len(name) or typed[:-1] != name[: size - 1]:
        return None
    last, target = typed[-1], name[size - 1]
    if not target.startswith(last):
        return None
    partial = last != target
    if partial and (number_of(target) is not None or number_of(last) is not None):
        return None
    rest = name[size:]
    if any(number_of(word) is not None for word in rest):
        return None
    others = len(guide.starting(last)) - (target in guide.starting(last))
    if partial and (last in guide.words or others > 0):
        return False  # "crani" could be cranial, craniotomy or craniectomy
    if rest and not partial and zipf(last) >= COMMON_ZIPF:
        # A word of English that is only the start of a name ("tic" of "tic convulsif") may mean
        # something else outside the guide (a tic is not hemifacial spasm): offered, not applied.
        # A word of the guide's own trade ("microvascular") completes as its start would.
        return False
    # "nerve" alone is not "nerve conduction velocity": the rest must be the only way on.
    return not rest or guide.followers(" ".join(name[:size])) == {rest[0]}


def edit_distance(a: str, b: str, limit: int) -> int:
    """Edit distance (with transpositions), or ``limit + 1`` once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] | None = None
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        new = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            new[j] = min(new[j - 1] + 1, row[j] + 1, row[j - 1] + (ca != cb))
            if before is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                new[j] = min(new[j], before[j - 2] + 1)
        if min(new) > limit:
            return limit + 1
        before, row = row, new
    return row[-1]


def _typo(typed: list[str], name: list[str]) -> bool:
    """Whether the words differ as a slip of the keys would: inside words of four letters or
    more, never by swapping a short word or a letter ("type B" is not "type A")."""
    if len(typed) != len(name):
        return True  # a space typed or missed
    return all(a == b or min(len(a), len(b)) >= 4 for a, b in zip(typed, name, strict=True))


def _numbers(words: list[str]) -> list[int]:
    return sorted(n for w in words if (n := number_of(w)) is not None)


def search_hint(query: str) -> str:
    """Where to look next, as a command to type: the query itself if it is printable on one
    line, else only its words."""
    import shlex

    words = query if query.isprintable() else normalize(query)
    return f"try: hfs-info search {shlex.quote(words)}" if words.strip() else "try: hfs-info search"


def _lookup(
    ds: Dataset,
    records: Sequence[R],
    names: Callable[[R], tuple[str, ...]],
    query: str,
    what: str,
    known: str = "",
    described: Callable[[R], tuple[tuple[str, bool], ...]] | None = None,
) -> R:
    """Exact name (numbers in any form: 7, 7th, seventh, VII), else a prefix that completes to
    one record without crossing a number or a word the guide uses otherwise; otherwise
    NotFoundError offering every record whose names hold all the typed words, near misses,
    and (``described``) the records whose own text names what was typed (``trigeminal
    nerve``, ``CN V``: the entry of trigeminal neuralgia defines it)."""
    typed = check_query(query, what)
    # Fast path: the name as typed, ignoring case only. It finds the same record the normalised
    # match below would (validation forbids two records sharing a lookup key) without
    # normalising every name, which matters for large --data editions.
    folded = typed.casefold()
    for record in records:
        if any(name.casefold() == folded for name in names(record)):
            return record
    wanted = lookup_key(typed)
    where = "in the glossary" if what == "glossary term" else f"a {what} of the guide"
    missing = f"{typed!r} is not {where}{'; ' + known if known else ''}; " + search_hint(typed)
    if not wanted:
        raise NotFoundError(missing)
    index: dict[str, R] = {}
    spelled: dict[str, str] = {}  # each key as the dataset spells it
    keyed: list[tuple[R, list[str]]] = []  # each record with its names' keys, in order
    for record in records:
        keys = [lookup_key(name) for name in names(record)]
        keyed.append((record, keys))
        for name, key in zip(names(record), keys, strict=True):
            if key not in index:
                index[key] = record
                spelled[key] = name

    def label(key: str) -> str:
        """``Tegretol (drug: carbamazepine)``: the name, what it is, and its entry."""
        primary = names(index[key])[0]
        entry = "" if lookup_key(primary) == key else f": {primary}"
        return f"{spelled[key]} ({kind_of(index[key])}{entry})"

    if wanted in index:
        return index[wanted]
    plain = _plainly(wanted)
    if plain in index:
        return index[plain]
    for joined in _numeral_apart(plain):
        if joined in index:  # "CNVII" as "CN VII", as "CN7" is "CN 7"
            return index[joined]
    guide = _Guide(ds)
    words = _numbered(wanted.split())
    sure: dict[int, str] = {}
    offered: list[tuple[int, int, str]] = []  # (rank, closeness, key): the lower the closer
    for key in index:
        found = _completion(words, key.split(), guide)
        if found is True:
            sure.setdefault(id(index[key]), key)
        elif found is False:
            offered.append((_partial(words, key), _closeness(words, key), key))
    if len(sure) == 1:
        return index[next(iter(sure.values()))]
    # Two or more sure completions cannot both be the only reading; they are only offered.
    offered += [(_partial(words, key), _closeness(words, key), key) for key in sure.values()]
    # Every record whose names hold each typed word whole ("nerve": facial nerve and nerve
    # conduction velocity) is offered, never picked: the words may mean something else.
    offered += _holding(words, keyed, index)
    if not all(word in guide.words for word in words):
        # Words of the guide that are not a name here (craniectomy, AVM, 8th nerve) are never
        # "corrected" into another word of the guide: the search finds where the guide uses them.
        offered += _typos(wanted, words, index)
    if described is not None:
        # A record offered by a name keeps that name as its label ("seventh cranial nerve
        # (term: facial nerve)" for "cranial nerve").
        named = {id(index[key]) for _, _, key in offered}
        offered += [
            found
            for found in _described(words, keyed, described)
            if id(index[found[2]]) not in named
        ]
    raise _offer(missing, offered, index, names, label)


_ARTICLES = frozenset(("the", "a", "an"))


# Words that only say a number follows ("cranial nerve no. 7", "nerve number seven").
_NUMBER_WORDS = frozenset(("no", "number", "num", "nr"))


def _numbered(words: list[str]) -> list[str]:
    """``words`` without a word saying that the number after it follows ("no", "number")."""
    return [
        w
        for i, w in enumerate(words)
        if not (i and w in _NUMBER_WORDS and i + 1 < len(words) and words[i + 1].isdigit())
    ]


def _plainly(key: str) -> str:
    """A lookup key without what only frames a name: a leading article ("the facial nerve"),
    a word saying a number follows ("cranial nerve no. 7") and a number written twice in a row
    ("seventh (VII) cranial nerve", as the guide writes it: the key reads both as 7)."""
    words = key.split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    words = _numbered(words)
    kept = [w for i, w in enumerate(words) if not (i and w.isdigit() and w == words[i - 1])]
    return " ".join(kept)


def _numeral_apart(key: str) -> list[str]:
    """``key`` with a Roman numeral typed against the letters before it read apart ("cnvii":
    "cn 7"), each way the word can be cut, longest numeral first; digits typed so are read
    apart by lookup_key already."""
    out = []
    words = key.split()
    for i, word in enumerate(words):
        for cut in range(2, len(word) - 1):
            head, numeral = word[:cut], word[cut:]
            if numeral in ROMAN and head.isalpha():
                n = ROMAN.index(numeral) + 1
                out.append(" ".join([*words[:i], head, str(n), *words[i + 1 :]]))
    return out


# Words that say nothing of what a phrase names: a phrase of a definition is offered only
# when it holds two words besides these ("the nerve" names nothing in particular).
_SLIGHT = frozenset(
    (
        *("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is"),
        *("it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "which", "with"),
    )
)


def _described(
    words: list[str],
    keyed: list[tuple[R, list[str]]],
    described: Callable[[R], tuple[tuple[str, bool], ...]],
) -> list[tuple[int, int, str]]:
    """(rank, closeness, key) of each record whose own text names what was typed: a phrase
    of a definition (``trigeminal nerve``, ``fifth cranial nerve``), or the whole of a text
    such as a drug's class (``muscle relaxants``). A numbered name is also read in the other
    forms the dataset's names give one number (``CN V`` as ``fifth cranial nerve``, since
    the facial nerve answers to CN VII and seventh cranial nerve alike). Offered after
    every name-based near miss."""
    phrases = [words, *_numbered_forms(words, keyed)]
    # What a text must hold for a phrase to be named there: its words that are no number, as
    # the start of a word of the normalised text (a plural's stem). A cheap test that
    # leaves out nearly every text of a large edition before its words are keyed.
    needed = [
        [f" {w.removesuffix('s')}" for w in phrase if not w.isdigit() and w not in _SLIGHT]
        for phrase in phrases
    ]
    numbers = {word for word in words if word.isdigit()}  # one of its spellings, too
    # A phrase of a text must hold two words of substance (_names_phrase); a whole text
    # (a drug's class) may be one word.
    of_substance = any(sum(w not in _SLIGHT for w in phrase) >= 2 for phrase in phrases)
    found: list[tuple[int, int, str]] = []
    for record, keys in keyed:
        for text, whole in described(record):
            if not whole and not of_substance:
                continue
            plain = f" {normalize(text)} "
            if numbers and not all(_spelled(int(n), plain) for n in numbers):
                continue
            near = [
                phrase
                for phrase, need in zip(phrases, needed, strict=True)
                if all(n in plain for n in need)
            ]
            if not near:
                continue
            said = lookup_key(text).split()
            if any(_names_phrase(phrase, said, whole) for phrase in near):
                found.append((3, len(keys[0]), keys[0]))
                break
    return found


def _spelled(n: int, plain: str) -> bool:
    """Whether the normalised text ``plain`` (spaced at both ends) may write the number ``n``:
    its digits anywhere (``cn7`` too), or one of its words whole (``fifth``, ``v``, ``vth``)."""
    if str(n) in plain:
        return True
    if not 1 <= n <= len(ROMAN):
        return False
    ending = {1: "st", 2: "nd", 3: "rd"}.get(n, "th")
    words = (ORDINALS[n - 1], ROMAN[n - 1], CARDINALS[n - 1], ROMAN[n - 1] + ending)
    return any(f" {word} " in plain for word in words)


def _names_phrase(phrase: list[str], said: list[str], whole: bool) -> bool:
    """Whether ``said`` (the key words of a text) names ``phrase``: all of it (``whole``), or
    a run of its words that holds two words of substance."""
    size = len(phrase)
    if whole:
        return size == len(said) and all(map(_same_word, phrase, said))
    if sum(word not in _SLIGHT for word in phrase) < 2:
        return False
    return any(
        all(map(_same_word, phrase, said[start : start + size]))
        for start in range(len(said) - size + 1)
    )


def _numbered_forms(words: list[str], keyed: list[tuple[R, list[str]]]) -> list[list[str]]:
    """The other forms of a name with one number (``cn 5``) that the dataset's names show:
    where one record answers to several names with the same number (``cn 7``, ``cranial
    nerve 7``, ``7 cranial nerve``), each is a form of the others for any number."""
    numbers = [i for i, word in enumerate(words) if word.isdigit()]
    if len(numbers) != 1:
        return []
    at = numbers[0]
    typed = (*words[:at], "#", *words[at + 1 :])
    forms: set[tuple[str, ...]] = set()
    for _, keys in keyed:
        by_number: dict[str, set[tuple[str, ...]]] = {}
        for key in keys:
            parts = key.split()
            digits = [i for i, part in enumerate(parts) if part.isdigit()]
            if len(digits) == 1:
                pattern = (*parts[: digits[0]], "#", *parts[digits[0] + 1 :])
                by_number.setdefault(parts[digits[0]], set()).add(pattern)
        for patterns in by_number.values():
            if typed in patterns:
                forms |= patterns
    forms.discard(typed)
    return [[words[at] if part == "#" else part for part in form] for form in sorted(forms)]


def _partial(words: list[str], key: str) -> int:
    """1 where the last typed word only begins the name's word (offered after names that hold
    every typed word whole), else 0."""
    return int(key.split()[len(words) - 1] != words[-1])


def _closeness(words: list[str], key: str) -> int:
    """How far a name is from the typed words: the words beyond them first, then its length."""
    return (len(key.split()) - len(words)) * 100 + len(key)


def _offer(
    missing: str,
    offered: list[tuple[int, int, str]],
    index: dict[str, R],
    names: Callable[[R], tuple[str, ...]],
    label: Callable[[str], str],
) -> NotFoundError:
    """The miss, offering each record once, closest first (by its closest name), labelled with
    its first name that was offered (the term before an alias, an alias before a lookup name);
    at most MAX_SUGGESTIONS, with the number left out."""
    best: dict[int, tuple[int, int]] = {}
    keys: dict[int, list[str]] = {}
    for rank, closeness, key in offered:
        record = id(index[key])
        best[record] = min(best.get(record, (rank, closeness)), (rank, closeness))
        keys.setdefault(record, []).append(key)
    order = sorted(best, key=best.__getitem__)
    shown = []
    for record in order[:MAX_SUGGESTIONS]:
        own = [lookup_key(name) for name in names(index[keys[record][0]])]
        shown.append(label(min(keys[record], key=lambda k: own.index(k) if k in own else len(own))))
    return NotFoundError(missing, tuple(shown), more=max(0, len(order) - MAX_SUGGESTIONS))


def _same_word(typed: str, word: str) -> bool:
    """Whether a typed word is ``word`` of a name, in the singular or the plural (``spasms``,
    ``relaxant``); a number only as itself."""
    if typed == word:
        return True
    if typed.isdigit() or word.isdigit():
        return False
    return typed + "s" == word or typed == word + "s"


def _holding(
    words: list[str], keyed: list[tuple[R, list[str]]], index: dict[str, R]
) -> list[tuple[int, int, str]]:
    """(rank, closeness, key) of each record one of whose names holds every typed word whole:
    the name shown is its first that does (the term before an alias, an alias before a lookup
    name), and the closest come first (the fewest words and letters beyond those typed)."""
    found: list[tuple[int, int, str]] = []
    stems = [w.removesuffix("s") for w in words]  # in every name that holds the words
    for record, keys in keyed:
        for key in keys:
            if not all(stem in key for stem in stems):
                continue
            parts = key.split()
            if index.get(key) is not record:
                continue
            if all(any(_same_word(w, p) for p in parts) for w in words):
                found.append((0, _closeness(words, key), key))
                break
    return found


def _typos(wanted: str, words: list[str], index: dict[str, R]) -> list[tuple[int, int, str]]:
    """(rank, closeness, key) of each name one slip of the keys from ``wanted``."""
    found: list[tuple[int, int, str]] = []
    limit = 1 if len(wanted) < 12 else 2
    numbers = _numbers(words)
    letters = set(wanted)
    for key in index:
        # Cheap refusals first: one edit changes the length by at most one and the set of
        # letters by at most two.
        if (
            abs(len(key) - len(wanted)) > limit
            or len(letters.symmetric_difference(key)) > 2 * limit
        ):
            continue
        parts = key.split()
        if _numbers(parts) != numbers or not _typo(words, parts):
            continue
        distance = edit_distance(wanted, key, limit)
        if distance <= limit:
            found.append((2, distance, key))
    return found
