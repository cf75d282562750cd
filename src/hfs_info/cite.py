"""Citations of the guide and of each reference it cites, in APA, BibTeX or RIS (pure text).

Every value from the dataset goes through ``_text`` (one line, inert) and, in BibTeX, through
``_bib`` too: a citation is pasted into terminals, bibliographies and reference managers, so a
value can neither carry escape codes nor end its field, entry or record and start another.
"""

from __future__ import annotations

import re

from hfs_info.models import Provenance, Reference
from hfs_info.options import CiteStyle as Style
from hfs_info.text import inert

MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
    "July": 7, "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
}  # fmt: skip


def _text(value: str) -> str:
    """``value`` on one line (every run of whitespace, line breaks included, is one space) with
    control, bidi and invisible characters shown visibly: a RIS value cannot start a new tag
    or record, and nothing reaches the terminal as an escape code."""
    return inert(" ".join(value.split()))


# LaTeX's special characters, spelled so that BibTeX, which counts every brace (escaped or not)
# to find where a field ends, only ever sees balanced pairs: a value cannot close its field and
# open an @preamble or a new entry, nor run a command such as \write18.
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LATEX_SPECIAL = re.compile("[" + re.escape("".join(_LATEX)) + "]")


def _bib(value: str) -> str:
    """A BibTeX field value: one line, inert, LaTeX specials escaped."""
    return _LATEX_SPECIAL.sub(lambda m: _LATEX[m.group()], _text(value))


def _split_author(author: str) -> tuple[str, str, str]:
    """``Tew JM Jr`` -> (``Tew``, ``J. M.``, ``Jr.``): the source writes Vancouver-style names."""
    parts = author.split()
    if not parts:  # validate refuses blank names; never fail on one all the same
        return author, "", ""
    suffix = ""
    if parts[-1] in ("Jr", "Sr", "II", "III"):
        suffix = parts.pop() + ("." if parts[-1:] and parts[-1] != "II" else "")
    initials = parts.pop() if len(parts) > 1 and parts[-1].isupper() else ""
    return " ".join(parts), " ".join(f"{c}." for c in initials), suffix


def _apa_name(author: str) -> str:
    family, initials, suffix = _split_author(author)
    return ", ".join(p for p in (family, initials, suffix) if p)


def _bib_name(author: str) -> str:
    family, initials, suffix = _split_author(author)
    return ", ".join(p for p in (family, suffix, initials) if p)


def _pages(ref: Reference) -> tuple[str, str]:
    first, _, last = ref.pages.partition("-")
    return first, last or first


def _first_word(text: str) -> str:
    return next(iter(text.split()), "")


def _month(p: Provenance) -> int | None:
    return MONTHS.get(_first_word(p.updated))


def _history(p: Provenance) -> str:
    """The guide's own dates and review: an update date and a reviewer, no review date."""
    return f"Updated {p.updated}; reviewed by {p.reviewer}"


def apa(p: Provenance, refs: tuple[Reference, ...]) -> str:
    t = _text
    lines = [
        f"{t(p.publisher)}. ({p.updated_year}, {t(_first_word(p.updated))}). {t(p.title)} "
        f"({t(_history(p))}). {t(p.series)}."
    ]
    for ref in refs:
        names = [t(_apa_name(a)) for a in ref.authors]
        if ref.et_al:
            authors = ", ".join(names) + ", et al."
        elif len(names) > 1:
            authors = ", ".join(names[:-1]) + ", & " + names[-1]
        else:
            authors = "".join(names)
        first, last = (t(page) for page in _pages(ref))
        lines.append(
            f"{authors} ({ref.year}). {t(ref.title)}. {t(ref.journal)}, {t(ref.volume)}, "
            f"{first}–{last}."
        )
    return "\n\n".join(lines) + "\n"


def _key(text: str, year: int) -> str:
    return re.sub(r"[^a-z]", "", _first_word(text).lower()) + str(year)


# BibTeX's own month macros (unbraced), which every style prints in its language and format.
_BIB_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex(p: Provenance, refs: tuple[Reference, ...]) -> str:
    month = _month(p)
    note = f"{p.series}. {_history(p)}, {p.reviewer_affiliation}"
    entries = [
        "@misc{" + _key(p.publisher, p.updated_year) + ",\n"
        f"  author = {{{{{_bib(p.publisher)}}}}},\n"
        f"  title = {{{_bib(p.title)}}},\n"
        f"  year = {{{p.updated_year}}},\n"
        + (f"  month = {_BIB_MONTHS[month - 1]},\n" if month else "")
        + f"  note = {{{_bib(note)}}}\n"
        "}"
    ]
    for ref in refs:
        names = [_bib(_bib_name(a)) for a in ref.authors]
        authors = " and ".join(names + (["others"] * ref.et_al))
        first, last = (_bib(page) for page in _pages(ref))
        entries.append(
            "@article{" + _key("".join(ref.authors[:1]), ref.year) + ",\n"
            f"  author = {{{authors}}},\n"
            f"  title = {{{_bib(ref.title)}}},\n"
            f"  journal = {{{_bib(ref.journal)}}},\n"
            f"  volume = {{{_bib(ref.volume)}}},\n"
            f"  pages = {{{first}--{last}}},\n"
            f"  year = {{{ref.year}}}\n"
            "}"
        )
    return "\n\n".join(entries) + "\n"


def ris(p: Provenance, refs: tuple[Reference, ...]) -> str:
    month = _month(p)
    records = [
        [
            ("TY", "GEN"),
            ("AU", p.publisher),
            ("TI", p.title),
            ("PY", str(p.updated_year)),
            *([("DA", f"{p.updated_year}/{month:02d}")] if month else []),
            ("PB", p.publisher),
            ("N1", f"{p.series}. {_history(p)}, {p.reviewer_affiliation}"),
        ]
    ]
    for ref in refs:
        first, last = _pages(ref)
        records.append(
            [
                ("TY", "JOUR"),
                *(("AU", _bib_name(a)) for a in ref.authors),
                ("TI", ref.title),
                ("JO", ref.journal),
                ("VL", ref.volume),
                ("SP", first),
                ("EP", last),
                ("PY", str(ref.year)),
                *([("N1", "The source lists further authors (et al.)")] if ref.et_al else []),
            ]
        )
    return "".join(
        "".join(f"{tag}  - {_text(value)}\r\n" for tag, value in record) + "ER  - \r\n\r\n"
        for record in records
    )


FORMATTERS = {Style.apa: apa, Style.bibtex: bibtex, Style.ris: ris}


def cite(style: Style, p: Provenance, refs: tuple[Reference, ...]) -> str:
    return FORMATTERS[style](p, refs)
