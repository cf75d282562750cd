"""Guard the start-up gains (not timed): what a lookup imports; --data read afresh."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).parents[1]
HEAVY = ("typer", "click", "rich", "pydantic", "sqlite3", "_sqlite3", "markdown_it", "pygments")
PROBE = """
import json, sys
from hfs_info.entry import main
try:
    main({args!r})
except SystemExit:
    pass
loaded = sorted({{m.split(".")[0] for m in sys.modules}} & set({heavy!r}))
sys.stderr.write("\\n" + json.dumps(loaded))
"""


def imported(*args: str) -> list[str]:
    code = PROBE.format(args=list(args), heavy=HEAVY)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(result.stderr.splitlines()[-1])  # after any message of the tool


@pytest.mark.parametrize("fmt", ["json", "plain", "csv", "markdown"])
def test_a_lookup_in_a_machine_format_imports_nothing_heavy(fmt: str) -> None:
    assert imported("glossary", "botox", "--format", fmt) == []


def test_only_tables_import_rich_and_only_search_imports_sqlite3() -> None:
    assert imported("glossary", "botox", "--format", "table") == ["rich"]
    assert imported("treatments") == ["rich"]
    # SQLite's C module only: the sqlite3 package adds the datetime adapters, which cost more
    # than the search
    assert imported("search", "botox", "--format", "json") == ["_sqlite3"]


def test_search_falls_back_to_the_sqlite3_package(monkeypatch) -> None:
    """Where SQLite's C module is not found apart, the package serves, and answers alike."""
    import builtins

    from hfs_info import search_index, store

    real = builtins.__import__

    def without_the_c_module(name: str, *args: object, **kwargs: object) -> object:
        if name == "_sqlite3" and not (args[2:3] and args[2]):  # not sqlite3's own import
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_the_c_module)
    assert search_index._sqlite().__name__ == "sqlite3"
    built = search_index.build(store.load_packaged())
    assert search_index.match(built.db, '"botox"')
    assert search_index.match(built.db, '"unbalanced') == {}  # its errors are caught too


def test_search_does_not_import_datetime() -> None:
    code = PROBE.format(args=["search", "botox", "-f", "json"], heavy=("datetime",))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert json.loads(result.stderr.splitlines()[-1]) == []


def test_only_help_and_mistakes_import_typer() -> None:
    assert imported("--help") == ["typer"]  # plain click help: no rich, markdown-it, pydantic
    assert imported("glossary", "--bogus") == ["typer"]


# --- --data editions are read from the file, every run -----------------------------------

SHIPPED = (ROOT / "data" / "hemifacial_spasm.toml").read_text("utf-8")


def test_an_edition_is_read_afresh_and_nothing_is_written(run, tmp_path, monkeypatch) -> None:
    """No cache: each run answers from the file as it is now, and leaves no files behind."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    edition = tmp_path / "edition.toml"
    for name in ("Botox (first)", "Botox (second)"):
        edition.write_text(SHIPPED.replace('term = "Botox"', f'term = "{name}"'), "utf-8")
        result = run(
            "--data", str(edition), "glossary", "botulinum toxin type A", "--format", "json"
        )
        assert json.loads(result.stdout)["term"]["term"] == name
        assert run("validate", str(edition)).status == 0
    edition.write_text(SHIPPED.replace('class = "anticonvulsant"', 'class = "x"'))
    assert run("validate", str(edition)).status == 2
    assert list(home.rglob("*")) == []


@given(
    pattern=st.sampled_from([r"\bfig(?:ure)?s? (\d+)", r"(\w+)'s\b", r"\d+(?:[:-]\d+)+", "a|b"]),
    text=st.text(max_size=40),
    flags=st.sampled_from([0, re.IGNORECASE]),
)
def test_a_deferred_pattern_answers_as_compiled(pattern: str, text: str, flags: int) -> None:
    """patterns.deferred compiles at first use and then answers every method as re.compile."""
    from hfs_info.patterns import deferred

    lazy, real = deferred(pattern, flags), re.compile(pattern, flags)
    assert "_compiled" not in vars(lazy)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.sub("-", text) == real.sub("-", text)
    assert lazy.split(text) == real.split(text)
    assert (lazy.pattern, lazy.flags) == (real.pattern, real.flags)
