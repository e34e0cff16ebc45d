"""Typed access to one JSON record, raising at the record's line, and date parsing."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from quotes.errors import InputError
from quotes.models import ACCOUNT_KINDS, AccountKind, TweetRecord

Precision = Literal["second", "day"]

_JSON_TYPES = {
    type(None): "null", bool: "boolean", int: "number", float: "number",
    str: "string", list: "array", dict: "object",
}
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
# "Wed Mar 15 00:50:00 +0000 2023"; parsed by hand because strptime's %a/%b follow the locale.
_TWITTER_DATE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?P<mon>[A-Z][a-z]{2}) +(?P<day>\d{1,2}) "
    r"(?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2}) (?P<tz>[+-]\d{4}) (?P<year>\d{4})"
)


# Twitter's characters for a username: letters, digits, underscores. Its 15-character
# limit is not applied: invented test accounts (fixtures, tests) are longer on purpose,
# so that no real account can have their names.
HANDLE = re.compile(r"[A-Za-z0-9_]{1,50}")
SHOWN_VALUE = 40  # characters of a bad value quoted in a message


def check_handle(value: str, location: str) -> str:
    """The handle without its "@", or an InputError: a name that no account can have
    (markup, spaces, a URL) must not become an author, an alias or a link."""
    handle = value.strip().removeprefix("@")
    if HANDLE.fullmatch(handle) is None:
        raise InputError(f"not a valid handle: {shown(value)} (letters, digits and _ only)",
                         location=location)
    return handle


def shown(value: Any) -> str:
    """A bad value for a message: its repr, cut short."""
    text = repr(value) if isinstance(value, str | int | float | bool) else json_type(value)
    return text if len(text) <= SHOWN_VALUE else text[: SHOWN_VALUE - 1] + "…"


def json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


class Fields:
    """A record (a JSON object) read at `location` ("path:line"); getters validate types."""

    def __init__(self, location: str, value: Any, *, what: str = "record") -> None:
        self.location = location
        if not isinstance(value, dict):
            raise self.error(f"{what} must be a JSON object, not {json_type(value)}")
        self.data: dict[str, Any] = value

    def error(self, message: str) -> InputError:
        return InputError(message, location=self.location)

    def nested(self, key: str) -> Fields | None:
        """An optional sub-object, validated like a record and reported at the same line."""
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise self.error(f'field "{key}" must be an object, not {json_type(value)}')
        return Fields(self.location, value)

    def objects(self, key: str) -> list[Fields]:
        """An optional array of objects (entities.urls and the like)."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(f'field "{key}" must be an array, not {json_type(value)}')
        return [Fields(self.location, v, what=f'an item of "{key}"') for v in value]

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error(f'missing field "{key}"')
            return None
        if not isinstance(value, str):
            raise self.error(f'field "{key}" must be a string, not {json_type(value)}')
        if required and not value.strip():
            raise self.error(f'field "{key}" is empty')
        return value

    def required(self, key: str) -> str:
        value = self.text(key, required=True)
        assert value is not None  # text(required=True) raises instead of returning None
        return value

    def handle(self, key: str) -> str:
        """A required handle, checked (see `check_handle`)."""
        return check_handle(self.required(key), self.location)

    def ident(self, key: str) -> str | None:
        """A platform id: a string of digits or an integer (JSON exports use either)."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return str(value)
        if isinstance(value, str) and value.strip().isdigit():
            return value.strip()
        raise self.error(f'field "{key}" must be a numeric id (string or integer), '
                         f"not {shown(value)}")

    def iso_date(self, key: str) -> tuple[datetime | None, Precision | None]:
        value = self.text(key)
        if value is None:
            return None, None
        parsed = parse_iso(value)
        if parsed is None:
            raise self.error(f'field "{key}": cannot parse date {value!r} (want ISO 8601)')
        return parsed

    def twitter_date(self, key: str) -> tuple[datetime | None, Precision | None]:
        value = self.text(key)
        if value is None:
            return None, None
        parsed = parse_twitter_date(value)
        if parsed is None:
            raise self.error(
                f'field "{key}": cannot parse date {value!r} '
                '(want e.g. "Wed Mar 15 00:50:00 +0000 2023")'
            )
        return parsed, "second"

    def account(self, key: str) -> AccountKind | None:
        """An optional account kind: official, parody, impostor or unknown."""
        value = self.text(key)
        if value is None:
            return None
        kind = account_kind(value)
        if kind is None:
            raise self.error(f'field "{key}" must be one of {", ".join(ACCOUNT_KINDS)}, '
                             f"not {shown(value)}")
        return kind

    def strings(self, key: str) -> tuple[str, ...]:
        """An optional array of strings (extra aliases)."""
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(f'field "{key}" must be an array of strings')
        return tuple(value)


def account_kind(value: str) -> AccountKind | None:
    """`value` as an account kind (case and spaces ignored), or None when it is none."""
    wanted = value.strip().casefold()
    return next((k for k in ACCOUNT_KINDS if k == wanted), None)


def to_naive_utc(value: datetime) -> datetime:
    """The store keeps naive UTC datetimes (SQLite has no time zones); naive input is UTC."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def parse_iso(value: str) -> tuple[datetime, Precision] | None:
    value = value.strip()
    try:
        if _DATE_ONLY.fullmatch(value):
            return datetime.fromisoformat(value), "day"
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return to_naive_utc(parsed).replace(microsecond=0), "second"


def parse_twitter_date(value: str) -> datetime | None:
    match = _TWITTER_DATE.fullmatch(value.strip())
    if match is None or match["mon"] not in _MONTHS:
        return None
    tz = match["tz"]
    offset = timedelta(hours=int(tz[1:3]), minutes=int(tz[3:5])) * (1 if tz[0] == "+" else -1)
    try:
        local = datetime(
            int(match["year"]), _MONTHS[match["mon"]], int(match["day"]),
            int(match["h"]), int(match["m"]), int(match["s"]),
        )
    except ValueError:
        return None
    return local - offset


def platform_tweet(
    handle: str,
    name: str | None,
    text: str,
    location: str,
    tweet_id: str,
    created_at: datetime | None,
    precision: Precision | None,
    source: str,
) -> TweetRecord:
    """A record for a tweet exported by the platform itself, with its canonical URL."""
    return TweetRecord(
        author_handle=handle,
        author_name=name,
        text=text,
        location=location,
        platform_id=tweet_id,
        created_at=created_at,
        created_precision=precision,
        url=f"https://twitter.com/{handle}/status/{tweet_id}",
        source=source,
    )
