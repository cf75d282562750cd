"""The checks CI runs beside the tests are declared where CI runs them: ruff and mypy in the
lint session of noxfile.py (once, not once per Python), the README's test command in .ci/run."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[1]
NOXFILE = ast.parse((ROOT / "noxfile.py").read_text("utf-8"))


def _sessions() -> dict[str, str]:
    """Each nox session's name and source."""
    source = (ROOT / "noxfile.py").read_text("utf-8")
    return {
        node.name: ast.get_source_segment(source, node) or ""
        for node in NOXFILE.body
        if isinstance(node, ast.FunctionDef)
        and any("session" in ast.unparse(d) for d in node.decorator_list)
    }


def test_nox_has_the_sessions_ci_relies_on() -> None:
    assert set(_sessions()) == {"tests", "floors", "lint", "packaging"}
    # `nox` with no arguments runs every session: none is left out of CI by a default list.
    assert "nox.options.sessions" not in (ROOT / "noxfile.py").read_text("utf-8")


def test_the_lint_session_runs_ruff_and_mypy_on_the_code_and_the_tests() -> None:
    lint = _sessions()["lint"]
    for check in ('"ruff", "check"', '"ruff", "format", "--check"', '"mypy"'):
        assert check in lint
    assert '"src", "tests"' in lint


def test_slow_tests_run_once_in_the_packaging_session_and_nowhere_else() -> None:
    sessions = _sessions()
    assert '"-m", "slow"' in sessions["packaging"]
    for name in ("tests", "floors"):
        assert '"-m", "not slow", "-n", "auto"' in sessions[name]  # on every core


def test_the_floors_session_installs_the_lowest_allowed_versions() -> None:
    assert '"--resolution", "lowest-direct"' in _sessions()["floors"]


def test_every_supported_python_runs_the_suite() -> None:
    """3.11 in the floors session, the others in the tests sessions, as the README says."""
    versions = next(
        ast.literal_eval(node.value)
        for node in NOXFILE.body
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "VERSIONS"
    )
    classifiers = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    supported = {
        c.rsplit(" ", 1)[1]
        for c in classifiers["classifiers"]
        if c.startswith("Programming Language :: Python :: 3.")
    }
    assert set(versions) == supported
    assert "@nox.session(python=VERSIONS[0])\ndef floors" in (ROOT / "noxfile.py").read_text(
        "utf-8"
    )
    assert "@nox.session(python=list(VERSIONS[1:]))\ndef tests" in (ROOT / "noxfile.py").read_text(
        "utf-8"
    )


def test_every_session_installs_the_pinned_tools() -> None:
    for name, source in _sessions().items():
        assert "*CONSTRAINTS" in source, name


def test_each_ci_run_searches_in_full_once() -> None:
    """The property tests and width sweeps run in full in the newest Python's session and quick
    in the others (tests/depth.py); nox names the variable depth.py reads."""
    from tests import depth

    sessions = _sessions()
    assert f'DEPTH_ENV = "{depth.DEPTH_ENV}"' in (ROOT / "noxfile.py").read_text("utf-8")
    assert 'depth = "full" if session.python == VERSIONS[-1] else "quick"' in sessions["tests"]
    assert "env={DEPTH_ENV: depth}" in sessions["tests"]
    assert 'env={DEPTH_ENV: "quick"}' in sessions["floors"]
    probe = (
        "from tests import depth; from hfs_info.terminal import MIN_WIDTH;"
        "print(depth.examples(100), depth.examples(25), len(depth.widths()),"
        " depth.widths()[0] == MIN_WIDTH, depth.widths()[-1] == depth.WIDEST)"
    )
    shown = {}
    for value in ("quick", "full", ""):
        env = {**os.environ, depth.DEPTH_ENV: value}
        done = subprocess.run(
            [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        shown[value] = done.stdout.split()
    every = depth.WIDEST - depth.MIN_WIDTH + 1
    assert shown["full"] == shown[""] == ["100", "25", str(every), "True", "True"]
    assert shown["quick"][:2] == ["20", "10"] and shown["quick"][3:] == ["True", "True"]
    assert 10 < int(shown["quick"][2]) < every


def test_every_property_test_follows_the_depth() -> None:
    """A literal number of examples would search in full in every session: each is given as
    ``examples(N)`` (tests/depth.py)."""
    import re

    literal = re.compile(r"max_examples\s*=\s*\d")
    found = [
        path.name
        for path in (ROOT / "tests").glob("*.py")
        if literal.search(path.read_text("utf-8"))
    ]
    assert found == []
