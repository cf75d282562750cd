"""The list of commands and what each shows: the home screen, help and docs all use it."""

from __future__ import annotations

# (usage, what it shows), in the order `hfs-info` lists them. A test keeps it in step with cli.py.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("overview", "What hemifacial spasm is, the facial nerve, who is affected"),
    ("symptoms", "How the spasm starts and spreads"),
    ("causes", "What causes it, and its relation to trigeminal neuralgia"),
    ("diagnosis", "History and exam, MRI, EMG with NCV"),
    ("treatments [NAME]", "The three treatments side by side, or one in full"),
    ("medications", "The drugs the guide names, by class"),
    ("stats", "Every figure in the guide, with its source"),
    ("glossary [TERM]", "All terms, or one term by name or alias"),
    ("sources", "Publisher, reviewer, references, trial registries, links"),
    ("figures [N]", "The guide's four figures; one drawn as a diagram"),
    ("export", "The whole reference as one Markdown, JSON or HTML document"),
    ("fill FILE", "Bring hfs-info regions of documents up to date"),
    ("cite", "Citations of the guide and its references (APA, BibTeX, RIS)"),
    ("schema", "The JSON Schema of --format json output"),
    ("search QUERY", "Ranked full-text search over everything"),
    ("validate PATH", "Check a dataset file and list every problem"),
)


def short_help(name: str) -> str:
    """What command ``name`` shows, for the command list of ``hfs-info --help``."""
    return next(shows for usage, shows in COMMANDS if usage.split()[0] == name)
