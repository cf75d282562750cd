"""What an in-process runner cannot see: the installed script, real pipes, encodings, widths."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SCRIPT, run_process


def test_installed_entry_point_and_python_m_agree() -> None:
    script = run_process("glossary", "mvd", "--format", "json")
    module = subprocess.run(
        [sys.executable, "-m", "hfs_info", "glossary", "mvd", "--format", "json"],
        capture_output=True,
        check=False,
    )
    assert SCRIPT.exists()
    assert script.returncode == module.returncode == 0
    assert script.stdout == module.stdout
    assert json.loads(script.stdout)["term"]["term"] == "microvascular decompression"


def test_pipe_carries_no_escape_codes() -> None:
    result = run_process("treatments")
    assert result.returncode == 0
    assert b"\x1b" not in result.stdout


def test_force_color_and_no_color() -> None:
    assert b"\x1b[" in run_process("glossary", "mvd", env={"FORCE_COLOR": "1"}).stdout
    both = run_process("glossary", "mvd", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert b"\x1b" not in both.stdout
    flag_wins = run_process("glossary", "mvd", "--color", "always", env={"NO_COLOR": "1"})
    assert b"\x1b[" in flag_wins.stdout


def test_head_closing_the_pipe_is_quiet() -> None:
    pipeline = subprocess.run(
        f"'{SCRIPT}' glossary --format plain | head -1",
        shell=True,
        capture_output=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "80"},
    )
    assert pipeline.stdout == b"Glossary\n"
    assert pipeline.stderr == b""


def test_write_error_is_one_line_exit_2() -> None:
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [str(SCRIPT), "stats"], stdout=full, stderr=subprocess.PIPE, check=False
        )
    assert result.returncode == 2
    assert result.stderr == b"hfs-info: write error: No space left on device\n"


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_narrow_encodings_degrade_without_crashing(encoding: str) -> None:
    result = run_process("sources", env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    text = result.stdout.decode(encoding)
    assert "+--" in text or "|" in text  # ASCII borders instead of box drawing
    assert "Samii M, G" in text


@pytest.mark.parametrize("columns", ["0", "1", "20", "500", "100000", "abc"])
def test_any_columns_value_gives_bounded_complete_output(columns: str) -> None:
    result = run_process("treatments", "--full", env={"COLUMNS": columns})
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert lines and max(len(line) for line in lines) <= 120
    text = result.stdout.decode()
    assert "…" not in text
    # Table cells wrap rather than cut: every word of the longest cell is still there.
    words = set(text.replace("│", " ").replace("|", " ").split())
    cell = (
        "so the muscle does not receive the message to contract. antibodies build up. (Klonopin)."
    )
    assert set(cell.split()) <= words


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "html"],  # the largest output
        ["glossary", "botx"],  # exit 1, with suggestions on stderr
        ["stats", "--format", "yaml"],  # a usage error, from the Typer app
        ["--help"],
        ["--version"],
        ["validate", "tests/fixtures/broken/unknown-key.toml"],  # exit 2, report on stdout
    ],
    ids=" ".join,
)
def test_the_scripts_quick_exit_loses_nothing(run, args: list[str]) -> None:
    """The console script ends with os._exit after flushing (entry.script): every byte and the
    exit status must be what an ordinary in-process run gives."""
    expected = run(*args)
    actual = run_process(*args, env={"COLUMNS": "80"})
    assert (actual.returncode, actual.stdout.decode(), actual.stderr.decode()) == (
        expected.status,
        expected.stdout,
        expected.stderr,
    )


def test_a_file_written_by_the_script_is_complete(run, tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    assert run_process("export", "--format", "html", "-o", str(target)).returncode == 0
    assert target.read_text("utf-8") == run("export", "--format", "html").stdout


def test_a_profiler_sees_the_whole_run() -> None:
    """``python -m cProfile -m hfs_info`` prints its profile after the output."""
    result = subprocess.run(
        [sys.executable, "-m", "cProfile", "-m", "hfs_info", "glossary", "botox", "-f", "json"],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    output = result.stdout.decode()
    assert json.loads(output[: output.index("\n}\n") + 3])["kind"] == "term"
    assert "function calls" in output  # the profile's report


@pytest.mark.parametrize(
    "setup",
    [
        "atexit.register(lambda: sys.stderr.write('exit handler ran\\n'))",
        "sys.settrace(lambda *a: None); atexit.register(lambda: sys.stderr.write('exit handler ran\\n'))",  # noqa: E501
    ],
    ids=["atexit", "tracer"],
)
def test_the_script_keeps_the_interpreters_exit_when_something_waits_for_it(setup: str) -> None:
    """The console script skips the interpreter's teardown only when nothing needs it: an exit
    handler (as coverage and profilers register) still runs, and the status is kept."""
    code = (
        f"import atexit, sys; {setup}; sys.argv = ['hfs-info', 'glossary', 'botx']; "
        "from hfs_info.entry import script; script()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=False, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.decode().endswith("exit handler ran\n")


@pytest.mark.parametrize("raw", [b"botox\x9b", b"\xff\xfe mvd", b"tic \xed\xa0\x80 convulsif"])
def test_json_is_utf_8_whatever_bytes_the_command_line_holds(raw: bytes) -> None:
    """A byte of the command line that is not UTF-8 reaches JSON as U+FFFD, never as a lone
    surrogate ("\\udc9b"), which strict parsers refuse."""
    done = subprocess.run(
        [bytes(SCRIPT), b"search", raw, b"-f", b"json"], capture_output=True, check=False
    )
    assert done.returncode in (0, 1), done.stderr
    if done.returncode == 0:
        text = done.stdout.decode("utf-8", "strict")
        assert "\\ud" not in text.lower()
        query = json.loads(text)["query"]
        assert "\ufffd" in query and not any(0xD800 <= ord(c) <= 0xDFFF for c in query)
