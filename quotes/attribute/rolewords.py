"""What a role as written is recognised by and whose it is ("NSC-leider", "líder del PT",
"patronne du Front National"): plain string work for the ranking's role features."""

from __future__ import annotations


def role_keys(word: str) -> list[str]:
    """What a role is recognised by: the role noun ("leider" of "NSC-leider", "líder" of
    "líder del PT") and what it is the role of ("nsc", "pt", "casa blanca")."""
    words = word.split()
    head = words[0].rpartition("-")[2]
    keys = [head.casefold()] if len(words) == 1 else [word.casefold(), head.casefold()]
    return keys + role_owners(word)


def role_owners(word: str) -> list[str]:
    """What a role as written is the role of: "nsc" of "NSC-leider", "front national" of
    "patronne du Front National". The owner is no holder of its own role."""
    words = word.split()
    prefix = words[0].rpartition("-")[0]
    owner = " ".join(w for w in words[1:] if w[:1].isupper())
    return [part.casefold() for part in (prefix, owner) if len(part) >= 2]
