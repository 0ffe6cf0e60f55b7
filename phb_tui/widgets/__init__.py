"""Widgets shared by the step screens: forms, lists of entries, the journey bar, dialogs."""
