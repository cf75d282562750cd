"""Charts of the figures and diagrams of the guide's four figures."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hfs_info import store, text
from hfs_info.render.bars import BAR_CELLS, bar_length
from tests.depth import examples

DS = store.load_packaged()
PERCENT_STATS = [s for s in DS.statistics if s.unit == "percent"]


def test_plain_chart_shows_every_percentage_with_its_exact_value(run) -> None:
    out = run("stats", "--chart", "--format", "plain").stdout
    bars = re.findall(r"^  (#+) (.+)$", out, re.M)
    assert [display for _, display in bars] == [s.display for s in PERCENT_STATS]
    lengths = {stat.value: len(bar) for (bar, _), stat in zip(bars, PERCENT_STATS, strict=True)}
    # Bars of 30 cells for 100%: the lengths are the values' share of them, worked out by hand.
    assert {value: lengths[value] for value in (92, 90, 85, 9, 2)} == {
        92: 28,
        90: 27,
        85: 26,
        9: 3,
        2: 1,
    }
    ordered = sorted(lengths.items())
    assert [n for _, n in ordered] == sorted(n for _, n in ordered)  # more is never shorter


@pytest.mark.parametrize(
    ("percent", "cells"), [(0, 0), (-5, 0), (0.1, 1), (50, 15), (100, BAR_CELLS), (250, BAR_CELLS)]
)
def test_bar_lengths_at_the_edges(percent: float, cells: int) -> None:
    """Nothing for nothing, a cell for any share at all, the whole bar at 100% and beyond."""
    assert bar_length(percent) == cells


def test_chart_groups_carry_their_source(run) -> None:
    out = run("stats", "--chart", "--format", "plain").stdout
    groups = re.findall(
        r"^(.+)\n(?:.+\n  #+ .+\n)+(?:These percentages add up to .+\n)?(Source: .+)$", out, re.M
    )
    assert groups == [
        ("Where the spasm starts", "Source: Guide text (no reference given)"),
        ("Back to usual life after surgery", "Source: Guide text (no reference given)"),
        ("A vessel appears to press on the nerve", "Source: Guide text (no reference given)"),
        ("Results of surgery, in general", "Source: [1] Payner & Tew 1996"),
    ]


def test_json_is_the_same_with_or_without_the_chart(run) -> None:
    assert run("stats", "--chart", "-f", "json").stdout == run("stats", "-f", "json").stdout


def test_treatment_detail_charts_its_own_figures(run) -> None:
    out = run("treatments", "mvd", "--format", "plain").stdout
    assert re.findall(r"^  #+ (.+)$", out, re.M) == ["about 90%", "90%", "85%", "9%", "2%", "7%"]
    botox = run("treatments", "botox", "--format", "plain").stdout
    assert "#" not in botox  # its figures are days, months and a count: a table, not bars


def test_table_chart_uses_block_bars_and_values(run) -> None:
    out = run("stats", "--chart").stdout
    assert "█" * 28 + " " in out and "92%" in out  # 92% of 30 cells
    assert "Source: [1] Payner & Tew 1996" in out


def test_figures_lists_the_four_captions(run) -> None:
    data = json.loads(run("figures", "-f", "json").stdout)
    assert [f["number"] for f in data["figures"]] == [1, 2, 3, 4]
    plain = run("figures", "-f", "plain").stdout
    for figure in DS.figures:
        assert figure.caption in plain


def test_figure_1_draws_the_nerve_from_the_dataset(run) -> None:
    out = run("figures", "1", "--format", "plain").stdout
    nerve = DS.nerve
    assert out.count("      +----") == nerve.main_branches == 5
    # The guide gives the branches no order: they are drawn alike, labelled once.
    assert out.count("5 main branches") == 1 and "main branch 1" not in out
    assert nerve.origin in out and nerve.exit in out
    # Only what the source says: no branch names it does not give.
    for name in ("temporal", "zygomatic", "buccal", "mandibular", "cervical"):
        assert name not in out.lower()


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (2, ["skull", "ear", "craniectomy"]),
        (3, ["artery", "facial nerve", "presses on the nerve"]),
        (4, ["artery", "sponge", "facial nerve"]),
    ],
)
def test_figures_2_to_4_label_what_their_captions_name(run, number: int, words) -> None:
    out = run("figures", str(number), "--format", "plain").stdout
    for word in words:
        assert word in out


def test_unknown_figure_is_not_found(run) -> None:
    result = run("figures", "7")
    assert result.status == 1
    assert result.stderr == "hfs-info: no figure 7; the guide has figures 1, 2, 3, 4\n"


@pytest.mark.parametrize("args", [["stats", "--chart"], ["figures", "1"], ["figures", "4"]])
def test_svg_is_a_standalone_picture(run, args: list[str]) -> None:
    result = run(*args, "--format", "svg")
    assert result.status == 0
    root = ET.fromstring(result.stdout)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "https://cdnjs" not in result.stdout and 'url("http' not in result.stdout
    text = "".join(root.itertext()).replace("\xa0", " ")
    assert ("Numbers from the guide" if args[0] == "stats" else "Figure") in text


def test_stats_format_svg_draws_the_charts_as_chart_does(run) -> None:
    """The charts are the only drawing stats has: --format svg asks for them (trial 6, 2.2)."""
    result = run("stats", "--format", "svg")
    assert result.status == 0 and result.stderr == ""
    assert result.stdout == run("stats", "--chart", "--format", "svg").stdout
    root = ET.fromstring(result.stdout)
    bars = root.findall(".//{http://www.w3.org/2000/svg}rect[@fill='#2a7fa8']")
    assert len(bars) == 8  # the eight percentages of the guide


def test_stats_with_svg_only_preferred_writes_its_table(run, monkeypatch) -> None:
    monkeypatch.setenv("HFS_INFO_FORMAT", "svg")
    result = run("stats")
    assert result.status == 0
    assert result.stdout == run("stats", "--format", "table").stdout


def test_svg_only_for_drawings(run) -> None:
    result = run("treatments", "--format", "svg")
    assert result.status == 2
    assert "--format svg does not apply here" in result.stderr


def test_markdown_and_html_carry_the_charts(run) -> None:
    md = run("stats", "--chart", "-f", "markdown").stdout
    assert "```text\nWhere the spasm starts\n" in md
    page = run("export", "--format", "html").stdout
    assert "<figcaption><strong>Results of surgery, in general</strong>." in page
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg"') == 8  # 4 figures, 4 charts


@pytest.mark.parametrize("columns", ["50", "80", "120"])
def test_table_bars_of_every_group_start_at_one_column(run, monkeypatch, columns: str) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    out = run("stats", "--chart").stdout
    starts = {line.index("█") for line in out.splitlines() if "█" in line}
    assert len(starts) == 1
    assert "These percentages add up to 103%, as in the guide" in out


def _ordinal_suffix(n: int) -> str:
    return {1: "st", 2: "nd", 3: "rd"}.get(n if n < 20 else n % 10, "th")


@st.composite
def _figure_spelling(draw: st.DrawFn) -> tuple[int, str]:
    """A figure number as people write it: 3, 03, III, three, third, 3rd, after fig, Fig.,
    figure or Figure (or glued to fig), in any case."""
    n = draw(st.integers(min_value=1, max_value=12))
    forms = [
        str(n),
        "0" * draw(st.integers(1, 3)) + str(n),
        text.ROMAN[n - 1],
        text.CARDINALS[n - 1],
        text.ORDINALS[n - 1],
        f"{n}{_ordinal_suffix(n)}",
    ]
    word = draw(st.sampled_from(forms))
    prefix = draw(st.sampled_from(["", "fig ", "fig. ", "Fig.", "figure ", "Figure ", "FIG "]))
    if prefix == "Fig." and not word[0].isdigit():
        prefix = "Fig. "  # "Fig.three" is no spelling
    spelled = prefix + word
    case = draw(st.sampled_from([str, str.upper, str.lower, str.title]))
    return n, case(spelled)


@settings(
    max_examples=examples(80),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(spelling=_figure_spelling())
def test_figures_reads_a_number_as_the_glossary_does(run, spelling: tuple[int, str]) -> None:
    """Trial 6, 3.3: `figures IV`, `figures one`, `figures 'fig 1'` were Click's 'is not a
    valid int' (exit 2). Every spelling of a number is read; one the guide has no figure for
    exits 1 with the figures it has."""
    n, spelled = spelling
    result = run("figures", spelled)
    if n <= 4:
        assert (result.status, result.stderr) == (0, ""), spelled
        assert result.stdout == run("figures", str(n)).stdout
        assert run("figures", *spelled.split()).stdout == result.stdout  # unquoted words too
    else:
        assert result.status == 1 and result.stdout == "", spelled
        shown = f"{n}" if spelled == str(n) else f"{spelled!r} (read as {n})"
        assert result.stderr == (f"hfs-info: no figure {shown}; the guide has figures 1, 2, 3, 4\n")


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["IV"], 0, ""),
        (["fig", "1"], 0, ""),
        (["Figure 3"], 0, ""),
        (["five"], 1, "hfs-info: no figure 'five' (read as 5); the guide has figures 1, 2, 3, 4\n"),
        (["abc"], 1, "hfs-info: 'abc' is not a figure number; the guide has figures 1, 2, 3, 4\n"),
        (
            ["figure"],
            1,
            "hfs-info: 'figure' is not a figure number; the guide has figures 1, 2, 3, 4\n",
        ),
        (
            ["1", "2"],
            2,
            "hfs-info: figures draws one figure at a time; '1 2' is several: "
            "hfs-info figures 1; hfs-info figures 2\n",
        ),
        (
            ["x" * 201],
            2,
            "hfs-info: figure number is too long (201 characters; the limit is 200)\n",
        ),
    ],
)
def test_figures_messages(run, args: list[str], status: int, message: str) -> None:
    result = run("figures", *args)
    assert (result.status, result.stderr) == (status, message)


def test_a_region_can_name_a_figure_by_any_spelling(run, tmp_path) -> None:
    path = tmp_path / "doc.md"
    path.write_text("<!-- hfs-info figures 'Figure III' -->\n<!-- /hfs-info -->\n", "utf-8")
    assert run("fill", str(path)).status == 0
    assert "# Figure 3" in path.read_text("utf-8")


def test_an_svg_chart_says_which_numbers_it_leaves_out(run) -> None:
    """`stats -f svg` draws the 8 percentages; the 6 other numbers were left out without a word
    (trial 8): the picture names the table it does not draw, as text a reader can see."""
    import xml.etree.ElementTree as ET

    svg = ET.fromstring(run("stats", "-f", "svg").stdout.split("\n", 1)[1])
    text = " ".join(t for t in svg.itertext())
    assert "Not drawn here, shown by the other formats: Numbers that are not percentages" in text
    assert "(6 rows)" in " ".join(text.split())
    # a chart that leaves nothing out says nothing of it
    assert "Not drawn" not in run("treatments", "mvd", "-f", "svg").stdout
