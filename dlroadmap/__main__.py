"""`python -m dlroadmap`: the same as the `dlroadmap` command."""

import sys

from dlroadmap.cli import main

if __name__ == "__main__":
    sys.exit(main())
