"""What the project ships: the licence and metadata, the version line, the generated files (the
compiled data, the manual page, the completion scripts) kept in step with their sources, and,
marked slow (run once per CI run by `nox -s packaging`), a wheel built from the sdist that
installs and runs with all of them."""

from __future__ import annotations

import email.parser
import json
import os
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from hfs_info import EDITION, __version__, clidocs, store
from tests.conftest import SCRIPT, run_process
from tests.test_speed_guards import imported

ROOT = Path(__file__).parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
COMPLETIONS = {
    shell: ROOT / "completions" / name for shell, name in clidocs.COMPLETION_FILES.items()
}
# Where the wheel puts each shipped file, under the environment's prefix.
SHARED = {
    "share/man/man1/hfs-info.1": ROOT / "man" / "hfs-info.1",
    "share/bash-completion/completions/hfs-info": COMPLETIONS["bash"],
    "share/zsh/site-functions/_hfs-info": COMPLETIONS["zsh"],
    "share/fish/vendor_completions.d/hfs-info.fish": COMPLETIONS["fish"],
}


# --- licence and metadata -----------------------------------------------------------------


def test_the_code_has_a_licence_and_the_metadata_names_it() -> None:
    project = PYPROJECT["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    licence = (ROOT / "LICENSE").read_text("utf-8")
    assert licence.startswith("MIT License\n\nCopyright (c) 2026 hfs-info developers\n")
    assert "© Mayfield Clinic" in licence  # the content's rights are stated as theirs
    # setuptools refuses a licence classifier beside an SPDX expression, and needs 77 for it.
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]
    assert {"Operating System :: POSIX", "Intended Audience :: End Users/Desktop"} <= set(
        project["classifiers"]
    )
    assert "setuptools>=77" in PYPROJECT["build-system"]["requires"]


def test_every_test_tool_is_pinned_exactly() -> None:
    """The tools of the `test` extra (and so nox's sessions) run at the versions of
    constraints/dev.txt, so a tool's new release cannot change the result on its own."""
    pins = {}
    for line in (ROOT / "constraints" / "dev.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not an exact pin: {line}"
            pins[name] = version
    wanted = {
        r.split(">")[0].split("=")[0].strip()
        for r in PYPROJECT["project"]["optional-dependencies"]["test"]
    }
    assert wanted == set(pins)


def test_every_dependency_has_a_floor_for_the_floors_session() -> None:
    for requirement in PYPROJECT["project"]["dependencies"]:
        assert ">=" in requirement, requirement


# --- the version -------------------------------------------------------------------------


def test_the_version_names_the_edition_of_the_packaged_content() -> None:
    provenance = store.load_packaged().provenance
    assert (
        f'"{provenance.title}", {provenance.publisher} patient guide, updated {provenance.updated}'
    ) == EDITION
    result = run_process("--version")
    assert result.returncode == 0
    assert result.stdout.decode() == f"hfs-info {__version__}\ncontent: {EDITION}\n"


@pytest.mark.parametrize("args", [["--version"], ["--color", "never", "-V"]], ids=" ".join)
def test_the_version_says_the_commands_read_the_file_of_hfs_info_data(args: list[str]) -> None:
    """The file HFS_INFO_DATA names is said, not read (the version answers whatever it holds),
    and a name with a terminal escape or a line break is shown escaped, on its one line."""
    for name, shown in (("new.toml", "new.toml"), ("a\x1b[2J\nb.toml", "'a\\x1b[2J\\nb.toml'")):
        result = run_process(*args, env={"HFS_INFO_DATA": name})
        assert result.returncode == 0, result.stderr
        assert result.stdout.decode().splitlines() == [
            f"hfs-info {__version__}",
            f"content: {EDITION}",
            f"data: the commands read {shown} (HFS_INFO_DATA) instead",
        ]
    assert run_process(*args, env={"HFS_INFO_DATA": ""}).stdout.decode().count("\n") == 2


def test_the_version_and_other_tools_completion_variables_do_not_load_typer() -> None:
    from hfs_info import quick

    assert quick.parse(["glossary", "mvd"], {"OTHER_TOOL_COMPLETE": "complete_bash"}) is not None
    assert quick.parse(["glossary", "mvd"], {"_HFS_INFO_COMPLETE": "complete_bash"}) is None
    assert imported("--version") == []
    assert imported("-V") == []
    for name in ("_OTHER_TOOL_COMPLETE", "SOME_TOOL_AUTO_COMPLETE"):
        os.environ[name] = "complete_bash"
        try:
            assert imported("glossary", "mvd", "--format", "json") == []
        finally:
            del os.environ[name]


# --- generated files stay in step with their sources --------------------------------------


def test_the_compiled_data_matches_its_toml() -> None:
    """The tool reads the JSON (in a development install too): it must be its TOML's."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import compile_data
    finally:
        sys.path.pop(0)
    for path, text in compile_data.compiled().items():
        assert path.read_text("utf-8") == text, f"{path.name}: run python tools/compile_data.py"


def test_the_shipped_search_index_holds_what_a_new_build_holds() -> None:
    """data/search_index.sqlite: built from the packaged rows by this checkout's code (its bytes
    depend on the SQLite version, so what it holds is compared)."""
    from hfs_info import search_index

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import compile_data
    finally:
        sys.path.pop(0)
    shipped = store.package_data(search_index.PREBUILT_NAME)
    assert shipped is not None
    built_from = search_index.fingerprint(
        compile_data.DATA.joinpath(store.COMPILED_NAME).read_bytes(),
        compile_data.DATA.joinpath("search_vocabulary.json").read_bytes(),
    )
    fresh = search_index.serialized(store.load_packaged(), built_from)
    assert compile_data.index_rows(shipped) == compile_data.index_rows(fresh), (
        "run python tools/compile_data.py"
    )


def test_the_compiled_dataset_passes_every_rule_of_a_dataset_file() -> None:
    """The packaged JSON is read without the cross-record rules (store.load_packaged): they must
    hold for it, as for any file given with --data."""
    import json

    from hfs_info.dataset import build

    compiled = store.package_data(store.COMPILED_NAME)
    assert compiled is not None
    dataset, problems = build(json.loads(compiled))
    assert problems == [] and dataset == store.load_packaged()


def test_a_development_install_reads_the_compiled_data() -> None:
    assert store.package_data(store.COMPILED_NAME) is not None


@pytest.mark.parametrize("shell", sorted(COMPLETIONS))
def test_completion_file_matches_the_app(shell: str) -> None:
    command = (
        f"python -m hfs_info.clidocs completion {shell} > completions/{COMPLETIONS[shell].name}"
    )
    assert COMPLETIONS[shell].read_text("utf-8") == clidocs.completion(shell), command


def test_the_zsh_file_is_an_autoloadable_completion_function() -> None:
    lines = COMPLETIONS["zsh"].read_text("utf-8").splitlines()
    assert lines[0] == "#compdef hfs-info"
    assert '  _hfs_info_completion "$@"' in lines


def _bash_complete(line: str, env: dict[str, str] | None = None) -> list[str]:
    """Candidates for ``line`` from the committed bash file, sourced into a real bash, with the
    installed hfs-info on PATH."""
    words = line.split(" ")
    script = (
        f"source {COMPLETIONS['bash']}\n"
        f"COMP_WORDS=({' '.join(repr(w) for w in words)}); COMP_CWORD={len(words) - 1}\n"
        "_hfs_info_completion hfs-info\n"
        'for c in "${COMPREPLY[@]}"; do printf "<%s>\\n" "$c"; done\n'
    )
    path = f"{SCRIPT.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    result = subprocess.run(
        ["bash", "--norc", "-c", script],
        env={**os.environ, "PATH": path, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return [line.strip("<>") for line in result.stdout.splitlines()]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_bash_file_completes_terms() -> None:
    assert _bash_complete("hfs-info glossary mv") == ["mvd"]
    assert "treatments" in _bash_complete("hfs-info tr")


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_completion_never_offers_control_characters_from_a_dataset(tmp_path: Path) -> None:
    shipped = (ROOT / "data" / "hemifacial_spasm.toml").read_text("utf-8")
    forged = shipped.replace(
        'aliases = ["MVD"]', 'aliases = ["MVD", "zza\\u001bb", "x\\ny", "zzt\\tab"]'
    )
    assert forged != shipped
    edition = tmp_path / "forged.toml"
    edition.write_text(forged, "utf-8")
    if run_process("validate", str(edition)).returncode != 0:
        pytest.skip("validate refuses these names now, so no edition can offer them")
    env = {"HFS_INFO_DATA": str(edition)}
    assert _bash_complete("hfs-info glossary zz", env) == []
    assert _bash_complete("hfs-info glossary x", env) == []  # no forged candidate "y"
    assert _bash_complete("hfs-info glossary mv", env) == ["mvd"]
    for shell, extra in (
        ("zsh", {"_TYPER_COMPLETE_ARGS": "hfs-info glossary "}),
        (
            "fish",
            {
                "_TYPER_COMPLETE_ARGS": "hfs-info glossary ",
                "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            },
        ),
    ):
        answer = run_process(env={**env, "_HFS_INFO_COMPLETE": f"complete_{shell}", **extra})
        assert answer.returncode == 0
        text = answer.stdout.decode()
        assert "mvd" in text.lower() and "\x1b" not in text and "zzt" not in text


# --- the manual page ---------------------------------------------------------------------


def test_the_man_page_has_the_sections_a_reader_expects() -> None:
    page = (ROOT / "man" / "hfs-info.1").read_text("utf-8")
    sections = [
        line.removeprefix(".SH ").strip('"')
        for line in page.splitlines()
        if line.startswith(".SH ")
    ]
    assert sections == [
        "NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT",
        "FILES", "EXAMPLES", "SEE ALSO",
    ]  # fmt: skip
    assert f'.TH HFS\\-INFO 1 "{clidocs.MAN_DATE}" ' in page
    reference = (ROOT / "docs" / "cli.md").read_text("utf-8")
    for text in (page, reference):  # help examples kept as written, not as a raw backspace
        assert not any(ord(c) < 32 and c != "\n" for c in text)
    assert "config.toml" in page and "HFS_INFO_FORMAT" in page


@pytest.mark.parametrize(
    ("command", "text"), clidocs.MAN_EXAMPLES, ids=[c for c, _ in clidocs.MAN_EXAMPLES]
)
def test_every_man_page_example_runs(
    run, tmp_path: Path, monkeypatch, command: str, text: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.md").write_text("# Notes\n", "utf-8")
    args = command.split(" > ")[0].split()[1:]
    result = run(*args)
    assert result.status == 0, (command, result.stderr)


# --- the distributions (slow: nox -s packaging) -------------------------------------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built (as pip and pipx would from PyPI) from the sdist, which so has to hold
    everything the wheel needs."""
    out = tmp_path_factory.mktemp("dist")
    source = _clean_copy(tmp_path_factory.mktemp("source")) or ROOT
    subprocess.run(
        [sys.executable, "-m", "build", "--installer", "uv", "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (_sdist,) = out.glob("*.tar.gz")  # built first, and the wheel from it
    (built,) = out.glob("*.whl")
    return built


def _tracked() -> set[str] | None:
    """The repository's files (git ls-files), None outside a git checkout."""
    import shutil

    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        return None
    listed = subprocess.run([git, "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    return {name for name in listed.stdout.decode().split("\0") if name}


def _clean_copy(into: Path) -> Path | None:
    """The repository's files, as the working tree has them, without what builds and installs
    leave behind: setuptools puts every file of an old egg-info's SOURCES.txt in a new sdist,
    which would hide a file that MANIFEST.in leaves out."""
    import shutil

    tracked = _tracked()
    if tracked is None:
        return None
    for name in tracked:
        if (ROOT / name).is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, into / name)
    return into


@pytest.mark.slow
def test_the_sdist_holds_what_the_test_suite_reads(wheel: Path) -> None:
    """Packagers run the suite from the sdist: it holds every file of the repository (MANIFEST.in)
    but .gitignore, so no test finds a fixture, golden file, doc or the noxfile missing."""
    import tarfile

    tracked = _tracked()
    if tracked is None:
        pytest.skip("not a git checkout: the repository's files cannot be listed")
    tracked -= {".gitignore"}
    (sdist,) = wheel.parent.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        held = {m.name.split("/", 1)[1] for m in archive.getmembers() if m.isfile()}
    assert sorted(tracked - held) == []


@pytest.mark.slow
def test_the_wheel_holds_the_licence_data_man_page_and_completions(wheel: Path) -> None:
    data = f"hfs_info-{__version__}.data/data/"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert {
            "hfs_info/data/hemifacial_spasm.json",
            "hfs_info/data/search_vocabulary.json",
            "hfs_info/data/search_vocabulary.toml",
            "hfs_info/data/common_words.txt",
            f"hfs_info-{__version__}.dist-info/licenses/LICENSE",
        } <= names
        for where, source in SHARED.items():
            assert archive.read(data + where) == source.read_bytes(), where
        metadata = email.parser.Parser().parsestr(
            archive.read(f"hfs_info-{__version__}.dist-info/METADATA").decode()
        )
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert "Operating System :: POSIX" in metadata.get_all("Classifier")


@pytest.mark.slow
def test_the_installed_wheel_runs_as_the_development_install_does(
    wheel: Path, tmp_path: Path
) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    uv = [sys.executable, "-m", "uv"]
    python = str(env_dir / "bin" / "python")
    subprocess.run(
        [*uv, "pip", "install", "-q", "--python", python, str(wheel)],
        check=True,
        capture_output=True,
    )
    # Run from an empty directory so nothing can come from the repository: the installed tool
    # must print exactly what the development install prints.
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
    assert "MVD" in json.dumps(json.loads(result.stdout))
    # The man page and the completion scripts land under the environment's share/, where man
    # and the shells' loaders look, identical to the checked-in files.
    for where, source in SHARED.items():
        assert (env_dir / where).read_bytes() == source.read_bytes(), where
    # pip show names the licence (pip itself, as a user would run it).
    subprocess.run(
        [*uv, "pip", "install", "-q", "--python", python, "pip"], check=True, capture_output=True
    )
    shown = subprocess.run(
        [python, "-m", "pip", "show", "hfs-info"], capture_output=True, text=True, check=True
    )
    assert "License-Expression: MIT" in shown.stdout.splitlines(), shown.stdout


COMMANDS = [
    ["treatments"],
    ["stats", "--format", "csv"],
    ["export", "--format", "json"],
    ["search", "how", "long", "does", "botox", "last", "--format", "json"],
    ["figures", "1", "--format", "svg"],
    ["--version"],
]
