"""Preferences that stick: HFS_INFO_FORMAT and the config file, and how they rank against the
flags and the other variables (docs/preferences.md)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from hfs_info.display import pager
from hfs_info.preferences import Preferences, load
from tests.conftest import SCRIPT, nobody_can_run_the_tool, on_a_terminal, run_process


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Write the config file (in a fresh XDG_CONFIG_HOME) and return its path."""
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))

    def write(text: str | bytes) -> Path:
        path = home / "hfs-info" / "config.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, str):
            text = text.encode()
        path.write_bytes(text)
        return path

    return write


def is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def test_the_environment_variable_sets_the_format(run, monkeypatch) -> None:
    monkeypatch.setenv("HFS_INFO_FORMAT", "json")
    assert is_json(run("glossary", "mvd").stdout)
    assert run("glossary", "mvd").stdout == run("glossary", "mvd", "-f", "json").stdout


def test_the_config_file_sets_the_format(run, config) -> None:
    config('format = "plain"\n')
    assert run("glossary", "mvd").stdout == run("glossary", "mvd", "--format", "plain").stdout


def test_a_flag_wins_over_both(run, config, monkeypatch) -> None:
    config('format = "plain"\n')
    monkeypatch.setenv("HFS_INFO_FORMAT", "json")
    assert run("glossary", "mvd", "-f", "markdown").stdout.startswith("# ")


def test_the_variable_wins_over_the_file(run, config, monkeypatch) -> None:
    config('format = "plain"\n')
    monkeypatch.setenv("HFS_INFO_FORMAT", "json")
    assert is_json(run("glossary", "mvd").stdout)


def test_an_empty_variable_leaves_it_to_the_file(run, config, monkeypatch) -> None:
    config('format = "json"\n')
    monkeypatch.setenv("HFS_INFO_FORMAT", "")
    assert is_json(run("sources").stdout)


@pytest.mark.parametrize(
    ("preferred", "args", "default"),
    [
        ("svg", ["glossary", "mvd"], "table"),  # glossary draws nothing
        ("csv", ["overview"], "table"),  # prose has no rows
        ("table", ["validate", "x.toml"], "plain"),  # validate reports in plain or json
        ("markdown", ["validate", "x.toml"], "plain"),
    ],
)
def test_a_preferred_format_the_command_cannot_write_gives_way_to_its_default(
    run, monkeypatch, preferred: str, args: list[str], default: str
) -> None:
    monkeypatch.setenv("HFS_INFO_FORMAT", preferred)
    assert run(*args).stdout == run(*args, "--format", default).stdout


def test_commands_without_a_display_format_ignore_it(run, monkeypatch) -> None:
    monkeypatch.setenv("HFS_INFO_FORMAT", "json")
    assert run("cite").stdout == run("cite", "--style", "apa").stdout
    assert run("export").stdout.startswith("# ")  # Markdown: export's own --format rules


def test_fill_keeps_documents_markdown_whatever_is_preferred(run, monkeypatch, tmp_path) -> None:
    doc = tmp_path / "d.md"
    doc.write_text("<!-- hfs-info glossary mvd -->\n<!-- /hfs-info -->\n", "utf-8")
    monkeypatch.setenv("HFS_INFO_FORMAT", "json")
    assert run("fill", str(doc)).status == 0
    assert "# microvascular decompression" in doc.read_text("utf-8")


def test_an_unknown_format_in_the_variable_is_a_usage_error(run, monkeypatch) -> None:
    monkeypatch.setenv("HFS_INFO_FORMAT", "yaml")
    result = run("glossary", "mvd")
    assert result.status == 2 and result.stdout == ""
    assert result.stderr == (
        "hfs-info: HFS_INFO_FORMAT='yaml' is not a format; "
        "the formats: table, plain, markdown, json, csv, svg\n"
    )


def test_the_file_colour_overrides_NO_COLOR_and_a_flag_overrides_the_file(
    run, config, monkeypatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("glossary", "mvd").stdout
    config('color = "always"\n')
    assert "\x1b[" in run("glossary", "mvd").stdout
    assert "\x1b[" not in run("glossary", "mvd", "--color", "never").stdout
    assert "\x1b[" not in run("--color", "never", "glossary", "mvd").stdout
    config('color = "auto"\n')  # auto leaves it to NO_COLOR and the terminal
    assert "\x1b[" not in run("glossary", "mvd").stdout


@pytest.mark.parametrize(
    ("environ", "file", "expected"),
    [
        ({"HFS_INFO_PAGER": "most", "PAGER": "more"}, "less -R", "most"),
        ({"PAGER": "more"}, "less -R", "less -R"),
        ({"PAGER": "more"}, None, "more"),
        ({}, None, ""),  # the default: less -FRX, or more
        ({"HFS_INFO_PAGER": ""}, "less", None),  # empty: none
        ({}, "cat", None),
        ({"PAGER": " cat "}, None, None),
    ],
)
def test_the_pager_is_ranked_as_git_ranks_it(
    environ: dict[str, str], file: str | None, expected: str | None
) -> None:
    assert pager(environ, lambda: file) == expected


def test_the_config_file_pager_is_used(tmp_path: Path) -> None:
    from tests.test_pager import recording_pager

    xdg = tmp_path / "xdg"
    (xdg / "hfs-info").mkdir(parents=True)
    record = tmp_path / "paged.txt"
    command = recording_pager(tmp_path, record)
    (xdg / "hfs-info" / "config.toml").write_text(f"pager = {json.dumps(command)}\n", "utf-8")
    status, _ = on_a_terminal(["treatments"], {"XDG_CONFIG_HOME": str(xdg)})
    assert status == 0 and b"Microvascular" in record.read_bytes()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('format = "json\n', "{path}:1:15: malformed TOML: "),
        ('color = "always"\nformat = \n', "{path}:2:10: malformed TOML: "),
        (
            'colour = "never"\n',
            "{path}: unknown key 'colour'; the keys are format, color and pager",
        ),
        ('format = "yaml"\n', "{path}: format = 'yaml' is not one of table, plain, markdown"),
        ("color = true\n", "{path}: color = True is not one of auto, always, never"),
        ("pager = 3\n", "{path}: pager must be a string (a command line), not 3"),
        (b'format = "\xff"\n', "{path}:1:11: not UTF-8 text"),
    ],
)
def test_a_broken_file_is_one_line_naming_it_exit_2(
    run, config, text: str | bytes, message: str
) -> None:
    path = config(text)
    result = run("glossary", "mvd")
    assert result.status == 2 and result.stdout == ""
    assert result.stderr.startswith("hfs-info: " + message.format(path=path))
    assert result.stderr.count("\n") == 1


def test_a_broken_file_is_reported_even_when_flags_give_everything(run, config) -> None:
    """The file is read only when a flag leaves something to it; with every display option
    given on the command line the run does not depend on it."""
    config("format = \n")
    assert run("glossary", "mvd", "-f", "plain", "--color", "never", "--no-pager").status == 0
    assert run("glossary", "mvd").status == 2


def test_where_the_file_is_looked_for(tmp_path: Path) -> None:
    from hfs_info.preferences import config_path

    assert config_path({"XDG_CONFIG_HOME": "/x", "HOME": "/h"}) == "/x/hfs-info/config.toml"
    # Empty or relative: ignored, as the XDG spec says.
    assert config_path({"XDG_CONFIG_HOME": "", "HOME": "/h"}) == "/h/.config/hfs-info/config.toml"
    assert config_path({"XDG_CONFIG_HOME": "rel", "HOME": "/h"}) == (
        "/h/.config/hfs-info/config.toml"
    )
    assert config_path({}) is None
    assert load({"HOME": str(tmp_path)}) == Preferences()  # no file: nothing preferred


def test_a_file_read_from_home(tmp_path: Path) -> None:
    path = tmp_path / ".config" / "hfs-info" / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text('format = "JSON"\ncolor = "never"\npager = "less -R"\n', "utf-8")
    assert load({"HOME": str(tmp_path)}) == Preferences("json", "never", "less -R")  # type: ignore[arg-type]


def test_a_run_without_a_config_file_pays_one_stat(tmp_path: Path) -> None:
    """strace: the config file's path appears in exactly one system call, a stat."""
    if shutil.which("strace") is None:
        pytest.skip("needs strace")
    trace = tmp_path / "trace"
    xdg = tmp_path / "xdg"
    result = subprocess.run(
        ["strace", "-f", "-qq", "-o", str(trace), str(SCRIPT), "glossary", "mvd"],
        env={"XDG_CONFIG_HOME": str(xdg), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    calls = [line for line in trace.read_text().splitlines() if str(xdg) in line]
    assert len(calls) == 1, calls
    assert "stat" in calls[0].split("(")[0] and "ENOENT" in calls[0]


def test_the_installed_script_reads_the_file(tmp_path: Path) -> None:
    xdg = tmp_path / "xdg"
    (xdg / "hfs-info").mkdir(parents=True)
    (xdg / "hfs-info" / "config.toml").write_text('format = "json"\n', "utf-8")
    result = run_process("glossary", "mvd", env={"XDG_CONFIG_HOME": str(xdg)})
    assert result.returncode == 0 and json.loads(result.stdout)["kind"] == "term"


def test_a_file_there_but_unreadable_is_an_error_and_an_unsearchable_folder_is_none() -> None:
    if not nobody_can_run_the_tool():
        pytest.skip("needs root, setpriv and a Python the user nobody may run")
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="hfs-info-prefs-"))  # pytest's own folder is private
    try:
        base.chmod(0o755)
        folder = base / "hfs-info"
        folder.mkdir(mode=0o755)
        config = folder / "config.toml"
        config.write_text('format = "json"\n', "utf-8")
        config.chmod(0o600)  # there, but not the reader's to read
        nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", str(SCRIPT)]
        env = {"XDG_CONFIG_HOME": str(base), "PATH": "/usr/bin:/bin"}
        run = [*nobody, "glossary", "mvd"]
        result = subprocess.run(run, env=env, capture_output=True, check=False)
        assert result.returncode == 2
        assert result.stderr == f"hfs-info: {config}: permission denied\n".encode()
        folder.chmod(0o700)  # a folder the reader may not search: no preferences, as git has it
        result = subprocess.run(run, env=env, capture_output=True, check=False)
        assert result.returncode == 0 and result.stdout.startswith(b"microvascular decompression")
    finally:
        shutil.rmtree(base)


def test_a_preferred_format_does_not_refuse_list(run, monkeypatch) -> None:
    monkeypatch.setenv("HFS_INFO_FORMAT", "json")
    listed = run("glossary", "--list")
    assert listed.status == 0 and listed.stdout == run("glossary", "-l", "-f", "table").stdout
    refused = run("glossary", "--list", "--format", "csv")  # a format asked for on the line
    assert refused.status == 2 and "prints only names" in refused.stderr


# Every command line a preference may meet: each command (and each of its views that draws,
# lists or looks up something different) once. A command added to the table must be added here.
_EVERY_COMMAND: dict[str, list[list[str]]] = {
    "": [[]],
    "overview": [["overview"]],
    "symptoms": [["symptoms"]],
    "causes": [["causes"]],
    "diagnosis": [["diagnosis"], ["diagnosis", "--explain"]],
    "treatments": [["treatments"], ["treatments", "mvd"], ["treatments", "--full"]],
    "medications": [["medications"]],
    "stats": [["stats"], ["stats", "--chart"], ["stats", "--with-sources"]],
    "glossary": [["glossary"], ["glossary", "mvd"], ["glossary", "--list"]],
    "sources": [["sources"]],
    "figures": [["figures"], ["figures", "2"]],
    "export": [["export"]],
    "cite": [["cite"]],
    "schema": [["schema"]],
    "search": [["search", "botox"], ["search", "zzzqqq"]],
    "validate": [["validate", "DATASET"]],
    "fill": [["fill", "--check", "DOCUMENT"]],
    "help": [["help", "glossary"]],
}


def test_the_list_of_every_command_is_complete() -> None:
    from hfs_info.commandline import COMMANDS

    assert set(_EVERY_COMMAND) == {"", *COMMANDS}


@pytest.mark.parametrize("where", ["environment", "file"])
@pytest.mark.parametrize("preferred", ["table", "plain", "markdown", "json", "csv", "svg"])
def test_no_preferred_format_breaks_any_command(
    run, config, monkeypatch, tmp_path: Path, where: str, preferred: str
) -> None:
    """A preference is a wish: where the command, or the view at hand, has no such form, the
    command writes its default, as if nothing were preferred; it never fails for it. With
    --format the same format is the user's explicit ask, and may be refused."""
    document = tmp_path / "d.md"
    document.write_text("<!-- hfs-info glossary mvd -->\n<!-- /hfs-info -->\n", "utf-8")
    dataset = str(Path(__file__).parent.parent / "data" / "hemifacial_spasm.toml")
    lines = [
        [{"DOCUMENT": str(document), "DATASET": dataset}.get(word, word) for word in line]
        for lines in _EVERY_COMMAND.values()
        for line in lines
    ]
    unpreferred = {tuple(line): run(*line) for line in lines}
    if where == "environment":
        monkeypatch.setenv("HFS_INFO_FORMAT", preferred)
    else:
        config(f'format = "{preferred}"\n')
    for line in lines:
        result = run(*line)
        expected = unpreferred[tuple(line)]
        assert (result.status, result.stderr) == (expected.status, expected.stderr), line
        asked = run(*line, "--format", preferred) if line and line[0] not in ("", "help") else None
        # Either what --format would write, where the view has that form, or the default.
        outputs = {expected.stdout} | ({asked.stdout} if asked and asked.status < 2 else set())
        assert result.stdout in outputs, (line, preferred)


@pytest.mark.parametrize("text", ['colour = "never"\n', "format = \n", b'pager = "\xff"\n'])
@pytest.mark.parametrize("args", [["--help"], ["-h"], ["treatments", "--help"], ["help"]])
def test_help_is_shown_whatever_the_config_file_holds(run, config, text, args) -> None:
    """Help does not depend on preferences: a file the tool cannot use is reported by the
    commands that read it, never by --help."""
    config(text)
    result = run(*args)
    assert result.status == 0 and result.stderr == ""
    assert result.stdout.startswith("Usage: hfs-info")
    assert run("glossary", "mvd").status == 2
