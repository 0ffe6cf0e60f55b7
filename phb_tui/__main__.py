"""`python -m phb_tui` does what `phb` does."""

import sys

from .cli import main

sys.exit(main())
