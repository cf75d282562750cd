"""Broken datasets are rejected with one message naming the file and the key path, exit 2."""

from __future__ import annotations

import copy
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import tomli

from hfs_info import dataset, store
from hfs_info.errors import DataError

PACKAGED = files("hfs_info.data").joinpath(store.PACKAGED_NAME).read_text("utf-8")


@pytest.fixture
def raw() -> dict[str, Any]:
    return copy.deepcopy(tomli.loads(PACKAGED))


def problems(raw: dict[str, Any]) -> list[str]:
    built, found = dataset.build(raw)
    assert built is None
    return found


def test_packaged_dataset_is_valid(raw: dict[str, Any]) -> None:
    built, found = dataset.build(raw)
    assert found == [] and built is not None


def test_wrong_type_names_the_key_path(raw: dict[str, Any]) -> None:
    raw["glossary"][3]["definition"] = 42
    assert problems(raw) == ["glossary[3].definition: expected a string, got an integer"]


def test_missing_field(raw: dict[str, Any]) -> None:
    del raw["treatments"][1]["how_given"]
    assert problems(raw) == ["treatments[1].how_given: missing"]


def test_unknown_key(raw: dict[str, Any]) -> None:
    raw["statistics"][0]["colour"] = "red"
    assert problems(raw) == ["statistics[0].colour: unknown key"]


def test_nested_record(raw: dict[str, Any]) -> None:
    raw["provenance"]["contact"]["phone"] = ["417"]
    assert problems(raw) == ["provenance.contact.phone: expected a string, got an array"]


def test_duplicate_id(raw: dict[str, Any]) -> None:
    raw["glossary"][1]["id"] = raw["glossary"][0]["id"]
    found = problems(raw)
    assert "glossary[1].id: duplicate 'anticonvulsants' (first at glossary[0])" in found


def test_statistic_citing_a_missing_reference(raw: dict[str, Any]) -> None:
    raw["statistics"][10]["reference"] = "nobody-1999"
    assert problems(raw) == ["statistics[10].reference: no reference with id 'nobody-1999'"]


@pytest.mark.parametrize("value", [100.5, -1, 250])
def test_percentage_out_of_range(raw: dict[str, Any], value: float) -> None:
    raw["statistics"][0]["value"] = value
    (problem,) = problems(raw)
    assert problem.startswith("statistics[0].value: ")


def test_not_a_finite_number(raw: dict[str, Any]) -> None:
    raw["statistics"][0]["value"] = float("nan")
    assert problems(raw) == ["statistics[0].value: expected a finite number, got nan"]


def test_boolean_is_not_a_number(raw: dict[str, Any]) -> None:
    raw["statistics"][0]["value"] = True
    assert problems(raw) == ["statistics[0].value: expected a number, got a boolean"]


def test_closed_vocabulary(raw: dict[str, Any]) -> None:
    raw["medications"][0]["class"] = "antibiotic"
    assert problems(raw) == [
        "medications[0].class: 'antibiotic' is not one of: anticonvulsant, muscle relaxant"
    ]


def test_dangling_figure_and_statistic(raw: dict[str, Any]) -> None:
    raw["treatments"][2]["figures"].append("figure-9")
    raw["treatments"][1]["statistics"].append("nope")
    assert problems(raw) == [
        "treatments[1].statistics[3]: no record with id 'nope'",
        "treatments[2].figures[3]: no record with id 'figure-9'",
    ]


def test_two_terms_answering_to_one_name(raw: dict[str, Any]) -> None:
    raw["glossary"][0]["aliases"].append("MVD")
    found = problems(raw)
    assert any("name 'mvd' is also used by glossary[0]" in p for p in found)


def test_every_structural_problem_is_reported(raw: dict[str, Any]) -> None:
    raw["glossary"][0]["definition"] = 1
    raw["glossary"][1]["extra"] = True
    del raw["links"][0]["url"]
    assert len(problems(raw)) == 3


def test_data_error_message_names_file_and_first_problem() -> None:
    error = DataError("x.toml", ["a.b: missing", "c: unknown key"])
    assert str(error) == "x.toml: a.b: missing (and 1 more problem)"


# --- through the command line, with --data ---------------------------------------------------


def write(tmp_path: Path, text: str | bytes, name: str = "data.toml") -> str:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    return str(path)


def test_cli_reports_a_schema_violation(run, tmp_path: Path) -> None:
    broken = PACKAGED.replace('aliases = ["MVD"]', 'aliases = "MVD"')
    path = write(tmp_path, broken)
    result = run("--data", path, "glossary", "mvd")
    assert result.status == 2
    assert result.stdout == ""
    assert result.stderr == f"hfs-info: {path}: glossary[4].aliases: expected an array\n"


def test_cli_accepts_a_valid_edition(run, tmp_path: Path) -> None:
    edited = PACKAGED.replace('phone = "417-885-3888"', 'phone = "000-000-0000"')
    path = write(tmp_path, edited)
    result = run("--data", path, "sources", "--format", "plain")
    assert result.status == 0
    assert "000-000-0000" in result.stdout


def test_environment_variable_selects_the_dataset(run, tmp_path, monkeypatch) -> None:
    path = write(tmp_path, PACKAGED.replace('term = "Botox"', 'term = "Botox (edited)"'))
    monkeypatch.setenv("HFS_INFO_DATA", path)
    result = run("glossary", "botulinum toxin type A", "-f", "json")
    assert result.status == 0 and "Botox (edited)" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file has no data"),
        (b"\xef\xbb\xbfschema_version = 1\n", "starts with a byte-order mark"),
        (b'title = "\xff\xfe"\n', "not UTF-8 text"),
        ("schema_version = [\n", "malformed TOML"),
        ("schema_version = 1\n", "provenance: missing"),
        ("x = " + "[" * 5000 + "]" * 5000, ""),
    ],
)
def test_cli_rejects_unreadable_files(run, tmp_path: Path, content, message: str) -> None:
    path = write(tmp_path, content)
    result = run("--data", path, "stats")
    assert result.status == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"hfs-info: {path}")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_malformed_toml_names_line_and_column(run, tmp_path: Path) -> None:
    path = write(tmp_path, "schema_version = 1\n[provenance\n")
    result = run("--data", path, "stats")
    assert result.status == 2
    assert result.stderr.startswith(f"hfs-info: {path}:2:12: malformed TOML")


def test_cli_rejects_missing_files_and_directories(run, tmp_path: Path) -> None:
    missing = run("--data", str(tmp_path / "nope.toml"), "stats")
    assert missing.status == 2
    assert missing.stderr == f"hfs-info: {tmp_path / 'nope.toml'}: no such file or directory\n"
    directory = run("--data", str(tmp_path), "stats")
    assert directory.status == 2
    assert directory.stderr == f"hfs-info: {tmp_path}: is a directory, not a dataset file\n"


def test_cli_never_reads_a_fifo(run, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = run("--data", str(fifo), "stats")
    assert result.status == 2 and "not a regular file" in result.stderr


def test_cli_rejects_an_empty_data_path(run) -> None:
    result = run("--data", "", "stats")
    assert result.status == 2
    assert result.stderr == (
        "hfs-info: --data: the path is empty; give the path of a dataset file\n"
    )


@pytest.mark.parametrize("start", ["{", "  [", "\n{"])
def test_a_json_file_is_said_to_look_like_json(run, tmp_path: Path, start: str) -> None:
    """The package's own data is also JSON (compiled from the TOML): given to --data, it is
    refused as a dataset, but the message says why."""
    path = write(tmp_path, start + '"schema_version": 1}\n')
    result = run("--data", path, "stats")
    assert result.status == 2 and result.stdout == ""
    assert result.stderr.startswith(f"hfs-info: {path}:")
    assert result.stderr.endswith(
        "(it looks like JSON; a dataset file is TOML, as the shipped edition is)\n"
    )
    toml_error = run("--data", write(tmp_path, "schema_version = [\n"), "stats").stderr
    assert "looks like JSON" not in toml_error
