"""Who a window of tokens names: the subject of a speech verb, the first person named, the
likeliest one; pronouns and role nouns count, to be resolved later."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from quotes.attribute.compounds import compound_body
from quotes.attribute.interposed import before_brackets, before_relative_clause
from quotes.attribute.lexicon import is_first_name, lowercase_words
from quotes.attribute.namewords import common_noun_end
from quotes.attribute.owners import preposition_only, titles, with_owner
from quotes.attribute.people import Name, PeopleIndex, join
from quotes.attribute.persons import modifies_role, never_a_name, owner_compound
from quotes.attribute.ranks import no_person, rank_after, without_country
from quotes.attribute.tokens import Tok
from quotes.lang import LanguageData, is_role, is_spokesperson
from quotes.text import find_phrase

# Words that may stand between a speech verb and its subject ("a-t-il encore poursuivi").
SUBJECT_GAP = 2
# How far after a role noun a name in apposition is looked for ("le président, Trump").
_APPOSITION_WITHIN = 5
# How many words an apposition after a sentence's opening name may hold.
_APPOSITION_WORDS = 8
# How many words the one told may take before a verb's subject ("à l'AFP").
_COMPLEMENT_WORDS = 4
# An all-capital word this long or shorter may be an acronym naming the speaker ("NSC").
_ACRONYM = 6
# How many words a subject without a name may have ("a White House official").
_UNNAMED_WORDS = 4
# How many words a name alone before a colon may have ("Onnes:", "Jan Varsko:").
_HEADING_WORDS = 2

Phrase = tuple[int, int, str]  # (first token, last token + 1, the phrase), as find_phrase


def last_phrase(window: list[Tok], phrases: Sequence[str]) -> Phrase | None:
    """The speech verb nearest the quote in a window before it."""
    last = None
    offset = 0
    while offset < len(window):
        hit = find_phrase(window[offset:], phrases)
        if hit is None:
            break
        last = (hit[0] + offset, hit[1] + offset, hit[2])
        offset = last[1]
    return last


def subject(
    window: list[Tok], verb: Phrase, table: LanguageData, people: PeopleIndex
) -> Name | None:
    """The subject of a speech verb: right before it ("Musk said"), inside it ("sagte er",
    "a-t-il déclaré", "ujarnya"), else right after it ("sagte Musk", "kata Elon", "a décrit
    le président américain, Donald Trump"), but not past an unnamed subject ("said a
    council member in Springfield" names nobody)."""
    left = _name_ending_at(window, verb[0], table, people) or _name_ending_at(
        window, before_brackets(window, verb[0], people), table, people) or _name_ending_at(
        window, before_relative_clause(window, verb[0], table, people), table, people
    ) or _opening_subject(window, verb, table, people)
    if left is not None:
        return left
    for tok in window[verb[0] : verb[1]]:
        if tok.lower in table.pronouns:
            return Name(tok.text, tok.start, tok.end, "pronoun")
    last = window[verb[1] - 1]
    for suffix in table.pronoun_suffixes:
        if last.lower.endswith(suffix) and len(last.lower) > len(suffix) + 2:
            return Name(last.text[-len(suffix) :], last.end - len(suffix), last.end, "pronoun")
    return _subject_after_verb(window, verb, table, people)


def _subject_after_verb(
    window: list[Tok], verb: Phrase, table: LanguageData, people: PeopleIndex
) -> Name | None:
    """The subject right after a speech verb, in the inverted order ("sagte Musk"); none
    after a verb whose object is the one spoken to ("told MPs that")."""
    if _object_follows(window, verb, table):
        return None
    right = _after_verb(window, verb, table)
    if right and people.comma_between(window[verb[1] - 1], right[0]):
        return None  # "… sagte, rief Baerbock": the verb's clause ends at the comma
    cut = next((k for k, t in enumerate(right) if t.lower in table.complementizers), len(right))
    found = first_name(right[:cut], table, people, stop_at_common_noun=True)
    if found is not None and found.kind == "name" and not (
        _subject_position(right, found, table) and not _possessive(right, found)
    ):
        # "respondió a Fox": the one answered; "said Mr. Trump's decision": the one spoken
        # of; not the one speaking. The subject may follow the one told.
        found = _subject_after_told(right[:cut], found, table, people)
        if found is None:
            return None
    found = _rank_and_name_after(right[:cut], found, table, people) or found
    if found is not None and found.kind == "unnamed" and not _verb_opens(window, verb, people):
        # "Olona ha publicado un tuit", "responde a una estrategia": an object; a subject
        # without a name follows only a verb opening its clause ("…”, dijo un vecino").
        return None
    return found


def _subject_after_told(words: list[Tok], told: Name, table: LanguageData,
                        people: PeopleIndex) -> Name | None:
    """The subject after the one told, right after the verb's preposition ("contó a Info
    Blanco un vecino"): a role or someone unnamed, no other name (more of the one told)."""
    if len(words) < 2 or not preposition_only(words[0], table) or words[1].start != told.start:
        return None
    rest = [t for t in words if t.start >= told.end]
    while rest and rest[0].text[:1].isupper():  # the rest of an outlet's name
        rest = rest[1:]
    found = first_name(rest, table, people, stop_at_common_noun=True)
    return found if found is not None and found.kind in ("role", "unnamed") else None


def _after_verb(window: list[Tok], verb: Phrase, table: LanguageData) -> list[Tok]:
    """The words after a speech verb its subject is looked for in: more where the one told
    comes first ("a déclaré à l'AFP la procureure …")."""
    reach = SUBJECT_GAP + 6
    if verb[1] < len(window) and preposition_only(window[verb[1]], table):
        reach += _COMPLEMENT_WORDS
    return window[verb[1] : verb[1] + reach]


def _object_follows(window: list[Tok], verb: Phrase, table: LanguageData) -> bool:
    """Is the noun after a speech verb its object, never its subject: after a verb of
    telling ("told MPs that") or a participle ("saying the Electoral College …")?"""
    last = window[verb[1] - 1].lower
    return last in table.addressee_verbs or (
        verb[1] - verb[0] == 1 and last.endswith(table.participle_endings))


def _rank_and_name_after(
    words: list[Tok], office: Name | None, table: LanguageData, people: PeopleIndex
) -> Name | None:
    """The person after an office, a rank between ("kata Kabid Humas Polda Irjen Bagas
    Wirandito", "said Carver County Sheriff Elna Varsko"): a rank always titles a name. The
    office's place may run on before the rank ("Kapolres Metro Jakarta Timur Kombes …"),
    and a rank after a comma names the holder of an office that is no person's name
    ("Kapolda Metro Jaya, Irjen Fadil Imran", "Wakapolresta Solo, AKBP Andy Rifai")."""
    if office is None or office.kind not in ("name", "role"):
        return None
    k = rank_after(words, office, table, people)
    if k is None:
        return None
    if not people.adjacent(words[k - 1], words[k]) and not (
            people.text[words[k - 1].end : words[k].start].strip() == ","
            and no_person(office, people)):
        return None
    person = first_name(words[k:], table, people)
    return person if person is not None and person.kind == "name" else None


def _verb_opens(window: list[Tok], verb: Phrase, people: PeopleIndex) -> bool:
    """Does the verb open its clause: first in the window or its sentence, or right after
    punctuation?"""
    k = verb[0]
    return k == 0 or window[k].sent_start or not people.adjacent(window[k - 1], window[k])


def _name_ending_at(
    window: list[Tok], index: int, table: LanguageData, people: PeopleIndex
) -> Name | None:
    for gap in range(0, SUBJECT_GAP + 1):
        end = index - gap
        if end <= 0:
            break
        tok = window[end - 1]
        if end < index and not people.adjacent(tok, window[end]):
            break  # punctuation between: "No Twitter, Trump partilhou" is not one name
        if tok.lower in table.pronouns:
            return Name(tok.text, tok.start, tok.end, "pronoun")
        if tok.lower in table.coordinators:
            return None  # "… y el Pentágono y calificó": the subject opens the clause before
        if _unnamed_subject(window, end, table, people):
            return Name(tok.text, tok.start, tok.end, "unnamed")
        if people.is_name_token(tok, table):
            name = _name_run_ending_at(window, end, table, people)
            return name if _subject_position(window, name, table) else _titled(window, name, table)
        if is_role(tok.text, table):
            return Name(tok.text, tok.start, tok.end, "role")
        if _organisation_noun(window, end - 1, table):
            return Name(tok.text, tok.start, tok.end, "organisation")
    return None


def _opening_subject(
    window: list[Tok], verb: Phrase, table: LanguageData, people: PeopleIndex
) -> Name | None:
    """A capitalized word the document names nowhere else, opening the sentence right
    before its speech verb ("Vox ha respondido:", "NSC zei") or before an apposition
    that ends there ("Varskotech, the country's largest firm, said"), or an acronym there:
    the verb's subject. Not where the verb's own subject follows it ("Gisteren zei hij",
    "Later schreef Rutte"), nor a noun where every noun is capitalized."""
    k = verb[0] - 1
    while k >= 0 and window[k].lower in table.stopwords and not window[k].sent_start:
        k -= 1  # auxiliaries: "Vox ha respondido"
    if k < 0:
        return None
    opening = _before_apposition(window, k, people)
    if opening is not None:
        k = opening  # "Varskotech, la mayor empresa del país, dijo"
    tok = window[k]
    if not _opening_word(window, k, table, people) or not _plain_word(tok, table):
        return None
    if opening is None and not people.adjacent(tok, window[k + 1]):
        return None  # "Inoltre, ha sottolineato", "Lula (PT) admitiu"
    if _subject_after(window[verb[1] : verb[1] + 2], table, people):
        return None
    return Name(tok.text, tok.start, tok.end, "name")


def _before_apposition(window: list[Tok], k: int, people: PeopleIndex) -> int | None:
    """Where the word opening a sentence stands when an apposition set off by commas
    follows it and ends at window[k] ("Varskotech, the country's largest firm, said"):
    None where no comma ends one there."""
    if k + 1 >= len(window) or not people.comma_between(window[k], window[k + 1]):
        return None
    for j in range(k - 1, max(-1, k - _APPOSITION_WORDS - 2), -1):
        if people.comma_between(window[j], window[j + 1]):
            return j if window[j].sent_start else None
    return None


def _opening_word(window: list[Tok], k: int, table: LanguageData, people: PeopleIndex) -> bool:
    """An acronym, or a capitalized word opening its sentence, after an article at most
    ("Die FDP"); where every noun is capitalized, only an organisation."""
    tok = window[k]
    if tok.text.isalpha() and tok.text.isupper() and 2 <= len(tok.text) <= _ACRONYM:
        return True
    opens = tok.sent_start or (k > 0 and window[k - 1].sent_start
                               and window[k - 1].lower in table.stopwords)
    return opens and tok.text[:1].isupper() and (
        not table.capitalizes_nouns or people.kind(tok.text) == "organisation")


def _subject_after(after: list[Tok], table: LanguageData, people: PeopleIndex) -> bool:
    """Do the words right after a verb name its subject: a pronoun or capitalized word
    (a name where every noun is capitalized), or one after a function word ("zei de
    VVD'er", "ha sottolineato il premier")?"""
    if after and after[0].lower not in table.pronouns and after[0].lower in table.stopwords:
        after = after[1:]
    if not after:
        return False
    first = after[0]
    capital = first.text[:1].isupper() and (
        not table.capitalizes_nouns or people.is_name_token(first, table))
    return first.lower in table.pronouns or capital or is_role(first.text, table)


def heading_name(window: list[Tok], table: LanguageData, people: PeopleIndex) -> Name | None:
    """The one or two capitalized words that alone open a line before its colon
    ("Schlein: «…»", "Varsko: „…“"): a speaker's name, though the document names them
    nowhere else; not a word languages write lowercase ("Update:", "Attention:") nor one
    the tables know as no name. Inside a paragraph only a name the document gives
    elsewhere ("Indiquant: «…»" goes on from the sentence before)."""
    if not 1 <= len(window) <= _HEADING_WORDS or not window[0].sent_start:
        return None
    line_start = people.text.rfind("\n", 0, window[0].start) + 1
    if people.text[line_start : window[0].start].strip() and not all(
            t.text in people.mention_words or is_first_name(t.text) for t in window):
        return None
    if not all(t.text.isalpha() and t.text[:1].isupper() and not t.text.isupper()
               and _plain_word(t, table) and not _common_word(t) for t in window):
        return None
    if any(not people.adjacent(a, b) for a, b in pairwise(window)):
        return None
    return Name(join(window), window[0].start, window[-1].end, "name")


def _common_word(tok: Tok) -> bool:
    return tok.lower in lowercase_words() and not is_first_name(tok.text)


def _plain_word(tok: Tok, table: LanguageData) -> bool:
    """A word that is no function word, pronoun, role, title or known non-name."""
    lower = tok.lower
    return not (lower in table.stopwords or lower in table.pronouns or never_a_name(lower, table)
                or is_role(tok.text, table) or tok.text in table.titles
                or lower in table.coordinators or lower in table.indefinites)


def _unnamed_subject(window: list[Tok], end: int, table: LanguageData, people: PeopleIndex) -> bool:
    """Does window[end - 1] end a subject without a name that opens its clause ("…,” one
    reader tweeted", "Another added:", "Een woordvoerder zei")? An indefinite alone, or
    one before a lowercase noun; the clause opens where the window or a sentence begins,
    or after punctuation."""
    tok = window[end - 1]
    start = end - 1
    if tok.lower not in table.indefinites:
        if not tok.text.islower() or is_spokesperson(tok.text, table):
            return False  # "a Pentagon spokesman" speaks for the Pentagon
        start -= 1
        # "A senior White House official said": other words may stand between.
        while start >= 0 and end - start <= _UNNAMED_WORDS \
                and window[start].lower not in table.indefinites:
            start -= 1
        if start < 0 or window[start].lower not in table.indefinites or any(
                not people.adjacent(a, b) for a, b in pairwise(window[start:end])):
            return False
    return start == 0 or window[start].sent_start or not people.adjacent(
        window[start - 1], window[start])


def _before(window: list[Tok], name: Name) -> int:
    """The index of the last token before `name` in `window` (-1 where none is)."""
    return next((k for k in range(len(window) - 1, -1, -1) if window[k].end <= name.start), -1)


def _subject_position(window: list[Tok], name: Name, table: LanguageData) -> bool:
    """A name right after a preposition is a complement ("el presidente de Vox dijo",
    "salió en defensa de Maduro y respondió"), not the verb's subject."""
    k = _before(window, name)
    while k >= 0 and window[k].lower in table.definite_articles:
        # "patrocinadora de la Selección": the preposition before the article; an article
        # opening the window that is a preposition too ("afirmou a PF") is an article.
        k -= 1
    return k < 0 or window[k].lower not in table.prepositions


def _possessive(window: list[Tok], name: Name) -> bool:
    """A name followed by "'s" ("Trump's decision") owns a noun, it does not speak."""
    after = next((t for t in window if t.start >= name.end), None)
    return after is not None and after.start == name.end and after.lower in ("s", "'s", "’s")


def _titled(window: list[Tok], name: Name, table: LanguageData) -> Name | None:
    """The role a complement belongs to ("el presidente de Vox"), or nobody."""
    k = _before(window, name) - 1
    while k >= 0 and window[k].lower in table.stopwords and k > _before(window, name) - 3:
        k -= 1
    if k >= 0 and is_role(window[k].text, table):
        # The role with its complement, matched beside the names ranked for it.
        words = [t.text for t in window if window[k].start <= t.start < name.end]
        return Name(" ".join(words), window[k].start, name.end, "role")
    return None


def _name_run_ending_at(
    window: list[Tok], end: int, table: LanguageData, people: PeopleIndex
) -> Name:
    """The name whose last word is window[end - 1], particles inside it included."""
    begin = end - 1
    while (
        begin > 0
        and people.adjacent(window[begin - 1], window[begin])
        and (
            people.is_name_token(window[begin - 1], table)
            or window[begin - 1].lower in table.name_particles
        )
    ):
        begin -= 1
    while window[begin].lower in table.name_particles:
        begin += 1
    # The name starts at its first first name ("des Bouches-du-Rhône Olivier de Mazières
    # a déclaré"): the capitalized words before it are a place or body.
    first = next((k for k in range(begin + 1, end) if is_first_name(window[k].text)
                  and window[k].lower not in table.name_particles), None)
    if first is not None and not any(is_first_name(t.text) for t in window[begin:first]):
        begin = first
    begin = _mention_start(window, begin, end, people)
    return Name(join(window[begin:end]), window[begin].start, window[end - 1].end, "name")


def _mention_start(window: list[Tok], begin: int, end: int, people: PeopleIndex) -> int:
    """Where the name ending at window[end - 1] begins as the document's mention cut it:
    an office or place before the name is none of it ("le préfet de police des
    Bouches-du-Rhône Olivier de Mazières a déclaré"), as a run is trimmed everywhere."""
    mention = people.mention_ending(window[end - 1].end)
    if mention is None or mention.start <= window[begin].start or any(
            is_first_name(t.text) for t in window[begin:end] if t.start < mention.start):
        return begin  # "Otávio do Rêgo Barros": a first name is the name's
    return next((k for k in range(begin, end) if window[k].start == mention.start), begin)


def first_name(
    window: list[Tok],
    table: LanguageData,
    people: PeopleIndex,
    *,
    stop_at_common_noun: bool = False,
) -> Name | None:
    """The first pronoun, name or role in a short window; a role followed by a name in
    apposition ("le président américain, Donald Trump") gives the name. With
    `stop_at_common_noun`, a common noun after a determiner ("a council member", "un
    habitant", "seorang warga") ends the search: the subject has no name."""
    if stop_at_common_noun:  # "admet la nouvelle ministre", "so der frustrierte Härtel"
        window = [t for i, t in enumerate(window) if not _qualifies_next(window, i, table, people)]
    passed: list[Tok] = []  # the words naming no one, read so far
    complement = False  # whether a preposition's complement was read past
    for i, tok in enumerate(window):
        if _genitive(tok, people):
            continue  # "teilte Putins Berater Juri Utschakow mit": whose adviser
        found = _name_at(window, i, table, people)
        if found is not None and not _owns_role_after(window, found, table, people):
            return found
        if stop_at_common_noun and tok.is_word and found is None:
            passed.append(tok)
            end = common_noun_end(passed, table)
            if not complement and _told_first(passed, end, table):
                # "a déclaré à l'AFP la procureure": the one told, then the subject.
                complement, passed = True, []
            elif isinstance(end, Tok):  # "said a council member": a subject without a name
                return Name(end.text, end.start, end.end, "unnamed")
            elif end:
                return None
    return None


def _told_first(passed: list[Tok], end: Tok | bool, table: LanguageData) -> bool:
    """Do the words read past after a speech verb end a preposition's complement, the one
    told ("a déclaré à l'AFP la procureure")? The subject may follow it."""
    return bool(end) and preposition_only(passed[0], table)


def _qualifies_next(window: list[Tok], i: int, table: LanguageData, people: PeopleIndex
                    ) -> bool:
    """Is window[i] a lowercase word between a definite article and a role or name,
    qualifying it (an adjective: "la nouvelle ministre", "der frustrierte Härtel")? After
    an indefinite one the subject stays unnamed ("said a frustrated coach")."""
    if not 0 < i < len(window) - 1 or not window[i].text.islower() \
            or _name_at(window, i, table, people) is not None:  # "la segretaria Dem"
        return False
    article, after = window[i - 1].lower, window[i + 1]
    return article in table.stopwords and article not in table.indefinites \
        and people.adjacent(window[i], after) \
        and (is_role(after.text, table) or people.is_name_token(after, table))


def _owns_role_after(window: list[Tok], name: Name, table: LanguageData,
                     people: PeopleIndex) -> bool:
    """Is the name the first part of the role compound right after it ("zegt Willem
    II-trainer Jan Varsko"), or an adjective before a role ("zei de Amerikaanse minister
    Blinken")? Then the role's holder is named further on."""
    after = next((t for t in window if t.start >= name.end), None)
    return (name.kind == "name" and after is not None and people.text[name.end : after.start] == " "
            and (owner_compound(after, table) or modifies_role(people.text, name, after, table)))


def _genitive(tok: Tok, people: PeopleIndex) -> bool:
    """A name the document gives, with the genitive "s" ("Putins", "Ruttes"): the owner of
    what follows, not a person speaking."""
    text = tok.text
    return (len(text) > 3 and text.endswith("s") and text[:1].isupper()
            and text[:-1] in people.mention_words)


def _name_at(window: list[Tok], i: int, table: LanguageData, people: PeopleIndex) -> Name | None:
    """A pronoun, name or role starting at window[i]."""
    tok = window[i]
    if tok.lower in table.pronouns:
        return Name(tok.text, tok.start, tok.end, "pronoun")
    if people.is_name_token(tok, table):
        return _name_run_from(window, i, table, people)
    if is_role(tok.text, table):
        return _role_or_apposition(window, i, table, people)
    if _organisation_noun(window, i, table):
        if i + 1 < len(window) and people.adjacent(tok, window[i + 1]) \
                and people.is_name_token(window[i + 1], table):
            return _name_run_from(window, i + 1, table, people)  # "la empresa Varskotech"
        return Name(tok.text, tok.start, tok.end, "organisation")
    return None


def _organisation_noun(window: list[Tok], i: int, table: LanguageData) -> bool:
    """A body named by its common noun after a determiner ("the ministry said", "das
    Ministerium erklärte", "la empresa dijo"): the organisation named before speaks."""
    return (_body_word(window[i].lower, table) and i > 0
            and window[i - 1].lower in table.stopwords
            and not (i > 1 and window[i - 2].lower in table.prepositions)  # "to the company"
            # "to the company"; but an article that is a preposition too ("informou a
            # polícia") is an article.
            and (window[i - 1].lower not in table.prepositions
                 or window[i - 1].lower in table.definite_articles)
            and window[i - 1].lower not in table.possessives)  # "zijn kabinet": whose


def _body_word(lower: str, table: LanguageData) -> bool:
    """A body's common noun, alone or joined to its owner ("cda-bestuur", "vvd-fractie")."""
    return compound_body(lower, table) or (
        "-" in lower and lower.rpartition("-")[2] in table.organisation_words)


def _name_run_from(window: list[Tok], i: int, table: LanguageData, people: PeopleIndex) -> Name:
    """The name whose first word is window[i]: adjacent name words, and a particle between
    two of them ("Ursula von der Leyen")."""
    j = i
    while j + 1 < len(window) and people.adjacent(window[j], window[j + 1]):
        nxt = window[j + 1]
        if people.two_people(window[j].text, nxt.text) and j == i:
            break  # "beet Wilders Omtzigt toe": two people the text names alone
        if people.is_name_token(nxt, table):
            j += 1
        elif (
            nxt.lower in table.name_particles
            and j + 2 < len(window)
            and people.adjacent(nxt, window[j + 2])
            and people.is_name_token(window[j + 2], table)
            and _particle_joins(window[j : j + 3], people)
        ):
            j += 2
        else:
            break
    return Name(join(window[i : j + 1]), window[i].start, window[j].end, "name")


def _particle_joins(words: list[Tok], people: PeopleIndex) -> bool:
    """Does a particle between two capitalized words make one name of them ("Lula da
    Silva", "Caroline van der Plas"), rather than link a name to a party or place
    ("Margiotta del Pd", "Vijlbrief in Garmerwolde")? After a first name it does; after a
    surname only before a word that is no organisation and that the text names nothing
    with on its own (a place: "in Garmerwolde"); inside a surname ("Van der Plas") it does.
    `words`: the word before the particle, the particle, the word after it."""
    before, particle, after = words
    if is_first_name(before.text) or particle.start in people.surname_particles:
        return True
    return people.kind(after.text) != "organisation" and after.text not in people.mention_words


def _role_or_apposition(
    window: list[Tok], i: int, table: LanguageData, people: PeopleIndex
) -> Name | None:
    """The role noun at window[i] (with what it is the role of: "il ministro della
    Difesa"), or the name it titles or stands in apposition to."""
    role = with_owner(window, i, table, people)
    j = next((k for k in range(i + 1, len(window)) if window[k].start >= role.end), len(window))
    rest = window[j : j + _APPOSITION_WITHIN]
    for k, candidate in enumerate(rest):
        if people.is_name_token(candidate, table):
            # A title right before the name ("Bürgermeisterin Erika Muster", "President
            # Joe Biden", "il ministro della Difesa Guido Crosetto"), or apposition after
            # a comma ("président américain, Donald Trump", "il ministro
            # dell'Agricoltura, Francesco Lollobrigida"); not a name further on ("patron
            # de Tesla", "mandatario, según Associated Press").
            previous = rest[k - 1] if k else window[j - 1]
            titled = titles(window[j - 1 : j + k + 1], table, people)
            if titled or (people.comma_between(previous, candidate)
                          and _closes_apposition(window, j + k, table, people)):
                named = without_country(first_name(rest[k:], table, people), role, table)
                if titled and named is not None and named.kind == "name" and (
                        people.kind(named.text) == "organisation" or _owner_word(named, people)):
                    # "politikus Partai Hanura", "la segretaria Dem": whose role it is, not
                    # who holds it.
                    return Name(f"{role.text} {named.text}", role.start, named.end, "role")
                return named
            break
    return role


def _owner_word(named: Name, people: PeopleIndex) -> bool:
    """Is a lone word after a role no one's name: a word languages write lowercase, no first
    name, unknown to the archive, and in no other mention of the document ("ha detto la
    segretaria Dem", "sambung Kepala Negara"; "il premier Conte" is named elsewhere too,
    "Eindredacteur Roling" is no word)?"""
    word = named.text
    if " " in word or word.casefold() not in lowercase_words() or is_first_name(word) \
            or people.is_known(word):
        return False
    return not any(word in m.name.split() for m in people.mentions if m.start != named.start)


def _closes_apposition(
    window: list[Tok], i: int, table: LanguageData, people: PeopleIndex
) -> bool:
    """Does the name starting at window[i] end an apposition ("le président américain,
    Donald Trump, a …" or at the window's end), rather than open a clause of its own
    ("Según el líder del PP, Sánchez sería …")?"""
    name = _name_run_from(window, i, table, people)
    after = next((t for t in window[i:] if t.start >= name.end), None)
    # A window of words only: the comma closing the apposition stands between tokens.
    return after is None or not after.is_word or people.text[name.end : after.start].strip() != ""


def name_in(window: list[Tok], table: LanguageData, people: PeopleIndex) -> Name | None:
    """The likeliest person named in a window: a known person first, else the first name."""
    best: Name | None = None
    i = 0
    while i < len(window):
        name = first_name(window[i:], table, people)
        if name is None:
            break
        # A name after a preposition is a complement ("ha scritto l'inquilino della Casa
        # Bianca"), no speaker.
        complement = name.kind in ("name", "role") and not _subject_position(window, name, table)
        if name.kind == "name" and people.is_known(name.text) and not complement:
            return name
        if best is not None and not complement and _apposed_person(best, name, people):
            best = name
        best = best or (None if complement else name)
        i = next((k for k, t in enumerate(window) if t.start >= name.end), len(window))
    return best


def _apposed_person(before: Name, name: Name, people: PeopleIndex) -> bool:
    """Is `name` a person's name set off by a comma right after a capitalized word without
    a first name that is no organisation ("del bar La Mejillonera, Ana María González")?
    Then the person, not the bar, shop or place, is the one meant."""
    return (before.kind == name.kind == "name" and people.kind(before.text) == "person"
            and not people.person_at(before.start) and people.person_at(name.start)
            and people.text[before.end : name.start].strip() == ",")
