"""What every `phb` command's exit status means, for scripts."""

EXIT_OK = 0
EXIT_GAPS = 1
"""`phb check` found gaps."""
EXIT_ERROR = 2
