"""Citations of the guide and of each reference it cites, in APA, BibTeX or RIS (pure text)."""

from __future__ import annotations

import re

from hfs_info.models import Provenance, Reference
from hfs_info.options import CiteStyle as Style

MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
    "July": 7, "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
}  # fmt: skip


def _split_author(author: str) -> tuple[str, str, str]:
    """``Tew JM Jr`` -> (``Tew``, ``J. M.``, ``Jr.``): the source writes Vancouver-style names."""
    parts = author.split()
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


def _month(p: Provenance) -> int | None:
    name = p.updated.split()[0]
    return MONTHS.get(name)


def _history(p: Provenance) -> str:
    """The guide's own dates and review: an update date and a reviewer, no review date."""
    return f"Updated {p.updated}; reviewed by {p.reviewer}"


def apa(p: Provenance, refs: tuple[Reference, ...]) -> str:
    lines = [
        f"{p.publisher}. ({p.updated_year}, {p.updated.split()[0]}). {p.title} "
        f"({_history(p)}). {p.series}."
    ]
    for ref in refs:
        names = [_apa_name(a) for a in ref.authors]
        if ref.et_al:
            authors = ", ".join(names) + ", et al."
        elif len(names) > 1:
            authors = ", ".join(names[:-1]) + ", & " + names[-1]
        else:
            authors = names[0]
        first, last = _pages(ref)
        lines.append(
            f"{authors} ({ref.year}). {ref.title}. {ref.journal}, {ref.volume}, {first}–{last}."
        )
    return "\n\n".join(lines) + "\n"


def _key(text: str, year: int) -> str:
    return re.sub(r"[^a-z]", "", text.split()[0].lower()) + str(year)


def bibtex(p: Provenance, refs: tuple[Reference, ...]) -> str:
    month = _month(p)
    entries = [
        "@misc{" + _key(p.publisher, p.updated_year) + ",\n"
        f"  author = {{{{{p.publisher}}}}},\n"
        f"  title = {{{p.title}}},\n"
        f"  year = {{{p.updated_year}}},\n"
        + (f"  month = {{{month}}},\n" if month else "")
        + f"  note = {{{p.series}. {_history(p)}, {p.reviewer_affiliation}}}\n"
        "}"
    ]
    for ref in refs:
        authors = " and ".join([_bib_name(a) for a in ref.authors] + (["others"] * ref.et_al))
        first, last = _pages(ref)
        entries.append(
            "@article{" + _key(ref.authors[0], ref.year) + ",\n"
            f"  author = {{{authors}}},\n"
            f"  title = {{{ref.title}}},\n"
            f"  journal = {{{ref.journal}}},\n"
            f"  volume = {{{ref.volume}}},\n"
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
        "".join(f"{tag}  - {value}\r\n" for tag, value in record) + "ER  - \r\n\r\n"
        for record in records
    )


FORMATTERS = {Style.apa: apa, Style.bibtex: bibtex, Style.ris: ris}


def cite(style: Style, p: Provenance, refs: tuple[Reference, ...]) -> str:
    return FORMATTERS[style](p, refs)
