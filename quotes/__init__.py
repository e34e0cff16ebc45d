"""quotes: cross-lingual quote attribution and tweet-source verification."""

from __future__ import annotations

from types import ModuleType

__version__ = "0.1.0"

# Modules that `from quotes import X` hands out unloaded: each runs when first used, so a
# command pays only for what it uses (`quotes --help` loads none of them).
_LAZY = frozenset({"embed", "lang", "pipeline", "report", "report_text", "sources_web",
                   "store", "story", "translate"})


def __getattr__(name: str) -> ModuleType:
    if name not in _LAZY:
        raise AttributeError(f"module 'quotes' has no attribute {name!r}")
    from quotes.lazy import lazy_module

    return lazy_module(f"{__name__}.{name}")
