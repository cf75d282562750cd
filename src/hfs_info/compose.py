"""The whole reference as one edited document (`export`): each thing once, where it belongs.

Not the commands' screens one after another: the overview, symptoms, causes and diagnosis,
then the treatments (the comparison, then each treatment with what the comparison does not
say, its drugs, its numbers and its figures), the glossary, and the source with the one list
of references that every citation links to. A number is shown once, under the section or
treatment it belongs to (a chart for percentages, a table for the others); a figure is drawn
once, at the first place that names it. The notice opens and closes the document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hfs_info import blocks as shared
from hfs_info import query, views
from hfs_info.document import (
    Block,
    Bullets,
    Fields,
    Heading,
    Hint,
    Notice,
    Paragraph,
    Table,
    View,
)
from hfs_info.linked_data import linked_data
from hfs_info.models import BRIEF_SOURCES, PERCENT, Dataset, Section, Statistic, Treatment

if TYPE_CHECKING:  # the document's type, for mypy and the schema
    from hfs_info import payloads


class _Placed:
    """What the document has shown already: figures drawn and numbers given."""

    def __init__(self) -> None:
        self.figures: set[str] = set()
        self.statistics: set[str] = set()

    def figures_of(self, ds: Dataset, ids: tuple[str, ...]) -> list[Block]:
        new = [f for f in query.figures_by_id(ds, ids) if f.id not in self.figures]
        self.figures |= {f.id for f in new}
        return [shared.diagram(ds, f) for f in new]

    def numbers(self, ds: Dataset, stats: tuple[Statistic, ...], level: int) -> list[Block]:
        """The numbers not shown yet, under an "In numbers" heading: a chart per group of
        percentages, then one table of the others."""
        new = tuple(s for s in stats if s.id not in self.statistics)
        self.statistics |= {s.id for s in new}
        if not new:
            return []
        blocks: list[Block] = [Heading("In numbers", level), *shared.charts(ds, new)]
        others = tuple(s for s in new if s.unit != PERCENT)
        if others:
            blocks.append(shared.stats_table(ds, others))
        return blocks


def export(ds: Dataset) -> View:
    """The edited document; its JSON is every record of the dataset once."""
    placed = _Placed()
    # Numbers a treatment lists go with the treatment; the others with their section.
    by_treatment = {i for t in ds.treatments for i in t.statistics}
    by_section: dict[str, list[Statistic]] = {}
    for s in ds.statistics:
        if s.id not in by_treatment:
            by_section.setdefault(s.section, []).append(s)
    blocks: list[Block] = [Heading(f"{ds.provenance.title}: a reference"), views.footer(ds)]
    for name in query.PROSE_TOPICS:
        for index, section in enumerate(query.topic_sections(ds, name)):
            level = 2 if index == 0 else 3
            blocks += _section(ds, section, level, placed)
            blocks += placed.numbers(ds, tuple(by_section.get(section.id, ())), level + 1)
        if name == "overview":
            blocks += [Heading("The facial nerve", 3), shared.nerve_fields(ds)]
    blocks += _treatments(ds, placed)
    rest = tuple(s for s in ds.statistics if s.id not in placed.statistics)
    if rest:
        blocks += [Heading("More numbers from the guide", 2), *placed.numbers(ds, rest, 3)[1:]]
    unplaced = placed.figures_of(ds, tuple(f.id for f in ds.figures))
    if unplaced:  # an edition's figure that no section or treatment names
        blocks += [Heading("More figures from the guide", 2), *unplaced]
    for view in (views.glossary(ds), views.sources(ds)):
        blocks += [_down(b) for b in view.blocks if not isinstance(b, Notice | Hint)]
    blocks.append(views.footer(ds))
    payload: payloads.Export = {
        "sections": ds.sections,
        "nerve": ds.nerve,
        "treatments": ds.treatments,
        "medications": ds.medications,
        "statistics": ds.statistics,
        "figures": ds.figures,
        "registries": ds.registries,
        "references": ds.references,
        "links": ds.links,
        "glossary": ds.glossary,
    }
    data = views.document("export", payload, ds)
    return View(tuple(blocks), data, linked_data=linked_data(ds))


def _down(block: Block) -> Block:
    """``block`` one heading level down, under the document's title."""
    return Heading(block.text, block.level + 1) if isinstance(block, Heading) else block


def _section(ds: Dataset, section: Section, level: int, placed: _Placed) -> list[Block]:
    blocks: list[Block] = [Heading(section.title, level)]
    blocks += [Paragraph(p) for p in section.paragraphs]
    if section.points:
        blocks.append(Bullets(section.points))
    return blocks + placed.figures_of(ds, section.figures)


def _treatments(ds: Dataset, placed: _Placed) -> list[Block]:
    """The comparison (its short forms, to decide on), then each treatment in full, leaving out
    only what the comparison already says in the same words."""
    if not ds.treatments:
        return []
    compared = views.treatments(ds).blocks
    table = next(b for b in compared if isinstance(b, Table))
    blocks: list[Block] = [Heading("Treatments", 2), Heading("Compared", 3), table]
    for t in ds.treatments:
        blocks += _treatment(ds, t, placed)
    return blocks


def _treatment(ds: Dataset, t: Treatment, placed: _Placed) -> list[Block]:
    # The long texts the comparison shows as they are: those of the rows without a short form.
    said = {
        source
        for attr, _ in views.COMPARED
        if not (t.brief is not None and getattr(t.brief, attr))
        for source in BRIEF_SOURCES[attr]
    }
    pairs = tuple(
        (label, views.aspect(t, attr))
        for attr, label in views.DETAIL
        if attr not in said and getattr(t, attr)
    )
    blocks: list[Block] = [Heading(t.name, 3)]
    if pairs:
        blocks.append(Fields(pairs))
    if t.id == "medication":
        blocks += [Heading("The drugs", 4), shared.medication_table(ds.medications)]
    blocks += placed.numbers(ds, query.statistics_by_id(ds, t.statistics), 4)
    return blocks + placed.figures_of(ds, t.figures)
