"""Reading an archive file's bytes and pointing at places in its text.

Every reader reports problems as `path:line`, so the text is kept together with an
index of its line starts; JSON is decoded value by value with `raw_decode` so each
value's offset (and therefore its line) is known.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotes.errors import InputError
from quotes.sources import read_text

_WHITESPACE = " \t\r\n"
_NEWLINE = re.compile("\n")
_DECODER = json.JSONDecoder()


@dataclass(frozen=True)
class SourceText:
    """A decoded archive file: its name as the user gave it, its text and its hash."""

    name: str
    text: str
    sha256: str
    _line_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
        object.__setattr__(self, "_line_starts", starts)

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset (bisect: files can be large)."""
        return bisect.bisect_right(self._line_starts, offset)

    def location(self, offset: int | None = None, *, line: int | None = None) -> str:
        if line is None:
            line = self.line_of(offset or 0)
        return f"{self.name}:{line}"

    def error(
        self, message: str, offset: int | None = None, *, line: int | None = None
    ) -> InputError:
        return InputError(message, location=self.location(offset, line=line))

    def skip_ws(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos] in _WHITESPACE:
            pos += 1
        return pos

    def decode(self, pos: int) -> tuple[Any, int]:
        """One JSON value starting at `pos` → (value, end); errors name line and column."""
        try:
            return decode_json(self.text, pos)
        except json.JSONDecodeError as exc:
            raise self.json_error(exc) from None
        except TooDeep as exc:
            raise self.error(str(exc), pos) from None

    def json_error(self, exc: json.JSONDecodeError) -> InputError:
        return self.error(f"invalid JSON at column {exc.colno}: {exc.msg}", line=exc.lineno)

    def items(self, pos: int) -> Iterator[tuple[str | int, int, Any]]:
        """Members of the JSON array or object at `pos`: (index or key, value offset, value).

        The one helper both JSON formats use to know where each record starts, so that a
        bad record is reported at its own line rather than at the start of the file.
        """
        text = self.text
        opener = text[pos : pos + 1]
        if opener not in ("[", "{"):
            raise self.error("expected a JSON array or object", pos)
        closer = "]" if opener == "[" else "}"
        pos = self.skip_ws(pos + 1)
        if text[pos : pos + 1] == closer:
            return
        index = 0
        while True:
            key: str | int = index
            if opener == "{":
                key, pos = self.decode(pos)
                if not isinstance(key, str):
                    raise self.error("invalid JSON: object keys must be strings", pos)
                pos = self.skip_ws(pos)
                if text[pos : pos + 1] != ":":
                    raise self.error("invalid JSON: expected ':' after an object key", pos)
                pos = self.skip_ws(pos + 1)
            value, end = self.decode(pos)
            yield key, pos, value
            index += 1
            pos = self.skip_ws(end)
            sep = text[pos : pos + 1]
            if sep == closer:
                return
            if sep != ",":
                raise self.error(f"invalid JSON: expected ',' or '{closer}'", pos)
            pos = self.skip_ws(pos + 1)


class TooDeep(ValueError):
    """A JSON value nested deeper than Python's decoder can follow."""

    def __init__(self) -> None:
        super().__init__("JSON nested too deeply (no tweet export nests past a dozen levels)")


def decode_json(text: str, pos: int = 0) -> tuple[Any, int]:
    """`raw_decode`, with nesting too deep for it (100,000 `[`: it stops near 1,000
    levels, where Python's recursion limit is) as a `TooDeep` instead of a RecursionError."""
    try:
        return _DECODER.raw_decode(text, pos)
    except RecursionError:
        raise TooDeep from None


def read_source(path: Path) -> SourceText:
    """Read a file as UTF-8 text; anything that is not a non-empty text file is an InputError."""
    text, sha256 = read_text(path, kind="archive file")
    return SourceText(name=str(path), text=text, sha256=sha256)
