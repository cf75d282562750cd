"""Output for documents: SVG pictures, the HTML page, Markdown that nests, export by file name."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from hfs_info import pictures
from hfs_info.document import Bars, Diagram, Heading, Hint, Label, Notice, Paragraph, View
from hfs_info.terminal import Terminal
from tests.test_cli import CONTENT_COMMANDS

SVG = "{http://www.w3.org/2000/svg}"
PICTURES = [
    ["figures", "1"],
    ["figures", "2"],
    ["figures", "3"],
    ["figures", "4"],
    ["stats", "--chart"],
    ["treatments", "mvd"],
]
DATA = Path(__file__).parents[1] / "data" / "hemifacial_spasm.toml"
TERMINAL = Terminal(color=False, width=80, unicode=True)


def picture(run, *args: str) -> ET.Element:
    result = run(*args, "--format", "svg")
    assert result.status == 0, result.stderr
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    return ET.fromstring(result.stdout)


# --- SVG -------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", PICTURES, ids=" ".join)
def test_svg_is_a_vector_picture_not_a_screenshot(run, args: list[str]) -> None:
    root = picture(run, *args)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    children = [child.tag for child in root]
    assert children[:3] == [f"{SVG}title", f"{SVG}desc", f"{SVG}rect"]
    assert root[2].get("fill") == "#ffffff"  # a light background
    ids = root.get("aria-labelledby", "").split()
    assert ids == [root[0].get("id"), root[1].get("id")]
    assert "not intended to take the place of medical advice" in (root[1].text or "")
    # Shapes and text, no terminal: no styles, fonts, window buttons or monospace lines.
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert {"text", "rect"} <= tags and not tags & {"style", "foreignObject", "image", "script"}
    assert "monospace" not in ET.tostring(root, encoding="unicode")
    assert "#ff5f57" not in ET.tostring(root, encoding="unicode")  # the red traffic light
    for text in root.iter(f"{SVG}text"):
        assert text.text and text.text == text.text.strip()  # no layout by leading spaces


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_figures_are_drawn_with_lines_and_shapes(run, number: int) -> None:
    root = picture(run, "figures", str(number))
    shapes = [e for e in root.iter() if e.tag.removeprefix(SVG) in ("polyline", "circle")]
    assert shapes
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts[0] == f"Figure {number}"


def test_chart_bars_share_one_axis_and_show_exact_values(run) -> None:
    root = picture(run, "stats", "--chart")
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("fill") == pictures.BAR]
    assert len(bars) == 8
    assert len({bar.get("x") for bar in bars}) == 1  # every group starts at the same x
    widths = [float(bar.get("width", "0")) for bar in bars]
    # One scale: 92% is 92/90 as long as 90%, whichever group each is in.
    assert widths[0] / widths[2] == pytest.approx(92 / 90, abs=0.01)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    for value in ("92%", "8%", "about 90%", "90%", "85%", "9%", "2%", "7%"):
        assert value in texts
    assert any("103%" in (t or "") for t in texts)  # the overlapping surgical outcomes
    assert [t for t in texts if t in ("0%", "50%", "100%")] == ["0%", "50%", "100%"]


@pytest.mark.parametrize("name", ["medication", "botox"])
def test_a_treatment_without_percentages_has_no_picture(run, name: str) -> None:
    result = run("treatments", name, "--format", "svg")
    assert result.status == 2 and "--format svg does not apply here" in result.stderr


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="rsvg-convert not installed")
@pytest.mark.parametrize("args", PICTURES, ids=" ".join)
def test_librsvg_renders_the_pictures(run, tmp_path: Path, args: list[str]) -> None:
    source = tmp_path / "picture.svg"
    source.write_text(run(*args, "--format", "svg").stdout, "utf-8")
    done = subprocess.run(
        ["rsvg-convert", "-w", "800", str(source), "-o", str(tmp_path / "picture.png")],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == b""
    assert (tmp_path / "picture.png").read_bytes().startswith(b"\x89PNG")


@given(st.text())
def test_svg_is_well_formed_whatever_the_text(text: str) -> None:
    chart = pictures.chart([Bars(text, text, ((text, 50.0, text),), note=text)], "x", text, text)
    drawing = Diagram(
        text, (text,), text, caption=text, shapes=(Label(0, 0, text),), size=(100, 100)
    )
    for element in (chart, pictures.diagram(drawing, "y", text, text)):
        ET.fromstring(pictures.to_text(element))


def test_noncharacters_and_controls_are_replaced() -> None:
    # Shown as what they are (text.inert), as every other format shows them: never raw.
    shown = pictures.clean("a\ufffeb\uffffc\U0001ffffd\ufdd0")
    assert shown == "a<U+FFFE>b<U+FFFF>c<U+1FFFF>d<U+FDD0>"
    assert "\ud800" not in pictures.clean("\ud800")
    assert pictures.clean("bell\x07 and \x1b[31m") == "bell^G and ^[[31m"


def test_a_dataset_with_noncharacters_still_gives_pictures(run, tmp_path: Path) -> None:
    edition = tmp_path / "edition.toml"
    text = DATA.read_text("utf-8").replace("Surgical outcomes", "Surgical \\uFFFE outcomes \\uFFFF")
    edition.write_text(text, "utf-8")
    for args in (["stats", "--chart"], ["treatments", "mvd"]):
        result = run("--data", str(edition), *args, "--format", "svg")
        assert result.status == 0
        ET.fromstring(result.stdout)
    page = run("--data", str(edition), "export", "--format", "html").stdout
    assert "\ufffe" not in page and "\uffff" not in page


# --- the HTML page ---------------------------------------------------------------------------


class Anchors(HTMLParser):
    """Ids, links and the text of the JSON-LD script of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.headings: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(found["id"] or "")
        if tag == "a":
            self.links.append(found.get("href") or "")
        if re.fullmatch("h[2-6]", tag):
            self.headings.append(found.get("id") or "")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


@pytest.fixture
def page(run) -> str:
    return str(run("export", "--format", "html").stdout)


def anchors(page: str) -> Anchors:
    parser = Anchors()
    parser.feed(page)
    parser.close()
    return parser


def test_the_page_is_valid_html5(page: str) -> None:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(page)  # strict: any parse error raises
    assert document.tag == "html"


def test_the_table_of_contents_links_every_section(page: str) -> None:
    found = anchors(page)
    internal = [link[1:] for link in found.links if link.startswith("#")]
    assert set(internal) <= set(found.ids)
    contents = [link for link in internal if not link.startswith("ref-")]
    assert len(contents) == len(set(contents)) >= 20
    assert len(found.ids) == len(set(found.ids))  # ids are unique
    sections = [h for h in found.headings if h != "contents"]
    assert set(sections) == {link for link in internal if not link.startswith("ref-")}


def _contents_entries(page: str) -> list[tuple[str, str]]:
    """(link, text) of each entry of the page's table of contents."""
    nav = page[page.index('<nav class="toc"') : page.index("</nav>")]
    return re.findall(r'<a href="#([^"]+)">([^<]*)</a>', nav)


def test_every_entry_of_the_contents_can_be_told_apart(page: str) -> None:
    """Five sections have an "In numbers" part: each is named with the section it is in."""
    entries = _contents_entries(page)
    texts = [text for _, text in entries]
    assert len(texts) == len(set(texts)), [t for t in texts if texts.count(t) > 1]
    assert "In numbers: Botox injections" in texts
    assert "In numbers: Microvascular decompression (MVD)" in texts
    found = anchors(page)
    assert {link for link, _ in entries} <= set(found.ids)
    assert len(found.ids) == len(set(found.ids))


_TITLES = st.sampled_from(["In numbers", "Results", "Risks", "A", "B"])


@given(st.lists(st.tuples(st.integers(2, 4), _TITLES), max_size=25))
def test_contents_labels_tell_apart_whatever_can_be_told_apart(
    outline: list[tuple[int, str]],
) -> None:
    """Any outline: two entries get one label only where they have the same text under the
    same chain of headings (nothing could tell them apart), and anchors stay unique."""
    from hfs_info.render.html import render

    blocks = (Heading("Title", 1), *(Heading(text, level) for level, text in outline))
    out = io.StringIO()
    render(View(blocks, {}), out, Terminal(False, 80, True))
    page = out.getvalue()
    if not outline:
        return
    entries = _contents_entries(page)
    assert len(entries) == len(outline)
    chains = []
    chain: list[tuple[int, str]] = []
    for level, text in outline:
        while chain and chain[-1][0] >= level:
            chain.pop()
        chains.append((text, tuple(t for _, t in chain)))
        chain.append((level, text))
    for a in range(len(entries)):
        for b in range(a):
            if chains[a] != chains[b]:
                assert entries[a][1] != entries[b][1], (outline, entries)
    ids = anchors(page).ids
    assert len(ids) == len(set(ids))


def test_web_addresses_are_links(page: str) -> None:
    links = anchors(page).links
    for address in (
        "http://www.clinicaltrials.gov",
        "http://www.centerwatch.com",
        "http://www.blepharospasm.org",
        "http://www.aanem.org/Patients",
    ):
        assert address in links


def test_reference_numbers_link_to_their_reference(page: str) -> None:
    assert page.count('<li id="ref-1">') == page.count('<li id="ref-2">') == 1
    assert '<li id="ref-1">[1] Payner TD, Tew JM Jr:' in page  # the entry is the target
    assert 'Source: <a href="#ref-1">[1]</a> Payner &amp; Tew 1996' in page
    assert '85% have immediate relief from spasms (<a href="#ref-1">reference 1</a>)' in page


def test_the_four_figures_are_drawn_inline_with_captions(page: str) -> None:
    figures = re.findall(
        r'<figure id="(figure-\d)(?:-\d)?"><svg (.*?)</svg><figcaption>(.*?)<', page
    )
    assert sorted({number for number, _, _ in figures}) == [
        "figure-1",
        "figure-2",
        "figure-3",
        "figure-4",
    ]
    assert all(caption == "" for _, _, caption in figures)  # the caption starts with <strong>
    assert "<strong>Figure 4</strong>: A sponge goes in between" in page
    assert "not shown" not in page


def test_provenance_and_disclaimer_at_top_and_bottom(page: str) -> None:
    notices = [m.start() for m in re.finditer('<p class="notice" role="note">', page)]
    assert len(notices) == 2
    assert page.index("<nav") > notices[0]  # right under the title
    assert page.rindex("<h2") < notices[1]  # after the last section
    assert "@media print{" in page


def test_json_ld_describes_the_condition_from_the_guide(page: str) -> None:
    (script,) = anchors(page).scripts
    data = json.loads(script)
    assert data["@context"] == "https://schema.org" and data["@type"] == "MedicalWebPage"
    # The guide's publisher, reviewer, copyright and date are the source's, not this page's: the
    # page paraphrases the guide and names no reviewer or publisher of its own.
    assert not {"reviewedBy", "publisher", "copyrightNotice", "dateModified"} & set(data)
    guide = data["isBasedOn"]
    assert guide["@type"] == "MedicalWebPage" and guide["name"] == "Hemifacial Spasm"
    assert guide["dateModified"] == "2018-07"
    assert guide["reviewedBy"]["name"] == "George Mandybur, MD"
    assert guide["publisher"] == {"@type": "Organization", "name": "Mayfield Clinic"}
    assert guide["copyrightNotice"].startswith("©")
    assert "not intended to take the place of medical advice" in data["description"]
    condition = data["about"]
    assert condition["@type"] == "MedicalCondition" and condition["name"] == "Hemifacial Spasm"
    assert "tic convulsif" in condition["alternateName"]
    assert len(condition["signOrSymptom"]) == 2 and len(condition["cause"]) == 2
    assert [t["name"] for t in condition["possibleTreatment"]] == [
        "Medication",
        "Botox injections",
        "Microvascular decompression (MVD)",
    ]
    drugs = {d["name"]: d["drugClass"]["name"] for d in condition["drug"]}
    assert drugs["carbamazepine"] == "anticonvulsant" and drugs["baclofen"] == "muscle relaxant"


def test_json_ld_cannot_end_its_script(run, tmp_path: Path) -> None:
    edition = tmp_path / "edition.toml"
    hostile = "tic </script><script>alert(1)</script><!-- & -->"
    edition.write_text(
        DATA.read_text("utf-8").replace('"tic convulsif"]', f'"{hostile}"]'), "utf-8"
    )
    page = run("--data", str(edition), "export", "--format", "html").stdout
    assert page.count("<script") == 1 and page.count("</script>") == 1
    (script,) = anchors(page).scripts
    assert hostile in json.loads(script)["about"]["alternateName"]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not found: the page is not checked in a browser"
)
def test_the_page_in_a_real_browser(run, tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    assert run("export", "-o", str(target)).status == 0
    done = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--enable-logging=stderr",
            "--v=0",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            target.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0
    console = [
        line for line in done.stderr.decode(errors="replace").splitlines() if ":CONSOLE" in line
    ]
    assert console == []  # the page logs nothing: no errors, no scripts
    dom = done.stdout.decode("utf-8")
    found = anchors(dom)  # the browser's own parse of the page
    internal = [link[1:] for link in found.links if link.startswith("#")]
    assert len(internal) >= 20 and set(internal) <= set(found.ids)
    assert dom.count("<svg") == 8 and "<figcaption>" in dom


# --- Markdown that nests ---------------------------------------------------------------------

MARKDOWN = MarkdownIt("commonmark").enable("table")


def heading_levels(text: str) -> list[int]:
    return [int(t.tag[1]) for t in MARKDOWN.parse(text) if t.type == "heading_open"]


@pytest.mark.parametrize("args", CONTENT_COMMANDS, ids=" ".join)
def test_markdown_has_one_top_level_heading(run, args: list[str]) -> None:
    levels = heading_levels(run(*args, "--format", "markdown").stdout)
    assert levels[0] == 1 and levels.count(1) == 1


@pytest.mark.parametrize("args", [["overview"], ["treatments", "mvd"], ["stats"], ["glossary"]])
def test_headings_shift_down(run, args: list[str]) -> None:
    plain = heading_levels(run(*args, "-f", "markdown").stdout)
    shifted = heading_levels(run(*args, "-f", "markdown", "--shift-heading-level-by", "2").stdout)
    assert shifted == [level + 2 for level in plain]


def test_export_headings_shift_down(run) -> None:
    assert heading_levels(run("export", "--shift-heading-level-by", "1").stdout)[0] == 2
    page = run("export", "-f", "html", "--shift-heading-level-by", "5").stdout
    assert "<h1" not in page and "<h7" not in page  # HTML has six levels; deeper ones stay h6


def test_the_shift_is_bounded(run) -> None:
    assert run("overview", "--shift-heading-level-by", "6").status == 2


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["treatments"], "Every aspect: hfs-info treatments --full"),
        (["treatments", "--full"], "One option in full: hfs-info treatments NAME"),
        (["figures"], "Figure 2 (drawn by hfs-info figures 2)"),
        (["glossary", "tegretol"], "More: hfs-info treatments medication"),
    ],
)
def test_terminal_hints_stay_out_of_documents(run, args: list[str], hint: str) -> None:
    assert hint in run(*args).stdout and hint in run(*args, "-f", "plain").stdout
    assert "hfs-info " not in run(*args, "-f", "markdown").stdout
    assert hint not in run("export").stdout


def test_hints_are_a_kind_of_block_not_a_wording() -> None:
    import io

    from hfs_info.render import markdown

    view = View((Heading("T"), Paragraph("One option in full: a"), Hint("b"), Notice("n")), {})
    out = io.StringIO()
    markdown.render(view, out, TERMINAL)
    assert out.getvalue() == "# T\n\nOne option in full: a\n\n*n*\n"


# --- export by the file's name, safely -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("x.md", "# Hemifacial Spasm"),
        ("x.html", "<!DOCTYPE html>"),
        ("X.HTM", "<!DOCTYPE html>"),
        ("x.json", "{"),
        ("x.txt", "# Hemifacial Spasm"),
        ("noextension", "# Hemifacial Spasm"),
    ],
)
def test_export_takes_the_format_from_the_extension(
    run, tmp_path: Path, name: str, start: str
) -> None:
    target = tmp_path / name
    assert run("export", "-o", str(target)).status == 0
    assert target.read_text("utf-8").startswith(start)
    if name == "x.json":
        assert json.loads(target.read_text("utf-8"))["kind"] == "export"


def test_a_format_that_contradicts_the_extension_is_refused(run, tmp_path: Path) -> None:
    target = tmp_path / "x.html"
    target.write_text("previous", "utf-8")
    result = run("export", "-f", "json", "-o", str(target))
    assert result.status == 2 and result.stdout == ""
    assert result.stderr == (
        f"hfs-info: --format json does not match the extension of {target} (.html is html); "
        "drop --format or rename the file\n"
    )
    assert target.read_text("utf-8") == "previous"
    assert run("export", "-f", "html", "-o", str(target)).status == 0  # agreeing is fine
    assert run("export", "-f", "json", "-o", str(tmp_path / "x.data")).status == 0


def test_a_failed_export_leaves_the_old_file(run, tmp_path: Path, monkeypatch) -> None:
    import os

    target = tmp_path / "page.md"
    target.write_text("previous good content", "utf-8")
    target.chmod(0o640)

    def full_disk(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    result = run("export", "-o", str(target))
    assert result.status == 2
    assert result.stderr == f"hfs-info: cannot write {target}: no space left on device\n"
    assert target.read_text("utf-8") == "previous good content"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]  # no temporary file left
    monkeypatch.undo()
    assert run("export", "-o", str(target)).status == 0
    assert target.stat().st_mode & 0o777 == 0o640  # the file keeps its permissions
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]


def test_export_through_a_symbolic_link_keeps_the_link(run, tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", "utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert run("export", "-o", str(link)).status == 0
    assert link.is_symlink() and real.read_text("utf-8").startswith("# Hemifacial Spasm")


@pytest.mark.parametrize("args", [["stats", "--chart"], ["figures", "3"], ["treatments", "mvd"]])
def test_the_hostile_fixture_gives_well_formed_pictures(run, args: list[str]) -> None:
    from tests.test_hostile import HOSTILE

    result = run("--data", HOSTILE, *args, "--format", "svg")
    assert result.status == 0
    root = ET.fromstring(result.stdout)
    assert not any(e.tag.removeprefix(SVG) in ("script", "a", "foreignObject") for e in root.iter())
    assert not any(k.startswith("on") for e in root.iter() for k in e.attrib)
