"""The names and choices the command line shares: the program's name, its data variable, and
every closed set of values an option takes. A leaf module (standard library only), so that the
Typer declaration (cli.py), the quick parser, the actions and the renderers all take these from
one place.
"""

from enum import StrEnum
from typing import Any, NamedTuple

PROG = "hfs-info"
# The environment variable that names a dataset file, like --data.
DATA_ENV = "HFS_INFO_DATA"
# Set by the shell completion scripts (completions/, --show-completion): the run is a request for
# completions, which the Typer app answers. Only this name: other tools' *_COMPLETE variables
# in the environment are not ours.
COMPLETE_VAR = "_HFS_INFO_COMPLETE"


class Format(StrEnum):
    """Every output format of the content commands (``--format``); the renderers' names."""

    table = "table"
    plain = "plain"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    svg = "svg"


class ExportFormat(StrEnum):
    """Document formats of ``export``."""

    auto = "auto"  # from the output file's extension, else Markdown
    markdown = "markdown"
    json = "json"
    html = "html"


class CiteStyle(StrEnum):
    """Citation styles of ``cite``."""

    apa = "apa"
    bibtex = "bibtex"
    ris = "ris"


class ColorChoice(StrEnum):
    """``--color``: when to colour the output."""

    auto = "auto"
    always = "always"
    never = "never"


# What each kind of command can write (--format), its default first: subsets of Format, so that
# a format has one name and one renderer everywhere. cli.py says which command writes which.
PROSE = (Format.table, Format.plain, Format.markdown, Format.json)
TABULAR = (*PROSE, Format.csv)
CHARTED = (*TABULAR, Format.svg)  # tables whose percentages can also be drawn
DRAWN = (*PROSE, Format.svg)  # the figures
REPORT = (Format.plain, Format.json)  # validate's report


# The shape of the command table (commandline.py, generated from cli.py) that the quick
# parser reads and the home screen lists.
class Option(NamedTuple):
    names: tuple[str, ...]
    param: str
    default: Any
    kind: type[StrEnum] | type[int] | type[str] | None  # None: a flag, True when given
    bounds: tuple[int, int] | None = None  # an int's closed range
    choices: tuple[str, ...] | None = None  # the kind's values this option takes, if not all


class Argument(NamedTuple):
    param: str
    many: bool  # takes every word left (a tuple); else at most one
    required: bool
    kind: type[int] | type[str] = str


class Command(NamedTuple):
    usage: str  # e.g. "treatments [NAME]"
    summary: str  # one line: what the command shows
    options: tuple[Option, ...] = ()
    argument: Argument | None = None

    @property
    def formats(self) -> tuple[str, ...]:
        """What the command's --format writes, its default first (none: no display format)."""
        return next((o.choices or () for o in self.options if o.param == "fmt"), ())
