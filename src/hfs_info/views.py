"""What each command shows, as format-neutral Views (document.py) built from dataset records.

This module decides content and order, the wording of labels, and the JSON and CSV shapes; it
never styles. Every View of medical content ends with the provenance notice and disclaimer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hfs_info import query
from hfs_info.blocks import (
    LIST_SEPARATOR,
    NOT_STATED,
    charts,
    diagram,
    groups,
    medication_table,
    nerve_fields,
    references_blocks,
    references_list,
    section_blocks,
    stats_table,
    view_texts,
)
from hfs_info.commandline import COMMANDS
from hfs_info.document import (
    Bars,
    Block,
    Bullets,
    Fields,
    Found,
    Heading,
    Hint,
    Notice,
    Paragraph,
    Table,
    View,
    highlight_spans,
    unmarked,
)
from hfs_info.models import (
    BRIEF_SOURCES,
    PERCENT,
    TREATMENT_ASPECTS,
    Brief,
    Dataset,
    GlossaryEntry,
    Medication,
    Reference,
    Statistic,
    Treatment,
    is_record,
    key_of,
)

if TYPE_CHECKING:  # the documents' types: for mypy and the schema, not imported at run time
    from hfs_info import payloads

# The rows of `treatments`, the comparison a person decides on: the short forms (Brief) where the
# dataset gives them, else the long texts they shorten. How it works is left to the full view.
COMPARED: tuple[tuple[str, str], ...] = (
    ("how_given", "How it is given"),
    ("onset", "How soon it works"),
    ("duration", "How long it lasts"),
    ("results", "Results"),
    ("risks", "Risks and side effects"),
    ("recovery", "Recovery"),
)
# Every aspect, in the order a person deciding reads them, how it works last: the rows of
# `treatments --full` and the fields of `treatments NAME`.
_FULL_ORDER = (
    "summary",
    "when_used",
    "how_given",
    "onset",
    "duration",
    "results",
    "side_effects",
    "risks",
    "limitations",
    "monitoring",
    "recovery",
    "findings",
    "how_it_works",
)
_LABELS = dict(TREATMENT_ASPECTS)
DETAIL: tuple[tuple[str, str], ...] = tuple((attr, _LABELS[attr]) for attr in _FULL_ORDER)
# The aspects `treatments NAME` always shows, saying when the source is silent: the long texts
# the comparison's rows shorten.
_ALWAYS = frozenset(source for attr, _ in COMPARED for source in BRIEF_SOURCES[attr][:1])


# --- shared pieces ---------------------------------------------------------------------------


def footer(ds: Dataset) -> Notice:
    p = ds.provenance
    return Notice(f"{p.notice} {p.disclaimer}")


def provenance_data(ds: Dataset) -> dict[str, Any]:
    return {"source": as_data(ds.provenance), "disclaimer": ds.provenance.disclaimer}


def document(kind: str, payload: Mapping[str, Any], ds: Dataset) -> dict[str, Any]:
    """The JSON document of a view: its kind, its payload (a dict of one of the types of
    payloads.py, from which the schema is generated too) and the provenance."""
    return {"kind": kind, **{k: as_data(v) for k, v in payload.items()}} | provenance_data(ds)


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
    if isinstance(record, dict):
        return {k: as_data(v) for k, v in record.items()}
    return record


def _fields_of(record: Any) -> dict[str, Any]:
    return {
        key_of(type(record), name): as_data(value)
        for name, value in zip(record._fields, record, strict=True)
    }


def aspect(treatment: Treatment | None, attr: str) -> str:
    """One aspect of a treatment as every view shows it (an edition may have no such treatment:
    then it is not stated)."""
    text = query.aspect_text(treatment, attr) if treatment is not None else None
    return text if text else NOT_STATED


# --- commands --------------------------------------------------------------------------------


# (usage, what it shows) of every command, in the order the app declares them.
# `help` is named in the list's title instead, to keep the home screen to one 80x24 screen.
_COMMAND_ROWS = tuple((c.usage, c.summary) for name, c in COMMANDS.items() if name != "help")


def home(ds: Dataset) -> View:
    # One screen (24 lines at 80 columns), like a --help: what the condition is in a sentence,
    # the commands one a line, and the notice.
    intro = query.topic_sections(ds, "overview")[:1]  # an edition may lack the section
    blocks: list[Block] = [
        *(Paragraph(section.paragraphs[0]) for section in intro),
        Table(
            ("Command", "Shows"),
            _COMMAND_ROWS,
            title="Commands (more with hfs-info help COMMAND):",
            compact=True,
        ),
        footer(ds),
    ]
    payload: payloads.Home = {
        "commands": tuple({"command": c, "shows": s} for c, s in _COMMAND_ROWS)
    }
    return View(tuple(blocks), document("home", payload, ds))


def topic(ds: Dataset, name: str, drawn: bool = False) -> View:
    """A prose command (overview, symptoms, causes, diagnosis): its sections in reading order,
    the first as the one top-level heading and the others below it, so the view nests whole
    into a larger document. ``drawn``: figures as diagrams (documents), not only captions."""
    sections = query.topic_sections(ds, name)
    blocks: list[Block] = []
    for index, section in enumerate(sections):
        blocks += section_blocks(ds, section, 1 if index == 0 else 2, drawn)
    payload: payloads.Topic = {"sections": sections}
    if name == "overview":
        blocks += [Heading("The facial nerve", 2), nerve_fields(ds)]
        payload["nerve"] = ds.nerve
    blocks.append(footer(ds))
    return View(tuple(blocks), document(name, payload, ds))


def brief(treatment: Treatment, attr: str) -> str:
    """A row of the comparison for one treatment: the short form where the dataset gives one,
    else the long text(s) it shortens, else NOT_STATED."""
    short: str | None = getattr(treatment.brief, attr) if treatment.brief is not None else None
    if short:
        return short
    texts = [
        text for source in BRIEF_SOURCES[attr] if (text := query.aspect_text(treatment, source))
    ]
    return " ".join(t if t.endswith((".", "!", "?")) else f"{t}." for t in texts) or NOT_STATED


def treatments(ds: Dataset, full: bool = False) -> View:
    """The treatments side by side: the rows a person decides on, in short forms that fit one
    screen; with ``full``, every aspect in its long text, how it works last."""
    names = tuple(t.name for t in ds.treatments)
    ids = [t.id for t in ds.treatments]
    if full:
        attrs = [a for a, _ in DETAIL if a in _ALWAYS or any(getattr(t, a) for t in ds.treatments)]
        rows = tuple((_LABELS[a], *(aspect(t, a) for t in ds.treatments)) for a in attrs)
        more = f"One option in full: hfs-info treatments NAME ({', '.join(ids)})."
    else:
        rows = tuple((label, *(brief(t, a) for t in ds.treatments)) for a, label in COMPARED)
        more = "Every aspect: hfs-info treatments --full. One option: hfs-info treatments NAME."
    # The overview's closing words, which weigh the options (if the edition has them).
    overview = query.topic_sections(ds, "overview")[:1]
    blocks: list[Block] = [
        Heading("Treatments compared" + ("" if not full else ": every aspect")),
        Table(("", *names), rows, headed_rows=True),
        *(Paragraph(s.paragraphs[-1]) for s in overview if s.paragraphs),
        Hint(more),
        footer(ds),
    ]
    payload: payloads.Treatments = {"treatments": ds.treatments}
    data = document("treatments", payload, ds)
    return View(tuple(blocks), data, _treatment_records(ds.treatments))


def _treatment_records(
    items: tuple[Treatment, ...],
) -> tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]]:
    attrs = [name for name in Treatment._fields if name not in ("statistics", "figures", "brief")]
    # how the guide frames the list ("For example") just before it, as every other view shows it
    attrs.remove("side_effects_intro")
    attrs.insert(attrs.index("side_effects"), "side_effects_intro")
    rows = tuple(
        tuple(LIST_SEPARATOR.join(v) if isinstance(v := getattr(t, a), tuple) else v for a in attrs)
        # The short forms, one column each (brief_results, ...), after the long texts.
        + tuple(getattr(t.brief, b) if t.brief else None for b in Brief._fields)
        for t in items
    )
    return (*attrs, *(f"brief_{b}" for b in Brief._fields)), rows


def treatment(ds: Dataset, item: Treatment, drawn: bool = False) -> View:
    blocks: list[Block] = [
        Heading(item.name),
        Fields(
            tuple(
                (label, aspect(item, attr))
                for attr, label in DETAIL
                # The compared aspects always show (saying when the source is silent); the
                # others only where the source says something.
                if attr in _ALWAYS or getattr(item, attr) is not None
            )
        ),
    ]
    if item.id == "medication":
        blocks += [Heading("The drugs", 2), medication_table(ds.medications)]
    stats = query.statistics_by_id(ds, item.statistics)
    if stats:
        blocks.append(Heading("In numbers", 2))
        blocks += charts(ds, stats)
        others = tuple(s for s in stats if s.unit != PERCENT)
        if others:
            blocks.append(stats_table(ds, others))
    blocks += [diagram(ds, f, brief=not drawn) for f in query.figures_by_id(ds, item.figures)]
    blocks += references_blocks(ds, stats)
    blocks.append(footer(ds))
    charted = any(isinstance(b, Bars) for b in blocks)
    figures = query.figures_by_id(ds, item.figures)
    payload: payloads.OneTreatment = {"treatment": item, "statistics": stats, "figures": figures}
    data = document("treatment", payload, ds)
    return View(tuple(blocks), data, _treatment_records((item,)), drawing=charted)


def medications(ds: Dataset) -> View:
    med = query.medication(ds)
    blocks: list[Block] = [
        Heading("Medications"),
        medication_table(ds.medications),
        Fields(
            (
                ("Results", aspect(med, "results")),
                ("Side effects", aspect(med, "side_effects")),
                ("Monitoring", aspect(med, "monitoring")),
            )
        ),
        footer(ds),
    ]
    payload: payloads.Medications = {"medications": ds.medications, **_drug_notes(med)}
    data = document("medications", payload, ds)
    return View(tuple(blocks), data, _medication_records(ds.medications))


def _drug_notes(treatment: Treatment | None) -> payloads.DrugNotes:
    """What the guide says of the drugs as a group (JSON of `medications` and of one drug)."""
    if treatment is None:
        return {"side_effects": (), "side_effects_intro": None, "monitoring": None}
    return {
        "side_effects": treatment.side_effects,
        "side_effects_intro": treatment.side_effects_intro,
        "monitoring": treatment.monitoring,
    }


def _medication_records(
    items: tuple[Medication, ...],
) -> tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]]:
    header = ("id", "generic", "brand", "class", "purpose")
    return header, tuple((m.id, m.generic, m.brand, m.drug_class, m.purpose) for m in items)


STAT_COLUMNS = (
    "id",
    "value",
    "max_value",
    "unit",
    "approximate",
    "display",
    "measure",
    "timeframe",
    "population",
    "group",
    "section",
    "reference",
    "citation",
)


def stats(ds: Dataset, with_sources: bool = False, chart: bool = False) -> View:
    blocks: list[Block] = [Heading("Numbers from the guide")]
    if chart:
        blocks += charts(ds, ds.statistics)
        rest = tuple(s for s in ds.statistics if s.unit != PERCENT)
        blocks += [Heading("Numbers that are not percentages", 2), stats_table(ds, rest)]
    else:
        for group, members in groups(ds.statistics).items():
            blocks += [Heading(group, 2), stats_table(ds, members, with_sources)]
    if not with_sources:
        blocks += references_blocks(ds, ds.statistics)
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
                s.timeframe.display if s.timeframe else None,
                s.population,
                s.group,
                s.section,
                s.reference,
                ref.citation if ref else None,
            )
        )
    payload: payloads.Stats = {"statistics": ds.statistics, "references": ds.references}
    data = document("stats", payload, ds)
    return View(tuple(blocks), data, (STAT_COLUMNS, tuple(rows)), drawing=chart)


# Marks the terms the guide's own glossary defines; the others are explained in its running text.
GLOSSARY_MARK = "*"


def glossary(ds: Dataset) -> View:
    # Alphabetical as a reader looks terms up, whatever their case ("baclofen" before "Botox").
    entries = tuple(sorted(ds.glossary, key=lambda e: e.term.casefold()))
    rows = tuple(
        (
            e.term + (GLOSSARY_MARK if e.origin == "glossary" else ""),
            LIST_SEPARATOR.join(e.aliases) or "(none)",
            e.definition,
        )
        for e in entries
    )
    blocks: list[Block] = [
        Heading("Glossary"),
        Table(("Term", "Also", "Definition"), rows),
        Paragraph(
            f"{GLOSSARY_MARK} in the guide's own glossary; the other terms are explained in its "
            "running text."
        ),
        footer(ds),
    ]
    payload: payloads.Glossary = {"glossary": entries}
    data = document("glossary", payload, ds)
    return View(tuple(blocks), data, _glossary_records(entries))


def term(ds: Dataset, entry: GlossaryEntry | Medication) -> View:
    """One glossary term, with where the guide uses it; or one drug found by its name."""
    if isinstance(entry, Medication):
        return drug(ds, entry)
    origin = "the guide's glossary" if entry.origin == "glossary" else "the guide's running text"
    places = query.term_locations(ds, entry)
    titles = LIST_SEPARATOR.join(dict.fromkeys(title for _, title in places))
    commands = LIST_SEPARATOR.join(dict.fromkeys(command for command, _ in places))
    blocks: list[Block] = [
        Heading(entry.term),
        Paragraph(entry.definition),
        Fields(
            (
                ("Also", LIST_SEPARATOR.join(entry.aliases) or "(none)"),
                ("From", origin),
                ("Appears in", titles or "(no section or treatment uses it)"),
            )
        ),
        *([Hint(f"Shown by: {commands}")] if commands else []),
        footer(ds),
    ]
    payload: payloads.Term = {
        "term": entry,
        "appears_in": tuple({"command": c, "title": t} for c, t in places),
    }
    data = document("term", payload, ds)
    return View(tuple(blocks), data, _glossary_records((entry,)))


def drug(ds: Dataset, med: Medication) -> View:
    treatment = query.medication(ds)
    more = f"hfs-info treatments {treatment.id}; " if treatment is not None else ""
    blocks: list[Block] = [
        Heading(f"{med.generic} ({med.brand})"),
        Fields(
            (
                ("Generic name", med.generic),
                ("Brand name", med.brand),
                ("Class", med.drug_class),
                ("Purpose", med.purpose or NOT_STATED),
                ("Side effects", aspect(treatment, "side_effects")),
                ("Monitoring", aspect(treatment, "monitoring")),
            )
        ),
        Paragraph("The guide gives the side effects and monitoring for these drugs as a group."),
        Hint(f"More: {more}hfs-info medications"),
        footer(ds),
    ]
    payload: payloads.Drug = {"drug": med, **_drug_notes(treatment)}
    data = document("drug", payload, ds)
    return View(tuple(blocks), data, _medication_records((med,)))


def explained(ds: Dataset, view: View) -> View:
    """``view`` with the glossary definitions of the terms its text uses, before the notice."""
    used = query.terms_used(ds, view_texts(view, sources=False))
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
                ("Updated", p.updated),
                ("Reviewed by", f"{p.reviewer}, {p.reviewer_affiliation}"),
                ("Standard", p.standard),
                ("Copyright", p.copyright),
                ("Contact", f"{p.contact.name}, {p.contact.phone}. {p.contact.purpose}"),
            )
        ),
        Paragraph(f"Disclaimer: {p.disclaimer}"),
        Heading("References", 2),
        references_list(ds.references),
    ]
    for section in query.topic_sections(ds, "sources"):
        blocks += section_blocks(ds, section, 2)
    blocks += [
        Table(("Registry", "Pointed to for"), tuple((r.url, r.sponsors) for r in ds.registries)),
        Heading("Links", 2),
        Bullets(tuple(link.url for link in ds.links)),
        footer(ds),
    ]
    sections = query.topic_sections(ds, "sources")
    payload: payloads.Sources = {
        "references": ds.references,
        "sections": sections,
        "registries": ds.registries,
        "links": ds.links,
    }
    return View(tuple(blocks), document("sources", payload, ds))


# How the answer names a figure asked for that the guide does not give (search.Found.no_figure);
# a unit asked a count of is "number of hours".
_FIGURES = {
    "percentage": "percentage or chance",
    "duration": "length of time",
    "number": "number",
    "age": "age",
    "size": "size",
    "people": "share or number of people",
    "frequency": "frequency or interval",
}


# What the answer says first for each kind of thing the guide does not say (Found.unsaid):
# {named} is what the question names, "'a' or 'b'"; {both}, "'a' and 'b'"; {figure}, the kind of
# figure asked ("percentage", "length of time").
_CLOSEST = "; the closest passages follow."
_UNSAID = {
    "figure": "The guide gives no {figure} for {named}" + _CLOSEST,
    "aspect": "The guide does not say this of {named}: the closest passages, about another"
    " thing, follow.",
    "definition": "The guide names {named} but does not say what it is" + _CLOSEST,
    "treatment": "The guide does not say how {named} is treated" + _CLOSEST,
    "pain": "The guide does not say whether {named} hurts" + _CLOSEST,
    "picture": "The guide has no figure of {named}" + _CLOSEST,
    "age_limit": "The guide gives no age limit for {named}" + _CLOSEST,
    "rate": "The guide gives no figure counted {named}" + _CLOSEST,
    "recommend": "The guide recommends no {named} (it names none to choose)" + _CLOSEST,
    "names": "The guide gives how many {named} there are, not their names" + _CLOSEST,
    "diagnosis": "The guide names no {named} among the tests of its diagnosis" + _CLOSEST,
    "best": "The guide names no best {named} (it ranks none above another)" + _CLOSEST,
    "findings": "The guide lists {named} as a reference only and reports none of its findings"
    + _CLOSEST,
    "contact": "The guide gives its contact's name and phone number only, nothing of {named}"
    + _CLOSEST,
    "whose": "The guide gives no contact for {named}: the one it names is another's" + _CLOSEST,
    "trials": "The guide names no particular trial or drug under test ({named})" + _CLOSEST,
    "if_not": "The guide does not say what happens if not so ({named})" + _CLOSEST,
    "until": "The guide gives no length of time until {named}" + _CLOSEST,
    "repeat": "The guide does not say whether {named} can be repeated" + _CLOSEST,
    "lasting": "The guide does not say what becomes of {named} over time (whether it lasts,"
    " or must be removed or replaced)" + _CLOSEST,
    "negated": "The question is put negatively ({named}): the guide's figures count what does"
    " happen, so the figures below do not answer it as asked.",
    "comparison": "The guide never compares {both}" + _CLOSEST,
    "together": "The guide never speaks of {both} together" + _CLOSEST,
    "unused": "The guide never uses {named}, what the question asks about: the closest"
    " passages, for its other words, follow.",
    "period": "The guide never speaks of {first}: no {asked} it gives is for that time" + _CLOSEST,
    "elsewhere": "The guide speaks of {first} only for another treatment, not for {second}"
    + _CLOSEST,
}


def unsaid_lines(found: Found) -> list[str]:
    """One line for each thing the guide does not say of what the question names
    (Found.unsaid): no figure of it, not what it is, not the two together, not the aspect asked
    (the first answer is that aspect of another thing), not the two compared, not how it is
    treated, not whether it hurts, no figure (picture) of it, a figure asked negatively."""
    kind = found.no_figure or "number"
    figure = _FIGURES.get(kind, f"number of {kind}")
    return [
        _UNSAID.get(what, _UNSAID["together"]).format(
            named=" or ".join(repr(word) for word in about),
            both=" and ".join(repr(word) for word in about),
            first=repr(about[0]),
            second=repr(about[-1]),
            figure=figure,
            asked=_FIGURES.get(about[-1], f"number of {about[-1]}"),
        )
        for what, about in found.unsaid
    ]


def _search_notes(found: Found) -> list[str]:
    """What a search answer says before the answer, one line each: what the guide does not
    say of what the question names, the figure it does not give, the typos read as words, the
    opposites and related words followed, and the words it never uses."""
    lines = unsaid_lines(found)
    if found.no_figure and not any(what == "figure" for what, _ in found.unsaid):
        figure = _FIGURES.get(found.no_figure, f"number of {found.no_figure}")
        lines.append(f"The guide gives no {figure} for this; the closest passages follow.")
    if found.read_as:
        read = ", ".join(f"{typed!r} as {word!r}" for typed, word in found.read_as)
        lines.append(f"Read {read}.")
    for typed, opposite in found.opposites:
        said = " or ".join(repr(word) for word in opposite)
        lines.append(f"The guide does not say {typed!r}; it says the opposite: {said}.")
    for typed, closest in found.related:
        near = ", ".join(closest)
        lines.append(f"The guide does not mention {typed!r}; closest: {near}.")
    # a word already said to be what the question asks about is not said again
    asked = {w for what, about in found.unsaid if what == "unused" for w in about}
    if unmatched := [w for w in found.unmatched if w not in asked]:
        words = ", ".join(repr(w) for w in unmatched)
        lines.append(f"Not in the guide: {words}. These matches are for the other words.")
    return lines


def _best_label(found: Found) -> str:
    """What the first hit is called: the best answer, or only the closest passage when the
    answer says first that the guide lacks something the question names (a word it never uses,
    no such figure, nothing of the thing named): it is then no answer to all that was asked."""
    return "Closest passage" if found.lacks else "Best answer"


def search_results(ds: Dataset, text: str, found: Found) -> View:
    """The best hit in full (the answer), then every hit as a table. ``text`` is shown without
    highlight markers: a marker the user typed is never highlighting. Typos read as other words,
    words followed only to related ones and words the guide never uses are said before the
    answer."""
    hits = found.hits
    best = hits[0]
    rows = tuple((f"{h.kind}: {h.title}", h.command, h.snippet) for h in hits)
    said = _search_notes(found)
    notes: list[Block] = [Paragraph(line) for line in said]
    blocks: list[Block] = [
        Heading(f"Search: {unmarked(text)}"),
        *notes,
        Heading(f"{_best_label(found)} ({best.kind}): {unmarked(best.title)}", 2),
        Paragraph(best.text),
        Hint(f"Show it with: {best.command}"),
        Heading("All matches, best first", 2),
        Table(("Found", "Show it with", "Match"), rows, commands=1),
        footer(ds),
    ]
    results: list[payloads.Hit] = []
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
                "highlights": tuple(spans),
                "text": unmarked(h.text),
            }
        )
    fields = ("rank", "id", "score", "kind", "title", "command", "snippet")
    # a CSV row carries what the answer says first (the caveat stays beside each claim)
    note = " ".join(said)
    records = tuple(
        (*(r[name] for name in fields), note)  # type: ignore[literal-required]
        for r in results
    )
    header = (*fields, "note")
    payload: payloads.Search = {
        "query": unmarked(text),
        "unmatched": found.unmatched,
        "read_as": dict(found.read_as),
        "related": {typed: tuple(closest) for typed, closest in found.related},
        "opposites": {typed: tuple(opposite) for typed, opposite in found.opposites},
        "no_figure": found.no_figure,
        "unsaid": tuple({"lacks": what, "about": about} for what, about in found.unsaid),
        "results": tuple(results),
    }
    return View(tuple(blocks), document("search", payload, ds), (header, records))


def figures(ds: Dataset) -> View:
    """Every figure: on a terminal its caption and the command that draws it, in a document
    drawn (a document cannot point at a picture it does not show)."""
    blocks: list[Block] = [
        Heading("The guide's figures"),
        *(diagram(ds, f, brief=True) for f in ds.figures),
        footer(ds),
    ]
    payload: payloads.Figures = {"figures": ds.figures}
    return View(tuple(blocks), document("figures", payload, ds))


def figure(ds: Dataset, number: int) -> View:
    item = query.find_figure(ds, number)
    blocks: list[Block] = [
        Heading(f"Figure {item.number}"),
        diagram(ds, item),
        footer(ds),
    ]
    payload: payloads.OneFigure = {"figure": item}
    data = document("figure", payload, ds)
    return View(tuple(blocks), data, drawing=True)
