"""`hfs-info fill`: regions of real files kept in step with the reference."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hfs_info import fill
from hfs_info.errors import UsageError
from tests.depth import examples

DATA = Path(__file__).parents[1] / "data" / "hemifacial_spasm.toml"
BEFORE = "# Handout\n\nIntro, kept as it is.  \n\n"
AFTER = "\nClosing words\twith a tab and no final newline"


def document(tmp_path: Path, middle: str, name: str = "handout.md") -> Path:
    path = tmp_path / name
    path.write_bytes((BEFORE + middle + AFTER).encode("utf-8"))
    return path


def region(args: str, body: str = "stale\n") -> str:
    return f"<!-- hfs-info {args} -->\n{body}<!-- /hfs-info -->\n"


def test_a_region_gets_the_commands_markdown(run, tmp_path: Path) -> None:
    path = document(tmp_path, region("medications"))
    result = run("fill", str(path))
    assert (result.status, result.stdout, result.stderr) == (0, "", "")
    expected = run("medications", "--format", "markdown").stdout
    assert path.read_text("utf-8") == BEFORE + region("medications", expected) + AFTER


def test_everything_outside_the_regions_is_kept_byte_for_byte(run, tmp_path: Path) -> None:
    outside = "\ufeffBOM, \r\n CRLF, caf\u00e9, \x00 and trailing spaces   \r\n"
    path = tmp_path / "odd.md"
    path.write_bytes((outside + region("figures", "") + outside).encode("utf-8"))
    assert run("fill", str(path)).status == 0
    text = path.read_bytes().decode("utf-8")
    # The region's lines end as its marker's line does (LF here, in a document with CRLF too).
    assert text.startswith(outside + "<!-- hfs-info figures -->\n# The guide's figures\n")
    assert text.endswith("<!-- /hfs-info -->\n" + outside)


def test_format_and_options_come_from_the_marker(run, tmp_path: Path) -> None:
    path = document(
        tmp_path,
        region("glossary botox -f json")
        + region("stats --chart --shift-heading-level-by 2")
        + region("glossary 'tic convulsif' -f plain"),
    )
    assert run("fill", str(path)).status == 0
    text = path.read_text("utf-8")
    start = text.index("-f json -->\n") + len("-f json -->\n")
    assert json.loads(text[start : text.index("<!-- /hfs-info -->", start)])["kind"] == "term"
    assert "\n### Numbers from the guide\n" in text
    assert "\nhemifacial spasm\n================\n" in text


def test_filling_twice_changes_nothing(run, tmp_path: Path) -> None:
    path = document(tmp_path, region("symptoms") + "between\n" + region("sources"))
    assert run("fill", str(path)).status == 0
    once = path.read_bytes()
    assert run("fill", str(path)).status == 0
    assert path.read_bytes() == once
    assert run("fill", "--check", str(path)) == run("fill", "--check", str(path))
    assert run("fill", "--check", str(path)).status == 0


def test_check_lists_stale_regions_and_changes_nothing(run, tmp_path: Path) -> None:
    path = document(tmp_path, region("symptoms") + region("causes"))
    original = path.read_bytes()
    result = run("fill", "--check", str(path))
    assert result.status == 1
    assert result.stdout == (
        f"{path}:5: out of date: hfs-info symptoms\n{path}:8: out of date: hfs-info causes\n"
    )
    assert path.read_bytes() == original


def test_diff_shows_what_would_change(run, tmp_path: Path) -> None:
    path = document(tmp_path, region("symptoms"))
    original = path.read_bytes()
    result = run("fill", "--diff", str(path))
    assert result.status == 0 and path.read_bytes() == original
    lines = result.stdout.splitlines()
    assert lines[:2] == [f"--- {path}", f"+++ {path}"]
    assert "-stale" in lines and "+# Symptoms" in lines


@pytest.mark.parametrize(
    ("marker", "message"),
    [
        ("treatments -o out.md", "-o is not allowed in a region of 'treatments'"),
        ("export", "'export' cannot fill a region; use one of: causes, diagnosis, figures,"),
        ("validate x.toml", "'validate' cannot fill a region"),
        ("fill other.md", "'fill' cannot fill a region"),
        ("cite", "'cite' cannot fill a region"),
        ("--data x.toml stats", "--data in a region needs 'fill --allow-data'"),
        ("--debug stats", "--debug is not allowed before the command in a region"),
        ("stats --help", "--help is not allowed in a region of 'stats'"),
        ("stats -f table", "--format table is for terminals"),
        ("", "a region must name a command"),
        ("search 'unclosed", "cannot split the region's arguments"),
        ("treatments laser", "'laser' is not a treatment of the guide"),
        ("figures 9", "no figure 9"),
    ],
)
def test_a_marker_asking_for_more_is_an_error_naming_file_and_line(
    run, tmp_path: Path, marker: str, message: str
) -> None:
    path = document(tmp_path, region("symptoms") + region(marker))
    original = path.read_bytes()
    result = run("fill", str(path))
    assert result.status == 2 and result.stdout == ""
    assert result.stderr.startswith(f"hfs-info: {path}:8: ")
    assert message in result.stderr
    assert path.read_bytes() == original  # not even the good region before it was written
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize(
    ("middle", "line", "message"),
    [
        ("<!-- hfs-info stats -->\nno end\n", 5, "region not closed"),
        (region("stats").replace("<!-- /hfs-info -->", region("causes")), 7, "opened inside"),
        ("text\n<!-- /hfs-info -->\n", 6, "closes no region"),
        ("<!-- hfs-info stats\n", 5, "must end with -->"),
    ],
)
def test_broken_markers_are_errors_with_file_and_line(
    run, tmp_path: Path, middle: str, line: int, message: str
) -> None:
    path = document(tmp_path, middle)
    original = path.read_bytes()
    result = run("fill", str(path))
    assert result.status == 2
    assert result.stderr.startswith(f"hfs-info: {path}:{line}: ") and message in result.stderr
    assert path.read_bytes() == original


def test_an_error_in_one_file_leaves_every_file_as_it_was(run, tmp_path: Path) -> None:
    good = document(tmp_path, region("symptoms"), "good.md")
    bad = document(tmp_path, region("export"), "bad.md")
    before = good.read_bytes(), bad.read_bytes()
    assert run("fill", str(good), str(bad)).status == 2
    assert (good.read_bytes(), bad.read_bytes()) == before


def test_data_needs_allow_data_and_is_found_from_the_file(run, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(DATA, folder / "edition.toml")
    path = document(folder, region("--data edition.toml glossary mvd"))
    assert run("fill", str(path)).status == 2
    result = run("fill", "--allow-data", str(path))
    assert result.status == 0, result.stderr
    assert "# microvascular decompression" in path.read_text("utf-8").casefold()


def test_files_that_cannot_be_read(run, tmp_path: Path) -> None:
    missing = run("fill", str(tmp_path / "none.md"))
    assert missing.status == 2 and "cannot read" in missing.stderr
    binary = tmp_path / "x.md"
    binary.write_bytes(b"\xff\xfe")
    assert run("fill", str(binary)).stderr == f"hfs-info: {binary}: not UTF-8 text\n"


def test_the_allowed_commands_are_the_ones_declared_with_the_output_format() -> None:
    assert set(fill.content_commands()) == {
        "overview",
        "symptoms",
        "causes",
        "diagnosis",
        "treatments",
        "medications",
        "stats",
        "glossary",
        "sources",
        "figures",
        "search",
    }
    assert "--output" not in fill.content_commands()["treatments"]
    assert "--shift-heading-level-by" in fill.content_commands()["stats"]


# Text that cannot open a block CommonMark keeps open across a blank line (a fence, an HTML
# block such as <pre>): after it and a blank line, a marker at the start of a line is live.
_NEUTRAL = st.text(st.characters(exclude_characters="`~<"))


@settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(outside=_NEUTRAL)
def test_text_outside_any_region_survives_any_content(tmp_path: Path, outside: str) -> None:
    before, after = outside + "\n\n", "\n" + outside
    text = before + region("figures") + after
    filled, stale = fill.fill_text(text, "doc.md", None, allow_data=False)
    head, _, rest = filled.partition("<!-- hfs-info figures -->")
    assert head == before and rest.endswith("<!-- /hfs-info -->\n" + after)
    assert [args for _, args in stale] == ["figures"]
    assert fill.fill_text(filled, "doc.md", None, allow_data=False) == (filled, [])


_MARKDOWNISH = st.lists(
    st.sampled_from([*"`~<>-*#| \t\r\nab1", "<!--", "-->", "```", "    ", "hfs-info "])
).map("".join)


@settings(max_examples=examples(150), deadline=None)
@given(before=_MARKDOWNISH, after=_MARKDOWNISH)
def test_any_document_is_either_refused_or_filled_for_good(before: str, after: str) -> None:
    """Whatever surrounds a region (fences that swallow it, inline code, stray markers): fill
    refuses with a usage error, or fills it so that a second fill changes nothing, keeping
    every byte outside the regions it found."""
    text = before + region("figures") + after
    try:
        filled, _ = fill.fill_text(text, "doc.md", None, allow_data=False)
    except UsageError:
        return
    assert fill.fill_text(filled, "doc.md", None, allow_data=False) == (filled, [])
    old, new = fill.regions(text, "doc.md"), fill.regions(filled, "doc.md")
    assert len(old) == len(new)
    edges = [0, *(n for r in old for n in (r.start, r.end)), len(text)]
    new_edges = [0, *(n for r in new for n in (r.start, r.end)), len(filled)]
    outside = [text[a:b] for a, b in zip(edges[::2], edges[1::2], strict=True)]
    kept = [filled[a:b] for a, b in zip(new_edges[::2], new_edges[1::2], strict=True)]
    assert outside == kept


@settings(max_examples=examples(60), deadline=None)
@given(
    ends=st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=4, max_size=4),
    words=st.text(st.characters(exclude_characters="`~<\r\n")),
    args=st.sampled_from(["stats -f csv", "symptoms", "glossary mvd -f json", "figures 3"]),
)
def test_fill_then_check_always_agree_whatever_the_line_ends(
    ends: list[str], words: str, args: str
) -> None:
    """Each region takes its marker's line end, so a second fill (what --check runs) finds
    nothing to change, whatever the document mixes."""
    a, b, c, d = ends
    text = f"{words}{a}{a}<!-- hfs-info {args} -->{b}old{c}<!-- /hfs-info -->{d}{words}"
    filled, stale = fill.fill_text(text, "doc.md", None, allow_data=False)
    assert [region_args for _, region_args in stale] == [args]
    body = filled[filled.index("-->") + 3 : filled.index("<!-- /hfs-info -->")]
    assert {m for m in ("\r\n", "\n", "\r") if m in body.replace(b, "")} == set()
    assert filled.startswith(f"{words}{a}{a}<!-- hfs-info {args} -->{b}")
    assert filled.endswith(f"<!-- /hfs-info -->{d}{words}")
    assert fill.fill_text(filled, "doc.md", None, allow_data=False) == (filled, [])


@pytest.mark.parametrize(
    ("opening", "closing", "indent"),
    [
        ("> <!-- hfs-info symptoms -->", "> <!-- /hfs-info -->", "> "),
        ("- <!-- hfs-info symptoms -->", "  <!-- /hfs-info -->", "  "),
        ("1. Step:\n   <!-- hfs-info symptoms -->", "   <!-- /hfs-info -->", "   "),
        ("> - <!-- hfs-info symptoms -->", ">   <!-- /hfs-info -->", ">   "),
        # no space after ">": the quote takes the content lines' first space as its own
        (">- <!-- hfs-info symptoms -->", ">   <!-- /hfs-info -->", ">   "),
        (">-    <!-- hfs-info symptoms -->", ">      <!-- /hfs-info -->", ">      "),
    ],
)
def test_a_region_in_a_quote_or_list_item_stays_in_it(
    run, opening: str, closing: str, indent: str
) -> None:
    from markdown_it import MarkdownIt

    text = f"Intro.\n\n{opening}\n{closing}\n\nAfter.\n"
    filled, _ = fill.fill_text(text, "doc.md", None, allow_data=False)
    expected = run("symptoms", "--format", "markdown").stdout
    body = "".join(
        (indent + line if line else indent.rstrip()) + "\n" for line in expected.splitlines()
    )
    assert filled == f"Intro.\n\n{opening}\n{body}{closing}\n\nAfter.\n"
    assert fill.fill_text(filled, "doc.md", None, allow_data=False) == (filled, [])
    # As a Markdown reader sees it: the heading is inside the container, "After." is not.
    tokens = MarkdownIt("commonmark").parse(filled)
    depth, inside = 0, []
    for token in tokens:
        if token.type in ("blockquote_open", "bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("blockquote_close", "bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "inline":
            inside.append((token.content, depth > 0))
    assert ("Symptoms", True) in inside and ("After.", False) in inside


def test_a_marker_on_the_first_line_after_a_byte_order_mark_counts() -> None:
    text = "\ufeff" + region("figures 3") + "after\r\n"
    filled, stale = fill.fill_text(text, "doc.md", None, allow_data=False)
    assert filled.startswith("\ufeff<!-- hfs-info figures 3 -->\n# Figure 3\n")
    assert filled.endswith("<!-- /hfs-info -->\nafter\r\n") and len(stale) == 1


@pytest.mark.parametrize("before", ["<!--\r\t", "<div>\n", "<details>\n  "])
def test_a_marker_inside_an_html_block_begun_above_is_refused(before: str) -> None:
    """An open comment or a <div> above holds the marker in its block: what fill would write
    there (indented like the marker) could not be read back as the same region."""
    with pytest.raises(UsageError, match=r"^doc\.md:2: a region marker must begin a block"):
        fill.fill_text(before + region("figures"), "doc.md", None, allow_data=False)


_SPACING = st.text(alphabet=" \t", max_size=3)


@given(
    a=_SPACING,
    b=st.text(alphabet=" \t", min_size=1, max_size=3),
    c=_SPACING,
    d=_SPACING,
    e=_SPACING,
)
@settings(max_examples=examples(40), deadline=None)
def test_opening_and_closing_markers_take_the_same_spacing(
    a: str, b: str, c: str, d: str, e: str
) -> None:
    """Spacing inside ``<!--`` and ``-->`` is optional in both markers alike: a closing marker
    written as tightly as its opening one closes it."""
    text = f"<!--{a}hfs-info{b}glossary botox{c}-->\n<!--{d}/hfs-info{e}-->\n"
    [region] = fill.regions(text, "t.md")
    assert (region.line, region.args) == (1, "glossary botox")
    filled, _ = fill.fill_text(text, "t.md", None, False)
    assert filled.endswith(f"\n<!--{d}/hfs-info{e}-->\n") and "Botox" in filled


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<!--hfs-info-->\n<!--/hfs-info-->\n", "t.md:1: a region must name a command"),
        ("<!--/hfs-info-->\n", "t.md:1: <!-- /hfs-info --> closes no region"),
        (
            "<!--hfs-info glossary mvd-->\n<!--/hfs-info -x-->\n",
            "t.md:2: a region marker must end with -->",
        ),
    ],
)
def test_tight_markers_are_read_as_markers(text: str, message: str) -> None:
    with pytest.raises(UsageError, match="^" + message):
        fill.fill_text(text, "t.md", None, False)


def test_words_that_only_begin_with_hfs_info_are_no_markers() -> None:
    text = "<!--hfs-infos x-->\n\n<!--hfs-info-x-->\n\n<!--/hfs-info--x-->\n"
    assert fill.regions(text, "t.md") == []


_REGION_CALLS = [
    "overview",
    "diagnosis --explain",
    "treatments",
    "treatments --full",
    "treatments mvd",
    "medications",
    "stats",
    "stats --chart",
    "glossary",
    "glossary mvd",
    "sources",
    "figures",
    "figures 2",
    "search botox",
]


def _region(tmp_path: Path, run, args: str) -> str | None:
    """The content fill puts in a region of ``args`` in a Markdown file (None: refused)."""
    path = tmp_path / "r.md"
    path.write_text(f"<!-- hfs-info {args} -->\n<!-- /hfs-info -->\n", "utf-8")
    if run("fill", str(path)).status != 0:
        return None
    text = path.read_text("utf-8")
    return text[text.index("-->\n") + 4 : text.rindex("<!-- /hfs-info -->")]


@pytest.mark.parametrize("fmt", ["plain", "markdown", "svg"])
@pytest.mark.parametrize("args", _REGION_CALLS)
def test_a_region_names_no_command_in_any_document_format(
    run, tmp_path: Path, args: str, fmt: str
) -> None:
    """A region is part of a document: the hints and command lines a terminal shows (Shown
    by: hfs-info treatments mvd; Every aspect: hfs-info treatments --full; drawn by hfs-info
    figures 2) are left out in plain as they are in Markdown, and the figures drawn."""
    content = _region(tmp_path, run, f"{args} -f {fmt}")
    if content is None:
        assert fmt == "svg"  # only drawings have an SVG form
        return
    assert "hfs-info " not in content
    assert "General information from the Mayfield Clinic guide" in content  # the notice stays


@pytest.mark.parametrize("fmt", ["json", "csv"])
@pytest.mark.parametrize("args", _REGION_CALLS)
def test_data_formats_in_a_region_are_the_commands_data(
    run, tmp_path: Path, args: str, fmt: str
) -> None:
    """JSON and CSV are data: a region holds exactly what the command writes (a search's
    "command" field is a datum of the answer), in the document's line endings."""
    content = _region(tmp_path, run, f"{args} -f {fmt}")
    direct = run(*args.split(), "-f", fmt)
    assert content == (direct.stdout.replace("\r\n", "\n") if direct.status == 0 else None)


def test_plain_in_a_region_is_the_document_form_of_plain(run, tmp_path: Path) -> None:
    content = _region(tmp_path, run, "glossary mvd -f plain")
    terminal = run("glossary", "mvd", "-f", "plain").stdout
    assert "Shown by: hfs-info treatments mvd\n\n" in terminal
    assert content == terminal.replace("Shown by: hfs-info treatments mvd\n\n", "")


@pytest.mark.parametrize("args", ["figures 2", "treatments mvd", "stats --chart"])
def test_an_svg_region_is_an_inline_svg_element(run, tmp_path: Path, args: str) -> None:
    """No XML declaration inside Markdown or HTML: the region starts with the <svg> element,
    which is otherwise the command's own SVG."""
    import xml.etree.ElementTree as ET

    content = _region(tmp_path, run, f"{args} -f svg")
    assert content is not None and content.startswith("<svg ")
    assert "<?xml" not in content
    assert ET.fromstring(content).tag == "{http://www.w3.org/2000/svg}svg"
    assert run(*args.split(), "-f", "svg").stdout.endswith(content)


@pytest.mark.parametrize("suffix", [".html", ".HTM", ".xhtml"])
@pytest.mark.parametrize(
    "args", ["symptoms", "symptoms -f markdown", "glossary mvd --format=markdown"]
)
def test_an_html_file_never_gets_markdown(run, tmp_path, suffix: str, args: str) -> None:
    page = tmp_path / f"page{suffix}"
    original = f"<html><body>\n<!-- hfs-info {args} -->\nold\n<!-- /hfs-info -->\n</body></html>\n"
    page.write_text(original, "utf-8")
    result = run("fill", str(page))
    assert result.status == 2
    assert result.stderr == (
        f"hfs-info: {page}:2: an HTML file's region needs --format svg, plain, json or csv "
        "(Markdown would show as text); for a whole page use 'hfs-info export -f html'\n"
    )
    assert page.read_text("utf-8") == original


@pytest.mark.parametrize("name", [".htm", ".HTML", "notes.html.md"])
def test_a_file_is_a_page_by_its_extension_not_the_end_of_its_name(run, tmp_path, name) -> None:
    """A dotfile named '.htm' has no extension (pathlib, git): its region gets Markdown."""
    doc = tmp_path / name
    doc.write_text("<!-- hfs-info glossary mvd -->\n<!-- /hfs-info -->\n", "utf-8")
    result = run("fill", str(doc))
    assert (result.status, result.stderr) == (0, "")
    assert "**" in doc.read_text("utf-8")


def test_an_html_file_takes_a_drawing_or_text_of_another_format(run, tmp_path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<body>\n<!-- hfs-info stats --chart -f svg -->\n<!-- /hfs-info -->\n<pre>\n"
        "<!-- hfs-info symptoms -f plain -->\n<!-- /hfs-info -->\n</pre>\n</body>\n",
        "utf-8",
    )
    assert run("fill", str(page)).status == 0
    text = page.read_text("utf-8")
    assert "<svg" in text and "\nSymptoms\n========\n" in text and "# Symptoms" not in text


def test_a_search_region_shows_the_guides_sentences_without_highlighting(run) -> None:
    """Search's bold for the words typed would read, in a published document, as the guide's
    own emphasis ("Usually **lasts** three months."): a region has none; stdout keeps it."""
    text = region("search how long does botox last")
    filled, _ = fill.fill_text(text, "doc.md", None, allow_data=False)
    assert "Usually lasts three months." in filled and "**" not in filled
    assert "**" in run("search", "how long does botox last", "-f", "markdown").stdout


def test_a_broken_dataset_is_named_once_not_as_the_regions_fault(run, tmp_path) -> None:
    doc = tmp_path / "inreg.md"
    doc.write_text("<!-- hfs-info symptoms -->\n<!-- /hfs-info -->\n", "utf-8")
    result = run("--data", str(doc), "fill", str(doc))
    assert result.status == 2
    assert result.stderr == f"hfs-info: {doc}:1:1: malformed TOML: Invalid statement\n"


_HOSTILE = "</pre></script><script>alert(1)</script><img src=x onerror=alert(2)> & "


@pytest.mark.parametrize(
    ("container", "fmt"),
    [("pre", "plain"), ("pre", "csv"), ('script type="application/json"', "json")],
)
def test_an_html_region_of_an_edition_is_text_never_markup(
    run, tmp_path: Path, container: str, fmt: str
) -> None:
    """A dataset `validate` accepts may hold '</pre><script>': in an HTML page its text is
    escaped as the page's element needs (character references in a <pre>, JSON escapes in a
    <script>), as `export -f html` escapes it (trial 6)."""
    import html as htmllib

    edition = tmp_path / "edition.toml"
    text = DATA.read_text("utf-8").replace(
        'definition = "Surgery that places', f'definition = "{_HOSTILE}Surgery that places', 1
    )
    edition.write_text(text, "utf-8")
    assert run("validate", str(edition)).status == 0
    tag = container.split()[0]
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><body><{container}>\n"
        f"<!-- hfs-info --data edition.toml glossary mvd -f {fmt} -->\n<!-- /hfs-info -->\n"
        f"</{tag}></body></html>\n",
        "utf-8",
    )
    result = run("fill", "--allow-data", str(page))
    assert result.status == 0, result.stderr
    filled = page.read_text("utf-8")
    inside = filled[filled.index("-->\n") + 4 : filled.rindex("<!-- /hfs-info -->")]
    assert "<" not in inside and ">" not in inside
    if fmt == "json":
        assert _HOSTILE in json.loads(inside)["term"]["definition"]
    else:
        assert _HOSTILE.strip() in htmllib.unescape(inside)
    # a Markdown file keeps the command's own bytes
    md = tmp_path / "notes.md"
    md.write_text(
        f"<!-- hfs-info --data edition.toml glossary mvd -f {fmt} -->\n<!-- /hfs-info -->\n",
        "utf-8",
    )
    assert run("fill", "--allow-data", str(md)).status == 0
    assert "<script>" in md.read_text("utf-8")


@pytest.mark.parametrize("end", ["---", "..."])
def test_a_region_in_the_front_matter_is_refused(run, tmp_path: Path, end: str) -> None:
    """Jekyll, Hugo and pandoc read a first block between --- lines as metadata: Markdown
    written there would break the site (trial 6); below it, regions are filled."""
    page = tmp_path / "post.md"
    original = f"---\ntitle: x\n{region('glossary mvd')}{end}\n\nText.\n"
    page.write_text(original, "utf-8")
    result = run("fill", str(page))
    assert result.status == 2
    assert result.stderr == (
        f"hfs-info: {page}:3: a region marker in the front matter (lines 1 to 6) would write "
        "into the document's metadata; put it below\n"
    )
    assert page.read_text("utf-8") == original
    below = tmp_path / "ok.md"
    below.write_text(f"---\ntitle: x\n---\n\n{region('glossary mvd')}", "utf-8")
    assert run("fill", str(below)).status == 0
    assert "# microvascular decompression" in below.read_text("utf-8").casefold()


def test_a_thematic_break_later_in_a_document_is_no_front_matter(run, tmp_path: Path) -> None:
    page = tmp_path / "notes.md"
    page.write_text(f"# Notes\n\n---\n\n{region('glossary mvd')}\n---\n", "utf-8")
    assert run("fill", str(page)).status == 0
