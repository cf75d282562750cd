"""The command table: every command with its usage line, summary, options and argument.

GENERATED from the Typer app in cli.py by `python -m hfs_info.clidocs table`: do not
edit. tests/test_clidocs.py fails when this file no longer matches the app.
"""

from __future__ import annotations

from hfs_info.options import Argument, CiteStyle, ColorChoice, Command, ExportFormat, Format, Option

ROOT_OPTIONS: tuple[Option, ...] = (
    Option(('--data',), 'data', None, str),
    Option(('--color',), 'color', None, ColorChoice),
    Option(('--no-pager',), 'no_pager', False, None),
    Option(('--debug',), 'debug', False, None),
)

COMMANDS: dict[str, Command] = {
    'overview': Command(
        'overview',
        'What hemifacial spasm is, the facial nerve, who is affected',
        (
            Option(('--format', '-f'), 'fmt', None, Format, choices=('table', 'plain', 'markdown', 'json')),
            Option(('--color',), 'color', None, ColorChoice),
            Option(('--explain',), 'explain', False, None),
            Option(('--no-pager',), 'no_pager', False, None),
            Option(('--shift-heading-level-by',), 'shift', 0, int, bounds=(0, 5)),
        ),
        None,
    ),
    'symptoms': Command(
        'symptoms',
        'How the spasm starts and spreads',
        (
            Option(('--format', '-f'), 'fmt', None, Format, choices=('table', 'plain', 'markdown', 'json')),
            Option(('--color',), 'color', None, ColorChoice),
            Option(('--explain',), 'explain', False, None),
            Option(('--no-pager',), 'no_pager', False, None),
            Option(('--shift-heading-level-by',), 'shift', 0, int, bounds=(0, 5)),
        ),
        None,
    ),
    'causes': Command(
        'causes',
        'What causes it, and its relation to trigeminal neuralgia',
        (
            Option(('--format', '-f'), 'fmt', None, Format, choices=('table', 'plain', 'markdown', 'json')),
            Option(('--color',), 'color', None, ColorChoice),
            Option(('--explain',), 'explain', False, None),
            Option(('--no-pager',), 'no_pager', False, None),
            Option(('--shift-heading-level-by',), 'shift', 0, int, bounds=(0, 5)),
        ),
        None,
    ),
    'diagnosis': Command(
        'diagnosis',
        'History and exam, MRI, EMG with NCV',
        (
            Option(('--format', '-f'), 'fmt', None, Format, choices=('table', 'plain', 'markdown', 'json')),
            Option(('--color',), 'color', None, ColorChoice),
            Option(('--explain',), 'explain', False, None),
            Option(('--no-pager',), 'no_pager', False, None),
            Option(('--shift-heading-level-by',), 'shift', 0, int, bounds=(0, 5)),
        ),
        None,
    ),
    'treatments': Command(
        'treatments [NAME]',
        'The three treatments side by side, or one in full',
        (
            Option(('--full',), 'full', False, None),
            Option(('--list', '-l'), 'names_only', False, None),
            Option(('--format', '-f'), 'fmt', None, Format, choices=('table', 'plain', 'markdown', 'json', 'csv', 'svg')),
            Option(('--color',), 'color', None, ColorChoice),
            Option(('--explain',), 'explain', False, None),
            Option(('--no-pager',), 'no_pager', False, None),
            Option(('--shift-heading-level-by',), 'shift', 0, int, bounds=(0, 5)),
        ),
        Argument('words', many=True, required=False, kind=str),
    ),
    'medications': Command(
        'medications',
        'The drugs the guide names, by class',
        (
            Option(('--list', '-l'), 'names_only', False, None),
            Option(('--format', '-f'), 'fmt', None, Format, choices=('table', 'plain', 'markdown', 'json', 'csv')),
            Option(('--color',), 'color', None, ColorChoice),
            Option(('--explain',), 'explain', False, None),
            Option(('--no-pager',), 'no_pager', False, None),
            Option(('--shift-heading-level-by',), 'shift', 0, int, bounds=(0, 5)),
        ),
        None,
    ),
    'stats': Command(
        'stats',
        'Every number in the guide, with its source',
        (
            Option(('--with-sources',), 'with_sources', False, None),
            Option(('--chart',), 'chart', False, None),
            Option(('--format', '-f'), 'fmt', None, Format, choices=('table', 'plain', 'markdown', 'json', 'csv', 'svg')),
            Option(('--color',), 'color', None, ColorChoice),
            Option(('--explain',), 'explain', False, None),
            Option(('--no-pager',), 'no_pager', False, None),
            Option(('--shift-heading-level-by',), 'shift', 0, int, bounds=(0, 5)),
        ),
        None,
    ),
    'glossary': Command(
        'glossary [TERM]',
        'All terms, or one term by name or alias',
        (
            Option(('--list', '-l'), 'names_only', False, None),
            Option(('--format', '-f'), 'fmt', None, Format, choices=('table', 'plain', 'markdown', 'json', 'csv')),
            Option(('--color',), 'color', None, ColorChoice),
            Option(('--no-pager',), 'no_pager', False, None),
            Option(('--shift-heading-level-by',), 'shift', 0, int, bounds=(0, 5)),
        ),
        Argument('words', many=True, required=False, kind=str),
    ),
    'sources': Command(
        'sources',
        'Publisher, reviewer, references, trial registries, links',
        (
            Option(('--format', '-f'), 'fmt', None, Format, choices=('table', 'plain', 'markdown', 'json')),
            Option(('--color',), 'color', None, ColorChoice),
            Option(('--explain',), 'explain', False, None),
            Option(('--no-pager',), 'no_pager', False, None),
            Option(('--shift-heading-level-by',), 'shift', 0, int, bounds=(0, 5)),
        ),
        None,
    ),
    'figures': Command(
        'figures [N]',
        "The guide's four figures; one drawn as a diagram",
        (
            Option(('--format', '-f'), 'fmt', None, Format, choices=('table', 'plain', 'markdown', 'json', 'svg')),
            Option(('--color',), 'color', None, ColorChoice),
            Option(('--no-pager',), 'no_pager', False, None),
            Option(('--shift-heading-level-by',), 'shift', 0, int, bounds=(0, 5)),
        ),
        Argument('words', many=True, required=False, kind=str),
    ),
    'export': Command(
        'export',
        'The whole reference as one Markdown, JSON or HTML document',
        (
            Option(('--format', '-f'), 'document_format', ExportFormat.auto, ExportFormat),
            Option(('--output', '-o'), 'output', None, str),
            Option(('--color',), 'color', None, ColorChoice),
            Option(('--no-pager',), 'no_pager', False, None),
            Option(('--shift-heading-level-by',), 'shift', 0, int, bounds=(0, 5)),
        ),
        None,
    ),
    'cite': Command(
        'cite',
        'Cite the guide and its references (APA, BibTeX, RIS)',
        (
            Option(('--format', '-f', '--style', '-s'), 'style', CiteStyle.apa, CiteStyle),
            Option(('--color',), 'color', None, ColorChoice),
            Option(('--no-pager',), 'no_pager', False, None),
        ),
        None,
    ),
    'schema': Command(
        'schema',
        'The JSON Schema of --format json output',
        (
            Option(('--color',), 'color', None, ColorChoice),
            Option(('--no-pager',), 'no_pager', False, None),
        ),
        None,
    ),
    'search': Command(
        'search QUERY…',
        'Ranked full-text search over everything',
        (
            Option(('--limit', '-n'), 'limit', 10, int, bounds=(1, 100)),
            Option(('--format', '-f'), 'fmt', None, Format, choices=('table', 'plain', 'markdown', 'json', 'csv')),
            Option(('--color',), 'color', None, ColorChoice),
            Option(('--no-pager',), 'no_pager', False, None),
            Option(('--shift-heading-level-by',), 'shift', 0, int, bounds=(0, 5)),
        ),
        Argument('words', many=True, required=True, kind=str),
    ),
    'validate': Command(
        'validate PATH',
        'Check a dataset file and list every problem',
        (
            Option(('--format', '-f'), 'fmt', None, Format, choices=('plain', 'json')),
            Option(('--color',), 'color', None, ColorChoice),
            Option(('--no-pager',), 'no_pager', False, None),
        ),
        Argument('path', many=False, required=True, kind=str),
    ),
    'fill': Command(
        'fill FILE…',
        'Bring the hfs-info regions of documents up to date',
        (
            Option(('--check',), 'check', False, None),
            Option(('--allow-data',), 'allow_data', False, None),
            Option(('--diff',), 'diff', False, None),
            Option(('--color',), 'color', None, ColorChoice),
            Option(('--no-pager',), 'no_pager', False, None),
        ),
        Argument('files', many=True, required=True, kind=str),
    ),
    'help': Command(
        'help [COMMAND]',
        'The help of the tool, or of one command',
        (),
        Argument('command', many=False, required=False, kind=str),
    ),
}
