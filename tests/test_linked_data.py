"""Dereferencing: every minted IRI resolves on a server whose address is the base IRI; content
negotiation, languages, 404s, personal data only with the token, HTTP caching, CORS, HEAD."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import rdflib
from conftest import TOKEN
from pyld import jsonld
from pyoxigraph import NamedNode
from rdflib.compare import isomorphic
from test_linked_support import SECRETS, LinkedServer, linked_server

RDF_FORMATS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}


@pytest.fixture(scope="module")
def ld(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LinkedServer]:
    with linked_server(tmp_path_factory.mktemp("linked") / "store") as server:
        yield server


def parse(response: httpx.Response, fmt: str, base: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=response.text, format=fmt, publicID=base)


def expand_jsonld(ld: LinkedServer, text: str) -> list[dict[str, object]]:
    """pyld expansion, fetching remote contexts (our /context.jsonld) from the app."""

    def loader(url: str, options: object = None) -> dict[str, object]:
        with ld.client() as c:
            response = c.get(url, headers={"Accept": "application/ld+json"})
        response.raise_for_status()
        return {"contextUrl": None, "documentUrl": url, "document": response.json()}

    return jsonld.expand(json.loads(text), {"documentLoader": loader})  # type: ignore[no-any-return]


# -- IRIs resolve -----------------------------------------------------------------------------------


def test_thing_iri_answers_303_to_its_page(ld: LinkedServer) -> None:
    iri = ld.iris.entity("organisation", "alpha")
    with ld.client() as c:
        r = c.get(iri, headers={"Accept": "text/turtle"})
    assert r.status_code == 303
    assert r.headers["location"] == ld.base + "page/organisation/alpha"
    assert "Accept" in r.headers["vary"]
    assert r.headers["access-control-allow-origin"] == "*"


FIXED_DOCUMENTS = ("graph/changes", "graph/doc-a", "graph/doc-b", "graph/reference", "id/country/FR",
                   "id/document/doc-a", "id/document/doc-a/evidence/alpha", "id/document/doc-a/evidence/gamma",
                   "id/document/doc-b", "id/document/doc-b/evidence/alpha", "id/document/doc-b/evidence/beta",
                   "id/organisation/alpha", "id/organisation/beta", "id/organisation/gamma",
                   "id/theme/green-energy", "id/theme/scheme", "ontology")


def test_every_minted_iri_dereferences(ld: LinkedServer) -> None:
    """Every IRI under the base in the public data resolves (after at most one 303) to RDF that
    holds every public statement about it (a named graph: every statement in it)."""
    with ld.store.snapshot("public") as view:
        quads = list(view)
    minted = {t.value for q in quads for t in (q.subject, q.predicate, q.object, q.graph_name)
              if isinstance(t, NamedNode) and t.value.startswith(ld.base)}
    documents = {iri.split("#")[0] for iri in minted}
    changes = {d for d in documents if d.startswith(ld.base + "id/change/")}
    assert len(changes) == 2  # one change-log entry per document written
    assert documents - changes == {ld.base + path for path in FIXED_DOCUMENTS}
    with ld.client(follow_redirects=True) as c:
        for doc in sorted(documents):
            r = c.get(doc, headers={"Accept": "text/turtle"})
            assert r.status_code == 200, doc
            served = parse(r, "turtle", doc)
            if doc == ld.base + "ontology":
                assert (rdflib.URIRef(doc), rdflib.RDF.type, rdflib.OWL.Ontology) in served
                continue
            in_graph = doc.startswith(ld.base + "graph/")
            own = [q.triple for q in quads if (q.graph_name if in_graph else q.subject) == NamedNode(doc)]
            assert own, doc
            expected = rdflib.Graph().parse(data="\n".join(f"{t} ." for t in own), format="nt")
            if in_graph:  # a named graph is served as it is
                assert set(expected) == set(served), doc
            else:  # a thing's page adds incoming links, evidence and the page's own triples
                assert set(expected) <= set(served), doc


def test_page_links_resource_and_dataset(ld: LinkedServer) -> None:
    with ld.client() as c:
        r = c.get("/page/organisation/alpha", headers={"Accept": "text/turtle"})
    g = parse(r, "turtle", ld.base)
    page, thing = rdflib.URIRef(ld.base + "page/organisation/alpha"), rdflib.URIRef(ld.base + "id/organisation/alpha")
    assert (page, rdflib.FOAF.primaryTopic, thing) in g
    assert (page, rdflib.URIRef("http://rdfs.org/ns/void#inDataset"), rdflib.URIRef(ld.base + "catalog#dataset")) in g
    # the evidence travels with the thing: sentence and document
    sentences = set(g.objects(None, rdflib.URIRef(ld.iris.term("sentence"))))
    assert any("Agence Alpha" in str(s) for s in sentences)


@pytest.mark.parametrize("media_type", [*RDF_FORMATS, "application/ld+json"])
def test_each_rdf_format_parses_to_the_same_graph(ld: LinkedServer, media_type: str) -> None:
    with ld.client() as c:
        reference = parse(c.get("/page/organisation/alpha", headers={"Accept": "application/n-triples"}), "nt",
                          ld.base)
        r = c.get("/page/organisation/alpha", headers={"Accept": media_type})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media_type)
    assert "Accept" in r.headers["vary"]
    assert r.headers["content-location"].startswith(ld.base + "page/organisation/alpha?format=")
    if media_type == "application/ld+json":
        expanded = expand_jsonld(ld, r.text)
        graph = rdflib.Graph().parse(data=json.dumps(expanded), format="json-ld")
    else:
        graph = parse(r, RDF_FORMATS[media_type], ld.base)
    assert isomorphic(graph, reference)


def test_jsonld_uses_the_published_context(ld: LinkedServer) -> None:
    with ld.client() as c:
        doc = c.get("/page/organisation/alpha?format=jsonld").json()
        context = c.get("/context.jsonld")
    assert doc["@context"] == ld.base + "context.jsonld"
    assert context.status_code == 200 and context.headers["content-type"].startswith("application/ld+json")
    assert context.json()["@context"]["ig"] == ld.iris.vocab


def test_format_parameter_overrides_accept_and_unknown_format_is_400(ld: LinkedServer) -> None:
    with ld.client() as c:
        r = c.get("/page/organisation/alpha?format=nt", headers={"Accept": "text/html"})
        bad = c.get("/page/organisation/alpha?format=docx")
        none = c.get("/page/organisation/alpha", headers={"Accept": "image/png"})
    assert r.headers["content-type"].startswith("application/n-triples")
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "unknown_format"
    assert none.status_code == 406


def test_html_page_has_labels_in_the_visitors_language_evidence_and_alternates(ld: LinkedServer) -> None:
    with ld.client() as c:
        fr = c.get("/page/organisation/alpha", headers={"Accept": "text/html", "Accept-Language": "fr-BE,fr;q=0.9"})
        da = c.get("/page/organisation/alpha", headers={"Accept": "text/html", "Accept-Language": "da"})
        de = c.get("/page/organisation/alpha", headers={"Accept": "text/html", "Accept-Language": "de"})
    assert fr.status_code == 200 and fr.headers["content-type"].startswith("text/html")
    assert '<html lang="fr">' in fr.text and "énergie verte" in fr.text and "Preuves" in fr.text
    assert "grøn energi" in da.text and "Frankrig" in da.text
    assert '<html lang="en">' in de.text and "green energy" in de.text  # fallback
    page = fr.text
    assert "<mark>Agence Alpha</mark>" in page  # the evidence sentence, words highlighted
    assert "https://example.org/source/doc-a.html" in page  # the source
    assert 'href="/page/organisation/alpha?format=ttl"' in page  # links stay on this server
    assert re.search(r'<link rel="alternate" type="text/turtle" href="[^"]+format=ttl">', page)
    schema = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert schema is not None
    data = json.loads(schema.group(1))
    assert data["@type"] == "Organization" and data["@id"] == ld.base + "id/organisation/alpha"
    assert "Vary" in fr.headers and "Accept-Language" in fr.headers["vary"]


def test_document_page_lists_what_it_mentions_and_links_its_graph(ld: LinkedServer) -> None:
    with ld.client(follow_redirects=True) as c:
        page = c.get(ld.iris.document("doc-a"), headers={"Accept": "text/html"}).text
    assert 'href="/page/organisation/gamma"' in page
    assert 'href="/graph/doc-a"' in page


def test_unknown_iri_is_a_helpful_404(ld: LinkedServer) -> None:
    with ld.client(follow_redirects=True) as c:
        html = c.get("/id/organisation/alphaa", headers={"Accept": "text/html"})
        rdf = c.get("/id/organisation/nothing-here", headers={"Accept": "text/turtle"})
        graph = c.get("/graph/no-such-doc", headers={"Accept": "text/turtle"})
    assert html.status_code == 404 and html.headers["content-type"].startswith("text/html")
    assert 'href="/page/organisation/alpha"' in html.text  # a close match is suggested
    assert "sitemap.xml" in html.text
    assert rdf.status_code == 404 and rdf.json()["error"]["code"] == "not_found"
    assert graph.status_code == 404


def test_ontology_and_terms_resolve(ld: LinkedServer) -> None:
    with ld.client() as c:
        ttl = c.get(ld.iris.term("Organisation"), headers={"Accept": "text/turtle"})  # the fragment stays local
        html = c.get("/ontology", headers={"Accept": "text/html"})
    g = parse(ttl, "turtle", ld.base)
    assert (rdflib.URIRef(ld.iris.term("Organisation")), rdflib.RDF.type, rdflib.OWL.Class) in g
    assert html.status_code == 200 and "<html" in html.text


# -- personal data --------------------------------------------------------------------------------------


def test_personal_data_only_with_the_token(ld: LinkedServer) -> None:
    person = ld.iris.entity("person", "doc-a-0123456789ab")
    personal_graph = ld.iris.personal_graph("doc-a")
    with ld.client(follow_redirects=True) as anonymous, ld.client(TOKEN, follow_redirects=True) as owner:
        hidden_person = anonymous.get(person, headers={"Accept": "text/html"})
        unknown = anonymous.get(ld.iris.entity("person", "never-minted"), headers={"Accept": "text/html"})
        hidden_graph = anonymous.get(personal_graph, headers={"Accept": "text/turtle"})
        missing_graph = anonymous.get(ld.iris.personal_graph("no-such-doc"), headers={"Accept": "text/turtle"})
        doc_page = anonymous.get(ld.iris.document("doc-a"), headers={"Accept": "text/turtle"})
        seen_person = owner.get(person, headers={"Accept": "text/html"})
        seen_graph = owner.get(personal_graph, headers={"Accept": "text/turtle"})
    assert hidden_person.status_code == unknown.status_code == 404
    assert hidden_graph.status_code == missing_graph.status_code == 404
    assert hidden_graph.json()["error"]["code"] == missing_graph.json()["error"]["code"]
    for response in (hidden_person, hidden_graph, doc_page):
        assert not any(secret in response.text for secret in SECRETS)
    assert "mentionsPerson" not in doc_page.text
    assert seen_person.status_code == 200 and SECRETS[0] in seen_person.text
    assert "no-store" in seen_person.headers["cache-control"]
    assert seen_graph.status_code == 200 and SECRETS[1] in seen_graph.text


# -- HTTP --------------------------------------------------------------------------------------------------


def test_conditional_requests_give_304(ld: LinkedServer) -> None:
    with ld.client() as c:
        for path in ("/page/organisation/alpha", "/graph/doc-a", "/.well-known/void", "/catalog", "/feed",
                     "/fragments", "/sitemap.xml", "/ontology"):
            first = c.get(path, headers={"Accept": "text/turtle, application/trig;q=0.9, */*;q=0.1"})
            assert first.status_code == 200, path
            etag, modified = first.headers["etag"], first.headers["last-modified"]
            assert etag.startswith('"') and not etag.startswith("W/")  # strong
            again = c.get(path, headers={"Accept": "text/turtle, application/trig;q=0.9, */*;q=0.1",
                                         "If-None-Match": etag})
            assert again.status_code == 304 and again.content == b"", path
            assert again.headers["etag"] == etag
            since = c.get(path, headers={"Accept": "text/turtle, application/trig;q=0.9, */*;q=0.1",
                                         "If-Modified-Since": modified})
            assert since.status_code == 304, path
            changed = c.get(path, headers={"Accept": "text/turtle, application/trig;q=0.9, */*;q=0.1",
                                           "If-None-Match": '"something-else"'})
            assert changed.status_code == 200


def test_gzip_cache_control_cors_and_head(ld: LinkedServer) -> None:
    with ld.client() as c:
        raw = c.send(c.build_request("GET", "/graph/doc-a", headers={"Accept": "application/n-triples",
                                                                    "Accept-Encoding": "gzip"}), stream=True)
        compressed = b"".join(raw.iter_raw())
        raw.close()
        plain = c.get("/graph/doc-a", headers={"Accept": "application/n-triples", "Accept-Encoding": "identity"})
        head = c.head("/graph/doc-a", headers={"Accept": "application/n-triples", "Accept-Encoding": "identity"})
        options = c.options("/page/organisation/alpha", headers={"Origin": "https://example.org",
                                                                 "Access-Control-Request-Method": "GET"})
    assert raw.headers["content-encoding"] == "gzip"
    assert gzip.decompress(compressed) == plain.content
    assert raw.headers["etag"] != plain.headers["etag"]  # a strong tag per content coding
    assert plain.headers["cache-control"].startswith("public, max-age=")
    assert plain.headers["access-control-allow-origin"] == "*"
    assert "ETag" in plain.headers["access-control-expose-headers"]
    assert "Link" in plain.headers["access-control-expose-headers"]
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["content-length"]) == len(plain.content)
    assert head.headers["etag"] == plain.headers["etag"]
    assert options.status_code == 204 and "GET" in options.headers["access-control-allow-methods"]


def test_discoverability_sitemap_robots(ld: LinkedServer) -> None:
    with ld.client() as c:
        robots = c.get("/robots.txt").text
        sitemap = c.get("/sitemap.xml")
    assert f"Sitemap: {ld.base}sitemap.xml" in robots
    assert sitemap.headers["content-type"].startswith("application/xml")
    locs = set(re.findall(r"<loc>([^<]+)</loc>", sitemap.text))
    assert ld.base + "page/organisation/alpha" in locs and ld.base + "page/document/doc-b" in locs
    assert ld.base + "page/theme/green-energy" in locs
    assert not any("/person/" in loc or "/evidence/" in loc for loc in locs)


@pytest.mark.slow  # a second store
def test_base_iri_is_the_only_setting(tmp_path: Path) -> None:
    """A second app at another address: its IRIs resolve on it, with nothing but the base set."""
    with linked_server(tmp_path / "other", host="other.test") as other, other.client(follow_redirects=True) as c:
        assert other.base == "http://other.test/"
        r = c.get(other.iris.entity("organisation", "beta"), headers={"Accept": "text/turtle"})
        assert r.status_code == 200 and str(r.url) == other.base + "page/organisation/beta"


TRIPLE_FORMATS = ("ttl", "jsonld", "nt", "rdf")
GRAPH_FORMATS = (*TRIPLE_FORMATS, "trig", "nq")
FEED_FORMATS = ("trig", "nq", "jsonld")
# each document and the formats its HTML page links to (Link: rel="alternate")
DOCUMENTS = {
    "/page/organisation/alpha": TRIPLE_FORMATS,
    "/page/document/doc-a": TRIPLE_FORMATS,
    "/page/theme/green-energy": TRIPLE_FORMATS,
    "/graph/doc-a": GRAPH_FORMATS,
    "/graph/changes": GRAPH_FORMATS,
    "/.well-known/void": TRIPLE_FORMATS,
    "/catalog": TRIPLE_FORMATS,
    "/feed": FEED_FORMATS,
    "/fragments?predicate=http%3A%2F%2Fwww.w3.org%2F2000%2F01%2Frdf-schema%23label": TRIPLE_FORMATS,
}
PARSERS = {"ttl": "turtle", "nt": "nt", "rdf": "xml", "trig": "trig", "nq": "nquads"}
# triples of each document of the fixture store (the first feed page: its page size)
TRIPLE_COUNTS = {
    "/page/organisation/alpha": 32,
    "/page/document/doc-a": 10,
    "/page/theme/green-energy": 13,
    "/graph/doc-a": 40,
    "/graph/changes": 10,
    "/.well-known/void": 211,
    "/catalog": 255,
    "/feed": 17,
    "/fragments?predicate=http%3A%2F%2Fwww.w3.org%2F2000%2F01%2Frdf-schema%23label": 31,
    "first feed page": 100,
}


def union_graph(ld: LinkedServer, text: str, fmt: str) -> rdflib.Graph:
    """Every triple of a representation, whatever graph it is in (JSON-LD through pyld expansion)."""
    if fmt == "jsonld":
        text, fmt = json.dumps(expand_jsonld(ld, text)), "json-ld"
    data = rdflib.Dataset().parse(data=text, format=PARSERS.get(fmt, fmt), publicID=ld.base)
    union = rdflib.Graph()
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def test_every_representation_parses(ld: LinkedServer) -> None:
    """Each document in each format it offers holds the same triples (graph names aside): rdflib
    for RDF, pyld expansion for JSON-LD; HTML is a page."""
    with ld.client() as c:
        feed_root = c.get("/feed?format=trig").text
        first_page = re.search(r"<(http[^>]*/feed\?from=[^>]+)>", feed_root)
        assert first_page is not None
        names = {first_page.group(1): "first feed page"}
        for path, expected in {**DOCUMENTS, first_page.group(1): FEED_FORMATS}.items():
            offered = c.head(path, headers={"Accept": "text/html"}).headers["link"]
            assert tuple(re.findall(r"format=(\w+)>", offered)) == expected, path
            sep = "&" if "?" in path else "?"
            page = c.get(f"{path}{sep}format=html")
            assert page.status_code == 200 and page.text.startswith("<!doctype html>"), path
            graphs = {}
            for fmt in expected:
                r = c.get(f"{path}{sep}format={fmt}")
                assert r.status_code == 200, (path, fmt)
                graphs[fmt] = union_graph(ld, r.text, fmt)
            first, *others = expected
            assert len(graphs[first]) == TRIPLE_COUNTS[names.get(path, path)], path
            for fmt in others:
                assert isomorphic(graphs[fmt], graphs[first]), (path, first, fmt)


def test_html_links_stay_on_this_server_while_the_iris_keep_their_base() -> None:
    """With a persistent-IRI base that does not point here (the default), pages still browse."""
    from innograph.server.linked.pages import PageContext, layout

    from innograph.iris import Iris

    iris = Iris("https://w3id.org/innograph/")
    ctx = PageContext(iris, "en", url=iris.base + "page/organisation/alpha")
    thing = iris.entity("organisation", "alpha")
    page = layout("Alpha", f'<a href="{ctx.href(thing)}">alpha</a><code>{thing}</code>', ctx)
    assert 'href="/page/organisation/alpha"' in page and 'href="/catalog"' in page
    assert f"<code>{thing}</code>" in page  # the IRI itself is shown unchanged
    assert 'href="https://w3id.org/' not in page
