"""Immutable record types of the dataset: the only shape the rest of the program sees.

Field order and names are the TOML schema (dataset.py validates against these classes), and the
JSON output (render/json.py) uses the same names. A field with a default is optional in the TOML;
TOML_KEYS names a TOML key that is not a Python identifier (``class``).

Records are typed NamedTuples rather than frozen dataclasses for start-up time: a frozen
dataclass is several times as costly to create (docs/benchmarks.md), and every run creates all
of them. For the same reason this module does not use ``from __future__ import annotations``:
NamedTuple turns string annotations into ForwardRefs, which makes the classes slower to create.
Being tuples, records compare as tuples: two records of different types with equal fields are
equal (``Link("a", "b", "c") == ("a", "b", "c")``); compare types too where that matters.
"""

from typing import Any, NamedTuple

PERCENT = "percent"

# The aspects of a treatment a reader sees, as (attribute, label), in display order: the one list
# that `treatments NAME` (views.DETAIL), the term cross-links (query.TREATMENT_TEXT_FIELDS) and
# search (one record per aspect) all derive from.
TREATMENT_ASPECTS: tuple[tuple[str, str], ...] = (
    ("summary", "In short"),
    ("when_used", "When it is used"),
    ("how_it_works", "How it works"),
    ("how_given", "How it is given"),
    ("onset", "How soon it works"),
    ("duration", "How long it lasts"),
    ("recovery", "Recovery"),
    ("results", "Results"),
    ("side_effects", "Side effects"),
    ("findings", "At surgery"),
    ("risks", "Risks"),
    ("limitations", "Limitations"),
    ("monitoring", "Monitoring"),
)

# Record fields whose TOML (and JSON) key differs from the attribute name.
TOML_KEYS: dict[str, dict[str, str]] = {"Medication": {"drug_class": "class"}}


def is_record_type(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields")


def is_record(value: Any) -> bool:
    return is_record_type(type(value))


def key_of(cls: type, name: str) -> str:
    """The TOML/JSON key of attribute ``name`` of record class ``cls``."""
    return TOML_KEYS.get(cls.__name__, {}).get(name, name)


class Contact(NamedTuple):
    name: str
    phone: str
    purpose: str


class Provenance(NamedTuple):
    title: str
    publisher: str
    series: str
    reviewer: str
    reviewer_affiliation: str
    updated: str  # month and year, as "July 2018": the guide gives no review date
    standard: str
    copyright: str
    disclaimer: str
    notice: str
    contact: Contact

    @property
    def updated_year(self) -> int:
        """The year of ``updated`` (validation requires it to end in one)."""
        return int(self.updated.split()[-1])


class Section(NamedTuple):
    id: str
    title: str
    paragraphs: tuple[str, ...]
    points: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()


class Nerve(NamedTuple):
    id: str
    name: str
    also_called: tuple[str, ...]
    cranial_number: int
    origin: str
    exit: str
    main_branches: int
    kind: str
    controls: tuple[str, ...]
    figure: str


class Brief(NamedTuple):
    """Short forms of a treatment's texts, for the comparison that must fit a screen
    (`hfs-info treatments`). Each shortens the long field(s) named in BRIEF_SOURCES and keeps
    every hedge and number of them; validation refuses one whose long text is not given, so a
    short form never says what the full view does not. Where one is left out, the comparison
    shows the long text."""

    how_given: str | None = None
    onset: str | None = None
    duration: str | None = None
    results: str | None = None
    risks: str | None = None  # risks and side effects, with what is done about them
    recovery: str | None = None


# The long fields (Treatment attributes) each short form of Brief shortens.
BRIEF_SOURCES: dict[str, tuple[str, ...]] = {
    "how_given": ("how_given",),
    "onset": ("onset",),
    "duration": ("duration",),
    "results": ("results",),
    "risks": ("side_effects", "risks", "monitoring"),
    "recovery": ("recovery",),
}


class Treatment(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    summary: str
    how_it_works: str
    how_given: str
    side_effects: tuple[str, ...]
    # How the guide frames the list ("For example", "They include"): shown before the items, so
    # a list of examples never reads as complete.
    side_effects_intro: str | None = None
    when_used: str | None = None
    onset: str | None = None
    duration: str | None = None
    recovery: str | None = None
    results: str | None = None
    findings: str | None = None
    risks: str | None = None
    limitations: str | None = None
    monitoring: str | None = None
    statistics: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    brief: Brief | None = None
    # Other names a lookup answers to (spellings people type: "drug", "muscle relaxant"). Not
    # shown as the treatment's names; reviewed like every name (dataset.NAMES).
    lookup: tuple[str, ...] = ()


class Medication(NamedTuple):
    id: str
    generic: str
    brand: str
    drug_class: str  # TOML key "class" (TOML_KEYS)
    purpose: str | None = None


class TimeSpan(NamedTuple):
    """When a figure holds: ``after 2 months``, ``within 1 month of surgery``."""

    relation: str  # "after" or "within" (dataset.CHOICES)
    value: float
    unit: str
    since: str | None = None  # the event counted from, where the guide names one

    @property
    def display(self) -> str:
        span = f"{_number(self.value)} {self.unit}"
        if not self.since:
            return f"{self.relation} {span}"
        if self.relation == "after":  # "2 months after surgery"
            return f"{span} after {self.since}"
        return f"{self.relation} {span} of {self.since}"


class Statistic(NamedTuple):
    id: str
    value: float
    unit: str
    measure: str
    population: str
    group: str
    section: str
    max_value: float | None = None
    approximate: bool = False
    reference: str | None = None
    timeframe: TimeSpan | None = None

    @property
    def described(self) -> str:
        """What the figure measures, with its time span: ``patients who ... after 2 months``."""
        if self.timeframe is None:
            return self.measure
        return f"{self.measure} {self.timeframe.display}"

    @property
    def display(self) -> str:
        """The number as a person reads it: ``92%``, ``about 90%``, ``1 to 3 injections``."""
        number = _number(self.value)
        if self.max_value is not None:
            number = f"{number} to {_number(self.max_value)}"
        text = f"{number}%" if self.unit == PERCENT else f"{number} {self.unit}"
        return f"about {text}" if self.approximate else text


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


class Figure(NamedTuple):
    id: str
    number: int
    caption: str
    layout: str  # how `figures N` draws it (dataset.CHOICES)
    labels: tuple[str, ...]  # the words the drawing labels, from the caption


class Registry(NamedTuple):
    id: str
    name: str
    url: str
    sponsors: str


class Reference(NamedTuple):
    id: str
    number: int
    authors: tuple[str, ...]
    title: str
    journal: str
    volume: str
    pages: str
    year: int
    et_al: bool = False

    @property
    def citation(self) -> str:
        """The citation in the source's own style (Vancouver-like)."""
        authors = ", ".join(self.authors) + (", et al." if self.et_al else "")
        return f"{authors}: {self.title}. {self.journal} {self.volume}:{self.pages}, {self.year}."


class Link(NamedTuple):
    id: str
    name: str
    url: str


class GlossaryEntry(NamedTuple):
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...]
    origin: str
    # Other names a lookup answers to (spellings people type: "electromyography", "hemifacial
    # spasms"). Not shown as the entry's names; reviewed like every name (dataset.NAMES).
    lookup: tuple[str, ...] = ()


class Dataset(NamedTuple):
    schema_version: int
    provenance: Provenance
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
