"""The entry point of ``hfs-info`` and ``python -m hfs_info``: parse, run, write, and the one
place where errors become messages on stderr and exit statuses.

A command line goes to the quick parser (quick.py) first and to the Typer app (cli.py) only when
the quick parser does not answer for it (help, completion, usage errors, anything unusual). Both
end in the same handler (actions.py) with the same values, so the output is the same either way;
the quick way just does not load Typer.

Output is written whole or not at all: every byte reaches stdout (short writes are continued,
a non-blocking stdout is waited for), or the run ends with ``write error`` and status 2. Only a
reader that went away (``| head``) is not an error, and it never turns a failure into success.
"""

# ruff: noqa: E402  (the imports follow the collector's setting, which is worth most before them)

from __future__ import annotations

import gc

# A run is one short process that creates tens of thousands of objects while it imports and
# answers, few of them in cycles: the collector's default (a collection every 700 objects) ran
# about 30 times a search, 1.5 ms of it (docs/benchmarks.md). Collections stay on, rarer, as
# mypy sets them; a long fill or export still frees its cycles.
gc.set_threshold(50_000, 20, 20)

import os
import sys
from typing import TYPE_CHECKING, NoReturn

from hfs_info.errors import ExitStatus, HfsError, NotFoundError
from hfs_info.options import PROG

if TYPE_CHECKING:
    from hfs_info.actions import Result


def main(argv: list[str] | None = None) -> NoReturn:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``) and exit with its status."""
    sys.exit(run(sys.argv[1:] if argv is None else argv))


def script() -> NoReturn:
    """The ``hfs-info`` console script: ``run``, then exit. When nothing in the process can
    still want the interpreter's teardown (no profiler, tracer or monitoring tool, no exit
    handler), the process ends at once instead: the teardown frees every object one by one and
    is a measurable part of a short run (docs/benchmarks.md). ``python -m hfs_info`` and any
    run under cProfile, coverage or a debugger always exit the usual way."""
    status = run(sys.argv[1:])
    if _nothing_waits_for_teardown():
        os._exit(status)
    sys.exit(status)


def _nothing_waits_for_teardown() -> bool:
    import atexit

    monitoring = getattr(sys, "monitoring", None)  # Python 3.12+: coverage and debuggers
    tools = range(6) if monitoring is not None else range(0)
    return (
        sys.getprofile() is None
        and sys.gettrace() is None
        and not any(monitoring.get_tool(tool) for tool in tools)  # type: ignore[union-attr]
        and getattr(atexit, "_ncallbacks", lambda: 1)() == 0
    )


def run(args: list[str]) -> int:
    """Run ``args`` and write what it produced; the exit status."""
    # Read before parsing, so that even a failure while parsing can show its traceback.
    debug = "--debug" in args[: args.index("--")] if "--" in args else "--debug" in args
    status: int = ExitStatus.OK
    try:
        result = _invoke(args)
        status = result.status
        for warning in result.warnings:
            _error(warning)
        _deliver(result)
    except NotFoundError as exc:
        # One line, the near misses with it: scripts and people read one message a failure.
        more = f" (and {exc.more} more)" if exc.more else ""
        guesses = f"; did you mean: {', '.join(exc.suggestions)}{more}?" if exc.suggestions else ""
        _error(f"{exc}{guesses}")
        status = exc.exit_status
    except HfsError as exc:
        _error(str(exc))
        status = exc.exit_status
    except KeyboardInterrupt:
        status = ExitStatus.INTERRUPTED
    except BrokenPipeError:
        _quiet_broken_pipe()  # the reader went away: no message, and the status stands
    except OSError as exc:
        _error(f"write error: {exc.strerror or exc}")
        status = ExitStatus.ERROR
    except Exception as exc:  # a bug, not something the user did: one line, and a way to see more
        if _interrupted(exc):  # Ctrl-C wrapped by Python (in a class being made: RuntimeError)
            return ExitStatus.INTERRUPTED
        if debug:
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
        status = ExitStatus.ERROR
    return status


# What a character a stream cannot encode is written as, before '?': its letter without the
# accent (Günther as Gunther, from Unicode's decomposition), or these.
_NEAREST = {
    "\u00a9": "(c)", "\u00ae": "(R)", "\u2013": "-", "\u2014": "--", "\u2018": "'",
    "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2026": "...", "\u2022": "*",
    "\u00d7": "x", "\u2264": "<=", "\u2265": ">=", "\u00a0": " ", "\u00b7": ".",
}  # fmt: skip


def _nearest() -> str:
    """The name of an encoding error handler that writes what a stream cannot encode as its
    nearest plain form (a name in a citation stays readable), else '?'."""
    import codecs

    def nearest(error: UnicodeError) -> tuple[str, int]:
        import unicodedata

        assert isinstance(error, UnicodeEncodeError)
        out = []
        for char in error.object[error.start : error.end]:
            plain = _NEAREST.get(char)
            if plain is None:
                base = unicodedata.normalize("NFKD", char)
                plain = "".join(c for c in base if not unicodedata.combining(c))
                try:
                    plain.encode(error.encoding)
                except UnicodeError:
                    plain = ""
            out.append(plain or "?")
        return "".join(out), error.end

    codecs.register_error("hfs-info-nearest", nearest)
    return "hfs-info-nearest"


def _interrupted(exc: BaseException) -> bool:
    """Whether ``exc`` was caused by Ctrl-C: a KeyboardInterrupt in its chain of causes."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _invoke(args: list[str]) -> Result:
    if args in (["--version"], ["-V"]):  # the app's answer (cli._version), without loading it
        from hfs_info import version_text
        from hfs_info.actions import Result
        from hfs_info.options import DATA_ENV

        return Result(version_text(os.environ.get(DATA_ENV) or None, DATA_ENV))
    from hfs_info import quick

    call = quick.parse(args, os.environ)
    if call is not None:
        from hfs_info import actions

        if call[0] not in actions.APP_COMMANDS:
            return actions.run(*call)
    from hfs_info import cli

    return cli.invoke(args)


def _deliver(result: Result) -> None:
    """Write ``result`` to its file, or whole to stdout."""
    if result.path is not None:
        _write_file(result.path, result.text.encode("utf-8"))
        return
    stream = sys.stdout
    if stream is None:  # started with stdout closed (>&-)
        raise OSError(9, os.strerror(9))
    # Documents and machine formats are UTF-8 whatever the locale says; text for people goes
    # in the stream's own encoding, with '?' for what it cannot show.
    encoding = "utf-8" if result.utf8 else (getattr(stream, "encoding", None) or "utf-8")
    stream.flush()
    try:
        fd = stream.fileno()
    except (AttributeError, ValueError):  # a stream in memory (tests, an embedding program)
        stream.write(result.text)
        stream.flush()
        return
    data = result.text.encode(encoding, errors=_nearest())
    if result.pager is not None and stream.isatty():
        from hfs_info import pager

        try:
            if pager.page(data, fd, result.pager, os.environ):
                return
        except pager.CannotStart as exc:  # as git does: the output still reaches the terminal
            _error(f"warning: {exc}; showing the output without it")
    write_all(fd, data)


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd``: a short write (a signal, a stop and continue, a
    full pipe) is continued, and a non-blocking descriptor is waited for rather than given up
    on. Errors (a full disk, a closed pipe) are raised as OSError."""
    import select

    view = memoryview(data)
    while view:
        try:
            written = os.write(fd, view)
        except BlockingIOError:
            select.select([], [fd], [])
            continue
        view = view[written:]


def _error(message: str) -> None:
    """One line on stderr. If stderr itself cannot be written, there is nowhere left to say it:
    the exit status still tells."""
    from hfs_info.text import one_line

    try:
        sys.stderr.write(f"{PROG}: {one_line(message)}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


def _write_file(path: str, data: bytes) -> None:
    from hfs_info.files import write_atomic

    try:
        write_atomic(path, data)
    except OSError as exc:
        from hfs_info.files import Refused

        reason = exc.strerror or str(exc)
        reason = reason if isinstance(exc, Refused) else reason.lower()
        from hfs_info.text import shown_name

        raise HfsError(f"cannot write {shown_name(path)}: {reason}") from None


def _quiet_broken_pipe() -> None:
    """The reader went away (``| head``): stop quietly, and keep Python from complaining when it
    flushes stdout at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
