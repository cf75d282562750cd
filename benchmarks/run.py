"""Whole-process timings of hfs-info beside `python -c "import typer"`, in one interleaved run.

Each command runs as its own process, round-robin with the others (so a slow moment of the
machine hits all of them alike), after warm-up runs; the report gives medians, the ratio of each
median to the `import typer` median of the same run, and peak memory (max RSS). Run it with the
Python of a virtual environment where hfs-info was installed from a wheel (`pip install .`):

    python3 -m venv /tmp/hfs-bench && /tmp/hfs-bench/bin/pip install .
    /tmp/hfs-bench/bin/python benchmarks/run.py [--runs 30] [--scale] [--json results.json]

With the Python tldr client installed in the same environment (`pip install tldr`), it is timed
too, rendering a local page (`--render benchmarks/tldr-page.md`: no network needed).

Every run also times a lookup on a copy of the shipped dataset passed with --data (read and
validated from the file, as an edition of realistic size is), reported as a paired ratio to the
same lookup on the packaged data. `--scale` adds `glossary` and `search` on a dataset 100x the
shipped one (benchmarks/make_large_dataset.py), passed with --data.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
HFS = str(BIN / "hfs-info")
PY = sys.executable


# Each --data case and the same command on the packaged dataset.
EDITION_PAIRS = {
    "--data (shipped size): glossary botox -f json": "glossary botox --format json",
}
SCALE_PAIRS = {
    "100x: glossary botox --format json": "glossary botox --format json",
    "100x: search injection": "search injection",
}


def measure(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, max RSS in MiB) of one run of ``argv``.

    Runs in ``cwd``, an empty folder: ``python -c`` puts the current folder on sys.path, and a
    stray ``nt.py`` or ``typing.py`` there would be imported by the baseline and skew it.
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(argv)}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--scale", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--against",
        type=Path,
        metavar="SCRIPT",
        help="another install's hfs-info script (e.g. the wheel before a change): every case "
        "is also run with it, interleaved, and reported as a paired ratio to it",
    )
    args = parser.parse_args()

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    workdir = Path(tempfile.mkdtemp(prefix="hfs-bench-"))
    quiet = workdir / "cwd"
    quiet.mkdir()
    cases: dict[str, list[str]] = {
        "python -c 'import typer'": [PY, "-c", "import typer"],
        "glossary botox --format json": [HFS, "glossary", "botox", "--format", "json"],
        "glossary botox --format plain": [HFS, "glossary", "botox", "--format", "plain"],
        "glossary botox (table, colour)": [
            HFS, "glossary", "botox", "--format", "table", "--color", "always",
        ],
        "treatments": [HFS, "treatments"],
        "search injection": [HFS, "search", "injection"],
        "search (a question) --format json": [
            HFS, "search", "how", "long", "do", "the", "shots", "last", "--format", "json",
        ],
        "--help": [HFS, "--help"],
        "--version": [HFS, "--version"],
    }  # fmt: skip
    edition = workdir / "edition.toml"
    edition.write_text((HERE.parent / "data" / "hemifacial_spasm.toml").read_text("utf-8"))
    cases["--data (shipped size): glossary botox -f json"] = [
        HFS, "--data", str(edition), "glossary", "botox", "--format", "json",
    ]  # fmt: skip
    tldr = BIN / "tldr"
    if tldr.exists():  # the Python tldr client, if installed here: `pip install tldr`
        cases["tldr --render (a local page)"] = [str(tldr), "--render", str(HERE / "tldr-page.md")]
    if args.scale:
        large = workdir / "large.toml"
        subprocess.run(
            [PY, str(HERE / "make_large_dataset.py"), str(large)], check=True, capture_output=True
        )
        cases["100x: glossary botox --format json"] = [
            HFS,
            "--data",
            str(large),
            "glossary",
            "botox",
            "--format",
            "json",
        ]
        cases["100x: search injection"] = [HFS, "--data", str(large), "search", "injection"]
    # fmt: on
    before: dict[str, str] = {}  # the same case run by the other install, by the case's name
    if args.against is not None:
        for name, argv in list(cases.items()):
            if argv[0] == HFS:
                before[name] = f"before: {name}"
                cases[before[name]] = [str(args.against), *argv[1:]]
    for _ in range(args.warmup):
        for argv in cases.values():
            measure(argv, env, quiet)  # warm-up
    times: dict[str, list[float]] = {name: [] for name in cases}
    cpu: dict[str, list[float]] = {name: [] for name in cases}
    memory: dict[str, float] = dict.fromkeys(cases, 0.0)
    for _ in range(args.runs):
        for name, argv in cases.items():
            elapsed, used, rss = measure(argv, env, quiet)
            times[name].append(elapsed)
            cpu[name].append(used)
            memory[name] = max(memory[name], rss)
    baseline = "python -c 'import typer'"
    base = statistics.median(times[baseline])
    base_cpu = statistics.median(cpu[baseline])
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{args.runs} interleaved runs after {args.warmup} warm-up rounds; medians")
    print("(CPU = user + system time of the process; paired = the median over rounds of each")
    print(
        " round's own ratio to its `import typer` run, which cancels slow spells of the machine)\n"
    )
    print(
        f"{'command':44} {'wall':>8} {'ratio':>6} {'CPU':>8} {'ratio':>6} {'paired':>7} "
        f"{'max RSS':>9}"
    )
    results = []
    for name in cases:
        wall, used = statistics.median(times[name]), statistics.median(cpu[name])
        paired = statistics.median(t / b for t, b in zip(times[name], times[baseline], strict=True))
        print(
            f"{name:44} {wall * 1000:6.1f}ms {wall / base:5.2f}x {used * 1000:6.1f}ms "
            f"{used / base_cpu:5.2f}x {paired:6.2f}x {memory[name]:6.1f}MiB"
        )
        results.append(
            {
                "command": name,
                "wall_ms": wall * 1000,
                "wall_ratio": wall / base,
                "cpu_ms": used * 1000,
                "cpu_ratio": used / base_cpu,
                "paired_ratio": paired,
                "max_rss_mib": memory[name],
            }
        )
    print("\n--data editions against the packaged data (paired: each round's own ratio, median)")
    for name, shipped in {**EDITION_PAIRS, **(SCALE_PAIRS if args.scale else {})}.items():
        paired = statistics.median(t / s for t, s in zip(times[name], times[shipped], strict=True))
        print(f"{name:44} {paired:5.2f}x of {shipped!r}")
        results.append({"command": name, "against": shipped, "paired_ratio": paired})
    if before:
        print(f"\nAgainst {args.against} (paired: each round's own ratio, median; < 1 is faster)")
        for name, other in before.items():
            paired = statistics.median(
                t / o for t, o in zip(times[name], times[other], strict=True)
            )
            print(f"{name:44} {paired:5.3f}x")
            results.append({"command": name, "against": str(args.against), "paired_ratio": paired})
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
