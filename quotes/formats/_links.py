"""Turning a tweet's stored text back into what its author typed and readers saw."""

from __future__ import annotations

import re
from collections.abc import Callable

# Twitter escapes exactly these three in stored text; html.unescape would also touch
# things like "&copy" that the author may really have typed.
_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


def unescape_twitter(text: str) -> str:
    for entity, char in _ENTITIES:
        text = text.replace(entity, char)
    return text


def _link(short: str) -> re.Pattern[str]:
    # The lookahead keeps https://t.co/abc from matching inside https://t.co/abcd.
    return re.compile(re.escape(short) + r"(?![\w/])")


def _constant(url: str) -> Callable[[re.Match[str]], str]:
    """A replacement function giving `url` as it is: a URL may contain backslashes that
    re.sub would parse in a replacement string."""
    return lambda _: url


def expand_links(text: str, urls: list[tuple[str, str]], media: list[str]) -> str:
    """Replace t.co links by their expanded URLs; drop links to attached media.

    Media links are appended by Twitter to point at the attached photo or video: they
    are not words of the post, so they go with the whitespace before them.
    """
    text = unescape_twitter(text)
    for short in media:
        stripped = re.sub(r"\s*" + _link(short).pattern, "", text)
        if stripped != text:
            text = stripped.strip()
    for short, expanded in urls:
        text = _link(short).sub(_constant(expanded), text)
    return text
