"""The entry point of ``hfs-info`` and ``python -m hfs_info``, and the one place where errors
become messages on stderr and exit statuses.

A command line goes to the quick parser (quick.py) first and to the Typer app (cli.py) only when
the quick parser does not answer for it (help, completion, usage errors, anything unusual). Both
end in ``actions.run`` with the same values, so the output is the same either way; the quick way
just does not load Typer.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING, NoReturn

from hfs_info.errors import ExitStatus, HfsError, NotFoundError

if TYPE_CHECKING:
    from hfs_info.actions import Output

PROG = "hfs-info"


def main(argv: list[str] | None = None) -> NoReturn:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``) and exit with its status."""
    for stream in (sys.stdout, sys.stderr):
        # An ASCII or Latin-1 stream degrades to '?' instead of raising UnicodeEncodeError.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    args = sys.argv[1:] if argv is None else argv
    # Read before parsing, so that even a failure while parsing can show its traceback.
    debug = "--debug" in args[: args.index("--")] if "--" in args else "--debug" in args
    status: int = ExitStatus.OK
    try:
        result = _invoke(args)
        if isinstance(result, int):
            status = result  # typer's own exits (--help, --version): already printed
        elif result is not None:
            if result.path is not None:
                _write_file(result.path, result)
            else:
                sys.stdout.write(result)
                sys.stdout.flush()
            status = result.status
    except NotFoundError as exc:
        _error(str(exc))
        if exc.suggestions:
            _error("did you mean: " + ", ".join(exc.suggestions) + "?")
        status = exc.exit_status
    except HfsError as exc:
        _error(str(exc))
        status = exc.exit_status
    except KeyboardInterrupt:
        status = ExitStatus.INTERRUPTED
    except BrokenPipeError:
        status = _quiet_broken_pipe()
    except OSError as exc:
        _error(f"write error: {exc.strerror or exc}")
        status = ExitStatus.ERROR
    except Exception as exc:  # a bug, not something the user did: one line, and a way to see more
        if debug:
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
        status = ExitStatus.ERROR
    sys.exit(status)


def script() -> NoReturn:
    """The ``hfs-info`` console script: ``main``, then an immediate exit once everything it
    wrote is flushed. Skipped is only the interpreter's teardown, which frees every object one
    by one: about 20 ms of every run on our CI machines (docs/benchmarks.md).
    Nothing of ours needs it: files are closed as they are written and no exit handlers are
    registered. An exception that ``main`` lets through (``--debug``) exits the usual way."""
    try:
        main()
    except SystemExit as exc:  # the status as Python would take it: None is 0, text is 1
        if exc.code is None or isinstance(exc.code, int):
            status = exc.code or 0
        else:
            sys.stderr.write(f"{exc.code}\n")
            status = 1
    for stream in (sys.stdout, sys.stderr):
        # A reader that went away was already dealt with by main; nothing is left to say.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


def _invoke(args: list[str]) -> Output | int | None:
    from hfs_info import quick

    call = quick.parse(args, os.environ)
    if call is not None:
        from hfs_info import actions

        return actions.run(*call)
    from hfs_info import cli

    return cli.invoke(args)


def _error(message: str) -> None:
    from hfs_info.text import inert

    sys.stderr.write(f"{PROG}: {inert(message)}\n")


def _write_file(path: str, text: str) -> None:
    from hfs_info.files import write_atomic

    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        raise HfsError(f"cannot write {path}: {(exc.strerror or str(exc)).lower()}") from None


def _quiet_broken_pipe() -> int:
    """The reader went away (``| head``): stop quietly, and keep Python from complaining when it
    flushes stdout at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return ExitStatus.OK
