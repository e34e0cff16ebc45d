"""What may stand between a subject and its speech verb: a bracket ("Lula (PT) admitiu")
or a relative clause set off by commas ("Sarah Heath, who led the operation, said"). Each
function gives where the subject's words end, so the name ending there is read."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quotes.attribute.people import PeopleIndex
    from quotes.attribute.tokens import Tok
    from quotes.lang import LanguageData

# How many words a relative clause between a subject and its verb may hold.
_RELATIVE_CLAUSE_WORDS = 15


def before_brackets(window: list[Tok], index: int, people: PeopleIndex) -> int:
    """Where the words before a bracket closing right before window[index] end ("Jane
    Example (D-NH) said", "Lula (PT) admitiu"): a party or place in brackets stands
    between a subject and its verb. `index` itself where no bracket closes there."""
    if index == 0 or people.text[window[index - 1].end : window[index].start].strip() != ")":
        return index
    opening = people.text.rfind("(", 0, window[index].start)
    k = index
    while k > 0 and window[k - 1].start > opening:
        k -= 1
    return k if k < index and k > 0 else index


def before_relative_clause(window: list[Tok], index: int, table: LanguageData,
                            people: PeopleIndex) -> int:
    """Where the words before a relative clause set off by commas end, the clause ending
    right before window[index] ("Sarah Heath, who led the operation, said", "Varsko, qui
    dirige le club, a déclaré"): `index` itself where no such clause ends there."""
    if index == 0 or not people.comma_between(window[index - 1], window[index]):
        return index
    for j in range(index - 1, max(0, index - _RELATIVE_CLAUSE_WORDS), -1):
        if window[j].sent_start:
            break
        if people.comma_between(window[j - 1], window[j]):
            return j if window[j].lower in table.relative_pronouns else index
    return index
