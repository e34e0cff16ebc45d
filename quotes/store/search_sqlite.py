"""SQLite's full-text search: an FTS5 table over tweet.text (external content), ranked
by bm25, its document frequencies read from fts5vocab."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection


def _fts_query(terms: Sequence[str]) -> str:
    # Each term quoted as an FTS5 string ("" doubles a quote; the terms hold none, being
    # letters and digits, but NEAR, AND, OR or * must never be read as operators).
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


class SqliteSearch:
    """FTS5 over tweet.text; bm25 ranking; document frequencies from fts5vocab."""

    fold_accents = True

    def doc_freqs(self, conn: Connection, terms: Sequence[str]) -> dict[str, float] | None:
        if not terms:
            return {}
        stmt = text("SELECT term, doc FROM tweet_fts_vocab WHERE term IN :terms").bindparams(
            bindparam("terms", expanding=True)
        )
        return {term: float(doc) for term, doc in conn.execute(stmt, {"terms": list(terms)})}

    def ranked(
        self, conn: Connection, terms: Sequence[str], limit: int,
        author_ids: Sequence[int] = (),
    ) -> list[int]:
        if not terms or limit <= 0:
            return []
        params: dict[str, Any] = {"q": _fts_query(terms), "n": limit}
        where = ""
        if author_ids:
            where = "AND rowid IN (SELECT id FROM tweet WHERE author_id IN :authors)"
            params["authors"] = list(author_ids)
        stmt = text(
            f"SELECT rowid FROM tweet_fts WHERE tweet_fts MATCH :q {where} "
            "ORDER BY rank LIMIT :n"
        )
        if author_ids:
            stmt = stmt.bindparams(bindparam("authors", expanding=True))
        return [row[0] for row in conn.execute(stmt, params)]
