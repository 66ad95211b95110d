"""The SSRF guard: refusals from literal addresses, and real fetches from a loopback server.

Nothing here contacts a non-loopback address: refused URLs are refused before connecting.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from trucewatch.config import Settings
from trucewatch.errors import FetchRefused, InputError
from trucewatch.ingest import (
    AddressPolicy,
    FetchFailed,
    FetchTimeout,
    FetchTooLarge,
    check_url,
    fetch_url,
    read_sources,
)
from trucewatch.model import Document

LOCAL = AddressPolicy(allow_loopback=True)
STORY = (
    b"<html><body><p>The harbour stayed quiet through the night, port staff said.</p></body></html>"
)
FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Gazette</title>'
    b"<item><title>Quiet night</title><link>http://gazette.example/1</link>"
    b"<pubDate>Tue, 05 Mar 2024 06:00:00 GMT</pubDate>"
    b"<description>The harbour stayed quiet through the night.</description></item>"
    b"</channel></rss>"
)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1/", "refused: 127.0.0.1 is a loopback address"),
        ("http://[::1]:8080/", "refused: ::1 is a loopback address"),
        ("http://[::ffff:127.0.0.1]/", "refused: ::ffff:127.0.0.1 is a loopback address"),
        ("http://2130706433/", "refused: 2130706433 is a non-standard IP address form"),
        ("http://0x7f000001/", "refused: 0x7f000001 is a non-standard IP address form"),
        ("http://0177.0.0.1/", "refused: 0177.0.0.1 is a non-standard IP address form"),
        ("http://127.1/", "refused: 127.1 is a non-standard IP address form"),
        ("http://169.254.169.254/latest/", "refused: 169.254.169.254 is a link-local address"),
        ("http://[fe80::1]/", "refused: fe80::1 is a link-local address"),
        ("http://10.1.2.3/", "refused: 10.1.2.3 is a private address"),
        ("http://192.168.0.10/", "refused: 192.168.0.10 is a private address"),
        ("http://172.16.5.4/", "refused: 172.16.5.4 is a private address"),
        ("http://[fd00::1]/", "refused: fd00::1 is a private address"),
        ("http://0.0.0.0/", "refused: 0.0.0.0 is an unspecified address"),
        ("http://224.0.0.1/", "refused: 224.0.0.1 is a multicast address"),
        ("http://240.0.0.1/", "refused: 240.0.0.1 is a private address"),
        ("http://100.64.0.1/", "refused: 100.64.0.1 is not a public address"),
        ("ftp://files.example/report.txt", "refused: scheme 'ftp' (only http and https)"),
        ("file:///etc/passwd", "refused: scheme 'file' (only http and https)"),
        ("http://user:secret@news.example/", "refused: URLs with credentials are not fetched"),
        ("http:///nohost", "refused: 'http:///nohost' has no host"),
    ],
)
def test_forbidden_addresses_are_refused(url: str, message: str) -> None:
    with pytest.raises(FetchRefused) as refused:
        check_url(url)
    assert str(refused.value) == message


def test_localhost_name_resolving_to_loopback_is_refused() -> None:
    with pytest.raises(FetchRefused, match=r"refused: localhost \(.+\) is a loopback address"):
        check_url("http://localhost/")


def test_public_literal_passes_the_check_without_connecting() -> None:
    host, ip = check_url("https://93.184.216.34/story")
    assert (host, str(ip)) == ("93.184.216.34", "93.184.216.34")


class _Handler(BaseHTTPRequestHandler):
    """Routes for the loopback test server (all answers built from the constants above)."""

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        return

    def _send(self, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        routes = {
            "/story": lambda: self._send(STORY),
            "/host": lambda: self._send(self.headers.get("Host", "").encode(), "text/plain"),
            "/feed": lambda: self._send(FEED, "application/rss+xml"),
            "/to-story": lambda: self._redirect("/story"),
            "/to-metadata": lambda: self._redirect("http://169.254.169.254/latest/meta-data/"),
            "/loop": lambda: self._redirect("/loop"),
            "/big": self._big,
            "/slow": self._slow,
        }
        route = routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        route()

    def _big(self) -> None:  # no Content-Length: the limit must apply while streaming
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            for _ in range(64):
                self.wfile.write(b"<p>" + b"x" * 16_000 + b"</p>")

    def _slow(self) -> None:
        time.sleep(1.5)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._send(STORY)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_loopback_server_is_refused_by_default(server: str) -> None:
    with pytest.raises(FetchRefused, match=r"refused: 127\.0\.0\.1 is a loopback address"):
        fetch_url(f"{server}/story", Settings())


def test_fetch_with_test_policy(server: str) -> None:
    page = fetch_url(f"{server}/story", Settings(), policy=LOCAL)
    assert (page.status, page.body, page.address) == (200, STORY, "127.0.0.1")
    assert page.content_type.startswith("text/html")


def test_connection_is_pinned_but_host_header_names_the_host(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    page = fetch_url(f"http://localhost:{port}/host", Settings(), policy=LOCAL)
    assert page.body == f"localhost:{port}".encode()
    assert page.address in {"127.0.0.1", "::1"}


def test_redirect_is_followed_and_rechecked(server: str) -> None:
    page = fetch_url(f"{server}/to-story", Settings(), policy=LOCAL)
    assert (page.final_url, page.body) == (f"{server}/story", STORY)


def test_redirect_to_forbidden_address_is_refused(server: str) -> None:
    with pytest.raises(FetchRefused, match=r"169\.254\.169\.254 is a link-local address"):
        fetch_url(f"{server}/to-metadata", Settings(), policy=LOCAL)


def test_redirect_loop_stops_at_the_limit(server: str) -> None:
    with pytest.raises(FetchFailed, match="redirected more than 3 times"):
        fetch_url(f"{server}/loop", Settings(fetch_max_redirects=3), policy=LOCAL)


def test_body_over_the_limit_is_too_large(server: str) -> None:
    with pytest.raises(FetchTooLarge, match="too-large"):
        fetch_url(f"{server}/big", Settings(fetch_max_bytes=100_000), policy=LOCAL)


def test_slow_server_times_out(server: str) -> None:
    started = time.perf_counter()
    with pytest.raises(FetchTimeout):
        fetch_url(f"{server}/slow", Settings(fetch_timeout_seconds=0.3), policy=LOCAL)
    assert time.perf_counter() - started < 1.2


def test_error_status_is_a_failed_fetch(server: str) -> None:
    with pytest.raises(FetchFailed, match="HTTP 404"):
        fetch_url(f"{server}/missing", Settings(), policy=LOCAL)


def test_unreachable_port_is_a_failed_fetch() -> None:
    import socket

    with socket.socket() as probe:  # a port that was free a moment ago: nobody listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InputError):
        fetch_url(f"http://127.0.0.1:{port}/", Settings(fetch_timeout_seconds=2), policy=LOCAL)


def test_read_sources_fetches_pages_and_feeds(server: str) -> None:
    settings = Settings(fetch_enabled=True)
    sources = [f"{server}/story", f"{server}/feed", f"{server}/to-metadata", f"{server}/missing"]
    items = list(read_sources(sources, settings, policy=LOCAL))
    page, entry = items[0], items[1]
    assert isinstance(page, Document) and isinstance(entry, Document)
    assert (page.media_type, page.origin, page.url) == ("text/html", "url", f"{server}/story")
    assert (entry.title, entry.source, entry.published) == (
        "Quiet night",
        "Loopback Gazette",
        date(2024, 3, 5),
    )
    assert [getattr(i, "reason", None) for i in items[2:]] == ["fetch-refused", "fetch-failed"]
