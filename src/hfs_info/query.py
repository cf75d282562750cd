"""Lookups and selections over the dataset's records: pure functions, records in, records out.

A lookup either returns a record or raises a domain error (NotFoundError with near misses,
UsageError for an empty or over-long query); it never prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

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
from hfs_info.text import normalize

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

R = TypeVar("R")

# The treatment the drugs of [[medications]] belong to.
MEDICATION = "medication"
# Treatment fields that hold text a reader sees (searched for term mentions).
TREATMENT_TEXT_FIELDS = tuple(attr for attr, _ in TREATMENT_ASPECTS)


def topic_sections(ds: Dataset, topic: str) -> tuple[Section, ...]:
    by_id = {s.id: s for s in ds.sections}
    return tuple(by_id[i] for i in TOPICS[topic] if i in by_id)


def find_treatment(ds: Dataset, query: str) -> Treatment:
    """A treatment by id, name or alias (``mvd``, ``surgery``, ``Botox``, ``medication``); a
    drug's generic or brand name leads to the medication treatment."""
    drugs = tuple(name for m in ds.medications for name in (m.generic, m.brand))

    def names(t: Treatment) -> tuple[str, ...]:
        return (t.id, t.name, *t.aliases, *(drugs if t.id == MEDICATION else ()))

    return _lookup(ds.treatments, names, query, "treatment")


def find_term(ds: Dataset, query: str) -> GlossaryEntry | Medication:
    """A glossary entry by term or alias (``MVD``, ``tic convulsif``, ``Bell’s palsy``), or a
    drug by generic or brand name (``Tegretol`` finds carbamazepine)."""
    records: list[GlossaryEntry | Medication] = [*ds.glossary, *ds.medications]
    return _lookup(records, _term_names, query, "glossary term")


def _term_names(record: GlossaryEntry | Medication) -> tuple[str, ...]:
    if isinstance(record, Medication):
        return (record.generic, record.brand)
    return (record.term, *record.aliases)


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
    known = ", ".join(str(f.number) for f in ds.figures)
    raise NotFoundError(f"no figure {number}; the guide has figures {known}")


def reference_for(ds: Dataset, stat: Statistic) -> Reference | None:
    if stat.reference is None:
        return None
    return next(r for r in ds.references if r.id == stat.reference)


def check_query(query: str, what: str) -> str:
    """The query, stripped; a usage error when it is empty or longer than MAX_QUERY_LENGTH."""
    stripped = query.strip()
    if not stripped:
        raise UsageError(f"empty {what}: give a word to look up")
    if len(stripped) > MAX_QUERY_LENGTH:
        raise UsageError(
            f"{what} is too long ({len(stripped)} characters; the limit is {MAX_QUERY_LENGTH})"
        )
    return stripped


def _lookup(
    records: Sequence[R], names: Callable[[R], tuple[str, ...]], query: str, what: str
) -> R:
    """Exact normalised name, else a unique prefix; otherwise NotFoundError with near misses."""
    typed = check_query(query, what)
    # Fast path: the name as typed, ignoring case only. It finds the same record the normalised
    # match below would (validation forbids two records sharing a normalised name) without
    # normalising every name, which matters for large --data editions.
    folded = typed.casefold()
    for record in records:
        if any(name.casefold() == folded for name in names(record)):
            return record
    wanted = normalize(typed)
    if not wanted:
        raise NotFoundError(f"no {what} matches {query.strip()!r}")
    index: dict[str, R] = {}
    display: dict[str, str] = {}
    for record in records:
        primary, *_ = names(record)
        for name in names(record):
            key = normalize(name)
            index.setdefault(key, record)
            display.setdefault(key, primary)
    if wanted in index:
        return index[wanted]
    prefixed = {id(index[k]): k for k in index if k.startswith(wanted)}
    if len(prefixed) == 1:
        return index[next(iter(prefixed.values()))]
    if prefixed:
        candidates = tuple(sorted({display[k] for k in prefixed.values()}))
        raise NotFoundError(f"{what} {query.strip()!r} is ambiguous", candidates)
    import difflib  # only for a miss

    close = difflib.get_close_matches(wanted, list(index), n=3, cutoff=0.6)
    raise NotFoundError(
        f"no {what} matches {query.strip()!r}", tuple(dict.fromkeys(display[k] for k in close))
    )
