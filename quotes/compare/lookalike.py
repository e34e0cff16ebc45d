"""Look-alike accounts: a handle that imitates another account or a person's name.

Impostor and parody accounts copy a known handle with a letter doubled, dropped or swapped,
with a glyph that looks the same (capital I for l, 0 for O, rn for m, vv for w), or with
`_`, `.`, `real`, `official` or digits added; some keep any handle and put the person's
name in the display name. A fact-checker must see such a tweet as someone else's words,
whatever the article says.

Pure functions over strings: which accounts are official comes from the archive, passed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from quotes.normalize import alias_key

# Glyphs that read alike in a handle, mapped to one (applied before case folding: the
# capital I that passes for l is only a capital I).
_HOMOGLYPHS = (("rn", "m"), ("vv", "w"), ("I", "l"), ("1", "l"), ("|", "l"), ("0", "o"),
               ("O", "o"), ("5", "s"), ("3", "e"))
# Words impostors put before or after a real handle or name.
_DECORATIONS = ("real", "official", "the", "true", "news", "team", "hq")
_DIGITS = re.compile(r"\d+$|^\d+")
_SEPARATORS = re.compile(r"[_.\-]+")
_BRACKETED = re.compile(r"\([^)]*\)")
# Handles shorter than this differ from others by one edit by chance; two edits need
# longer ones still.
ONE_EDIT_MIN = 6
TWO_EDITS_MIN = 9


@dataclass(frozen=True, slots=True)
class Imitation:
    """`handle` imitates `imitated` (an account's handle, or a person's name), as `how` says."""

    handle: str
    imitated: str
    how: str


def handle_key(handle: str) -> str:
    """A handle as Twitter compares them: no @, case folded."""
    return handle.lstrip("@").casefold()


def name_key(name: str) -> str:
    """A person's name written as a handle would be: "Dana Demoulin (Mayor)" →
    "danademoulin" (what stands in brackets is no part of the name)."""
    return re.sub(r"[^\w]", "", alias_key(_BRACKETED.sub("", name))).replace("_", "")


def _glyph_folded(handle: str) -> str:
    folded = handle.lstrip("@")
    for look, like in _HOMOGLYPHS:
        folded = folded.replace(look, like)
    return folded.casefold()


def _undecorated(key: str) -> str:
    """A handle key without separators, leading or trailing digits and decoration words."""
    bare = _DIGITS.sub("", _SEPARATORS.sub("", key))
    while True:
        shorter = [c for word in _DECORATIONS
                   for c in (bare.removeprefix(word), bare.removesuffix(word))
                   if c != bare and len(c) >= ONE_EDIT_MIN]
        if not shorter:
            return _DIGITS.sub("", bare)
        bare = _DIGITS.sub("", shorter[0])


def _edits(a: str, b: str) -> int:
    return int(DamerauLevenshtein.distance(a, b))


def imitation_of(handle: str, target: str, *, target_is_name: bool = False) -> Imitation | None:
    """How `handle` imitates `target` (an official handle, or a person's name when
    `target_is_name`), or None when it does not (or is that very account)."""
    mine = handle_key(handle)
    theirs = name_key(target) if target_is_name else handle_key(target)
    if not theirs or mine == theirs:
        return None
    rules = (
        (_glyph_folded(handle) == (theirs if target_is_name else _glyph_folded(target)),
         "letters that look alike"),
        # (separators of the imitated handle count for nothing: "real_dana_demoulin"
        # decorates "dana_demoulin")
        (_undecorated(mine) == _SEPARATORS.sub("", theirs),
         "the same name with characters or words added"),
        (len(theirs) >= ONE_EDIT_MIN and _edits(mine, theirs) == 1, "one letter changed"),
        (len(theirs) >= TWO_EDITS_MIN and _edits(mine, theirs) == 2
         and not (target_is_name and _coded(mine, theirs)), "two letters changed"),
    )
    for holds, how in rules:
        if holds:
            return Imitation(handle.lstrip("@"), target.lstrip("@"), how)
    return None


def _coded(handle: str, name: str) -> bool:
    """The name whole with a code of two letters before or after it ("antoniocostapm",
    "matteosalvinimi"): how people's own accounts are often named (an office, a country),
    so against a name alone, with no official handle to compare, it shows no imitation.
    (Against an official handle it still does; a doubled last letter is no code.)"""
    code = handle.removeprefix(name) if handle.startswith(name) else (
        handle.removesuffix(name) if handle.endswith(name) else "")
    return len(code) == 2 and code.isalpha() and code != name[-1] * 2


def imitated_account(
    handle: str,
    official: Iterable[str],
    *,
    speaker: str | None = None,
    display_name: str | None = None,
) -> Imitation | None:
    """The first way `handle` imitates one of the `official` handles, the speaker the
    article names, or the person its display name claims; None for an official handle
    or one that imitates nobody."""
    official = list(official)
    if handle_key(handle) in {handle_key(h) for h in official}:
        return None
    for account in official:
        found = imitation_of(handle, account)
        if found is not None:
            return found
    if speaker:  # (an account's own display name spelling its handle is no imitation)
        found = imitation_of(handle, speaker, target_is_name=True)
        if found is not None:
            return found
    return _claimed_by_display_name(handle, display_name, official)


def _claimed_by_display_name(
    handle: str, display_name: str | None, official: Iterable[str]
) -> Imitation | None:
    """A display name that is an official account's person while the handle is not
    theirs: "Elon Musk" on @spacefan2024."""
    if not display_name:
        return None
    claimed = name_key(display_name)
    for account in official:
        if claimed and claimed == _undecorated(handle_key(account)):
            return Imitation(handle.lstrip("@"), account.lstrip("@"),
                             f"the display name {display_name!r} claims that person")
    return None
