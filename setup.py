"""Build hook: ship the TOML dataset and the search vocabulary as JSON too, inside the wheel (all
metadata is in pyproject).

JSON parses faster than TOML and needs no extra import at run time, so the installed tool reads
data/hemifacial_spasm.json (the same document; store.py validates it like the TOML) and the
compiled vocabulary (see src/hfs_info/vocabulary.py); the TOML files stay the sources that
people edit. Both are validated here as well, so a broken dataset or vocabulary cannot be built
into a wheel. Where the JSON is absent (an editable install), the tool reads the TOML instead.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent
SOURCE = ROOT / "data" / "hemifacial_spasm.toml"
VOCABULARY = ROOT / "data" / "search_vocabulary.toml"


class BuildPyWithCompiledData(build_py):
    def run(self) -> None:
        super().run()
        raw = tomllib.loads(SOURCE.read_text("utf-8"))
        sys.path.insert(0, str(ROOT / "src"))
        try:
            from hfs_info import vocabulary
            from hfs_info.dataset import build
        finally:
            sys.path.pop(0)
        _, problems = build(raw)
        if problems:
            raise SystemExit(f"{SOURCE}: " + "; ".join(problems))
        folder = Path(self.build_lib) / "hfs_info" / "data"
        folder.mkdir(parents=True, exist_ok=True)
        _write_json(folder / "hemifacial_spasm.json", raw)
        words = tomllib.loads(VOCABULARY.read_text("utf-8"))
        problems = vocabulary.problems(words)
        if problems:
            raise SystemExit(f"{VOCABULARY}: " + "; ".join(problems))
        _write_json(folder / vocabulary.COMPILED_NAME, words)


def _write_json(target: Path, value: object) -> None:
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    target.write_text(text, encoding="utf-8")


setup(cmdclass={"build_py": BuildPyWithCompiledData})
