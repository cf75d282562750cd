"""Long output on a terminal goes through a pager, as git and gh do.

The pager is ``HFS_INFO_PAGER``, else ``PAGER``, else ``less -FRX`` (or ``more`` where there is no
less); an empty value or ``cat`` means none. Only text longer than the screen is paged, and only
when stdout is a terminal: pipes and files never page. ``less -R`` passes colour through, ``-F``
quits at once if the text fits after all, ``-X`` leaves it on the screen when you quit. A
``TERM=dumb`` terminal gets no pager, as it gets no colour.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
from collections.abc import Mapping

PAGER_ENV = "HFS_INFO_PAGER"


def command(environ: Mapping[str, str]) -> list[str] | None:
    """The pager to run, as argv, or None for no pager."""
    for name in (PAGER_ENV, "PAGER"):
        if name in environ:
            chosen = environ[name].strip()
            break
    else:
        chosen = "less -FRX" if shutil.which("less") else "more" if shutil.which("more") else ""
    try:
        argv = shlex.split(chosen)
    except ValueError:  # unbalanced quotes: not a command we can run
        return None
    if not argv or argv[0] == "cat" or shutil.which(argv[0]) is None:
        return None
    return argv


def page(data: bytes, fd: int, environ: Mapping[str, str]) -> bool:
    """Show ``data`` through the pager when it is longer than the terminal ``fd``; False when
    it was not paged (no pager, or it fits) and is still to be written."""
    if environ.get("TERM") == "dumb":  # no cursor movement there, and a pager is all of that
        return False
    try:
        rows = os.get_terminal_size(fd).lines
    except OSError:
        return False
    if data.count(b"\n") < rows:
        return False
    argv = command(environ)
    if argv is None:
        return False
    env = dict(environ)
    env.setdefault("LESS", "FRX")  # also for a PAGER=less without options, as git does
    # Ctrl-C belongs to the pager while it runs (less uses it to stop a search): this process
    # waits for the pager rather than dying under it.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
        assert process.stdin is not None
        try:
            process.stdin.write(data)
            process.stdin.close()
        except BrokenPipeError:  # `q` before the end: the reader is done
            pass
        process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    return True
