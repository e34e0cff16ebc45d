"""An acronym the text writes only after a definite article ("selon la CGVT", "informou a
VFP", "ha replicato la CGVL") names a body that may speak, as a capitalized word written
so does ("o Remo", "a Esso"): it is a mention, of an organisation, not a word skipped for
being in capitals. Short invented passages; every person and organisation here is
fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import check_speaker

# A person is named before the quote: skipping the acronym gives the quote to them.
CASES = [
    pytest.param(
        'fr',
        ("Le maire Paul Inventé a défendu le projet.\n« Aucun salarié n'a été consulté », a "
         'dénoncé la CGVT.'),
        "Aucun salarié n'a été consulté", 'CGVT',
        id='verb_after_fr'),
    pytest.param(
        'fr',
        ("Le maire Paul Inventé a défendu le projet. Selon la CGVT, « aucun salarié n'a été "
         'consulté ».'),
        "aucun salarié n'a été consulté", 'CGVT',
        id='according_to_fr'),
    pytest.param(
        'pt',
        ('O prefeito Tiago Inventado criticou a operação.\n"Nenhum mandado foi cumprido na '
         'prefeitura", informou a VFP em nota.'),
        'Nenhum mandado foi cumprido', 'VFP',
        id='verb_after_pt'),
    pytest.param(
        'it',
        ('Il sindaco Marco Fittizio ha difeso il progetto.\n"Nessun lavoratore è stato '
         'consultato", ha replicato la CGVL.'),
        'Nessun lavoratore è stato consultato', 'CGVL',
        id='verb_after_it'),
]


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), CASES)
def test_acronym_body(language: str, text: str, quoted: str, speaker: str | None) -> None:
    check_speaker(text, language, quoted, speaker)
