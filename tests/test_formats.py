"""Machine formats are real formats: JSON valid against `hfs-info schema`, CSV parses back,
Markdown tables are tables to a real parser, export HTML is one standalone page."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from markdown_it import MarkdownIt

from hfs_info import store
from tests.conftest import FIXTURES
from tests.test_cli import CONTENT_COMMANDS

DS = store.load_packaged()
TABULAR = {
    ("treatments",): len(DS.treatments),
    ("treatments", "botox"): 1,
    ("medications",): len(DS.medications),
    ("stats",): len(DS.statistics),
    ("glossary",): len(DS.glossary),
    ("glossary", "mvd"): 1,
}


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    from hfs_info.schema import output_schema

    schema = output_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_schema_command_prints_the_schema(run) -> None:
    from hfs_info.schema import output_schema

    result = run("schema")
    assert result.status == 0
    assert json.loads(result.stdout) == output_schema()


@pytest.mark.parametrize("args", [*CONTENT_COMMANDS, ["stats", "--with-sources"]])
def test_json_of_every_command_validates(run, validator, args: list[str]) -> None:
    result = run(*args, "--format", "json")
    assert result.status == 0
    document = json.loads(result.stdout)
    errors = sorted(validator.iter_errors(document), key=str)
    assert errors == []
    assert document["disclaimer"] == DS.provenance.disclaimer


def test_every_kind_the_schema_describes_is_written_by_a_command(run, tmp_path: Path) -> None:
    """The schema describes what `--format json` writes, and nothing more: each kind it names
    comes from some command (the home screen is text only, so it names no "home")."""
    from hfs_info.schema import output_schema

    kinds = {k for v in output_schema()["oneOf"] for k in v["properties"]["kind"]["enum"]}
    written: set[str] = set()
    edition = tmp_path / "edition.toml"
    edition.write_text("not = [toml", encoding="utf-8")
    calls = [
        *CONTENT_COMMANDS,
        ["glossary", "tegretol"],
        ["search", "botox"],
        ["export"],
        ["validate", str(edition)],
    ]
    for args in calls:
        result = run(*args, "--format", "json")
        written.add(json.loads(result.stdout)["kind"])
    assert kinds == written


def test_export_json_validates_and_is_complete(run, validator) -> None:
    document = json.loads(run("export", "--format", "json").stdout)
    assert list(validator.iter_errors(document)) == []
    assert len(document["statistics"]) == 14 and len(document["glossary"]) == 11


def test_schema_rejects_a_wrong_document(validator) -> None:
    assert not validator.is_valid({"kind": "stats", "statistics": "92%"})


def test_json_is_never_wrapped(run, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    out = run("glossary", "botox", "--format", "json").stdout
    definition = DS.glossary[2].definition
    assert json.dumps(definition, ensure_ascii=False) in out


@pytest.mark.parametrize("args", [list(k) for k in TABULAR])
def test_csv_has_a_header_and_one_row_per_record(run, args: list[str]) -> None:
    text = run(*args, "--format", "csv").stdout
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    assert header[0] == "id"
    assert len(body) == TABULAR[tuple(args)]
    assert all(len(row) == len(header) for row in body)


@pytest.mark.parametrize("args", [list(k) for k in TABULAR if k != ("glossary", "mvd")])
def test_markdown_tables_are_tables(run, args: list[str]) -> None:
    tokens = (
        MarkdownIt("commonmark").enable("table").parse(run(*args, "--format", "markdown").stdout)
    )
    types = [t.type for t in tokens]
    assert "table_open" in types or "bullet_list_open" in types
    if args in (["medications"], ["stats"], ["glossary"], ["treatments"]):
        assert "table_open" in types


def test_markdown_headings_and_escaping(run) -> None:
    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(run("glossary", "--format", "markdown").stdout)
    headings = [t for t in tokens if t.type == "heading_open"]
    assert headings and headings[0].tag == "h1"
    # The origin marker "*" is escaped: it reaches the reader as a literal asterisk.
    texts = [c.content for t in tokens if t.children for c in t.children if c.type == "text"]
    assert "Botox*" in texts and "hemifacial spasm" in texts
    assert any(t.startswith("* in the guide's own glossary") for t in texts)


@pytest.mark.parametrize("args", CONTENT_COMMANDS)
def test_plain_has_no_box_drawing_or_escapes(run, args: list[str]) -> None:
    out = run(*args, "--format", "plain", "--color", "always").stdout
    assert "\x1b" not in out
    assert not set(out) & set("│─╭╮╰╯├┤┬┴┼")


class PageChecker(HTMLParser):
    VOID = frozenset({"meta", "br", "link", "img", "hr", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, f"</{tag}> does not close what is open"


def test_export_html_is_a_standalone_accessible_page(run) -> None:
    page = run("export", "--format", "html").stdout
    checker = PageChecker()
    checker.feed(page)
    checker.close()
    assert checker.stack == []
    tags = [t for t, _ in checker.tags]
    assert checker.tags[0] == ("html", {"lang": "en"})
    # The one script is JSON-LD data; links go to sections or to the web addresses of the guide.
    scripts = [a for t, a in checker.tags if t == "script"]
    assert scripts == [{"type": "application/ld+json"}]
    assert "link" not in tags and "img" not in tags
    assert not any("src" in a for _, a in checker.tags)
    hrefs = [a["href"] or "" for _, a in checker.tags if "href" in a]
    assert all(h.startswith(("#", "http://", "https://")) for h in hrefs)
    assert tags.count("h1") == 1 and "h2" in tags and "table" in tags and "th" in tags
    assert "Payner TD, Tew JM Jr" in page and "417-885-3888" in page
    assert "not intended to take the place of medical advice" in page


def test_export_markdown_has_every_part(run) -> None:
    text = run("export").stdout
    for part in (
        "## Overview",
        "## Treatments\n\n### Compared",
        "### Medication\n",
        "#### The drugs",
        "#### In numbers",
        "## Glossary",
        "## Source of this information",
        "Figure 4: A sponge",
        "www.aanem.org/Patients",
        "George Mandybur, MD",
    ):
        assert part in text
    assert text.count("not intended to take the place of medical advice") == 3  # top, sources, end


def test_export_to_a_file(run, tmp_path: Path) -> None:
    target = tmp_path / "hfs.html"
    result = run("export", "--format", "html", "--output", str(target))
    assert result.status == 0 and result.stdout == ""
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")
    dash = run("export", "-o", "-")
    assert dash.status == 0 and dash.stdout.startswith("# Hemifacial Spasm: a reference")
    failed = run("export", "-o", str(tmp_path / "missing" / "x.md"))
    assert failed.status == 2
    assert failed.stderr.startswith(f"hfs-info: cannot write {tmp_path}/missing/x.md: ")


def test_stats_with_sources_shows_full_citations(run) -> None:
    rows = run("stats", "--with-sources", "--format", "plain").stdout
    assert "Source (full citation): [1] Payner TD, Tew JM Jr: Recurrence" in rows


def test_cite_styles(run) -> None:
    apa = run("cite").stdout
    assert apa.startswith("Mayfield Clinic. (2018, July). Hemifacial Spasm")
    assert "Payner, T. D., & Tew, J. M., Jr. (1996)." in apa
    bib = run("cite", "--style", "bibtex").stdout
    assert bib.count("@article{") == 2 and bib.count("@misc{") == 1
    assert "pages = {686--691}" in bib and "and others" in bib
    assert "  month = jul,\n" in bib  # BibTeX's month macro, printed by each style its own way
    ris = run("cite", "--style", "ris").stdout
    assert ris.count("ER  - ") == 3 and "TY  - JOUR\r\n" in ris and "SP  - 712\r\n" in ris
    assert run("cite", "--style", "mla").status == 2


def test_docs_reference_matches_the_app() -> None:
    from hfs_info.clidocs import generate

    docs = Path(__file__).parents[1] / "docs" / "cli.md"
    assert docs.read_text("utf-8") == generate(), "regenerate docs/cli.md (see its first lines)"


MAN_PAGE = Path(__file__).parents[1] / "man" / "hfs-info.1"


def test_man_page_matches_the_app() -> None:
    from hfs_info.clidocs import MAN_COMMAND, manpage

    assert MAN_PAGE.read_text("utf-8") == manpage(), f"regenerate it: {MAN_COMMAND}"


@pytest.mark.skipif(shutil.which("man") is None, reason="needs man (man-db)")
def test_man_page_renders_without_warnings() -> None:
    from hfs_info.commandline import COMMANDS

    shown = subprocess.run(
        ["man", "--warnings", "-l", str(MAN_PAGE)],
        env={**os.environ, "MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert shown.returncode == 0 and shown.stderr == "", shown.stderr
    lines = shown.stdout.split("\n")
    assert lines[0].split() == ["HFS-INFO(1)", "User", "Commands", "HFS-INFO(1)"]
    assert "hfs-info - a command-line reference on hemifacial spasm" in shown.stdout
    for name in COMMANDS:
        assert f"   hfs-info {name}\n" in shown.stdout, name
    # Options read as typed: plain ASCII hyphens, not typographic ones.
    assert "--format, -f FORMAT" in shown.stdout
    assert max(len(line) for line in lines) <= 80


@pytest.mark.parametrize(
    ("args", "change", "valid"),
    [
        (["search", "botox"], lambda d: d["results"][0].update(score=0), False),
        (["search", "botox"], lambda d: d["results"][0].update(kind="recipe"), False),
        (["search", "botox"], lambda d: d["results"][0].update(highlights=[[1, 2, 3]]), False),
        (["search", "botox"], lambda d: d["results"][0].update(rank=0), False),
        (["search", "botox"], lambda d: d.update(read_as={"x": 1}), False),
        (["glossary", "mvd"], lambda d: d["appears_in"].append({"command": "x"}), False),
        (["overview"], lambda d: d.pop("nerve"), True),  # the overview's nerve may be left out
        (["overview"], lambda d: d.update(nerve=None), False),  # but is never null
        (["medications"], lambda d: d.pop("monitoring"), False),  # null, not left out
        (["stats"], lambda d: d.update(extra=1), False),
    ],
)
def test_the_schema_says_what_the_payload_types_say(run, validator, args, change, valid) -> None:
    """The schema is generated from the payload types (payloads.py)."""
    document = json.loads(run(*args, "--format", "json").stdout)
    change(document)
    assert (not list(validator.iter_errors(document))) is valid


def test_a_search_csv_row_keeps_what_the_answer_says_first(run) -> None:
    import csv
    import io

    result = run("search", "how long is the hospital stay after MVD", "--format", "csv")
    assert result.status == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and list(rows[0])[-1] == "note"
    # (round 17: "how long is the ... stay" asks the length of the stay itself)
    note = (
        "The guide gives no length of time for 'stay'; the closest passages follow. "
        "Not in the guide: 'hospital'. These matches are for the other words."
    )
    assert {row["note"] for row in rows} == {note}
    plain = run("search", "how long is the hospital stay after MVD", "--format", "plain").stdout
    assert all(line in " ".join(plain.split()) for line in note.split(". ", 1))
    quiet = run("search", "how long does botox last", "--format", "csv").stdout
    assert {row["note"] for row in csv.DictReader(io.StringIO(quiet))} == {""}


SHIPPED = str(Path(__file__).parents[1] / "data" / "hemifacial_spasm.toml")
HOSTILE_FILE = str(FIXTURES / "hostile.toml")


def _broken_files(folder: Path) -> dict[str, tuple[str, int | None, int | None]]:
    """Dataset files that validate refuses, each with its first problem and where it is."""
    files = {
        "toml.toml": (
            b"a b\n",
            "malformed TOML: Expected '=' after a key in a key/value pair",
            1,
            3,
        ),
        "bytes.toml": (b'a = "x"\n\xff\n', "not UTF-8 text", 2, 1),
        "schema.toml": (b'schema_version = 1\ncolour = "red"\n', None, None, None),
    }
    out = {}
    for name, (raw, problem, line, column) in files.items():
        (folder / name).write_bytes(raw)
        out[str(folder / name)] = (problem or "", line, column)
    return out


def test_the_json_of_every_command_that_writes_json_validates(run, validator, tmp_path) -> None:
    """Trial 6, 2.3: validate's JSON had no kind, source or disclaimer, and broke the schema.
    Every command whose --format offers json (and export -f json) is run, validate with a
    valid file and with broken ones, and each document validates against `hfs-info schema`."""
    from hfs_info.commandline import COMMANDS

    broken = _broken_files(tmp_path)
    runs = [
        *CONTENT_COMMANDS,
        ["export"],
        ["validate", SHIPPED],
        ["validate", HOSTILE_FILE],
        *(["validate", path] for path in broken),
        ["validate", str(tmp_path / "missing.toml")],
    ]
    writers = {name for name, command in COMMANDS.items() if "json" in command.formats}
    assert {args[0] for args in runs} == writers | {"export"}
    for args in runs:
        result = run(*args, "--format", "json")
        assert result.stderr == "", args
        document = json.loads(result.stdout)
        assert sorted(map(str, validator.iter_errors(document))) == [], args
        assert (document["kind"] == "validate") == (args[0] == "validate")
        assert document["disclaimer"] == DS.provenance.disclaimer
        assert document["source"]["title"] == DS.provenance.title


def test_validate_json_keeps_the_line_and_column_of_the_plain_report(run, tmp_path) -> None:
    for path, (problem, line, column) in _broken_files(tmp_path).items():
        plain = run("validate", path)
        result = run("validate", path, "--format", "json")
        assert (plain.status, result.status) == (2, 2)
        report = json.loads(result.stdout)
        assert (report["kind"], report["path"], report["valid"]) == ("validate", path, False)
        where = f"{path}:{line}:{column}" if line else path
        assert plain.stdout == "".join(f"{where}: {p['message']}\n" for p in report["problems"])
        assert all((p["line"], p["column"]) == (line, column) for p in report["problems"])
        if problem:
            assert [p["message"] for p in report["problems"]] == [problem]
    valid = json.loads(run("validate", SHIPPED, "--format", "json").stdout)
    assert (valid["kind"], valid["valid"], valid["problems"]) == ("validate", True, [])
    assert valid["source"] == json.loads(run("sources", "-f", "json").stdout)["source"]


def test_validate_json_does_not_read_the_run_dataset(run, tmp_path, monkeypatch) -> None:
    """HFS_INFO_DATA naming the broken file being checked (a natural way to work on an
    edition) still gives the report: the source and disclaimer are the packaged guide's."""
    path = next(iter(_broken_files(tmp_path)))
    monkeypatch.setenv("HFS_INFO_DATA", path)
    result = run("validate", path, "--format", "json")
    assert result.status == 2 and result.stderr == ""
    assert json.loads(result.stdout)["disclaimer"] == DS.provenance.disclaimer
