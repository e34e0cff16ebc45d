"""Line boundaries of a text, and the marks of each line, read as pairing needs them.

Kept compact on purpose: a long document (tens of megabytes) is never copied line by line
nor turned into one object per mark; a line's marks are classified when pairing reaches it
(or looks ahead to it) and forgotten once it is done.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

from quotes.extract.marks import Mark, QuoteMarks, classify
from quotes.text import line_bounds

_NON_SPACE = re.compile(r"\S")


class Lines:
    """Where each line starts and ends (line breaks left out)."""

    __slots__ = ("ends", "marked", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        offsets = "I" if len(text) < 2**32 else "q"  # 4 bytes a line where they do
        self.starts = array(offsets)
        self.ends = array(offsets)
        for start, end in line_bounds(text):
            self.starts.append(start)
            self.ends.append(end)
        # Which lines hold a mark (apostrophes are none), as pairing finds them.
        self.marked = bytearray(len(self.starts))

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def nonempty(self, line: int) -> bool:
        return _NON_SPACE.search(self.text, self.starts[line], self.ends[line]) is not None

    def next_nonempty(self, line: int) -> int | None:
        for following in range(line + 1, len(self.starts)):
            if self.nonempty(following):
                return following
        return None


class LineMarks:
    """The classified marks of each line, computed once per line while it may be needed."""

    __slots__ = ("_memo", "lines", "table")

    def __init__(self, lines: Lines, table: QuoteMarks) -> None:
        self.lines = lines
        self.table = table
        self._memo: dict[int, list[Mark]] = {}

    def of(self, line: int) -> list[Mark]:
        found = self._memo.get(line)
        if found is None:
            lines = self.lines
            found = classify(lines.text, lines.starts[line], lines.ends[line], line, self.table)
            self._memo[line] = found
        return found

    def forget_before(self, line: int) -> None:
        for done in [n for n in self._memo if n < line]:
            del self._memo[done]
