"""A real HTTP server on 127.0.0.1 for the network tests, with faults on demand.

`LocalServer` runs a `ThreadingHTTPServer` on an ephemeral port in a thread and answers
from a routing table that each test fills: path → `Reply`, a list of replies (one per
hit, the last repeated) or a function of the request. It logs every request it saw, so
tests assert what was (and was not) asked, and never needs the network: it binds the
loopback address only.

`no_outside_connections` is the other half of that promise: it fails any connection a
test makes to an address other than 127.0.0.1, and records every attempt.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class Seen:
    """A request as the server received it."""

    method: str
    path: str  # without the query
    query: dict[str, list[str]]
    headers: dict[str, str]  # names lower-cased


@dataclass(frozen=True)
class Reply:
    """What the server answers; the fault knobs default to a well-behaved server."""

    status: int = 200
    body: bytes | str | dict[str, Any] | list[Any] = b""
    content_type: str | None = None  # guessed from the body when None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds of silence before the status line (cut short at shutdown)
    send_only: int | None = None  # send this many body bytes, then hang up (truncation)
    length: bool = True  # False: no Content-Length, the body ends when the connection does
    repeat: int = 1  # the body sent this many times over (a huge body, streamed)

    def payload(self) -> bytes:
        if isinstance(self.body, dict | list):
            return json.dumps(self.body).encode()
        return self.body.encode() if isinstance(self.body, str) else self.body

    def mime(self) -> str:
        if self.content_type is not None:
            return self.content_type
        if isinstance(self.body, dict | list):
            return "application/json"
        return "text/html; charset=utf-8"


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a handler still sleeping must not hold up the test's end

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client hanging up mid-body (size limit, timeout) is expected here


Route = Reply | list[Reply] | Callable[[Seen], Reply]


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(status=status, headers={"Location": location})


class LocalServer:
    """The test server: `with LocalServer() as server: server.routes["/x"] = Reply(...)`."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self._stop = threading.Event()  # wakes delayed handlers when the test ends
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive and Content-Length, as real servers

            def do_GET(self) -> None:
                outer._answer(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # quiet: pytest shows failures, not access logs

        self._server = _QuietServer((LOOPBACK, 0), Handler)
        # A short poll interval: shutdown() waits up to one interval, at every test's end.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for s in self.seen if s.path == path)

    def requests(self, path: str) -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if s.path == path]

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _reply_for(self, seen: Seen) -> Reply:
        route = self.routes.get(seen.path)
        if route is None:
            return Reply(status=404, body="no such route", content_type="text/plain")
        if callable(route):
            return route(seen)
        if isinstance(route, list):
            hit = self.hits(seen.path) - 1  # this request is already logged
            return route[min(hit, len(route) - 1)]
        return route

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        seen = Seen(
            method=handler.command,
            path=parts.path,
            query=parse_qs(parts.query),
            headers={k.lower(): v for k, v in handler.headers.items()},
        )
        with self._lock:
            self.seen.append(seen)
        reply = self._reply_for(seen)
        if reply.delay and self._stop.wait(reply.delay):
            return  # the test is over: answer nothing
        body = reply.payload()
        handler.send_response(reply.status)
        handler.send_header("Content-Type", reply.mime())
        if reply.length:
            handler.send_header("Content-Length", str(len(body) * reply.repeat))
        else:
            handler.send_header("Connection", "close")
            handler.close_connection = True
        for name, value in reply.headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        if reply.send_only is not None:
            handler.wfile.write(body[: reply.send_only])
            handler.wfile.flush()
            handler.close_connection = True  # hang up with the body incomplete
            return
        for _ in range(reply.repeat):
            handler.wfile.write(body)


@contextmanager
def serve() -> Iterator[LocalServer]:
    with LocalServer() as server:
        yield server


def free_port() -> int:
    """A loopback port nothing listens on (bound, then released): connections get refused."""
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


@dataclass
class ConnectLog:
    """Every address a test tried to connect to."""

    addresses: list[str] = field(default_factory=list)


@contextmanager
def no_outside_connections(monkeypatch: pytest.MonkeyPatch) -> Iterator[ConnectLog]:
    """Record every outgoing connection; fail the test on any that leaves 127.0.0.1."""
    log = ConnectLog()
    original = socket.socket.connect

    def guarded(sock: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else str(address)
        log.addresses.append(host)
        if host != LOOPBACK:
            raise AssertionError(f"test tried to connect to {host}: tests stay on loopback")
        return original(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    yield log
