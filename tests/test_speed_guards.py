"""Guard the start-up gains (not timed): what a lookup imports, and the --data cache."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hfs_info import dataset

ROOT = Path(__file__).parents[1]
HEAVY = ("typer", "click", "rich", "pydantic", "sqlite3", "markdown_it", "pygments")
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
    assert imported("search", "botox", "--format", "json") == ["sqlite3"]


def test_only_help_and_mistakes_import_typer() -> None:
    assert imported("--help") == ["typer"]  # plain click help: no rich, markdown-it, pydantic
    assert imported("glossary", "--bogus") == ["typer"]


# --- the --data cache -----------------------------------------------------------------------

SHIPPED = (ROOT / "data" / "hemifacial_spasm.toml").read_text("utf-8")


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    path = tmp_path / "edition.toml"
    path.write_text(SHIPPED.replace('term = "Botox"', 'term = "Botox (edition)"'), "utf-8")
    return path


def entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("*.json"))


def test_second_read_comes_from_the_cache(run, edition, private_cache, monkeypatch) -> None:
    assert run("--data", str(edition), "glossary", "botox").status == 0
    assert len(entries(private_cache)) == 1

    def no_parsing(*args):
        raise AssertionError("parsed again")

    monkeypatch.setattr(dataset, "_read_toml", no_parsing)
    result = run("--data", str(edition), "glossary", "botox", "-f", "json")
    assert json.loads(result.stdout)["term"]["term"] == "Botox (edition)"


def test_a_changed_file_is_read_again(run, edition, private_cache) -> None:
    run("--data", str(edition), "glossary", "botox")
    edition.write_text(SHIPPED.replace('term = "Botox"', 'term = "Botox (second)"'), "utf-8")
    result = run("--data", str(edition), "glossary", "botox", "-f", "json")
    assert json.loads(result.stdout)["term"]["term"] == "Botox (second)"


def resealed(text: bytes, payload: bytes) -> bytes:
    """The entry with another payload and a header whose checksum matches it, so that only
    the shape check can refuse it."""
    from hfs_info import cache

    header = json.loads(text.split(b"\n", 1)[0])
    header["payload"] = cache.checksum(payload)
    return json.dumps(header).encode() + b"\n" + payload


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: b"",
        lambda text: text[: len(text) // 2],
        lambda text: b"not json\n" + text,
        lambda text: text.replace(b"Botox (edition)", b"Botox (tampered)"),
        lambda text: text.split(b"\n", 1)[0] + b"\n[1, 2, 3]",
        lambda text: resealed(text, b"[1, 2, 3]"),
        lambda text: resealed(text, b'{"glossary": []}'),
        lambda text: resealed(text, text.split(b"\n", 1)[1].replace(b'"Botox (edition)",', b"", 1)),
    ],
    ids=[
        "empty", "truncated", "garbage-header", "tampered-payload", "wrong-shape",
        "sealed-wrong-shape", "sealed-object", "sealed-short-row",
    ],
)  # fmt: skip
def test_a_damaged_entry_is_ignored_and_rebuilt(run, edition, private_cache, damage) -> None:
    run("--data", str(edition), "glossary", "botox")
    (entry,) = entries(private_cache)
    entry.write_bytes(damage(entry.read_bytes()))
    result = run("--data", str(edition), "glossary", "botox", "-f", "json")
    assert result.status == 0
    assert json.loads(result.stdout)["term"]["term"] == "Botox (edition)"
    assert b"Botox (edition)" in entry.read_bytes()  # rewritten


def test_an_unwritable_cache_is_no_error(run, edition, tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    result = run("--data", str(edition), "search", "botox", "-f", "json")
    assert result.status == 0 and result.stderr == ""


def test_an_entry_from_another_version_is_not_trusted(
    run, edition, private_cache, monkeypatch
) -> None:
    import hfs_info

    run("--data", str(edition), "glossary", "botox")
    monkeypatch.setattr(hfs_info, "__version__", "99.0.0")
    parsed = []
    original = dataset._read_toml

    def counting(data, source):
        parsed.append(source)
        return original(data, source)

    monkeypatch.setattr(dataset, "_read_toml", counting)
    assert run("--data", str(edition), "glossary", "botox").status == 0
    assert parsed == [str(edition)]


def test_a_relative_cache_home_is_ignored(run, edition, tmp_path, monkeypatch) -> None:
    """The XDG spec: a relative XDG_CACHE_HOME is invalid and ~/.cache is used instead."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    result = run("--data", str(edition), "search", "edition", "-f", "json")
    assert result.status == 0, result.stderr
    assert not (tmp_path / "relative").exists()
    kept = tmp_path / "home" / ".cache" / "hfs-info"
    assert len(list(kept.glob("*.json"))) == 1
