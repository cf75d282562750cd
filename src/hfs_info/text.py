"""Text helpers shared by lookups and renderers: name normalisation and inert control characters."""

from __future__ import annotations

import re
import unicodedata

# Characters that change how a terminal or a bidi-aware viewer shows the text around them.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_APOSTROPHES = re.compile("['\u2018\u2019\u02bc`\u00b4]")
_SEPARATORS = re.compile(r"[\W_]+")


def normalize(name: str) -> str:
    """A lookup key: case-, accent- and punctuation-insensitive, single-spaced.

    ``Bell’s palsy``, ``bells palsy`` and ``BELL'S  PALSY`` all give ``bells palsy``.
    """
    if name.isascii():  # nothing to decompose (the common case, and 20x faster)
        stripped = name
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    no_apostrophes = _APOSTROPHES.sub("", stripped.casefold())
    return _SEPARATORS.sub(" ", no_apostrophes).strip()


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return "^" + chr(code + 0x40)
    if code == 0x7F:
        return "^?"
    return f"<U+{code:04X}>"


def inert(text: str) -> str:
    """Show control, C1 and bidi-override characters as visible text (``ESC`` becomes ``^[``).

    Newlines and tabs are kept: they are layout, not control.
    """
    return _CONTROL.sub(_visible, text)
