"""`phb serve`: PHB Planner in a web browser, on the person's own computer (the app shell's layer)."""
