"""How deep the searching checks go: the property tests (Hypothesis) and the sweeps over every
terminal width.

``HFS_INFO_TEST_DEPTH=quick`` runs every one of them with a fifth of the examples and a sample
of the widths; anything else (the default) runs them in full. CI runs the suite in full once
per run (nox's ``tests-3.13`` session) and quick on the other Pythons (``tests-3.12``,
``floors``): what the other versions of Python or of the dependencies could break shows on the
first examples as much as on the last, and a full search three times over took half of CI's
time (docs/development.md)."""

from __future__ import annotations

import os

from hfs_info.terminal import MIN_WIDTH

DEPTH_ENV = "HFS_INFO_TEST_DEPTH"
QUICK = os.environ.get(DEPTH_ENV, "full").strip().lower() == "quick"
# Hypothesis's own default, for the tests that do not name a number of examples.
DEFAULT_EXAMPLES = 100
WIDEST = 140  # wider than any layout the tool draws: every width up to it is checked


def examples(full: int) -> int:
    """The number of examples a property test tries: ``full``, or a fifth of it (at least 10)
    at quick depth."""
    return max(10, full // 5) if QUICK else full


def widths() -> list[int]:
    """Every terminal width from the narrowest the tool supports to beyond the widest layout;
    at quick depth, every seventh of them with both ends."""
    every = list(range(MIN_WIDTH, WIDEST + 1))
    return sorted({*every[::7], every[-1]}) if QUICK else every
