"""What the search tests share: the packaged dataset's index and the ids search returns."""

from __future__ import annotations

from hfs_info import search, store
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
