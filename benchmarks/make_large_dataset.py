"""Write a dataset 100× the shipped one for scale benchmarks: the shipped dataset plus N
synthetic glossary entries (default 5,000). The synthetic text is clearly marked as such and
is for timing only; it is never medical content.

    python benchmarks/make_large_dataset.py /tmp/hfs-large.toml [--entries 5000]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = [
    "nerve", "muscle", "spasm", "face", "vessel", "artery", "brainstem", "signal", "twitch",
    "branch", "sponge", "injection", "relief", "surgery", "monitor", "blood", "level", "hearing",
    "weakness", "eyelid", "jaw", "cheek", "forehead", "tongue",
]  # fmt: skip


def entry(i: int, rng: random.Random) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(30))
    return (
        "\n[[glossary]]\n"
        f'id = "synthetic-{i:05d}"\n'
        f'term = "synthetic term {i:05d}"\n'
        f'definition = "SYNTHETIC TEST ENTRY, NOT MEDICAL CONTENT: {words}."\n'
        f'aliases = ["synth {i:05d}", "st{i:05d}"]\n'
        'origin = "text"\n'
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--entries", type=int, default=5000)
    args = parser.parse_args()
    rng = random.Random(1)
    shipped = (ROOT / "data" / "hemifacial_spasm.toml").read_text("utf-8")
    extra = "".join(entry(i, rng) for i in range(args.entries))
    args.output.write_text(shipped + extra, "utf-8")
    print(f"{args.output}: {args.output.stat().st_size:,} bytes, {args.entries} extra entries")


if __name__ == "__main__":
    main()
