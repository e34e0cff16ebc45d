"""An attribution set inside the quote's own marks: an aside between spaced dashes ("«La
Questura ha fatto un comunicato – ha aggiunto Maroni – e per me …»") or between commas,
opening with its speech verb ("« En ville, explique la préfète X, le dispositif … »",
"“We have, said Varsko, no choice”"), where the writer did not close the marks around it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quotes.attribute.names import Phrase, subject
from quotes.attribute.people import Name
from quotes.attribute.tokens import Tok, words_between
from quotes.models import Quote
from quotes.text import find_phrase

if TYPE_CHECKING:
    from quotes.attribute.rules import Document

# An aside between spaced dashes inside a quote, a few words long ("– aggiunge Fontana –").
_DASHED_ASIDE = re.compile(r"\s[-–—]\s+([^-–—\n]{3,80}?)\s+[-–—](?=[\s.,;:]|$)")
# An aside after a comma inside a quote, up to the next comma or period; it must open with
# a speech verb (an ordinary clause between commas does not).
_COMMA_ASIDE = re.compile(r",\s+([^,.;:!?\n]{3,80}?)(?=[,.])")


def aside_attribution(doc: Document, quote: Quote) -> tuple[Name, list[Tok], Phrase] | None:
    """The subject named by a speech verb in an aside inside the quote, with the aside's
    words and the verb; None where no aside attributes it."""
    asides = [(m, False) for m in _DASHED_ASIDE.finditer(doc.text, quote.start, quote.end)]
    asides += [(m, True) for m in _COMMA_ASIDE.finditer(doc.text, quote.start, quote.end)]
    for aside, verb_first in asides:
        words = words_between(doc.tokens, doc.starts, aside.start(1), aside.end(1))
        verb = find_phrase(words, doc.table.speech_verbs)
        if verb is None or (verb_first and verb[0] != 0):
            continue
        name = subject(words, verb, doc.table, doc.people)
        # A pronoun between commas ("«…, balance-t-elle. …»") is left to the rules that
        # read the sentence before the quote, which tell better whom it stands for.
        kinds = ("name", "role") if verb_first else ("name", "role", "pronoun")
        if name is not None and name.kind in kinds:
            return name, words, verb
    return None
