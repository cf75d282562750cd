"""hfs-info: a command-line reference on hemifacial spasm."""

__version__ = "0.1.0"
# The edition of the content this version carries: the guide's title, publisher and date, as the
# packaged dataset's provenance gives them (tests/test_packaging.py keeps the two in step).
EDITION = '"Hemifacial Spasm", Mayfield Clinic patient guide, updated July 2018'


def version_text(data: str | None = None, given_as: str = "--data") -> str:
    """What ``hfs-info --version`` prints: the program's version on the first line (as scripts
    expect it), then the edition of the packaged content; and, when a dataset file is given
    (``data``, by ``given_as``: --data or HFS_INFO_DATA), that the commands read that file
    instead (it is not read here: the version answers whatever the file holds)."""
    text = f"hfs-info {__version__}\ncontent: {EDITION}\n"
    if data:
        from hfs_info.text import shown_name

        text += f"data: the commands read {shown_name(data)} ({given_as}) instead\n"
    return text
