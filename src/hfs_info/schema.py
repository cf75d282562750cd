"""The JSON Schema of ``--format json`` output, generated from the record types themselves.

Because it is derived from models.py, a field added to a record appears in the schema at once;
tests validate every command's JSON against it.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from hfs_info import models, payloads, query, search, search_gaps

SCHEMA_ID = "https://hfs-info.invalid/schema/output-1.json"

# Fields computed from a record's other fields and added to its JSON (views.as_data).
COMPUTED: dict[type, dict[str, str]] = {
    models.Statistic: {"display": "The number as a person reads it, e.g. 'about 90%'."},
    models.Reference: {"citation": "The full citation in the source's style."},
}


# The closed sets of values a payload's field may name (payloads.Note.enum).
ENUMS: dict[str, list[str]] = {
    "search kinds": list(search.KINDS),
    "search gaps": list(search_gaps.LACKS),
}


def _type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        inner, *extras = typing.get_args(tp)
        out = _type(inner, defs)
        for note in extras:
            if isinstance(note, payloads.Note):
                out |= _note(note)
        return out
    if models.is_record_type(tp) or typing.is_typeddict(tp):
        defs.setdefault(tp.__name__, _record(tp, defs))
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if origin in (types.UnionType, typing.Union):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return {"anyOf": [_type(inner, defs), {"type": "null"}]}
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type(args[0], defs)}
        # A pair (or any fixed length) of one type.
        return {
            "type": "array",
            "items": _type(args[0], defs),
            "minItems": len(args),
            "maxItems": len(args),
        }
    if origin is dict:
        return {"type": "object", "additionalProperties": _type(typing.get_args(tp)[1], defs)}
    names = {str: "string", int: "integer", float: "number", bool: "boolean"}
    return {"type": names[tp]}


def _note(note: payloads.Note) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if note.enum is not None:
        out = {"enum": ENUMS[note.enum]}  # in place of the type
    if note.minimum is not None:
        out["minimum"] = note.minimum
    if note.exclusive_minimum is not None:
        out["exclusiveMinimum"] = note.exclusive_minimum
    if note.description is not None:
        out["description"] = note.description
    return out


def _record(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    """A record of models.py (every field required) or a payload of payloads.py (its required
    keys), as an object."""
    hints = typing.get_type_hints(cls, include_extras=True)
    properties: dict[str, Any] = {}
    if typing.is_typeddict(cls):
        names = list(hints)
        required = [name for name in names if name in cls.__required_keys__]  # type: ignore[attr-defined]
    else:
        names = list(cls._fields)  # type: ignore[attr-defined]
        required = [models.key_of(cls, name) for name in names]
    for name in names:
        hint = hints[name]
        if typing.get_origin(hint) is typing.NotRequired:
            (hint,) = typing.get_args(hint)
        properties[models.key_of(cls, name)] = _type(hint, defs)
    for name, description in COMPUTED.get(cls, {}).items():
        properties[name] = {"type": "string", "description": description}
        required.append(name)
    return {
        "type": "object",
        "title": cls.__name__,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def output_schema() -> dict[str, Any]:
    """One schema for every command's JSON: an object whose ``kind`` says which shape it has
    (payloads.py declares each shape; views.document builds the document from it)."""
    defs: dict[str, Any] = {}
    common = {"source": _type(models.Provenance, defs), "disclaimer": {"type": "string"}}
    # --explain adds the definitions of the glossary terms the text uses.
    explained = {"explained": {"type": "array", "items": _type(models.GlossaryEntry, defs)}}
    variants = []
    for kind, payload in payloads.KINDS.items():
        names = list(query.PROSE_TOPICS) if kind == "topic" else [kind]
        shape = _record(payload, defs)
        variants.append(
            {
                "type": "object",
                "properties": {
                    "kind": {"enum": names},
                    **shape["properties"],
                    **explained,
                    **common,
                },
                "required": ["kind", *shape["required"], *common],
                "additionalProperties": False,
            }
        )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "hfs-info JSON output",
        "description": "Every `hfs-info ... --format json` document. `kind` names the command; "
        "`source` and `disclaimer` are always present.",
        "oneOf": variants,
        "$defs": defs,
    }
