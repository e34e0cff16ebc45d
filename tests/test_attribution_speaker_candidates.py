"""Speaker attribution (issue 12): who may speak a partial quote or a statement.

A person a sentence only speaks of (a preposition's complement, "una llamada de X"; a
possessor, "X's plan") is not the one whose words a term inside it is; an article that is
also a preposition ("a Executiva afirma") opens a subject all the same. Where every noun is
capitalized, a word right after an honorific ("Wann, Frau Erfundel, …") is a surname all
the same. A role's apposition closed by a comma ("il ministro dell'Agricoltura, Franco
Inventato, a margine") gives the name, not the role to resolve. Common reporting verbs of
press releases ("detalló", "informou") name their subject as the speaker. The initials of a
body's name of three words ("LCI") name that body. An adverb opening a sentence before its
verb ("Igualmente señala", "Successivamente ha dichiarato") is no name. A capitalized word
the text writes only after an article that makes it a body or place ("en la Moncloa", "nel
Consiglio") is nobody. Where a sentence may open with its verb, a capitalized word right
before a speech verb opens it as its subject's name ("Falcônio reafirmou"); an adverb there
("Ayer dijo") does not. A statement's owner named with a genitive ending ("in einer
Mitteilung des Umweltministeriums") is the name the text gives without it. A quote right
after the speech verb of its own clause is that clause's subject's, not the main verb's after
it ("When Brandvik said the words '…', Fakeley replied"). Dutch papers mark short quotes
with ’…’ (’in geen geval acceptabel’), beside apostrophes (z’n, ’s avonds). Short invented
passages; every person and body here is fictional.
"""

from __future__ import annotations

import pytest

from quotes.models import Document
from tests.test_attribution_mentions import ANALYZER, speaker_of

CASES = [
    pytest.param((
        'en',
        ('Senator Ottilie Brandvik spoke in the chamber on Monday. In January, she '
         "attacked the bill of Desmond Fakeley, calling Fakeley's plan “reckless.”"),
        'reckless', 'Ottilie Brandvik'),
        id='possessor_is_spoken_of_en'),
    pytest.param((
        'es',
        ('La alcaldesa Marta Inventada habló con la prensa el lunes. Admitió la reunión, '
         'pero alegó que fue una “muy amable llamada” de Rodrigo Ficticio.'),
        'muy amable llamada', 'Marta Inventada'),
        id='complement_is_spoken_of_es'),
    pytest.param((
        'pt',
        ('O deputado Paulo Fictício deixou o cargo na terça. Na nota divulgada depois, a '
         'Executiva Estadual afirma que o gesto “engrandece” o deputado.'),
        'engrandece', 'Executiva Estadual'),
        id='article_that_is_a_preposition_opens_a_subject_pt'),
    pytest.param((
        'de',
        ('Die Pressekonferenz beginnt pünktlich. Die Frage kommt sofort: Wann, Frau '
         'Erfundel, tritt die Partei an?\n\n„Wir warten ab.“\n\nDanach wurde es still. '
         '„Dann sehen wir weiter“, entgegnete die Parteichefin.'),
        'Dann sehen wir', 'Erfundel'),
        id='surname_after_honorific_is_a_name_de'),
    pytest.param((
        'it',
        ('Il senatore Marco Finto ha parlato ieri a lungo. Marco Finto ha insistito sulla '
         "riforma.\n\n“Le cariche vanno rispettate”. Così il ministro dell'Agricoltura, "
         'Franco Inventato, a margine della cerimonia.'),
        'cariche vanno', 'Franco Inventato'),
        id='apposition_closed_by_a_comma_names_the_speaker_it'),
    pytest.param((
        'es',
        ('La alcaldesa Marta Inventada visitó la planta el lunes y pidió explicaciones. Por '
         'su parte, Fabrinca detalló que el fallo se debió a una “variación de tensión '
         'inesperada”.'),
        'variación de tensión', 'Fabrinca'),
        id='press_release_verb_names_its_subject_es'),
    pytest.param((
        'pt',
        ('O prefeito Paulo Fictício visitou a usina na segunda. Depois, a empresa '
         'Energética Imaginária informou que “o serviço volta amanhã”.'),
        'o serviço volta', 'Energética Imaginária'),
        id='press_release_verb_names_its_subject_pt'),
    pytest.param((
        'es',
        ('Ante las críticas, la directiva de Liga Ciclista Imaginaria aclaró lo ocurrido en '
         'el estadio Rodrigo Fantasio.\n“Asumimos la responsabilidad total de esta falta”, '
         'sostiene LCI en su comunicado.'),
        'Asumimos la responsabilidad', 'Liga Ciclista Imaginaria'),
        id='initials_of_a_body_name_it_es'),
    pytest.param((
        'es',
        ('El ayuntamiento y la empresa Fabrinca discuten el contrato. Fabrinca explica que '
         'hay alternativas.\nIgualmente señala que está abierta a dialogar “y buscar una '
         'cifra justa para ambos”.'),
        'buscar una cifra', 'Fabrinca'),
        id='adverb_opening_a_sentence_is_no_name_es'),
    pytest.param((
        'it',
        ('Il sindaco Carlo Immaginetti ha visitato il cantiere. Successivamente ha '
         'dichiarato: “I lavori finiranno a maggio”.'),
        'I lavori finiranno', 'Carlo Immaginetti'),
        id='adverb_opening_a_sentence_is_no_name_it'),
    pytest.param((
        'it',
        ('Ci sono state discussioni nel Consiglio dei ministri? “Quando si lavora ci si '
         'confronta”. Carlo Immaginetti, presidente del Consiglio, lo dice ai cronisti.'),
        'Quando si lavora', 'Carlo Immaginetti'),
        id='body_after_article_is_nobody_it'),
    pytest.param((
        'es',
        'Ayer hubo una reunión larga en la Moncloa. “Todo va bien”, señaló a la prensa.',
        'Todo va bien', None),
        id='place_after_article_is_nobody_es'),
    pytest.param((
        'pt',
        ('O governador Rui Imaginário visitou a obra. Falcônio reafirmou as críticas e disse '
         'que os prefeitos “são muito agressivos com o governo”.'),
        'muito agressivos', 'Falcônio'),
        id='opener_before_speech_verb_is_a_name_pt'),
    pytest.param((
        'es',
        ('Ayer dijo el alcalde Marco Ficticio que “todo va bien”. Ayer dijo que “todo sigue '
         'igual”.'),
        'todo sigue igual', 'Marco Ficticio'),
        id='adverb_before_speech_verb_is_no_name_es'),
    pytest.param((
        'de',
        ('Der Parteichef Otto Erfundel schwieg am Dienstag. Die FKZ bemerkte dazu: „Das ist '
         'ein Ruf der Verzweiflung.“'),
        'Ruf der Verzweiflung', 'FKZ'),
        id='press_release_verb_names_its_subject_de'),
    pytest.param((
        'de',
        ('Das Umweltministerium Fiktiviens hat den Antrag abgelehnt. „Der Antrag ist '
         'unvollständig“, heißt es in einer Mitteilung des Umweltministeriums. Der '
         'Vorsitzende Otto Erfundel will klagen.'),
        'Antrag ist unvollständig', 'Umweltministerium Fiktiviens'),
        id='statement_owner_in_the_genitive_de'),
    pytest.param((
        'id',
        ('Bupati Raka Fiktiwan dan Wali Kota Sinta Khayali tampil di panggung. Ketika Raka '
         "menyampaikan pesan 'lebih baik diam daripada salah bicara', lagi-lagi Sinta "
         'menimpali, "Pintar juga ya."'),
        'lebih baik diam', 'Raka Fiktiwan'),
        id='quote_after_its_clause_verb_id'),
    pytest.param((
        'en',
        ('Councillor Ottilie Brandvik and Mayor Desmond Fakeley met on Monday. When Brandvik '
         "said the words 'we will not pay for this', Fakeley replied, \"That is unfair.\""),
        'we will not pay', 'Ottilie Brandvik'),
        id='quote_after_its_clause_verb_en'),
    pytest.param((
        'nl',
        ('Minister Els Verzinsel zei in het kabinetsoverleg dat het ’in geen geval '
         'acceptabel’ zou zijn. Dat was z’n mening niet, zei ’s avonds een collega.'),
        'in geen geval acceptabel', 'Els Verzinsel'),
        id='right_single_marks_quote_nl'),
]


@pytest.mark.parametrize('case', CASES)
def test_speaker_candidates(case: tuple[str, str, str, str | None]) -> None:
    language, text, quoted, speaker = case
    assert speaker_of(text, language, quoted) == speaker


def test_apostrophes_beside_right_single_marks_quote_nothing_nl() -> None:
    text = ('Minister Els Verzinsel zei in het kabinetsoverleg dat het ’in geen geval '
            'acceptabel’ zou zijn. Dat was z’n mening niet, zei ’s avonds een collega.')
    quoted = [f.quote.text for f in ANALYZER.analyze(Document("t.txt", text, "nl")).findings]
    assert quoted == ['in geen geval acceptabel']
