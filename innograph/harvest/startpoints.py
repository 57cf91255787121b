"""Start points: what a harvest begins from, and the URLs each one yields.

- a URL: itself;
- a sitemap (``<urlset>``) or sitemap index (``<sitemapindex>``, followed to its sitemaps), gzipped
  or not;
- an RSS (0.9x/1.0/2.0) or Atom feed: the link of each item/entry;
- a crawl: a page whose links are followed within one site (same scheme and host), under a path
  prefix, up to a depth (the start page is depth 0).
"""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml import etree, html

Kind = Literal["url", "sitemap", "feed", "crawl"]
MAX_SITEMAPS = 50  # sitemaps read from one index, nested ones included
MAX_SITEMAP_NESTING = 3
_XML = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)


class StartPointError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code


@dataclass(frozen=True)
class StartPoint:
    kind: Kind
    url: str

    def __str__(self) -> str:
        return f"{self.kind} {self.url}"


def normalise(url: str) -> str:
    """Lower-case scheme and host, no fragment, ``/`` for an empty path."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


@dataclass(frozen=True)
class CrawlScope:
    """Pages a crawl may go to: URLs starting with ``prefix`` (scheme, host and path prefix)."""

    prefix: str

    @classmethod
    def around(cls, start: str, path_prefix: str | None = None) -> CrawlScope:
        """The scope of a crawl from ``start``: its folder, or ``path_prefix`` on its host."""
        parts = urlsplit(normalise(start))
        path = path_prefix if path_prefix is not None else parts.path[: parts.path.rfind("/") + 1]
        if not path.startswith("/"):
            path = "/" + path
        return cls(urlunsplit((parts.scheme, parts.netloc, path, "", "")))

    def contains(self, url: str) -> bool:
        return normalise(url).startswith(self.prefix)


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _xml_root(data: bytes, what: str) -> etree._Element:
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise StartPointError("invalid_gzip", f"the {what} is not readable gzip: {exc}") from exc
    try:
        root = etree.fromstring(data, parser=_XML)
    except etree.XMLSyntaxError as exc:
        raise StartPointError(f"invalid_{what}", f"the {what} is not XML: {exc}") from exc
    if root is None:
        raise StartPointError(f"invalid_{what}", f"the {what} is empty or not XML")
    return root


def read_sitemap(data: bytes, base: str) -> tuple[list[str], list[str]]:
    """``(page URLs, sitemap URLs)`` of a sitemap or a sitemap index."""
    root = _xml_root(data, "sitemap")
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise StartPointError("invalid_sitemap", f"<{kind}> is neither <urlset> nor <sitemapindex>")
    locs = [urljoin(base, (el.text or "").strip()) for el in root.iter() if _local(el.tag) == "loc" and el.text]
    return (locs, []) if kind == "urlset" else ([], locs)


def read_feed(data: bytes, base: str) -> list[str]:
    """The item links of an RSS feed or the entry links of an Atom feed, in feed order."""
    root = _xml_root(data, "feed")
    kind = _local(root.tag)
    if kind == "feed":  # Atom: <entry><link rel="alternate" href=...>, rel defaults to alternate
        links = [link.get("href", "") for entry in root if _local(entry.tag) == "entry"
                 for link in entry if _local(link.tag) == "link" and link.get("rel", "alternate") == "alternate"]
    elif kind in ("rss", "rdf"):
        links = [(link.text or "").strip() for item in root.iter() if _local(item.tag) == "item"
                 for link in item if _local(link.tag) == "link"]
    else:
        raise StartPointError("invalid_feed", f"<{kind}> is neither an RSS nor an Atom feed")
    return [urljoin(base, link) for link in links if link]


def links_of(data: bytes, base: str) -> list[str]:
    """The http(s) links of an HTML page (``<a href>``, ``rel=nofollow`` left out), absolute,
    without fragments, each once, in page order."""
    try:
        root = html.document_fromstring(data)
    except (etree.ParserError, ValueError):
        return []  # nothing to follow in a page that does not parse; the loaders report the page itself
    base_href = root.xpath("string(//base/@href)") or base
    found: dict[str, None] = {}
    for anchor in root.iter("a"):
        href = anchor.get("href")
        if not href or "nofollow" in (anchor.get("rel") or "").lower().split():
            continue
        url = urljoin(urljoin(base, base_href), href.strip())
        if urlsplit(url).scheme in ("http", "https"):
            found[normalise(url)] = None
    return list(found)
