"""What the search tests share: the packaged dataset's index and the ids search returns."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator

from hfs_info import search, store
from hfs_info.schema import output_schema
from hfs_info.search_index import Index, index_for

DS = store.load_packaged()


def ix() -> Index:
    """The search index, fetched when used: a test elsewhere may close a cached one."""
    return index_for(DS)


def ids(question: str, n: int = 3) -> list[str]:
    """The ids of the first ``n`` records search returns for ``question``."""
    return [h.id for h in search.search(DS, question)[:n]]


def first(question: str) -> str:
    """The id of the record search puts first."""
    return search.search(DS, question)[0].id


def record_names(record_id: str) -> list[str]:
    """Every own name of the record ``record_id`` alone (title, aliases, brand name), as typed."""
    return sorted(
        name
        for name, rows in ix().own_names.items()
        if {ix().rows[r].id for r in rows} == {record_id}
    )


def treatment_names(treatment: str) -> list[str]:
    """Every own name that names ``treatment`` (its records, its drugs) and nothing else."""
    return sorted(
        name
        for name, rows in ix().own_names.items()
        if {search._treatment_of(ix().rows[r]) for r in rows} == {treatment}
    )


# The JSON schema every search answer must meet, and what the notes of search_gaps end with.
SCHEMA = Draft202012Validator(output_schema())
CLOSEST = "; the closest passages follow."


def plain(run, question: str) -> str:
    """The plain answer to ``question``, its whitespace runs as single spaces."""
    return " ".join(run("search", question, "-f", "plain").stdout.split())


def answered_json(run, question: str) -> dict:
    """The JSON answer to ``question``: found (status 0) and valid by the schema."""
    result = run("search", question, "-f", "json")
    assert result.status == 0
    data = json.loads(result.stdout)
    SCHEMA.validate(data)
    return data


def first_note(run, question: str, note: str) -> None:
    """``note`` is said before the closest passages of the plain answer."""
    shown = plain(run, question)
    assert note in shown
    assert shown.index(note) < shown.index("Closest passage (")
