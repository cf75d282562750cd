"""Shared test helpers: run the CLI in-process (fast) or as a real process (pipes, encodings)."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from hfs_info.entry import main
from tests.depth import DEFAULT_EXAMPLES, examples

# The property tests that name no number of examples try Hypothesis's default, or a fifth of it
# at quick depth (tests/depth.py).
settings.register_profile("depth", max_examples=examples(DEFAULT_EXAMPLES))
settings.load_profile("depth")

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
FIXTURES = HERE / "fixtures"
# The installed console script, next to the interpreter running the tests.
SCRIPT = Path(sys.executable).with_name("hfs-info")


def nobody_can_run_the_tool() -> bool:
    """Whether tests may run the tool as the user nobody (setpriv): only as root, with setpriv,
    and with an interpreter that user may run (pyenv's under /root, mode 0700, is not)."""
    import shutil

    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv is None:
        return False
    probe = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", str(SCRIPT), "-V"]
    return subprocess.run(probe, capture_output=True, timeout=60, check=False).returncode == 0


@dataclass
class Result:
    status: int
    stdout: str
    stderr: str


@pytest.fixture(autouse=True)
def no_preferences(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test runs without the developer's preferences: an empty config folder, and no
    HFS_INFO_FORMAT (tests/test_preferences.py sets them on purpose)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("HFS_INFO_FORMAT", raising=False)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Call entry.main in-process with a fixed, colourless 80-column terminal."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("HFS_INFO_DATA", raising=False)

    def _run(*args: str) -> Result:
        with pytest.raises(SystemExit) as exit_info:
            main(list(args))
        out, err = capsys.readouterr()
        return Result(int(exit_info.value.code or 0), out, err)

    return _run


def run_process(
    *args: str,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed hfs-info script as a real process; bytes in, bytes out."""
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "FORCE_COLOR", "NO_COLOR")}
    base.pop("HFS_INFO_DATA", None)
    return subprocess.run(
        [str(SCRIPT), *args],
        env={**base, **(env or {})},
        capture_output=True,
        timeout=60,
        check=False,
        cwd=cwd,
        input=stdin.encode() if stdin is not None else None,
    )


def on_a_terminal(
    args: list[str], env: dict[str, str], rows: int = 24, keys: bytes = b""
) -> tuple[int, bytes]:
    """Run the installed script on a pseudo-terminal of ``rows`` x 80; its status and what the
    terminal showed."""
    import fcntl
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 80, 0, 0))
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "PAGER")}
    process = subprocess.Popen(
        [str(SCRIPT), *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env={**base, "TERM": "xterm", **env},
        close_fds=True,
    )
    os.close(follower)
    shown = b""
    deadline = time.monotonic() + 30
    sent = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the process is done
                break
            if not chunk:
                break
            shown += chunk
        elif keys and not sent and shown:
            os.write(leader, keys)
            sent = True
        if process.poll() is not None and not ready:
            break
    status = process.wait(timeout=30)
    os.close(leader)
    return status, shown
