"""How often `hfs-info search` puts the right passage first: top-1, top-3 and mean reciprocal rank.

Scores the question sets in tests/fixtures/ (QUESTION<TAB>KIND<TAB>ANSWERS, see the head of
questions.tsv), per kind of question and in total:

    .venv/bin/python benchmarks/search_quality.py            # tuning set, then held-out set
    .venv/bin/python benchmarks/search_quality.py --misses   # also list every question not first

questions.tsv is the set search was tuned on; questions-heldout.tsv was written by someone who
had not seen the search code and is never tuned on, so its score is the honest one. A question
of kind "none" (ANSWERS "-") is right when search says the guide does not answer it (exit 1).
tests/test_search_quality.py holds the tuning set's score above the floor.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "tests" / "fixtures"
TUNING = FIXTURES / "questions.tsv"
HELDOUT = FIXTURES / "questions-heldout.tsv"
NONE = "-"


class Question(NamedTuple):
    text: str
    kind: str
    answers: tuple[str, ...]  # empty: the guide does not answer it


class Result(NamedTuple):
    question: Question
    ranked: tuple[str, ...]  # the ids search returned, best first; empty for a miss

    @property
    def rank(self) -> int | None:
        """1-based rank of the first right answer (a right miss counts as rank 1)."""
        if not self.question.answers:
            return None if self.ranked else 1
        for i, found in enumerate(self.ranked, start=1):
            if found in self.question.answers:
                return i
        return None


class Score(NamedTuple):
    count: int
    top1: float
    top3: float
    mrr: float


def read(path: Path) -> list[Question]:
    out = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not parts[0].strip():
            raise SystemExit(f"{path}:{number}: expected QUESTION<TAB>KIND<TAB>ANSWERS")
        text, kind, answers = (p.strip() for p in parts)
        ids = () if answers == NONE else tuple(answers.split())
        out.append(Question(text, kind, ids))
    return out


def run(questions: Sequence[Question], ask: Callable[[str], Sequence[str]]) -> list[Result]:
    return [Result(q, tuple(ask(q.text))) for q in questions]


def score(results: Sequence[Result]) -> Score:
    ranks = [r.rank for r in results]
    n = len(ranks) or 1
    return Score(
        len(ranks),
        sum(1 for r in ranks if r == 1) / n,
        sum(1 for r in ranks if r is not None and r <= 3) / n,
        sum(1 / r for r in ranks if r is not None) / n,
    )


def by_kind(results: Sequence[Result]) -> dict[str, Score]:
    kinds = sorted({r.question.kind for r in results})
    return {k: score([r for r in results if r.question.kind == k]) for k in kinds}


def ask_hfs_info(text: str) -> list[str]:
    """The record ids `hfs-info search` returns for ``text`` (10 at most), or [] for a miss."""
    from hfs_info import search, store
    from hfs_info.errors import NotFoundError

    try:
        return [hit.id for hit in search.search(store.load_packaged(), text)]
    except NotFoundError:
        return []


def table(title: str, results: Sequence[Result]) -> str:
    lines = [
        f"### {title}",
        "",
        "| kind of question | questions | top-1 | top-3 | MRR |",
        "|---|---:|---:|---:|---:|",
    ]
    rows = [*by_kind(results).items(), ("**all**", score(results))]
    for kind, s in rows:
        lines.append(f"| {kind} | {s.count} | {s.top1:.0%} | {s.top3:.0%} | {s.mrr:.2f} |")
    return "\n".join(lines)


def misses(results: Sequence[Result]) -> str:
    out = []
    for r in results:
        if r.rank != 1:
            where = "not in the hits" if r.rank is None else f"rank {r.rank}"
            got = ", ".join(r.ranked[:3]) or "(no hit)"
            out.append(f"- {r.question.text!r} [{r.question.kind}]: {where}; got {got}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="question sets (default: both)")
    parser.add_argument("--misses", action="store_true", help="list questions not answered first")
    args = parser.parse_args(argv)
    files = args.files or [f for f in (TUNING, HELDOUT) if f.exists()]
    names = {TUNING: "tuning set (questions.tsv)", HELDOUT: "held-out set (not tuned on)"}
    everything: list[Result] = []
    for path in files:
        results = run(read(path), ask_hfs_info)
        everything += results
        print(table(names.get(path.resolve(), path.name), results), end="\n\n")
        if args.misses and misses(results):
            print(misses(results), end="\n\n")
    if len(files) > 1:
        print(table("both sets together", everything))
    return 0


if __name__ == "__main__":
    sys.exit(main())
