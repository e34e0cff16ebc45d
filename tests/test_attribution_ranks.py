"""Speaker attribution (issue 12): a rank or honorific inside a capitalized run ends the
person's office before it ("Kadiv Humas Polda Irjen …", "Carver County Sheriff …"): the
speaker is the name after it, not the office glued to it. Short invented passages; every
person here is fictional."""

from __future__ import annotations

import pytest

from quotes import lang
from quotes.attribute.rules import Document as AttributeDocument
from quotes.attribute.tokens import parse
from quotes.models import Document
from quotes.pipeline import Analyzer
from tests.test_attribution_mentions import ANALYZER, speaker_of

CASES = [
    pytest.param((
        'id',
        ('Polisi masih menyelidiki kasus itu. "Kami sudah memeriksa tujuh saksi," kata '
         'Kabid Humas Polda Sulawesi Irjen Bagas Wirandito kepada wartawan, Senin.'),
        'Kami sudah memeriksa tujuh saksi', 'Bagas Wirandito'),
        id='police_rank_after_the_office_id'),
    pytest.param((
        'id',
        ('Kasus itu masih diselidiki. Kepala Bidang Humas Polda Raya Kombes Pol Darmo '
         'Kusnadi menjelaskan prosesnya. "Tim kami masih bekerja," kata Darmo, Senin.'),
        'Tim kami masih bekerja', 'Darmo Kusnadi'),
        id='police_mark_after_the_rank_id'),
    pytest.param((
        'id',
        ('Kepala Kepolisian Resor Varsa Ajun Komisaris Besar Darmo Kusnadi membantah tuduhan '
         'itu. "Saya siap diperiksa," kata dia, Senin.'),
        'Saya siap diperiksa', 'Darmo Kusnadi'),
        id='rank_of_three_words_id'),
    pytest.param((
        'en',
        ('The road stayed closed overnight. "Nobody was hurt," Carver County Sheriff '
         'Elna Varsko told reporters on Friday.'),
        'Nobody was hurt', 'Elna Varsko'),
        id='sheriff_after_the_county_en'),
    pytest.param((
        'de',
        ('Die Ermittlungen dauern an. „Wir prüfen jeden Hinweis“, sagte der Sprecher '
         'der Behörde, Oberstaatsanwalt Jorin Fabelmann, am Montag.'),
        'Wir prüfen jeden Hinweis', 'Jorin Fabelmann'),
        id='prosecutor_title_before_the_name_de'),
    pytest.param((
        'en',
        ('The question was put to the council by Councillor Orla Varnish. "Is that the '
         'council\'s position?" asked Cllr Varnish.'),
        'Is that the council', 'Orla Varnish'),
        id='abbreviated_councillor_en'),
    pytest.param((
        'en',
        ('Sergeant Tamsin Quarley led the search. "We found nothing," said Sgt Quarley.'),
        'We found nothing', 'Tamsin Quarley'),
        id='abbreviated_sergeant_without_period_en'),
]


@pytest.mark.parametrize('case', CASES)
def test_the_name_after_a_rank_is_the_speaker(case: tuple[str, str, str, str]) -> None:
    language, text, quoted, speaker = case
    assert speaker_of(text, language, quoted) == speaker


def test_an_archive_authors_name_with_a_role_word_is_that_person() -> None:
    # "Analyst" is a role noun, but here the words are a known account's display name.
    known = {"Harbour Analyst": ("harbour_analyst", "Harbour Analyst (fictional)")}
    analyzer = Analyzer(resolve=known.get)
    text = '"The port will reopen on Monday." Harbour Analyst wrote on X.'
    (finding,) = analyzer.analyze(Document("t.txt", text, "en")).findings
    assert finding.attribution is not None
    assert finding.attribution.author_handle == "harbour_analyst"
    assert "+role" not in finding.attribution.method



def test_a_bodys_office_is_no_mention_of_its_own() -> None:
    # "Waka Polresta Varsa" is the office Rendra Wicaksono holds, not a candidate.
    text = ('"Kami mengucapkan selamat," kata Wakapolresta Varsa, AKBP Rendra Wicaksono. '
            'Setelah itu Waka Polresta Varsa memberikan keterangan pers kepada wartawan.')
    doc = AttributeDocument.read(text, parse(ANALYZER.nlp_for('id'), text), lang.get('id'),
                                 None, [(0, text.index(',"') + 2)])
    assert 'Waka Polresta Varsa' not in [m.name for m in doc.people.mentions]
