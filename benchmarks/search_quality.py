"""How often `hfs-info search` puts the right passage first: top-1, top-3 and mean reciprocal rank.

Scores question sets (QUESTION<TAB>KIND<TAB>ANSWERS, see the head of tests/fixtures/questions.tsv),
per kind of question and in total. The headline is the blind sets, written from the guide alone
by people who had not seen the code, the dataset or the tuning set; the tuning score is shown
beside them, never instead:

    .venv/bin/python benchmarks/search_quality.py             # every set in tests/fixtures
    .venv/bin/python benchmarks/search_quality.py FILE...     # any set, e.g. a sealed one
    .venv/bin/python benchmarks/search_quality.py --misses    # also list every question not first

questions.tsv is the set search was tuned on; questions-heldout.tsv and questions-blind-a.tsv
to -p.tsv were written blind, but their misses have been read, so they are development sets now
(sets B to H were each measured before that, docs/benchmarks.md): a claim
needs a fresh, unseen set (give its path). A question of kind "none" (ANSWERS "-") is right when
search says the guide does not answer it: a miss (exit 1), or an answer that first names the
question's topic words the guide does not use (the "Not in the guide" or "does not mention"
note). "noted" counts the answerable questions that got such a note all the same (noise).
tests/test_search_quality.py holds floors.
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
BLIND_A = FIXTURES / "questions-blind-a.tsv"
BLIND_B = FIXTURES / "questions-blind-b.tsv"
BLIND_C = FIXTURES / "questions-blind-c.tsv"
BLIND_D = FIXTURES / "questions-blind-d.tsv"
BLIND_E = FIXTURES / "questions-blind-e.tsv"
BLIND_F = FIXTURES / "questions-blind-f.tsv"
BLIND_G = FIXTURES / "questions-blind-g.tsv"
BLIND_H = FIXTURES / "questions-blind-h.tsv"
BLIND_I = FIXTURES / "questions-blind-i.tsv"
BLIND_J = FIXTURES / "questions-blind-j.tsv"
BLIND_K = FIXTURES / "questions-blind-k.tsv"
BLIND_L = FIXTURES / "questions-blind-l.tsv"
BLIND_M = FIXTURES / "questions-blind-m.tsv"
BLIND_N = FIXTURES / "questions-blind-n.tsv"
BLIND_O = FIXTURES / "questions-blind-o.tsv"
BLIND_P = FIXTURES / "questions-blind-p.tsv"
BLIND_Q = FIXTURES / "questions-blind-q.tsv"
BLIND_R = FIXTURES / "questions-blind-r.tsv"
BLIND_S = FIXTURES / "questions-blind-s.tsv"
BLIND_T = FIXTURES / "questions-blind-t.tsv"
BLIND_U = FIXTURES / "questions-blind-u.tsv"
BLIND_V = FIXTURES / "questions-blind-v.tsv"
BLIND_W = FIXTURES / "questions-blind-w.tsv"
BLIND_X = FIXTURES / "questions-blind-x.tsv"
BLIND_Y = FIXTURES / "questions-blind-y.tsv"
NAMES = {
    BLIND_Y: "blind set Y (questions-blind-y.tsv; written blind, final claim, development set)",
    BLIND_X: "blind set X (questions-blind-x.tsv; written blind, final claim, development set)",
    BLIND_W: "blind set W (questions-blind-w.tsv; written blind, round 16 claim, development set)",
    BLIND_V: "blind set V (questions-blind-v.tsv; written blind, round 16 claim, development set)",
    BLIND_U: "blind set U (questions-blind-u.tsv; written blind, final claim, development set)",
    BLIND_T: "blind set T (questions-blind-t.tsv; written blind, final claim, development set)",
    BLIND_S: "blind set S (questions-blind-s.tsv; written blind, round 15 claim, development set)",
    BLIND_R: "blind set R (questions-blind-r.tsv; written blind, round 14 claim, development set)",
    BLIND_Q: "blind set Q (questions-blind-q.tsv; written blind, round 14 start, development set)",
    BLIND_P: "blind set P (questions-blind-p.tsv; written blind, round 13 claim, development set)",
    BLIND_O: "blind set O (questions-blind-o.tsv; written blind, round 12 claim, development set)",
    BLIND_N: "blind set N (questions-blind-n.tsv; written blind, round 11 claim, development set)",
    BLIND_M: "blind set M (questions-blind-m.tsv; written blind, round 11 start, development set)",
    BLIND_L: "blind set L (questions-blind-l.tsv; written blind, round 10 claim, development set)",
    BLIND_K: "blind set K (questions-blind-k.tsv; written blind, round 9 claim, a development set)",
    BLIND_J: "blind set J (questions-blind-j.tsv; written blind, round 8 claim, a development set)",
    BLIND_I: "blind set I (questions-blind-i.tsv; written blind, round 8 claim, a development set)",
    BLIND_H: "blind set H (questions-blind-h.tsv; written blind, round 7 claim, a development set)",
    BLIND_G: "blind set G (questions-blind-g.tsv; written blind, round 6 claim, a development set)",
    BLIND_F: "blind set F (questions-blind-f.tsv; written blind, round 5 claim, a development set)",
    BLIND_E: "blind set E (questions-blind-e.tsv; written blind, round 4 claim, a development set)",
    BLIND_D: "blind set D (questions-blind-d.tsv; written blind, round 3 claim, a development set)",
    BLIND_B: "blind set B (questions-blind-b.tsv; written blind, measured once, a development set)",
    BLIND_C: "blind set C (questions-blind-c.tsv; written blind, measured once, a development set)",
    TUNING: "tuning set (questions.tsv; tuned on)",
    HELDOUT: "held-out set (questions-heldout.tsv; written blind, misses since read)",
    BLIND_A: "blind set A (questions-blind-a.tsv; written blind, a development set)",
}
# The blind sets, newest first, and the held-out set: the headline, and what --ablate scores.
BLIND_SETS = (
    BLIND_Y,
    BLIND_X,
    BLIND_W,
    BLIND_V,
    BLIND_U,
    BLIND_T,
    BLIND_S,
    BLIND_R,
    BLIND_Q,
    BLIND_P,
    BLIND_O,
    BLIND_N,
    BLIND_M,
    BLIND_L,
    BLIND_K,
    BLIND_J,
    BLIND_I,
    BLIND_H,
    BLIND_G,
    BLIND_F,
    BLIND_E,
    BLIND_D,
    BLIND_B,
    BLIND_C,
    BLIND_A,
    HELDOUT,
)
NONE = "-"
REFUSED = "(refused)"


class Question(NamedTuple):
    text: str
    kind: str
    answers: tuple[str, ...]  # empty: the guide does not answer it


class Answer(NamedTuple):
    ranked: tuple[str, ...]  # the ids search returned, best first; empty for a miss
    noted: bool = False  # the answer first names typed topic words the guide does not use


class Result(NamedTuple):
    question: Question
    ranked: tuple[str, ...]
    noted: bool = False

    @property
    def rank(self) -> int | None:
        """1-based rank of the first right answer (a right miss, or an answer that says the
        guide does not use the question's topic words, counts as rank 1)."""
        if not self.question.answers:
            return 1 if not self.ranked or self.noted else None
        for i, found in enumerate(self.ranked, start=1):
            if found in self.question.answers:
                return i
        return None


class Score(NamedTuple):
    count: int
    top1: float
    top3: float
    mrr: float
    noted: int = 0  # answerable questions answered with a "not in the guide" note


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


def run(questions: Sequence[Question], ask: Callable[[str], Answer]) -> list[Result]:
    out = []
    for q in questions:
        got = ask(q.text)
        out.append(Result(q, got.ranked, got.noted))
    return out


def score(results: Sequence[Result]) -> Score:
    ranks = [r.rank for r in results]
    n = len(ranks) or 1
    return Score(
        len(ranks),
        sum(1 for r in ranks if r == 1) / n,
        sum(1 for r in ranks if r is not None and r <= 3) / n,
        sum(1 / r for r in ranks if r is not None) / n,
        sum(1 for r in results if r.question.answers and r.noted),
    )


def by_kind(results: Sequence[Result]) -> dict[str, Score]:
    kinds = sorted({r.question.kind for r in results})
    return {k: score([r for r in results if r.question.kind == k]) for k in kinds}


def ask_hfs_info(text: str) -> Answer:
    """The record ids `hfs-info search` returns for ``text`` (10 at most), or none for a miss;
    and whether the answer names typed words the guide does not use."""
    from hfs_info import search, store
    from hfs_info.errors import NotFoundError, UsageError

    try:
        found = search.answer(store.load_packaged(), text)
    except NotFoundError:
        return Answer(())
    except UsageError:  # refused (too long): never a right answer, not even to "none"
        return Answer((REFUSED,))
    return Answer(tuple(hit.id for hit in found.hits), found.lacks)


def table(title: str, results: Sequence[Result]) -> str:
    lines = [
        f"### {title}",
        "",
        "| kind of question | questions | top-1 | top-3 | MRR | noted |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    rows = [*by_kind(results).items(), ("**all**", score(results))]
    for kind, s in rows:
        cells = f"{s.count} | {s.top1:.0%} | {s.top3:.0%} | {s.mrr:.2f} | {s.noted}"
        lines.append(f"| {kind} | {cells} |")
    return "\n".join(lines)


def misses(results: Sequence[Result]) -> str:
    out = []
    for r in results:
        if r.rank != 1:
            where = "not in the hits" if r.rank is None else f"rank {r.rank}"
            got = ", ".join(r.ranked[:3]) or "(no hit)"
            out.append(f"- {r.question.text!r} [{r.question.kind}]: {where}; got {got}")
    return "\n".join(out)


# Each ranking constant and its neutral value (the ranking without it), for --ablate.
ABLATIONS: dict[str, tuple[str, str, object]] = {
    "title and names weigh more (BM25 column weights)": (
        "search_index",
        "WEIGHTS",
        (0.0, 0.0, 1.0, 1.0, 1.0, 1.0),
    ),
    "questions each record answers (document expansion, ASKS_WEIGHT)": (
        "search_index",
        "ASKS_WEIGHT",
        0.0,
    ),
    "other terms of a concept add (OTHER_TERMS)": ("search", "OTHER_TERMS", 0.0),
    "coverage of the question's concepts (COVERAGE)": ("search", "COVERAGE", 0.0),
    "record named exactly (NAME_BONUS)": ("search", "NAME_BONUS", 1.0),
    "kind priors (_PRIOR)": ("search", "_PRIOR", "ones"),
    "definition priors (_DEFINITION_PRIOR)": ("search", "_DEFINITION_PRIOR", "ones"),
    "number priors (_NUMBER_PRIOR)": ("search", "_NUMBER_PRIOR", "ones"),
    "results, own record, statistic just above (FIGURES_TOGETHER)": (
        "search",
        "FIGURES_TOGETHER",
        0.0,
    ),
    "unnamed glossary term or drug (_UNNAMED_TERM)": ("search", "_UNNAMED_TERM", 1.0),
    "subject words weigh less (SUBJECT_WEIGHT)": ("search_analysis", "SUBJECT_WEIGHT", 1.0),
}


def ablate(files: Sequence[Path]) -> str:
    """Top-1 and top-3 of ``files`` together with each ranking constant set to its neutral
    value, against the ranking as shipped."""
    questions = [q for path in files for q in read(path)]
    base = score(run(questions, ask_hfs_info))
    lines = [
        f"Questions: {len(questions)} ({', '.join(p.name for p in files)})",
        "",
        "| without | top-1 | change | top-3 | change |",
        "|---|---:|---:|---:|---:|",
        f"| (nothing: as shipped) | {base.top1:.1%} | | {base.top3:.1%} | |",
    ]
    small: list[str] = []
    for label, ablation in ABLATIONS.items():
        module, name, kept = _neutral(ablation)
        try:
            s = score(run(questions, ask_hfs_info))
        finally:
            setattr(module, name, kept)
        d1, d3 = (s.top1 - base.top1) * 100, (s.top3 - base.top3) * 100
        lines.append(f"| {label} | {s.top1:.1%} | {d1:+.1f} | {s.top3:.1%} | {d3:+.1f} |")
        if d1 > -2.0:
            small.append(label)
    # Constants that each move less than 2 points may still matter together.
    kept = {label: _neutral(ABLATIONS[label]) for label in small}
    try:
        s = score(run(questions, ask_hfs_info))
    finally:
        for module, name, value in kept.values():
            setattr(module, name, value)
    d1, d3 = (s.top1 - base.top1) * 100, (s.top3 - base.top3) * 100
    label = f"all {len(small)} that move less than 2 points alone, together"
    lines.append(f"| {label} | {s.top1:.1%} | {d1:+.1f} | {s.top3:.1%} | {d3:+.1f} |")
    return "\n".join(lines)


def _neutral(ablation: tuple[str, str, object]) -> tuple[object, str, object]:
    """Set one constant to its neutral value; return (module, name, value kept)."""
    import importlib

    module_name, name, neutral = ablation
    module = importlib.import_module(f"hfs_info.{module_name}")
    kept = getattr(module, name)
    setattr(module, name, dict.fromkeys(kept, 1.0) if neutral == "ones" else neutral)
    return module, name, kept


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "files", nargs="*", type=Path, help="question sets (default: every set in tests/fixtures)"
    )
    parser.add_argument("--misses", action="store_true", help="list questions not answered first")
    parser.add_argument(
        "--ablate",
        action="store_true",
        help="score the sets together with each ranking constant switched off in turn",
    )
    args = parser.parse_args(argv)
    if args.ablate:
        print(ablate(args.files or [f for f in BLIND_SETS if f.exists()]))
        return 0
    files = args.files or [f for f in (*BLIND_SETS, TUNING) if f.exists()]
    headline: list[str] = []
    for path in files:
        results = run(read(path), ask_hfs_info)
        name = NAMES.get(path.resolve(), str(path))
        s = score(results)
        headline.append(f"| {name} | {s.count} | {s.top1:.0%} | {s.top3:.0%} | {s.mrr:.2f} |")
        print(table(name, results), end="\n\n")
        if args.misses and misses(results):
            print(misses(results), end="\n\n")
    print("### Headline (blind sets first; the tuning set is not a measure of generality)\n")
    print("| question set | questions | top-1 | top-3 | MRR |\n|---|---:|---:|---:|---:|")
    print("\n".join(headline))
    return 0


if __name__ == "__main__":
    sys.exit(main())
