"""The archive of canonical tweets (`Archive`) and the schema commands, re-exported from
the modules that each hold one part of the store:

- `archive`: the `Archive` facade; `engine`: connections, URLs, locks, errors;
  `schema`: revisions and upgrades; `tables`: the sqlmodel tables;
- `authors`, `tweets`, `cache`: authors and their names, reading tweets, translations;
- `search` (`search_sqlite`, `search_postgres`): full-text retrieval;
- `vectors` (`cells`, `ivf`): embeddings and their IVF index;
- `bulk` (`bulk_postgres`): imports.

The store hands out `quotes.models` objects (`StoredTweet`, `StoredAuthor`), never its
table rows. Every database failure becomes a one-line `StoreError` naming the URL.
"""

from quotes.models import StoredAuthor, StoredTweet
from quotes.store.archive import ANALYZE_AFTER, Archive
from quotes.store.authors import GENERIC_NAME_WORDS, author_aliases, name_words
from quotes.store.bulk import BULK_LOAD_MIN, ImportResult
from quotes.store.engine import safe_url, with_driver
from quotes.store.schema import SchemaState, schema_revision, upgrade_schema
from quotes.store.search import (
    MAX_QUERY_TERMS,
    POSTINGS_BUDGET,
    SPEAKER_POSTINGS_BUDGET,
    TextSearch,
    choose_terms,
    query_terms,
)
from quotes.store.tables import (
    TEXT_HASH_LENGTH,
    Author,
    AuthorAlias,
    ImportRun,
    TranslationCache,
    Tweet,
    TweetEmbedding,
    VectorBlock,
    VectorIndex,
    text_hash,
    translation_key,
)
from quotes.store.vectors import IvfVectorSearch, VectorIndexInfo, VectorSearch

__all__ = [
    "ANALYZE_AFTER",
    "BULK_LOAD_MIN",
    "GENERIC_NAME_WORDS",
    "MAX_QUERY_TERMS",
    "POSTINGS_BUDGET",
    "SPEAKER_POSTINGS_BUDGET",
    "TEXT_HASH_LENGTH",
    "Archive",
    "Author",
    "AuthorAlias",
    "ImportResult",
    "ImportRun",
    "IvfVectorSearch",
    "SchemaState",
    "StoredAuthor",
    "StoredTweet",
    "TextSearch",
    "TranslationCache",
    "Tweet",
    "TweetEmbedding",
    "VectorBlock",
    "VectorIndex",
    "VectorIndexInfo",
    "VectorSearch",
    "author_aliases",
    "choose_terms",
    "name_words",
    "query_terms",
    "safe_url",
    "schema_revision",
    "text_hash",
    "translation_key",
    "upgrade_schema",
    "with_driver",
]
