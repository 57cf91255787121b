"""Dataset metadata and bulk access: VoID (and a crawl from it), the DCAT-AP catalogue against our
shapes and the official ones, dumps (command and HTTP), triple pattern fragments."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import deque
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import rdflib
from conftest import TOKEN
from innograph.server.linked import fragments as tpf
from innograph.server.linked.sitemap import entities
from pyoxigraph import DefaultGraph
from test_linked_support import SECRETS, LinkedServer, linked_server

from innograph.cli import main as innograph

VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
HYDRA = rdflib.Namespace("http://www.w3.org/ns/hydra/core#")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
SHAPES = Path(__file__).resolve().parent.parent / "server" / "linked" / "shapes" / "dcat-ap.ttl"
OFFICIAL = Path(__file__).resolve().parents[2] / "shared" / "dcat-ap" / "3.0.1"  # beside the checkout


@pytest.fixture(scope="module")
def ld(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LinkedServer]:
    with linked_server(tmp_path_factory.mktemp("linked-meta") / "store") as server:
        yield server


def turtle(c: httpx.Client, path: str, base: str) -> rdflib.Graph:
    r = c.get(path, headers={"Accept": "text/turtle"})
    assert r.status_code == 200, path
    return rdflib.Graph().parse(data=r.text, format="turtle", publicID=base)


def public_quads(ld: LinkedServer) -> list[str]:
    with ld.store.snapshot("public") as view:
        return sorted(f"{q} ." for q in view if not isinstance(q.graph_name, DefaultGraph))


# -- VoID --------------------------------------------------------------------------------------------


def test_void_describes_size_partitions_endpoint_dumps_and_vocabularies(ld: LinkedServer) -> None:
    with ld.client() as c:
        g = turtle(c, "/.well-known/void", ld.base)
    ds = rdflib.URIRef(ld.base + "catalog#dataset")
    assert (rdflib.URIRef(ld.base + ".well-known/void"), rdflib.FOAF.primaryTopic, ds) in g
    assert int(g.value(ds, VOID.triples)) == len(public_quads(ld))
    assert int(g.value(ds, VOID.entities)) > 0
    assert (ds, VOID.sparqlEndpoint, rdflib.URIRef(ld.base + "sparql")) in g
    assert (ds, VOID.dataDump, rdflib.URIRef(ld.base + "dumps/innograph.nq.gz")) in g
    assert (ds, VOID.vocabulary, rdflib.URIRef(ld.iris.vocab)) in g
    assert (ds, VOID.uriSpace, rdflib.Literal(ld.base + "id/")) in g
    graphs = {g.value(s, rdflib.URIRef("http://www.w3.org/ns/sparql-service-description#name"))
              for s in g.objects(ds, VOID.subset)}
    assert rdflib.URIRef(ld.base + "graph/doc-a") in graphs and rdflib.URIRef(ld.base + "graph/reference") in graphs
    assert not any(str(x).endswith("/personal") for x in graphs)
    classes = {g.value(p, VOID["class"]) for p in g.objects(ds, VOID.classPartition)}
    assert rdflib.URIRef(ld.iris.term("Organisation")) in classes
    assert len(list(g.objects(ds, VOID.propertyPartition))) > 5


def test_a_crawl_from_void_reaches_every_public_entity(ld: LinkedServer) -> None:
    """Follow every IRI under the base (dropping fragments) from the VoID document."""
    skip = ("sparql", "dumps/", "fragments", "feed?")
    seen: set[str] = set()
    reached: set[str] = set()
    queue = deque([ld.base + ".well-known/void"])
    texts: list[str] = []
    wanted = set(entities(ld.store, ld.iris))
    with ld.client(follow_redirects=True) as c:
        while queue:
            url = queue.popleft()
            if url in seen:
                continue
            seen.add(url)
            r = c.get(url, headers={"Accept": "text/turtle, application/trig;q=0.9"})
            if r.status_code == 404 and url.startswith(ld.base + "id/") and url not in wanted:
                continue  # named by the ontology document, but not in this small fixture's reference data
            assert r.status_code == 200, url
            texts.append(r.text)
            media = r.headers["content-type"].split(";")[0]
            if media not in ("text/turtle", "application/trig"):  # e.g. sitemap.xml (rdfs:seeAlso)
                continue
            fmt = "trig" if media == "application/trig" else "turtle"
            data = rdflib.Dataset().parse(data=r.text, format=fmt, publicID=url)
            reached.add(url)
            for node in {n for quad in data.quads() for n in quad[:3]}:
                iri = str(node).split("#")[0]
                rest = iri[len(ld.base):]
                # the home page (foaf:homepage) is the UI's, not linked data
                if isinstance(node, rdflib.URIRef) and iri.startswith(ld.base) and rest and not rest.startswith(skip):
                    queue.append(iri)
    assert wanted, "the fixture has entities"
    assert wanted <= reached, sorted(wanted - reached)
    assert len(seen) > len(wanted)
    for text in texts:
        assert not any(secret in text for secret in SECRETS)


# -- DCAT-AP ----------------------------------------------------------------------------------------


def catalog(ld: LinkedServer) -> rdflib.Graph:
    with ld.client() as c:
        return turtle(c, "/catalog", ld.base)


def test_catalog_passes_our_dcat_ap_shapes_without_a_single_result(ld: LinkedServer) -> None:
    import pyshacl

    conforms, report, text = pyshacl.validate(catalog(ld), shacl_graph=rdflib.Graph().parse(SHAPES))
    results = list(report.subjects(rdflib.RDF.type, SH.ValidationResult))
    assert conforms and not results, text  # no violation and no warning (recommended properties too)


def test_our_shapes_catch_a_catalogue_without_its_mandatory_parts(ld: LinkedServer) -> None:
    import pyshacl

    broken = catalog(ld)
    broken.remove((rdflib.URIRef(ld.base + "catalog"), rdflib.DCTERMS.publisher, None))
    for dist in broken.subjects(rdflib.RDF.type, DCAT.Distribution):
        broken.remove((dist, DCAT.accessURL, None))
    conforms, _, text = pyshacl.validate(broken, shacl_graph=rdflib.Graph().parse(SHAPES))
    assert not conforms and "publisher" in text and "accessURL" in text


@pytest.mark.skipif(not (OFFICIAL / "shapes.ttl").exists(), reason="official DCAT-AP 3.0.1 shapes not present")
def test_catalog_against_the_official_dcat_ap_shapes(ld: LinkedServer) -> None:
    import pyshacl

    shapes = rdflib.Graph()
    for name in ("shapes.ttl", "range.ttl", "mdr-vocabularies.shape.ttl"):
        shapes.parse(OFFICIAL / name)
    _, report, text = pyshacl.validate(catalog(ld), shacl_graph=shapes)
    violations = []
    for result in report.objects(None, SH.result):  # top-level results (not their sh:detail)
        if report.value(result, SH.resultSeverity) != SH.Violation:
            continue
        value = str(report.value(result, SH.value))
        # Known defect of the 3.0.1 vocabulary shapes: they want the checksum algorithm under
        # https://spdx.org/rdf/terms while SPDX (and DCAT-AP's own examples) use http://.
        if value == str(SPDX.checksumAlgorithm_sha256):
            continue
        violations.append(result)
    assert not violations, text


def test_distributions_carry_the_size_and_checksum_of_the_served_dumps(ld: LinkedServer) -> None:
    g = catalog(ld)
    dumps = {}
    for dist in g.subjects(DCAT.downloadURL, None):
        url = str(g.value(dist, DCAT.downloadURL))
        checksum = g.value(dist, SPDX.checksum)
        dumps[url] = (int(g.value(dist, DCAT.byteSize)), str(g.value(checksum, SPDX.checksumValue)))
        assert g.value(dist, DCAT.mediaType) is not None and g.value(dist, DCAT.compressFormat) is not None
    assert set(dumps) == {ld.base + "dumps/innograph.nq.gz", ld.base + "dumps/innograph.ttl.gz"}
    with ld.client() as c:
        for url, (size, sha) in dumps.items():
            r = c.get(url)
            assert r.status_code == 200
            assert r.headers["content-type"] == "application/gzip" and "content-encoding" not in r.headers
            assert len(r.content) == size and hashlib.sha256(r.content).hexdigest() == sha
    spatial = {str(o) for o in g.objects(rdflib.URIRef(ld.base + "catalog#dataset"), rdflib.DCTERMS.spatial)}
    assert "http://publications.europa.eu/resource/authority/country/FRA" in spatial


# -- dumps -------------------------------------------------------------------------------------------


def test_dump_command_writes_sorted_public_nquads_and_turtle(ld: LinkedServer, tmp_path: Path) -> None:
    out = tmp_path / "dumps"
    assert innograph(["dump", "--store", str(ld.store_dir), "--out", str(out)]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    by_name = {f["name"]: f for f in manifest["files"]}
    nquads_gz = (out / "innograph.nq.gz").read_bytes()
    assert by_name["innograph.nq.gz"]["sha256"] == hashlib.sha256(nquads_gz).hexdigest()
    assert by_name["innograph.nq.gz"]["byte_size"] == len(nquads_gz)
    lines = gzip.decompress(nquads_gz).decode().splitlines()
    assert lines == sorted(lines) and lines == public_quads(ld)
    turtle_text = gzip.decompress((out / "innograph.ttl.gz").read_bytes()).decode()
    flat = rdflib.Graph().parse(data=turtle_text, format="turtle")
    assert len(flat) == len({line.rsplit(" <", 1)[0] for line in lines})
    for text in (turtle_text, "\n".join(lines)):
        assert not any(secret in text for secret in SECRETS) and "/personal" not in text
    # same data, same bytes: harvesters can compare checksums
    assert innograph(["dump", "--store", str(ld.store_dir), "--out", str(out)]) == 0
    assert (out / "innograph.nq.gz").read_bytes() == nquads_gz


def test_dump_listing_and_conditional_download(ld: LinkedServer) -> None:
    with ld.client() as c:
        listing = c.get("/dumps/", headers={"Accept": "application/json"}).json()
        names = {f["name"] for f in listing["files"]}
        first = c.get("/dumps/innograph.nq.gz")
        again = c.get("/dumps/innograph.nq.gz", headers={"If-None-Match": first.headers["etag"]})
        partial = c.get("/dumps/innograph.nq.gz", headers={"Range": "bytes=0-9"})
        missing = c.get("/dumps/secrets.nq.gz")
        html = c.get("/dumps/", headers={"Accept": "text/html"})
    assert names == {"innograph.nq.gz", "innograph.ttl.gz"}
    assert again.status_code == 304
    assert partial.status_code == 206 and len(partial.content) == 10
    assert missing.status_code == 404
    assert "innograph.ttl.gz" in html.text


# -- triple pattern fragments --------------------------------------------------------------------------


def test_fragment_pages_with_hydra_controls_and_counts(ld: LinkedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tpf, "PAGE_SIZE", 3)
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    with ld.client() as c:
        first = c.get("/fragments", params={"predicate": label}, headers={"Accept": "text/turtle"})
        g = rdflib.Graph().parse(data=first.text, format="turtle")
        total = int(next(g.objects(None, HYDRA.totalItems)))
        search = g.value(rdflib.URIRef(ld.base + "fragments#dataset"), HYDRA.search)
        assert str(g.value(search, HYDRA.template)) == ld.base + "fragments{?subject,predicate,object}"
        matching = set(g.triples((None, rdflib.URIRef(label), None)))
        pages = 1
        next_page = next(g.objects(None, HYDRA.next), None)
        while next_page is not None:
            page = rdflib.Graph().parse(data=c.get(str(next_page), headers={"Accept": "text/turtle"}).text,
                                        format="turtle")
            matching |= set(page.triples((None, rdflib.URIRef(label), None)))
            next_page, pages = next(page.objects(None, HYDRA.next), None), pages + 1
        literal = c.get("/fragments", params={"object": '"Frankrig"@da'}, headers={"Accept": "application/n-triples"})
        bad = c.get("/fragments", params={"subject": '"not a subject"'})
    assert total == len(matching) and pages == -(-total // 3) and pages > 1
    assert f'<{ld.iris.entity("country", "FR")}>' in literal.text
    assert bad.status_code == 400


def test_fragments_are_public_even_with_the_token(ld: LinkedServer) -> None:
    with ld.client(TOKEN) as c:
        text = c.get("/fragments", params={"predicate": "http://xmlns.com/foaf/0.1/name"},
                     headers={"Accept": "application/n-triples"}).text
        everything = c.get("/fragments", params={"subject": ld.iris.entity("person", "doc-a-0123456789ab")},
                           headers={"Accept": "application/n-triples"}).text
    assert SECRETS[0] not in text and SECRETS[1] not in everything
