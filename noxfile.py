"""The checks CI runs: `nox` runs every session; `nox -l` lists them (docs/development.md)."""

# The checks CI runs: `nox` alone runs every session below; `nox -l` lists them.
#
# - `tests-3.12`, `tests-3.13`: the test suite with the newest dependencies the project allows;
# - `floors`: the suite on Python 3.11 with the lowest version of every dependency that
#   pyproject.toml allows, so that a floor we declare is one we have tested;
# - `lint`: ruff (lint and format check) and mypy --strict, once: they do not depend on the
#   Python version the suite runs on;
# - `packaging`: builds the sdist and, from it, the wheel, installs the wheel into a new
#   environment and runs it (the tests marked `slow`), once.
#
# Every supported Python runs the suite once: the oldest with the oldest dependencies (floors), the
# others with the newest, as many projects pair them. The property tests (Hypothesis) and the
# sweeps over every terminal width search in full once per run, on the newest Python
# (`tests-3.13`), and with a fifth of the examples and a sample of the widths on the others
# (`HFS_INFO_TEST_DEPTH=quick`, tests/depth.py): every test runs on every Python, and searching
# in full three times over took half of each suite's time. A run of the suite on 3.11 with the
# newest dependencies as well would take most of a minute more of every CI run for the one
# combination a new release of a dependency could break on 3.11 alone; `nox --extra-pythons 3.11
# -s tests` runs it.
#
# A Python version that is not installed is skipped with a visible message instead of failing the
# run, so a machine with only one Python still checks what it can. Every session installs the
# development tools at the exact versions of constraints/dev.txt, and makes its environment and
# installs with uv (a few seconds, where pip takes most of a minute); the suite runs on every core
# (pytest-xdist), the packaging tests, which share one built wheel, in one process.
#

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import nox

VERSIONS = ("3.11", "3.12", "3.13")
CONSTRAINTS = ("-c", "constraints/dev.txt")
# How deep the property tests and width sweeps go (tests/depth.py): in full once per run.
DEPTH_ENV = "HFS_INFO_TEST_DEPTH"

nox.options.default_venv_backend = "uv"
# On CI, nox errors on a missing interpreter by default; we skip it and say so instead.
nox.options.error_on_missing_interpreters = False


def _runs(executable: Path) -> bool:
    try:
        result = subprocess.run([executable, "-c", ""], capture_output=True, check=False)
    except OSError:
        return False
    return result.returncode == 0


def _add_pyenv_versions() -> None:
    """pyenv installs each version under its root without putting it on PATH (its shims answer
    only for the selected versions), so put the bin folder of each installed version we test on
    PATH, where nox looks for ``python3.X``."""
    root = Path(os.environ.get("PYENV_ROOT") or Path("~/.pyenv").expanduser())
    folders = []
    for version in VERSIONS:
        found = shutil.which(f"python{version}")
        if found and _runs(Path(found)):
            continue
        candidates = sorted((root / "versions").glob(f"{version}.*/bin"))
        folders += [str(c) for c in candidates[-1:] if _runs(c / f"python{version}")]
    if folders:
        os.environ["PATH"] = os.pathsep.join([*folders, os.environ.get("PATH", "")])


_add_pyenv_versions()


@nox.session(python=list(VERSIONS[1:]))
def tests(session: nox.Session) -> None:
    """The test suite (not the slow tests), newest dependencies; full depth on the newest Python.

    The property tests and width sweeps search in full on the newest Python and quick on the
    others; the packaging session runs the slow tests."""
    session.install(*CONSTRAINTS, "-e", ".[test]")
    depth = "full" if session.python == VERSIONS[-1] else "quick"
    session.run(
        "python", "-m", "pytest", "-m", "not slow", "-n", "auto", "--dist", "worksteal",
        *session.posargs,
        env={DEPTH_ENV: depth},
    )  # fmt: skip


@nox.session(python=VERSIONS[0])
def floors(session: nox.Session) -> None:
    """The test suite with the lowest allowed dependencies, on the oldest Python, quick.

    uv's lowest-direct resolution installs the floors of pyproject.toml; the test tools stay at
    their pins."""
    session.install("--resolution", "lowest-direct", *CONSTRAINTS, "-e", ".[test]")
    session.run("uv", "pip", "list", external=True)  # the versions tested, in the log
    session.run(
        "python", "-m", "pytest", "-m", "not slow", "-n", "auto", "--dist", "worksteal",
        *session.posargs,
        env={DEPTH_ENV: "quick"},
    )  # fmt: skip


@nox.session(python=VERSIONS[-1])
def lint(session: nox.Session) -> None:
    """ruff check, ruff format --check and mypy --strict, at the pinned versions, once."""
    session.install(*CONSTRAINTS, "-e", ".[test]")
    paths = ("src", "tests", "tools", "benchmarks", "noxfile.py")
    session.run("ruff", "check", *paths)
    session.run("ruff", "format", "--check", *paths)
    session.run("mypy")


@nox.session(python=VERSIONS[-1])
def packaging(session: nox.Session) -> None:
    """Build the sdist and from it the wheel, install and run it: the tests marked slow, once."""
    session.install(*CONSTRAINTS, "-e", ".[test]")
    session.run("python", "-m", "pytest", "-m", "slow", *session.posargs)
