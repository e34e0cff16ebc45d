"""Markdown that carries outside text inert: what tweets, articles and archives say can
never become markup, a link or HTML in a report."""

from __future__ import annotations

import re

# Text from tweets, articles and archives goes into Markdown inert: HTML as entities,
# inline markup escaped (an "_" inside a word marks nothing and stays), and block markup
# ("#", ">", "-", "1.") at the start of a line escaped.
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_INLINE = re.compile(r"[\\`*\[\]|~]|(?<!\w)_|_(?!\w)")
_BLOCK_START = re.compile(r"^(?:([#+=-])|(\d+)([.)]))")


def inert(text: str) -> str:
    """`text` on one line, to be shown as it is in Markdown."""
    flat = " ".join(text.split())
    flat = _INLINE.sub(lambda m: "\\" + m.group(), flat)
    flat = "".join(_HTML.get(c, c) for c in flat)
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", flat)
