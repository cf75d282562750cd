"""Trustworthy under hostile input: hostile data and queries, broken datasets, signals, bugs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES
from tests.depth import examples
from tests.test_cli import CONTENT_COMMANDS

HOSTILE = str(FIXTURES / "hostile.toml")
BROKEN = sorted((FIXTURES / "broken").glob("*.toml"))
SGR = re.compile(r"\x1b\[[0-9;]*m")  # the colour codes we emit ourselves
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def expectation(path: Path) -> str:
    first = path.read_bytes().split(b"\n", 1)[0].lstrip(b"\xef\xbb\xbf").decode("ascii", "ignore")
    return first.removeprefix("# expect: ") if first.startswith("# expect: ") else "has no data"


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_dataset_is_one_clear_line(run, path: Path) -> None:
    result = run("--data", str(path), "glossary")
    assert result.status == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"hfs-info: {path}")
    assert expectation(path) in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_validate_reports_broken_datasets(run, path: Path) -> None:
    result = run("validate", str(path))
    assert result.status == 2
    assert expectation(path) in result.stdout


def test_validate_lists_every_problem_at_once(run, tmp_path: Path) -> None:
    text = (Path(__file__).parents[1] / "data" / "hemifacial_spasm.toml").read_text("utf-8")
    for old, new in [
        ('aliases = ["MVD"]', 'aliases = "MVD"'),
        ("value = 92", "value = 192"),
        ('id = "onset-near-chin"', 'id = "onset-near-eye"'),
        ("value = 44", "value = nan"),
        ('updated = "July 2018"', 'updated = 2018-07-01\ncolour = "red"'),
    ]:
        text = text.replace(old, new, 1)
    path = tmp_path / "multi.toml"
    path.write_text(text, "utf-8")
    result = run("validate", str(path), "--format", "json")
    assert result.status == 2
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert sorted(report["problems"]) == sorted(
        [
            "provenance.colour: unknown key",
            "provenance.updated: expected a string, got a date",
            "statistics[3].value: expected a finite number, got nan",
            "glossary[4].aliases: expected an array",
            "statistics[1].id: duplicate 'onset-near-eye' (first at statistics[0])",
            "statistics[0].value: 192 is outside 0-100 for a percentage",
        ]
    )


def test_validate_accepts_the_shipped_and_the_hostile_dataset(run) -> None:
    shipped = Path(__file__).parents[1] / "data" / "hemifacial_spasm.toml"
    assert run("validate", str(shipped)).status == 0
    result = run("validate", HOSTILE)
    assert result.status == 0
    assert result.stdout == f"{HOSTILE}: valid (14 statistics, 11 terms)\n"


FORMATS = ["table", "plain", "markdown", "json"]
HOSTILE_CASES = [(args, fmt) for args in CONTENT_COMMANDS for fmt in FORMATS]


@pytest.mark.parametrize(("args", "fmt"), HOSTILE_CASES)
def test_hostile_data_is_shown_inert_in_every_format(run, monkeypatch, args, fmt) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "60")
    result = run("--data", HOSTILE, *args, "--format", fmt, "--color", "always")
    assert result.status == 0, result.stderr
    shown = SGR.sub("", result.stdout) if fmt == "table" else result.stdout
    assert not RAW_CONTROL.search(shown)
    if fmt == "json":
        json.loads(result.stdout)
    if fmt == "table" and args[:1] == ["glossary"] and len(args) == 1:
        assert "*" in shown


@pytest.mark.parametrize("fmt", ["table", "plain"])
def test_markup_and_emoji_codes_are_shown_literally(run, fmt: str) -> None:
    result = run("--data", HOSTILE, "glossary", "botulinum toxin type A", "--format", fmt)
    flat = " ".join(result.stdout.split())
    assert "Botox [bold red]boom[/] [/] [link=http://evil.example]click[/link] :pill:" in flat
    assert "^[[31mRED^[[0m" in flat and "<U+202E>evil<U+202C>" in flat
    assert "Ünïcødé 日本語" in flat


def test_json_keeps_the_exact_string_and_escapes_controls(run) -> None:
    result = run("--data", HOSTILE, "glossary", "botulinum toxin type A", "--format", "json")
    assert not RAW_CONTROL.search(result.stdout)
    term = json.loads(result.stdout)["term"]["term"]
    assert term.startswith("Botox [bold red]boom[/]") and "\x1b[31mRED" in term and "\u202e" in term


def test_very_long_words_are_folded_not_cut(run, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    result = run("--data", HOSTILE, "glossary", "bells palsy")
    assert "…" not in result.stdout
    joined = "".join(result.stdout.split())
    assert "supercalifragilisticexpialidocious" * 20 in joined


QUERY = st.text(
    alphabet=st.sampled_from([*list("abotxmvd \"'()[]*-:^/\\{}<>|&;$`!?.,"), "\x1b", "\u202e"])
    | st.characters(),
    max_size=80,
)


@settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(command=st.sampled_from(["glossary", "treatments"]), words=st.lists(QUERY, max_size=3))
def test_any_query_exits_cleanly(run, command: str, words: list[str]) -> None:
    words = [w for w in words if not w.startswith("-")]  # options are the parser's business
    result = run(command, *words, "--format", "plain")
    assert result.status in (0, 1, 2)
    assert "Traceback" not in result.stderr
    assert not RAW_CONTROL.search(result.stdout + result.stderr)


def test_over_long_query_is_a_usage_error(run) -> None:
    result = run("glossary", "botox " * 100)
    assert result.status == 2
    assert "too long" in result.stderr


def test_unexpected_error_is_one_line_with_a_debug_hint(run, monkeypatch) -> None:
    from hfs_info import views

    def broken(ds):
        raise ValueError("something broke")

    monkeypatch.setattr(views, "glossary", broken)
    result = run("glossary")
    assert result.status == 2
    assert result.stderr == (
        "hfs-info: internal error: ValueError: something broke "
        "(run with --debug for the traceback)\n"
    )
    with pytest.raises(ValueError, match="something broke"):
        run("--debug", "glossary")


def test_ctrl_c_wrapped_by_python_is_still_an_interruption(run, monkeypatch) -> None:
    """Ctrl-C while a class is being made reaches us as a RuntimeError caused by the
    KeyboardInterrupt ("Error calling __set_name__ ..."): exit 130, quietly, not an internal
    error (trial 6)."""
    from hfs_info import views

    def interrupted(ds):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            raise RuntimeError("Error calling __set_name__ on 'cached_property'") from exc

    monkeypatch.setattr(views, "glossary", interrupted)
    result = run("glossary")
    assert (result.status, result.stdout, result.stderr) == (130, "", "")


def test_ctrl_c_exits_130_without_traceback() -> None:
    code = (
        "import os, signal, time\n"
        "from hfs_info import views\n"
        "def slow(ds):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    time.sleep(10)\n"
        "views.glossary = slow\n"
        "from hfs_info.entry import main\n"
        "main(['glossary'])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, timeout=30, check=False
    )
    assert result.returncode == 130
    assert result.stderr == b""
    assert result.stdout == b""


def test_oversized_dataset_is_refused_before_reading(run, tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    with big.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: costs no disk
    result = run("--data", str(big), "stats")
    assert result.status == 2
    assert result.stderr == f"hfs-info: {big}: is larger than the 5 MiB limit\n"


@pytest.mark.parametrize("args", [["figures", "2"], ["stats", "--chart"]])
def test_hostile_data_in_svg_stays_text(run, args: list[str]) -> None:
    import xml.etree.ElementTree as ET

    result = run("--data", HOSTILE, *args, "--format", "svg")
    assert result.status == 0
    ET.fromstring(result.stdout)  # well-formed: the hostile <b>&amp;</b> was escaped
    assert "<b>" not in result.stdout


def test_hostile_data_in_the_html_export_stays_text(run) -> None:
    page = run("--data", HOSTILE, "export", "--format", "html").stdout
    assert "<b>" not in page and "&lt;b&gt;" in page
    assert "\x1b" not in page and "\u202e" not in page
