"""Where every noun is capitalized, a word the text writes twice without an article is
taken for a surname (issue 12); one written after a numeral is a noun all the same ("die
nächsten 6 Jahre"), no one to speak. Every name here is fictional."""

from __future__ import annotations

from quotes import lang, nlp
from quotes.attribute.namewords import bare_words
from quotes.attribute.tokens import parse


def _bare(text: str) -> frozenset[str]:
    return bare_words(parse(nlp.load("de"), text), lang.get("de"))


def test_a_word_after_a_numeral_is_a_noun() -> None:
    text = ("Dann spielt Varskow an. Heute meint Varskow, dass es gut ist. In 6 Jahre ist es "
            "vorbei, sagt er in 6 Jahre.")
    bare = _bare(text)
    assert "Jahre" not in bare
    assert "Varskow" in bare
