"""The tool's one HTTP client: every page, oEmbed answer or snapshot is fetched here.

What it guarantees, for every URL a user (or a page, through a redirect) hands it:

- only http and https; at most `max_redirects` hops, followed here rather than by httpx so
  each hop is checked like the first;
- an SSRF guard: the host is resolved once per hop and refused when any of its addresses
  is private, loopback, link-local, multicast, reserved, unspecified or a cloud metadata
  endpoint. The addresses that passed are *pinned*: the connection goes to exactly those
  (a network backend below httpx looks them up instead of resolving again), so a DNS
  answer that changes between the check and the connection (DNS rebinding) cannot
  smuggle in another address. TLS still verifies the certificate against the host name;
- connect/read timeouts and a deadline per download, a body size limit (streamed and cut
  off, never buffered past the limit), a plain User-Agent;
- retries with exponential backoff on connection errors, 429 and 5xx, honouring
  Retry-After (seconds or an HTTP date) up to `max_wait`; `sleep` is injectable;
- every failure is one `FetchError` line naming the URL and the reason.

Proxies are not used (environment variables like HTTPS_PROXY are ignored): through a
proxy the address checked would not be the address connected to.
"""

from __future__ import annotations

import email.utils
import hashlib
import ipaddress
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpcore
import httpx

from quotes import __version__
from quotes.errors import InputError

USER_AGENT = f"quotes/{__version__} (+fact-checking tool)"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # far above any article or oEmbed answer
MAX_REDIRECTS = 5
RETRIES = 2  # after the first attempt: three tries in all
BACKOFF = 0.5  # seconds before the first retry, doubled each time
MAX_WAIT = 30.0  # longest Retry-After the client sits out; longer ones fail at once
CHUNK = 64 * 1024

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]

# Cloud instance metadata services: they hand out credentials to whoever asks from
# inside the instance, the classic SSRF prize. Named apart so the error says so.
METADATA_ADDRESSES: frozenset[IPAddress] = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean, ...
        "fd00:ec2::254",  # AWS over IPv6
        "169.254.170.2",  # AWS ECS task metadata
        "100.100.100.200",  # Alibaba Cloud
    )
)
# The only address tests may open up: the loopback address their local server binds.
TEST_LOOPBACK = ipaddress.ip_address("127.0.0.1")
# NAT64 prefix: 64:ff9b::a00:1 reaches 10.0.0.1 through a translating gateway.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_RETRY_STATUSES = frozenset({429}) | frozenset(range(500, 600))
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class FetchError(InputError):
    """A URL that could not be fetched: one line, `URL: reason` (exit 2 like any input)."""

    def __init__(self, url: str, reason: str, *, status: int | None = None) -> None:
        super().__init__(reason, location=shown_url(url))
        self.url = url
        self.reason = reason
        self.status = status  # the HTTP status when the server answered with an error


class RefusedAddress(Exception):
    """Raised by the guard, before any connection, for an address it will not reach."""

    def __init__(self, host: str, address: str, why: str) -> None:
        shown = address if host == address else f"{host} ({address})"
        super().__init__(f"refused address {shown}: {why}")


def shown_url(url: str) -> str:
    """The URL for messages: credentials removed, one line."""
    try:
        parsed = httpx.URL(url)
        if parsed.userinfo:
            url = str(parsed.copy_with(username=None, password=None))
    except (httpx.InvalidURL, TypeError, ValueError):
        pass
    return " ".join(url.split())


# --- the SSRF guard -------------------------------------------------------------------


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries and would reach (mapped, 6to4, NAT64)."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_problem(ip: IPAddress, *, allow_loopback: bool = False) -> str | None:
    """Why the client refuses to connect to `ip`, or None for a public address.

    `allow_loopback` opens up 127.0.0.1 alone (the tests' local server), never another
    loopback, private or link-local address.
    """
    if allow_loopback and ip == TEST_LOOPBACK:
        return None
    inner = _embedded_ipv4(ip)
    if inner is not None:
        problem = address_problem(inner, allow_loopback=False)
        return f"{problem} (embedded in {ip})" if problem else None
    if isinstance(ip, ipaddress.IPv6Address) and ip.scope_id:
        ip = ipaddress.IPv6Address(str(ip).split("%", 1)[0])
    # Order matters: the most specific class names the reason (metadata is link-local).
    checks: tuple[tuple[bool, str], ...] = (
        (ip in METADATA_ADDRESSES, "cloud metadata endpoint"),
        (ip.is_loopback, "loopback"),
        (ip.is_unspecified, "unspecified address"),
        (ip.is_link_local, "link-local"),
        (ip.is_multicast, "multicast"),
        (ip.is_reserved, "reserved range"),  # before private: Python counts 240/4 as both
        (ip.is_private, "private network"),
        # Shared address space (100.64/10), documentation and benchmark ranges, ...
        (not ip.is_global, "not a public address"),
    )
    return next((why for refused, why in checks if refused), None)


def system_resolve(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, in the resolver's order, without duplicates."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class Guard:
    """Resolves and vets hosts, and remembers the vetted addresses for the connection."""

    def __init__(self, resolve: Resolver = system_resolve, *, allow_loopback: bool = False):
        self._resolve = resolve
        self.allow_loopback = allow_loopback
        self._pins: dict[tuple[str, int], tuple[str, ...]] = {}
        self._lock = threading.Lock()

    def vet(self, host: str, port: int) -> tuple[str, ...]:
        """Resolve `host`, refuse it when ANY address is off limits, pin and return them.

        One bad address is enough: a name that resolves to a public and a private address
        is either misconfigured or an attack, and the client would pick either.
        """
        host = host.strip("[]")
        try:
            addresses = list(self._resolve(host, port))
        except (OSError, UnicodeError) as exc:
            raise ConnectionError(f"cannot resolve host {host}: {_os_reason(exc)}") from None
        if not addresses:
            raise ConnectionError(f"cannot resolve host {host}: no address")
        for address in addresses:
            try:
                ip = ipaddress.ip_address(address)
            except ValueError:
                raise RefusedAddress(host, address, "not an IP address") from None
            why = address_problem(ip, allow_loopback=self.allow_loopback)
            if why is not None:
                raise RefusedAddress(host, address, why)
        pinned = tuple(addresses)
        with self._lock:
            self._pins[(host, port)] = pinned
        return pinned

    def pinned(self, host: str, port: int) -> tuple[str, ...]:
        """The addresses vetted for this host; vetted now if the client has not yet."""
        with self._lock:
            found = self._pins.get((host.strip("[]"), port))
        return found if found is not None else self.vet(host, port)


def _os_reason(exc: BaseException) -> str:
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return " ".join(str(reason).split())


# --- transport: httpx over httpcore with pinned addresses ------------------------------


class _PinnedBackend(httpcore.NetworkBackend):
    """Connects to the addresses the guard vetted for the host, never resolving again."""

    def __init__(self, guard: Guard) -> None:
        self._guard = guard
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        last: Exception | None = None
        for address in self._guard.pinned(host, port):
            try:
                return self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc  # try the host's next address, as a browser would
        assert last is not None  # vet() never pins an empty list
        raise last

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not used")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


# httpcore's errors as httpx's, most specific first (httpx does the same privately).
_ERRORS: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
)


@contextmanager
def _httpx_errors() -> Iterator[None]:
    try:
        yield
    except tuple(core for core, _ in _ERRORS) as exc:
        mapped = next(m for core, m in _ERRORS if isinstance(exc, core))
        raise mapped(str(exc)) from exc


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _httpx_errors():
            yield from self._stream

    def close(self) -> None:
        if hasattr(self._stream, "close"):
            self._stream.close()


class _GuardedTransport(httpx.BaseTransport):
    """httpx's default transport, rebuilt on a connection pool whose backend is pinned."""

    def __init__(self, guard: Guard) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            network_backend=_PinnedBackend(guard),
            max_connections=10,
            max_keepalive_connections=5,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _httpx_errors():
            response = self._pool.handle_request(core_request)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Body(response.stream),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()


# --- the client -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful (2xx) response, its body read in full within the size limit."""

    url: str  # the URL the body came from, after redirects
    status: int
    headers: httpx.Headers
    content: bytes

    @property
    def mime(self) -> str:
        """The media type without parameters, lower case ("" when the server sent none)."""
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for param in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    def text(self) -> str:
        """The body decoded by its declared charset, else UTF-8 (bad bytes replaced)."""
        try:
            return self.content.decode(self.charset or "utf-8", errors="replace")
        except LookupError:  # a charset Python does not know
            return self.content.decode("utf-8", errors="replace")


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header: delay-seconds or an HTTP date."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # HTTP dates are GMT; "-0000" parses as naive
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


class _Retry(Exception):
    """One attempt failed in a way worth another try."""

    def __init__(self, reason: str, *, status: int | None = None, wait: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.wait = wait  # what the server asked for (Retry-After), if anything


class WebClient:
    """The configured client. Use as a context manager, or call `close()`.

    Tests pass `allow_loopback=True` to reach their server on 127.0.0.1, a `sleep` that
    records the waits, and short timeouts; nothing else about the guard can be relaxed.
    """

    def __init__(
        self,
        *,
        connect_timeout: float = 10.0,
        read_timeout: float = 20.0,
        deadline: float = 60.0,
        retries: int = RETRIES,
        backoff: float = BACKOFF,
        max_wait: float = MAX_WAIT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        allow_loopback: bool = False,
        resolve: Resolver = system_resolve,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        user_agent: str = USER_AGENT,
    ) -> None:
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.deadline = deadline
        self.read_timeout = read_timeout
        self.guard = Guard(resolve, allow_loopback=allow_loopback)
        self._sleep = sleep
        self._now = now
        self._http = httpx.Client(
            transport=_GuardedTransport(self.guard),
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            headers={"User-Agent": user_agent},
            follow_redirects=False,  # followed in `get`, where every hop is vetted
            trust_env=False,  # no proxies, no ~/.netrc credentials sent to arbitrary hosts
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> WebClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        accept: str | None = None,
    ) -> Fetched:
        """GET `url` (with `params` added to its query), following redirects, or raise a
        `FetchError` naming `url` and why."""
        try:
            current = httpx.URL(url)
            if params:  # merged: a mirror's base URL may carry a query of its own
                current = current.copy_merge_params(dict(params))
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            raise FetchError(url, f"not a valid URL ({exc})") from None
        shown = str(current) if params else url
        headers = {"Accept": accept} if accept else {}
        seen = {str(current)}
        for hop in range(self.max_redirects + 1):
            prefix = f"redirected to {shown_url(str(current))}: " if hop else ""
            try:
                outcome = self._with_retries(current, headers)
            except FetchError as exc:
                raise FetchError(shown, prefix + exc.reason, status=exc.status) from None
            if isinstance(outcome, Fetched):
                return outcome
            try:
                current = current.join(outcome)
            except (httpx.InvalidURL, TypeError, ValueError):
                raise FetchError(shown, f"bad redirect location {outcome!r}") from None
            if str(current) in seen:
                raise FetchError(shown, f"redirect loop at {shown_url(str(current))}")
            seen.add(str(current))
        raise FetchError(shown, f"too many redirects (more than {self.max_redirects})")

    def get_json(self, url: str, *, params: Mapping[str, str] | None = None) -> tuple[Any, Fetched]:
        """The decoded JSON body and the response it came from."""
        fetched = self.get(url, params=params, accept="application/json")
        try:
            return json.loads(fetched.content), fetched
        except (ValueError, UnicodeDecodeError) as exc:
            reason = f"not JSON ({' '.join(str(exc).split())})"
            raise FetchError(fetched.url, reason) from None

    # --- one hop, with retries --------------------------------------------------------

    def _with_retries(self, url: httpx.URL, headers: dict[str, str]) -> Fetched | str:
        """The body (2xx) or the Location of a redirect; retries transient failures."""
        for attempt in range(self.retries + 1):
            try:
                return self._attempt(url, headers)
            except _Retry as exc:
                if attempt == self.retries:
                    raise FetchError(str(url), exc.reason, status=exc.status) from None
                wait = self.backoff * 2**attempt
                if exc.wait is not None:
                    if exc.wait > self.max_wait:
                        # Sitting out an hour-long ban would hang the command; say so now.
                        reason = (
                            f"{exc.reason}; the server asks to wait {exc.wait:.0f} s, "
                            f"more than {self.max_wait:.0f} s"
                        )
                        raise FetchError(str(url), reason, status=exc.status) from None
                    wait = exc.wait
                self._sleep(wait)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _attempt(self, url: httpx.URL, headers: dict[str, str]) -> Fetched | str:
        if url.scheme not in ("http", "https"):
            raise FetchError(str(url), f"only http and https URLs are fetched, not {url.scheme!r}")
        if not url.host:
            raise FetchError(str(url), "no host in the URL")
        port = url.port or (443 if url.scheme == "https" else 80)
        try:
            # Vetted and pinned before anything is sent: a refused address is never connected to.
            self.guard.vet(url.raw_host.decode("ascii"), port)
        except RefusedAddress as exc:
            raise FetchError(str(url), str(exc)) from None
        except ConnectionError as exc:  # the name did not resolve: DNS may come back
            raise _Retry(str(exc)) from None
        started = time.monotonic()
        try:
            with self._http.stream("GET", url, headers=headers) as response:
                return self._read(url, response, started)
        except httpx.TimeoutException as exc:
            raise self._timeout(url, exc) from None
        except httpx.RemoteProtocolError as exc:
            raise _Retry(f"the server broke the connection ({_one_line(exc)})") from None
        except httpx.TransportError as exc:
            raise _Retry(f"connection failed: {_one_line(exc)}") from None
        except RefusedAddress as exc:  # from the backend, if a pin was somehow missing
            raise FetchError(str(url), str(exc)) from None
        except ConnectionError as exc:
            raise _Retry(str(exc)) from None

    def _timeout(self, url: httpx.URL, exc: httpx.TimeoutException) -> Exception:
        if isinstance(exc, httpx.ConnectTimeout):
            return _Retry("connection timed out")
        # A server that is slow once is likely slow again: no retry, the wait would triple.
        return FetchError(str(url), f"timed out (no data for {self.read_timeout:g} s)")

    def _read(self, url: httpx.URL, response: httpx.Response, started: float) -> Fetched | str:
        status = response.status_code
        if status in _REDIRECT_STATUSES:
            location = response.headers.get("location")
            if not location:
                raise FetchError(str(url), f"HTTP {status} redirect without a Location")
            return location
        if status in _RETRY_STATUSES:
            wait = parse_retry_after(response.headers.get("retry-after"), self._now())
            raise _Retry(f"HTTP {status}", status=status, wait=wait)
        if not 200 <= status < 300:
            raise FetchError(str(url), f"HTTP {status}", status=status)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(str(url), f"body larger than {self.max_bytes} bytes")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes(CHUNK):
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(str(url), f"body larger than {self.max_bytes} bytes")
                if time.monotonic() - started > self.deadline:
                    raise FetchError(str(url), f"download took longer than {self.deadline:g} s")
                chunks.append(chunk)
        except httpx.RemoteProtocolError as exc:
            # Fewer bytes than Content-Length said, or a broken chunked encoding.
            raise _Retry(f"truncated body ({_one_line(exc)})") from None
        except httpx.DecodingError as exc:
            raise FetchError(str(url), f"undecodable body ({_one_line(exc)})") from None
        return Fetched(str(url), status, response.headers, b"".join(chunks))


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
