"""Progress and notes synced between machines through git, merged by dlroadmap's own merge.

No Textual here: the command line and the app both call into it.
"""
