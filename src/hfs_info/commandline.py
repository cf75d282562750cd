"""The command table: every command with its usage line, summary, options and argument.

GENERATED from the Typer app in cli.py by `python -m hfs_info.clidocs table`: do not
edit. tests/test_clidocs.py fails when this file no longer matches the app.
"""

from __future__ import annotations

from hfs_info.options import (
    Argument,
    CiteStyle,
    ColorChoice,
    Command,
    ExportFormat,
    Format,
    Option,
    ValidateFormat,
)

ROOT_OPTIONS: tuple[Option, ...] = (
    Option(("--debug",), "debug", False, None),
    Option(("--data",), "data", None, str),
)

COMMANDS: dict[str, Command] = {
    "overview": Command(
        usage="overview",
        summary="What hemifacial spasm is, the facial nerve, who is affected",
        options=(
            Option(("--format", "-f"), "fmt", Format.table, Format),
            Option(("--color",), "color", ColorChoice.auto, ColorChoice),
            Option(("--explain",), "explain", False, None),
        ),
        argument=None,
    ),
    "symptoms": Command(
        usage="symptoms",
        summary="How the spasm starts and spreads",
        options=(
            Option(("--format", "-f"), "fmt", Format.table, Format),
            Option(("--color",), "color", ColorChoice.auto, ColorChoice),
            Option(("--explain",), "explain", False, None),
        ),
        argument=None,
    ),
    "causes": Command(
        usage="causes",
        summary="What causes it, and its relation to trigeminal neuralgia",
        options=(
            Option(("--format", "-f"), "fmt", Format.table, Format),
            Option(("--color",), "color", ColorChoice.auto, ColorChoice),
            Option(("--explain",), "explain", False, None),
        ),
        argument=None,
    ),
    "diagnosis": Command(
        usage="diagnosis",
        summary="History and exam, MRI, EMG with NCV",
        options=(
            Option(("--format", "-f"), "fmt", Format.table, Format),
            Option(("--color",), "color", ColorChoice.auto, ColorChoice),
            Option(("--explain",), "explain", False, None),
        ),
        argument=None,
    ),
    "treatments": Command(
        usage="treatments [NAME]",
        summary="The three treatments side by side, or one in full",
        options=(
            Option(("--format", "-f"), "fmt", Format.table, Format),
            Option(("--color",), "color", ColorChoice.auto, ColorChoice),
            Option(("--explain",), "explain", False, None),
        ),
        argument=Argument("name", many=True, required=False, kind=str),
    ),
    "medications": Command(
        usage="medications",
        summary="The drugs the guide names, by class",
        options=(
            Option(("--format", "-f"), "fmt", Format.table, Format),
            Option(("--color",), "color", ColorChoice.auto, ColorChoice),
            Option(("--explain",), "explain", False, None),
        ),
        argument=None,
    ),
    "stats": Command(
        usage="stats",
        summary="Every figure in the guide, with its source",
        options=(
            Option(("--format", "-f"), "fmt", Format.table, Format),
            Option(("--color",), "color", ColorChoice.auto, ColorChoice),
            Option(("--explain",), "explain", False, None),
            Option(("--with-sources",), "with_sources", False, None),
            Option(("--chart",), "chart", False, None),
        ),
        argument=None,
    ),
    "glossary": Command(
        usage="glossary [TERM]",
        summary="All terms, or one term by name or alias",
        options=(
            Option(("--format", "-f"), "fmt", Format.table, Format),
            Option(("--color",), "color", ColorChoice.auto, ColorChoice),
        ),
        argument=Argument("term", many=True, required=False, kind=str),
    ),
    "sources": Command(
        usage="sources",
        summary="Publisher, reviewer, references, trial registries, links",
        options=(
            Option(("--format", "-f"), "fmt", Format.table, Format),
            Option(("--color",), "color", ColorChoice.auto, ColorChoice),
            Option(("--explain",), "explain", False, None),
        ),
        argument=None,
    ),
    "figures": Command(
        usage="figures [N]",
        summary="The guide's four figures; one drawn as a diagram",
        options=(
            Option(("--format", "-f"), "fmt", Format.table, Format),
            Option(("--color",), "color", ColorChoice.auto, ColorChoice),
        ),
        argument=Argument("number", many=False, required=False, kind=int),
    ),
    "export": Command(
        usage="export",
        summary="The whole reference as one Markdown, JSON or HTML document",
        options=(
            Option(("--format", "-f"), "fmt", ExportFormat.markdown, ExportFormat),
            Option(("--output", "-o"), "output", None, str),
        ),
        argument=None,
    ),
    "cite": Command(
        usage="cite",
        summary="Citations of the guide and its references (APA, BibTeX, RIS)",
        options=(Option(("--style", "-s"), "style", CiteStyle.apa, CiteStyle),),
        argument=None,
    ),
    "schema": Command(
        usage="schema",
        summary="The JSON Schema of --format json output",
        options=(),
        argument=None,
    ),
    "search": Command(
        usage="search QUERY",
        summary="Ranked full-text search over everything",
        options=(
            Option(("--limit", "-n"), "limit", 10, int, (1, 100)),
            Option(("--format", "-f"), "fmt", Format.table, Format),
            Option(("--color",), "color", ColorChoice.auto, ColorChoice),
        ),
        argument=Argument("words", many=True, required=True, kind=str),
    ),
    "validate": Command(
        usage="validate PATH",
        summary="Check a dataset file and list every problem",
        options=(Option(("--format", "-f"), "fmt", ValidateFormat.plain, ValidateFormat),),
        argument=Argument("path", many=False, required=True, kind=str),
    ),
}
