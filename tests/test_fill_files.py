"""`fill` and `export -o` on real files: what an editor's save would keep (owner, group, mode,
links, a concurrent edit) and what it would refuse (read-only files, FIFOs, devices, folders,
process files), as root and as an ordinary user."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hfs_info import files

from .conftest import SCRIPT, nobody_can_run_the_tool, run_process

HEAD = "# Notes\n\nKept as it is, `<!-- hfs-info x -->` in code too.\n\n"
TAIL = "\nThe end, no final newline"
STALE = "<!-- hfs-info symptoms -->\nstale\n<!-- /hfs-info -->\n"
NOBODY = 65534
ROOT = os.geteuid() == 0
SETPRIV = shutil.which("setpriv")
as_root = pytest.mark.skipif(not ROOT, reason="changes owners: needs root")


as_nobody = pytest.mark.skipif(
    not nobody_can_run_the_tool(),
    reason="runs as an ordinary user: needs root, setpriv and a Python that user may run",
)


def doc(folder: Path, name: str = "doc.md", middle: str = STALE) -> Path:
    path = folder / name
    path.write_bytes((HEAD + middle + TAIL).encode())
    return path


def as_user(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """hfs-info run as the user nobody (setpriv), in ``cwd``."""
    assert SETPRIV is not None
    return subprocess.run(
        [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", str(SCRIPT), *args],
        cwd=cwd,
        capture_output=True,
        timeout=60,
        check=False,
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(cwd), "LANG": "C.UTF-8"},
    )


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder anyone may write in, in the system's temporary folder (pytest's own is private
    to the user running the tests, so nobody could not reach it)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="hfs-info-test-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".hfs-info"))


# --- what is refused before anything is read or written -------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "socket", "directory"])
def test_what_is_not_a_file_is_refused_without_waiting(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "thing.md"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    else:
        import socket

        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(path))
            result = run_process("fill", str(path))
        assert result.returncode == 2 and b"it is a socket, not a document" in result.stderr
        return
    result = run_process("fill", str(path))  # a FIFO with no writer would block a reader
    assert result.returncode == 2
    assert f"cannot read {path}: it is a".encode() in result.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null", "/dev/full"])
def test_devices_are_refused_at_once(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    started = time.monotonic()
    result = run_process("fill", device)
    assert result.returncode == 2 and result.stdout == b""
    assert (
        result.stderr
        == f"hfs-info: cannot read {device}: it is a device, not a document\n".encode()
    )
    assert time.monotonic() - started < 30  # not read until memory runs out


def test_stdin_is_not_a_document_whether_pipe_or_file(tmp_path: Path) -> None:
    marked = "<!-- hfs-info glossary mvd -->\n<!-- /hfs-info -->\n"
    piped = run_process("fill", "/dev/stdin", stdin=marked)
    assert piped.returncode == 2 and b"cannot read /dev/stdin: it is a" in piped.stderr
    path = doc(tmp_path)
    before = path.read_bytes()
    with path.open("rb") as stream:
        redirected = subprocess.run(
            [str(SCRIPT), "fill", "/dev/stdin"], stdin=stream, capture_output=True, check=False
        )
    assert redirected.returncode == 2
    assert b"a device or process file (/dev, /proc)" in redirected.stderr
    assert path.read_bytes() == before  # not rewritten through /proc/self/fd/0


def test_a_file_with_other_hard_links_is_refused(tmp_path: Path) -> None:
    path = doc(tmp_path)
    other = tmp_path / "other-name.md"
    os.link(path, other)
    before = path.read_bytes()
    result = run_process("fill", str(path))
    assert result.returncode == 2
    assert b"it has 2 hard links, and replacing it would split them" in result.stderr
    assert path.read_bytes() == other.read_bytes() == before
    assert path.stat().st_ino == other.stat().st_ino
    exported = run_process("export", "-o", str(other))
    assert exported.returncode == 2 and other.read_bytes() == before


@as_nobody
def test_a_read_only_file_is_refused_for_an_ordinary_user(shared: Path) -> None:
    path = doc(shared)
    os.chown(path, NOBODY, NOBODY)
    path.chmod(0o444)
    before = path.read_bytes()
    result = as_user("fill", path.name, cwd=shared)
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        b"hfs-info: cannot write doc.md: it is read-only (mode 444: no write permission for "
        b"anyone), so it is kept as it is; make it writable (chmod u+w) to replace it\n"
    )
    assert path.read_bytes() == before and leftovers(shared) == []
    assert as_user("fill", "--check", path.name, cwd=shared).returncode == 1  # reading is fine
    out = shared / "ro.html"
    out.write_bytes(b"old")
    os.chown(out, NOBODY, NOBODY)
    out.chmod(0o444)
    assert as_user("export", "-o", "ro.html", cwd=shared).returncode == 2
    assert out.read_bytes() == b"old"


@as_nobody
def test_a_file_the_user_may_not_write_is_refused_though_others_may(shared: Path) -> None:
    """Mode 464: the group may write it, its owner may not."""
    path = doc(shared)
    os.chown(path, NOBODY, NOBODY)
    path.chmod(0o464)
    before = path.read_bytes()
    result = as_user("fill", path.name, cwd=shared)
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        b"hfs-info: cannot write doc.md: permission denied (you may not open it for writing)\n"
    )
    assert path.read_bytes() == before and leftovers(shared) == []


@as_root
@pytest.mark.parametrize("mode", [0o444, 0o400, 0o555, 0o4444, 0o000])
def test_a_read_only_file_is_refused_for_root_too(tmp_path: Path, mode: int) -> None:
    """The system lets root write anything; a file no one may write is kept all the same, as an
    editor keeps it unless told with `!`. export -o is the same."""
    path = doc(tmp_path)
    path.chmod(mode)
    before = path.read_bytes()
    for args in (["fill", str(path)], ["export", "-o", str(path)]):
        result = run_process(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert (
            result.stderr
            == (
                f"hfs-info: cannot write {path}: it is read-only (mode {mode & 0o7777:o}: no write "
                "permission for anyone), so it is kept as it is; make it writable (chmod u+w) to "
                "replace it\n"
            ).encode()
        )
        assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == mode
    assert leftovers(tmp_path) == []
    assert run_process("fill", "--check", str(path)).returncode == 1  # reading it is fine
    path.chmod(mode | 0o200)
    assert run_process("fill", str(path)).returncode == 0


@as_nobody
def test_another_users_file_is_refused_rather_than_taken_over(shared: Path) -> None:
    """The folder lets nobody replace the file, but the copy could not keep root as its owner."""
    path = doc(shared)
    path.chmod(0o666)  # root's, writable by all: an editor would write it in place
    before = path.read_bytes()
    result = as_user("fill", path.name, cwd=shared)
    assert result.returncode == 2
    assert b"its owner and group (0:0) could not be kept" in result.stderr
    assert path.read_bytes() == before and path.stat().st_uid == 0
    assert leftovers(shared) == []


@as_nobody
def test_an_ordinary_user_fills_their_own_file_keeping_its_mode(shared: Path) -> None:
    path = doc(shared)
    os.chown(path, NOBODY, NOBODY)
    path.chmod(0o640)
    result = as_user("fill", path.name, cwd=shared)
    assert result.returncode == 0, result.stderr
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (NOBODY, NOBODY, 0o640)
    assert path.read_bytes().startswith(HEAD.encode()) and b"# Symptoms" in path.read_bytes()


# --- what is kept when a file is replaced ----------------------------------------------------


@as_root
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644, 0o2755, 0o200])
def test_owner_group_and_mode_are_kept(tmp_path: Path, mode: int) -> None:
    path = doc(tmp_path)
    os.chown(path, NOBODY, NOBODY)
    path.chmod(mode)
    assert run_process("fill", str(path)).returncode == 0
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (NOBODY, NOBODY, mode)
    text = path.read_bytes().decode()
    assert text.startswith(HEAD) and text.endswith("<!-- /hfs-info -->\n" + TAIL)
    out = tmp_path / "o.html"
    out.write_text("old")
    os.chown(out, NOBODY, NOBODY)
    out.chmod(0o640)
    assert run_process("export", "-o", str(out)).returncode == 0
    info = out.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (NOBODY, NOBODY, 0o640)
    assert out.read_text().startswith("<!DOCTYPE html>")


def test_the_temporary_file_is_never_more_readable_than_the_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Watch every temporary file at the moment its bytes are written."""
    path = tmp_path / "private.html"
    path.write_text("secret")
    path.chmod(0o600)
    seen: list[int] = []
    real_write = os.fdopen

    def watching(fd: int, *args: object, **kwargs: object):
        seen.append(stat.S_IMODE(os.fstat(fd).st_mode))
        return real_write(fd, *args, **kwargs)

    monkeypatch.setattr(files.os, "fdopen", watching)
    files.write_atomic(str(path), b"new secret text")
    assert seen and all(mode & 0o077 == 0 for mode in seen)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and path.read_bytes() == b"new secret text"


def test_a_symbolic_link_stays_a_link_to_the_new_text(tmp_path: Path) -> None:
    real = doc(tmp_path, "real.md")
    link = tmp_path / "link.md"
    link.symlink_to(real.name)
    assert run_process("fill", str(link)).returncode == 0
    assert link.is_symlink() and b"# Symptoms" in real.read_bytes()


def test_an_edit_made_while_fill_runs_is_kept_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user saves the document after fill read it and before fill writes: fill refuses and
    the user's edit stays."""
    from hfs_info import fill

    path = doc(tmp_path)
    real_produce = fill.produce

    def slow(*args, **kwargs):
        text = real_produce(*args, **kwargs)
        with path.open("ab") as stream:  # the edit lands while regions are being produced
            stream.write(b"\nUSER EDIT\n")
        return text

    monkeypatch.setattr(fill, "produce", slow)
    with pytest.raises(Exception) as error:
        fill.run(None, (str(path),), check=False, diff=False, allow_data=False)
    assert "it changed while fill ran, so nothing was written" in str(error.value)
    assert path.read_bytes() == (HEAD + STALE + TAIL + "\nUSER EDIT\n").encode()
    assert leftovers(tmp_path) == []


def test_an_edit_during_a_long_fill_in_a_real_process(tmp_path: Path) -> None:
    path = doc(tmp_path, middle=STALE * 400)
    process = subprocess.Popen([str(SCRIPT), "fill", str(path)], stderr=subprocess.PIPE)
    edited = threading.Event()

    def edit() -> None:
        time.sleep(0.3)
        with path.open("ab") as stream:
            stream.write(b"\nUSER EDIT\n")
        edited.set()

    threading.Thread(target=edit).start()
    _, err = process.communicate(timeout=120)
    edited.wait(5)
    text = path.read_bytes()
    if process.returncode == 0:  # fill was done before the edit: the edit is on top of it
        assert text.endswith(b"\nUSER EDIT\n") and b"# Symptoms" in text
    else:
        assert process.returncode == 2 and b"changed while fill ran" in err
        assert text.endswith(b"\nUSER EDIT\n") and b"# Symptoms" not in text


# --- line ends, names and arguments ----------------------------------------------------------


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_each_region_keeps_the_documents_line_ends(tmp_path: Path, end: str) -> None:
    middle = (
        "<!-- hfs-info stats -f csv -->\nold\n<!-- /hfs-info -->\n\n"
        "<!-- hfs-info symptoms -->\n<!-- /hfs-info -->\n"
    ).replace("\n", end)
    path = tmp_path / "ends.md"
    path.write_bytes((HEAD.replace("\n", end) + middle + "tail" + end).encode())
    assert run_process("fill", str(path)).returncode == 0
    text = path.read_bytes().decode()
    others = {"\n", "\r\n", "\r"} - {end}
    assert all(text.replace(end, "").count(o) == 0 for o in others)
    assert run_process("fill", "--check", str(path)).returncode == 0
    assert text.startswith(HEAD.replace("\n", end)) and text.endswith("tail" + end)


def test_check_and_diff_print_names_and_arguments_inert(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b]0;PWN\x07\x1b[2J.md"
    path.write_bytes(
        b"<!-- hfs-info search botox \x1b]0;TITLE\x07\nforged:1: line -->\n<!-- /hfs-info -->\n"
    )
    for option in ("--check", "--diff"):
        result = run_process("fill", option, str(path))
        assert b"\x1b" not in result.stdout + result.stderr
        assert b"\x07" not in result.stdout + result.stderr
    check = run_process("fill", "--check", str(path)).stdout.decode()
    assert check.count("\n") == 1  # the ARGS' own newline forges no second line
    assert (
        "evil\\x1b]0;PWN\\x07\\x1b[2J.md':1: out of date: "
        "hfs-info search botox ^[]0;TITLE^G^Jforged" in check
    )


def test_a_long_file_name_can_be_replaced(tmp_path: Path) -> None:
    path = doc(tmp_path, "n" * 250 + ".md")
    assert run_process("fill", str(path)).returncode == 0
    assert b"# Symptoms" in path.read_bytes()


# --- export -o -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["chart.svg", "x.csv", "notes.toml", "x.jsonld", "x.pdf", "page.xhtml"]
)
def test_export_refuses_an_extension_it_cannot_write(tmp_path: Path, name: str) -> None:
    """An extension of another format is refused with or without --format, and the message
    offers --format only where it would help."""
    extension = Path(name).suffix
    known = ".htm, .html, .json, .markdown, .md, .txt"
    result = run_process("export", "-o", name, cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (
        2,
        f"hfs-info: export --output {name}: cannot write a {extension} file (another "
        f"format's); export writes Markdown, HTML or JSON ({known}): rename the file\n",
    )
    for fmt, names in (("markdown", ".md, .markdown, .txt"), ("html", ".html, .htm")):
        result = run_process("export", "-f", fmt, "-o", name, cwd=tmp_path)
        assert (result.returncode, result.stderr.decode()) == (
            2,
            f"hfs-info: export --output {name}: cannot write a {extension} file (another "
            f"format's), even with --format {fmt}; name it as what it holds ({names}) or "
            "with an extension that names no format\n",
        )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["x.md.bak", "notes.orig", "handout.v2"])
def test_an_extension_of_no_format_needs_format_and_takes_it(tmp_path: Path, name: str) -> None:
    extension = Path(name).suffix
    result = run_process("export", "-o", name, cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (
        2,
        f"hfs-info: export --output {name}: {extension} names no format export writes "
        "(.htm, .html, .json, .markdown, .md, .txt); rename the file, or give --format to "
        "write it under this name\n",
    )
    assert not (tmp_path / name).exists()
    result = run_process("export", "-f", "html", "-o", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / name).read_text("utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("name", ["edition", "edition.json", "edition.md"])
def test_export_will_not_write_over_the_dataset_it_reads(tmp_path: Path, name: str) -> None:
    """A dataset is TOML whatever its name; one named like a document is still the dataset."""
    data = tmp_path / name
    shutil.copy(Path(__file__).parents[1] / "data" / "hemifacial_spasm.toml", data)
    before = data.read_bytes()
    link = tmp_path / ("same" + data.suffix)
    link.symlink_to(data.name)
    for target in (data, link):
        result = run_process("--data", str(data), "export", "-o", str(target))
        assert result.returncode == 2, result.stderr
        assert b"that is the dataset being read (--data)" in result.stderr
        env = run_process("export", "-o", str(target), env={"HFS_INFO_DATA": str(data)})
        assert env.returncode == 2
    assert data.read_bytes() == before


def test_markers_in_code_are_text_so_a_readme_can_show_them(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    shown = (
        "Write `<!-- hfs-info glossary mvd -->` and `<!-- /hfs-info -->` around a region:\n\n"
        "```markdown\n<!-- hfs-info glossary mvd -->\n<!-- /hfs-info -->\n```\n\n"
        "    <!-- hfs-info stats -->\n\n"
        "~~~\n<!-- /hfs-info -->\n~~~\n\n"
    )
    readme.write_text(shown + STALE)
    assert run_process("fill", str(readme)).returncode == 0
    text = readme.read_text()
    assert text.startswith(shown) and "# Symptoms" in text
    assert text.count("# microvascular decompression") == 0
    assert run_process("fill", "--check", str(readme)).returncode == 0


def test_a_marker_inside_a_paragraph_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_text("Some text <!-- hfs-info symptoms --> more\n<!-- /hfs-info -->\n")
    result = run_process("fill", str(path))
    assert result.returncode == 2
    assert f"{path}:1: a region marker must start a line of its own".encode() in result.stderr


if sys.platform == "win32":  # pragma: no cover
    pytestmark = pytest.mark.skip("POSIX files")


# --- pre-commit ------------------------------------------------------------------------------


def test_the_pre_commit_hooks_run_fill_on_the_files_given(tmp_path: Path) -> None:
    """Each hook of .pre-commit-hooks.yaml, run as pre-commit runs it: its entry, then the names
    of the files staged (a stale one, and one without regions)."""
    hooks = (Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text("utf-8")
    entries = dict(
        zip(
            re.findall(r"^- id: (\S+)$", hooks, re.M),
            re.findall(r"^  entry: (.+)$", hooks, re.M),
            strict=True,
        )
    )
    assert set(entries) == {"hfs-info-check", "hfs-info-fill"}
    assert re.findall(r"^  language: (\S+)$", hooks, re.M) == ["python", "python"]
    stale, plain = doc(tmp_path, "stale.md"), doc(tmp_path, "plain.md", middle="")
    before = stale.read_bytes()

    def hook(name: str) -> subprocess.CompletedProcess[bytes]:
        program, *args = entries[name].split()
        assert program == "hfs-info"
        command = [str(SCRIPT), *args, str(stale), str(plain)]
        return subprocess.run(command, capture_output=True, check=False, timeout=60)

    check = hook("hfs-info-check")
    assert check.returncode == 1 and stale.read_bytes() == before
    assert check.stdout.decode() == f"{stale}:5: out of date: hfs-info symptoms\n"
    assert hook("hfs-info-fill").returncode == 0 and stale.read_bytes() != before
    assert hook("hfs-info-check").returncode == 0


@as_nobody
def test_a_folder_the_user_cannot_write_in_is_named(tmp_path: Path) -> None:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="hfs-info-Test-"))
    try:
        folder.chmod(0o755)  # root's: nobody may write the file but not add one beside it
        path = doc(folder)
        os.chown(path, NOBODY, NOBODY)
        result = as_user("fill", str(path), cwd=tmp_path.parent.parent)
        assert result.returncode == 2
        message = f"cannot write {path}: permission denied (cannot create a file in {folder})"
        assert message.encode() in result.stderr
        assert leftovers(folder) == []
    finally:
        shutil.rmtree(folder)


def test_a_file_named_twice_is_filled_once(run, tmp_path: Path, monkeypatch) -> None:
    """`fill k.md ./k.md` (a shell glob and a name, say) fills the file once and says nothing."""
    path = tmp_path / "k.md"
    path.write_text("<!-- hfs-info medications -->\nx\n<!-- /hfs-info -->\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("fill", "k.md", "./k.md", str(path))
    assert (result.status, result.stdout, result.stderr) == (0, "", "")
    assert run("fill", "--check", "k.md", "./k.md").status == 0
    assert path.read_text("utf-8").count("<!-- /hfs-info -->") == 1


def test_a_symbolic_link_is_written_through_and_kept(tmp_path: Path) -> None:
    """As docs/formats.md says: fill and export -o replace the file a link points to, with its
    mode, and keep the link; a link that points nowhere yet gets its file."""
    real = tmp_path / "real"
    real.mkdir()
    target = doc(real)
    target.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert run_process("fill", str(link)).returncode == 0
    assert link.is_symlink() and link.readlink() == target
    assert run_process("fill", "--check", str(target)).returncode == 0  # filled
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(real / "new.md")
    assert run_process("export", "-o", str(dangling)).returncode == 0
    assert dangling.is_symlink() and (real / "new.md").read_text("utf-8").startswith("# ")


# --- extended attributes, access control lists, signals (trial 6) ---------------------------

_ACL = "system.posix_acl_access"


def _acl(entries: list[tuple[int, int, int]]) -> bytes:
    """A POSIX ACL as the kernel stores it: version 2, then (tag, permissions, id) entries."""
    import struct

    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *e) for e in entries)


_UNDEFINED = 0xFFFFFFFF
# user::rw-, user:nobody:rw-, group::r--, mask::rw-, other::---
_NOBODY_MAY_WRITE = _acl(
    [(0x01, 6, _UNDEFINED), (0x02, 6, NOBODY), (0x04, 4, _UNDEFINED), (0x10, 6, _UNDEFINED),
     (0x20, 0, _UNDEFINED)]
)  # fmt: skip


def _set(path: Path, name: str, value: bytes) -> None:
    try:
        os.setxattr(path, name, value)
    except OSError as exc:  # a file system without them (tmpfs without user xattrs, ...)
        pytest.skip(f"{name}: {exc.strerror}")


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="extended attributes: Linux")
@pytest.mark.parametrize("command", ["fill", "export"])
def test_extended_attributes_and_the_access_list_are_kept(tmp_path: Path, command: str) -> None:
    """A copy without the file's access control list would lock out the people it lets in and
    give the owning group what its mask held back (trial 6)."""
    path = doc(tmp_path)
    path.chmod(0o640)
    _set(path, "user.note", b"keep")
    _set(path, _ACL, _NOBODY_MAY_WRITE)
    mode = stat.S_IMODE(path.stat().st_mode)
    args = ("fill", str(path)) if command == "fill" else ("export", "-o", str(path))
    result = run_process(*args)
    assert result.returncode == 0, result.stderr
    assert b"# Symptoms" in path.read_bytes()
    assert os.getxattr(path, "user.note") == b"keep"
    assert os.getxattr(path, _ACL) == _NOBODY_MAY_WRITE
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="extended attributes: Linux")
def test_a_file_whose_attributes_cannot_be_kept_is_left_as_it_is(
    tmp_path: Path, monkeypatch
) -> None:
    path = doc(tmp_path)
    _set(path, "user.note", b"keep")
    before = path.read_bytes()

    def refused(*args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "setxattr", refused)
    with pytest.raises(OSError, match=r"extended attribute user\.note could not be kept"):
        files.write_atomic(str(path), b"new", before)
    assert path.read_bytes() == before and leftovers(tmp_path) == []


_KILLED_WHILE_WRITING = """
import os, signal, sys
import hfs_info.files as files
real = os.fsync
def fsync(fd):
    os.kill(os.getpid(), getattr(signal, sys.argv[2]))  # arrives while the copy is written
    real(fd)
files.os.fsync = fsync
from hfs_info.entry import main
main(["fill", sys.argv[1]])
"""


@pytest.mark.parametrize(("name", "status"), [("SIGTERM", -15), ("SIGHUP", -1), ("SIGINT", 130)])
def test_a_signal_while_writing_leaves_no_temporary_file(
    tmp_path: Path, name: str, status: int
) -> None:
    """Ctrl-C or kill while the new copy is written waits for the replacement to finish: the
    document is whole and new, nothing else is left in its folder, and the run ends as the
    signal says (trial 6: a hidden .hfs-info-*.tmp copy was left 1 time in 100 to 200)."""
    path = doc(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", _KILLED_WHILE_WRITING, str(path), name],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == status, result.stderr
    assert b"Traceback" not in result.stderr
    assert b"# Symptoms" in path.read_bytes() and path.read_bytes().startswith(HEAD.encode())
    assert leftovers(tmp_path) == []


def test_export_to_a_fifo_nothing_reads_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    result = run_process("export", "-o", str(fifo))
    assert result.returncode == 2
    assert (
        result.stderr
        == (
            f"hfs-info: cannot write {fifo}: it is a FIFO (named pipe) that nothing is reading\n"
        ).encode()
    )


def test_export_to_a_fifo_someone_reads_writes_to_it(tmp_path: Path) -> None:
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    time.sleep(0.3)
    result = run_process("export", "-o", str(fifo))
    reader.join(30)
    assert result.returncode == 0, result.stderr
    assert got and got[0].startswith(b"# ")


def test_a_file_name_ending_in_a_slash_is_no_folder(tmp_path: Path) -> None:
    path = tmp_path / "f.md"
    path.write_text("x\n")
    result = run_process("export", "-o", f"{path}/")
    assert result.returncode == 2
    assert (
        result.stderr
        == (f"hfs-info: cannot write {path}/: not a directory (the name ends in '/')\n").encode()
    )
    assert path.read_text() == "x\n"


def test_a_read_only_file_system_is_named(tmp_path: Path, monkeypatch) -> None:
    path = doc(tmp_path)

    class ReadOnly:
        f_flag = os.ST_RDONLY

    monkeypatch.setattr(os, "access", lambda *a, **k: False)
    monkeypatch.setattr(os, "statvfs", lambda p: ReadOnly())
    with pytest.raises(OSError, match="it is on a read-only file system"):
        files.check_replaceable(str(path))


@pytest.mark.skipif(not Path("/dev/shm").is_dir(), reason="no /dev/shm")
def test_a_document_in_dev_shm_is_an_ordinary_file(tmp_path: Path) -> None:
    """/dev/shm is a folder of ordinary files (a tmpfs): fill and export treat them alike."""
    import tempfile

    folder = Path(tempfile.mkdtemp(dir="/dev/shm"))
    try:
        target = doc(folder)
        link = tmp_path / "doc.md"
        link.symlink_to(target)
        result = run_process("fill", str(link))
        assert result.returncode == 0, result.stderr
        assert b"# Symptoms" in target.read_bytes()
    finally:
        shutil.rmtree(folder)


def test_a_document_larger_than_the_limit_is_refused_unread(tmp_path: Path) -> None:
    from hfs_info import fill

    path = tmp_path / "huge.md"
    with path.open("wb") as stream:  # sparse: no disk used
        stream.truncate(fill.MAX_DOCUMENT_BYTES + 1)
    result = run_process("fill", str(path))
    assert result.returncode == 2
    assert (
        result.stderr
        == (
            f"hfs-info: cannot read {path}: it is larger than 64 MiB, the most read of a document\n"
        ).encode()
    )
