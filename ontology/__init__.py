"""The innograph ontology, its SKOS theme scheme and the reference data.

- :func:`ontology_turtle` / :func:`ontology_graph` / :func:`ontology_triples`: the merged ontology
  (``innograph.ttl``) under any base IRI;
- :mod:`innograph.ontology.namespace`: ``IG``, the closed namespace of our terms;
- :mod:`innograph.ontology.themes`, :mod:`innograph.ontology.reference`: theme concepts, countries,
  regions, programmes and role types, as records and as triples;
- :mod:`innograph.ontology.docs`: the documentation (``render_html``, ``diagram_svg``), which
  imports this module, never the other way.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph

from innograph.namespaces import DEFAULT_BASE_IRI

if TYPE_CHECKING:
    import rdflib

ONTOLOGY_FILE = Path(__file__).resolve().parent / "innograph.ttl"
SHAPES_FILE = Path(__file__).resolve().parent / "shapes.ttl"


@cache
def ontology_turtle(base_iri: str = DEFAULT_BASE_IRI) -> str:
    """``innograph.ttl`` with its IRIs moved under ``base_iri`` (a plain prefix rewrite)."""
    text = ONTOLOGY_FILE.read_text(encoding="utf-8")
    return text if base_iri == DEFAULT_BASE_IRI else text.replace(DEFAULT_BASE_IRI, base_iri)


def ontology_graph(base_iri: str = DEFAULT_BASE_IRI) -> rdflib.Graph:
    """A fresh rdflib graph of the ontology (callers may modify it)."""
    # imported here: rdflib takes ~110 ms to import, and every process that reads the language
    # tables imports this package (loader workers, the server) without ever needing rdflib
    import rdflib

    graph = rdflib.Graph()
    graph.parse(data=ontology_turtle(base_iri), format="turtle")
    return graph


@cache
def _ontology_triples(base_iri: str) -> tuple[pyoxigraph.Triple, ...]:
    return tuple(pyoxigraph.parse(ontology_turtle(base_iri), format=pyoxigraph.RdfFormat.TURTLE))


def ontology_triples(base_iri: str = DEFAULT_BASE_IRI) -> list[pyoxigraph.Triple]:
    """The ontology as pyoxigraph triples, for loading into ``{base}graph/ontology``."""
    return list(_ontology_triples(base_iri))

