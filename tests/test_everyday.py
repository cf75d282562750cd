"""The everyday paths (issue 20): `treatments` as a first screen for deciding, names to list for
scripts, and the wording and drawings that the second fidelity review found saying too much."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_info import query, store, views
from hfs_info.models import BRIEF_SOURCES, TREATMENT_ASPECTS
from tests.conftest import FIXTURES, on_a_terminal, run_process
from tests.depth import examples

DS = store.load_packaged()
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
SVG = "{http://www.w3.org/2000/svg}"


def _screen(args: list[str]) -> list[str]:
    """The lines an 80x24 terminal shows for ``args`` (colour codes removed)."""
    status, shown = on_a_terminal([*args, "--no-pager"], {})
    assert status == 0, shown
    text = ANSI.sub("", shown.decode("utf-8")).replace("\r\n", "\n")
    return text.rstrip("\n").split("\n")


# --- a comparison for deciding ---------------------------------------------------------------


def test_treatments_on_an_80x24_terminal_puts_results_on_the_first_screen() -> None:
    lines = _screen(["treatments"])
    assert len(lines) <= 45, "\n".join(lines)  # with the reference the results cite
    rules = [i for i, line in enumerate(lines) if re.match(r"^[A-Z][a-z ]+ ─+$", line)]
    titles = [lines[i].split(" ─")[0] for i in rules]
    assert titles == [
        "How it is given",
        "How soon it works",
        "How long it lasts",
        "Results",
        "Risks and side effects",
        "Recovery",
    ]
    # The results row, all of it, is on the first screen: the next row starts by line 24.
    results, after = rules[titles.index("Results")], rules[titles.index("Risks and side effects")]
    assert after < 24, "\n".join(lines[:24])
    first_screen = "\n".join(lines[results:after])
    for number in ("85%", "9%", "2%", "7%"):
        assert number in first_screen
    assert "How it works" not in "\n".join(lines)
    assert "not intended to take the place of medical advice" in " ".join(lines[-3:])
    assert any(line.startswith("• [1] Payner TD, Tew JM Jr") for line in lines)


def test_every_cell_of_the_comparison_is_a_short_form_or_not_stated() -> None:
    view = views.treatments(DS)
    table = next(b for b in view.blocks if hasattr(b, "rows"))
    for t, column in zip(
        DS.treatments, zip(*(row[1:] for row in table.rows), strict=True), strict=True
    ):
        for (attr, _), cell in zip(views.COMPARED, column, strict=True):
            longs = [getattr(t, source) for source in BRIEF_SOURCES[attr]]
            if not any(longs):
                assert cell == views.NOT_STATED, (t.id, attr)
            else:
                assert t.brief is not None and cell == getattr(t.brief, attr), (t.id, attr)


def test_full_and_name_show_every_aspect_how_it_works_last(run) -> None:
    full = run("treatments", "--full", "-f", "plain").stdout
    for t in DS.treatments:
        for attr, _ in TREATMENT_ASPECTS:
            text = query.aspect_text(t, attr)
            if text:
                assert " ".join(text.split()) in " ".join(full.split()), (t.id, attr)
    mvd = run("treatments", "mvd", "-f", "plain").stdout
    labels = [line.split(":")[0] for line in mvd.splitlines()]
    assert labels.index("How it works") > labels.index("Recovery") > labels.index("Results")
    assert run("treatments", "mvd", "--full").stdout == run("treatments", "mvd").stdout


def test_an_edition_without_short_forms_compares_its_long_texts(run) -> None:
    edition = str(FIXTURES / "hostile.toml")
    data = json.loads(run("--data", edition, "treatments", "-f", "json").stdout)
    assert all(t["brief"] is None for t in data["treatments"])
    out = run("--data", edition, "treatments", "-f", "plain").stdout
    assert "Usually works within three days." in out  # the long text stands in
    assert "Risks and side effects" in out and views.NOT_STATED in out


def test_machine_formats_carry_the_short_forms_beside_the_long(run) -> None:
    data = json.loads(run("treatments", "-f", "json").stdout)
    mvd = next(t for t in data["treatments"] if t["id"] == "mvd")
    assert mvd["brief"]["recovery"] == "About 90% back to usual life two months after surgery."
    assert mvd["recovery"].startswith("About 90% of patients")
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run("treatments", "-f", "csv").stdout)))
    assert rows[2]["brief_recovery"] == mvd["brief"]["recovery"]
    assert rows[0]["brief_onset"] == ""  # the guide is silent on when medication works


# --- names, one a line -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "names"),
    [
        ("glossary", sorted((e.term for e in DS.glossary), key=str.casefold)),
        ("treatments", [t.id for t in DS.treatments]),
        ("medications", [m.generic for m in DS.medications]),
    ],
)
def test_list_prints_one_name_a_line_and_nothing_else(run, command: str, names: list[str]) -> None:
    for flag in ("--list", "-l"):
        result = run(command, flag)
        assert (result.status, result.stderr) == (0, "")
        assert result.stdout == "".join(f"{n}\n" for n in names)


def test_each_listed_name_finds_its_own_entry(run) -> None:
    for term in run("glossary", "--list").stdout.splitlines():
        assert json.loads(run("glossary", term, "-f", "json").stdout)["term"]["term"] == term
    for name in run("treatments", "--list").stdout.splitlines():
        assert json.loads(run("treatments", name, "-f", "json").stdout)["treatment"]["id"] == name
    for name in run("medications", "--list").stdout.splitlines():
        assert json.loads(run("glossary", name, "-f", "json").stdout)["drug"]["generic"] == name


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["glossary", "--list", "mvd"], "glossary --list lists every name; give no name with it"),
        (["treatments", "botox", "--list"], "treatments --list lists every name"),
        (["glossary", "--list", "-f", "json"], "glossary --list prints only names"),
        (["treatments", "--list", "--full"], "treatments --list prints only names"),
        (["medications", "--list", "--explain"], "medications --list prints only names"),
    ],
)
def test_list_with_other_display_options_is_a_usage_error(run, args, message: str) -> None:
    result = run(*args)
    assert result.status == 2 and result.stdout == ""
    assert result.stderr.startswith(f"hfs-info: {message}")
    assert result.stderr.count("\n") == 1


def test_list_of_a_hostile_edition_is_inert_one_name_a_line(run) -> None:
    for command in ("glossary", "treatments", "medications"):
        out = run("--data", str(FIXTURES / "hostile.toml"), command, "--list").stdout
        assert "\x1b" not in out and "\u202e" not in out and "\x85" not in out
        records = {"glossary": "glossary", "treatments": "treatments", "medications": "medications"}
        count = len(getattr(store.load(str(FIXTURES / "hostile.toml")), records[command]))
        assert out.count("\n") == count


def test_list_through_a_pipe_is_utf8_for_any_locale(tmp_path: Path) -> None:
    edition = tmp_path / "edition.toml"
    text = (Path(store.__file__).parents[2] / "data" / store.PACKAGED_NAME).read_text("utf-8")
    edition.write_text(text.replace('term = "craniotomy"', 'term = "craniotomíe"'), "utf-8")
    done = run_process("--data", str(edition), "glossary", "--list", env={"LC_ALL": "C"})
    assert done.returncode == 0
    assert "craniotomíe\n" in done.stdout.decode("utf-8")


def test_quick_parser_and_app_agree_on_the_new_flags(run) -> None:
    # -- before the flags makes the app parse the line; both must give the same output.
    assert (
        run("treatments", "--full").stdout == run("--color", "never", "treatments", "--full").stdout
    )
    for command in ("glossary", "treatments", "medications"):
        assert run(command, "--list").stdout == run("--debug", command, "--list").stdout


# --- wording and drawings (fidelity-2 findings 8, 9, 11, 13) ------------------------------------


def test_causes_states_a_shared_cause(run) -> None:
    out = " ".join(run("causes", "-f", "plain").stdout.split())
    assert "The cause of both conditions is a blood vessel compressing a nerve" in out


@pytest.mark.parametrize("fmt", ["plain", "svg", "markdown"])
def test_back_to_usual_life_follows_surgery_on_every_chart(run, fmt: str) -> None:
    out = run("stats", "--chart", "-f", fmt).stdout
    if fmt == "svg":
        out = "".join(ET.fromstring(out).itertext())
    text = " ".join(out.split())
    assert "Back to usual life after surgery" in text
    assert "way of life 2 months after surgery" in text
    assert "after 2 months" not in text


def test_the_tables_of_numbers_say_it_too(run) -> None:
    for args in (["stats"], ["stats", "--with-sources"], ["treatments", "mvd"]):
        text = " ".join(run(*args, "-f", "plain").stdout.split())
        assert "2 months after surgery" in text or "two months after surgery" in text, args


def test_electromyogram_is_a_study_you_may_have(run) -> None:
    out = " ".join(run("glossary", "emg", "-f", "plain").stdout.split())
    assert "A study (EMG) of the face that you may have" in out


def test_diagnosis_does_not_call_may_steps_the_steps(run) -> None:
    out = run("diagnosis", "-f", "plain").stdout
    assert "these steps" not in out and "you may have" in out


def test_recurrence_is_in_general(run) -> None:
    out = " ".join(run("treatments", "mvd", "-f", "plain").stdout.split())
    assert "In general, 7% of patients have a recurrence" in out


def test_figure_1_gives_the_branches_no_order(run) -> None:
    text = run("figures", "1", "-f", "plain").stdout
    assert not re.search(r"branch\s*\d", text)
    svg = ET.fromstring(run("figures", "1", "-f", "svg").stdout)
    labels = [t.text or "" for t in svg.iter(f"{SVG}text")]
    assert labels.count("5 main branches") == 1
    assert not any(re.search(r"branch \d", label) for label in labels)


def test_figure_3_artery_lies_on_the_nerve_without_joining_it(run) -> None:
    lines = run("figures", "3", "-f", "plain").stdout.splitlines()
    drawing = [line for line in lines if "artery" in line or "===" in line or "---" in line]
    assert not any("*" in line for line in drawing)
    nerve_line = next(line for line in lines if line.strip().startswith("facial nerve"))
    assert set(nerve_line.split("facial nerve", 1)[1].strip()) == {"-"}  # nothing joins it
    svg = ET.fromstring(run("figures", "3", "-f", "svg").stdout)
    assert list(svg.iter(f"{SVG}circle")) == []  # no dot where they meet
    lines_drawn = list(svg.iter(f"{SVG}polyline")) + list(svg.iter(f"{SVG}line"))
    assert lines_drawn


def test_figure_2_adds_no_direction_the_caption_does_not_give(run) -> None:
    text = run("figures", "2", "-f", "plain").stdout
    for word in ("front", "back", "seen from the side"):
        assert word not in text
    drawing = [line for line in text.splitlines() if line.startswith("  |")]
    assert drawing and all(line.rstrip().endswith("|") for line in drawing)  # walls kept


@pytest.mark.parametrize(
    ("first", "second"),
    [("CN XI", "CN 11"), ("eleventh nerve", "11th nerve"), ("nerve eleven", "nerve 11")],
)
def test_names_that_differ_only_in_how_a_number_is_written_are_one_name(
    first: str, second: str
) -> None:
    """Two entries answering to the same number in two spellings would make a lookup
    ambiguous: refused when the dataset is read."""
    from hfs_info import dataset
    from hfs_info.errors import DataError

    text = (Path(store.__file__).parents[2] / "data" / store.PACKAGED_NAME).read_text("utf-8")
    entries = "".join(
        f'\n[[glossary]]\nid = "n{i}"\nterm = "{name}"\ndefinition = "d"\naliases = []\n'
        'origin = "text"\n'
        for i, name in enumerate((first, second))
    )
    with pytest.raises(DataError) as info:
        dataset.parse((text + entries).encode(), "edition.toml")
    last = len(DS.glossary)  # the second new entry clashes with the first
    key = " ".join(text_key(second))
    assert info.value.problems == [
        f"glossary[{last + 1}]: name {key!r} is also used by glossary[{last}]"
    ]


def text_key(name: str) -> list[str]:
    from hfs_info.text import lookup_key

    return lookup_key(name).split()


def _wrapped_lines(table, widths: list[int]) -> int:  # type: ignore[no-untyped-def]
    import textwrap

    rows = [table.columns, *table.rows]
    return sum(
        max(
            max(1, len(textwrap.wrap(cell, w, break_on_hyphens=False)))
            for cell, w in zip(row, widths, strict=True)
        )
        for row in rows
    )


_WORD = st.text(alphabet="abcdefghij", min_size=1, max_size=9)
_CELL = st.lists(_WORD, min_size=1, max_size=30).map(" ".join)


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.tuples(_CELL, _CELL, _CELL), min_size=1, max_size=6), st.integers(54, 120))
def test_a_comparison_takes_no_more_lines_than_the_general_widths_give(rows, width: int) -> None:
    """The exact search for the comparison's widths never does worse than the general rule,
    keeps every word whole and fits the width."""
    from hfs_info.document import Table
    from hfs_info.render import table as render_table

    cells = Table(("a", "b", "c"), tuple(rows))
    room = width - 4
    exact = render_table._fewest_lines(cells, room)
    general = render_table._column_widths(cells, width, room)
    if general is None:
        return
    assert exact is not None and sum(exact) <= room
    longest = [max(len(w) for cell in col for w in cell.split()) for col in zip(*rows, strict=True)]
    assert all(w >= low for w, low in zip(exact, longest, strict=True))
    assert _wrapped_lines(cells, exact) <= _wrapped_lines(cells, general)


def test_a_lookup_name_is_checked_like_every_name() -> None:
    from hfs_info import dataset
    from hfs_info.errors import DataError

    text = (Path(store.__file__).parents[2] / "data" / store.PACKAGED_NAME).read_text("utf-8")
    old = 'lookup = ["electromyography", '
    assert old in text
    with pytest.raises(DataError) as info:
        dataset.parse(text.replace(old, 'lookup = ["electro\u200bmyography", ').encode(), "e.toml")
    assert any(
        p.endswith(".lookup[0]: invisible character U+200B in a name") for p in info.value.problems
    ), info.value.problems
    with pytest.raises(DataError) as info:  # another entry's name, however it is written
        dataset.parse(text.replace(old, 'lookup = ["Facial Nerve", ').encode(), "e.toml")
    assert any("name 'facial nerve' is also used by" in p for p in info.value.problems)


def test_the_comparison_keeps_the_subject_of_the_medication_results(run) -> None:
    """Trial 6, 3.12: the short form said 'Can succeed in mild cases, but cause side effects.'
    (no subject for 'cause'); it now says, as the full form does, that the drugs cause them."""
    out = run("treatments", "--format", "plain").stdout
    assert "Medication: Can succeed in mild cases, but the drugs cause side effects.\n" in out
    full = run("treatments", "medication", "--format", "plain").stdout
    said = "Results: Can succeed in treating mild cases, but the drugs cause side effects.\n"
    assert said in full
