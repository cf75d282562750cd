"""Terminal facts decided once per run: colour, width and encoding of the output stream.

Renderers receive a Terminal and never look at the environment themselves, so tests can hand
them any terminal they like.
"""

import os
from typing import NamedTuple, TextIO

from hfs_info.options import ColorChoice

# Widths outside this range are clamped: below it tables cannot be read at all, above it lines
# get too long to read and padding grows without limit (COLUMNS=100000).
MIN_WIDTH = 40
MAX_WIDTH = 120
DEFAULT_WIDTH = 80


class Terminal(NamedTuple):
    color: bool
    width: int
    unicode: bool  # the stream can encode box drawing and bullets


def detect(
    stream: TextIO, choice: ColorChoice = ColorChoice.auto, environ: dict[str, str] | None = None
) -> Terminal:
    """The Terminal for ``stream``. Colour: the --color flag wins, then NO_COLOR, then
    FORCE_COLOR, then whether the stream is a terminal other than TERM=dumb. Width: COLUMNS,
    else the terminal's."""
    env = os.environ if environ is None else environ
    try:
        is_tty = stream.isatty()
    except (AttributeError, ValueError, OSError):
        is_tty = False
    if choice is ColorChoice.always:
        color = True
    elif choice is ColorChoice.never or env.get("NO_COLOR"):
        color = False
    elif env.get("FORCE_COLOR"):
        color = True
    else:
        # TERM=dumb: a terminal that understands no escape codes (an editor's shell buffer).
        color = is_tty and env.get("TERM") != "dumb"
    return Terminal(
        color=color,
        width=_width(env, stream if is_tty else None),
        unicode=_can_encode(stream, "│─•…"),
    )


def _width(env: os._Environ[str] | dict[str, str], tty: TextIO | None) -> int:
    width = _columns(env.get("COLUMNS", ""))
    if not width and tty is not None:
        # What shutil.get_terminal_size asks, without importing shutil (and its archive
        # modules) at every start-up; COLUMNS was handled above.
        try:
            width = os.get_terminal_size(tty.fileno()).columns
        except (AttributeError, ValueError, OSError):
            width = 0
    return max(MIN_WIDTH, min(MAX_WIDTH, width or DEFAULT_WIDTH))


def _columns(value: str) -> int:
    """COLUMNS as a positive number, else 0. Any value is accepted: ``²`` and ``⁸⁰`` are digits
    to ``str.isdigit`` but not to ``int``, and a number too long to convert raises too."""
    try:
        number = int(value) if value.isdecimal() else 0
    except ValueError:
        return 0
    return max(number, 0)


def _can_encode(stream: TextIO, sample: str) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        sample.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
