import sys

from quotes.cli import main

sys.exit(main())
