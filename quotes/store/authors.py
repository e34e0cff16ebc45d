"""The archive's authors and the names that refer to them: handles, display names, their
distinctive words, and aliases added by hand; resolving a name as an article writes it."""

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from quotes.errors import InputError
from quotes.models import Account, AccountKind, StoredAuthor, TweetRecord
from quotes.normalize import alias_key
from quotes.store.batches import _chunks
from quotes.store.engine import Database
from quotes.store.tables import Author, AuthorAlias
from quotes.text import LETTER_WORD

# Name words that identify nobody, so they never become aliases on their own and are
# ignored when a name is matched word by word ("Mr. Musk", "President Biden").
GENERIC_NAME_WORDS = frozenset(
    (
        "the", "and", "for", "of", "official", "real", "news", "team", "account",
        "fictional", "example", "demo", "sample",
        "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady",
        "herr", "frau", "monsieur", "madame", "senor", "senora",
        "president", "senator", "minister", "chancellor", "governor", "mayor",
        "king", "queen", "prince", "princess", "pope", "saint", "jr", "sr", "iii",
        "von", "van", "der", "den", "del", "della", "des", "les", "los", "las", "bin", "ibn",
    )
)

_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")


def name_words(name: str) -> list[str]:
    """The words of a name as alias keys: "Élon  Musk" → ["elon", "musk"]."""
    return LETTER_WORD.findall(alias_key(name))


def author_aliases(handle: str, names: Sequence[str], extra: Iterable[str] = ()) -> dict[str, str]:
    """alias_key → display form: the handle, each name, its distinctive words, extras."""
    aliases: dict[str, str] = {}
    # "Example Newsroom (fictional)" is written "Example Newsroom" in running text.
    bare = [b for b in (_PARENTHETICAL.sub(" ", n).strip() for n in names) if b]
    for display in (handle, *names, *bare, *extra):
        if alias_key(display):
            aliases.setdefault(alias_key(display), display.strip())
    for name in bare:  # "Dana Demoulin (parody)": "parody" names nobody
        for word in name_words(name):
            if len(word) >= 3 and word not in GENERIC_NAME_WORDS:
                aliases.setdefault(word, word.capitalize())
    return aliases


@lru_cache(maxsize=65_536)
def _handle_key(handle: str) -> str:
    """alias_key of a handle, remembered: an import asks once per record, and a million
    records come from a few thousand accounts."""
    return alias_key(handle)


def _authors_by_key(session: Session, keys: Sequence[str]) -> dict[str, Author]:
    found: dict[str, Author] = {}
    for chunk in _chunks(keys):
        for author in session.exec(select(Author).where(col(Author.handle_key).in_(chunk))):
            found[author.handle_key] = author
    return found


def ensure_authors(session: Session, records: Sequence[TweetRecord]) -> dict[str, Author]:
    """handle_key → Author for every record, creating authors and aliases as needed."""
    handles: dict[str, str] = {}
    names: dict[str, list[str]] = defaultdict(list)
    extras: dict[str, list[str]] = defaultdict(list)
    for rec in records:
        key = _handle_key(rec.author_handle)
        handles.setdefault(key, rec.author_handle.strip().lstrip("@"))
        if rec.author_name and rec.author_name not in names[key]:
            names[key].append(rec.author_name)
        extras[key].extend(rec.extra_aliases)
    kinds = _declared_kinds(records)
    authors = _authors_by_key(session, list(handles))
    for key, handle in handles.items():
        if key not in authors:
            authors[key] = Author(handle=handle, handle_key=key)
            session.add(authors[key])
        if authors[key].name is None and names[key]:
            authors[key].name = names[key][0]
        if key in kinds:
            authors[key].account = _stored_kind(kinds[key])
    session.flush()  # assigns the new authors' ids
    wanted = {
        (authors[key].id, alias): display
        for key, handle in handles.items()
        for alias, display in author_aliases(handle, names[key], extras[key]).items()
    }
    _add_aliases(session, wanted)
    return authors


def _declared_kinds(records: Sequence[TweetRecord]) -> dict[str, AccountKind]:
    """handle_key → the account kind the records give; two kinds for one author in one
    import are refused at the record that gives the second."""
    kinds: dict[str, AccountKind] = {}
    for rec in records:
        if rec.account is None:
            continue
        key = _handle_key(rec.author_handle)
        if kinds.setdefault(key, rec.account) != rec.account:
            raise InputError(f"@{rec.author_handle} is given as {kinds[key]} and as "
                             f"{rec.account}", location=rec.location)
    return kinds


def _stored_kind(kind: AccountKind) -> str | None:
    return None if kind == "unknown" else kind


def _kind(stored: str | None) -> AccountKind:
    known: dict[str | None, AccountKind] = {"official": "official", "parody": "parody",
                                            "impostor": "impostor"}
    return known.get(stored, "unknown")


def _add_aliases(session: Session, wanted: dict[tuple[Any, str], str]) -> None:
    author_ids = sorted({author_id for author_id, _ in wanted})
    have: set[tuple[int, str]] = set()
    for chunk in _chunks(author_ids):
        rows = session.exec(
            select(AuthorAlias.author_id, AuthorAlias.alias).where(
                col(AuthorAlias.author_id).in_(chunk)
            )
        )
        have.update((author_id, alias) for author_id, alias in rows)
    for (author_id, alias), display in wanted.items():
        if (author_id, alias) not in have:
            session.add(AuthorAlias(author_id=author_id, alias=alias, display=display))


def author_ids(conn: Connection, handles: Sequence[str]) -> list[int]:
    """The archive ids of the authors with these handles (case ignored)."""
    keys = sorted({alias_key(h) for h in handles if alias_key(h)})
    if not keys:
        return []
    stmt = select(Author.id).where(col(Author.handle_key).in_(keys))
    return [row[0] for row in conn.execute(stmt)]


def _by_words(session: Session, key: str) -> str | None:
    """The one author whose name holds all the words of `key` (titles dropped)."""
    return _the_one(_fitting_names(session, key))


def _fitting_names(session: Session, key: str) -> list[tuple[str, str | None]]:
    """(handle, account kind) of every author whose name holds all the words of `key`
    (titles dropped). A single letter is an initial or a title's abbreviation ("M.Musk",
    the French "Monsieur" glued to the name; "J. Vance"): it need not be a word of the
    name, as long as a longer word is."""
    words = {w for w in name_words(key) if len(w) > 1} - GENERIC_NAME_WORDS
    if not words:
        return []
    # Authors number in the thousands at most (tweets are the big table): a scan of
    # their names is cheap and handles words too short to be aliases ("Xi").
    rows = session.exec(select(Author.handle, Author.name, Author.account)
                        .where(col(Author.name).is_not(None)))
    return [(h, kind) for h, n, kind in rows
            if n and words <= set(name_words(_PARENTHETICAL.sub(" ", n)))]


def _the_one(found: Sequence[tuple[str, str | None]]) -> str | None:
    """The one handle among (handle, account kind) pairs a name fits; when it fits
    several, the one account marked official among them (its impostors and parodies
    copy the person's name), else nobody."""
    if len(found) == 1:
        return found[0][0]
    official = [h for h, kind in found if kind == "official"]
    return official[0] if len(official) == 1 else None


class AuthorDirectory:
    """Who the archive's authors are and which names refer to them."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add_alias(self, handle: str, alias: str) -> bool:
        """Let `alias` name the author `handle` too; False when it already did."""
        key = alias_key(alias)
        if not key:
            raise InputError(f"empty alias {alias!r}")
        with self.db.session("cannot add the alias", write=True) as session:
            author = _authors_by_key(session, [alias_key(handle)]).get(alias_key(handle))
            if author is None:
                raise InputError(f"no author {handle!r} in the archive")
            assert author.id is not None
            exists = session.exec(
                select(AuthorAlias).where(
                    AuthorAlias.author_id == author.id, AuthorAlias.alias == key
                )
            ).first()
            if exists is not None:
                return False
            session.add(AuthorAlias(author_id=author.id, alias=key, display=alias.strip()))
            session.commit()
        return True

    def resolve(self, name: str) -> str | None:
        """The handle `name` refers to, or None when it names nobody or several people.

        An exact handle or alias wins; otherwise the name's words (titles dropped) must
        all be words of exactly one author's name: "Musk Elon", "Herr Musk".
        """
        key = alias_key(name)
        if not key:
            return None
        with self.db.session("cannot look up the author") as session:
            handle = session.exec(select(Author.handle).where(Author.handle_key == key)).first()
            if handle is not None:
                return handle
            exact = session.exec(
                select(Author.handle, Author.account)
                .join(AuthorAlias, col(AuthorAlias.author_id) == col(Author.id))
                .where(AuthorAlias.alias == key)
                .distinct()
            ).all()
            if exact:
                return _the_one(exact)
            return _by_words(session, key)

    def fitting(self, name: str) -> tuple[str, ...]:
        """Every author `name` may refer to: the one it resolves to, else all whose name
        holds its words ("Trump" fits Donald, Ivanka and Melania Trump alike)."""
        one = self.resolve(name)
        if one is not None:
            return (one,)
        key = alias_key(name)
        if not key:
            return ()
        with self.db.session("cannot look up the author") as session:
            return tuple(sorted(h for h, _ in _fitting_names(session, key)))

    def author(self, handle: str) -> StoredAuthor | None:
        """The author with this handle (case ignored)."""
        with self.db.session("cannot look up the author") as session:
            query = select(Author).where(Author.handle_key == alias_key(handle))
            found = session.exec(query).first()
        if found is None:
            return None
        assert found.id is not None
        return StoredAuthor(found.id, found.handle, found.name, _kind(found.account))

    def set_account(self, handle: str, kind: AccountKind) -> AccountKind:
        """Mark the author `handle` as an official, parody or impostor account (or
        unknown); the kind it had before."""
        with self.db.session("cannot set the account", write=True) as session:
            author = _authors_by_key(session, [alias_key(handle)]).get(alias_key(handle))
            if author is None:
                raise InputError(f"no author {handle!r} in the archive")
            before = _kind(author.account)
            author.account = _stored_kind(kind)
            session.add(author)
            session.commit()
        return before

    def accounts(self, handles: Iterable[str] = (), *, kind: AccountKind | None = None
                 ) -> dict[str, Account]:
        """handle_key → `Account` (with its aliases) for these handles, or for every
        author of this `kind`."""
        with self.db.session("cannot read the authors") as session:
            query = select(Author)
            if kind is not None:
                query = query.where(Author.account == _stored_kind(kind))
            else:
                keys = sorted({alias_key(h) for h in handles if alias_key(h)})
                query = query.where(col(Author.handle_key).in_(keys))
            found = list(session.exec(query))
            ids = [a.id for a in found]
            aliases: dict[int, list[str]] = defaultdict(list)
            for chunk in _chunks(ids):
                rows = session.exec(select(AuthorAlias.author_id, AuthorAlias.display)
                                    .where(col(AuthorAlias.author_id).in_(chunk)))
                for author_id, display in rows:
                    aliases[author_id].append(display)
        return {a.handle_key: Account(a.handle, a.name, _kind(a.account),
                                      tuple(aliases[a.id or 0])) for a in found}

    def alias_index(self) -> dict[str, str]:
        """alias_key → handle for every alias that names exactly one author."""
        with self.db.session("cannot read the aliases") as session:
            rows = session.exec(
                select(AuthorAlias.alias, Author.handle).join(
                    Author, col(AuthorAlias.author_id) == col(Author.id)
                )
            ).all()
        owners: dict[str, set[str]] = defaultdict(set)
        for alias, handle in rows:
            owners[alias].add(handle)
        return {alias: next(iter(h)) for alias, h in owners.items() if len(h) == 1}
