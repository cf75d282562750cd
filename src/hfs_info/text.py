"""Text helpers shared by lookups and renderers: name normalisation and inert control characters."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from hfs_info.patterns import deferred

# Characters that change how a terminal or a bidi-aware viewer shows the text around them.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Noncharacters: U+FDD0-U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF,
# U+1FFFE, ...). Not text; XML refuses U+FFFE and U+FFFF outright.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
)
# Characters that show nothing, or break a line where the text shows none, so that two strings
# that look the same can differ: soft hyphen, combining grapheme joiner, Hangul fillers,
# Mongolian vowel separator, zero-width space/non-joiner/joiner, line and paragraph separators,
# word joiner and invisible operators, byte-order mark, tag characters, noncharacters and lone
# surrogates (which no encoder can write).
INVISIBLE = (
    "\u00ad\u034f\u115f\u1160\u180e\u200b-\u200d\u2028\u2029\u2060-\u2064\u3164\ufeff\uffa0"
    "\U000e0000-\U000e007f\ud800-\udfff" + _NONCHARACTERS
)
# Characters XML 1.0 (and so SVG and the HTML parser) refuses or reports as errors: controls
# other than tab and newline (CR included: inert text never holds one), C1 controls,
# noncharacters and lone surrogates.
_XML_INVALID = f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}]"


# The signs of a notice, which a word tokenizer drops, and the word each is read as ("©" is
# "copyright"; NFKC already reads "™" as "TM").
SIGN_WORDS = {"\u00a9": "copyright", "\u00ae": "registered"}


def said_signs(text: str) -> str:
    """``text`` with each sign of a notice read out as its word, beside the sign ("© Mayfield
    Clinic" -> "Copyright © Mayfield Clinic"); a sign whose word the text says already is left
    as it is; a word that opens the text is capitalised."""
    for sign, word in SIGN_WORDS.items():
        if sign in text and word not in text.casefold():
            text = text.replace(sign, f"{word} {sign}")
            if text.startswith(word):
                text = word.capitalize() + text[len(word) :]
    return text


# These character classes span every plane: each is compiled when first used, not at every
# start (a JSON lookup never needs them).
@cache
def _pattern(name: str) -> re.Pattern[str]:
    classes = {
        "invisible": f"[{INVISIBLE}]",
        "control": f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}{INVISIBLE}]",
        "xml-invalid": _XML_INVALID,
    }
    return re.compile(classes[name])


# Apostrophes of every kind, dropped from a key (a table: no pattern to compile at start-up).
_APOSTROPHES = str.maketrans("", "", "'\u2018\u2019\u02bc`\u00b4")
_SEPARATORS = deferred(r"[\W_]+")


def normalize(name: str) -> str:
    """A lookup key: case-, accent- and punctuation-insensitive, single-spaced.

    ``Bell’s palsy``, ``bells palsy`` and ``BELL'S  PALSY`` all give ``bells palsy``.
    """
    if name.isascii():  # nothing to decompose (the common case, and 20x faster)
        stripped = name
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    no_apostrophes = stripped.casefold().translate(_APOSTROPHES)
    return _SEPARATORS.sub(" ", no_apostrophes).strip()


# Numbers as names write them (7th, seventh, seven, VII). A lookup reads each form as its
# number, so that "CN 7" finds "CN VII", and never completes or corrects one number into another.
ORDINALS: tuple[str, ...] = ("first", "second", "third", "fourth", "fifth", "sixth")
ORDINALS += ("seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth")
ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
CARDINALS: tuple[str, ...] = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
)
CARDINALS += ("eleven", "twelve")


def number_of(token: str) -> int | None:
    """The number a normalised word stands for (``7``, ``7th``, ``seventh``, ``seven``,
    ``vii``), else None."""
    if not token.isascii():  # "❶" and "²" are digits to str.isdigit, not to int()
        return None
    if token.isdigit():
        return int(token)
    if token[:-2].isdigit() and token[-2:] in ("st", "nd", "rd", "th"):
        return int(token[:-2])
    if token in ORDINALS:
        return ORDINALS.index(token) + 1
    if token in ROMAN:
        return ROMAN.index(token) + 1
    if token in CARDINALS:
        return CARDINALS.index(token) + 1
    return roman_ordinal(token)


def roman_ordinal(token: str) -> int | None:
    """The number of a Roman numeral written as an ordinal (``viith``, ``iind``, ``vth``: the
    ``VIIth nerve``), with the ending its number takes; else None. ``ist`` is left out: it is
    a word of its own more often than the first."""
    numeral, ending = token[:-2], token[-2:]
    if numeral not in ROMAN or numeral == "i":
        return None
    n = ROMAN.index(numeral) + 1
    return n if ending == {1: "st", 2: "nd", 3: "rd"}.get(n, "th") else None


# Each number word as its digits, for lookup_key: one dict lookup a word.
_NUMBER_WORDS = {
    word: str(i) for words in (ORDINALS, ROMAN, CARDINALS) for i, word in enumerate(words, start=1)
}


def lookup_key(name: str) -> str:
    """``normalize`` with each number read as its digits: ``7th cranial nerve``, ``seventh
    cranial nerve`` and ``7 cranial nerve`` give one key, and ``CN7`` the key of ``CN 7``
    (letters and the number typed against them are two words). Two names with one key are one name
    to a lookup (validation refuses them on two records)."""
    words = normalize(name).split()
    for i, word in enumerate(words):
        if word in _NUMBER_WORDS:
            words[i] = _NUMBER_WORDS[word]
        elif word[0].isdigit():
            if (n := number_of(word)) is not None:
                words[i] = str(n)
        elif word[-2:] in _ORDINAL_ENDINGS and (n := roman_ordinal(word)) is not None:
            words[i] = str(n)  # "VIIth nerve" is "7th nerve"
        elif (
            (word[-1].isdigit() or word[-3:-2].isdigit())
            and (glued := _GLUED.fullmatch(word))
            and (n := number_of(glued[2])) is not None  # 0-9, with an ordinal's ending or none
        ):
            # "cn7" is "cn 7": a number typed against the letters before it.
            words[i] = f"{glued[1]} {n}"
    return " ".join(words)


_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})


# Letters with a number glued after them (``cn7``, ``CN07``, ``cn7th``): read as two words.
_GLUED = deferred(r"([^\W\d_]+)([0-9]+(?:st|nd|rd|th)?)")


def lookalike(name: str) -> str:
    """The key under which two names look the same to a reader: ``normalize`` after NFKC and
    casefolding, with invisible characters removed (``Bo\\u200btox`` and ``ＢＯＴＯＸ`` give
    ``botox``). ``validate`` refuses two records whose names share it."""
    if name.isascii():  # nothing invisible, nothing for NFKC to change
        return lookup_key(name)
    folded = unicodedata.normalize("NFKC", name).casefold()
    return lookup_key(_pattern("invisible").sub("", folded))


def invisible(text: str) -> list[str]:
    """The invisible characters in ``text``, as ``U+200B`` (empty if there are none)."""
    return [f"U+{ord(c):04X}" for c in _pattern("invisible").findall(text)]


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return "^" + chr(code + 0x40)
    if code == 0x7F:
        return "^?"
    return f"<U+{code:04X}>"


def inert(text: str) -> str:
    """Show control, C1, bidi-override and invisible characters as visible text (``ESC``
    becomes ``^[``, a zero-width space ``<U+200B>``).

    Newlines and tabs are kept: they are layout, not control.
    """
    return _pattern("control").sub(_visible, text)


def one_line(text: str) -> str:
    """``inert`` text that stays on one line: a newline shows as ``^J``, so text from a file
    name or a dataset can neither split a message nor forge a line of its own."""
    return inert(text).replace("\n", "^J")


def shown_name(name: str) -> str:
    """A name the user gave (a file, an argument) as a message shows it: as it is when it is
    plain printable text, else quoted with its control, invisible and line-breaking
    characters escaped, as a lookup shows what was typed (``'x\\x1b[2Jy'``), so that it can
    neither act on the terminal nor split the message; ``''`` for an empty one."""
    if name and name.isprintable() and not _pattern("control").search(name):
        return name
    return inert(repr(name))


def c_quoted(name: str) -> str:
    """``name`` for a diff header as git writes one: as it is when it is plain printable
    text without quotes or backslashes, else in double quotes with C escapes (``\\033``,
    ``\\n``, ``\\"``), which git apply and GNU patch read back."""
    if (
        name
        and name.isprintable()
        and not _pattern("control").search(name)
        and not any(c in name for c in '"\\')
    ):
        return name
    escapes = {"\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v"}
    escapes |= {"\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}
    out = []
    for char in name:
        if char in escapes:
            out.append(escapes[char])
        elif char.isprintable() and not _pattern("control").match(char):
            out.append(char)
        else:  # each byte of its UTF-8, in octal, as git writes it
            try:  # a byte a file name held that is not UTF-8 (os.fsdecode) is that byte
                raw = char.encode("utf-8", "surrogateescape")
            except UnicodeEncodeError:
                raw = char.encode("utf-8", "surrogatepass")
            out.append("".join(f"\\{b:03o}" for b in raw))
    return '"' + "".join(out) + '"'


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 does not allow (or HTML reports as a parse error)
    replaced by U+FFFD: what stays is well-formed in XML, SVG and HTML once escaped."""
    return _pattern("xml-invalid").sub("\ufffd", text)
