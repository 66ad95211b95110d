"""Fetch one URL without becoming a proxy into the network we run on (SSRF guard).

The host is resolved once; every address it resolves to must be public, and the
connection is then made to that checked address (Host header and TLS SNI carry the name),
so a DNS answer that changes between check and connect (rebinding) cannot redirect us.
Redirects are followed by hand, each hop checked again. The body is streamed and cut at
`fetch_max_bytes`; the whole fetch, redirects included, gets `fetch_timeout_seconds`.
DNS resolution itself uses the system resolver and is not covered by the time limit.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from trucewatch.config import Settings
from trucewatch.errors import FetchRefused, InputError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Hosts made only of digits, dots and hex marks are IP literals; anything but the canonical
# dotted quad (2130706433, 0x7f000001, 0177.0.0.1, 127.1) is a classic filter bypass.
_NUMERIC_HOST = re.compile(r"^[0-9a-fx.]+$", re.I)
_CANONICAL_V4 = re.compile(
    r"^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$"
)
_USER_AGENT = "TruceWatch/0.1 (+https://github.com/trucewatch; ceasefire monitoring)"


class FetchTooLarge(FetchRefused):
    """The response body is larger than fetch_max_bytes."""

    reason = "too-large"


class FetchTimeout(FetchRefused):
    """The fetch took longer than fetch_timeout_seconds."""

    reason = "fetch-timeout"


class FetchFailed(InputError):
    """The server could not be reached or answered with an error status."""

    reason = "fetch-failed"


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses a fetch may connect to. The default allows public addresses only.

    `allow_loopback` exists for tests against a local server; it is an explicit argument,
    never read from the environment.
    """

    allow_loopback: bool = False


@dataclass(frozen=True)
class FetchedPage:
    """A fetched body with what is needed to decode and cite it."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    address: str  # the IP address actually connected to


def address_problem(ip: IPAddress, policy: AddressPolicy = AddressPolicy()) -> str | None:
    """Why this address must not be fetched from, or None if it is public."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return address_problem(ip.ipv4_mapped, policy)
    if ip.is_loopback:
        return None if policy.allow_loopback else "a loopback address"
    checks = (
        (ip.is_unspecified, "an unspecified address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_private, "a private address"),
        (ip.is_reserved, "a reserved address"),
        (not ip.is_global, "not a public address"),
    )
    for bad, why in checks:
        if bad:
            return why
    return None


def _literal_ip(host: str) -> IPAddress | None:
    """The host as an IP address if it is one; refuse non-canonical numeric forms."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if _NUMERIC_HOST.match(host) and not _CANONICAL_V4.match(host):
        raise FetchRefused(f"refused: {host} is a non-standard IP address form")
    return None


def check_url(url: str, policy: AddressPolicy = AddressPolicy()) -> tuple[str, IPAddress]:
    """Check scheme and host; resolve once; return (host, the address to connect to)."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise FetchRefused(f"refused: scheme {parts.scheme or '(none)'!r} (only http and https)")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FetchRefused(f"refused: {url!r} has no host")
    if parts.username or parts.password:
        raise FetchRefused("refused: URLs with credentials are not fetched")
    literal = _literal_ip(host)
    if literal is not None:
        candidates: list[IPAddress] = [literal]
    else:
        try:
            infos = socket.getaddrinfo(host, parts.port or 80, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as error:
            raise FetchFailed(f"failed: cannot resolve {host}: {error}") from None
        candidates = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
        if not candidates:
            raise FetchFailed(f"failed: {host} resolves to no address")
    for ip in candidates:
        why = address_problem(ip, policy)
        if why is not None:
            shown = host if literal is not None else f"{host} ({ip})"
            raise FetchRefused(f"refused: {shown} is {why}")
    return host, candidates[0]


def _pinned(url: str, ip: IPAddress) -> tuple[str, dict[str, str]]:
    """The URL rewritten to connect to `ip`, and the Host header naming the real host."""
    parts = urlsplit(url)
    ip_text = f"[{ip}]" if ip.version == 6 else str(ip)
    netloc = ip_text if parts.port is None else f"{ip_text}:{parts.port}"
    host_header = parts.hostname or ""
    if ":" in host_header:
        host_header = f"[{host_header}]"
    if parts.port is not None:
        host_header = f"{host_header}:{parts.port}"
    path = parts.path or "/"
    return urlunsplit((parts.scheme, netloc, path, parts.query, "")), {"Host": host_header}


def fetch_url(
    url: str, settings: Settings, *, policy: AddressPolicy = AddressPolicy()
) -> FetchedPage:
    """Fetch `url` under the SSRF guard; raise FetchRefused / FetchFailed with the reason."""
    deadline = time.monotonic() + settings.fetch_timeout_seconds
    current = url
    with httpx.Client(follow_redirects=False, trust_env=False) as client:
        for _hop in range(settings.fetch_max_redirects + 1):
            host, ip = check_url(current, policy)
            target, headers = _pinned(current, ip)
            headers["User-Agent"] = _USER_AGENT
            # ask for an uncompressed body so the byte cap measures what we keep
            headers["Accept-Encoding"] = "identity"
            extensions = {"sni_hostname": host} if urlsplit(current).scheme == "https" else {}
            status, content_type, body, location = _one_request(
                client, target, headers, extensions, deadline, settings.fetch_max_bytes, url
            )
            if status in _REDIRECTS and location:
                current = urljoin(current, location)
                continue
            if status >= 400:
                raise FetchFailed(f"failed: {url} answered HTTP {status}")
            return FetchedPage(url, current, status, content_type, body, str(ip))
    raise FetchFailed(f"failed: {url} redirected more than {settings.fetch_max_redirects} times")


def _one_request(
    client: httpx.Client,
    target: str,
    headers: dict[str, str],
    extensions: dict[str, str],
    deadline: float,
    max_bytes: int,
    url: str,
) -> tuple[int, str, bytes, str | None]:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchTimeout(f"fetch-timeout: {url} took longer than the fetch time limit")
    request = client.build_request(
        "GET", target, headers=headers, extensions=extensions, timeout=httpx.Timeout(remaining)
    )
    try:
        response = client.send(request, stream=True)
    except httpx.TimeoutException:
        raise FetchTimeout(f"fetch-timeout: {url} took longer than the fetch time limit") from None
    except httpx.HTTPError as error:
        raise FetchFailed(f"failed: {url}: {type(error).__name__}: {error}") from None
    try:
        if response.status_code in _REDIRECTS:
            return response.status_code, "", b"", response.headers.get("location")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchTooLarge(f"too-large: {url} declares {declared} bytes (limit {max_bytes})")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchTooLarge(f"too-large: {url} sent more than {max_bytes} bytes")
            if time.monotonic() > deadline:
                raise FetchTimeout(f"fetch-timeout: {url} took longer than the fetch time limit")
            chunks.append(chunk)
        content_type = response.headers.get("content-type", "")
        return response.status_code, content_type, b"".join(chunks), None
    except httpx.TimeoutException:
        raise FetchTimeout(f"fetch-timeout: {url} took longer than the fetch time limit") from None
    except httpx.HTTPError as error:
        raise FetchFailed(f"failed: {url}: {type(error).__name__}: {error}") from None
    finally:
        response.close()


def skip_reason(error: InputError) -> str:
    """The Skipped reason code for a fetch error (batch flows record it, then go on)."""
    reason = getattr(error, "reason", None)
    if isinstance(reason, str):
        return reason
    return "fetch-refused" if isinstance(error, FetchRefused) else "fetch-failed"


__all__ = [
    "AddressPolicy",
    "FetchFailed",
    "FetchTimeout",
    "FetchTooLarge",
    "FetchedPage",
    "address_problem",
    "check_url",
    "fetch_url",
    "skip_reason",
]
