"""Frozen record types of the dataset: the only shape the rest of the program sees.

Field order and names are the TOML schema (dataset.py validates against these classes), and the
JSON output (render/json.py) uses the same names. A field with a default is optional in the TOML;
a field metadata ``key`` names a TOML key that is not a Python identifier (``class``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

PERCENT = "percent"


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    phone: str
    purpose: str


@dataclass(frozen=True, slots=True)
class Provenance:
    title: str
    publisher: str
    series: str
    reviewer: str
    reviewer_affiliation: str
    updated: str
    review_year: int
    standard: str
    copyright: str
    disclaimer: str
    notice: str
    contact: Contact


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    paragraphs: tuple[str, ...]
    points: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Nerve:
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


@dataclass(frozen=True, slots=True)
class Treatment:
    id: str
    name: str
    aliases: tuple[str, ...]
    summary: str
    how_it_works: str
    how_given: str
    side_effects: tuple[str, ...]
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


@dataclass(frozen=True, slots=True)
class Medication:
    id: str
    generic: str
    brand: str
    drug_class: str = field(metadata={"key": "class"})
    purpose: str | None = None


@dataclass(frozen=True, slots=True)
class Statistic:
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

    @property
    def display(self) -> str:
        """The figure as a person reads it: ``92%``, ``about 90%``, ``1 to 3 injections``."""
        number = _number(self.value)
        if self.max_value is not None:
            number = f"{number} to {_number(self.max_value)}"
        text = f"{number}%" if self.unit == PERCENT else f"{number} {self.unit}"
        return f"about {text}" if self.approximate else text


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


@dataclass(frozen=True, slots=True)
class Figure:
    id: str
    number: int
    caption: str


@dataclass(frozen=True, slots=True)
class Registry:
    id: str
    name: str
    url: str
    sponsors: str


@dataclass(frozen=True, slots=True)
class Reference:
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


@dataclass(frozen=True, slots=True)
class Link:
    id: str
    name: str
    url: str


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...]
    origin: str


@dataclass(frozen=True, slots=True)
class Dataset:
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
