"""Where a URL may lead: only http(s), and only to public addresses unless the user allows more.

Missive fetches URLs that come from feeds, i.e. from strangers. A feed item or a redirect that
points at http://127.0.0.1:2375/ or at a cloud metadata address (169.254.169.254) would turn
the watcher into a proxy into the user's own network. So before every request, including every
redirect hop, the host is resolved and EVERY address it resolves to must be public: one private
address among several is enough to refuse, since the connection may pick any of them.

`allow_private=True` opens the whole private network (the tests' local server, an intranet);
`trusted_hosts` opens only the named hosts, so one intranet feed does not open the rest.
Known limit: the connection resolves the name again, so a DNS answer that changes between the
check and the connection (rebinding) is not caught; pinning the address needs a custom transport.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from .failures import FailureReason, FetchFailure
from .sources import check_web_url

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def check_target(url: str, *, allow_private: bool,
                 trusted_hosts: frozenset[str] = frozenset()) -> FetchFailure | None:
    """None when the URL may be fetched; otherwise why not (scheme, URL or address)."""
    checked = check_web_url(url)
    if isinstance(checked, FetchFailure):
        return checked
    host = urlsplit(url).hostname or ""
    if allow_private or host in trusted_hosts:
        return None
    addresses = resolve_host(host)
    if isinstance(addresses, FetchFailure):
        return FetchFailure(url, addresses.reason, addresses.detail)
    blocked = [address for address in addresses if not is_public_address(address)]
    if blocked:
        return FetchFailure(url, FailureReason.PRIVATE_ADDRESS, f"{host} resolves to {blocked[0]}")
    return None


def resolve_host(host: str) -> list[IPAddress] | FetchFailure:
    """Every address the host resolves to (a literal address resolves to itself)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        return FetchFailure(host, FailureReason.NETWORK_ERROR, f"cannot resolve {host}: {error}")
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def is_public_address(address: IPAddress) -> bool:
    """True for globally routable unicast addresses only.

    `is_global` already excludes private, loopback, link-local, reserved, shared (100.64/10)
    and unspecified ranges; multicast is excluded on top, and an IPv4 address mapped into IPv6
    is judged as the IPv4 address it carries.
    """
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        address = mapped
    return address.is_global and not address.is_multicast
