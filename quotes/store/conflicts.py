"""Import conflicts: one tweet id, two texts (or two authors).

A platform id names one post, so a second text for it is not a duplicate to drop quietly:
one of the two sources is wrong, and a fact-checker must see both. By default an import
with a conflict fails whole; `keep` leaves the first text (the archive's, or the earlier
record's), `replace` lets the newer one win.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from sqlalchemy import TextClause, bindparam, text
from sqlalchemy.engine import Connection

from quotes.errors import InputError
from quotes.models import ImportResult, TweetRecord
from quotes.normalize import alias_key, text_key
from quotes.store.batches import _chunks
from quotes.store.cells import _load_vector_index, _refile_vectors, _stored_vectors

ConflictPolicy = Literal["fail", "keep", "replace"]
CONFLICT_POLICIES: tuple[str, ...] = get_args(ConflictPolicy)
SHOWN_CHARS = 80  # of each text in the message


@dataclass(frozen=True, slots=True)
class Conflict:
    """A record whose id is already taken by another text: the archive's tweet `old_id`,
    or an earlier record of the same import (`old_record`)."""

    record: TweetRecord
    old_id: int | None = None
    old_record: TweetRecord | None = None


@dataclass(frozen=True, slots=True)
class SettledImport(ImportResult):
    """What an import did, and how many conflicts its policy settled (kept or replaced)."""

    conflicts: int = 0


class ImportConflict(InputError):
    """The import brought another text for an archived id, and no policy was given."""


def conflict_policy(value: str | None) -> ConflictPolicy:
    """The `--on-conflict` value (None: fail)."""
    if value is None or value == "fail":
        return "fail"
    if value == "keep":
        return "keep"
    if value == "replace":
        return "replace"
    raise InputError(f"unknown policy {value!r} (choose keep or replace)",
                     location="--on-conflict")


def _same(a: TweetRecord, b: TweetRecord) -> bool:
    return (alias_key(a.author_handle), text_key(a.text)) == (
        alias_key(b.author_handle), text_key(b.text))


def check_within(records: Sequence[TweetRecord], policy: ConflictPolicy) -> None:
    """Fail before any database is opened (or created) when the records disagree among
    themselves and no policy says which wins."""
    if policy == "fail":
        _, conflicts = settle_within(records, policy)
        if conflicts:
            raise conflict_error(None, conflicts)


def settle_within(
    records: Sequence[TweetRecord], policy: ConflictPolicy
) -> tuple[Sequence[TweetRecord], list[Conflict]]:
    """Records of one import that give one id different texts: (the records that stay,
    the conflicts). Only repeated ids are compared, so a big import pays one count."""
    counts = Counter(r.platform_id for r in records if r.platform_id)
    repeated = {pid for pid, n in counts.items() if n > 1}
    if not repeated:
        return records, []
    winner: dict[str, int] = {}  # id → index of the record that stands for it
    dropped: set[int] = set()
    conflicts: list[Conflict] = []
    for i, rec in enumerate(records):
        pid = rec.platform_id
        if pid not in repeated:
            continue
        assert pid is not None
        j = winner.setdefault(pid, i)
        if j == i or _same(records[j], rec):
            continue
        conflicts.append(Conflict(rec, old_record=records[j]))
        if policy == "replace":
            dropped.add(j)
            winner[pid] = i
        else:
            dropped.add(i)
    return [r for i, r in enumerate(records) if i not in dropped], conflicts


def _shown(value: str) -> str:
    flat = " ".join(value.split())
    return f'"{flat}"' if len(flat) <= SHOWN_CHARS else f'"{flat[: SHOWN_CHARS - 1]}…"'


def _author(rec_author: str, other: str) -> str:
    return "" if alias_key(rec_author) == alias_key(other) else f"@{rec_author}: "


def conflict_error(conn: Connection | None, conflicts: Sequence[Conflict]) -> ImportConflict:
    """One line: the first conflict with both texts, and how many there are (`conn`: to
    read the archived text; None when every conflict is within the records)."""
    first = conflicts[0]
    rec = first.record
    if first.old_record is not None or conn is None:
        assert first.old_record is not None
        old, old_author = first.old_record.text, first.old_record.author_handle
        where = f"the record at {first.old_record.location}"
    else:
        row = conn.execute(
            text("SELECT text, author_handle, provenance FROM tweet WHERE id = :id"),
            {"id": first.old_id},
        ).one()
        old, old_author, where = row[0], row[1], f"the archived one ({row[2]})"
    more = f"{len(conflicts)} conflicts" if len(conflicts) > 1 else "1 conflict"
    return ImportConflict(
        f"tweet {rec.platform_id} differs from {where}: "
        f"there {_author(old_author, rec.author_handle)}{_shown(old)}, "
        f"here {_author(rec.author_handle, old_author)}{_shown(rec.text)}; "
        f"nothing imported ({more}; --on-conflict keep|replace decides)",
        location=rec.location,
    )


def _with_ids(sql: str) -> TextClause:
    return text(sql).bindparams(bindparam("ids", expanding=True))


def forget_vectors(conn: Connection, tweet_ids: Sequence[int]) -> None:
    """Tweets whose text was replaced: their vectors describe the old text, so they leave
    tweet_embedding and the index cells (`archive embed` or `verify` makes new ones)."""
    models = {
        model
        for chunk in _chunks(list(tweet_ids))
        for model in conn.execute(
            _with_ids("SELECT DISTINCT model FROM tweet_embedding WHERE tweet_id IN :ids"),
            {"ids": list(chunk)},
        ).scalars()
    }
    for model in sorted(models):
        index = _load_vector_index(conn, model)
        if index is not None:
            old = _stored_vectors(conn, model, tweet_ids)
            _refile_vectors(conn, model, index, old, {})
        for chunk in _chunks(list(tweet_ids)):
            conn.execute(
                _with_ids("DELETE FROM tweet_embedding WHERE model = :m AND tweet_id IN :ids"),
                {"m": model, "ids": list(chunk)},
            )
