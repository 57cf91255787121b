"""A small web site for the harvest tests, served by a real threaded HTTP server on 127.0.0.1.

Every path below answers the way one kind of real site does: robots.txt with a disallowed folder,
a sitemap index (one child gzipped), an Atom and an RSS feed, pages with ETag/Last-Modified that
answer 304, a page without validators, redirects and a loop, 404/410/500, 429 then 200, 503 with a
long Retry-After, a slow page, oversized pages, charsets declared right, wrong or not at all,
PDFs under misleading names, a page that changes when the test says so, and a small crawlable
folder. ``Site.log`` lists every request (path and headers) so tests can count what was fetched.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).parent / "pages"
LAST_MODIFIED = "Mon, 03 Mar 2025 10:00:00 GMT"
FRENCH = "Région Normandie : coopération économique et innovation à Rouen, Caen et Le Havre."


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    length: bool = True  # send Content-Length (False: the body ends when the connection closes)


def html(title: str, text: str, links: tuple[str, ...] = (), charset_meta: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    anchors = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    return (f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body><main><h1>{title}</h1>"
            f"<p>{text}</p><ul>{anchors}</ul></main></body></html>")


def tiny_pdf(text: str) -> bytes:
    """A one-page PDF whose text layer is ``text`` (ASCII), with a correct cross-reference table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


class Site:
    def __init__(self) -> None:
        self.log: list[tuple[str, dict[str, str]]] = []
        self.version = 1  # of /changing.html
        self.vanished: int | None = None  # status of /vanishing.html once it is gone (404 or 410)
        self.page_delay = 0.0  # added to every page answer (the kill test slows the site down)
        self._busy_answers = 0
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self.routes: dict[str, Callable[[dict[str, str]], Answer]] = self._routes()

    # -- what was asked ------------------------------------------------------------------------

    def requests_for(self, path: str) -> int:
        return sum(1 for p, _ in self.log if p == path)

    def headers_of(self, path: str) -> list[dict[str, str]]:
        return [h for p, h in self.log if p == path]

    # -- serving -------------------------------------------------------------------------------

    def start(self) -> str:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                with site._lock:
                    site.log.append((self.path, headers))
                route = site.routes.get(self.path)
                answer = route(headers) if route else Answer(404, b"not here", {"Content-Type": "text/plain"})
                time.sleep(answer.delay + (site.page_delay if self.path != "/robots.txt" else 0.0))
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                if answer.length:
                    self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                # the harvester may hang up (size cap, timeout): that is what it is meant to do
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(answer.body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # -- the routes ----------------------------------------------------------------------------

    def _routes(self) -> dict[str, Callable[[dict[str, str]], Answer]]:
        routes: dict[str, Callable[[dict[str, str]], Answer]] = {
            "/robots.txt": lambda h: Answer(200, b"User-agent: *\nDisallow: /private/\n",
                                            {"Content-Type": "text/plain"}),
            "/sitemap.xml": lambda h: Answer(200, SITEMAP_INDEX, {"Content-Type": "application/xml"}),
            "/sitemap-pages.xml": lambda h: Answer(200, SITEMAP_PAGES, {"Content-Type": "application/xml"}),
            "/sitemap-more.xml.gz": lambda h: Answer(200, gzip.compress(SITEMAP_MORE),
                                                     {"Content-Type": "application/gzip"}),
            "/atom.xml": lambda h: Answer(200, ATOM, {"Content-Type": "application/atom+xml"}),
            "/rss.xml": lambda h: Answer(200, RSS, {"Content-Type": "application/rss+xml"}),
            "/changing.html": self._changing,
            "/vanishing.html": self._vanishing,
            "/legacy.html": lambda h: Answer(200, html("Legacy page", "A page served without any validator. "
                                                      "Interreg Europe supports regions.").encode(),
                                             {"Content-Type": "text/html"}),
            "/busy.html": self._busy,
            "/very-busy.html": lambda h: Answer(503, b"maintenance", {"Retry-After": "3600"}),
            "/slow.html": lambda h: Answer(200, html("Slow", "Slow page.").encode(),
                                           {"Content-Type": "text/html"}, delay=3.0),
            "/big.html": lambda h: Answer(200, _big_page(), {"Content-Type": "text/html"}, length=False),
            "/big-declared.html": lambda h: Answer(200, _big_page(), {"Content-Type": "text/html"}),
            "/image.png": lambda h: Answer(200, b"\x89PNG\r\n\x1a\n" + bytes(64), {"Content-Type": "image/png"}),
            "/files/report": lambda h: Answer(200, tiny_pdf("Innovation report of the Region of Southern Denmark"),
                                              {"Content-Type": "application/octet-stream"}),
            "/files/brochure.html": lambda h: Answer(200, tiny_pdf("Brochure of Business Region Aarhus"),
                                                     {"Content-Type": "text/html"}),
            "/notes.txt": lambda h: Answer(200, FRENCH.encode("utf-8"), {"Content-Type": "text/plain"}),
        }
        routes.update(self._static_pages())
        routes.update(_status_routes())
        routes.update(_charset_routes())
        routes.update(_crawl_routes())
        routes.update(_many_pages())
        return routes

    def _static_pages(self) -> dict[str, Callable[[dict[str, str]], Answer]]:
        found = {}
        for path in sorted(PAGES.glob("*.html")):
            folder = "private" if path.stem == "secret" else "pages"
            found[f"/{folder}/{path.name}"] = _validated(path.read_bytes(), "text/html; charset=utf-8")
        return found

    def _changing(self, headers: dict[str, str]) -> Answer:
        body = html(f"Changing page, version {self.version}",
                    f"This is version {self.version} of a page about Interreg North Sea.").encode()
        return _validated(body, "text/html; charset=utf-8")(headers)

    def _vanishing(self, headers: dict[str, str]) -> Answer:
        if self.vanished is not None:
            return Answer(self.vanished, b"gone", {"Content-Type": "text/plain"})
        body = html("Vanishing call", "A call of Interreg Europe that will be withdrawn.").encode()
        return _validated(body, "text/html; charset=utf-8")(headers)

    def _busy(self, headers: dict[str, str]) -> Answer:
        with self._lock:
            self._busy_answers += 1
            first = self._busy_answers == 1
        if first:
            return Answer(429, b"slow down", {"Retry-After": "1", "Content-Type": "text/plain"})
        return Answer(200, html("Busy page", "Answered at the second try.").encode(), {"Content-Type": "text/html"})


def _validated(body: bytes, content_type: str) -> Callable[[dict[str, str]], Answer]:
    """A page with an ETag and a Last-Modified date that answers 304 to a matching validator."""
    etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'

    def answer(headers: dict[str, str]) -> Answer:
        fresh = ("if-none-match" in headers and headers["if-none-match"] == etag) or (
            "if-none-match" not in headers and headers.get("if-modified-since") == LAST_MODIFIED)
        validators = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        if fresh:
            return Answer(304, b"", validators)
        return Answer(200, body, {"Content-Type": content_type, **validators})

    return answer


def _status_routes() -> dict[str, Callable[[dict[str, str]], Answer]]:
    return {
        "/gone-404.html": lambda h: Answer(404, b"not found", {"Content-Type": "text/plain"}),
        "/gone-410.html": lambda h: Answer(410, b"gone", {"Content-Type": "text/plain"}),
        "/error.html": lambda h: Answer(500, b"boom", {"Content-Type": "text/plain"}),
        "/old-call": lambda h: Answer(301, b"", {"Location": "/moved/call"}),
        "/moved/call": lambda h: Answer(302, b"", {"Location": "/pages/en-call.html"}),
        "/loop/a": lambda h: Answer(302, b"", {"Location": "/loop/b"}),
        "/loop/b": lambda h: Answer(302, b"", {"Location": "/loop/a"}),
        "/to-private": lambda h: Answer(302, b"", {"Location": "/private/secret.html"}),
        "/to-elsewhere": lambda h: Answer(302, b"", {"Location": "http://10.1.2.3/internal"}),
    }


def _charset_routes() -> dict[str, Callable[[dict[str, str]], Answer]]:
    """The same French sentence in five ways of (mis)declaring its charset."""
    def page(charset_meta: str | None) -> str:
        return html("Coopération régionale", FRENCH, charset_meta=charset_meta)

    return {
        "/charset/header-latin1.html": lambda h: Answer(
            200, page(None).encode("latin-1"), {"Content-Type": "text/html; charset=ISO-8859-1"}),
        "/charset/meta-only.html": lambda h: Answer(
            200, page("windows-1252").encode("cp1252"), {"Content-Type": "text/html"}),
        "/charset/none.html": lambda h: Answer(200, page(None).encode("utf-8"), {"Content-Type": "text/html"}),
        "/charset/wrong-header.html": lambda h: Answer(
            200, page(None).encode("cp1252"), {"Content-Type": "text/html; charset=utf-8"}),
        "/charset/utf8-called-latin1.html": lambda h: Answer(
            200, page("iso-8859-1").encode("utf-8"), {"Content-Type": "text/html; charset=iso-8859-1"}),
        "/charset/no-type.html": lambda h: Answer(200, page("utf-8").encode("utf-8"), {}),
    }


def _crawl_routes() -> dict[str, Callable[[dict[str, str]], Answer]]:
    def page(title: str, *links: str) -> Callable[[dict[str, str]], Answer]:
        body = html(title, f"{title}: news of Business Region Aarhus and Region Midtjylland.", links).encode()
        return _validated(body, "text/html; charset=utf-8")

    index_links = ("a.html", "/crawl/b.html#part", "sub/c.html", "/pages/en-call.html", "http://example.invalid/x",
                   "missing.html", "mailto:info@example.org")
    return {
        "/crawl/index.html": lambda h: Answer(
            200, html("Crawl start", "Start page of the crawl.", index_links).replace(
                "</ul>", '<li><a rel="nofollow" href="nofollow.html">no</a></li></ul>').encode(),
            {"Content-Type": "text/html; charset=utf-8"}),
        "/crawl/a.html": page("Crawl page A", "b.html", "index.html"),
        "/crawl/b.html": page("Crawl page B"),
        "/crawl/sub/c.html": page("Crawl page C", "d.html"),
        "/crawl/sub/d.html": page("Crawl page D (depth 2)"),
        "/crawl/nofollow.html": page("Not to be followed"),
    }


MANY = 16  # /many/0.html ... /many/15.html: the pages of the interrupted harvest


def _many_pages() -> dict[str, Callable[[dict[str, str]], Answer]]:
    return {f"/many/{n}.html": _validated(html(f"Page {n} of the programme news",
                                               f"News number {n} of Interreg North Sea and its partner regions.")
                                          .encode(), "text/html; charset=utf-8") for n in range(MANY)}


def _big_page() -> bytes:
    return html("Big", "Interreg Europe. " * 20_000).encode()  # ~340 KB


SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>/sitemap-pages.xml</loc></sitemap>
  <sitemap><loc>/sitemap-more.xml.gz</loc></sitemap>
</sitemapindex>
"""
SITEMAP_PAGES = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>/pages/fr-call.html</loc><lastmod>2025-03-03</lastmod></url>
  <url><loc>/pages/da-news.html</loc></url>
  <url><loc>/private/secret.html</loc></url>
</urlset>
"""
SITEMAP_MORE = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>/legacy.html</loc></url>
  <url><loc>/changing.html</loc></url>
</urlset>
"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>News</title>
  <entry><title>Slimme Havens</title><link href="/pages/nl-project.html"/><id>urn:x:1</id></entry>
  <entry><title>BioValley</title><link rel="alternate" href="/pages/en-cluster.html"/>
         <link rel="enclosure" href="/files/report"/><id>urn:x:2</id></entry>
</feed>
"""
RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>News</title>
  <item><title>Cluster</title><link>/pages/en-cluster.html</link></item>
  <item><title>Report</title><link>/files/report</link></item>
</channel></rss>
"""
