"""Running the Typer app on a command line that the quick parser left to it: what typer and
click print (help, --version, completion scripts) is collected as the run's output, and click's
exceptions become the tool's own usage errors, so that ``entry.main`` writes and reports
everything in one place."""

from __future__ import annotations

import io
import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

from hfs_info.actions import Result
from hfs_info.errors import UsageError
from hfs_info.options import PROG

if TYPE_CHECKING:
    from collections.abc import Callable


def run_app(app: Any, args: list[str], tidy: Callable[[str], str]) -> Result:
    """Parse ``args`` with ``app`` and run the command. Usage errors become ``UsageError`` (exit
    status 2); what typer and click print themselves is returned, passed through ``tidy``, like
    any command's output."""
    import typer

    command = typer.main.get_command(app)
    collected = _Collected(sys.stdout)
    real, sys.stdout = sys.stdout, collected
    try:
        # Not standalone: usage errors come back to us instead of being printed by typer.
        result = command.main(args=args, prog_name=PROG, standalone_mode=False)
    except SystemExit as exc:  # shell completion ends the run itself
        result = exc.code if isinstance(exc.code, int) else 0
    except typer.Abort:
        raise KeyboardInterrupt from None
    except Exception as exc:
        raise _usage_error(exc) from None
    finally:
        sys.stdout = real
    if isinstance(result, Result):
        return result
    from hfs_info import display, preferences

    pager = display.pager(os.environ, lambda: preferences.load(os.environ).pager)
    return Result(tidy(collected.getvalue()), status=result or 0, pager=pager)


def _usage_error(exc: Exception) -> Exception:
    """click's exceptions (which typer uses without re-exporting them) carry their message;
    anything else is ours and goes on to entry.main as it is."""
    format_message = getattr(exc, "format_message", None)
    if format_message is None:
        return exc
    if not hasattr(exc, "ctx"):  # not a usage error: the message says it all
        return UsageError(format_message())
    where = exc.ctx.command_path if exc.ctx is not None else PROG
    return UsageError(f"{format_message()} (see '{where} --help')")


class _Collected(io.StringIO):
    """Stands in for stdout while the app parses: keeps what typer and click print, while
    ``isatty``, ``fileno`` and ``encoding`` answer for the real stream, from which the handlers
    decide colour and width."""

    def __init__(self, real: TextIO | None) -> None:
        super().__init__()
        self._real = real

    def isatty(self) -> bool:
        return self._real is not None and self._real.isatty()

    def fileno(self) -> int:
        if self._real is None:
            raise OSError(9, "stdout is closed")
        return self._real.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]  # StringIO's is read-only
        return getattr(self._real, "encoding", None) or "utf-8"
