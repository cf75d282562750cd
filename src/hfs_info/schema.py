"""The JSON Schema of ``--format json`` output, generated from the record types themselves.

Because it is derived from models.py, a field added to a record appears in the schema at once;
tests validate every command's JSON against it.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from hfs_info import models, query, search

SCHEMA_ID = "https://hfs-info.invalid/schema/output-1.json"

# Fields computed from a record's other fields and added to its JSON (views.as_data).
COMPUTED: dict[type, dict[str, str]] = {
    models.Statistic: {"display": "The number as a person reads it, e.g. 'about 90%'."},
    models.Reference: {"citation": "The full citation in the source's style."},
}


def _type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if models.is_record_type(tp):
        defs.setdefault(tp.__name__, _record(tp, defs))
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if origin in (types.UnionType, typing.Union):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return {"anyOf": [_type(inner, defs), {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _type(typing.get_args(tp)[0], defs)}
    names = {str: "string", int: "integer", float: "number", bool: "boolean"}
    return {"type": names[tp]}


def _record(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(models))
    properties: dict[str, Any] = {}
    for name in cls._fields:  # type: ignore[attr-defined]
        properties[models.key_of(cls, name)] = _type(hints[name], defs)
    for name, description in COMPUTED.get(cls, {}).items():
        properties[name] = {"type": "string", "description": description}
    return {
        "type": "object",
        "title": cls.__name__,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _array(name: str, defs: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": _type(getattr(models, name), defs)}


def output_schema() -> dict[str, Any]:
    """One schema for every command's JSON: an object whose ``kind`` says which shape it has."""
    defs: dict[str, Any] = {}
    text = {"type": "string"}
    kinds: dict[str, dict[str, Any]] = {
        "home": {
            "commands": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"command": text, "shows": text},
                    "required": ["command", "shows"],
                    "additionalProperties": False,
                },
            }
        },
        "topic": {
            "sections": _array("Section", defs),
            "nerve": _type(models.Nerve, defs),
        },
        "treatments": {"treatments": _array("Treatment", defs)},
        "treatment": {
            "treatment": _type(models.Treatment, defs),
            "statistics": _array("Statistic", defs),
            "figures": _array("Figure", defs),
        },
        "medications": {
            "medications": _array("Medication", defs),
            "side_effects": {"type": "array", "items": text},
            "side_effects_intro": {"anyOf": [text, {"type": "null"}]},
            "monitoring": {"anyOf": [text, {"type": "null"}]},
        },
        "stats": {
            "statistics": _array("Statistic", defs),
            "references": _array("Reference", defs),
        },
        "glossary": {"glossary": _array("GlossaryEntry", defs)},
        "figures": {"figures": _array("Figure", defs)},
        "figure": {"figure": _type(models.Figure, defs)},
        "term": {
            "term": _type(models.GlossaryEntry, defs),
            "appears_in": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"command": text, "title": text},
                    "required": ["command", "title"],
                    "additionalProperties": False,
                },
            },
        },
        "drug": {
            "drug": _type(models.Medication, defs),
            "side_effects": {"type": "array", "items": text},
            "side_effects_intro": {"anyOf": [text, {"type": "null"}]},
            "monitoring": {"anyOf": [text, {"type": "null"}]},
        },
        "search": {
            "query": text,
            "unmatched": {
                "type": "array",
                "items": text,
                "description": "words of the query the guide never uses (the results match "
                "the others)",
            },
            "read_as": {
                "type": "object",
                "additionalProperties": text,
                "description": "each typo of the query and the word of the guide it was read as",
            },
            "related": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": text},
                "description": "each word of the query the guide does not use that search "
                "followed to the guide's words for something only related (numb: weakness); "
                "the guide does not speak of the word typed",
            },
            "results": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "rank": {"type": "integer", "minimum": 1},
                        "id": {
                            "type": "string",
                            "description": "the record's stable id, KIND:ID or "
                            "treatment:ID/ASPECT (e.g. treatment:botox/duration)",
                        },
                        "score": {
                            "type": "number",
                            "exclusiveMinimum": 0,
                            "description": "how well the record answers the query; higher is "
                            "better; compares the results of one search only",
                        },
                        "kind": {"enum": list(search.KINDS)},
                        "title": text,
                        "command": text,
                        "snippet": text,
                        "text": {**text, "description": "the record's whole text"},
                        "highlights": {
                            "type": "array",
                            "description": "[start, end) character offsets of matches in snippet",
                            "items": {
                                "type": "array",
                                "items": {"type": "integer", "minimum": 0},
                                "minItems": 2,
                                "maxItems": 2,
                            },
                        },
                    },
                    "required": [
                        "rank",
                        "id",
                        "score",
                        "kind",
                        "title",
                        "command",
                        "snippet",
                        "highlights",
                        "text",
                    ],
                    "additionalProperties": False,
                },
            },
        },
        "sources": {
            "references": _array("Reference", defs),
            "sections": _array("Section", defs),
            "registries": _array("Registry", defs),
            "links": _array("Link", defs),
        },
        "export": {
            "sections": _array("Section", defs),
            "nerve": _type(models.Nerve, defs),
            "treatments": _array("Treatment", defs),
            "medications": _array("Medication", defs),
            "statistics": _array("Statistic", defs),
            "figures": _array("Figure", defs),
            "registries": _array("Registry", defs),
            "references": _array("Reference", defs),
            "links": _array("Link", defs),
            "glossary": _array("GlossaryEntry", defs),
        },
    }
    common = {"source": _type(models.Provenance, defs), "disclaimer": text}
    # --explain adds the definitions of the glossary terms the text uses.
    explained = {"explained": _array("GlossaryEntry", defs)}
    variants = []
    for kind, fields in kinds.items():
        names = list(query.PROSE_TOPICS) if kind == "topic" else [kind]
        required = ["kind", *(k for k in fields if k != "nerve"), *common]
        variants.append(
            {
                "type": "object",
                "properties": {"kind": {"enum": names}, **fields, **explained, **common},
                "required": required,
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
