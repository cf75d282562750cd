"""``python -m hfs_info``: the same as the ``hfs-info`` command, with the usual interpreter exit
(so ``python -m cProfile -m hfs_info …`` and atexit handlers work)."""

from hfs_info.entry import main

main()
