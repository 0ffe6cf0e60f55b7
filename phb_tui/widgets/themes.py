"""A high-contrast theme, beside Textual's own light, dark and terminal (ANSI) themes.

Pure white and yellow on black, for people who find the usual themes' soft greys hard to read.
Nothing in PHB Planner depends on colour to be understood; this is for comfort.
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#333333",
    warning="#FFFF00",
    error="#FF6666",
    success="#66FF66",
    dark=True,
    variables={
        "text-muted": "#FFFFFF",
        "footer-key-foreground": "#FFFF00",
        "input-selection-background": "#FFFF00 40%",
    },
)
