"""The search vocabulary (data/search_vocabulary.toml): the words search adds to a question.

It is data, not code, so that adding a word needs no programming: stop words, the question forms
that say what kind of answer is wanted, word forms the stemmer does not join, and everyday words
for the guide's own. Each mapping says what it is: [forms] and [words] mean the same thing as the
guide's word ("shots" = injections), [related] only something near it ("numb" is not weakness):
search may follow a related word to a passage, but then says the guide does not use the word
typed. It only ever adds search words; it makes no medical claim, and a word it adds finds
nothing unless the guide itself uses it.

tools/compile_data.py validates it and writes it as JSON next to the compiled dataset, which the
tool reads (tests/test_packaging.py keeps the two in step); the TOML is read only if the JSON is
missing, validated the same way.
"""

from functools import cache
from typing import Any, NamedTuple

from hfs_info.errors import DataError
from hfs_info.patterns import deferred

SOURCE_NAME = "search_vocabulary.toml"
COMPILED_NAME = "search_vocabulary.json"
VERSION = 1
# What a question form can ask for: a definition ("what is ..."), a number ("how long ..."), a
# picture ("diagram of ..."), where facts come from ("which study"), the outcome of a treatment
# ("success rate", "how many get better"), or something a patient guide may not say at all
# ("cost", "near me", "on its own", "stand for": "beyond", answered only where the guide uses
# the very words).
# "names": a drug's names are asked ("brand name", "generic name"): the drug record holds them.
# "alternative": another treatment than the ones the question names is asked for ("what else",
# "what next", "the next option"): the treatments named are the ones tried. "choice": choosing
# between the treatments the question names ("which is better", "pros and cons"): the record
# that speaks of them all answers. "meaning": what a word means, asked in those words ("what
# does X mean", "define X"): the glossary term of an entity's name answers. "failing": a
# treatment is said not to work ("don't control", "didn't help", "failed"): of two or more
# treatments named so, another is asked for, as with "alternative" (the words are still searched).
INTENTS = (
    "definition",
    "number",
    "picture",
    "source",
    "outcome",
    "beyond",
    "names",
    "alternative",
    "choice",
    "meaning",
    "failing",
)
# A word or phrase of the vocabulary: lower-case letters and digits, single spaces.
_PHRASE = deferred(r"[a-z0-9]+(?: [a-z0-9]+)*")
# The id of a record search shows ("section:causes", "treatment:mvd/risks").
_RECORD_ID = deferred(r"[a-z]+:[a-z0-9-]+(?:/[a-z_]+)?")


class Vocabulary(NamedTuple):
    stop_words: frozenset[str]
    # words naming what the whole guide is about: they match nearly everything, so a question
    # whose other words the guide never uses ("is hemifacial spasm genetic") has no answer
    subject: frozenset[str]
    # intent -> the phrases that ask for it ("how long" -> number)
    questions: dict[str, tuple[str, ...]]
    # a word form -> the forms of the guide it stands for ("diagnosed" -> "diagnosis")
    forms: dict[str, tuple[str, ...]]
    # an everyday word or phrase -> the guide's words for the same thing ("shots" -> "injections")
    words: dict[str, tuple[str, ...]]
    # a word or phrase -> the guide's words for something only related ("numb" -> "weakness")
    related: dict[str, tuple[str, ...]]
    # words of everyday talk that name no topic ("grandmother", "hi"): never reported as missing
    filler: frozenset[str]
    # document expansion: a search record's id -> questions it answers, in everyday words
    # (searched as one more column of the record, never shown; no new facts: tests/test_search.py)
    asks: dict[str, tuple[str, ...]]
    # a word -> the guide's word(s) for its opposite ("voluntary" -> "involuntary"): followed
    # only when the word itself matches nothing, and always said as the opposite
    opposites: dict[str, tuple[str, ...]]


def problems(raw: Any) -> list[str]:
    """Everything wrong with a parsed vocabulary document (empty when it is valid)."""
    if not isinstance(raw, dict):
        return ["the vocabulary must be a table"]
    out: list[str] = []
    allowed = {"version", "stop_words", "subject", "questions", "forms", "words", "related"}
    allowed |= {"filler"}
    optional = {"asks", "opposites"}
    out += [f"{key}: unknown key" for key in sorted(set(raw) - allowed - optional)]
    out += [f"{key}: missing" for key in sorted(allowed - set(raw))]
    if raw.get("version") != VERSION:
        out.append(f"version: must be {VERSION}")
    stop = raw.get("stop_words", [])
    out += _phrases("stop_words", stop, single=True)
    stop_set = set(stop) if isinstance(stop, list) else set()
    out += _phrases("subject", raw.get("subject", []))
    out += _phrases("filler", raw.get("filler", []), single=True)
    questions = raw.get("questions", {})
    if not isinstance(questions, dict):
        out.append("questions: must be a table")
    else:
        out += [f"questions.{k}: unknown intent" for k in sorted(set(questions) - set(INTENTS))]
        for intent, phrases in questions.items():
            out += _phrases(f"questions.{intent}", phrases)
    mapped: dict[str, str] = {}
    for table in ("forms", "words", "related", "opposites"):
        value = raw.get(table, {})
        if not isinstance(value, dict):
            out.append(f"{table}: must be a table")
            continue
        for key, targets in value.items():
            where = f"{table}.{key!r}"
            if not _PHRASE.fullmatch(key):
                out.append(f"{where}: lower-case words separated by single spaces")
            if key in stop_set:
                out.append(f"{where}: is also a stop word")
            out += _phrases(where, targets)
            if isinstance(targets, list) and key in targets:
                out.append(f"{where}: lists itself")
            if key in mapped:  # one word is either the same thing or related, never both
                out.append(f"{where}: is also in {mapped[key]}")
            mapped[key] = table
    asks = raw.get("asks", {})
    if not isinstance(asks, dict):
        out.append("asks: must be a table")
    else:
        for key, phrases in asks.items():
            if not _RECORD_ID.fullmatch(key):
                out.append(f"asks.{key!r}: not a search record id (kind:id or kind:id/aspect)")
            out += _phrases(f"asks.{key!r}", phrases)
    return out


def _phrases(where: str, value: Any, single: bool = False) -> list[str]:
    if not isinstance(value, list) or not value:
        return [f"{where}: must be a non-empty list of strings"]
    out = []
    for item in value:
        if not isinstance(item, str) or not _PHRASE.fullmatch(item):
            out.append(f"{where}: {item!r} is not lower-case words separated by single spaces")
        elif single and " " in item:
            out.append(f"{where}: {item!r} must be one word")
    if len(set(map(str, value))) != len(value):
        out.append(f"{where}: lists a word twice")
    return out


def construct(raw: dict[str, Any]) -> Vocabulary:
    return Vocabulary(
        frozenset(raw["stop_words"]),
        frozenset(raw["subject"]),
        {k: tuple(v) for k, v in raw["questions"].items()},
        {k: tuple(v) for k, v in raw["forms"].items()},
        {k: tuple(v) for k, v in raw["words"].items()},
        {k: tuple(v) for k, v in raw["related"].items()},
        frozenset(raw["filler"]),
        {k: tuple(v) for k, v in raw.get("asks", {}).items()},
        {k: tuple(v) for k, v in raw.get("opposites", {}).items()},
    )


def parse(data: bytes, source: str) -> Vocabulary:
    import tomli

    try:
        raw = tomli.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomli.TOMLDecodeError) as exc:
        raise DataError(source, [f"cannot be read: {exc}"]) from None
    found = problems(raw)
    if found:
        raise DataError(source, found)
    return construct(raw)


@cache
def load() -> Vocabulary:
    """The packaged vocabulary: the compiled JSON, else the TOML."""
    from hfs_info.store import package_data

    compiled = package_data(COMPILED_NAME)
    if compiled is not None:
        import json

        return construct(json.loads(compiled))  # validated by tools/compile_data.py
    data = package_data(SOURCE_NAME)
    if data is None:  # pragma: no cover - every loader we ship with can read data files
        raise DataError(f"<packaged>/{SOURCE_NAME}", ["cannot be read"])
    return parse(data, f"<packaged>/{SOURCE_NAME}")
