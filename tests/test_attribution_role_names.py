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
