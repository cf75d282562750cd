"""Every note that the guide lacks something is true (issue 19, round 11).

A note that the guide does not give what was asked must never be said of something the guide
gives. This walks every answerable question of every development set (tests/fixtures: kind not
"none") and checks each note its answer gets against the records themselves, read here with
nothing of the code that wrote the note but the word splitting and the figure reader:

- "Not in the guide: 'w'", "The guide does not mention 'w'": no record uses the word;
- "The guide gives no <figure> for 'x'": no sentence of the records that answer the question
  holds a figure of that kind with every word of x (in the sentence, or its record's title,
  names or context);
- "The guide never speaks of 'a' and 'b' together": no record that answers speaks of both;
- "The guide never compares 'a' and 'b'": no sentence that speaks of both compares;
- "The guide names 'w' but does not say what it is": no record that answers is named by it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hfs_info import search, store
from hfs_info.errors import NotFoundError, UsageError
from hfs_info.search_analysis import WORD, holds_figure, normalize_query
from hfs_info.search_index import index_for

FIXTURES = Path(__file__).parent / "fixtures"
DS = store.load_packaged()
IX = index_for(DS)
ROWS = {e.id: e for e in IX.rows}
# The sentences of each record, each with the words of its record's title, names and context.
SENTENCES = {
    e.id: [(p, f"{e.title} {e.names} {e.context}") for p in e.passages] for e in IX.rows
}
GUIDE_WORDS = {
    w
    for e in IX.rows
    for text in (e.title, e.names, e.context, *e.passages)
    for w in WORD.findall(normalize_query(text))
}
COMPARING = re.compile(
    r"\b(?:than|more|less|better|worse|safer|faster|slower|higher|lower|older|younger)\b",
    re.IGNORECASE,
)


def _words(text: str) -> set[str]:
    return set(WORD.findall(normalize_query(text)))


def _answerable() -> list[tuple[str, str, tuple[str, ...]]]:
    out = []
    for path in sorted(FIXTURES.glob("questions*.tsv")):
        for line in path.read_text("utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            text, _, answers = (part.strip() for part in line.split("\t"))
            if answers != "-":
                out.append((path.name, text, tuple(answers.split())))
    return out


def _speaks(record: str, thing: str) -> bool:
    """Whether a sentence of ``record`` (with its record's title, names, context) holds every
    word of ``thing``."""
    wanted = set(thing.split())
    return any(wanted <= _words(f"{about} {s}") for s, about in SENTENCES[record])


def _false_notes(text: str, answers: tuple[str, ...]) -> list[str]:
    """The notes the answer to ``text`` gets that the records ``answers`` (or the whole guide)
    show to be false."""
    try:
        found = search.answer(DS, text)
    except (NotFoundError, UsageError):
        return []
    wrong: list[str] = []
    for word in found.unmatched:
        if set(word.split()) <= GUIDE_WORDS and " " not in word:
            wrong.append(f"not in the guide: {word!r}, which a record uses")
    for typed, _ in found.related:
        if " " not in typed and typed in GUIDE_WORDS:
            wrong.append(f"does not mention {typed!r}, which a record uses")
    kind = found.no_figure
    for lacks, about in found.unsaid:
        if lacks == "figure" and kind is not None:
            for thing in about:
                for record in answers:
                    for sentence, title in SENTENCES[record]:
                        if holds_figure(kind, f"{ROWS[record].title}. {sentence}", itself=True):
                            if set(thing.split()) <= _words(f"{title} {sentence}"):
                                wrong.append(f"no {kind} for {thing!r}: {record} gives one")
        elif lacks == "together":
            a, b = about
            both = [r for r in answers if _speaks(r, a) and _speaks(r, b)]
            wrong += [f"never {a!r} with {b!r}: {r} speaks of both" for r in both]
        elif lacks == "comparison":
            a, b = about
            for record in answers:
                for sentence, title in SENTENCES[record]:
                    words = _words(f"{title} {sentence}")
                    if set(a.split()) <= words and set(b.split()) <= words:
                        if COMPARING.search(sentence):
                            wrong.append(f"never compares {a!r}, {b!r}: {record} does")
        elif lacks == "definition":
            for word in about:
                named = [r for r in answers if word in _words(f"{ROWS[r].title} {ROWS[r].names}")]
                wrong += [f"does not say what {word!r} is: {r} is about it" for r in named]
    return wrong


QUESTIONS = _answerable()


def test_the_development_sets_hold_answerable_questions() -> None:
    assert len(QUESTIONS) > 2000
    assert all(set(answers) <= set(ROWS) for _, _, answers in QUESTIONS)


def test_no_answerable_question_gets_a_false_note() -> None:
    false = {
        f"{name}: {text!r}": wrong
        for name, text, answers in QUESTIONS
        if (wrong := _false_notes(text, answers))
    }
    assert false == {}


@pytest.mark.parametrize(
    ("text", "answers", "false"),
    [
        # the checks themselves catch what they are meant to
        ("what is the average age at onset", ("section:affected",), []),
    ],
)
def test_the_checks_read_the_records(text: str, answers: tuple[str, ...], false: list[str]) -> None:
    assert _false_notes(text, answers) == false
