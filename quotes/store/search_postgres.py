"""PostgreSQL's full-text search: a tsvector column ('simple') with a GIN index, ranked by
ts_rank, its document frequencies estimated from the planner's statistics."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection


def _tsquery(terms: Sequence[str]) -> str:
    return " | ".join("'" + t.replace("'", "''") + "'" for t in terms)


class PostgresSearch:
    """tsvector ('simple') with a GIN index; ts_rank; document frequencies estimated from
    the planner's statistics (the most common words of the column and their shares)."""

    fold_accents = False

    def __init__(self) -> None:
        self._stats: tuple[float, dict[str, float], float] | None = None

    def _load_stats(self, conn: Connection) -> tuple[float, dict[str, float], float] | None:
        row = conn.execute(
            text(
                "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, "
                "c.reltuples FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename "
                "AND c.relnamespace = to_regnamespace(s.schemaname) "
                "WHERE s.schemaname = current_schema() AND s.tablename = 'tweet' "
                "AND s.attname = 'search_vector'"
            )
        ).first()
        if row is None or row[0] is None or not row[1] or row[2] <= 0:
            return None
        words, freqs, rows = row
        # The frequencies array ends with the minimum, maximum and null share.
        return float(rows), dict(zip(words, freqs, strict=False)), float(freqs[len(words)])

    def doc_freqs(self, conn: Connection, terms: Sequence[str]) -> dict[str, float] | None:
        if self._stats is None:
            self._stats = self._load_stats(conn) or (0.0, {}, 0.0)
        rows, common, least = self._stats
        if rows == 0:
            return None
        # A word outside the list is rarer than the least common one in it: half that is
        # the estimate (it only orders terms; zero-hit terms cost a lookup, nothing more).
        return {t: rows * common.get(t, least / 2) for t in terms}

    def ranked(
        self, conn: Connection, terms: Sequence[str], limit: int,
        author_ids: Sequence[int] = (),
    ) -> list[int]:
        if not terms or limit <= 0:
            return []
        params: dict[str, Any] = {"q": _tsquery(terms), "n": limit}
        where = ""
        if author_ids:
            where = "AND author_id IN :authors"
            params["authors"] = list(author_ids)
        stmt = text(
            "SELECT id FROM tweet, to_tsquery('simple', :q) AS query "
            f"WHERE search_vector @@ query {where} "
            "ORDER BY ts_rank(search_vector, query) DESC, id LIMIT :n"
        )
        if author_ids:
            stmt = stmt.bindparams(bindparam("authors", expanding=True))
        return [row[0] for row in conn.execute(stmt, params)]
