"""The format-neutral shape of what a command shows: a View of blocks plus its machine data.

Views (views.py) say *what* is shown (headings, paragraphs, tables, label/value fields); each
renderer in render/ says *how*, for one format. Nothing here knows about rich or terminals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True, slots=True)
class Fields:
    """Label/value pairs about one thing (a treatment in full, the nerve, the provenance)."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Table:
    """Rows under named columns. ``key_column``: the first column names each row, so a narrow
    renderer may stack the table as one block of fields per row instead of squeezing columns."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    title: str | None = None
    key_column: bool = True


@dataclass(frozen=True, slots=True)
class Notice:
    """The closing line of every screen of medical content: source and not-advice."""

    text: str


Block = Heading | Paragraph | Bullets | Fields | Table | Notice


@dataclass(frozen=True, slots=True)
class View:
    """One command's output. ``data``: the JSON document. ``records``: the CSV rows (a header
    and one row per record), or None for commands that are not tabular."""

    blocks: tuple[Block, ...]
    data: dict[str, Any]
    records: tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]] | None = field(default=None)
