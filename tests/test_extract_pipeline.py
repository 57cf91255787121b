"""The extraction pipeline end to end: graphs, evidence, personal data, stability, the command."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from innograph.loaders.base import SourceMeta
from innograph.loaders.extract import command
from innograph.loaders.extract.pipeline import build_document, extract_facts
from pyoxigraph import BlankNode, NamedNode, Store, Variable

from innograph.iris import Iris

IRIS = Iris("https://w3id.org/innograph/")
DATA = Path(__file__).resolve().parent.parent / "data"
CONTACT_SEED = DATA / "002_553ed0569ff5614e.txt"


def _build(path: Path, doc_id: str = "doc"):
    data = path.read_bytes()
    return build_document(
        data.decode("utf-8"), SourceMeta(doc_id=doc_id, url="https://example.org/page"), IRIS, data=data, loader="text"
    )


def test_personal_data_only_in_the_personal_triples() -> None:
    loaded = _build(CONTACT_SEED)
    public_text = " ".join(str(t) for t in loaded.public)
    personal_text = " ".join(str(t) for t in loaded.personal)
    assert "Helledie" in personal_text and "mailto:sth@ndeu.dk" in personal_text and "tel:+4561880059" in personal_text
    assert "Helledie" not in public_text and "HELLEDIE" not in public_text
    assert "mailto:" not in public_text
    assert "tel:" not in public_text


def test_same_bytes_give_the_same_graph_without_blank_nodes() -> None:
    first, second = _build(CONTACT_SEED), _build(CONTACT_SEED)
    assert [str(t) for t in first.public] == [str(t) for t in second.public]
    assert [str(t) for t in first.personal] == [str(t) for t in second.personal]
    for triple in first.public + first.personal:
        assert not isinstance(triple.subject, BlankNode) and not isinstance(triple.object, BlankNode)


def test_no_wall_clock_time_and_provenance_of_the_document() -> None:
    loaded = _build(CONTACT_SEED)
    doc = NamedNode(IRIS.document("doc"))
    predicates = {t.predicate.value for t in loaded.public if t.subject == doc}
    assert IRIS.term("contentHash") in predicates and "http://www.w3.org/ns/prov#wasGeneratedBy" in predicates
    assert IRIS.term("sourceUrl") in predicates and IRIS.term("mainSubject") in predicates
    assert not any("dateTime" in str(t.object) for t in loaded.public)


def test_provenance_query_finds_the_sentence_of_a_fact() -> None:
    loaded = _build(CONTACT_SEED)
    store = command.to_store(loaded, IRIS)
    query = (resources.files("innograph.queries") / "examples" / "fact-provenance.rq").read_text()
    assert query.startswith("# title:")
    rows = list(store.query(query, use_default_graph_as_union=True))
    sentences = {row["sentence"].value for row in rows if row["written"] is not None and row["written"].value == "i3"}
    assert any("EU-Kommissionens i3" in s for s in sentences)


def test_one_region_and_one_authority_across_languages() -> None:
    english = "Normandy Region is the partner. The project works in Normandy."
    french = "La Région Normandie finance le projet en Normandie."
    iris_of = {}
    for doc_id, text in (("en", english), ("fr", french)):
        data = text.encode()
        loaded = build_document(text, SourceMeta(doc_id=doc_id), IRIS, data=data, loader="text")
        iris_of[doc_id] = {t.subject.value for t in loaded.public if "/id/organisation/" in t.subject.value}
        assert IRIS.entity("region", "FR-NOR") in {t.subject.value for t in loaded.public}
    assert iris_of["en"] == iris_of["fr"] and len(iris_of["en"]) == 1


def test_summary_is_computed_from_the_graph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(CONTACT_SEED.read_bytes())
    args = argparse.Namespace(file=path, url="https://example.org/x", retrieved="2024-05-01", format="summary")
    assert command.run(args) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["title"] == "AllonI3" and summary["main_entity_type"] == "Project"
    assert {p["name"] for p in summary["people"]} == {"Steffen Helledie", "Maria Sofie Juhl"}
    assert "i3" in [p if isinstance(p, str) else p["name"] for p in summary["programmes"]]


def test_command_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(file=tmp_path / "missing.txt", url="", retrieved=None, format="summary")
    assert command.run(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.txt" in err


def test_nquads_output_is_sorted_and_stable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(CONTACT_SEED.read_bytes())
    outputs = []
    for _ in range(2):
        assert command.run(argparse.Namespace(file=path, url="", retrieved=None, format="nquads")) == 0
        outputs.append(capsys.readouterr().out)
    lines = outputs[0].splitlines()
    assert outputs[0] == outputs[1] and lines == sorted(lines) and len(lines) > 100


def test_empty_text_still_gives_a_document() -> None:
    facts = extract_facts("", SourceMeta(doc_id="empty"))
    assert facts.main_entity is not None
    loaded = build_document("", SourceMeta(doc_id="empty"), IRIS, data=b"", loader="text")
    store = Store()
    assert loaded.public and store is not None
    assert any(t.predicate.value == IRIS.term("contentHash") for t in loaded.public)
    assert Variable("x")


def test_a_long_text_is_read_from_its_opening() -> None:
    text = "Le projet GoFaster est porté par la Région Normandie.\n" + "Lorem ipsum dolor sit amet. " * 20_000
    facts = extract_facts(text, SourceMeta(doc_id="long"))
    assert any(e.name == "GoFaster" for e in facts.entities)
    assert all(m.end <= len(text) for e in facts.entities for m in e.mentions)


def test_person_affiliation_and_contact_evidence_stay_personal() -> None:
    text = "Det siger direktør Anna Holm Berg, Nordic Widgets A/S.\n\nANNA HOLM BERG\nDIREKTØR\nahb@widgets.dk\n"
    loaded = build_document(text, SourceMeta(doc_id="aff"), IRIS, data=text.encode(), loader="text")
    affiliation = [t for t in loaded.personal if t.predicate.value == IRIS.term("affiliation")]
    assert [t.object.value for t in affiliation] == [IRIS.entity("organisation", "nordic-widgets-a-s")]
    evidence_labels = {t.object.value for t in loaded.personal if t.predicate.value.endswith("#label")}
    assert "ahb@widgets.dk" in evidence_labels
    assert not any("ahb@" in str(t) or "Holm" in str(t) for t in loaded.public)


def test_a_cluster_organisation_is_one_node_and_names_leave_public_sentences() -> None:
    text = (
        "Nordic Water Cluster Denmark er udpeget som national klyngeorganisation.\n"
        '"Vi er glade", siger formand Hans Ole Jensen, Nordic Water Cluster Denmark.'
    )
    loaded = build_document(text, SourceMeta(doc_id="cl"), IRIS, data=text.encode(), loader="text")
    node = IRIS.entity("organisation", "nordic-water-cluster-denmark")
    types = {t.object.value for t in loaded.public if t.subject.value == node and t.predicate.value.endswith("#type")}
    assert {IRIS.term("Cluster"), IRIS.term("Organisation"), IRIS.term("ClusterOrganisation")} <= types
    sentences = [t.object.value for t in loaded.public if t.predicate.value == IRIS.term("sentence")]
    assert any("siger formand […]" in s for s in sentences)
    assert not any("Jensen" in str(t) for t in loaded.public)


def test_same_nquads_whatever_the_hash_seed(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    path = tmp_path / "seed.txt"
    path.write_bytes((DATA / "003_4927c5ff21e69780.txt").read_bytes())
    outputs = []
    for seed in ("0", "1"):  # the two seeds that gave two graphs before the fix
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "innograph.cli", "extract", str(path), "--format", "nquads"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and outputs[0].count("\n") > 100


@pytest.mark.slow
def test_the_graph_does_not_depend_on_the_hash_seed() -> None:
    """A set iterates in another order in another process (string hashes follow PYTHONHASHSEED, object
    hashes the memory layout): no such order may reach the graph. It once chose which cue an
    enumeration shared in this very document; a single run may miss a regression, several rarely do."""
    graphs = set()
    for seed in ("0", "1", "2", "3"):  # before the fix, these gave two different graphs
        env = {**os.environ, "PYTHONHASHSEED": seed}
        argv = [sys.executable, "-m", "innograph.cli", "extract", str(CONTACT_SEED), "--format", "nquads"]
        graphs.add(subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout)
    assert len(graphs) == 1
    assert "relations.role" in graphs.pop()
