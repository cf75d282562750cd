"""Find, read and validate a dataset: TOML in, frozen records (models.py) out.

TOML dicts exist only in this module. Validation is driven by the record classes themselves: each
record field says its type, so the schema is written once. Every problem is collected with its
key path (``glossary[3].definition: expected a string``) so that ``DataError`` can name the first
one and a validator can list them all.
"""

from __future__ import annotations

import math
import types
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache, partial
from typing import Any

from hfs_info import models
from hfs_info.errors import DataError
from hfs_info.models import PERCENT, Dataset

if typing.TYPE_CHECKING:
    from hfs_info.cache import Key as CacheKey

PACKAGED_NAME = "hemifacial_spasm.toml"
# The same dataset compiled to JSON by the build (setup.py); absent from editable installs.
COMPILED_NAME = "hemifacial_spasm.json"
SCHEMA_VERSION = 1

# Closed vocabularies: a value outside these is a schema error, not a new category.
CHOICES: dict[tuple[str, str], frozenset[str]] = {
    ("Medication", "drug_class"): frozenset({"anticonvulsant", "muscle relaxant"}),
    ("GlossaryEntry", "origin"): frozenset({"glossary", "text"}),
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
    ("Provenance", "review_year"): (1000, 9999),
}

# The fields, besides every record's id, that lookups match a user's words against: they may
# hold no invisible character (text.INVISIBLE), so that what a reader sees is the whole name.
NAMES: dict[str, tuple[str, ...]] = {
    "GlossaryEntry": ("term", "aliases"),
    "Treatment": ("name", "aliases"),
    "Medication": ("generic", "brand"),
}

_RULED = {*CHOICES, *NON_EMPTY, *RANGES}

_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}


# A dataset file larger than this is refused before it is read (the shipped one is ~20 KB).
MAX_BYTES = 5 * 1024 * 1024
ENV_VAR = "HFS_INFO_DATA"


def load(path: str | None) -> Dataset:
    """The dataset at ``path`` (from --data or HFS_INFO_DATA), or the packaged one if None."""
    return load_packaged() if path is None else load_file(path)


def load_file(path: str) -> Dataset:
    """Read a dataset file defensively: only a regular file, never more than MAX_BYTES."""
    return load_entry(path)[0]


@cache
def load_entry(path: str) -> tuple[Dataset, CacheKey]:
    """The dataset at ``path`` and its cache key (which also names its search index)."""
    if not path.strip():
        raise DataError("--data", ["the path is empty; give the path of a dataset file"])
    import os
    import stat

    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise DataError(path, ["is a directory, not a dataset file"])
        if not stat.S_ISREG(info.st_mode):
            raise DataError(path, ["is not a regular file (a FIFO, socket or device?)"])
        if info.st_size > MAX_BYTES:
            raise DataError(path, [f"is larger than the {MAX_BYTES // 2**20} MiB limit"])
        from hfs_info import cache

        with open(path, "rb") as handle:
            # Hashed in blocks: when the cache has the dataset, the file is never held whole.
            digest, size = cache.stream_hash(handle, MAX_BYTES)
            if size > MAX_BYTES:  # it grew after stat
                raise DataError(path, [f"is larger than the {MAX_BYTES // 2**20} MiB limit"])
            key = cache.Key.of(path, info.st_size, info.st_mtime_ns, digest)
            with _collector_paused():
                rows = cache.read(key)
                if rows is not None:
                    try:
                        return construct(rows), key
                    except (TypeError, KeyError, AttributeError, ValueError):
                        pass  # an entry of the wrong shape is treated like a missing one
            handle.seek(0)
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise DataError(path, [(exc.strerror or str(exc)).lower()]) from None
    if len(data) > MAX_BYTES:
        raise DataError(path, [f"is larger than the {MAX_BYTES // 2**20} MiB limit"])
    # The entry is stored under the bytes actually parsed, even if the file changed after it
    # was hashed (its new modification time then sends the next run back to the file).
    key = key._replace(digest=cache.digest_of(data))
    dataset = _validated(_read_toml(data, path), path)
    cache.write(key, encode(dataset))
    return dataset, key


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Keep the cyclic garbage collector off a large edition: decoding and building it
    allocates tens of thousands of lists and records, none in a cycle. The collector is paused
    meanwhile, and what exists afterwards is frozen (``gc.freeze``): the records live to the
    end of the run, and without freezing, the collections that their allocation is owed would
    still walk every one of them once the collector is back on (docs/benchmarks.md)."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def load_packaged() -> Dataset:
    """The dataset shipped inside the package (parsed once per process)."""
    return _load_packaged()


@cache
def _load_packaged() -> Dataset:
    compiled = _package_data(COMPILED_NAME)
    if compiled is not None:
        import json

        # The build validated this exact document (setup.py) and refuses to ship a broken one,
        # so it is turned into records without checking it again.
        return construct(json.loads(compiled))
    data = _package_data(PACKAGED_NAME)
    if data is None:  # pragma: no cover - every loader we ship with can read data files
        raise DataError(f"<packaged>/{PACKAGED_NAME}", ["cannot be read"])
    return parse(data, f"<packaged>/{PACKAGED_NAME}")


def _package_data(name: str) -> bytes | None:
    """A file of the ``hfs_info.data`` package, or None if it is not there. Read through the
    package's loader, as ``pkgutil.get_data`` does (wheel, sdist, editable and zip installs
    alike), without importing pkgutil and what it imports (about 2 ms of each start-up)."""
    import os
    from importlib import import_module

    package = import_module("hfs_info.data")  # data/, mapped into the package at install
    get_data = getattr(getattr(package.__spec__, "loader", None), "get_data", None)
    if get_data is None or package.__file__ is None:  # pragma: no cover - not our loaders
        return None
    where = os.path.join(os.path.dirname(package.__file__), name)
    try:
        return bytes(get_data(where))
    except OSError:
        return None


def parse(data: bytes, source: str) -> Dataset:
    """Parse and validate TOML bytes; ``source`` names the file in error messages."""
    return _validated(_read_toml(data, source), source)


def _validated(raw: dict[str, Any], source: str) -> Dataset:
    dataset, problems = build(raw)
    if problems or dataset is None:
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
        raise DataError(f"{source}:{row}:{col}", ["not UTF-8 text"]) from None
    except tomli.TOMLDecodeError as exc:
        line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        where = f"{source}:{line}:{column}" if line is not None else source
        raise DataError(where, [f"malformed TOML: {getattr(exc, 'msg', exc)}"]) from None
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
    # models.py keeps its annotations as real types; should one be a string or a ForwardRef,
    # it is evaluated in the models' namespace, as typing.get_type_hints would.
    namespace = vars(models)
    annotations = cls.__annotations__
    defaults = cls._field_defaults  # type: ignore[attr-defined]

    def resolve(name: str) -> Any:
        annotation = annotations[name]
        source = getattr(annotation, "__forward_arg__", annotation)
        return eval(source, namespace) if isinstance(source, str) else source

    return tuple(
        (name, models.key_of(cls, name), resolve(name), name not in defaults)
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


# --- the compact form: compiled data and cache entries, written after validation -------------
#
# A record is a JSON array of its fields in field order, and a tuple of records is stored by
# columns: one array per field, each holding that field for every record. Decoding thousands of
# glossary entries then makes a handful of lists instead of one per entry, and the records are
# built by a loop in C (map over zip); both halve the time of a large --data edition against
# one array per record (docs/benchmarks.md). models.layout() names the layout an entry holds.


def _inner(tp: Any) -> Any:
    """``X`` for ``X | None``, else ``tp``."""
    if typing.get_origin(tp) in (types.UnionType, typing.Union):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return inner
    return tp


def _item_type(tp: Any) -> Any:
    """``X`` for ``tuple[X, ...]``, else None."""
    return typing.get_args(tp)[0] if typing.get_origin(tp) is tuple else None


def encode(value: Any, tp: Any = Dataset) -> Any:
    """``value`` (of type ``tp``, a validated record by default) in the compact form."""
    if value is None:
        return None
    tp = _inner(tp)
    if models.is_record_type(tp):
        return [encode(v, ftp) for v, (_, _, ftp, _) in zip(value, _fields(tp), strict=True)]
    item = _item_type(tp)
    if item is not None and models.is_record_type(item):
        return [
            [encode(record[i], ftp) for record in value]
            for i, (_, _, ftp, _) in enumerate(_fields(item))
        ]
    return list(value) if item is not None else value


@cache
def _decoder(tp: Any) -> Callable[[Any], Any] | None:
    """A function from the compact form of a ``tp`` (never None) to the value; None when the
    JSON value is the value itself. A malformed form raises TypeError or ValueError."""
    tp = _inner(tp)
    if models.is_record_type(tp):
        return _record_decoder(tp)
    item = _item_type(tp)
    if item is None:
        return None
    if models.is_record_type(item):
        return _records_decoder(item)
    decode_item = _decoder(item)
    if decode_item is None:
        return tuple
    return lambda values: tuple(map(decode_item, values))


def _record_decoder(cls: type) -> Callable[[Any], Any]:
    fields = _fields(cls)
    size = len(fields)
    decoders = tuple(
        (index, decode)
        for index, (_, _, ftp, _) in enumerate(fields)
        if (decode := _decoder(ftp)) is not None
    )
    new = tuple.__new__  # what NamedTuple._make uses, without its Python-level call

    def decode_record(row: Any) -> Any:
        if type(row) is not list or len(row) != size:
            raise TypeError(f"not a {cls.__name__} row")
        for index, decode in decoders:
            value = row[index]
            if value is not None:  # an optional field left out
                row[index] = decode(value)
        return new(cls, row)

    return decode_record


def _records_decoder(cls: type) -> Callable[[Any], Any]:
    fields = _fields(cls)
    size = len(fields)
    decoders = tuple(
        (index, _nullable(decode))
        for index, (_, _, ftp, _) in enumerate(fields)
        if (decode := _decoder(ftp)) is not None
    )
    make = partial(tuple.__new__, cls)

    def decode_records(columns: Any) -> tuple[Any, ...]:
        if type(columns) is not list or len(columns) != size:
            raise TypeError(f"not the columns of {cls.__name__} records")
        count = len(columns[0])
        if any(type(column) is not list or len(column) != count for column in columns):
            raise TypeError(f"columns of {cls.__name__} records differ in length")
        for index, decode in decoders:
            columns[index] = map(decode, columns[index])
        return tuple(map(make, zip(*columns, strict=True)))

    return decode_records


def _nullable(decode: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else decode(value)


def construct(data: Any) -> Dataset:
    """The dataset from its compact form (compiled data, a cache entry), which was written from
    records that passed ``build``: no checks, only shape. A malformed entry raises TypeError,
    KeyError, AttributeError or ValueError; callers then fall back to reading and validating the
    dataset file itself."""
    decode = _decoder(Dataset)
    assert decode is not None
    dataset = decode(data)
    if not isinstance(dataset, Dataset) or not isinstance(dataset.glossary, tuple):
        raise TypeError("not a dataset")
    return dataset


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
    for i, treatment in valid["treatments"]:
        yield from _dangling(f"treatments[{i}].statistics", treatment.statistics, statistics)
        yield from _dangling(f"treatments[{i}].figures", treatment.figures, figures)
    for i, section in valid["sections"]:
        yield from _dangling(f"sections[{i}].figures", section.figures, figures)
    if isinstance(ds.nerve, models.Nerve):
        yield from _dangling("nerve.figure", (ds.nerve.figure,), figures)
    yield from _lookup_clashes(
        "glossary", valid["glossary"], lambda e: (e.term, *_strings(e.aliases))
    )
    yield from _lookup_clashes(
        "treatments", valid["treatments"], lambda t: (t.id, t.name, *_strings(t.aliases))
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
    for the other. One problem for each pair of records."""
    from hfs_info.text import lookalike, normalize

    owner: dict[str, int] = {}
    for i, record in records:
        names = [k for k in keys(record) if isinstance(k, str)]
        found = dict.fromkeys(map(normalize, names))
        if not all(map(str.isascii, names)):  # else lookalike is normalize
            found.update(dict.fromkeys(map(lookalike, names)))
        reported: set[int] = set()
        for key in found:
            other = owner.setdefault(key, i)
            if other != i and other not in reported:
                reported.add(other)
                yield f"{name}[{i}]: name {key!r} is also used by {name}[{other}]"
