"""``sitemap.xml`` of entity pages and ``robots.txt`` (https://www.sitemaps.org/protocol.html)."""

from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape

from pyoxigraph import NamedNode

from innograph.iris import Iris
from innograph.sparql_text import query_text
from innograph.store import Store

MAX_URLS = 50_000  # per sitemap file (protocol limit); above it /sitemap.xml is an index


def entities(store: Store, iris: Iris) -> list[str]:
    """Every public thing with a page, sorted (never reads the personal partition)."""
    rows = store.select(query_text("linked/entities", iris, {"ns": iris.base + "id/"}), partition="public")
    return [s.value for r in rows if isinstance(s := r.get("s"), NamedNode)]


def sitemap(iris: Iris, things: list[str], modified: datetime, part: int | None) -> bytes:
    """A ``urlset`` (or, above 50,000 URLs and without ``part``, a ``sitemapindex``)."""
    lastmod = modified.strftime("%Y-%m-%dT%H:%M:%SZ")
    if part is None and len(things) > MAX_URLS:
        parts = (len(things) + MAX_URLS - 1) // MAX_URLS
        items = "".join(
            f"<sitemap><loc>{escape(iris.base)}sitemap.xml?part={n}</loc><lastmod>{lastmod}</lastmod></sitemap>\n"
            for n in range(1, parts + 1)
        )
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{items}</sitemapindex>\n'
                ).encode()
    start = ((part or 1) - 1) * MAX_URLS
    chunk = things[start : start + MAX_URLS]
    things_ns = iris.base + "id/"
    urls = "".join(
        f"<url><loc>{escape(iris.base + 'page/' + t[len(things_ns):])}</loc><lastmod>{lastmod}</lastmod></url>\n"
        for t in chunk
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n').encode()


def robots(iris: Iris) -> bytes:
    """Crawlers may read everything except query-shaped URLs that would multiply without end."""
    return (
        "User-agent: *\n"
        "Allow: /\n"
        "Disallow: /sparql?\n"
        "Disallow: /fragments?\n"
        f"Sitemap: {iris.base}sitemap.xml\n"
    ).encode()
