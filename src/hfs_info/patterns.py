"""Regular expressions compiled when first used, not when their module is imported.

Every search starts a new process, and each compiled pattern costs it tens of microseconds:
most of the search modules' patterns serve only some questions ("what happens if ...", a
number typed, a figure named), so a search compiles only the ones its question reaches
(docs/benchmarks.md). A deferred pattern behaves as the compiled one for every method and
attribute; only ``re``'s module functions, which want a real pattern, are not given one."""

from __future__ import annotations

import re
from typing import Any, cast


class _Deferred:
    """A pattern and its flags, compiled at the first use of any attribute; each attribute
    then stays on the instance, so later uses cost as much as the compiled pattern's."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = re.compile(*self._source)
        value = getattr(compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"deferred({self._source[0]!r}, {self._source[1]!r})"


def deferred(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _Deferred(pattern, int(flags)))
