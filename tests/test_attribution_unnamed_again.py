"""Speaker attribution (issue 12): someone the text introduces without a name stays
unnamed when the same role is taken up again ("un vecino … señaló el vecino", "a neighbour
… the neighbour added"), and the subject of a speech verb may follow the one the words were
told to ("contó a Radio Varsilla un vecino"). Every name here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_ranking import speaker_names


def test_the_subject_after_the_one_told_speaks_and_stays_unnamed() -> None:
    # Not the outlet the words were told to, when the role is taken up again.
    text = ("“No fueron dos tiros, fue una balacera”, contó a Info VARSILLA un vecino que "
            "pidió resguardar su identidad.\n\nTestigos aseguran que en el vehículo llegaron "
            "cuatro personas.\n\n“Uno de los agresores llevaba el uniforme”, señaló el vecino.")
    assert speaker_names(text, "es") == [None, None]


def test_the_outlet_told_is_no_speaker() -> None:
    text = ("“No fueron dos tiros. Los vecinos se tiraron al suelo”, contó a Info VARSILLA "
            "SOBRE NEGRO un vecino que pidió resguardar su identidad por razones de seguridad.")
    assert speaker_names(text, "es") == [None]


@pytest.mark.parametrize(("text", "language"), [
    ("El alcalde Olaf Varsholm visitó el barrio. «Fueron muchos tiros», contó un vecino. "
     "Después llegaron los patrulleros. «Nadie nos ayudó», señaló el vecino.", "es"),
    ("Mayor Olaf Varsholm visited the street on Monday. \"It was terrifying,\" said a "
     "neighbour. Police arrived an hour later. \"Nobody helped us,\" the neighbour added.",
     "en"),
])
def test_a_role_introduced_without_a_name_stays_unnamed(text: str, language: str) -> None:
    assert speaker_names(text, language) == [None, None]


def test_a_role_a_quote_mentions_introduces_no_one() -> None:
    text = ("La ministre Léa Varsholm a répondu. \"Ce n'est pas mon ministre, c'est un "
            "ministre du gouvernement\", a-t-elle dit. \"Je soutiens les femmes\", a conclu "
            "la ministre.")
    assert speaker_names(text, "fr") == ["Léa Varsholm", "Léa Varsholm"]
