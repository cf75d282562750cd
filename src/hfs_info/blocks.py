"""Blocks that several views and the export share: a section of prose, a figure drawn, the
numbers as charts and tables with their sources, the drug table, the nerve's fields and the
list of references. Each is built from dataset records only; views.py and compose.py decide
where they go."""

from __future__ import annotations

import re

from hfs_info import query
from hfs_info.document import (
    CITATION,
    Bars,
    Block,
    Bullets,
    Diagram,
    Fields,
    Heading,
    Notice,
    Paragraph,
    References,
    Table,
    View,
    unmarked,
)
from hfs_info.models import PERCENT, Dataset, Figure, Medication, Reference, Section, Statistic
from hfs_info.patterns import deferred

NOT_STATED = "Not stated in the source."
LIST_SEPARATOR = query.LIST_SEPARATOR


def section_blocks(
    ds: Dataset, section: Section, level: int = 1, drawn: bool = False
) -> list[Block]:
    blocks: list[Block] = [Heading(section.title, level)]
    blocks += [Paragraph(p) for p in section.paragraphs]
    if section.points:
        blocks.append(Bullets(section.points))
    blocks += [diagram(ds, f, brief=not drawn) for f in query.figures_by_id(ds, section.figures)]
    return blocks


def diagram(ds: Dataset, item: Figure, brief: bool = False) -> Diagram:
    """A figure drawn. ``brief``: inside a longer view, where a terminal shows only its caption
    and how to draw it (documents draw it whatever)."""
    from hfs_info import diagrams

    shapes, size = diagrams.picture(item, ds.nerve)
    n = item.number
    return Diagram(
        f"Figure {n}",
        diagrams.draw(item, ds.nerve),
        diagrams.describe(item, ds.nerve),
        diagrams.parts(item, ds.nerve),
        item.caption,
        shapes,
        size,
        f"Figure {n} (drawn by hfs-info figures {n}): {item.caption}" if brief else "",
    )


def source_label(ds: Dataset, stat: Statistic) -> str:
    ref = query.reference_for(ds, stat)
    if ref is None:
        return "Guide text (no reference given)"
    return f"[{ref.number}] {' & '.join(a.split()[0] for a in ref.authors[:2])} {ref.year}"


def nerve_fields(ds: Dataset) -> Fields:
    n = ds.nerve
    return Fields(
        (
            ("Name", n.name),
            ("Also called", LIST_SEPARATOR.join(n.also_called)),
            ("Starts at", n.origin),
            ("Leaves the skull", n.exit),
            ("Main branches", str(n.main_branches)),
            ("Kind", n.kind),
            ("Controls", LIST_SEPARATOR.join(n.controls)),
        )
    )


def medication_table(items: tuple[Medication, ...]) -> Table:
    rows = tuple((m.generic, m.brand, m.drug_class, m.purpose or NOT_STATED) for m in items)
    return Table(("Generic name", "Brand name", "Class", "Purpose"), rows)


def stats_table(ds: Dataset, stats: tuple[Statistic, ...], with_sources: bool = False) -> Table:
    if with_sources:
        rows = tuple((s.display, s.described, s.population, citation(ds, s)) for s in stats)
        return Table(("Number", "What it measures", "Population", "Source (full citation)"), rows)
    rows = tuple((s.display, s.described, s.population, source_label(ds, s)) for s in stats)
    return Table(("Number", "What it measures", "Population", "Source"), rows)


def citation(ds: Dataset, stat: Statistic) -> str:
    ref = query.reference_for(ds, stat)
    return f"[{ref.number}] {ref.citation}" if ref else source_label(ds, stat)


def references_blocks(ds: Dataset, stats: tuple[Statistic, ...]) -> list[Block]:
    cited = {s.reference for s in stats if s.reference}
    refs = tuple(r for r in ds.references if r.id in cited)
    if not refs:
        return []
    return [Heading("References", 2), references_list(refs)]


def references_list(refs: tuple[Reference, ...]) -> References:
    return References(tuple((r.number, r.citation) for r in refs))


def groups(stats: tuple[Statistic, ...]) -> dict[str, tuple[Statistic, ...]]:
    groups: dict[str, list[Statistic]] = {}
    for s in stats:
        groups.setdefault(s.group, []).append(s)
    return {group: tuple(members) for group, members in groups.items()}


def charts(ds: Dataset, stats: tuple[Statistic, ...]) -> list[Block]:
    """One bar chart per group of percentages, each bar labelled with its exact value."""
    charts: list[Block] = []
    for group, members in groups(tuple(s for s in stats if s.unit == PERCENT)).items():
        sources = dict.fromkeys(source_label(ds, s) for s in members)
        items = tuple((s.described, float(s.value), s.display) for s in members)
        charts.append(Bars(group, "Source: " + "; ".join(sources), items, note=overlap(items)))
    return charts


def overlap(items: tuple[tuple[str, float, str], ...]) -> str:
    """What to say of a group of percentages that add to more than 100: they are not shares of
    one whole, so some items must overlap."""
    total = sum(value for _, value, _ in items)
    if len(items) < 2 or total <= 100:
        return ""
    shown = f"{total:g}"
    return f"These percentages add up to {shown}%, as in the guide: not shares of one whole."


# How the text points at one of the guide's figures: "(Figure 2)", "(Figures 3 and 4)".
_MENTION = deferred(r"\bFigures? (\d+(?:(?:, | and )\d+)*)")


def view_texts(view: View, sources: bool = True) -> list[str]:
    """The words of ``view``'s prose, lists, fields and tables (and, with ``sources``, its
    charts' sources), without search markers."""
    texts: list[str] = []
    for block in view.blocks:
        if isinstance(block, Heading | Paragraph):
            texts.append(block.text)
        elif isinstance(block, Bullets):
            texts += block.items
        elif isinstance(block, Fields):
            texts += [value for _, value in block.pairs]
        elif isinstance(block, Table):
            texts += [cell for row in block.rows for cell in row]
        elif isinstance(block, Bars) and sources:
            texts.append(block.source)
    return [unmarked(text) for text in texts]


def _before_notice(view: View, extra: list[Block]) -> View:
    cut = next((i for i, b in enumerate(view.blocks) if isinstance(b, Notice)), len(view.blocks))
    return view._replace(blocks=(*view.blocks[:cut], *extra, *view.blocks[cut:]))


def with_cited_references(ds: Dataset, view: View) -> View:
    """``view`` with the references its text cites ("(reference 1)", "[1]") listed before its
    notice, when it has no list of them and does not give them in full already, so that a
    document never cites what it does not hold."""
    if any(isinstance(b, References) for b in view.blocks):
        return view
    texts = view_texts(view)
    cited = {
        int(m.group("bracketed") or m.group("worded")) for t in texts for m in CITATION.finditer(t)
    }
    whole = " ".join(texts)
    missing = tuple(r for r in ds.references if r.number in cited and r.citation not in whole)
    if not missing:
        return view
    return _before_notice(view, [Heading("References", 2), references_list(missing)])


def with_mentioned_figures(ds: Dataset, view: View) -> View:
    """``view`` with each figure its text mentions but does not draw added before its notice
    (brief: on a terminal, the caption and how to draw it), so that a document never points
    at a picture it does not hold."""
    drawn = {block.title for block in view.blocks if isinstance(block, Diagram)}
    mentions = (m[1] for text in view_texts(view) for m in _MENTION.finditer(text))
    numbers = {int(n) for mention in mentions for n in re.findall(r"\d+", mention)}
    missing = [f for f in ds.figures if f.number in numbers and f"Figure {f.number}" not in drawn]
    if not missing:
        return view
    return _before_notice(view, [diagram(ds, f, brief=True) for f in missing])
