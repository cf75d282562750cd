"""The pager as git runs it, on a real pseudo-terminal: default signal handling in the pager,
failures reported, a pager that cannot start replaced by direct output, colour only where it
can be shown (pager.py)."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from hfs_info.pager import shows_colour
from tests.conftest import on_a_terminal

# Records what it was given, and which signals it started with ignored (SigIgn, a hex mask).
RECORDING_PAGER = """
import sys
data = sys.stdin.buffer.read()
with open(sys.argv[1], "wb") as out:
    out.write(data)
status = open("/proc/self/status").read()
ignored = [line.split()[1] for line in status.splitlines() if line.startswith("SigIgn:")]
with open(sys.argv[1] + ".sig", "w") as out:
    out.write(ignored[0])
"""
COLOUR = re.compile(rb"\x1b\[[0-9;]*m")


def recording_pager(folder: Path, record: Path, name: str = "pager") -> str:
    """The command line of a pager that records its input in ``record``; ``name`` is the file
    it runs as (``less``, to be taken for less)."""
    script = folder / "pager.py"
    script.write_text(RECORDING_PAGER, "utf-8")
    runner = folder / name
    runner.write_text(f'#!/bin/sh\nexec {sys.executable} {script} "$@"\n', "utf-8")
    runner.chmod(0o755)
    return f"{runner} {record}"


def test_the_pager_starts_with_ctrl_c_not_ignored(tmp_path: Path) -> None:
    record = tmp_path / "paged.txt"
    status, _ = on_a_terminal(["treatments"], {"HFS_INFO_PAGER": recording_pager(tmp_path, record)})
    assert status == 0 and b"Microvascular" in record.read_bytes()
    ignored = int(Path(f"{record}.sig").read_text(), 16)
    assert not ignored & (1 << (2 - 1)), f"SIGINT ignored in the pager (SigIgn {ignored:#x})"


def test_a_pager_interrupted_by_ctrl_c_ends_the_run_quietly() -> None:
    # The shell dies of the SIGINT only if it was not started with SIGINT ignored; if it were
    # ignored, it would go on to exit 3, and the run would fail.
    status, shown = on_a_terminal(
        ["treatments"], {"HFS_INFO_PAGER": "sh -c 'kill -INT $$; exit 3'"}
    )
    assert status == 0
    assert b"hfs-info:" not in shown


@pytest.mark.parametrize(
    ("pager", "how"),
    [
        ("false", "failed with exit status 1"),
        ("sh -c 'exit 3'", "failed with exit status 3"),
        ("sh -c 'kill -9 $$'", "was killed by SIGKILL"),
    ],
)
def test_a_pager_that_fails_fails_the_run(pager: str, how: str) -> None:
    status, shown = on_a_terminal(["treatments"], {"HFS_INFO_PAGER": pager})
    assert status == 2
    lines = shown.replace(b"\r\n", b"\n").decode().splitlines()
    assert lines == [f"hfs-info: the pager {pager!r} {how}; the output was not shown"]


@pytest.mark.parametrize("pager", ["sh -c 'cat >/dev/null; exit 141'", "sh -c 'exit 0'"])
def test_a_pager_that_stops_reading_is_not_a_failure(pager: str) -> None:
    """Quitting before the end (the pipe closes: SIGPIPE, 141 as a shell reports it) is how a
    pager is meant to end."""
    assert on_a_terminal(["treatments"], {"HFS_INFO_PAGER": pager})[0] == 0


def test_a_pager_that_cannot_start_gives_way_to_direct_output(tmp_path: Path) -> None:
    broken = tmp_path / "broken-pager"
    broken.write_bytes(b"\x00\x01\x02 not a program")
    broken.chmod(0o755)
    for pager, reason in [(str(broken), "exec format error"), ("/no/such/pager", "no such file")]:
        status, shown = on_a_terminal(["treatments"], {"HFS_INFO_PAGER": pager})
        assert status == 0
        text = shown.replace(b"\r\n", b"\n").decode()
        first, _, rest = text.partition("\n")
        assert first.startswith(f"hfs-info: warning: cannot run the pager {pager!r}: {reason}")
        assert first.endswith("; showing the output without it")
        assert "Microvascular" in rest and "hfs-info:" not in rest


def test_colour_goes_only_to_a_pager_that_shows_it(tmp_path: Path) -> None:
    record = tmp_path / "paged.txt"
    as_less = recording_pager(tmp_path, record, name="less")
    cases = [
        ({"HFS_INFO_PAGER": f"{as_less} -R"}, True),
        ({"HFS_INFO_PAGER": as_less}, True),  # LESS is FRX unless set, as git sets it
        ({"HFS_INFO_PAGER": as_less, "LESS": "X"}, False),
        ({"HFS_INFO_PAGER": as_less, "LESS": "-iR"}, True),
        ({"HFS_INFO_PAGER": recording_pager(tmp_path, record, name="more")}, False),
    ]
    for env, coloured in cases:
        status, _ = on_a_terminal(["treatments"], env)
        assert status == 0
        assert bool(COLOUR.search(record.read_bytes())) is coloured, env


@pytest.mark.parametrize(
    ("argv", "less", "expected"),
    [
        (["less", "-FRX"], "", True),
        (["/usr/bin/less", "-r"], "", True),
        (["less", "--RAW-CONTROL-CHARS"], "", True),
        (["less"], "FRX", True),
        (["less", "-FX"], "", False),
        (["more"], "R", False),
        (["most"], "R", False),
    ],
)
def test_which_pagers_show_colour(argv: list[str], less: str, expected: bool) -> None:
    assert shows_colour(argv, {"LESS": less}) is expected


@pytest.mark.skipif(shutil.which("more") is None, reason="needs more")
def test_real_more_gets_no_colour_and_every_line_fits() -> None:
    status, shown = on_a_terminal(
        ["treatments", "--color", "always"], {"HFS_INFO_PAGER": "more"}, keys=b"q"
    )
    assert status == 0
    # more's own prompt is in reverse video; the rest holds no colour.
    shown = re.sub(rb"\x1b\[7m--More--.*?\x1b\[27m", b"", shown)
    assert not COLOUR.search(shown)
    assert b"Treatments compared" in shown
    # The table's borders stand whole: no line of the table is wider than the terminal.
    lines = [COLOUR.sub(b"", line) for line in shown.split(b"\r\n")]
    assert all(len(line.decode("utf-8", "replace")) <= 80 for line in lines if b"\x1b" not in line)


@pytest.mark.skipif(shutil.which("less") is None, reason="needs less")
def test_real_less_shows_colour_and_quits_on_q() -> None:
    status, shown = on_a_terminal(["treatments", "--color", "always"], {}, keys=b"q")
    assert status == 0
    assert COLOUR.search(shown) and b"Treatments compared" in shown
    assert b"ESC[" not in shown  # less -R shows colour, not the codes as text
    status, shown = on_a_terminal(
        ["treatments", "--color", "always"], {"HFS_INFO_PAGER": "less", "LESS": ""}, keys=b"q"
    )
    assert status == 0 and b"ESC[" not in shown  # not given to a less that would show the codes
