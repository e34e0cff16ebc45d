"""The guarded HTTP client against a real server on 127.0.0.1, faults included.

Nothing here leaves loopback: `no_outside_connections` fails any other connection, and
host names are resolved by fake resolvers, never by DNS. No assertion is about time:
waits are recorded by an injected sleep, timeouts are short so the suite stays fast.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from quotes import __version__
from quotes.errors import InputError
from quotes.net import (
    USER_AGENT,
    FetchError,
    Guard,
    RefusedAddress,
    WebClient,
    address_problem,
    parse_retry_after,
    shown_url,
)
from tests.http_fixtures import (
    ConnectLog,
    LocalServer,
    Reply,
    free_port,
    redirect,
)

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def make_client(waits: list[float], **options: object) -> WebClient:
    settings: dict[str, object] = {
        "allow_loopback": True,
        "sleep": waits.append,
        "now": lambda: NOW,
        "connect_timeout": 2.0,
        "read_timeout": 2.0,
    }
    settings.update(options)
    return WebClient(**settings)  # type: ignore[arg-type]


@pytest.fixture
def client(waits: list[float]) -> Iterator[WebClient]:
    with make_client(waits) as web:
        yield web


def fails(client: WebClient, url: str) -> FetchError:
    with pytest.raises(FetchError) as info:
        client.get(url)
    error = info.value
    assert isinstance(error, InputError)  # exit 2, one line, like any bad input
    assert "\n" not in str(error)
    assert str(error).startswith(url + ": ")
    return error


# --- plain fetching ------------------------------------------------------------------


def test_get_returns_body_and_sends_user_agent(server: LocalServer, client: WebClient) -> None:
    server.routes["/page"] = Reply(body="<p>hello</p>")
    fetched = client.get(server.url("/page"))
    assert fetched.content == b"<p>hello</p>"
    assert (fetched.status, fetched.mime, fetched.charset) == (200, "text/html", "utf-8")
    assert fetched.text() == "<p>hello</p>"
    (seen,) = server.requests("/page")
    assert seen.headers["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith(f"quotes/{__version__} ")
    assert USER_AGENT.endswith("(+fact-checking tool)")


def test_params_are_merged_into_the_base_query(server: LocalServer, client: WebClient) -> None:
    server.routes["/api"] = Reply(body={"ok": True})
    payload, _ = client.get_json(server.url("/api?key=mirror"), params={"url": "x.com/a?s=1"})
    assert payload == {"ok": True}
    (seen,) = server.requests("/api")
    assert seen.query == {"key": ["mirror"], "url": ["x.com/a?s=1"]}


def test_not_json_is_one_line(server: LocalServer, client: WebClient) -> None:
    server.routes["/api"] = Reply(body="<html>oops</html>")
    with pytest.raises(FetchError, match=r"/api: not JSON"):
        client.get_json(server.url("/api"))


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://127.0.0.1/file", "only http and https URLs are fetched, not 'ftp'"),
        ("file:///etc/passwd", "only http and https URLs are fetched, not 'file'"),
        ("http://", "no host in the URL"),
    ],
)
def test_only_http_urls(client: WebClient, outside: ConnectLog, url: str, reason: str) -> None:
    assert fails(client, url).reason == reason
    assert outside.addresses == []


# --- timeouts, retries, Retry-After --------------------------------------------------


def test_slow_server_times_out_without_retry(server: LocalServer, waits: list[float]) -> None:
    server.routes["/slow"] = Reply(body="late", delay=30)  # released when the test ends
    with make_client(waits, read_timeout=0.2) as web:
        error = fails(web, server.url("/slow"))
    assert error.reason == "timed out (no data for 0.2 s)"
    assert server.hits("/slow") == 1  # a slow server is not asked three times
    assert waits == []


def test_429_honours_retry_after_seconds(
    server: LocalServer, client: WebClient, waits: list[float]
) -> None:
    server.routes["/limited"] = [
        Reply(status=429, headers={"Retry-After": "3"}),
        Reply(body="finally"),
    ]
    assert client.get(server.url("/limited")).content == b"finally"
    assert server.hits("/limited") == 2
    assert waits == [3.0]


def test_429_honours_retry_after_http_date(
    server: LocalServer, client: WebClient, waits: list[float]
) -> None:
    when = format_datetime(NOW + timedelta(seconds=7), usegmt=True)
    server.routes["/limited"] = [Reply(status=429, headers={"Retry-After": when}), Reply()]
    client.get(server.url("/limited"))
    assert waits == [7.0]


def test_retry_after_beyond_the_cap_fails_at_once(
    server: LocalServer, client: WebClient, waits: list[float]
) -> None:
    server.routes["/banned"] = Reply(status=429, headers={"Retry-After": "3600"})
    error = fails(client, server.url("/banned"))
    assert error.status == 429
    assert error.reason == "HTTP 429; the server asks to wait 3600 s, more than 30 s"
    assert server.hits("/banned") == 1
    assert waits == []


def test_500_then_success_backs_off(
    server: LocalServer, client: WebClient, waits: list[float]
) -> None:
    server.routes["/flaky"] = [Reply(status=500), Reply(body="ok")]
    assert client.get(server.url("/flaky")).content == b"ok"
    assert waits == [0.5]


def test_persistent_503_gives_up_after_three_tries(
    server: LocalServer, client: WebClient, waits: list[float]
) -> None:
    server.routes["/down"] = Reply(status=503)
    error = fails(client, server.url("/down"))
    assert (error.reason, error.status) == ("HTTP 503", 503)
    assert server.hits("/down") == 3
    assert waits == [0.5, 1.0]  # exponential backoff


def test_404_is_not_retried(server: LocalServer, client: WebClient, waits: list[float]) -> None:
    error = fails(client, server.url("/missing"))
    assert (error.reason, error.status) == ("HTTP 404", 404)
    assert server.hits("/missing") == 1
    assert waits == []


def test_connection_refused_is_retried_then_reported(
    client: WebClient, waits: list[float], outside: ConnectLog
) -> None:
    url = f"http://127.0.0.1:{free_port()}/x"
    error = fails(client, url)
    assert error.reason.startswith("connection failed: ")
    assert waits == [0.5, 1.0]
    assert outside.addresses == ["127.0.0.1"] * 3


# --- body size and truncation ---------------------------------------------------------


def test_truncated_body(server: LocalServer, client: WebClient) -> None:
    server.routes["/cut"] = Reply(body="x" * 100, send_only=10)  # Content-Length: 100
    error = fails(client, server.url("/cut"))
    assert error.reason.startswith("truncated body (")
    assert server.hits("/cut") == 3  # a dropped connection is worth another try


def test_declared_huge_body_is_refused_unread(server: LocalServer, waits: list[float]) -> None:
    server.routes["/huge"] = Reply(body=b"a" * 1000, repeat=100)  # Content-Length: 100000
    with make_client(waits, max_bytes=1000) as web:
        assert fails(web, server.url("/huge")).reason == "body larger than 1000 bytes"


def test_undeclared_huge_body_is_cut_off_while_streaming(
    server: LocalServer, waits: list[float]
) -> None:
    server.routes["/stream"] = Reply(body=b"a" * 4096, repeat=200, length=False)
    with make_client(waits, max_bytes=10_000) as web:
        assert fails(web, server.url("/stream")).reason == "body larger than 10000 bytes"
        server.routes["/small"] = Reply(body=b"a" * 10_000, length=False)
        assert len(web.get(server.url("/small")).content) == 10_000  # the limit itself is fine


# --- redirects and the SSRF guard on every hop -----------------------------------------


def test_redirects_are_followed(server: LocalServer, client: WebClient) -> None:
    server.routes["/old"] = redirect("/new", 301)
    server.routes["/new"] = redirect(server.url("/final"), 307)
    server.routes["/final"] = Reply(body="here")
    fetched = client.get(server.url("/old"))
    assert (fetched.url, fetched.content) == (server.url("/final"), b"here")


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("http://10.0.0.1/admin", "refused address 10.0.0.1: private network"),
        (
            "http://169.254.169.254/latest/meta-data/",
            "refused address 169.254.169.254: cloud metadata endpoint",
        ),
        (
            "http://[fd00:ec2::254]/latest/",
            "refused address fd00:ec2::254: cloud metadata endpoint",
        ),
        ("http://127.0.0.2:8080/", "refused address 127.0.0.2: loopback"),
    ],
)
def test_redirect_to_a_private_address_is_refused_before_connecting(
    server: LocalServer, client: WebClient, outside: ConnectLog, target: str, why: str
) -> None:
    server.routes["/go"] = redirect(target)
    error = fails(client, server.url("/go"))
    assert error.reason == f"redirected to {target}: {why}"
    # The only connection ever attempted was to the test server itself.
    assert set(outside.addresses) == {"127.0.0.1"}
    assert server.hits("/go") == 1


def test_redirect_loop(server: LocalServer, client: WebClient) -> None:
    server.routes["/a"] = redirect("/b")
    server.routes["/b"] = redirect("/a")
    error = fails(client, server.url("/a"))
    assert error.reason == f"redirect loop at {server.url('/a')}"
    assert (server.hits("/a"), server.hits("/b")) == (1, 1)


def test_too_many_redirects(server: LocalServer, client: WebClient) -> None:
    for n in range(10):
        server.routes[f"/r{n}"] = redirect(f"/r{n + 1}")
    assert fails(client, server.url("/r0")).reason == "too many redirects (more than 5)"
    assert server.hits("/r6") == 0


def test_redirect_to_another_scheme_is_refused(server: LocalServer, client: WebClient) -> None:
    server.routes["/x"] = redirect("file:///etc/passwd")
    error = fails(client, server.url("/x"))
    assert error.reason.startswith("redirected to file:")
    assert error.reason.endswith(": only http and https URLs are fetched, not 'file'")


def test_loopback_is_refused_unless_allowed(server: LocalServer, waits: list[float]) -> None:
    server.routes["/p"] = Reply(body="secret")
    with WebClient(sleep=waits.append) as web:
        error = fails(web, server.url("/p"))
    assert error.reason == "refused address 127.0.0.1: loopback"
    assert server.seen == []  # refused before connecting: the server never heard of it


@pytest.mark.parametrize(
    ("host", "why"),
    [
        ("2130706433", "refused address 2130706433 (127.0.0.1): loopback"),
        ("0x7f.1", "refused address 0x7f.1 (127.0.0.1): loopback"),
        (
            "[::ffff:127.0.0.1]",
            "refused address ::ffff:127.0.0.1: loopback (embedded in ::ffff:7f00:1)",
        ),
    ],
)
def test_disguised_loopback_is_refused(
    server: LocalServer, waits: list[float], host: str, why: str
) -> None:
    # Numeric spellings resolve locally (no DNS) to the address that is then checked.
    with WebClient(sleep=waits.append) as web:
        assert fails(web, f"http://{host}:{server.port}/").reason == why
    assert server.seen == []


def test_host_names_are_resolved_once_and_pinned(
    server: LocalServer, waits: list[float], outside: ConnectLog
) -> None:
    """DNS rebinding: a name that passes the check, then resolves to a private address,
    still reaches only the address that was checked."""
    answers = iter([["127.0.0.1"], ["10.0.0.1"], ["10.0.0.1"]])
    asked: list[tuple[str, int]] = []

    def rebinding(host: str, port: int) -> list[str]:
        asked.append((host, port))
        return next(answers)

    server.routes["/news"] = Reply(body="pinned")
    with make_client(waits, resolve=rebinding) as web:
        fetched = web.get(f"http://news.example:{server.port}/news")
    assert fetched.content == b"pinned"
    assert asked == [("news.example", server.port)]  # not resolved again to connect
    assert set(outside.addresses) == {"127.0.0.1"}
    (seen,) = server.requests("/news")
    assert seen.headers["host"] == f"news.example:{server.port}"  # TLS/vhost see the name


def test_redirect_hop_is_vetted_by_name(server: LocalServer, waits: list[float]) -> None:
    server.routes["/go"] = redirect("http://intranet.example/wiki")
    names = {"127.0.0.1": ["127.0.0.1"], "intranet.example": ["10.1.2.3"]}
    with make_client(waits, resolve=lambda host, _port: names[host]) as web:
        error = fails(web, server.url("/go"))
    assert error.reason == (
        "redirected to http://intranet.example/wiki: "
        "refused address intranet.example (10.1.2.3): private network"
    )


def test_unresolvable_host(waits: list[float], outside: ConnectLog) -> None:
    def nowhere(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    with make_client(waits, resolve=nowhere) as web:
        error = fails(web, "https://no-such-host.example/")
    assert error.reason == "cannot resolve host no-such-host.example: Name or service not known"
    assert outside.addresses == []


# --- the guard, address class by address class ---------------------------------------


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("169.254.169.254", "cloud metadata endpoint"),
        ("fd00:ec2::254", "cloud metadata endpoint"),
        ("127.0.0.1", "loopback"),
        ("127.9.9.9", "loopback"),
        ("::1", "loopback"),
        ("0.0.0.0", "unspecified address"),
        ("::", "unspecified address"),
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.251", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved range"),
        ("255.255.255.255", "reserved range"),
        ("10.0.0.1", "private network"),
        ("172.16.5.4", "private network"),
        ("192.168.1.1", "private network"),
        ("fc00::1", "private network"),
        ("100.64.0.1", "not a public address"),  # carrier-grade NAT
        ("::ffff:10.0.0.1", "private network (embedded in ::ffff:a00:1)"),
        ("2002:a00:1::", "private network (embedded in 2002:a00:1::)"),
        ("64:ff9b::a9fe:a9fe", "cloud metadata endpoint (embedded in 64:ff9b::a9fe:a9fe)"),
    ],
)
def test_guard_refuses_each_address_class(address: str, why: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) == why
    # Opening up the tests' loopback address opens up nothing else.
    if address != "127.0.0.1":
        assert address_problem(ipaddress.ip_address(address), allow_loopback=True) == why


@pytest.mark.parametrize("address", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"])
def test_guard_allows_public_addresses(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) is None


def test_allow_loopback_opens_127_0_0_1_only() -> None:
    assert address_problem(ipaddress.ip_address("127.0.0.1"), allow_loopback=True) is None
    assert address_problem(ipaddress.ip_address("127.0.0.1")) == "loopback"


def test_guard_refuses_a_name_with_any_private_address() -> None:
    guard = Guard(lambda host, port: ["93.184.215.14", "192.168.0.10"])
    with pytest.raises(RefusedAddress, match=r"mixed\.example \(192\.168\.0\.10\): private"):
        guard.vet("mixed.example", 443)


# --- small helpers ------------------------------------------------------------------


def test_parse_retry_after() -> None:
    assert parse_retry_after("120", NOW) == 120.0
    assert parse_retry_after(format_datetime(NOW + timedelta(minutes=2), usegmt=True), NOW) == 120
    assert parse_retry_after(format_datetime(NOW - timedelta(hours=1), usegmt=True), NOW) == 0
    assert parse_retry_after("soon", NOW) is None
    assert parse_retry_after(None, NOW) is None


def test_shown_url_hides_credentials() -> None:
    assert shown_url("https://user:secret@example.org/a") == "https://example.org/a"
    assert shown_url("not a url\nat all") == "not a url at all"
