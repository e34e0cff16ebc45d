"""The schema of a language table: one pydantic model that is both the TOML file's
layout (each field names its place in the file) and the type the pipeline reads.

Word lists are casefolded on the way in where the pipeline compares them to casefolded
text; names, titles and suffixes keep their case. Unknown keys are errors, so a typo in a
table names itself instead of silently emptying a list.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AliasPath, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError


def _casefolded(values: Any) -> Any:
    if isinstance(values, list | tuple):
        return [v.casefold() if isinstance(v, str) else v for v in values]
    return values


def _casefolded_keys(mapping: Any) -> Any:
    if isinstance(mapping, dict):
        return {k.casefold(): v for k, v in mapping.items()}
    return mapping


def _casefolded_items(mapping: Any) -> Any:
    if isinstance(mapping, dict):
        return {k.casefold(): v.casefold() if isinstance(v, str) else v for k, v in mapping.items()}
    return mapping


def _compiled_mediums(mediums: Any) -> Any:
    """`[medium]` (medium → regexes) as (medium, compiled pattern) pairs, in file order."""
    if not isinstance(mediums, dict):
        return mediums
    return [
        (medium, _compiled(medium, pattern))
        for medium, patterns in mediums.items()
        for pattern in (patterns if isinstance(patterns, list) else [patterns])
    ]


def _compiled(medium: str, pattern: Any) -> Any:
    if not isinstance(pattern, str):
        return pattern
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise PydanticCustomError(
            "bad_pattern", "{medium}: bad pattern '{pattern}': {why}",
            {"medium": medium, "pattern": pattern, "why": str(exc)},
        ) from exc


def _casefolded_levels(levels: Any) -> Any:
    if isinstance(levels, dict):
        return {level: _casefolded(forms) for level, forms in levels.items()}
    return levels


def _two_poles(opposites: Any) -> Any:
    if isinstance(opposites, dict):
        for axis, poles in opposites.items():
            if not isinstance(poles, dict) or len(poles) != 2:
                raise PydanticCustomError(
                    "two_poles", "{axis} must name exactly two poles", {"axis": axis}
                )
        return {
            axis: {pole: _casefolded(forms) for pole, forms in poles.items()}
            for axis, poles in opposites.items()
        }
    return opposites


Words = Annotated[tuple[str, ...], BeforeValidator(_casefolded)]
WordSet = Annotated[frozenset[str], BeforeValidator(_casefolded)]
Factors = Annotated[dict[str, float], BeforeValidator(_casefolded_keys)]
Measures = Annotated[dict[str, tuple[str, float]], BeforeValidator(_casefolded_keys)]
Codes = Annotated[dict[str, str], BeforeValidator(_casefolded_keys)]
Renames = Annotated[dict[str, str], BeforeValidator(_casefolded_items)]
Mediums = Annotated[tuple[tuple[str, re.Pattern[str]], ...], BeforeValidator(_compiled_mediums)]
Opposites = Annotated[dict[str, dict[str, tuple[str, ...]]], BeforeValidator(_two_poles)]
Levels = Annotated[dict[str, tuple[str, ...]], BeforeValidator(_casefolded_levels)]


def _at(section: str, key: str) -> AliasPath:
    return AliasPath(section, key)


class LanguageData(BaseModel):
    """Everything the pipeline knows about one language."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    name: str
    quote_pairs: tuple[tuple[str, str], ...]
    stopwords: WordSet
    letters: str = ""  # letters typical of the language, a weak hint for language identification
    capitalizes_nouns: bool = False  # German-style: a capitalized word alone is no sign of a name
    # Nouns compound without a hyphen (nl; de through capitalizes_nouns): a word ending in a
    # role is a role ("zorgminister").
    compound_roles: bool = False
    # Pro-drop (es, it, pt): a sentence may open with its verb ("Agradeceu a todos"), so a
    # capitalized word opening a sentence is no sign of a subject's name.
    drops_subjects: bool = False
    # Nouns stand without an article (id): "…”, jawab pelaku" has an unnamed subject, where
    # other languages need an article before it ("…”, said the arrestee").
    bare_nouns: bool = False
    # No article stands before a person's name (en, nl, de, fr): "de Bosschenaar" is a noun.
    # (Italian writes "la Meloni", Spanish and Portuguese may write "la Pantoja", "o Lula".)
    unarticled_names: bool = False
    # words written with an apostrophe at their edge, which is then no quote mark: nl "'s",
    # en "'n'" (rock 'n' roll), it "po'"
    apostrophe_words: Words = ()
    # --- [attribution] ---
    speech_verbs: Words = Field((), validation_alias=_at("attribution", "speech_verbs"))
    according_to: Words = Field((), validation_alias=_at("attribution", "according_to"))
    # reporting words valid only right after a quote (de "so")
    after_quote: Words = Field((), validation_alias=_at("attribution", "after_quote"))
    pronouns: WordSet = Field(frozenset(), validation_alias=_at("attribution", "pronouns"))
    # lowercase role nouns standing for a person ("billionaire")
    roles: WordSet = Field(frozenset(), validation_alias=_at("attribution", "roles"))
    name_particles: frozenset[str] = Field(
        frozenset(), validation_alias=_at("attribution", "name_particles")
    )
    titles: frozenset[str] = Field(frozenset(), validation_alias=_at("attribution", "titles"))
    # a verb's suffix that is its subject (id "ujarnya")
    pronoun_suffixes: tuple[str, ...] = Field(
        (), validation_alias=_at("attribution", "pronoun_suffixes")
    )
    # capitalized words that never name a person (Monday, Januari)
    not_names: WordSet = Field(frozenset(), validation_alias=_at("attribution", "not_names"))
    # articles (or article and preposition in one word) that make the lone capitalized
    # word after them a body, place or thing, not a person (es "la Selección", it "nel
    # Consiglio"), where the text never writes that word without one
    thing_articles: WordSet = Field(
        frozenset(), validation_alias=_at("attribution", "thing_articles")
    )
    # endings of words that never name a person (adverbs: es "-mente", "Igualmente señala")
    not_name_endings: tuple[str, ...] = Field(
        (), validation_alias=_at("attribution", "not_name_endings")
    )
    # institutions that speak as one ("casa blanca", "nos"): an organisation, not a person
    organisations: WordSet = Field(
        frozenset(), validation_alias=_at("attribution", "organisations")
    )
    # nouns that make a name a news outlet's, in it or right before it ("omroep",
    # "Presse-Agentur"): an outlet reports words, it is no speaker a guess may name
    outlet_words: WordSet = Field(
        frozenset(), validation_alias=_at("attribution", "outlet_words")
    )
    # words that make a capitalized run an organisation ("partai", "ministerium")
    organisation_words: WordSet = Field(
        frozenset(), validation_alias=_at("attribution", "organisation_words")
    )
    # relative pronouns ("qui", "who", "yang"): a short quote in the clause one opens is
    # the words of the person or role right before it
    relative_pronouns: WordSet = Field(
        frozenset(), validation_alias=_at("attribution", "relative_pronouns")
    )
    # nouns for a written statement ("comunicado", "Mitteilung"): as a speech verb's subject
    # ("…», finaliza el mensaje de la Casa Blanca") the one it is of is the speaker
    statement_nouns: WordSet = Field(
        frozenset(), validation_alias=_at("attribution", "statement_nouns")
    )
    # definite articles ("the", "el", "die"): "…», añade el comunicado" is the statement
    # of the one quoted before; "dijo en un comunicado" is no statement as subject
    definite_articles: WordSet = Field(
        frozenset(), validation_alias=_at("attribution", "definite_articles")
    )
    # verbs of judging ("juge", "findet"): a term beside one takes its sentence's speaker
    opinion_verbs: Words = Field((), validation_alias=_at("attribution", "opinion_verbs"))
    # indefinite articles: "said a council member" names a speaker without a name
    indefinites: WordSet = Field(frozenset(), validation_alias=_at("attribution", "indefinites"))
    # what a pronoun or clitic agrees with: "m", "f" or "p" (plural), or each it may take
    # ("fp": de "sie", she or they); absent: anyone
    pronoun_genders: Codes = Field({}, validation_alias=_at("attribution", "pronoun_genders"))
    # pronouns after a preposition ("selon lui", "volgens hem") and what they agree with
    object_pronouns: Codes = Field({}, validation_alias=_at("attribution", "object_pronouns"))
    # a transcript's label for a question ("Frage:"): the quote after it is an unnamed one's
    question_labels: WordSet = Field(
        frozenset(), validation_alias=_at("attribution", "question_labels"))
    # what a role noun after the article agrees with ("la portavoz": "f"); absent: anyone
    article_genders: Codes = Field({}, validation_alias=_at("attribution", "article_genders"))
    # A feminine role noun's ending → its masculine counterpart's ("sprecherin" → "sprecher",
    # "ministra" → "ministro"): a role whose counterpart is also a role is a woman's.
    feminine_endings: Renames = Field(
        {}, validation_alias=_at("attribution", "feminine_endings")
    )
    # marks of a genitive right after a name ("’s"): the name determines a noun, it is not
    # the subject
    genitive_marks: Words = Field((), validation_alias=_at("attribution", "genitive_marks"))
    # endings a name takes in the genitive, written on to it (de "des Ministeriums")
    genitive_endings: Words = Field((), validation_alias=_at("attribution", "genitive_endings"))
    # titles telling a person's gender ("frau": "f", "monsieur": "m"); absent: either
    title_genders: Codes = Field({}, validation_alias=_at("attribution", "title_genders"))
    # I, my, we, our: the voice of a reproduced post
    first_person: WordSet = Field(frozenset(), validation_alias=_at("attribution", "first_person"))
    # Third-person possessives ("his", "zijn", "sus"): a sentence holding one speaks of
    # someone, so a term in it may be that person's words.
    possessives: WordSet = Field(frozenset(), validation_alias=_at("attribution", "possessives"))
    # Prepositions that make the name after them a complement ("el presidente de Vox
    # dijo", "salió en defensa de Maduro y respondió"): no subject of the verb.
    prepositions: WordSet = Field(frozenset(), validation_alias=_at("attribution", "prepositions"))
    # Prepositions that put a town or city after them ("in", "desde", "aus", "di"), not a
    # person: a name of data/places.txt written after one is a place in that text.
    place_prepositions: WordSet = Field(
        frozenset(), validation_alias=_at("attribution", "place_prepositions")
    )
    # Nouns a place's own name follows ("via Sauro", "piazza Mazzini", "rue Nationale",
    # "Jalan Sudirman"): a name written only after one is a street or square, no speaker.
    place_nouns: WordSet = Field(frozenset(), validation_alias=_at("attribution", "place_nouns"))
    # Last words of a place's name ("Market Street", "Westley Road", "Berliner Straße").
    place_endings: WordSet = Field(
        frozenset(), validation_alias=_at("attribution", "place_endings")
    )
    # Words opening a reported clause ("dijo que", "sagte, dass"): a name after one is
    # that clause's subject, not the speaker's.
    complementizers: WordSet = Field(
        frozenset(), validation_alias=_at("attribution", "complementizers")
    )
    # Roles that speak for an organisation ("spokesperson", "woordvoerder"): one without a
    # name ("a spokeswoman said") names nobody, neither the organisation nor a person.
    spokespeople: WordSet = Field(
        frozenset(), validation_alias=_at("attribution", "spokespeople")
    )
    # Words opening a reporter's question before the answer ("Asked if she could …, May
    # said"): a term in that opening clause is the question's wording, nobody's quote.
    question_openers: WordSet = Field(
        frozenset(), validation_alias=_at("attribution", "question_openers")
    )
    # Verb forms only reported speech takes (German Konjunktiv I: "sei", "habe"): a
    # sentence with one and no speech verb goes on with the words of the one quoted before.
    reported_speech_forms: WordSet = Field(
        frozenset(), validation_alias=_at("attribution", "reported_speech_forms")
    )
    # Speech verbs whose following noun is the one spoken to ("told MPs that", "asked
    # Varsko"), never the speaker, where the language does not invert subject and verb.
    addressee_verbs: WordSet = Field(
        frozenset(), validation_alias=_at("attribution", "addressee_verbs")
    )
    # Endings of a speech verb's participle ("saying", "ajoutant", "aggiungendo"): its
    # subject is the main clause's, and a name after it is what it speaks of ("saying the
    # Electoral College “has spoken”"), never the speaker.
    participle_endings: tuple[str, ...] = Field(
        (), validation_alias=_at("attribution", "participle_endings")
    )
    # Coordinating "and" ("y calificó", "and added"): a verb right after one shares the
    # subject of the clause before, not the name that ends it ("… y el Pentágono y calificó").
    coordinators: WordSet = Field(
        frozenset(), validation_alias=_at("attribution", "coordinators")
    )
    # "post", "bericht": words introducing a reproduced post
    block_intro: Words = Field((), validation_alias=_at("attribution", "block_intro"))
    # --- [medium]: medium → case-insensitive regexes naming it ---
    medium_patterns: Mediums = Field((), validation_alias="medium")
    # --- [translation]: MarianMT model into English; None: the multilingual one ---
    translation_model: str | None = Field(None, validation_alias=_at("translation", "model"))
    # --- [numbers] ---
    decimal_comma: bool = Field(False, validation_alias=_at("numbers", "decimal_comma"))
    # a decade: "années 30" (a word before), "30s", "30er" (an ending)
    decade_words: WordSet = Field(frozenset(), validation_alias=_at("numbers", "decade_words"))
    decade_endings: Words = Field((), validation_alias=_at("numbers", "decade_endings"))
    scales: Factors = Field({}, validation_alias=_at("numbers", "scales"))  # "juta" → 1e6
    currencies: Codes = Field({}, validation_alias=_at("numbers", "currencies"))  # "dolar" → USD
    approximators: Words = Field((), validation_alias=_at("numbers", "approximators"))
    number_words: Factors = Field({}, validation_alias=_at("numbers", "words"))  # "zehn" → 10
    # number words that are more often another word, counted only right before a unit of
    # `measures` (it "sei anni": six years; "sei stanco": you are tired)
    unit_numbers: Factors = Field({}, validation_alias=_at("numbers", "before_units"))
    number_multipliers: Factors = Field({}, validation_alias=_at("numbers", "multipliers"))
    # collective numbers that are approximate in themselves ("une vingtaine", "un
    # centenar": about 20, about 100): numbers, read as an approximate amount
    approximate_numbers: Factors = Field({}, validation_alias=_at("numbers", "approximate"))
    # "et demi", "y medio": half of the scale right before ("un million et demi" = 1.5e6)
    number_halves: Words = Field((), validation_alias=_at("numbers", "halves"))
    # "a", "un", "eine": one, but only before a scale
    number_ones: WordSet = Field(frozenset(), validation_alias=_at("numbers", "ones"))
    # "and" (hundred and ten), "und" (fünfundzwanzig)
    number_joiners: WordSet = Field(frozenset(), validation_alias=_at("numbers", "joiners"))
    # numbers written as one word: "zehntausend", "diecimila"
    compound_numbers: bool = Field(False, validation_alias=_at("numbers", "compound_numbers"))
    vague_numbers: Factors = Field({}, validation_alias=_at("numbers", "vague"))  # "thousands"
    # words that state a count without a number ("twice", "both", "decade"): they excuse
    # the number the other side writes for them, and are no number of their own
    implicit_numbers: Factors = Field({}, validation_alias=_at("numbers", "implicit"))
    # idioms whose number words count nothing ("grazie mille", "mil gracias")
    number_idioms: Words = Field((), validation_alias=_at("numbers", "idioms"))
    # a clock time, not a count: a number before one of these ("6 pm", "18 Uhr") or, at a
    # sentence's end or before one of them, after one of these ("alle 18", "pukul 18.00")
    clock_after: Words = Field((), validation_alias=_at("numbers", "clock_after"))
    clock_before: Words = Field((), validation_alias=_at("numbers", "clock_before"))
    # before a clock time only with its unit after it ("à 18 heures", "om 9 uur"): alone
    # they are prepositions ("de 12 à 18", "stieg um 18")
    clock_before_unit: Words = Field((), validation_alias=_at("numbers", "clock_before_unit"))
    # unit word → [base unit, amount of the base in one]: "weeks" = ["day", 7]
    measures: Measures = Field({}, validation_alias=_at("numbers", "measures"))
    # phrases stating an amount of a unit other than their number: "quince días" = 14 days
    measure_idioms: Measures = Field({}, validation_alias=_at("numbers", "measure_idioms"))
    percent_words: Words = Field((), validation_alias=_at("numbers", "percent"))
    range_to: Words = Field((), validation_alias=_at("numbers", "range_to"))  # "10 bis 15"
    range_between: Words = Field((), validation_alias=_at("numbers", "range_between"))
    range_and: Words = Field((), validation_alias=_at("numbers", "range_and"))
    # "im Jahr 1", "pada tahun 2019": a year
    year_words: WordSet = Field(frozenset(), validation_alias=_at("numbers", "year_words"))
    # "100 millions de dollars", "d'euros"
    currency_connectors: Words = Field((), validation_alias=_at("numbers", "connectors"))
    # How much of a whole a claim covers, level (named in English) → forms: "most" →
    # "la plupart"; "in most populations" rendered "in many" is a changed quantity
    quantifiers: Levels = Field({}, validation_alias=_at("numbers", "quantifiers"))
    # forms that are no quantity there ("the most lethal", "am meisten")
    not_quantifiers: Words = Field((), validation_alias=_at("numbers", "not_quantifiers"))
    # --- [polarity] ---
    negations: WordSet = Field(frozenset(), validation_alias=_at("polarity", "negations"))
    # "confused", "refuse", "without"
    implicit_negations: WordSet = Field(frozenset(), validation_alias=_at("polarity", "implicit"))
    # "unless", "no longer", "ever": rendered with a negation in one language, without in another
    ambiguous_polarity: WordSet = Field(frozenset(), validation_alias=_at("polarity", "ambiguous"))
    # words saying that something goes on ("still", "masih"): not "no longer"
    continuing: WordSet = Field(frozenset(), validation_alias=_at("polarity", "continuing"))
    # "not only", "non lucratif": no negation
    negation_exceptions: Words = Field((), validation_alias=_at("polarity", "exceptions"))
    # conjunctions that open a clause
    clause_words: WordSet = Field(frozenset(), validation_alias=_at("polarity", "clause_words"))
    hedges: Words = Field((), validation_alias=_at("polarity", "hedges"))  # "apparently"
    # "imo", "à mon avis": the claim is the speaker's opinion
    opinion_markers: Words = Field((), validation_alias=_at("polarity", "opinion"))
    # "unless", "à moins que": a clause opened by one is the claim's condition
    conditions: Words = Field((), validation_alias=_at("polarity", "conditions"))
    # "if only", "si seulement": a wish worded like a condition, conditioning no claim
    wishes: Words = Field((), validation_alias=_at("polarity", "wishes"))
    # A condition word with another common reading (nl "als" also "as", pt "se" also a
    # pronoun): it opens a condition only before one of its words ("als we", "se eu")
    ambiguous_conditions: Levels = Field(
        {}, validation_alias=_at("polarity", "ambiguous_conditions"))
    # --- [names] ---
    exonyms: Renames = Field({}, validation_alias=_at("names", "exonyms"))  # "deutschland"
    # Every country's name in the language beside its English one ("irã" → "iran"): kept in
    # data/territories/<code>.tsv (built from CLDR by benchmarks/build_territories.py).
    # Read as exonyms where names are compared; kept apart from them because country
    # names are first names too ("Jordan", "Chad"), which the speaker check must not lose.
    territories: Renames = Field({}, validation_alias="territories")
    # Language names beside the English ones ("Französisch" → french), from CLDR
    # (data/languages/<code>.tsv): English writes a people's adjective as its language's
    # name ("French"), which this language renders with its word for the people.
    language_names: Renames = Field({}, validation_alias="languages")
    # the language glues words into compounds: a name may end one ("Nordkorea")
    compounds: bool = Field(False, validation_alias=_at("names", "compounds"))
    # Words by which an account's display name says it is not the person it shows
    # ("Dana Demoulin (parody)", "akun palsu"): such an account never speaks for them.
    parody_marks: Words = Field((), validation_alias=_at("names", "parody_marks"))
    # Words after a name that tell a parent from a child of the same name ("Jr", "Filho"):
    # "Donald Trump" and "Donald Trump Jr." are two people.
    generations: WordSet = Field(frozenset(), validation_alias=_at("names", "generations"))
    # Words written lowercase more often than capitalized ("anger", "great"): capitalized
    # inside a sentence they are emphasis, not a name. Kept in data/common/<code>.txt (too
    # long for the table; built by benchmarks/build_common_words.py), empty where none.
    common_words: WordSet = Field(frozenset(), validation_alias="common_words")
    # plural endings ("s", "es"): "Polls" is the common word "poll"
    plural_endings: Words = Field((), validation_alias=_at("names", "plural_endings"))
    # --- [opposites]: axis → pole → forms: ("profit", "non-profit") ← "nirlaba" ---
    opposites: Opposites = Field({}, validation_alias="opposites")
    # --- [sentences] ---
    # Function words the language capitalizes inside a sentence ("I", formal "Sie", "U"):
    # for them a capital is no sign of a sentence whose end mark was left out.
    capitalized_words: WordSet = Field(
        frozenset(), validation_alias=_at("sentences", "capitalized")
    )

    @model_validator(mode="before")
    @classmethod
    def _known_keys_only(cls, raw: Any) -> Any:
        """Unknown keys inside a section are errors too (pydantic checks the top level)."""
        if not isinstance(raw, dict):
            return raw
        for section, keys in _section_keys().items():
            found = raw.get(section, {})
            if not isinstance(found, dict):
                raise PydanticCustomError(
                    "table", "[{section}] must be a table", {"section": section}
                )
            unknown = sorted(set(found) - keys)
            if unknown:
                raise PydanticCustomError(
                    "unknown_key", "unknown key {key}", {"key": f"{section}.{unknown[0]}"}
                )
        return raw


def _section_keys() -> dict[str, set[str]]:
    """Section → the keys the fields read from it, from the fields' aliases."""
    sections: dict[str, set[str]] = {}
    for field in LanguageData.model_fields.values():
        alias = field.validation_alias
        if isinstance(alias, AliasPath) and len(alias.path) == 2:
            section, key = alias.path
            sections.setdefault(str(section), set()).add(str(key))
    return sections
