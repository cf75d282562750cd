"""Search quality never slips back: the tuning question set keeps its score (issue 14).

benchmarks/search_quality.py reads and scores tests/fixtures/questions*.tsv; this test holds the
floor on the set search was tuned on, and on the tuning and held-out sets together. The held-out
set (written by someone who had not seen the code) was never tuned on: it alone scores lower
(docs/benchmarks.md), and the combined floor held when it was first measured, untuned. If a
change drops the combined score, fix search for the kind of question that failed, not for the
held-out question itself.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from hfs_info import search, store

ROOT = Path(__file__).parents[1]
TOP1_FLOOR = 0.90
TOP3_FLOOR = 0.97
# The blind sets (written from the guide alone; development sets since their misses were read),
# round 3: set A 94% first and 99% in the first three, set B 88% and 97% (82% and 94% when it
# was measured once, untuned), set C 89% and 98% (86% and 95% untuned). Floors a little below,
# so noise does not fail CI.
BLIND_FLOORS = {
    # Round 11 (figures not told apart, things side by side, the condition itself, a web address,
    # how often a treatment is had, a clinician's words), with main's round 11 merged: A 95.7% /
    # 98.9%, C 92.6% / 99.5%, D 85.8% / 97.9%, F 95.4% / 98.8%, G 93.9% / 98.8%, H 98.0% /
    # 99.3%, J 94.7% / 98.7%, K 95.3% / 98.3%, L 90.9% / 97.1%, M 92.6% / 97.0%; floors at the
    # whole percent below.
    "questions-blind-a.tsv": (0.97, 0.99),  # round 17 reading: 97.3% / 99.5%
    "questions-blind-b.tsv": (0.93, 0.98),  # round 17 reading: 93.2% / 98.9%
    # Set D: measured once as the claim (82% / 96%), its misses read after; a floor since.
    # round 15 reading: 87.4% / 97.9%; round 15 notes: 87.4% / 98.4%
    "questions-blind-d.tsv": (0.89, 0.98),  # round 17 ranking: 89.5% / 98.4%
    # Round 8: C 91% / 99%.
    "questions-blind-c.tsv": (0.97, 0.99),  # round 17 ranking: 97.4% / 100%
    # Set E (274 questions): measured once as the claim of round 4 (91% / 98%; the landed
    # version 90% / 97%), its misses read after; a floor since.
    # Round 13 ranking: E 97.1% / 99.6%.
    "questions-blind-e.tsv": (0.97, 0.99),
    # Set F (326 questions): measured as the claim of round 5 (87% / 94%, before and after that
    # round), its misses read after; a floor since. Round 6: 92% / 96%.
    # Round 8: 93% / 97%.
    # Round 13 ranking: F 96.0% / 99.1%.
    "questions-blind-f.tsv": (0.97, 0.99),  # round 17 reading: 97.5% / 99.7%
    # Set G (328 questions): measured once as the claim of round 6 (89% / 96%; 85% / 93% at
    # the start of that session), its misses read after; a floor since.
    # Round 8: 92% / 98%.
    "questions-blind-g.tsv": (0.95, 0.99),  # round 17 ranking: 95.7% / 99.1%
    # Set H (303 questions): measured as the claim of round 7 (91% / 94%, before and after that
    # round; "none" 81%); a floor since.
    # Round 8: 93% / 96%.
    "questions-blind-h.tsv": (0.98, 0.99),
    # Sets I (309) and J (318): sealed; I measured at the start of round 8 (93% / 97%) and both
    # after it (I 93% / 97%, J 89% / 96%), totals only; their misses read after; floors since.
    # With the typo and vocabulary fixes that followed: I 95% / 98%, J 90% / 97%.
    # Round 9 (choosing between treatments, how a treatment is done and who does it, an
    # aspect's title typed, a meaning asked): I 95.8% / 98.7%, J 91.2% / 96.9%.
    "questions-blind-i.tsv": (0.97, 0.99),  # round 17 reading: 97.7% / 100%
    # Set K (300): sealed, measured once after round 9 (1ebab01): 88% / 93%, "none" 78%
    # (answerable questions: 90.5% first, 96.7% in the first three); a floor since.
    # Round 10 (a picture named, treatments said not to work, a drug with a word for its kind,
    # a first letter spelt alike, a related word that only adds, the reference cited; and what
    # the guide lacks, search_gaps.py): measured after both merged, a little below.
    # Round 13 ranking: K 96.0% / 98.7%.
    "questions-blind-k.tsv": (0.97, 0.98),  # round 17 reading: 97.7% / 99.7%
    # Set L (307): sealed, measured once after round 10 (58985f2): 90% / 96%, "none" 88%
    # (answerable questions: 90.3% first, 98.0% in the first three); a floor since.
    # Round 11, both halves merged: L 92.5% / 98.0%, M 92.8% / 97.2%, J 95.3% / 99.1%, C
    # 93.2% / 100%.
    # Round 13 ranking: L 94.5% / 98.4%.
    "questions-blind-l.tsv": (0.97, 0.99),  # round 17 reading: 97.1% / 99.7%
    # Set M (363): sealed, measured once at the start of round 11 (39a3a0d): 89% / 94%, "none"
    # 93% (answerable: 88.5% first, 94.6% in the first three); a floor since.
    "questions-blind-m.tsv": (0.96, 0.99),  # round 15 ranking: 96.7% / 99.2%
    # Set N (352): sealed, measured once after round 11 (3f92849): 93% / 97%, "none" 97%
    # (answerable: 91.6% first, 97.4% in the first three); a floor since.
    # Round 12 ranking (a word met only beside another condition, aspects asked plainly, what a
    # treatment causes, what the guide rests on, a clinician's words for when it is used, why
    # a treatment is given, whether it works), with search12n's round 12 merged: N 94.9% /
    # 98.6%, M 94.2% / 97.8%, L 93.8% / 98.4%, J 95.9% / 99.1%, G 94.2% / 98.8%, F 95.7% /
    # 99.1%, D 86.3% / 97.9%, B 91.5% / 98.9%, A 95.7% / 99.5%; floors at the whole percent
    # below.
    # Round 13 ranking (why a thing is needed, choosing a treatment, less of the spasms): N
    # 95.2% / 98.6%.
    "questions-blind-n.tsv": (0.97, 0.99),  # round 17 reading: 97.4% / 99.7%
    # Set O (329): sealed, measured once after round 12 (e8b96c1): 89% / 95%, "none" 88%
    # (answerable: 89.7% first, 96.2% in the first three); a floor since.
    # Round 13 gaps (the treatment or the look of a rare word the guide only mentions, the
    # length of a thing it gives none of, an age limit): O 90.6% / 95.7%, "none" 94.1%.
    # Round 13 ranking (why a thing is needed, choosing a treatment, less of the spasms), with
    # round 13 gaps merged: O 92.1% / 96.4%.
    # Round 14 ranking (who carries a treatment out, when it is turned to, the course over
    # time, the aspects in patients' words): O 94.2% / 97.9%.
    "questions-blind-o.tsv": (0.95, 0.99),  # round 15 notes: 95.4% / 99.1%
    # Set P (337): sealed, measured once after round 13 (71df9a8): 94.7% / 98.5%, "none"
    # 98.6% (answerable: 93.6% first, 98.5% in the first three); a floor since.
    # Round 14 ranking: P 95.5% / 98.8%.
    # Round 16 ranking: P 97.3% / 99.4%.
    "questions-blind-p.tsv": (0.97, 0.99),
    # Set Q (360; patients' yes/no questions, a quarter the guide cannot answer): sealed,
    # measured once at the start of round 14 (94297dc): 89.4% / 93.9%, "none" 86.4%
    # (answerable: 90.3% first, 96.1% in the first three); a floor since.
    # Round 14 reading (a learner's spellings, numbers read as what they name, everyday
    # phrasing): Q 91.1% / 95.3%, P 95.3% / 98.8%, J 96.5%, L 95.4%, M 95.0%.
    # Round 14 ranking (who carries a treatment out, when it is turned to, the course over
    # time, the aspects in patients' words): Q 92.5% / 94.4% alone; with round 14 reading
    # merged, Q 93.6% / 95.6%, P 96.1% / 99.1%, O 94.5% / 98.2%, M 96.1% / 98.3%. Round 14
    # notes merged: see the integrator's measure in docs/benchmarks.md.
    "questions-blind-q.tsv": (0.96, 0.98),  # round 17 reading: 96.9% / 98.3%
    # Set R (341; an even mix of users, some questions on two topics): sealed, measured once
    # after round 14 (33b127b): 92.7% / 97.7%, "none" 98.5% (answerable: 91.2% first, 97.4% in
    # the first three); a floor since. Round 15 reading (AED, CBZ, benzos, F>M, "get to the
    # nerve"): 94.1% / 99.1%; round 15 notes alone: 92.96% / 97.9% ("none" 100%). With round
    # 15 ranking too (whether a treatment lasts, the danger of the condition, its statistics),
    # all three merged: 95.3% / 100%.
    "questions-blind-r.tsv": (0.96, 0.99),  # round 17 reading: 96.2% / 100%
    # Set S (334; people just told of the diagnosis, a third in words the guide does not use,
    # unanswerable questions made to sound answerable): sealed, measured once after round 15
    # (04ce2aa): 93.1% / 97.3%, "none" 89.6% (answerable: 94.0% first, 99.3% in the first
    # three); a floor since.
    # Round 16 reading (the © sign, the glossary listed, the sexes compared, a count in a range,
    # a clinician's shorthand): S 93.7% / 98.2%, T 96.1% / 98.7%, U 93.8% / 98.1%.
    # Round 16 ranking (the story told before a question, the recurrence asked, a figure
    # quoted, the guide pointed at), with reading merged: S 94.9% / 98.2%, T 97.4% / 99.2%,
    # U 95.0% / 98.4%.
    # Round 16 notes (alone): S 94.9% / 99.1%, T 96.1% / 98.2%, U 94.7% / 98.8%; notes and
    # reading merged: S 94.9% / 99.4%, T 96.3% / 98.9%, U 95.0% / 99.4%; all three merged:
    # S 96.1% / 99.4%, T 97.6% / 99.5%, U 96.3% / 99.7%.
    "questions-blind-s.tsv": (0.96, 0.99),
    # Set T (380; an even mix of users, as R): sealed, measured once on the final state of the
    # session (f305384): 95.8% / 97.9%, "none" 98.6% (answerable: 95.1% first, 97.7% in the
    # first three); a floor since.
    "questions-blind-t.tsv": (0.97, 0.99),
    # Set U (320; an even mix of users, as R and T): sealed, measured once on the same state as
    # T (f305384): 93.4% / 97.5%, "none" 93.1% (answerable: 93.5% first, 98.8% in the first
    # three); a floor since.
    "questions-blind-u.tsv": (0.96, 0.99),
    # Sets V (326) and W (350; even mixes of users, as T and U): sealed, measured on the state
    # of c6a8126 (V 93.9% / 97.2%, W 95.7% / 97.7%) and once more after round 16 (347dbb3):
    # V 94.2% / 97.9%, "none" 95.2%; W 96.3% / 98.0%, "none" 95.9%; a floor since.
    # Round 17 ranking (a figure's place, whether a treatment cures, a story asked what it is,
    # an unknown thing after a treatment, the rarer words, why the condition is as it is):
    # V 95.7% / 98.8%, W 96.9% / 98.3%; with round 17's notes V 96.9% / 100%, W 97.7% / 99.1%.
    "questions-blind-v.tsv": (0.96, 0.99),
    "questions-blind-w.tsv": (0.97, 0.99),
    # Sets X (336) and Y (334; even mixes of users): sealed, measured once after round 16
    # (fd2a727) and once after round 17 (8d49e9e), the same both times: X 96.4% / 98.5%, "none"
    # 94.4%; Y 96.7% / 99.1%, "none" 97.0%; a floor since.
    "questions-blind-x.tsv": (0.96, 0.98),
    "questions-blind-y.tsv": (0.96, 0.99),
    "questions-blind-j.tsv": (0.96, 0.99),
}


# Questions the guide cannot answer, said to be so (kind "none": a miss, or an answer that names
# first what the guide lacks), per blind set; round 8 (what the guide names but never says:
# search_gaps.py) raised H from 81% to 95%, G 93% to 95%, F 91% to 96%, D 93% to 97%, C 93% to
# 97%. Round 10 (a percentage or a size never given, a comparison, a treatment, pain or a
# picture the guide lacks) raised K from 78% to 91%, J 90% to 95%, I 93% to 98%, H 96% to 98%,
# G 95% to 97%, F 96% to 97%, noting no answerable question. Floors a little below.
NONE_FLOORS = {
    "questions-blind-a.tsv": 0.96,
    "questions-blind-b.tsv": 0.96,
    "questions-blind-c.tsv": 0.96,  # 100% after round 11
    "questions-blind-d.tsv": 0.99,  # 100% after round 15
    "questions-blind-e.tsv": 0.95,
    "questions-blind-f.tsv": 0.97,  # 98.5% after round 14
    "questions-blind-g.tsv": 0.96,  # 98.3% after round 14
    "questions-blind-h.tsv": 0.96,
    "questions-blind-i.tsv": 0.97,  # 93% when sealed; 100% after round 11
    "questions-blind-j.tsv": 0.94,  # 90% when sealed; 96.6% after round 11
    # 78% when sealed; 91% after round 10, 93.1% round 11, 96.6% round 14
    "questions-blind-k.tsv": 0.95,
    # 88% when sealed; 93.2% after round 11, 94.9% round 13, 96.6% round 14
    "questions-blind-l.tsv": 0.95,
    # 93% when sealed; 94.1% after round 11, 95.6% round 12, 98.5% round 14
    "questions-blind-m.tsv": 0.97,
    "questions-blind-n.tsv": 0.97,  # 97% when sealed; 100% after round 14
    # 88% when sealed; 94.1% after round 13, 95.6% round 14, 98.5% round 15
    "questions-blind-o.tsv": 0.98,
    "questions-blind-p.tsv": 0.99,  # 98.6% when sealed; 100% after round 15
    "questions-blind-r.tsv": 0.99,  # 98.5% when sealed; 100% after round 15
    "questions-blind-s.tsv": 0.98,  # 89.6% when sealed; 98.5% after round 16
    "questions-blind-t.tsv": 0.99,  # 98.6% when sealed; 100% after round 16
    "questions-blind-u.tsv": 0.98,  # 93.1% when sealed; 98.6% after round 16
    "questions-blind-q.tsv": 0.96,  # 86.4% when sealed; 97.5% after round 14
    "questions-blind-v.tsv": 0.99,  # 95.2% when sealed (after round 16); 100% round 17
    "questions-blind-w.tsv": 0.98,  # 95.9% when sealed (after round 16); 98.6% round 17
    "questions-blind-x.tsv": 0.94,  # 94.4% when sealed (rounds 16 and 17)
    "questions-blind-y.tsv": 0.96,  # 97.0% (64 of 66) when sealed (rounds 16 and 17)
}
# ... and never at the cost of noise: the answerable questions answered with such a note all
# the same (round 8: 22, 27, 26, 25, 12, 36, 43 and 20; none added by that round), a ceiling a
# little above; round 9 (20, 24, 10, 33 and 20 for A, B, E, G and I) lowered those five.
NOTED_CEILINGS = {
    # round 14 reading (IOM, NIH, illness, words of the story): G 25, H 12, I 17, J 40, K 14, L 20,
    # M 26, N 19, O 27, P 16, Q 23 (F 28)
    # round 11 (frame nouns, everyday words, a word of the address answered, the guide's things
    # in other words): A 20, B 21, C 15, D 22, E 6, F 30, G 28, H 15, I 18, J 42, K 15, L 25, M 30
    "questions-blind-a.tsv": 21,
    "questions-blind-b.tsv": 23,
    "questions-blind-c.tsv": 17,
    "questions-blind-d.tsv": 24,
    "questions-blind-e.tsv": 8,
    "questions-blind-f.tsv": 32,
    "questions-blind-g.tsv": 27,  # 32 after round 10
    "questions-blind-h.tsv": 15,
    "questions-blind-i.tsv": 16,  # 20; 16 after round 17 reading
    "questions-blind-j.tsv": 37,  # 51; 35 after round 16 reading
    "questions-blind-k.tsv": 16,  # 23 when sealed; 22 after round 10
    "questions-blind-l.tsv": 17,  # 35 when sealed; 17 after round 17 reading
    # 41 when sealed; 44 when "men" became only related (round 11); 29 after round 13
    "questions-blind-m.tsv": 23,  # 21 after round 16 reading (the sexes compared)
    "questions-blind-n.tsv": 15,  # 22 when sealed; 15 after round 17 reading
    "questions-blind-o.tsv": 29,  # 33 when sealed; 32 after round 13 (a choice: no "together")
    "questions-blind-p.tsv": 16,  # 19 when sealed; 14 after round 15 reading
    "questions-blind-q.tsv": 22,  # 28 when sealed; 20 after round 14
    # 26 when sealed; 24 after round 15 reading, 19 after round 16 reading
    "questions-blind-r.tsv": 21,
    "questions-blind-s.tsv": 27,  # 29 when sealed; 25 after round 16 reading
    "questions-blind-t.tsv": 20,  # 23 when sealed; 18 after round 16 reading
    "questions-blind-u.tsv": 20,  # 20 when sealed; 18 after round 16 reading
    "questions-blind-v.tsv": 22,  # 26 at c6a8126, 22 when sealed after round 16
    "questions-blind-w.tsv": 15,  # 18 at c6a8126, 16 when sealed after round 16, 15 round 17
    "questions-blind-x.tsv": 17,  # 17 when sealed
    "questions-blind-y.tsv": 17,  # 17 when sealed
}


def _quality() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "search_quality", ROOT / "benchmarks" / "search_quality.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


QUALITY = _quality()
TUNING = QUALITY.read(QUALITY.TUNING)


def test_the_question_set_covers_the_dataset() -> None:
    """At least 60 questions, every kind of record among the answers, every id a real record."""
    ids = {e.id for e in search.entries(store.load_packaged())}
    answers = {a for q in TUNING for a in q.answers}
    assert len(TUNING) >= 60
    assert answers <= ids, answers - ids
    assert {a.split(":")[0] for a in answers} == set(search.KINDS)
    assert any(not q.answers for q in TUNING)  # questions the guide does not answer


def test_tuning_set_score_holds() -> None:
    results = QUALITY.run(TUNING, QUALITY.ask_hfs_info)
    score = QUALITY.score(results)
    report = QUALITY.misses(results)
    assert score.top1 >= TOP1_FLOOR, report
    assert score.top3 >= TOP3_FLOOR, report


def test_tuning_and_held_out_sets_together_score_holds() -> None:
    questions = TUNING + QUALITY.read(QUALITY.HELDOUT)
    results = QUALITY.run(questions, QUALITY.ask_hfs_info)
    score = QUALITY.score(results)
    report = QUALITY.misses(results)
    assert score.top1 >= TOP1_FLOOR, report
    assert score.top3 >= TOP3_FLOOR, report


@pytest.mark.parametrize("line", ["no tabs here", "a\tb", "q\tkind\tx\ty"])
def test_a_malformed_question_line_is_refused(tmp_path: Path, line: str) -> None:
    path = tmp_path / "q.tsv"
    path.write_text(f"# comment\n\n{line}\n", "utf-8")
    with pytest.raises(SystemExit, match=r"q\.tsv:3"):
        QUALITY.read(path)


@pytest.mark.parametrize("name", sorted(BLIND_FLOORS))
def test_blind_set_score_holds(name: str) -> None:
    results = QUALITY.run(QUALITY.read(QUALITY.FIXTURES / name), QUALITY.ask_hfs_info)
    score = QUALITY.score(results)
    report = QUALITY.misses(results)
    top1, top3 = BLIND_FLOORS[name]
    assert score.count >= 150
    assert score.top1 >= top1, report
    assert score.top3 >= top3, report


@pytest.mark.parametrize("name", sorted(NONE_FLOORS))
def test_blind_set_unanswerable_questions_are_said_so_without_noise(name: str) -> None:
    results = QUALITY.run(QUALITY.read(QUALITY.FIXTURES / name), QUALITY.ask_hfs_info)
    none = QUALITY.by_kind(results)["none"]
    report = QUALITY.misses([r for r in results if not r.question.answers])
    assert none.top1 >= NONE_FLOORS[name], report
    noted = [r.question.text for r in results if r.question.answers and r.noted]
    assert len(noted) <= NOTED_CEILINGS[name], noted


def test_a_none_question_is_right_on_a_miss_or_an_answer_naming_the_missing_words() -> None:
    question = QUALITY.Question("x", "none", ())
    assert QUALITY.Result(question, ()).rank == 1
    assert QUALITY.Result(question, ("section:overview",), noted=True).rank == 1
    assert QUALITY.Result(question, ("section:overview",), noted=False).rank is None
    answered = QUALITY.ask_hfs_info("is botox safe for someone who works at a cinema")
    assert answered.noted and answered.ranked
    assert not QUALITY.ask_hfs_info("how much does botox cost").ranked


@pytest.mark.parametrize(
    ("question", "noted"),
    [
        ("what percentage of people does botox work for", True),
        ("how long does an EMG test take", True),
        ("how long does botox take to work", False),
        ("how many people get hfs", False),
        # a figure shown, but of another thing than the one named
        ("how many people get trigeminal neuralgia", True),
        ("what is an AVM", True),  # named, never explained
        ("can I take Tegretol after MVD", True),  # never spoken of together
    ],
)
def test_an_answer_saying_the_guide_gives_no_such_figure_counts_as_saying_so(
    question: str, noted: bool
) -> None:
    """Right for a question the guide cannot answer; noise for one it can."""
    answered = QUALITY.ask_hfs_info(question)
    assert answered.ranked and answered.noted is noted


def test_the_benchmark_scores_any_question_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "sealed.tsv"
    path.write_text("how long does botox last\ttreatment\ttreatment:botox/duration\n", "utf-8")
    assert QUALITY.main([str(path)]) == 0
    out = capsys.readouterr().out
    assert f"| {path} | 1 | 100% | 100% | 1.00 |" in out


def test_every_ranking_constant_can_be_switched_off_and_is_restored() -> None:
    """--ablate sets each constant to its neutral value in turn (FIGURES_TOGETHER to 0 once
    divided by zero in a rule that ranks references below figures) and puts it back."""
    import importlib

    kept = {
        (module, name): getattr(importlib.import_module(f"hfs_info.{module}"), name)
        for module, name, _ in QUALITY.ABLATIONS.values()
    }
    table = QUALITY.ablate([QUALITY.TUNING])
    rows = [line for line in table.splitlines() if line.startswith("| ") and "%" in line]
    assert len(rows) == len(QUALITY.ABLATIONS) + 2  # as shipped, each one, the small together
    for (module, name), value in kept.items():
        assert getattr(importlib.import_module(f"hfs_info.{module}"), name) == value
