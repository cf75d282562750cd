"""The JSON document of every command, declared once as a typed dict: the views build each
as a dict of these types (checked by mypy; this module is imported only for the schema and
type checking, so a run pays nothing for it), ``views.document`` turns it into JSON, and
schema.py generates the JSON Schema from these same types, so that a field is one edit. A
``NotRequired`` key may be left out. Every document also carries ``kind`` (which command made
it), ``source`` and ``disclaimer`` (views.document), and with --explain ``explained``.
"""

from typing import Annotated, NamedTuple, NotRequired, TypedDict

from hfs_info.models import (
    Figure,
    GlossaryEntry,
    Link,
    Medication,
    Nerve,
    Reference,
    Registry,
    Section,
    Statistic,
    Treatment,
)


class Note(NamedTuple):
    """What the schema says of a field beyond its type (``Annotated[type, Note(...)]``)."""

    description: str | None = None
    minimum: int | None = None
    exclusive_minimum: int | None = None
    enum: str | None = None  # a closed set of values, by name (schema.ENUMS)


class CommandRow(TypedDict):
    command: str
    shows: str


class Home(TypedDict):
    commands: tuple[CommandRow, ...]


class Topic(TypedDict):
    sections: tuple[Section, ...]
    nerve: NotRequired[Nerve]  # the overview's


class Treatments(TypedDict):
    treatments: tuple[Treatment, ...]


class OneTreatment(TypedDict):
    treatment: Treatment
    statistics: tuple[Statistic, ...]
    figures: tuple[Figure, ...]


class DrugNotes(TypedDict):
    """What the guide says of the drugs as a group."""

    side_effects: tuple[str, ...]
    side_effects_intro: str | None
    monitoring: str | None


class Medications(DrugNotes):
    medications: tuple[Medication, ...]


class Drug(DrugNotes):
    drug: Medication


class Stats(TypedDict):
    statistics: tuple[Statistic, ...]
    references: tuple[Reference, ...]


class Glossary(TypedDict):
    glossary: tuple[GlossaryEntry, ...]


class Place(TypedDict):
    command: str
    title: str


class Term(TypedDict):
    term: GlossaryEntry
    appears_in: tuple[Place, ...]


Offset = Annotated[int, Note(minimum=0)]


class Hit(TypedDict):
    rank: Annotated[int, Note(minimum=1)]
    id: Annotated[
        str,
        Note(
            "the record's stable id, KIND:ID or treatment:ID/ASPECT (e.g. treatment:botox/duration)"
        ),
    ]
    score: Annotated[
        float,
        Note(
            "how well the record answers the query; higher is better; compares the results of "
            "one search only",
            exclusive_minimum=0,
        ),
    ]
    kind: Annotated[str, Note(enum="search kinds")]
    title: str
    command: str
    snippet: str
    highlights: Annotated[
        tuple[tuple[Offset, Offset], ...],
        Note("[start, end) character offsets of matches in snippet"),
    ]
    text: Annotated[str, Note("the record's whole text")]


class Unsaid(TypedDict):
    lacks: Annotated[
        str,
        Note(
            "figure: no figure of the kind asked is about them; definition: the guide names "
            "the word but does not say what it is; together: the guide never speaks of them "
            "side by side; aspect: the first result is the aspect asked (side effects, how "
            "long it lasts, risks) of another thing, and the guide does not say it of them; "
            "elsewhere: what is asked (first) is given only of another treatment than the one "
            "named (second); period: the figure is asked at a length of time (first) the "
            "guide never speaks of, of the kind second names (percentage, duration, number); "
            "unused: what the query asks about is a thing the guide never names; "
            "age_limit: an age bound (an age limit, too old) is asked of them, and the guide "
            "gives none; rate: a figure is asked counted per a unit of time (each year, a "
            "year, annually), and the guide counts nothing so; recommend: the best doctor or "
            "place (or one recommended) is asked, and the guide recommends none; names: the "
            "names of things are asked that the guide only counts; if_not: what follows a "
            "condition that does not happen is asked (the condition, as typed), and the guide "
            "never says it does not happen; repeat: whether they can be done again (repeated, "
            "redone) is asked, and no sentence of them says so; lasting: whether they last, or "
            "must be removed or replaced, is asked (permanent, forever, dissolve, replaced), "
            "and no sentence of them says how long they last; until: the length of time until "
            "something comes back (recur, come back) is asked, and the guide gives none",
            enum="search gaps",
        ),
    ]
    about: Annotated[tuple[str, ...], Note("the things the query names, as typed")]


class Search(TypedDict):
    query: str
    unmatched: Annotated[
        tuple[str, ...],
        Note("words of the query the guide never uses (the results match the others)"),
    ]
    read_as: Annotated[
        dict[str, str], Note("each typo of the query and the word of the guide it was read as")
    ]
    related: Annotated[
        dict[str, tuple[str, ...]],
        Note(
            "each word of the query the guide does not use that search followed to the guide's "
            "words for something only related (numb: weakness); the guide does not speak of "
            "the word typed"
        ),
    ]
    opposites: Annotated[
        dict[str, tuple[str, ...]],
        Note(
            "each word of the query the guide does not use that search followed to the guide's "
            "word for its opposite (voluntary: involuntary); the guide says the opposite of "
            "the word typed"
        ),
    ]
    no_figure: Annotated[
        str | None,
        Note(
            "the kind of figure the query asks for (percentage, duration, number, frequency, "
            "age, size, people, or the unit asked a count of: hours) when no answer shown "
            "holds one: the "
            "guide gives "
            "no such figure and the results are only the closest passages; null otherwise"
        ),
    ]
    unsaid: Annotated[
        tuple[Unsaid, ...],
        Note(
            "what the guide does not say of what the query names, though it names it: no "
            "figure of it (no_figure is the kind), not what it is, not the two together, not "
            "the aspect asked, not the two compared, not how it is treated, not whether it "
            "hurts, no picture of it; the results are only the closest passages"
        ),
    ]
    results: tuple[Hit, ...]


class Sources(TypedDict):
    references: tuple[Reference, ...]
    sections: tuple[Section, ...]
    registries: tuple[Registry, ...]
    links: tuple[Link, ...]


class Export(TypedDict):
    sections: tuple[Section, ...]
    nerve: Nerve
    treatments: tuple[Treatment, ...]
    medications: tuple[Medication, ...]
    statistics: tuple[Statistic, ...]
    figures: tuple[Figure, ...]
    registries: tuple[Registry, ...]
    references: tuple[Reference, ...]
    links: tuple[Link, ...]
    glossary: tuple[GlossaryEntry, ...]


class Figures(TypedDict):
    figures: tuple[Figure, ...]


class OneFigure(TypedDict):
    figure: Figure


class Problem(TypedDict):
    message: Annotated[
        str,
        Note("what is wrong, as the plain report says it after the place (key.path: what)"),
    ]
    line: Annotated[
        int | None,
        Note(
            "the line of the file the problem is on (from 1); null when it has no place there "
            "(a key that breaks the schema is named by its key path in message)",
            minimum=1,
        ),
    ]
    column: Annotated[
        int | None, Note("the column on that line (from 1); null with line", minimum=1)
    ]


class Validate(TypedDict):
    path: Annotated[str, Note("the file checked, as given")]
    valid: bool
    problems: Annotated[tuple[Problem, ...], Note("every problem found; empty when valid")]


# Each document's kind (the command that makes it; "topic" stands for every prose command) and
# its payload: what `--format json` can write, and so what the schema describes. The home
# screen (`hfs-info` alone) is text only: its Home payload is for the views, not a document.
KINDS: dict[str, type] = {
    "topic": Topic,
    "treatments": Treatments,
    "treatment": OneTreatment,
    "medications": Medications,
    "stats": Stats,
    "glossary": Glossary,
    "figures": Figures,
    "figure": OneFigure,
    "term": Term,
    "drug": Drug,
    "search": Search,
    "sources": Sources,
    "export": Export,
    "validate": Validate,
}
