"""Domain errors and the exit status each one maps to (the mapping happens once, in entry.run)."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    NOT_FOUND = 1  # a lookup or search found nothing
    ERROR = 2  # usage, dataset or I/O error
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)


class HfsError(Exception):
    """An error a user can cause; shown as one line on stderr, never as a traceback."""

    exit_status = ExitStatus.ERROR


class UsageError(HfsError):
    """The command line asked for something that cannot be done (e.g. a format a command lacks)."""


class NotFoundError(HfsError):
    """A lookup matched nothing. ``suggestions``: near misses to offer, never to pick silently;
    ``more``: how many others there were, left out to keep the message one line."""

    exit_status = ExitStatus.NOT_FOUND

    def __init__(self, message: str, suggestions: tuple[str, ...] = (), more: int = 0) -> None:
        super().__init__(message)
        self.suggestions = suggestions
        self.more = more


class DataError(HfsError):
    """A dataset could not be read or breaks the schema.

    ``problems`` holds every problem found, each as ``key.path: what is wrong``; the message names
    the file and the first one. ``line`` and ``column`` (counted from 1) say where in the file
    the problem is, when the file could not be read as TOML; ``where`` is the place a message
    names, ``FILE:LINE:COLUMN`` or ``FILE``.
    """

    def __init__(
        self,
        source: str,
        problems: list[str],
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.source = source
        self.problems = problems
        self.line = line
        self.column = column
        more = len(problems) - 1
        tail = f" (and {more} more problem{'s' if more != 1 else ''})" if more > 0 else ""
        super().__init__(f"{self.where}: {problems[0]}{tail}")

    @property
    def where(self) -> str:
        if self.line is None:
            return self.source
        return f"{self.source}:{self.line}" + (f":{self.column}" if self.column else "")


class UnreadDataError(DataError):
    """A dataset file that could not be read at all (missing, unreadable, a folder): an I/O
    error, which ``validate`` reports as every message, not as a problem of the file's data."""
