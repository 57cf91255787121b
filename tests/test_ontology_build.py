"""The generated files (innograph.ttl, namespace.py, docs) match their sources; the build rejects
stale translations; the ontology loads in rdflib and pyoxigraph under any base IRI."""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

import pyoxigraph
import pytest
from innograph.ontology import build, ontology_graph, ontology_triples, ontology_turtle
from innograph.ontology.namespace import IG, TERMS, term
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import OWL, SKOS

CONTRACT = Path(build.HERE) / "CONTRACT.md"
VOCAB = "https://w3id.org/innograph/ontology#"


def test_generated_files_are_up_to_date() -> None:
    stale = build.stale_outputs()
    assert stale == [], f"run `innograph ontology`; stale: {stale}"


def test_check_mode_reports_nothing_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    assert build.run(argparse.Namespace(check=True)) == 0


def test_stale_translation_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    translations = tmp_path / "translations"
    shutil.copytree(build.TRANSLATIONS, translations)
    tsv = translations / "innograph-fr.tsv"
    text = tsv.read_text(encoding="utf-8")
    tsv.write_text(text.replace("\tregion\trégion\t", "\tRegion (old text)\trégion\t", 1), encoding="utf-8")
    monkeypatch.setattr(build, "TRANSLATIONS", translations)
    with pytest.raises(build.BuildError, match="stale translation"):
        build.merged_graph()


def test_every_contract_class_and_property_is_defined() -> None:
    text = CONTRACT.read_text(encoding="utf-8")
    classes_line = text.split("## Classes", 1)[1].split("##", 1)[0]
    names = {w.strip(" ,.\n()") for w in classes_line.replace("(", " ").split()}
    classes = {n for n in names if n[:1].isupper() and n.isalnum() and n not in {"subclasses", "Organisation"}}
    classes.add("Organisation")
    graph = ontology_graph()
    for name in classes:
        assert (URIRef(VOCAB + name), RDF.type, OWL.Class) in graph, name
    properties = set(re.findall(r"`ig:([A-Za-z]+)`", text))
    assert len(properties) > 30
    for name in properties:
        assert name in TERMS, f"ig:{name} from CONTRACT.md is not defined"


def test_namespace_is_closed() -> None:
    assert str(IG.Region) == VOCAB + "Region"
    with pytest.raises(AttributeError):
        IG.Regoin  # noqa: B018
    assert term("country", "https://example.org/kg/") == URIRef("https://example.org/kg/ontology#country")
    with pytest.raises(KeyError):
        term("Regoin")


def test_base_iri_rewrite() -> None:
    base = "https://data.example.eu/ig/"
    graph = ontology_graph(base)
    assert (URIRef(base + "ontology#Region"), RDF.type, OWL.Class) in graph
    assert not any(str(s).startswith(VOCAB) for s in graph.subjects())
    assert "https://w3id.org/innograph/" not in ontology_turtle(base)


def test_loads_in_pyoxigraph_and_rdflib() -> None:
    triples = ontology_triples()
    store = pyoxigraph.Store()
    store.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in triples)
    assert len(store) == len(triples) == len(ontology_graph())
    graph = ontology_graph()
    assert (URIRef(VOCAB + "Region"), RDFS.label, Literal("région", lang="fr")) in graph
    assert (URIRef(VOCAB + "Call"), SKOS.definition, None) in graph


def test_alignments_cover_the_required_vocabularies() -> None:
    graph = ontology_graph()
    targets = {
        str(o)
        for p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty)
        for o in graph.objects(None, p)
    }
    for namespace in (
        "http://www.w3.org/ns/org#",
        "http://www.w3.org/2004/02/skos/core#",
        "http://www.w3.org/ns/dcat#",
        "http://www.w3.org/ns/prov#",
        "https://schema.org/",
        "http://xmlns.com/foaf/0.1/",
        "http://www.w3.org/2006/vcard/ns#",
        "http://data.europa.eu/s66#",
    ):
        assert any(t.startswith(namespace) for t in targets), namespace


def test_namespace_follows_the_base_iri_setting() -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "INNOGRAPH_BASE_IRI": "https://data.example.eu/ig/"}
    out = subprocess.run(
        [sys.executable, "-c", "from innograph.ontology.namespace import IG; print(IG.Region)"],
        env=env, capture_output=True, text=True, check=True,
    )
    assert out.stdout.strip() == "https://data.example.eu/ig/ontology#Region"
