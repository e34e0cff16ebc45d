"""quotes: cross-lingual quote attribution and tweet-source verification."""

from __future__ import annotations

__version__ = "0.1.0"
