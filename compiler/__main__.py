"""`python -m compiler ...` runs the refgo command line (see compiler/cli.py)."""

import sys

from compiler.cli import main

sys.exit(main())
