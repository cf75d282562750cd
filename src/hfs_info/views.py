"""What each command shows, as format-neutral Views (document.py) built from dataset records.

This module decides content and order, the wording of labels, and the JSON and CSV shapes; it
never styles. Every View of medical content ends with the provenance notice and disclaimer.
"""

from __future__ import annotations

from typing import Any

from hfs_info import query
from hfs_info.commands import COMMANDS
from hfs_info.document import (
    Bars,
    Block,
    Bullets,
    Diagram,
    Fields,
    Found,
    Heading,
    Notice,
    Paragraph,
    Table,
    View,
    highlight_spans,
    unmarked,
)
from hfs_info.models import (
    PERCENT,
    TREATMENT_ASPECTS,
    Dataset,
    GlossaryEntry,
    Medication,
    Reference,
    Section,
    Statistic,
    Treatment,
    is_record,
    key_of,
)

NOT_STATED = "Not stated in the source."
LIST_SEPARATOR = "; "

# The aspects compared side by side by `treatments`, in this order; `treatments NAME` shows every
# aspect (DETAIL, the model's list).
_COMPARED_ORDER = (
    "how_it_works",
    "how_given",
    "onset",
    "duration",
    "results",
    "side_effects",
    "limitations",
)
DETAIL: tuple[tuple[str, str], ...] = TREATMENT_ASPECTS
_LABELS = dict(TREATMENT_ASPECTS)
COMPARED: tuple[tuple[str, str], ...] = tuple((attr, _LABELS[attr]) for attr in _COMPARED_ORDER)
_COMPARED_ATTRS = frozenset(_COMPARED_ORDER)


# --- shared pieces ---------------------------------------------------------------------------


def footer(ds: Dataset) -> Notice:
    p = ds.provenance
    return Notice(f"{p.notice} {p.disclaimer}")


def provenance_data(ds: Dataset) -> dict[str, Any]:
    return {"source": as_data(ds.provenance), "disclaimer": ds.provenance.disclaimer}


def as_data(record: Any) -> Any:
    """A record as JSON-ready data: tuples become lists, computed fields are added."""
    if isinstance(record, Statistic):
        out = _fields_of(record)
        out["display"] = record.display
        return out
    if isinstance(record, Reference):
        out = _fields_of(record)
        out["citation"] = record.citation
        return out
    if is_record(record):
        return _fields_of(record)
    if isinstance(record, tuple | list):
        return [as_data(r) for r in record]
    return record


def _fields_of(record: Any) -> dict[str, Any]:
    return {
        key_of(type(record), name): as_data(value)
        for name, value in zip(record._fields, record, strict=True)
    }


def _section_blocks(ds: Dataset, section: Section, level: int = 1) -> list[Block]:
    blocks: list[Block] = [Heading(section.title, level)]
    blocks += [Paragraph(p) for p in section.paragraphs]
    if section.points:
        blocks.append(Bullets(section.points))
    blocks += [_figure_block(f.number, f.caption) for f in query.figures_by_id(ds, section.figures)]
    return blocks


def _figure_block(number: int, caption: str) -> Paragraph:
    return Paragraph(f"Figure {number} (not shown): {caption}")


def _source_label(ds: Dataset, stat: Statistic) -> str:
    ref = query.reference_for(ds, stat)
    if ref is None:
        return "Guide text (no reference given)"
    return f"[{ref.number}] {' & '.join(a.split()[0] for a in ref.authors[:2])} {ref.year}"


def _aspect(treatment: Treatment, attr: str) -> str:
    value = getattr(treatment, attr)
    if isinstance(value, tuple):
        return LIST_SEPARATOR.join(value) if value else NOT_STATED
    return value if value is not None else NOT_STATED


# --- commands --------------------------------------------------------------------------------


def home(ds: Dataset) -> View:
    intro = query.topic_sections(ds, "overview")[0]
    blocks: list[Block] = [
        Heading(f"hfs-info: {ds.provenance.title}"),
        *(Paragraph(p) for p in intro.paragraphs),
        Table(("Command", "Shows"), COMMANDS, title="Commands (hfs-info COMMAND --help)"),
        footer(ds),
    ]
    data = {"kind": "home", "commands": [{"command": c, "shows": s} for c, s in COMMANDS]}
    return View(tuple(blocks), data | provenance_data(ds))


def topic(ds: Dataset, name: str) -> View:
    """A prose command (overview, symptoms, causes, diagnosis): its sections in reading order."""
    sections = query.topic_sections(ds, name)
    blocks: list[Block] = []
    for section in sections:
        blocks += _section_blocks(ds, section)
    data: dict[str, Any] = {"kind": name, "sections": as_data(sections)}
    if name == "overview":
        n = ds.nerve
        blocks += [
            Heading("The facial nerve", 2),
            Fields(
                (
                    ("Name", n.name),
                    ("Also called", LIST_SEPARATOR.join(n.also_called)),
                    ("Starts at", n.origin),
                    ("Leaves the skull", n.exit),
                    ("Main branches", str(n.main_branches)),
                    ("Kind", n.kind),
                    ("Controls", LIST_SEPARATOR.join(n.controls)),
                )
            ),
        ]
        data["nerve"] = as_data(n)
    blocks.append(footer(ds))
    return View(tuple(blocks), data | provenance_data(ds))


def treatments(ds: Dataset) -> View:
    names = tuple(t.name for t in ds.treatments)
    rows = tuple((label, *(_aspect(t, attr) for t in ds.treatments)) for attr, label in COMPARED)
    blocks: list[Block] = [
        Heading("Treatments compared"),
        Paragraph(query.topic_sections(ds, "overview")[0].paragraphs[-1]),
        Table(("", *names), rows),
        Paragraph("One option in full: hfs-info treatments NAME (medication, botox, mvd)."),
        footer(ds),
    ]
    data = {"kind": "treatments", "treatments": as_data(ds.treatments)}
    return View(tuple(blocks), data | provenance_data(ds), _treatment_records(ds.treatments))


def _treatment_records(
    items: tuple[Treatment, ...],
) -> tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]]:
    attrs = [name for name in Treatment._fields if name not in ("statistics", "figures")]
    rows = tuple(
        tuple(LIST_SEPARATOR.join(v) if isinstance(v := getattr(t, a), tuple) else v for a in attrs)
        for t in items
    )
    return tuple(attrs), rows


def treatment(ds: Dataset, item: Treatment) -> View:
    blocks: list[Block] = [
        Heading(item.name),
        Fields(
            tuple(
                (label, _aspect(item, attr))
                for attr, label in DETAIL
                # The compared aspects always show (saying when the source is silent); the
                # others only where the source says something.
                if attr in _COMPARED_ATTRS or getattr(item, attr) is not None
            )
        ),
    ]
    if item.id == "medication":
        blocks += [Heading("The drugs", 2), _medication_table(ds.medications)]
    stats = query.statistics_by_id(ds, item.statistics)
    if stats:
        blocks.append(Heading("Figures", 2))
        blocks += _charts(ds, stats)
        others = tuple(s for s in stats if s.unit != PERCENT)
        if others:
            blocks.append(_stats_table(ds, others))
    blocks += [_figure_block(f.number, f.caption) for f in query.figures_by_id(ds, item.figures)]
    blocks += _references_blocks(ds, stats)
    blocks.append(footer(ds))
    data = {
        "kind": "treatment",
        "treatment": as_data(item),
        "statistics": as_data(stats),
        "figures": as_data(query.figures_by_id(ds, item.figures)),
    }
    return View(tuple(blocks), data | provenance_data(ds), _treatment_records((item,)))


def _medication_table(items: tuple[Medication, ...]) -> Table:
    rows = tuple((m.generic, m.brand, m.drug_class, m.purpose or NOT_STATED) for m in items)
    return Table(("Generic name", "Brand name", "Class", "Purpose"), rows)


def medications(ds: Dataset) -> View:
    med = query.find_treatment(ds, "medication")
    blocks: list[Block] = [
        Heading("Medications"),
        _medication_table(ds.medications),
        Fields(
            (
                ("Results", _aspect(med, "results")),
                ("Side effects", _aspect(med, "side_effects")),
                ("Monitoring", _aspect(med, "monitoring")),
            )
        ),
        footer(ds),
    ]
    data = {"kind": "medications", "medications": as_data(ds.medications)}
    data |= _drug_notes(med) | provenance_data(ds)
    return View(tuple(blocks), data, _medication_records(ds.medications))


def _drug_notes(treatment: Treatment) -> dict[str, Any]:
    """What the guide says of the drugs as a group (JSON of `medications` and of one drug)."""
    return {"side_effects": list(treatment.side_effects), "monitoring": treatment.monitoring}


def _medication_records(
    items: tuple[Medication, ...],
) -> tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]]:
    header = ("id", "generic", "brand", "class", "purpose")
    return header, tuple((m.id, m.generic, m.brand, m.drug_class, m.purpose) for m in items)


def _stats_table(ds: Dataset, stats: tuple[Statistic, ...], with_sources: bool = False) -> Table:
    if with_sources:
        rows = tuple((s.display, s.measure, s.population, _citation(ds, s)) for s in stats)
        return Table(("Figure", "What it measures", "Population", "Source (full citation)"), rows)
    rows = tuple((s.display, s.measure, s.population, _source_label(ds, s)) for s in stats)
    return Table(("Figure", "What it measures", "Population", "Source"), rows)


def _citation(ds: Dataset, stat: Statistic) -> str:
    ref = query.reference_for(ds, stat)
    return f"[{ref.number}] {ref.citation}" if ref else _source_label(ds, stat)


def _references_blocks(ds: Dataset, stats: tuple[Statistic, ...]) -> list[Block]:
    cited = {s.reference for s in stats if s.reference}
    refs = tuple(r for r in ds.references if r.id in cited)
    if not refs:
        return []
    return [Heading("References", 2), Bullets(tuple(f"[{r.number}] {r.citation}" for r in refs))]


STAT_COLUMNS = (
    "id",
    "value",
    "max_value",
    "unit",
    "approximate",
    "display",
    "measure",
    "population",
    "group",
    "section",
    "reference",
    "citation",
)


def _groups(stats: tuple[Statistic, ...]) -> dict[str, tuple[Statistic, ...]]:
    groups: dict[str, list[Statistic]] = {}
    for s in stats:
        groups.setdefault(s.group, []).append(s)
    return {group: tuple(members) for group, members in groups.items()}


def _charts(ds: Dataset, stats: tuple[Statistic, ...]) -> list[Block]:
    """One bar chart per group of percentage figures, each bar labelled with its exact value."""
    charts: list[Block] = []
    for group, members in _groups(tuple(s for s in stats if s.unit == PERCENT)).items():
        sources = dict.fromkeys(_source_label(ds, s) for s in members)
        items = tuple((s.measure, float(s.value), s.display) for s in members)
        charts.append(Bars(group, "Source: " + "; ".join(sources), items))
    return charts


def stats(ds: Dataset, with_sources: bool = False, chart: bool = False) -> View:
    blocks: list[Block] = [Heading("Figures from the guide")]
    if chart:
        blocks += _charts(ds, ds.statistics)
        rest = tuple(s for s in ds.statistics if s.unit != PERCENT)
        blocks += [Heading("Figures that are not percentages", 2), _stats_table(ds, rest)]
    else:
        for group, members in _groups(ds.statistics).items():
            blocks += [Heading(group, 2), _stats_table(ds, members, with_sources)]
    if not with_sources:
        blocks += _references_blocks(ds, ds.statistics)
    blocks.append(footer(ds))
    rows = []
    for s in ds.statistics:
        ref = query.reference_for(ds, s)
        rows.append(
            (
                s.id,
                s.value,
                s.max_value,
                s.unit,
                s.approximate,
                s.display,
                s.measure,
                s.population,
                s.group,
                s.section,
                s.reference,
                ref.citation if ref else None,
            )
        )
    data = {
        "kind": "stats",
        "statistics": as_data(ds.statistics),
        "references": as_data(ds.references),
    }
    return View(
        tuple(blocks), data | provenance_data(ds), (STAT_COLUMNS, tuple(rows)), drawing=chart
    )


def glossary(ds: Dataset) -> View:
    rows = tuple(
        (
            e.term + ("*" if e.origin == "text" else ""),
            LIST_SEPARATOR.join(e.aliases),
            e.definition,
        )
        for e in ds.glossary
    )
    blocks: list[Block] = [
        Heading("Glossary"),
        Table(("Term", "Also", "Definition"), rows),
        Paragraph("* explained in the guide's running text rather than in its glossary."),
        footer(ds),
    ]
    data = {"kind": "glossary", "glossary": as_data(ds.glossary)} | provenance_data(ds)
    return View(tuple(blocks), data, _glossary_records(ds.glossary))


def term(ds: Dataset, entry: GlossaryEntry | Medication) -> View:
    """One glossary term, with where the guide uses it; or one drug found by its name."""
    if isinstance(entry, Medication):
        return drug(ds, entry)
    origin = "the guide's glossary" if entry.origin == "glossary" else "the guide's running text"
    places = query.term_locations(ds, entry)
    blocks: list[Block] = [
        Heading(entry.term),
        Paragraph(entry.definition),
        Fields(
            (
                ("Also", LIST_SEPARATOR.join(entry.aliases) or "(none)"),
                ("From", origin),
                (
                    "Appears in",
                    LIST_SEPARATOR.join(f"{title} ({command})" for command, title in places)
                    or "(no section or treatment uses it)",
                ),
            )
        ),
        footer(ds),
    ]
    data = {
        "kind": "term",
        "term": as_data(entry),
        "appears_in": [{"command": c, "title": t} for c, t in places],
    } | provenance_data(ds)
    return View(tuple(blocks), data, _glossary_records((entry,)))


def drug(ds: Dataset, med: Medication) -> View:
    treatment = query.find_treatment(ds, query.MEDICATION)
    blocks: list[Block] = [
        Heading(f"{med.generic} ({med.brand})"),
        Fields(
            (
                ("Generic name", med.generic),
                ("Brand name", med.brand),
                ("Class", med.drug_class),
                ("Purpose", med.purpose or NOT_STATED),
                ("Side effects", _aspect(treatment, "side_effects")),
                ("Monitoring", _aspect(treatment, "monitoring")),
                ("More", f"hfs-info treatments {treatment.id}; hfs-info medications"),
            )
        ),
        Paragraph("The guide gives the side effects and monitoring for these drugs as a group."),
        footer(ds),
    ]
    data = {"kind": "drug", "drug": as_data(med)} | _drug_notes(treatment) | provenance_data(ds)
    return View(tuple(blocks), data, _medication_records((med,)))


def explained(ds: Dataset, view: View) -> View:
    """``view`` with the glossary definitions of the terms its text uses, before the notice."""
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
    used = query.terms_used(ds, texts)
    if not used:
        note = Paragraph("No glossary term appears in this text.")
        body = tuple(b for b in view.blocks if not isinstance(b, Notice))
        notices = tuple(b for b in view.blocks if isinstance(b, Notice))
        return View((*body, note, *notices), view.data | {"explained": []}, view.records)
    extra: list[Block] = [
        Heading("Terms used", 2),
        Table(("Term", "Definition"), tuple((e.term, e.definition) for e in used)),
    ]
    body = tuple(b for b in view.blocks if not isinstance(b, Notice))
    notices = tuple(b for b in view.blocks if isinstance(b, Notice))
    data = view.data | {"explained": as_data(tuple(used))}
    return View((*body, *extra, *notices), data, view.records)


def _glossary_records(
    entries: tuple[GlossaryEntry, ...],
) -> tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]]:
    header = ("id", "term", "definition", "aliases", "origin")
    rows = tuple(
        (e.id, e.term, e.definition, LIST_SEPARATOR.join(e.aliases), e.origin) for e in entries
    )
    return header, rows


def sources(ds: Dataset) -> View:
    p = ds.provenance
    blocks: list[Block] = [
        Heading("Source of this information"),
        Fields(
            (
                ("Title", p.title),
                ("Publisher", f"{p.publisher} ({p.series})"),
                ("Reviewed by", f"{p.reviewer}, {p.reviewer_affiliation}"),
                ("Updated", f"{p.updated} (content last reviewed in {p.review_year})"),
                ("Standard", p.standard),
                ("Copyright", p.copyright),
                ("Contact", f"{p.contact.name}, {p.contact.phone}. {p.contact.purpose}"),
            )
        ),
        Paragraph(f"Disclaimer: {p.disclaimer}"),
        Heading("References", 2),
        Bullets(tuple(f"[{r.number}] {r.citation}" for r in ds.references)),
    ]
    for section in query.topic_sections(ds, "sources"):
        blocks += _section_blocks(ds, section, 2)
    blocks += [
        Table(("Registry", "Lists"), tuple((r.url, r.sponsors) for r in ds.registries)),
        Heading("Links", 2),
        Bullets(tuple(link.url for link in ds.links)),
        footer(ds),
    ]
    data = {
        "kind": "sources",
        "references": as_data(ds.references),
        "sections": as_data(query.topic_sections(ds, "sources")),
        "registries": as_data(ds.registries),
        "links": as_data(ds.links),
    }
    return View(tuple(blocks), data | provenance_data(ds))


def export(ds: Dataset) -> View:
    """The whole reference as one document: every view in reading order, one notice at the top
    and one at the end, headings moved one level down under a single title."""
    parts = [
        topic(ds, "overview"),
        topic(ds, "symptoms"),
        topic(ds, "causes"),
        topic(ds, "diagnosis"),
        treatments(ds),
        *(treatment(ds, t) for t in ds.treatments),
        medications(ds),
        stats(ds),
        View((Heading("Charts"), *_charts(ds, ds.statistics)), {}),
        glossary(ds),
        sources(ds),
    ]
    blocks: list[Block] = [Heading(f"{ds.provenance.title}: a reference"), footer(ds)]
    for part in parts:
        for block in part.blocks:
            if isinstance(block, Notice):
                continue
            if isinstance(block, Heading):
                block = Heading(block.text, block.level + 1)
            elif isinstance(block, Paragraph) and block.text.startswith("One option in full:"):
                continue  # a hint for the terminal, not for a document
            blocks.append(block)
    blocks.append(footer(ds))
    data = {
        "kind": "export",
        "sections": as_data(ds.sections),
        "nerve": as_data(ds.nerve),
        "treatments": as_data(ds.treatments),
        "medications": as_data(ds.medications),
        "statistics": as_data(ds.statistics),
        "figures": as_data(ds.figures),
        "registries": as_data(ds.registries),
        "references": as_data(ds.references),
        "links": as_data(ds.links),
        "glossary": as_data(ds.glossary),
    }
    return View(tuple(blocks), data | provenance_data(ds))


def search_results(ds: Dataset, text: str, found: Found) -> View:
    """The best hit in full (the answer), then every hit as a table. ``text`` is shown without
    highlight markers: a marker the user typed is never highlighting. Typos read as other words
    and words the guide never uses are said before the answer."""
    hits = found.hits
    best = hits[0]
    rows = tuple((f"{h.kind}: {h.title}", h.command, h.snippet) for h in hits)
    notes: list[Block] = []
    if found.read_as:
        read = ", ".join(f"{typed!r} as {word!r}" for typed, word in found.read_as)
        notes.append(Paragraph(f"Read {read}."))
    if found.unmatched:
        words = ", ".join(repr(w) for w in found.unmatched)
        notes.append(
            Paragraph(f"Not in the guide: {words}. These matches are for the other words.")
        )
    blocks: list[Block] = [
        Heading(f"Search: {unmarked(text)}"),
        *notes,
        Heading(f"Best answer ({best.kind}): {unmarked(best.title)}", 2),
        Paragraph(best.text),
        Paragraph(f"Show it with: {best.command}"),
        Heading("All matches, best first", 2),
        Table(("Found", "Show it with", "Match"), rows),
        footer(ds),
    ]
    results = []
    for rank, h in enumerate(hits, start=1):
        snippet, spans = highlight_spans(h.snippet)
        results.append(
            {
                "rank": rank,
                "id": h.id,
                "score": h.score,
                "kind": h.kind,
                "title": unmarked(h.title),
                "command": h.command,
                "snippet": snippet,
                "highlights": [list(span) for span in spans],
                "text": unmarked(h.text),
            }
        )
    header = ("rank", "id", "score", "kind", "title", "command", "snippet")
    records = tuple(tuple(r[name] for name in header) for r in results)
    data = {
        "kind": "search",
        "query": unmarked(text),
        "unmatched": list(found.unmatched),
        "read_as": dict(found.read_as),
        "results": results,
    }
    return View(tuple(blocks), data | provenance_data(ds), (header, records))


def figures(ds: Dataset) -> View:
    rows = tuple((f"Figure {f.number}", f.caption) for f in ds.figures)
    blocks: list[Block] = [
        Heading("The guide's figures"),
        Table(("Figure", "Caption"), rows),
        Paragraph("Draw one as a plain diagram: hfs-info figures N (1 to 4)."),
        footer(ds),
    ]
    data = {"kind": "figures", "figures": as_data(ds.figures)}
    return View(tuple(blocks), data | provenance_data(ds))


def figure(ds: Dataset, number: int) -> View:
    from hfs_info import diagrams

    item = query.find_figure(ds, number)
    blocks: list[Block] = [
        Heading(f"Figure {item.number}"),
        Paragraph(item.caption),
        Diagram(
            f"Figure {item.number}",
            diagrams.draw(item, ds.nerve),
            diagrams.describe(item, ds.nerve),
        ),
        Paragraph("A plain diagram of what the caption states, not the guide's own picture."),
        footer(ds),
    ]
    data = {"kind": "figure", "figure": as_data(item)}
    return View(tuple(blocks), data | provenance_data(ds), drawing=True)
