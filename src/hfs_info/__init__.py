"""hfs-info: a command-line reference on hemifacial spasm."""

__version__ = "0.1.0"
# The edition of the content this version carries: the guide's title, publisher and date, as the
# packaged dataset's provenance gives them (tests/test_packaging.py keeps the two in step).
EDITION = '"Hemifacial Spasm", Mayfield Clinic patient guide, updated July 2018'


def version_text() -> str:
    """What ``hfs-info --version`` prints: the program's version on the first line (as scripts
    expect it), then the edition of the content."""
    return f"hfs-info {__version__}\ncontent: {EDITION}\n"
