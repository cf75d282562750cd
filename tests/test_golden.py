"""Golden files: the exact output of every command in every format, at 80 columns.

Each case runs as users run it (the quick parser answers these lines; tests/test_quick.py
shows that the Typer app would hand the same values to the same handler).

The notice and disclaimer that end each output are checked once, by tests/test_disclaimer.py,
and taken off here: the golden files hold what is particular to each output.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``
and review the diff like any other change.
"""

from __future__ import annotations

import os

import pytest

from tests.conftest import GOLDEN
from tests.test_disclaimer import without_disclaimer

COMMANDS = {
    "home": [],
    "overview": ["overview"],
    "symptoms": ["symptoms"],
    "causes": ["causes"],
    "diagnosis": ["diagnosis"],
    "treatments": ["treatments"],
    "treatments-medication": ["treatments", "medication"],
    "treatments-botox": ["treatments", "botox"],
    "treatments-mvd": ["treatments", "mvd"],
    "medications": ["medications"],
    "stats": ["stats"],
    "glossary": ["glossary"],
    "glossary-mvd": ["glossary", "mvd"],
    "glossary-tegretol": ["glossary", "tegretol"],
    "search-botox-duration": ["search", "how", "long", "does", "botox", "last", "--limit", "3"],
    "causes-explain": ["causes", "--explain"],
    "stats-chart": ["stats", "--chart"],
    "figures": ["figures"],
    "figures-1": ["figures", "1"],
    "figures-2": ["figures", "2"],
    "figures-3": ["figures", "3"],
    "figures-4": ["figures", "4"],
    "sources": ["sources"],
}
TABULAR = {
    "stats-chart",
    "glossary-tegretol",
    "search-botox-duration",
    "treatments",
    "treatments-medication",
    "treatments-botox",
    "treatments-mvd",
    "medications",
    "stats",
    "glossary",
    "glossary-mvd",
}
SUFFIX = {"table": "txt", "plain": "plain.txt", "markdown": "md", "json": "json", "csv": "csv"}

CASES = [
    (name, fmt)
    for name, args in COMMANDS.items()
    for fmt in (["table"] if not args else ["table", "plain", "markdown", "json", "csv"])
    if fmt != "csv" or name in TABULAR
]


def check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, "utf-8", newline="")
    expected = path.read_bytes().decode("utf-8") if path.exists() else None
    assert expected is not None, f"no golden file {path}; run with UPDATE_GOLDEN=1"
    assert actual == expected


@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_golden(run, name: str, fmt: str) -> None:
    args = COMMANDS[name] + ([] if fmt == "table" and not COMMANDS[name] else ["--format", fmt])
    result = run(*args, "--color", "never") if COMMANDS[name] else run(*args)
    assert result.status == 0, result.stderr
    shown = result.stdout if fmt == "csv" else without_disclaimer(result.stdout, fmt)
    check(f"{name}.{SUFFIX[fmt]}", shown)


EXTRA = {
    "stats-with-sources.txt": ["stats", "--with-sources", "--color", "never"],
    "export.md": ["export"],
    "export.html": ["export", "--format", "html"],
    "export.json": ["export", "--format", "json"],
    "cite-apa.txt": ["cite"],
    "cite-bibtex.bib": ["cite", "--style", "bibtex"],
    "cite-ris.ris": ["cite", "--style", "ris"],
}


@pytest.mark.parametrize("name", list(EXTRA))
def test_golden_extra(run, name: str) -> None:
    result = run(*EXTRA[name])
    assert result.status == 0, result.stderr
    check(name, result.stdout)


def test_golden_colour(run) -> None:
    result = run("glossary", "mvd", "--color", "always")
    assert "\x1b[" in result.stdout
    check("glossary-mvd.color.txt", result.stdout)
