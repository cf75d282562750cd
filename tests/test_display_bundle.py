"""The display options are declared once (declare.py) and resolved once (display.py): adding
one is a field of Display and a flag in DISPLAY_OPTIONS, and every command that takes it, on
the quick path and through Typer, hands it to its handler. Shown on a copy of the package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import hfs_info

SOURCE = Path(hfs_info.__file__).parent

# The whole change: the value, and the flag of the content commands.
EDITS = {
    "display.py": (
        "    shift: int = 0  # heading levels to move every heading down\n",
        "    shift: int = 0  # heading levels to move every heading down\n"
        "    dense: bool = False  # a new option\n",
    ),
    "declare.py": (
        'CONTENT = ("explain", "shift")',
        'DISPLAY_OPTIONS["dense"] = (Annotated[bool, typer.Option("--dense")], False)\n'
        'CONTENT = ("explain", "shift", "dense")',
    ),
}
CHECK = """
import os
from hfs_info import actions, cli, quick

assert cli.__file__.startswith(os.environ["COPY"]), cli.__file__
seen = []
record = lambda data, display, **own: seen.append(display) or actions.Result("")
actions.HANDLERS["overview"] = record
actions.run(*quick.parse(["overview", "--dense"], {}))  # the quick path
actions.run(*quick.parse(["overview"], {}))
cli.invoke(["overview", "--dense"])  # through Typer
cli.invoke(["--no-pager", "overview"])
print([display.dense for display in seen], [display.pager for display in seen])
helps = [cli.invoke([name, "--help"]).text for name in ("overview", "cite")]
print(["--dense" in text for text in helps])
"""


def test_a_new_display_option_is_one_field_and_one_flag(tmp_path: Path) -> None:
    copy = tmp_path / "hfs_info"
    shutil.copytree(SOURCE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    for name, (old, new) in EDITS.items():
        text = (copy / name).read_text("utf-8")
        assert text.count(old) == 1, name
        (copy / name).write_text(text.replace(old, new), "utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "COPY": str(copy), "PAGER": "less"}
    env.pop("HFS_INFO_PAGER", None)
    table = subprocess.run(
        [sys.executable, "-m", "hfs_info.clidocs", "table"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    (copy / "commandline.py").write_text(table.stdout, "utf-8")  # regenerated, as after any change
    assert "'--dense'" in table.stdout
    result = subprocess.run(
        [sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "[True, False, True, False] ['less', 'less', 'less', None]",
        "[True, False]",
    ]
