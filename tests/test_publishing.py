"""Documents you can publish, read as a reader's tools read them: the export (Markdown parsed by
markdown-it, HTML by html5lib) is one edited document with each thing once, and it and every
command's Markdown stand on their own: no terminal hints, no picture that is not there, every
drawing labelled as ours, every citation a link that resolves in the page."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import html5lib
import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from hfs_info.document import DIAGRAM_NOTE
from hfs_info.render.markdown import slug

TERMINAL_WORDS = re.compile(r"hfs-info |not shown|\((?:top|bottom) image\)|--format|--\w")
NOTICE_START = "General information from the Mayfield Clinic guide"

# Every content command, in the forms a document would hold them.
COMMAND_LINES = [
    "overview",
    "overview --explain",
    "symptoms",
    "causes",
    "diagnosis",
    "treatments",
    "treatments --full",
    "treatments mvd",
    "treatments botox",
    "treatments medication",
    "medications",
    "stats",
    "stats --chart",
    "stats --with-sources",
    "glossary",
    "glossary mvd",
    "glossary hfs",
    "glossary tegretol",
    "sources",
    "figures",
    "figures 1",
    "figures 2",
    "figures 3",
    "figures 4",
    "search botox",
    "search craniotomy",
    "search how long does botox last",
]


class Markdown:
    """A Markdown document as markdown-it parses it (CommonMark with GFM tables)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = MarkdownIt("commonmark").enable("table").parse(text)

    def headings(self) -> list[tuple[int, str]]:
        return [
            (int(token.tag[1]), self.tokens[i + 1].content)
            for i, token in enumerate(self.tokens)
            if token.type == "heading_open"
        ]

    def anchors(self) -> set[str]:
        """The ids GitHub gives the headings: a slug, -1, -2 ... for repeats."""
        seen: Counter[str] = Counter()
        out = set()
        for _, text in self.headings():
            base = slug(text)
            out.add(f"{base}-{seen[base]}" if seen[base] else base)
            seen[base] += 1
        return out

    def inline(self) -> list[Token]:
        return [child for t in self.tokens if t.type == "inline" for child in t.children or ()]

    def links(self) -> list[str]:
        return [str(t.attrs["href"]) for t in self.inline() if t.type == "link_open"]

    def paragraphs(self) -> list[str]:
        return [
            self.tokens[i + 1].content
            for i, t in enumerate(self.tokens)
            if t.type == "paragraph_open"
        ]

    def fences(self) -> list[str]:
        return [t.content for t in self.tokens if t.type == "fence"]

    def tables(self) -> list[str]:
        """Each table as the text of its cells, one string per table."""
        out, current = [], None
        for t in self.tokens:
            if t.type == "table_open":
                current = []
            elif t.type == "table_close" and current is not None:
                out.append(" | ".join(current))
                current = None
            elif t.type == "inline" and current is not None:
                current.append(t.content)
        return out

    def words(self) -> str:
        """The text a reader sees, code blocks included."""
        return " ".join(t.content for t in self.tokens if t.type in ("inline", "fence"))


@pytest.fixture(scope="module")
def exported() -> Markdown:
    from .conftest import run_process

    result = run_process("export", "--format", "markdown")
    assert result.returncode == 0
    return Markdown(result.stdout.decode("utf-8"))


@pytest.fixture(scope="module")
def page() -> Any:
    from .conftest import run_process

    result = run_process("export", "--format", "html")
    assert result.returncode == 0
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(result.stdout.decode("utf-8"))


# --- the export in Markdown ------------------------------------------------------------------


def test_the_export_has_each_part_once_in_reading_order(exported: Markdown) -> None:
    top = [text for level, text in exported.headings() if level == 2]
    assert top == [
        "Overview",
        "Symptoms",
        "Causes",
        "Diagnosis",
        "Treatments",
        "Glossary",
        "Source of this information",
    ]
    under_treatments = [text for level, text in exported.headings() if level == 3]
    assert under_treatments[under_treatments.index("Compared") :][:4] == [
        "Compared",
        "Medication",
        "Botox injections",
        "Microvascular decompression (MVD)",
    ]
    assert [t for _, t in exported.headings()].count("Medications") == 0


def test_no_content_is_said_twice(exported: Markdown) -> None:
    paragraphs = [p for p in exported.paragraphs() if NOTICE_START not in p]
    repeated = [p for p, n in Counter(paragraphs).items() if n > 1 and p != f"*{DIAGRAM_NOTE}*"]
    assert repeated == []
    assert [t for t, n in Counter(exported.tables()).items() if n > 1] == []
    assert [f for f, n in Counter(exported.fences()).items() if n > 1] == []
    # The notice opens and closes the document, and nothing else is doubled.
    assert sum(NOTICE_START in p for p in exported.paragraphs()) == 2


def test_the_drug_table_and_each_number_appear_once(exported: Markdown) -> None:
    drug_tables = [t for t in exported.tables() if t.startswith("Generic name | Brand name")]
    assert len(drug_tables) == 1
    assert exported.text.count("Klonopin") == 2  # the comparison's words, and the table
    charts = [f for f in exported.fences() if "\nSource: " in f]
    titles = [chart.split("\n")[0] for chart in charts]
    assert titles == [
        "Where the spasm starts",
        "Back to usual life after surgery",
        "A vessel appears to press on the nerve",
        "Results of surgery, in general",
    ]
    number_tables = [t for t in exported.tables() if t.startswith("Number | What it measures")]
    rows = [row for t in number_tables for row in re.findall(r"\| (\d[^|]*) \| ", " | " + t)]
    assert len(number_tables) == 3 and "85%" not in " ".join(number_tables)
    assert rows  # each number table has rows
    # The guide says it twice (how soon it works, results), in full under MVD and shortened in
    # the comparison; the chart gives it once.
    assert exported.text.count("85%") == 5


def test_one_references_list_that_every_citation_links_to(exported: Markdown) -> None:
    names = [text for _, text in exported.headings()]
    assert names.count("References") == 1
    assert exported.text.count("Payner TD, Tew JM Jr") == 1
    links = [link for link in exported.links() if link.startswith("#")]
    assert links and set(links) == {"#references"}
    assert {link[1:] for link in links} <= exported.anchors()
    # Every citation in the text is a link: none left as plain words.
    plain, depth = [], 0
    for t in exported.inline():
        depth += {"link_open": 1, "link_close": -1}.get(t.type, 0)
        if t.type == "text" and not depth and re.search(r"\breference \d", t.content):
            plain.append(t.content)
    assert plain == []


def test_every_figure_is_drawn_once_and_labelled_as_ours(exported: Markdown) -> None:
    paragraphs = exported.paragraphs()
    captions = [i for i, p in enumerate(paragraphs) if re.match(r"Figure \d: ", p)]
    assert [paragraphs[i][:8] for i in captions] == [f"Figure {n}" for n in (1, 3, 2, 4)]
    assert all(paragraphs[i + 1] == f"*{DIAGRAM_NOTE}*" for i in captions)
    assert not TERMINAL_WORDS.search(exported.words())


def test_json_ld_gives_no_review_date(run) -> None:
    text = run("export", "--format", "html").stdout
    block = re.search(r'<script type="application/ld\+json">\n(.*?)\n</script>', text, re.S)
    assert block is not None
    data = json.loads(block.group(1))
    guide = data["isBasedOn"]  # the date is the guide's, which gives no review date
    assert "lastReviewed" not in data and "lastReviewed" not in guide
    assert guide["dateModified"] == "2018-07" and "dateModified" not in data


# --- the export in HTML ----------------------------------------------------------------------


def _text(element: Any) -> str:
    return "".join(element.itertext())


def test_the_html_page_has_each_part_once(page: Any) -> None:
    main = page.find(".//main")
    top = [_text(h) for h in main.iter("h2") if h.get("id") != "contents"]
    assert len(top) == len(set(top)) == 7
    tables = [_text(t) for t in main.iter("table")]
    assert len(tables) == len(set(tables))
    drug_tables = [t for t in main.iter("table") if "Generic name" in _text(t.find(".//thead"))]
    assert len(drug_tables) == 1
    assert not TERMINAL_WORDS.search(_text(main))


def test_every_link_in_the_page_resolves_and_citations_are_links(page: Any) -> None:
    ids = {e.get("id") for e in page.iter() if e.get("id")}
    links = [a.get("href") for a in page.iter("a")]
    internal = [link[1:] for link in links if link.startswith("#")]
    assert set(internal) <= ids
    lists = [ul for ul in page.iter("ul") if ul.get("class") == "references"]
    assert len(lists) == 1
    assert [li.get("id") for li in lists[0]] == ["ref-1", "ref-2"]
    cited = [a for a in page.iter("a") if a.get("href") == "#ref-1"]
    assert {_text(a) for a in cited} == {"[1]", "reference 1"}
    for paragraph in page.iter("td"):  # no citation of a listed reference is left unlinked
        own = (paragraph.text or "") + "".join(child.tail or "" for child in paragraph)
        assert not re.search(r"\breference [12]\b", own)


def test_every_diagram_in_the_page_is_labelled_as_ours(page: Any) -> None:
    figures = [f for f in page.iter("figure") if (f.get("id") or "").startswith("figure-")]
    assert len(figures) == 4
    for figure in figures:
        caption = _text(figure.find("figcaption"))
        assert caption.endswith(DIAGRAM_NOTE)
        desc = [e for e in figure.iter() if str(e.tag).endswith("desc")]
        assert len(desc) == 1 and DIAGRAM_NOTE in _text(desc[0])


# --- each command's Markdown, as fill puts it into documents ---------------------------------


@pytest.mark.parametrize("line", COMMAND_LINES)
def test_each_commands_markdown_stands_on_its_own(run, line: str) -> None:
    result = run(*line.split(), "--format", "markdown")
    assert result.status == 0, result.stderr
    document = Markdown(result.stdout)
    assert not TERMINAL_WORDS.search(document.words()), line
    assert [level for level, _ in document.headings()].count(1) == 1
    tops = [text for level, text in document.headings() if level == 2]
    assert len(tops) == len(set(tops))
    assert {link[1:] for link in document.links()} <= document.anchors()
    assert all(link.startswith("#") for link in document.links())
    # A figure the text names is in the document, drawn and labelled.
    named = {
        int(n)
        for m in re.finditer(r"\bFigures? (\d+(?:(?: and |, )\d+)*)", document.words())
        for n in re.findall(r"\d+", m.group(1))
    }
    drawn = {int(m.group(1)) for p in document.paragraphs() if (m := re.match(r"Figure (\d): ", p))}
    assert named <= drawn, line
    paragraphs = document.paragraphs()
    for i, p in enumerate(paragraphs):
        if re.match(r"Figure \d: ", p):
            assert paragraphs[i + 1] == f"*{DIAGRAM_NOTE}*"
    references = [text for _, text in document.headings()].count("References")
    assert references <= 1
    # A citation links to the document's own list of references, or the work is named in full.
    depth, unlinked = 0, []
    for token in document.inline():
        depth += {"link_open": 1, "link_close": -1}.get(token.type, 0)
        if token.type == "text" and not depth:
            unlinked += re.findall(r"\breference (\d+)|\[(\d+)\](?! Payner| Samii)", token.content)
    assert unlinked == [], line


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_each_svg_figure_says_it_is_our_diagram(run, number: int) -> None:
    import xml.etree.ElementTree as ET

    svg = ET.fromstring(run("figures", str(number), "--format", "svg").stdout.split("\n", 1)[1])
    texts = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    assert "A plain diagram of what the caption states, not the guide" in texts
    desc = svg.find("{http://www.w3.org/2000/svg}desc")
    assert desc is not None and DIAGRAM_NOTE in (desc.text or "")


# --- the export of any edition holds every number and figure once --------------------------


def _edition_variants() -> list[tuple[str, Any]]:
    from hfs_info import store

    ds = store.load(None)
    unlisted = ds._replace(
        treatments=tuple(t._replace(statistics=(), figures=()) for t in ds.treatments),
        sections=tuple(s._replace(figures=()) for s in ds.sections),
    )
    homeless = ds._replace(
        statistics=tuple(s._replace(section="nowhere") for s in ds.statistics),
        treatments=tuple(t._replace(statistics=()) for t in ds.treatments),
    )
    return [("shipped", ds), ("nothing listed", unlisted), ("no section", homeless)]


@pytest.mark.parametrize(("name", "ds"), _edition_variants(), ids=lambda v: str(v)[:20])
def test_every_number_and_figure_is_in_the_export_once(name: str, ds: Any) -> None:
    from hfs_info import compose
    from hfs_info.document import Bars, Diagram, Table

    blocks = compose.export(ds).blocks
    shown: Counter[str] = Counter()
    for block in blocks:
        if isinstance(block, Bars):
            shown.update(f"{label}={display}" for label, _, display in block.items)
        elif isinstance(block, Table) and block.columns[:2] == ("Number", "What it measures"):
            shown.update(f"{row[1]}={row[0]}" for row in block.rows)
    assert shown == Counter(f"{s.described}={s.display}" for s in ds.statistics), name
    drawn = [b.title for b in blocks if isinstance(b, Diagram)]
    assert sorted(drawn) == sorted(f"Figure {f.number}" for f in ds.figures), name
