"""The user's standing preferences: ``HFS_INFO_FORMAT`` and the config file
``$XDG_CONFIG_HOME/hfs-info/config.toml`` (else ``~/.config/hfs-info/config.toml``), with the keys
``format``, ``color`` and ``pager``. How they rank against the flags and the other variables is
display.py's to decide; this module only finds and reads them.

A run without a config file pays one ``stat`` of its path and nothing more (no TOML parser is
imported). A file that cannot be read or parsed, or that holds a key or value this tool does not
know, is a usage error naming the file (with line and column for a parse error): a typo in a
preference should not be silently ignored.
"""

import os
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple, TypeVar

from hfs_info.errors import UsageError
from hfs_info.options import PROG, ColorChoice, Format

FORMAT_ENV = "HFS_INFO_FORMAT"


class Preferences(NamedTuple):
    """What the config file says; None where it says nothing."""

    format: Format | None = None
    color: ColorChoice | None = None
    pager: str | None = None  # a command line; "" or "cat": no pager


NONE = Preferences()


def config_path(environ: Mapping[str, str]) -> str | None:
    """Where the config file is, or None when there is no home to look in. An
    ``XDG_CONFIG_HOME`` that is empty or not absolute is ignored, as the XDG spec says."""
    base = environ.get("XDG_CONFIG_HOME", "")
    if not os.path.isabs(base):
        home = environ.get("HOME", "")
        if not home:
            return None
        base = os.path.join(home, ".config")
    return os.path.join(base, PROG, "config.toml")


def load(environ: Mapping[str, str]) -> Preferences:
    """The config file's preferences (NONE when there is no file)."""
    path = config_path(environ)
    if path is None:
        return NONE
    try:
        os.stat(path)
    except OSError:
        # Missing, or behind a folder this user may not search (sudo, another user's HOME,
        # as git takes it): no preferences. A file that is there but unreadable is an error.
        return NONE
    return _parse(path)


def _parse(path: str) -> Preferences:
    import tomli

    from hfs_info.text import shown_name

    name = shown_name(path)  # as messages show it
    try:
        with open(path, "rb") as file:
            data = file.read(1 << 20)
    except OSError as exc:
        raise UsageError(f"{name}: {(exc.strerror or str(exc)).lower()}") from None
    try:
        raw = tomli.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise UsageError(f"{name}:{line}:{column}: not UTF-8 text") from None
    except tomli.TOMLDecodeError as exc:
        row, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        where = f"{name}:{row}:{col}" if row is not None else name
        raise UsageError(f"{where}: malformed TOML: {getattr(exc, 'msg', exc)}") from None
    unknown = sorted(set(raw) - set(Preferences._fields))
    if unknown:
        raise UsageError(
            f"{name}: unknown key {unknown[0]!r}; the keys are format, color and pager"
        )
    return Preferences(
        format=_choice(name, raw, "format", Format),
        color=_choice(name, raw, "color", ColorChoice),
        pager=_text(name, raw, "pager"),
    )


E = TypeVar("E", Format, ColorChoice)


def _choice(path: str, raw: dict[str, Any], key: str, kind: type[E]) -> E | None:
    value = raw.get(key)
    if value is None:
        return None
    names = [member.value for member in kind]
    if not isinstance(value, str) or value.casefold() not in names:
        raise UsageError(f"{path}: {key} = {value!r} is not one of {', '.join(names)}")
    return kind(value.casefold())


def _text(path: str, raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise UsageError(f"{path}: {key} must be a string (a command line), not {value!r}")
    return value


def preferred_format(environ: Mapping[str, str], file: Callable[[], Preferences]) -> Format | None:
    """``HFS_INFO_FORMAT``, else the config file's ``format`` (``file`` reads it); None when
    neither says."""
    value = environ.get(FORMAT_ENV, "")
    if not value:
        return file().format
    try:
        return Format(value.casefold())
    except ValueError:
        names = ", ".join(member.value for member in Format)
        raise UsageError(f"{FORMAT_ENV}={value!r} is not a format; the formats: {names}") from None
