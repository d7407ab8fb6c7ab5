"""`python -m micromance_tui` runs the same command line as `micromance`."""

import sys

from micromance_tui.cli import main

sys.exit(main())
