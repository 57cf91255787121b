"""The IRIs innograph mints, all under one base (``INNOGRAPH_BASE_IRI``).

Layout (documented in the README, relied on by the server's dereferencing):

- ``{base}ontology``            the ontology; terms are ``{base}ontology#Term`` (hash IRIs)
- ``{base}id/{kind}/{key}``     things (organisations, regions, themes, documents...); 303 to ``page/``
- ``{base}graph/{doc}``         the public named graph of one source document
- ``{base}graph/{doc}/personal``  its personal-data graph (never public)
- ``{base}graph/reference``     reference data (countries, regions, programmes, themes)
"""

from __future__ import annotations

from dataclasses import dataclass

from innograph.namespaces import vocab
from innograph.ontology.text import key_slug


def slug(text: str, max_len: int = 80) -> str:
    """A stable, readable IRI segment: ascii, lower case, hyphens, letters transliterated
    ('Østersøen' -> 'ostersoen'). Input with nothing ascii left gives a hash."""
    return key_slug(text, max_len)


@dataclass(frozen=True)
class Iris:
    base: str

    @property
    def ontology(self) -> str:
        return self.base + "ontology"

    @property
    def vocab(self) -> str:
        """Namespace of ontology terms: ``ig:`` in Turtle and SPARQL."""
        return vocab(self.base)

    def term(self, name: str) -> str:
        return self.vocab + name

    def entity(self, kind: str, key: str) -> str:
        return f"{self.base}id/{kind}/{key}"

    def document(self, doc_id: str) -> str:
        return self.entity("document", doc_id)

    def graph(self, doc_id: str) -> str:
        return f"{self.base}graph/{doc_id}"

    def personal_graph(self, doc_id: str) -> str:
        return f"{self.base}graph/{doc_id}/personal"

    @property
    def reference_graph(self) -> str:
        return f"{self.base}graph/reference"

    @property
    def ontology_graph(self) -> str:
        return f"{self.base}graph/ontology"

    def is_personal_graph(self, iri: str) -> bool:
        return iri.startswith(self.base + "graph/") and iri.endswith("/personal")
