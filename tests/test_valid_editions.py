"""A dataset that `validate` accepts runs every command in every format: the schema requires
what the commands need, bounds what they draw, and the views cope with what may be missing."""

from __future__ import annotations

import copy
import json
import tempfile
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from hfs_info import store
from hfs_info.entry import main
from hfs_info.schema import output_schema
from tests.depth import examples
from tests.test_untrusted_text import RAW

PACKAGED = files("hfs_info.data").joinpath(store.PACKAGED_NAME).read_text("utf-8")
SHIPPED: dict[str, Any] = tomli.loads(PACKAGED)


def to_toml(raw: dict[str, Any]) -> str:
    """``raw`` as TOML: one ``key = value`` line per top-level key, inline tables below."""

    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int | float):
            return repr(v)
        if isinstance(v, str):
            escaped = (
                f"\\u{ord(c):04x}" if ord(c) < 0x20 or ord(c) == 0x7F else "\\" + c
                if c in '"\\' else c
                for c in v
            )  # fmt: skip
            return '"' + "".join(escaped) + '"'
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return "{" + ", ".join(f"{json.dumps(k)} = {value(x)}" for k, x in v.items()) + "}"

    return "".join(f"{json.dumps(k)} = {value(v)}\n" for k, v in raw.items())


def write(tmp_path: Path, raw: dict[str, Any]) -> str:
    path = tmp_path / "edition.toml"
    path.write_text(to_toml(raw), "utf-8")
    return str(path)


@pytest.fixture
def raw() -> dict[str, Any]:
    return copy.deepcopy(SHIPPED)


def section(raw: dict[str, Any], id_: str) -> dict[str, Any]:
    return next(s for s in raw["sections"] if s["id"] == id_)


def test_the_toml_writer_round_trips() -> None:
    assert tomli.loads(to_toml(SHIPPED)) == SHIPPED


# --- what the commands need is required ------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda r: r["references"][0].update(authors=[]),
         "references[0].authors: expected at least one item, got an empty array"),
        (lambda r: r["references"][0].update(authors=[""]),
         "references[0].authors[0]: expected text, got an empty string"),
        (lambda r: r["provenance"].update(updated=""),
         "provenance.updated: expected text, got an empty string"),
        (lambda r: r["provenance"].update(updated=" "),
         "provenance.updated: expected text, got only whitespace"),
        (lambda r: r["provenance"].update(publisher=" \t\n"),
         "provenance.publisher: expected text, got only whitespace"),
        (lambda r: section(r, "overview").update(paragraphs=[]),
         "sections[0].paragraphs: expected at least one item, got an empty array"),
        (lambda r: r["treatments"][0].update(onset="  "),
         "treatments[0].onset: expected text, got only whitespace"),
        (lambda r: r["nerve"].update(main_branches=100_000_000),
         "nerve.main_branches: 100000000 is outside 1-20"),
        (lambda r: r["nerve"].update(main_branches=-3), "nerve.main_branches: -3 is outside 1-20"),
        (lambda r: r["nerve"].update(cranial_number=0), "nerve.cranial_number: 0 is outside 1-12"),
        (lambda r: r["figures"][0].update(number=-1), "figures[0].number: -1 is outside 1-999"),
        (lambda r: r["references"][1].update(year=20020),
         "references[1].year: 20020 is outside 1000-9999"),
    ],
)  # fmt: skip
def test_validate_refuses_what_a_command_cannot_show(run, tmp_path, raw, change, problem) -> None:
    change(raw)
    result = run("validate", write(tmp_path, raw))
    assert result.status == 2
    assert result.stdout.endswith(f": {problem}\n")
    assert result.stdout.count("\n") == 1


def test_an_edition_without_treatments_still_exports(run, tmp_path, raw) -> None:
    raw["treatments"] = []
    path = write(tmp_path, raw)
    assert run("validate", path).status == 0
    for args in (["medications"], ["export"], ["glossary", "tegretol"], ["treatments"]):
        result = run("--data", path, *args)
        assert result.status == 0, (args, result.stderr)
    shown = run("--data", path, "medications", "--format", "json").stdout
    assert json.loads(shown)["side_effects"] == []
    shown = " ".join(run("--data", path, "medications", "--format", "plain").stdout.split())
    assert "Side effects: Not stated in the source." in shown


def test_an_edition_without_overview_sections_still_runs(run, tmp_path, raw) -> None:
    gone = ("overview", "what-is", "affected")
    raw["sections"] = [s for s in raw["sections"] if s["id"] not in gone]
    for stat in raw["statistics"]:
        if stat["section"] in gone:
            stat["section"] = "symptoms"
    path = write(tmp_path, raw)
    assert run("validate", path).status == 0
    for args in ([], ["overview"], ["treatments"], ["export"]):
        assert run("--data", path, *args).status == 0, args


# --- the property: any edition validate accepts renders everywhere -------------------------

FORMATS = ("table", "plain", "markdown", "json", "csv", "svg")
COMMANDS: list[list[str]] = [
    ["overview"], ["symptoms"], ["causes"], ["diagnosis"], ["treatments"],
    ["treatments", "medication"], ["treatments", "botox"], ["treatments", "mvd"],
    ["medications"], ["stats"], ["stats", "--chart"], ["stats", "--with-sources"],
    ["glossary"], ["glossary", "mvd"], ["glossary", "tegretol"], ["sources"], ["figures"],
    ["figures", "1"], ["figures", "2"], ["figures", "3"], ["figures", "4"],
    ["search", "botox", "nerve"], ["overview", "--explain"],
]  # fmt: skip
OTHERS: list[list[str]] = [
    [], *(["export", "-f", f] for f in ("markdown", "json", "html")),
    *(["cite", "--style", s] for s in ("apa", "bibtex", "ris")),
]  # fmt: skip
# A lookup may find nothing in a changed edition; a list or a document always shows.
LOOKUPS = {"treatments", "glossary", "figures", "search"}

HOSTILE_CHARS = (
    "\x1b\x07\x85\u202e\u2066\u200b\u200d\u2060\ufeff\u00ad\U000e0041\u2028\ufffe\uffff"
    "\u0301\u05d0\u0627日本語😀{}\\@=+-<>&#:*_`|[]~^%$\"' \t\n\r"
)
TEXT = st.one_of(
    st.sampled_from(["", " ", "\t\n", "x", "[bold]b[/]", ":pill:", "=1+1", "@preamble{", "}"]),
    st.text(st.sampled_from(HOSTILE_CHARS), max_size=12),
    st.text(max_size=12).filter(lambda s: not any(0xD800 <= ord(c) <= 0xDFFF for c in s)),
    st.builds(lambda s: s * 400, st.sampled_from(["word ", "x", "日本"])),
)
NUMBER = st.one_of(
    st.sampled_from([0, 1, -1, -3, 2, 5, 12, 20, 21, 999, 1000, 9999, 10**8, 2**63 - 1]),
    st.integers(-(2**63), 2**63 - 1),
)


def leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value in ``node`` (strings, numbers, booleans and arrays)."""
    found: list[tuple[Any, ...]] = [path] if path and not isinstance(node, dict) else []
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, child in items:
        found += leaves(child, (*path, key))
    return found


PATHS = leaves(SHIPPED)
SCHEMA = Draft202012Validator(output_schema())


@st.composite
def editions(draw: st.DrawFn) -> dict[str, Any]:
    """The shipped edition with one to three values changed."""
    raw = copy.deepcopy(SHIPPED)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        parent: Any = raw
        try:
            for key in path[:-1]:
                parent = parent[key]
            old = parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed it
        if isinstance(old, bool):
            new: Any = draw(st.booleans())
        elif isinstance(old, int):
            new = draw(NUMBER)
        elif isinstance(old, float):
            new = draw(st.floats(0, 1e12) | st.floats(allow_nan=False, allow_infinity=False))
        elif isinstance(old, str):
            new = draw(TEXT)
        elif isinstance(old, list):
            new = draw(st.sampled_from([[], old[:1], old * 2, old[::-1]]))
        else:  # pragma: no cover - every leaf is one of the above
            continue
        parent[path[-1]] = new
    return raw


def run_quietly(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """entry.main in-process, keeping the dataset it has already read (one file per example)."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edition=editions())
def test_every_accepted_edition_renders_every_command(run, capsys, edition) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), edition)
        if run("validate", path).status != 0:
            return
        for args in [[*c, "--format", f] for c in COMMANDS for f in FORMATS] + OTHERS:
            status, out, err = run_quietly(capsys, "--data", path, *args)
            assert "internal error" not in err and "Traceback" not in err, (args, err)
            if status == 2:  # only a format the command or its view does not offer
                assert "does not apply here" in err or "is not one of" in err, (args, err)
                continue
            assert status == 0 or (status == 1 and args[0] in LOOKUPS), (args, err)
            if status:
                continue
            fmt = args[args.index("--format") + 1] if "--format" in args else None
            if fmt == "json" or args[:3] == ["export", "-f", "json"]:
                SCHEMA.validate(json.loads(out))
            elif fmt == "svg":
                ET.fromstring(out)
            if fmt != "json" and args[:3] != ["export", "-f", "json"]:
                assert not RAW.search(out.replace("\r\n", "\n")), args
