"""The wheel and the sdist each install into a fresh virtual environment with their data."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from hfs_info import __version__
from tests.conftest import run_process

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return out


def test_the_wheel_carries_the_compiled_dataset_and_search_vocabulary(dists: Path) -> None:
    import zipfile

    (wheel,) = dists.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "hfs_info/data/hemifacial_spasm.json",
        "hfs_info/data/search_vocabulary.json",
        "hfs_info/data/search_vocabulary.toml",
        "hfs_info/data/common_words.txt",
    } <= names


@pytest.mark.parametrize("kind", ["whl", "tar.gz"])
def test_distribution_installs_and_runs(dists: Path, tmp_path: Path, kind: str) -> None:
    (archive,) = dists.glob(f"*.{kind}")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    pip = env_dir / "bin" / "pip"
    subprocess.run([str(pip), "install", "-q", str(archive)], check=True, capture_output=True)
    # Run from an empty directory so nothing can come from the repository; the installed
    # tool (which reads the dataset compiled into the wheel) must print exactly what the
    # development install (which reads the TOML) prints.
    for args in COMMANDS:
        installed = subprocess.run(
            [str(env_dir / "bin" / "hfs-info"), *args],
            cwd=tmp_path,
            capture_output=True,
            check=False,
            env={"PATH": "/usr/bin:/bin", "COLUMNS": "80", "XDG_CACHE_HOME": str(tmp_path)},
        )
        assert installed.returncode == 0, (args, installed.stderr)
        development = run_process(*args, env={"COLUMNS": "80"})
        assert installed.stdout == development.stdout, args
    result = subprocess.run(
        [str(env_dir / "bin" / "hfs-info"), "glossary", "mvd", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        check=True,
    )
    assert json.loads(result.stdout)["term"]["aliases"] == ["MVD"]
    # The man page installs under the environment's share/man, where `man -M` (or MANPATH) finds
    # it, identical to the checked-in page.
    installed_page = env_dir / "share" / "man" / "man1" / "hfs-info.1"
    assert installed_page.read_bytes() == (ROOT / "man" / "hfs-info.1").read_bytes()


def test_wheel_carries_the_man_page(dists: Path) -> None:
    (wheel,) = dists.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        pages = [n for n in archive.namelist() if n.endswith("/share/man/man1/hfs-info.1")]
        assert pages == [f"hfs_info-{__version__}.data/data/share/man/man1/hfs-info.1"]
        assert archive.read(pages[0]) == (ROOT / "man" / "hfs-info.1").read_bytes()


COMMANDS = [
    ["treatments"],
    ["stats", "--format", "csv"],
    ["export", "--format", "json"],
    ["search", "how", "long", "does", "botox", "last", "--format", "json"],
    ["figures", "1", "--format", "svg"],
]
