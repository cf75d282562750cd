"""Read and validate a dataset: TOML in, frozen records (models.py) out.

TOML dicts exist only in this module; it touches no files (store.py finds and reads them).
Validation is driven by the record classes themselves: each
record field says its type, so the schema is written once. Every problem is collected with its
key path (``glossary[3].definition: expected a string``) so that ``DataError`` can name the first
one and a validator can list them all.

The build (setup.py) imports this module in an environment that has only setuptools: keep its
top-level imports to the standard library and hfs_info's own leaf modules.
"""

from __future__ import annotations

import math
import re
import types
import typing
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from hfs_info import models
from hfs_info.errors import DataError
from hfs_info.models import PERCENT, Dataset

SCHEMA_VERSION = 1

# Closed vocabularies: a value outside these is a schema error, not a new category.
CHOICES: dict[tuple[str, str], frozenset[str]] = {
    ("Medication", "drug_class"): frozenset({"anticonvulsant", "muscle relaxant"}),
    ("GlossaryEntry", "origin"): frozenset({"glossary", "text"}),
    ("TimeSpan", "relation"): frozenset({"after", "within"}),
    ("Figure", "layout"): frozenset(
        {"nerve-branches", "skull-opening", "compression", "decompression"}
    ),
}

# Arrays that a command cannot do without (a citation names its first author; a section is its
# paragraphs): an empty one is a schema error. Any other array may be empty.
NON_EMPTY: frozenset[tuple[str, str]] = frozenset(
    {("Reference", "authors"), ("Section", "paragraphs")}
)

# Bounds (inclusive) of the integers that size a drawing or a list (`figures 1` draws one line
# per branch), that a citation prints as a year, or that a command takes as an argument.
RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("Nerve", "main_branches"): (1, 20),
    ("Nerve", "cranial_number"): (1, 12),
    ("Figure", "number"): (1, 999),
    ("Reference", "number"): (1, 999),
    ("Reference", "year"): (1000, 9999),
}

# The fields, besides every record's id, that lookups match a user's words against: they may
# hold no invisible character (text.INVISIBLE), so that what a reader sees is the whole name.
NAMES: dict[str, tuple[str, ...]] = {
    "GlossaryEntry": ("term", "aliases", "lookup"),
    "Treatment": ("name", "aliases", "lookup"),
    "Medication": ("generic", "brand"),
}

_RULED = {*CHOICES, *NON_EMPTY, *RANGES}

_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}


def parse(data: bytes, source: str) -> Dataset:
    """Parse and validate TOML bytes; ``source`` names the file in error messages."""
    return validated(_read_toml(data, source), source)


def validated(raw: dict[str, Any], source: str) -> Dataset:
    """The records of a parsed document, or DataError listing every problem."""
    dataset, problems = build(raw)
    if problems or dataset is None:
        raise DataError(source, problems or ["invalid dataset"])
    return dataset


def trusted(raw: dict[str, Any], source: str) -> Dataset:
    """The records of the packaged, compiled dataset: converted to typed records as any file
    is, without the cross-record rules, which tools/compile_data.py ran when it wrote the file
    and tests/test_packaging.py runs on it again (they cost a search about a millisecond)."""
    problems: list[str] = []
    dataset = _convert(Dataset, raw, "", problems)
    if problems or not isinstance(dataset, Dataset):
        raise DataError(source, problems or ["invalid dataset"])
    return dataset


def _read_toml(data: bytes, source: str) -> dict[str, Any]:
    import tomli

    if data.startswith(b"\xef\xbb\xbf"):
        raise DataError(source, ["starts with a byte-order mark; save it as UTF-8 without BOM"])
    try:
        raw = tomli.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        row = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataError(source, ["not UTF-8 text"], row, col) from None
    except tomli.TOMLDecodeError as exc:
        line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        problem = f"malformed TOML: {getattr(exc, 'msg', exc)}"
        if data.lstrip()[:1] in (b"{", b"["):  # the package's compiled JSON copy, say
            problem += " (it looks like JSON; a dataset file is TOML, as the shipped edition is)"
        raise DataError(source, [problem], line, column) from None
    except RecursionError:
        raise DataError(source, ["nesting too deep to read"]) from None
    if not raw:
        raise DataError(source, ["the file has no data (it is empty or only comments)"])
    return raw


def build(raw: dict[str, Any]) -> tuple[Dataset | None, list[str]]:
    """Turn a parsed TOML document into a Dataset, or report every problem found."""
    problems: list[str] = []
    dataset = _convert(Dataset, raw, "", problems)
    # Cross-record rules run even when some records are malformed, so that `validate` can list
    # every problem at once; they skip whatever could not be read as the right type.
    if isinstance(dataset, Dataset):
        problems.extend(_cross_check(dataset))
    if problems:
        return None, problems
    assert isinstance(dataset, Dataset)
    return dataset, []


# --- structural conversion -----------------------------------------------------------------


@cache
def _fields(cls: type) -> tuple[tuple[str, str, Any, bool], ...]:
    """(attribute, TOML key, type, required) for each field of a record class."""
    # models.py keeps real types as annotations (no ``from __future__ import annotations``).
    annotations = cls.__annotations__
    defaults = cls._field_defaults  # type: ignore[attr-defined]
    return tuple(
        (name, models.key_of(cls, name), annotations[name], name not in defaults)
        for name in cls._fields  # type: ignore[attr-defined]
    )


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _convert(tp: Any, value: Any, path: str, problems: list[str]) -> Any:
    origin = typing.get_origin(tp)
    if models.is_record_type(tp):
        return _convert_record(tp, value, path, problems)
    if origin in (types.UnionType, typing.Union):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(inner, value, path, problems)
    if origin is tuple:
        if not isinstance(value, list):
            problems.append(f"{path}: expected an array")
            return ()
        inner = typing.get_args(tp)[0]
        return tuple(_convert(inner, v, f"{path}[{i}]", problems) for i, v in enumerate(value))
    return _convert_scalar(tp, value, path, problems)


def _convert_scalar(tp: Any, value: Any, path: str, problems: list[str]) -> Any:
    if tp is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if ok and not math.isfinite(value):
            problems.append(f"{path}: expected a finite number, got {value}")
            return value
    elif tp is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, tp)
    if not ok:
        problems.append(f"{path}: expected {_TYPE_NAMES[tp]}, got {_describe(value)}")
    elif tp is str and not value.strip():  # every string is shown or looked up: never blank
        got = "only whitespace" if value else "an empty string"
        problems.append(f"{path}: expected text, got {got}")
    return value


def _convert_record(cls: type, value: Any, path: str, problems: list[str]) -> Any:
    where = path or "the top level"
    if not isinstance(value, dict):
        problems.append(f"{where}: expected a table, got {_describe(value)}")
        return None
    fields = _fields(cls)
    known = {key for _, key, _, _ in fields}
    problems.extend(f"{_join(path, key)}: unknown key" for key in value if key not in known)
    kwargs: dict[str, Any] = {}
    for name, key, tp, required in fields:
        if key not in value:
            if required:
                problems.append(f"{_join(path, key)}: missing")
            continue
        converted = _convert(tp, value[key], _join(path, key), problems)
        if (cls.__name__, name) in _RULED:
            problems.extend(_field_rules(cls.__name__, name, converted, _join(path, key)))
        kwargs[name] = converted
    try:
        return cls(**kwargs)
    except TypeError:  # a required field was missing: already reported above
        return None


def _field_rules(cls: str, name: str, value: Any, path: str) -> Iterator[str]:
    """What CHOICES, NON_EMPTY and RANGES say of field ``name`` of a ``cls`` record."""
    choices = CHOICES.get((cls, name))
    if choices is not None and isinstance(value, str) and value not in choices:
        yield f"{path}: {value!r} is not one of: {', '.join(sorted(choices))}"
    if (cls, name) in NON_EMPTY and value == ():
        yield f"{path}: expected at least one item, got an empty array"
    bounds = RANGES.get((cls, name))
    if bounds is not None and type(value) is int and not bounds[0] <= value <= bounds[1]:
        yield f"{path}: {value} is outside {bounds[0]}-{bounds[1]}"


def _describe(value: Any) -> str:
    names = {
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        list: "an array",
        dict: "a table",
    }
    import datetime

    if isinstance(value, datetime.datetime):
        return "a date-time"
    if isinstance(value, datetime.date):
        return "a date"
    if isinstance(value, datetime.time):
        return "a time"
    return names.get(type(value), type(value).__name__)


# --- cross-record rules ----------------------------------------------------------------------


def _valid(records: Any, cls: type) -> list[tuple[int, Any]]:
    """(index, record) for the records that were read as ``cls`` (malformed ones are None)."""
    if not isinstance(records, tuple):
        return []
    return [(i, r) for i, r in enumerate(records) if isinstance(r, cls)]


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(v for v in values if isinstance(v, str)) if isinstance(values, tuple) else ()


def _cross_check(ds: Dataset) -> Iterator[str]:
    if isinstance(ds.schema_version, int) and ds.schema_version != SCHEMA_VERSION:
        yield f"schema_version: expected {SCHEMA_VERSION}, got {ds.schema_version}"
    collections: dict[str, tuple[type, Any]] = {
        "sections": (models.Section, ds.sections),
        "treatments": (models.Treatment, ds.treatments),
        "medications": (models.Medication, ds.medications),
        "statistics": (models.Statistic, ds.statistics),
        "figures": (models.Figure, ds.figures),
        "registries": (models.Registry, ds.registries),
        "references": (models.Reference, ds.references),
        "links": (models.Link, ds.links),
        "glossary": (models.GlossaryEntry, ds.glossary),
    }
    updated = getattr(ds.provenance, "updated", None)
    # Citations take the year (and month) from it; the guide gives no other date.
    # (A blank value is already reported as such.)
    if isinstance(updated, str) and updated.strip() and not re.fullmatch(r"(\S+ )?\d{4}", updated):
        yield f"provenance.updated: expected a month and year as 'July 2018', got {updated!r}"
    valid = {name: _valid(records, cls) for name, (cls, records) in collections.items()}
    for name, records in valid.items():
        yield from _duplicates(name, records, lambda r: r.id, "id")
        yield from _invisible_in_names(name, collections[name][0], records)
    yield from _duplicates("figures", valid["figures"], lambda r: r.number, "number")
    yield from _duplicates("references", valid["references"], lambda r: r.number, "number")

    references = {r.id for _, r in valid["references"]}
    figures = {f.id for _, f in valid["figures"]}
    statistics = {s.id for _, s in valid["statistics"]}
    sections = {s.id for _, s in valid["sections"]} | {"treatments"}

    for i, stat in valid["statistics"]:
        where = f"statistics[{i}]"
        if isinstance(stat.reference, str) and stat.reference not in references:
            yield f"{where}.reference: no reference with id {stat.reference!r}"
        if isinstance(stat.section, str) and stat.section not in sections:
            yield f"{where}.section: no section with id {stat.section!r}"
        numbers = {"value": stat.value, "max_value": stat.max_value}
        for key, number in numbers.items():
            if not _finite(number):
                continue
            if number < 0:
                yield f"{where}.{key}: {number} is negative"
            elif stat.unit == PERCENT and number > 100:
                yield f"{where}.{key}: {number} is outside 0-100 for a percentage"
        if _finite(stat.value) and _finite(stat.max_value) and stat.max_value < stat.value:
            yield f"{where}.max_value: {stat.max_value} is less than value {stat.value}"
        span = stat.timeframe
        if isinstance(span, models.TimeSpan) and _finite(span.value) and span.value <= 0:
            yield f"{where}.timeframe.value: {span.value} is not a positive time span"
    for i, treatment in valid["treatments"]:
        yield from _brief_without_source(f"treatments[{i}]", treatment)
        yield from _dangling(f"treatments[{i}].statistics", treatment.statistics, statistics)
        yield from _dangling(f"treatments[{i}].figures", treatment.figures, figures)
    for i, section in valid["sections"]:
        yield from _dangling(f"sections[{i}].figures", section.figures, figures)
    if isinstance(ds.nerve, models.Nerve):
        yield from _dangling("nerve.figure", (ds.nerve.figure,), figures)
    yield from _lookup_clashes(
        "glossary",
        valid["glossary"],
        lambda e: (e.term, *_strings(e.aliases), *_strings(e.lookup)),
    )
    yield from _lookup_clashes(
        "treatments",
        valid["treatments"],
        lambda t: (t.id, t.name, *_strings(t.aliases), *_strings(t.lookup)),
    )


def _brief_without_source(path: str, treatment: models.Treatment) -> Iterator[str]:
    """A short form where the treatment gives no long text would say, on the comparison,
    something its full view does not."""
    brief = treatment.brief
    if not isinstance(brief, models.Brief):
        return
    for name, short in zip(brief._fields, brief, strict=True):
        sources = models.BRIEF_SOURCES[name]
        if short is not None and not any(getattr(treatment, s) for s in sources):
            given = " or ".join(sources)
            yield (
                f"{path}.brief.{name}: a short form of a text the treatment does not give ({given})"
            )


def _finite(number: Any) -> bool:
    return (
        isinstance(number, int | float) and not isinstance(number, bool) and math.isfinite(number)
    )


def _duplicates(
    name: str, records: list[tuple[int, Any]], key: Callable[[Any], Any], label: str
) -> Iterator[str]:
    seen: dict[Any, int] = {}
    for i, record in records:
        value = key(record)
        if not isinstance(value, str | int):
            continue
        if value in seen:
            yield f"{name}[{i}].{label}: duplicate {value!r} (first at {name}[{seen[value]}])"
        else:
            seen[value] = i


def _dangling(path: str, ids: Any, known: set[str]) -> Iterator[str]:
    if not isinstance(ids, tuple):
        return
    for j, ref in enumerate(ids):
        if isinstance(ref, str) and ref not in known:
            yield f"{path}[{j}]: no record with id {ref!r}"


def _invisible_in_names(name: str, cls: type, records: list[tuple[int, Any]]) -> Iterator[str]:
    """A name with an invisible character would look like another, or like itself without it:
    refused outright, wherever it sits in the name."""
    from hfs_info.text import invisible

    fields = ("id", *NAMES.get(cls.__name__, ()))
    values = [getattr(r, f) for _, r in records for f in fields]
    texts = [t for v in values for t in (v if isinstance(v, tuple) else (v,))]
    if all(not isinstance(t, str) or t.isascii() for t in texts):
        return  # the common case, a large edition included: nothing to look for
    for i, record in records:
        for field in fields:
            value = getattr(record, field)
            items = enumerate(value) if isinstance(value, tuple) else [(None, value)]
            for j, text in items:
                found = invisible(text) if isinstance(text, str) else []
                if found:
                    where = f"{name}[{i}].{field}" + ("" if j is None else f"[{j}]")
                    shown = ", ".join(dict.fromkeys(found))
                    yield f"{where}: invisible character {shown} in a name"


def _lookup_clashes(
    name: str, records: list[tuple[int, Any]], keys: Callable[[Any], tuple[Any, ...]]
) -> Iterator[str]:
    """Two records answering to the same name would make a lookup ambiguous, and two whose
    names look the same (text.lookalike: NFKC, case, invisible characters) would let one pass
    for the other. Numbers count as written alike in any form (text.lookup_key: 7th, seventh,
    VII). One problem for each pair of records."""
    from hfs_info.text import lookalike, lookup_key

    owner: dict[str, int] = {}
    for i, record in records:
        names = [k for k in keys(record) if isinstance(k, str)]
        found = dict.fromkeys(map(lookup_key, names))
        if not all(map(str.isascii, names)):  # else lookalike is lookup_key
            found.update(dict.fromkeys(map(lookalike, names)))
        reported: set[int] = set()
        for key in found:
            other = owner.setdefault(key, i)
            if other != i and other not in reported:
                reported.add(other)
                yield f"{name}[{i}]: name {key!r} is also used by {name}[{other}]"
