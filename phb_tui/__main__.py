"""`python -m phb_tui` does what `phb` does."""

import sys

from .launch import main

sys.exit(main())
