"""The layout of every drawing, checked: a golden file of each SVG's parsed geometry (where
every bar, line and word sits, not the bytes), the rules a layout must keep (inside its canvas,
bars from one column, labels clear of their bars), and each rendered by rsvg-convert at its
declared size."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from hfs_info.pictures import CHAR_WIDTH
from tests.conftest import GOLDEN

NS = "{http://www.w3.org/2000/svg}"
DRAWINGS = {
    "stats-chart": ["stats", "--chart"],
    "treatments-mvd": ["treatments", "mvd"],  # its percentages, not the figure it mentions
    "figures-1": ["figures", "1"],
    "figures-2": ["figures", "2"],
    "figures-3": ["figures", "3"],
    "figures-4": ["figures", "4"],
}
GEOMETRY = {"rect": ("x", "y", "width", "height"), "line": ("x1", "y1", "x2", "y2")}


def _number(value: str) -> float | str:
    try:
        return float(value)
    except ValueError:
        return value


def geometry(svg: ET.Element) -> list[Any]:
    """Each drawn element in document order: its kind, position and size on the canvas (a
    group's translate applied), and its words."""
    shapes: list[Any] = []

    def walk(element: ET.Element, dx: float, dy: float) -> None:
        kind = element.tag.removeprefix(NS)
        moved = re.fullmatch(r"translate\(([-\d.]+)[ ,]+([-\d.]+)\)", element.get("transform", ""))
        if moved:
            dx, dy = dx + float(moved.group(1)), dy + float(moved.group(2))
        shift = {"x": dx, "x1": dx, "x2": dx, "y": dy, "y1": dy, "y2": dy}
        if kind in GEOMETRY:
            values = [_number(element.get(a, "")) for a in GEOMETRY[kind]]
            at = [
                v + shift.get(a, 0.0) if isinstance(v, float) else v
                for a, v in zip(GEOMETRY[kind], values, strict=True)
            ]
            shapes.append([kind, *at])
        elif kind in ("polyline", "polygon"):
            points = [p.split(",") for p in (element.get("points") or "").split()]
            shapes.append([kind, [[float(x) + dx, float(y) + dy] for x, y in points]])
        elif kind == "text":
            words = " ".join("".join(element.itertext()).split())
            x, y = float(element.get("x", "0")) + dx, float(element.get("y", "0")) + dy
            shapes.append(["text", x, y, element.get("text-anchor", "start"), words])
        for child in element:
            walk(child, dx, dy)

    walk(svg, 0.0, 0.0)
    return shapes


def _overlap(a: list[Any], b: list[Any]) -> bool:
    """Whether two texts of the drawing (start-anchored, one font size) would overlap."""

    def box(t: list[Any]) -> tuple[float, float, float, float]:
        width = len(t[4]) * CHAR_WIDTH
        left = {"start": t[1], "middle": t[1] - width / 2}.get(t[3], t[1] - width)
        return left, t[2] - 12, left + width, t[2]

    ax0, ay0, ax1, ay1 = box(a)
    bx0, by0, bx1, by1 = box(b)
    return ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1


def draw(run, args: list[str]) -> str:
    result = run(*args, "--format", "svg")
    assert result.status == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("name", list(DRAWINGS))
def test_geometry_is_the_golden_one(run, name: str) -> None:
    shapes = geometry(ET.fromstring(draw(run, DRAWINGS[name])))
    actual = "[\n" + ",\n".join(json.dumps(s, ensure_ascii=False) for s in shapes) + "\n]\n"
    path = GOLDEN / f"svg-{name}.geometry.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, "utf-8")
    assert path.exists(), f"no golden file {path}; run with UPDATE_GOLDEN=1"
    assert actual == path.read_text("utf-8")


@pytest.mark.parametrize("name", list(DRAWINGS))
def test_everything_sits_inside_the_canvas(run, name: str) -> None:
    svg = ET.fromstring(draw(run, DRAWINGS[name]))
    _, _, width, height = (float(v) for v in svg.get("viewBox", "").split())
    for shape in geometry(svg):
        if shape[0] == "rect" and isinstance(shape[3], float):
            x, y, w, h = shape[1:]
            assert x >= 0 and x + w <= width and y >= 0 and y + h <= height, (name, shape)
        elif shape[0] == "line":
            assert all(0 <= v <= max(width, height) for v in shape[1:]), (name, shape)
        elif shape[0] == "text":
            assert 0 <= shape[1] <= width and 0 < shape[2] <= height, (name, shape)


@pytest.mark.parametrize("name", list(DRAWINGS))
def test_no_two_words_overlap(run, name: str) -> None:
    texts = [s for s in geometry(ET.fromstring(draw(run, DRAWINGS[name]))) if s[0] == "text"]
    clashes = [(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :] if _overlap(a, b)]
    assert clashes == []


@pytest.mark.parametrize("name", ["stats-chart", "treatments-mvd"])
def test_bars_start_in_one_column_and_their_values_sit_after_them(run, name: str) -> None:
    svg = ET.fromstring(draw(run, DRAWINGS[name]))
    bars = [s for s in geometry(svg) if s[0] == "rect" and isinstance(s[3], float) and s[4] == 14]
    assert len(bars) >= 3
    assert len({bar[1] for bar in bars}) == 1  # one left edge
    texts = [s for s in geometry(svg) if s[0] == "text"]
    for _, x, y, w, _ in bars:
        # The value is written just after the bar's end, on the bar's line.
        assert any(abs(t[1] - (x + w + 6)) < 0.01 and y <= t[2] <= y + 14 for t in texts)
        # The labels of the bar's row end before the bar column begins (at the width the
        # layout reckons a character takes).
        labels = [t for t in texts if t[3] == "start" and y - 8 <= t[2] <= y + 22 and t[1] < x]
        assert labels, (name, y)
        for label in labels:
            assert label[1] + len(label[4]) * CHAR_WIDTH <= x, (name, label)


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="needs rsvg-convert")
@pytest.mark.parametrize("name", list(DRAWINGS))
def test_each_renders_at_its_declared_size(run, tmp_path: Path, name: str) -> None:
    text = draw(run, DRAWINGS[name])
    svg = ET.fromstring(text)
    (tmp_path / "d.svg").write_text(text, "utf-8")
    png = tmp_path / "d.png"
    subprocess.run(["rsvg-convert", "-o", str(png), str(tmp_path / "d.svg")], check=True)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (int(float(svg.get("width", ""))), int(float(svg.get("height", ""))))
