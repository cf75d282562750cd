"""Every byte reaches the reader, or the exit status says it did not (real processes, real pipes).

Each test here failed before output went through ``entry.write_all``: with ``PYTHONUNBUFFERED=1``
a short write was dropped with exit 0, a closed stdout gave a traceback, a broken pipe turned a
failed validation into success, and narrow encodings put ``?`` into JSON and citations.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SCRIPT, run_process

BROKEN = str(FIXTURES / "broken" / "nan.toml")
BUFFERING = [{"PYTHONUNBUFFERED": "1"}, {}]
BUFFER_IDS = ["unbuffered", "buffered"]


def _env(extra: dict[str, str]) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONUNBUFFERED", "COLUMNS")}
    return {**base, "COLUMNS": "80", **extra}


def _no_traceback(stderr: bytes) -> None:
    assert b"Traceback" not in stderr, stderr.decode()


@pytest.mark.parametrize("env", BUFFERING, ids=BUFFER_IDS)
@pytest.mark.parametrize(
    "args", [["--version"], ["export", "-f", "html"], ["stats"], ["--help"]], ids=" ".join
)
def test_a_full_device_is_a_write_error(env: dict[str, str], args: list[str]) -> None:
    with Path("/dev/full").open("wb") as full:
        result = subprocess.run(
            [str(SCRIPT), *args], stdout=full, capture_output=False, stderr=subprocess.PIPE,
            env=_env(env), check=False, timeout=60,
        )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == b"hfs-info: write error: No space left on device\n"


@pytest.mark.parametrize("env", BUFFERING, ids=BUFFER_IDS)
def test_a_closed_stdout_is_a_write_error_without_traceback(env: dict[str, str]) -> None:
    result = subprocess.run(
        [str(SCRIPT), "stats"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env=_env(env), check=False, timeout=60, pass_fds=(), close_fds=True,
        preexec_fn=lambda: os.close(1),
    )  # fmt: skip
    _no_traceback(result.stderr)
    assert result.returncode == 2
    assert result.stderr == b"hfs-info: write error: Bad file descriptor\n"


def test_export_to_a_file_needs_no_stdout(tmp_path: Path, run) -> None:
    target = tmp_path / "page.html"
    result = subprocess.run(
        [str(SCRIPT), "export", "-f", "html", "-o", str(target)], stderr=subprocess.PIPE,
        env=_env({}), check=False, timeout=60, preexec_fn=lambda: os.close(1),
    )  # fmt: skip
    _no_traceback(result.stderr)
    assert (result.returncode, result.stderr) == (0, b"")
    assert target.read_text("utf-8") == run("export", "-f", "html").stdout


@pytest.mark.parametrize(
    ("args", "status"),
    [(["stats"], 0), (["stats", "-f", "yaml"], 2), (["--data", "/nonexistent", "stats"], 2)],
    ids=["stats", "usage error", "missing data"],
)
def test_a_closed_stderr_keeps_the_exit_status(args: list[str], status: int) -> None:
    result = subprocess.run(
        [str(SCRIPT), *args], stdout=subprocess.PIPE, env=_env({}), check=False, timeout=60,
        preexec_fn=lambda: os.close(2),
    )  # fmt: skip
    assert result.returncode == status


@pytest.mark.parametrize("env", BUFFERING, ids=BUFFER_IDS)
def test_an_unwritable_stderr_keeps_the_exit_status(env: dict[str, str]) -> None:
    with Path("/dev/full").open("wb") as full:
        result = subprocess.run(
            [str(SCRIPT), "stats", "-f", "yaml"], stdout=subprocess.PIPE, stderr=full,
            env=_env(env), check=False, timeout=60,
        )  # fmt: skip
    assert result.returncode == 2


def _gone_reader(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """Run with stdout a pipe whose reader has already gone."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [str(SCRIPT), *args], stdout=write_end, stderr=subprocess.PIPE, env=_env(env),
            check=False, timeout=60,
        )  # fmt: skip
    finally:
        os.close(write_end)


@pytest.mark.parametrize("env", BUFFERING, ids=BUFFER_IDS)
@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["validate", BROKEN], 2),
        (["glossary", "botx"], 1),
        (["stats"], 0),
        (["--help"], 0),
        (["--version"], 0),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else str(v),
)
def test_a_reader_that_went_away_never_changes_the_status(
    env: dict[str, str], args: list[str], status: int
) -> None:
    result = _gone_reader(args, env)
    assert result.returncode == status
    _no_traceback(result.stderr)
    assert b"write error" not in result.stderr


def _small_pipe() -> tuple[int, int]:
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, 1031, 4096)  # F_SETPIPE_SZ: the smallest pipe Linux gives
    return read_end, write_end


def _wait_until_full(read_end: int, timeout: float = 30.0) -> None:
    """Until the pipe holds as much as it can (the writer is blocked on it), instead of a
    sleep long enough for a slow machine."""
    import termios

    size = fcntl.fcntl(read_end, 1032)  # F_GETPIPE_SZ
    deadline = time.monotonic() + timeout
    while True:
        waiting = fcntl.ioctl(read_end, termios.FIONREAD, b"\0\0\0\0")
        if int.from_bytes(waiting, sys.byteorder) >= size or time.monotonic() > deadline:
            return
        time.sleep(0.01)


def _wait_for_state(pid: int, stopped: bool, timeout: float = 30.0) -> None:
    """Until the process is stopped (state T) or running again (any other state)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        if (state in "Tt") == stopped:
            return
        time.sleep(0.005)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize("env", BUFFERING, ids=BUFFER_IDS)
def test_a_non_blocking_stdout_is_waited_for(env: dict[str, str], run) -> None:
    expected = run("export", "-f", "html").stdout.encode()
    read_end, write_end = _small_pipe()
    os.set_blocking(write_end, False)  # as some parents leave a shared pipe
    process = subprocess.Popen(
        [str(SCRIPT), "export", "-f", "html"], stdout=write_end, stderr=subprocess.PIPE,
        env=_env(env),
    )  # fmt: skip
    os.close(write_end)
    _wait_until_full(read_end)  # the reader starts late: the pipe is full long before
    received = _read_all(read_end)
    os.close(read_end)
    assert process.wait(timeout=60) == 0
    assert process.stderr is not None and process.stderr.read() == b""
    assert received == expected


@pytest.mark.parametrize("env", BUFFERING, ids=BUFFER_IDS)
def test_stopped_and_continued_while_the_pipe_is_full_loses_nothing(
    env: dict[str, str], run
) -> None:
    """Ctrl-Z then fg while the output sits in a full pipe (``hfs-info … | less``)."""
    expected = run("export", "-f", "html").stdout.encode()
    read_end, write_end = _small_pipe()
    process = subprocess.Popen(
        [str(SCRIPT), "export", "-f", "html"], stdout=write_end, stderr=subprocess.PIPE,
        env=_env(env),
    )  # fmt: skip
    os.close(write_end)
    _wait_until_full(read_end)  # blocked on the full pipe
    for stop in (signal.SIGSTOP, signal.SIGTSTP):
        process.send_signal(stop)
        _wait_for_state(process.pid, stopped=True)
        process.send_signal(signal.SIGCONT)
        _wait_for_state(process.pid, stopped=False)
    received = _read_all(read_end)
    os.close(read_end)
    assert process.wait(timeout=60) == 0
    assert received == expected


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tiny tmpfs needs root")
@pytest.mark.parametrize("env", BUFFERING, ids=BUFFER_IDS)
def test_a_disk_that_fills_up_is_a_write_error(env: dict[str, str], tmp_path: Path) -> None:
    mount = tmp_path / "mnt"
    mount.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(mount)],
        capture_output=True, check=False,
    )  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        with (mount / "page.html").open("wb") as out:
            result = subprocess.run(
                [str(SCRIPT), "export", "-f", "html"], stdout=out, stderr=subprocess.PIPE,
                env=_env(env), check=False, timeout=60,
            )  # fmt: skip
        assert result.returncode == 2
        assert result.stderr == b"hfs-info: write error: No space left on device\n"
    finally:
        subprocess.run(["umount", str(mount)], check=False)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["sources", "-f", "json"], "Günther"),
        (["cite"], "686–691"),
        (["export", "-f", "html"], "Günther"),
        (["export", "-f", "markdown"], "Günther"),
        (["search", "samii", "-f", "csv"], "Günther"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else v,
)
def test_documents_and_machine_formats_are_utf8_whatever_the_encoding(
    encoding: str, args: list[str], needle: str
) -> None:
    result = run_process(*args, env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 0
    assert needle in result.stdout.decode("utf-8")


def test_text_for_people_uses_the_terminals_encoding() -> None:
    result = run_process("sources", "-f", "plain", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0
    result.stdout.decode("ascii")
    # the nearest plain form of what ascii cannot show: a name in a citation stays readable
    assert b"Samii M, Gunther T" in result.stdout and b"G?nther" not in result.stdout
    assert b"(c) Mayfield Clinic 1998-2018" in result.stdout
    latin = run_process("sources", "-f", "plain", env={"PYTHONIOENCODING": "latin-1"})
    assert "Günther".encode("latin-1") in latin.stdout  # what the encoding has, it keeps
    # what has no plain form is still '?', and nothing fails
    emoji = run_process(
        "search", "botox \U0001f600", "-f", "plain", env={"PYTHONIOENCODING": "ascii"}
    )
    assert emoji.returncode in (0, 1) and b"Traceback" not in emoji.stderr


def test_python_m_and_the_script_write_the_same_bytes() -> None:
    module = subprocess.run(
        [sys.executable, "-m", "hfs_info", "export", "-f", "html"], capture_output=True,
        env=_env({"PYTHONUNBUFFERED": "1"}), check=True, timeout=60,
    )  # fmt: skip
    assert module.stdout == run_process("export", "-f", "html").stdout


def test_export_into_a_device_or_fifo_writes_into_it(tmp_path: Path, run) -> None:
    """`export -o` replaces a regular file atomically, but never swaps a device or a pipe for a
    plain file: those are written into, as `> PATH` would."""
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run_process("export", "-o", str(fifo))
    reader.join(timeout=30)
    assert result.returncode == 0
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received == [run("export").stdout.encode()]
    full = run_process("export", "-o", "/dev/full")
    assert full.returncode == 2
    assert full.stderr == b"hfs-info: cannot write /dev/full: no space left on device\n"
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


@pytest.mark.parametrize("fmt", ["table", "plain", "markdown"])
@pytest.mark.parametrize(
    "args",
    [
        ["treatments"],
        ["treatments", "--full"],
        ["treatments", "mvd"],
        ["stats"],
        ["search", "how soon does surgery work"],
        ["search", "recurrence after MVD"],
    ],
    ids=" ".join,
)
def test_a_view_that_cites_a_reference_says_what_it_is(run, args: list[str], fmt: str) -> None:
    out = run(*args, "--format", fmt).stdout
    assert "reference 1" in out.lower() or "[1]" in out.replace("\\", "")  # Markdown: \[1\]
    assert "Payner TD, Tew JM Jr" in out
