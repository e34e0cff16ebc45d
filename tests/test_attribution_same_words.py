"""Speaker attribution (issue 12): a quote left without a speaker (a headline's) whose
words the text quotes again with a speaker is that speaker's; a statement only the
ranking guessed, whose sentence goes on to the next quote and names its speaker there, is
that speaker's. Short invented passages; every person and place here is fictional."""

from __future__ import annotations

from tests.test_attribution_mentions import speaker_of


def test_a_headline_quote_takes_the_speaker_of_the_same_words_below() -> None:
    text = ('Le dépôt de Varsac incendié, « aucune piste n’est écartée »\n\n'
            'Le dépôt municipal de Varsac a brûlé dans la nuit. Une enquête est ouverte. '
            'Le maire Odile Fabremont précise qu’« aucune piste n’est écartée ».')
    assert speaker_of(text, 'fr', 'aucune piste') == 'Odile Fabremont'


def test_short_words_quoted_again_are_no_ones_in_particular() -> None:
    text = ('„Nein“, stand auf dem Plakat.\n\n'
            'Der Bürgermeister Jorin Fabelmann sagte: „Nein.“')
    assert speaker_of(text, 'de', 'Nein') is None


def test_a_fragment_takes_the_speaker_its_sentence_names_after_the_next_quote() -> None:
    text = ('Le suspect a été blessé en Varsanie lundi. « La procédure » qui suivrait son '
            'arrestation « reste suspendue à son état de santé », a déclaré la procureure '
            'Odile Fabremont.')
    assert speaker_of(text, 'fr', 'La procédure') == 'Odile Fabremont'


def test_a_fragment_in_a_reported_clause_keeps_its_own_speaker() -> None:
    text = ('A declaração do ministro Caio Brandim de que "vai ter mais" uma operação foi '
            'uma "força de expressão", informou a assessoria do ministério.')
    assert speaker_of(text, 'pt', 'vai ter mais') != 'assessoria'


def test_quotes_opening_a_text_take_the_speaker_its_sentence_names_at_the_end() -> None:
    # The name stands too far after the first quote for the ranking to reach it.
    long_words = ('in questa fase sia importante per tutti valutare soltanto gli atti concreti '
                  'e non le dichiarazioni, perché l’errore più grande che chiunque di noi può '
                  'fare adesso è quello di inseguire ogni giorno le parole, le voci e le '
                  'smentite che arrivano da Varsavia, da Varsa e da ogni altra capitale, '
                  'dimenticando i fatti che contano davvero per le famiglie, per le imprese e '
                  'per i lavoratori che aspettano risposte chiare e tempi certi')
    text = ('Roma, 3 mar. – “Sono sorpreso, come un po’ tutti noi” dai primi giorni del '
            f'governo, ma “credo che {long_words}”. Lo ha detto il sottosegretario Aldo '
            'Ferrovi, intervistato da Radio Varsa.')
    assert speaker_of(text, 'it', 'Sono sorpreso') == 'Aldo Ferrovi'
