"""The harvest's pure parts, without a network: address policy, charset and media type, sitemaps
and feeds, links, Retry-After."""

from __future__ import annotations

import asyncio
import codecs
import gzip
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from innograph.loaders.base import LoaderError

from innograph.harvest.addresses import AddressPolicy, AddressRefused, parse_networks
from innograph.harvest.content import body_for_loaders, charset_of
from innograph.harvest.fetcher import retry_after_seconds
from innograph.harvest.startpoints import CrawlScope, StartPointError, links_of, read_feed, read_sitemap


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://10.0.0.8/", "http://169.254.169.254/latest/meta-data",
                                 "http://[::1]/", "http://[::ffff:192.168.1.1]/", "http://0.0.0.0/",
                                 "http://224.0.0.1/"])
def test_non_public_addresses_are_refused(url: str) -> None:
    with pytest.raises(AddressRefused) as refused:
        asyncio.run(AddressPolicy().check(url))
    assert refused.value.code == "blocked_address"


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "gopher://example.org/"])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(AddressRefused) as refused:
        asyncio.run(AddressPolicy().check(url))
    assert refused.value.code == "unsupported_scheme"


def test_an_allowed_network_opens_only_itself() -> None:
    policy = AddressPolicy(parse_networks("127.0.0.1/32"))
    asyncio.run(policy.check("http://127.0.0.1:8000/page"))
    asyncio.run(AddressPolicy().check("https://93.184.215.14/"))  # a public address literal
    with pytest.raises(AddressRefused):
        asyncio.run(policy.check("http://127.0.0.2/"))
    with pytest.raises(ValueError, match="not a network"):
        parse_networks("127.0.0.1/33")


def test_charset_order_header_meta_bytes() -> None:
    text = "Région de coopération"
    assert charset_of(text.encode("latin-1"), "iso-8859-1") == "iso-8859-1"
    assert charset_of(text.encode("cp1252"), "utf-8") == "windows-1252"  # the header is wrong
    assert charset_of(text.encode("utf-8"), "iso-8859-1") == "utf-8"  # UTF-8 called Latin-1
    meta = f'<html><head><meta charset="windows-1252"></head><body>{text}</body></html>'
    assert charset_of(meta.encode("cp1252"), None) == "windows-1252"
    assert charset_of(text.encode("utf-8"), None) == "utf-8"


def test_body_for_loaders_gives_utf8_with_bom_for_text_and_bytes_as_they_are_otherwise() -> None:
    page = "<html><body><p>Région</p></body></html>".encode("latin-1")
    body = body_for_loaders(page, "text/html; charset=ISO-8859-1")
    assert body.data == codecs.BOM_UTF8 + page.decode("latin-1").encode("utf-8")
    assert (body.media_type, body.charset) == ("text/html", "iso-8859-1")
    pdf = b"%PDF-1.4\n..."
    assert body_for_loaders(pdf, "text/html").media_type == "application/pdf"
    assert body_for_loaders(b"<!DOCTYPE html><html></html>", "application/octet-stream").media_type == "text/html"
    with pytest.raises(LoaderError, match="unsupported_type"):
        body_for_loaders(b"GIF89a", "image/gif")


def test_sitemaps_indexes_and_gzip() -> None:
    urlset = (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> /a </loc></url>'
              b"<url><loc>https://other.example/b</loc></url></urlset>")
    assert read_sitemap(gzip.compress(urlset), "https://site.example/sitemap.xml.gz") == (
        ["https://site.example/a", "https://other.example/b"], [])
    index = b"<sitemapindex><sitemap><loc>/s1.xml</loc></sitemap></sitemapindex>"
    assert read_sitemap(index, "https://site.example/") == ([], ["https://site.example/s1.xml"])
    with pytest.raises(StartPointError, match="invalid_sitemap"):
        read_sitemap(b"<html><body>not a sitemap</body></html>", "https://site.example/")


def test_feeds_rss_and_atom() -> None:
    rss = b"<rss><channel><item><link>/n/1</link></item><item><title>no link</title></item></channel></rss>"
    atom = (b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="enclosure" href="/f.pdf"/>'
            b'<link href="/n/2"/></entry></feed>')
    assert read_feed(rss, "https://site.example/rss") == ["https://site.example/n/1"]
    assert read_feed(atom, "https://site.example/atom") == ["https://site.example/n/2"]


def test_links_and_crawl_scope() -> None:
    page = (b'<html><head><base href="https://Site.example/news/"></head><body><a href="a.html#top">a</a>'
            b'<a href="a.html">again</a><a rel="nofollow" href="b.html">b</a><a href="mailto:x@y.z">m</a>'
            b'<a href="/other/c.html">c</a></body></html>')
    links = links_of(page, "https://site.example/news/index.html")
    assert links == ["https://site.example/news/a.html", "https://site.example/other/c.html"]
    scope = CrawlScope.around("https://site.example/news/index.html")
    assert [link for link in links if scope.contains(link)] == ["https://site.example/news/a.html"]
    assert CrawlScope.around("https://site.example/news/index.html", "/").contains("https://site.example/other/c.html")


def test_retry_after_in_seconds_or_as_a_date() -> None:
    assert retry_after_seconds("120") == 120.0
    later = retry_after_seconds(format_datetime(datetime.now(UTC) + timedelta(seconds=600), usegmt=True))
    assert later is not None and 500 < later <= 600
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None
