"""Run the `quotes` command without installing it: `python cli.py extract seeds/*.txt`."""

import sys

from quotes.cli import main

if __name__ == "__main__":
    sys.exit(main())
