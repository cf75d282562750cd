"""Long output on a terminal goes through a pager, as git runs one.

Which pager is display.py's choice (``HFS_INFO_PAGER``, the config file's ``pager``, ``PAGER``);
the default is ``less -FRX``, or ``more`` where there is no less. Only text longer than the
screen is paged, and only when stdout is a terminal: pipes and files never page. ``less -R``
passes colour through, ``-F`` quits at once if the text fits after all, ``-X`` leaves it on the
screen when you quit. A ``TERM=dumb`` terminal gets no pager, as it gets no colour.

As git does: the pager starts with the default signal handling (Ctrl-C reaches it, while this
process waits for it); colour goes only to a pager that shows it (less with -R, or R in LESS),
never to ``more``, whose line counts would include the codes; a pager that cannot be started is
not used (``CannotStart``: the caller warns and writes directly); a pager that fails, other than
being interrupted or closing its input early, fails the run.
"""

from __future__ import annotations

import os
import re
import signal
from collections.abc import Mapping

from hfs_info.errors import HfsError

# Exit statuses that mean the reader stopped, not that the pager failed: killed by SIGINT
# (Ctrl-C) or SIGPIPE, directly or as a shell reports it (128 + the signal).
_STOPPED = {
    status for sig in (signal.SIGINT, signal.SIGPIPE) for status in (-int(sig), 128 + int(sig))
}
# Colour and hyperlink codes, the only escape sequences our output holds (text.inert makes
# every other control character in the content visible).
_COLOUR = re.compile(rb"\x1b\[[0-9;]*m|\x1b\]8;[^\x07\x1b]*(?:\x07|\x1b\\)")


class CannotStart(Exception):
    """The pager could not be started; the output is to be written directly."""


def command(chosen: str) -> list[str] | None:
    """The pager ``chosen`` ("" for the default) as argv, or None for none."""
    import shlex
    import shutil

    if not chosen:
        chosen = "less -FRX" if shutil.which("less") else "more" if shutil.which("more") else ""
    try:
        argv = shlex.split(chosen)
    except ValueError:  # unbalanced quotes: not a command we can run
        raise CannotStart(f"cannot run the pager {chosen!r}: unbalanced quotes") from None
    return argv or None


def shows_colour(argv: list[str], environ: Mapping[str, str]) -> bool:
    """Whether the pager ``argv`` shows colour codes as colour: less with -R or -r (given, or
    in LESS). Any other pager might show them as text or count them as width."""
    if argv[0].rsplit("/", 1)[-1] != "less":
        return False
    for word in argv[1:]:
        if word.casefold() == "--raw-control-chars" or (
            word.startswith("-") and not word.startswith("--") and ("R" in word or "r" in word)
        ):
            return True
    less = environ.get("LESS", "")
    return "R" in less or "r" in less


def page(data: bytes, fd: int, chosen: str, environ: Mapping[str, str]) -> bool:
    """Show ``data`` through the pager ``chosen`` when it is longer than the terminal ``fd``;
    False when it was not paged (no pager, or it fits) and is still to be written."""
    if environ.get("TERM") == "dumb":  # no cursor movement there, and a pager is all of that
        return False
    try:
        rows = os.get_terminal_size(fd).lines
    except OSError:
        return False
    if data.count(b"\n") < rows:
        return False
    argv = command(chosen)
    if argv is None:
        return False
    env = dict(environ)
    env.setdefault("LESS", "FRX")  # also for a PAGER=less without options, as git does
    if not shows_colour(argv, env):
        data = _COLOUR.sub(b"", data)
    _run(argv, data, env, chosen or argv[0])
    return True


def _run(argv: list[str], data: bytes, env: dict[str, str], name: str) -> None:
    import subprocess

    try:
        # Started before this process ignores Ctrl-C, so the pager does not inherit that.
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        raise CannotStart(f"cannot run the pager {name!r}: {reason}") from None
    # Ctrl-C belongs to the pager while it runs (less uses it to stop a search): this process
    # waits for the pager rather than dying under it.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        assert process.stdin is not None
        try:
            process.stdin.write(data)
            process.stdin.close()
        except BrokenPipeError:  # `q` before the end: the reader is done
            pass
        status = process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    if status == 0 or status in _STOPPED:
        return
    if status < 0:
        how = f"was killed by {signal.Signals(-status).name}"
    else:
        how = f"failed with exit status {status}"
    raise HfsError(f"the pager {name!r} {how}; the output was not shown")
