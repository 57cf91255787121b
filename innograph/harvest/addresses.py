"""Which URLs the harvester may fetch: http and https only, and no private, loopback, link-local
or otherwise non-public address unless its network is allowed explicitly (the server never fetches
a URL; the harvester fetches only what the public web serves).

The check resolves the host name and refuses when any of its addresses is not allowed, before
each request and each redirect hop.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(Exception):
    """A URL the harvester must not fetch; ``code`` goes into the failure line."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def parse_networks(spec: str | Iterable[str]) -> tuple[IPNetwork, ...]:
    """``"127.0.0.1/32, ::1"`` -> networks; a malformed entry is an error (a setting must not be
    silently ignored)."""
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    networks = []
    for item in (i.strip() for i in items):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError as exc:
            raise ValueError(f"not a network (CIDR) in the allowed networks: {item!r}") from exc
    return tuple(networks)


def is_public(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return is_public(address.ipv4_mapped)
    return address.is_global and not address.is_multicast


class AddressPolicy:
    def __init__(self, allowed: tuple[IPNetwork, ...] = ()) -> None:
        self.allowed = allowed

    def permits(self, address: IPAddress) -> bool:
        return is_public(address) or any(address in network for network in self.allowed)

    async def check(self, url: str) -> None:
        """Raise :class:`AddressRefused` unless ``url`` is http(s) on a host whose every address
        is permitted."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise AddressRefused("unsupported_scheme", f"only http and https are fetched, not {parts.scheme!r}")
        host = parts.hostname
        if not host:
            raise AddressRefused("invalid_url", "the URL has no host")
        for address in await self._addresses(host, parts.port or (443 if parts.scheme == "https" else 80)):
            if not self.permits(address):
                named = f"{host} is {address}" if host.strip("[]") != str(address) else str(address)
                raise AddressRefused(
                    "blocked_address", f"{named}, a non-public address (allow its network with --allow-network)"
                )

    @staticmethod
    async def _addresses(host: str, port: int) -> list[IPAddress]:
        try:
            return [ipaddress.ip_address(host.strip("[]"))]
        except ValueError:
            pass  # a name, not an address literal: resolve it
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise AddressRefused("dns_failed", f"cannot resolve {host}: {exc.strerror}") from exc
        return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
