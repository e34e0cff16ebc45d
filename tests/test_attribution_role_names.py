"""Speaker attribution where a role phrase runs on in capitals to the person holding it
(issue 12): "dice il comandante della Polizia Locale Stefano Varsoni" names Stefano Varsoni,
not the place or body ranking would reach. Every name here is fictional."""

from __future__ import annotations

from tests.test_attribution_ranking import speaker_names


def test_the_name_ending_a_role_phrase_is_the_speaker() -> None:
    text = ("Momenti di grande apprensione. Un uomo è stato fermato.\n"
            "“L’agente ha notato un uomo – dice il comandante della Polizia Locale Stefano "
            "Varsoni - Dopo averlo fermato, l’uomo si è allontanato.”")
    assert speaker_names(text, "it") == ["Stefano Varsoni"]


def test_a_country_ending_a_role_phrase_is_no_name() -> None:
    text = ("Il vertice è finito ieri.\n“Lavoriamo bene – dice il presidente degli Stati "
            "Uniti - e continueremo.”")
    assert speaker_names(text, "it") != ["Stati Uniti"]


def test_a_german_surname_right_after_a_role_noun_is_the_speaker() -> None:
    # Every noun is capitalized in German: a lone surname is known as one where it follows
    # a role noun and a verb follows it.
    before = "Der Trainer Varskol sagte nach dem Spiel: „Wir gehen nicht weg.“"
    inside = ("Der Betriebsrat hatte zum Protest aufgerufen. Der Betriebsratsvorsitzende "
              "Varskol sprach von einer „kalkulierten Kampfansage“.")
    assert speaker_names(before, "de") == ["Varskol"]
    assert speaker_names(inside, "de") == ["Varskol"]


def test_a_noun_after_a_role_noun_with_no_verb_after_it_is_no_name() -> None:
    text = "Der Trainer Abend für Abend vor leeren Rängen: „Wir gehen nicht weg.“"
    assert speaker_names(text, "de") != ["Abend"]
