"""Renderers for a summary `Document`: plain text, Markdown, HTML and Rich.

Each takes the same document, so every format says the same thing in its own way.
"""

from .html import render_html
from .markdown import render_markdown
from .text import render_text

__all__ = ["render_html", "render_markdown", "render_text"]
