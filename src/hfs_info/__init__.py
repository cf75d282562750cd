"""hfs-info: a command-line reference on hemifacial spasm."""

__version__ = "0.1.0"
