"""Back-translations kept between runs, keyed by model and source text, so a second run
does not translate again."""

from collections.abc import Mapping, Sequence

from sqlmodel import col, select

from quotes.store.batches import _chunks
from quotes.store.engine import Database
from quotes.store.tables import TranslationCache, _utcnow, translation_key


class TranslationStore:
    """The translation cache of one archive."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def cached(self, model: str, sources: Sequence[str]) -> dict[str, str]:
        """source text → translation already made by `model` (name@revision)."""
        keys = {translation_key(model, s): s for s in sources}
        found: dict[str, str] = {}
        with self.db.session("cannot read the translation cache") as session:
            for chunk in _chunks(list(keys)):
                stmt = select(TranslationCache).where(col(TranslationCache.key).in_(chunk))
                for row in session.exec(stmt):
                    found[keys[row.key]] = row.translation
        return found

    def store(self, model: str, translations: Mapping[str, str]) -> None:
        with self.db.session("cannot write the translation cache", write=True) as session:
            for source, translation in translations.items():
                session.merge(
                    TranslationCache(
                        key=translation_key(model, source),
                        model=model,
                        source=source,
                        translation=translation,
                        created_at=_utcnow(),
                    )
                )
            session.commit()
