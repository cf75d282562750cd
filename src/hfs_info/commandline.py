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
    Option(("--data",), "data", None, str),
    Option(("--color",), "color", None, ColorChoice),
    Option(("--no-pager",), "no_pager", False, None),
    Option(("--debug",), "debug", False, None),
)

COMMANDS: dict[str, Command] = {
    "overview": Command(
        usage="overview",
        summary="What hemifacial spasm is, the facial nerve, who is affected",
        options=(
            Option(
                ("--format", "-f"),
                "fmt",
                Format.table,
                Format,
                choices=("table", "plain", "markdown", "json"),
            ),
            Option(("--color",), "color", None, ColorChoice),
            Option(("--explain",), "explain", False, None),
            Option(("--no-pager",), "no_pager", False, None),
            Option(("--shift-heading-level-by",), "shift", 0, int, (0, 5)),
        ),
        argument=None,
    ),
    "symptoms": Command(
        usage="symptoms",
        summary="How the spasm starts and spreads",
        options=(
            Option(
                ("--format", "-f"),
                "fmt",
                Format.table,
                Format,
                choices=("table", "plain", "markdown", "json"),
            ),
            Option(("--color",), "color", None, ColorChoice),
            Option(("--explain",), "explain", False, None),
            Option(("--no-pager",), "no_pager", False, None),
            Option(("--shift-heading-level-by",), "shift", 0, int, (0, 5)),
        ),
        argument=None,
    ),
    "causes": Command(
        usage="causes",
        summary="What causes it, and its relation to trigeminal neuralgia",
        options=(
            Option(
                ("--format", "-f"),
                "fmt",
                Format.table,
                Format,
                choices=("table", "plain", "markdown", "json"),
            ),
            Option(("--color",), "color", None, ColorChoice),
            Option(("--explain",), "explain", False, None),
            Option(("--no-pager",), "no_pager", False, None),
            Option(("--shift-heading-level-by",), "shift", 0, int, (0, 5)),
        ),
        argument=None,
    ),
    "diagnosis": Command(
        usage="diagnosis",
        summary="History and exam, MRI, EMG with NCV",
        options=(
            Option(
                ("--format", "-f"),
                "fmt",
                Format.table,
                Format,
                choices=("table", "plain", "markdown", "json"),
            ),
            Option(("--color",), "color", None, ColorChoice),
            Option(("--explain",), "explain", False, None),
            Option(("--no-pager",), "no_pager", False, None),
            Option(("--shift-heading-level-by",), "shift", 0, int, (0, 5)),
        ),
        argument=None,
    ),
    "treatments": Command(
        usage="treatments [NAME]",
        summary="The three treatments side by side, or one in full",
        options=(
            Option(("--format", "-f"), "fmt", Format.table, Format),
            Option(("--color",), "color", None, ColorChoice),
            Option(("--explain",), "explain", False, None),
            Option(("--no-pager",), "no_pager", False, None),
            Option(("--shift-heading-level-by",), "shift", 0, int, (0, 5)),
            Option(("--full",), "full", False, None),
            Option(("--list", "-l"), "names_only", False, None),
        ),
        argument=Argument("name", many=True, required=False, kind=str),
    ),
    "medications": Command(
        usage="medications",
        summary="The drugs the guide names, by class",
        options=(
            Option(
                ("--format", "-f"),
                "fmt",
                Format.table,
                Format,
                choices=("table", "plain", "markdown", "json", "csv"),
            ),
            Option(("--color",), "color", None, ColorChoice),
            Option(("--explain",), "explain", False, None),
            Option(("--no-pager",), "no_pager", False, None),
            Option(("--shift-heading-level-by",), "shift", 0, int, (0, 5)),
            Option(("--list", "-l"), "names_only", False, None),
        ),
        argument=None,
    ),
    "stats": Command(
        usage="stats",
        summary="Every number in the guide, with its source",
        options=(
            Option(("--format", "-f"), "fmt", Format.table, Format),
            Option(("--color",), "color", None, ColorChoice),
            Option(("--explain",), "explain", False, None),
            Option(("--with-sources",), "with_sources", False, None),
            Option(("--chart",), "chart", False, None),
            Option(("--no-pager",), "no_pager", False, None),
            Option(("--shift-heading-level-by",), "shift", 0, int, (0, 5)),
        ),
        argument=None,
    ),
    "glossary": Command(
        usage="glossary [TERM]",
        summary="All terms, or one term by name or alias",
        options=(
            Option(
                ("--format", "-f"),
                "fmt",
                Format.table,
                Format,
                choices=("table", "plain", "markdown", "json", "csv"),
            ),
            Option(("--color",), "color", None, ColorChoice),
            Option(("--no-pager",), "no_pager", False, None),
            Option(("--shift-heading-level-by",), "shift", 0, int, (0, 5)),
            Option(("--list", "-l"), "names_only", False, None),
        ),
        argument=Argument("term", many=True, required=False, kind=str),
    ),
    "sources": Command(
        usage="sources",
        summary="Publisher, reviewer, references, trial registries, links",
        options=(
            Option(
                ("--format", "-f"),
                "fmt",
                Format.table,
                Format,
                choices=("table", "plain", "markdown", "json"),
            ),
            Option(("--color",), "color", None, ColorChoice),
            Option(("--explain",), "explain", False, None),
            Option(("--no-pager",), "no_pager", False, None),
            Option(("--shift-heading-level-by",), "shift", 0, int, (0, 5)),
        ),
        argument=None,
    ),
    "figures": Command(
        usage="figures [N]",
        summary="The guide's four figures; one drawn as a diagram",
        options=(
            Option(
                ("--format", "-f"),
                "fmt",
                Format.table,
                Format,
                choices=("table", "plain", "markdown", "json", "svg"),
            ),
            Option(("--color",), "color", None, ColorChoice),
            Option(("--no-pager",), "no_pager", False, None),
            Option(("--shift-heading-level-by",), "shift", 0, int, (0, 5)),
        ),
        argument=Argument("number", many=False, required=False, kind=int),
    ),
    "export": Command(
        usage="export",
        summary="The whole reference as one Markdown, JSON or HTML document",
        options=(
            Option(("--format", "-f"), "fmt", ExportFormat.auto, ExportFormat),
            Option(("--output", "-o"), "output", None, str),
            Option(("--color",), "color", None, ColorChoice),
            Option(("--no-pager",), "no_pager", False, None),
            Option(("--shift-heading-level-by",), "shift", 0, int, (0, 5)),
        ),
        argument=None,
    ),
    "cite": Command(
        usage="cite",
        summary="Cite the guide and its references (APA, BibTeX, RIS)",
        options=(
            Option(("--format", "-f", "--style", "-s"), "style", CiteStyle.apa, CiteStyle),
            Option(("--color",), "color", None, ColorChoice),
            Option(("--no-pager",), "no_pager", False, None),
        ),
        argument=None,
    ),
    "schema": Command(
        usage="schema",
        summary="The JSON Schema of --format json output",
        options=(
            Option(("--color",), "color", None, ColorChoice),
            Option(("--no-pager",), "no_pager", False, None),
        ),
        argument=None,
    ),
    "search": Command(
        usage="search QUERY…",
        summary="Ranked full-text search over everything",
        options=(
            Option(("--limit", "-n"), "limit", 10, int, (1, 100)),
            Option(
                ("--format", "-f"),
                "fmt",
                Format.table,
                Format,
                choices=("table", "plain", "markdown", "json", "csv"),
            ),
            Option(("--color",), "color", None, ColorChoice),
            Option(("--no-pager",), "no_pager", False, None),
            Option(("--shift-heading-level-by",), "shift", 0, int, (0, 5)),
        ),
        argument=Argument("words", many=True, required=True, kind=str),
    ),
    "validate": Command(
        usage="validate PATH",
        summary="Check a dataset file and list every problem",
        options=(
            Option(("--format", "-f"), "fmt", ValidateFormat.plain, ValidateFormat),
            Option(("--color",), "color", None, ColorChoice),
            Option(("--no-pager",), "no_pager", False, None),
        ),
        argument=Argument("path", many=False, required=True, kind=str),
    ),
    "fill": Command(
        usage="fill FILE…",
        summary="Bring the hfs-info regions of documents up to date",
        options=(
            Option(("--check",), "check", False, None),
            Option(("--diff",), "diff", False, None),
            Option(("--allow-data",), "allow_data", False, None),
            Option(("--color",), "color", None, ColorChoice),
            Option(("--no-pager",), "no_pager", False, None),
        ),
        argument=Argument("files", many=True, required=True, kind=str),
    ),
    "help": Command(
        usage="help [COMMAND]",
        summary="The help of the tool, or of one command",
        options=(),
        argument=Argument("command", many=False, required=False, kind=str),
    ),
}
