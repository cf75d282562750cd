"""Every command through the CLI: exit status, stdout, stderr."""

from __future__ import annotations

import csv
import io
import json

import pytest
import typer

from hfs_info.cli import app
from hfs_info.commandline import COMMANDS

NOTICE = "General information from the Mayfield Clinic guide (updated July 2018)"
CONTENT_COMMANDS = [
    ["overview"],
    ["symptoms"],
    ["causes"],
    ["diagnosis"],
    ["treatments"],
    ["treatments", "botox"],
    ["medications"],
    ["stats"],
    ["glossary"],
    ["glossary", "mvd"],
    ["sources"],
    ["figures"],
    ["figures", "2"],
    ["stats", "--chart"],
    ["search", "botox", "nerve"],
]


def flat(text: str) -> str:
    """Output with line wrapping undone, to look for sentences."""
    return " ".join(text.split())


@pytest.mark.parametrize("args", [[], *CONTENT_COMMANDS])
def test_every_screen_ends_with_the_notice(run, args: list[str]) -> None:
    result = run(*args)
    assert result.status == 0, result.stderr
    assert result.stderr == ""
    last = flat(result.stdout.strip().split("\n\n")[-1])
    assert last.startswith(NOTICE)
    assert (
        "is not intended to take the place of medical advice from your own health care provider"
        in last
    )


def test_home_lists_every_command(run) -> None:
    result = run()
    registered = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    listed = {c.usage.split()[0] for c in COMMANDS.values()}
    assert listed == registered
    for name in registered:
        assert name in result.stdout


def test_treatments_compares_the_three_options(run) -> None:
    out = run("treatments", "--format", "plain").stdout
    for text in (
        "Medication",
        "Botox injections",
        "Microvascular decompression (MVD)",
        "How soon it works",
        "Usually within three days.",
        "Usually three months.",
        "Not stated in the source.",
        "less effective over the years as antibodies build up.",
        "Risks and side effects",
        "Recovery",
    ):
        assert text in out
    full = run("treatments", "--full", "--format", "plain").stdout
    for text in (
        "Usually works within three days.",
        "Usually lasts three months.",
        "Effectiveness diminishes over the years because antibodies build up.",
    ):
        assert text in full


def test_glossary_mvd_shows_microvascular_decompression(run) -> None:
    result = run("glossary", "mvd")
    assert result.status == 0
    assert result.stdout.startswith("microvascular decompression\n")
    assert "a sponge between an offending blood vessel and a nerve" in flat(result.stdout)


def test_multi_word_term_without_quotes(run) -> None:
    assert run("glossary", "tic", "convulsif").stdout.startswith("hemifacial spasm\n")


def test_treatment_in_full(run) -> None:
    out = flat(run("treatments", "surgery").stdout)
    assert (
        "About 90% of patients are back to their usual way of life two months after surgery." in out
    )
    assert "[1] Payner TD, Tew JM Jr: Recurrence of hemifacial spasm" in out


def test_not_found_exit_1_on_stderr(run) -> None:
    result = run("glossary", "botx")
    assert result.status == 1
    assert result.stdout == ""
    assert result.stderr == (
        "hfs-info: 'botx' is not in the glossary; try: hfs-info search botx; "
        "did you mean: Botox (term)?\n"
    )
    assert run("treatments", "acupuncture").status == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["stats", "--bogus"], "no such option: --bogus (see 'hfs-info stats --help')"),
        (["nosuchcommand"], "no such command 'nosuchcommand'"),
        (["stats", "--format", "xml"], "'xml' is not one of"),
        (
            ["symptoms", "--format", "csv"],
            "hfs-info: --format 'csv' is not one of: table, plain, markdown, json "
            "(see 'hfs-info symptoms --help')",
        ),
        (["overview", "--format", "svg"], "--format 'svg' is not one of"),
        (["treatments", "--format", "svg"], "--format svg does not apply here (SVG draws a chart"),
        (["glossary", " "], "empty glossary term"),
        (["glossary", "x" * 201], "too long (201 characters; the limit is 200)"),
        (["stats", "--color", "sometimes"], "'sometimes' is not one of"),
    ],
)
def test_usage_errors_exit_2(run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.status == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert result.stderr.startswith("hfs-info") and result.stderr.count("\n") == 1


def test_version_names_the_program_and_the_content_edition(run) -> None:
    from hfs_info import __version__

    edition = 'content: "Hemifacial Spasm", Mayfield Clinic patient guide, updated July 2018'
    for args in (["--version"], ["-V"], ["--color", "never", "-V"]):
        lines = run(*args).stdout.splitlines()
        assert lines == [f"hfs-info {__version__}", edition]


@pytest.mark.parametrize(
    "args", [["--data", "unread.toml", "--version"], ["-V", "--data=unread.toml"]], ids=" ".join
)
def test_version_says_which_dataset_file_the_commands_read_without_reading_it(
    run, args: list[str]
) -> None:
    result = run(*args)
    assert (result.status, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1:] == [
        'content: "Hemifacial Spasm", Mayfield Clinic patient guide, updated July 2018',
        "data: the commands read unread.toml (--data) instead",
    ]


@pytest.mark.parametrize("args", [[], *[[c[0]] for c in CONTENT_COMMANDS]])
def test_help_on_every_command_with_an_example(run, args: list[str]) -> None:
    result = run(*args, "--help")
    assert result.status == 0
    assert "Usage: hfs-info" in result.stdout
    if args:
        assert "Example" in result.stdout


def test_json_output_is_typed(run) -> None:
    data = json.loads(run("stats", "--format", "json").stdout)
    first = data["statistics"][0]
    assert first["value"] == 92 and first["unit"] == "percent" and first["display"] == "92%"
    assert data["source"]["reviewer"] == "George Mandybur, MD"
    assert "not intended to take the place" in data["disclaimer"]


def test_csv_parses_back(run) -> None:
    rows = list(csv.DictReader(io.StringIO(run("stats", "-f", "csv").stdout)))
    assert len(rows) == 14
    assert rows[10]["value"] == "85"
    assert rows[10]["citation"].startswith("Payner TD, Tew JM Jr")


def test_narrow_terminal_stacks_the_comparison(run, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    result = run("treatments", "--full")
    assert result.status == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 50
    # No medical text is cut: the Botox mechanism appears whole once wrapping is undone.
    assert "so the muscle does not receive the message to contract." in flat(result.stdout)
    assert "…" not in result.stdout
