"""``python -m hfs_info``: the same as the ``hfs-info`` command."""

from hfs_info.entry import script

script()
