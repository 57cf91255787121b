"""RDF files load as they are: every statement goes into the document's graph.

A large RDF file does not come through here: ingest streams it into the store by path
(:func:`rdf_format_of`, ``Store.write_document_file``), with the same result in the graph.
"""

from __future__ import annotations

from pathlib import Path

from innograph.loaders.base import LoadedDocument, LoaderError, SourceMeta, content_hash
from pyoxigraph import RdfFormat, Triple, parse

from innograph.iris import Iris

_SUFFIXES = {
    ".ttl": RdfFormat.TURTLE,
    ".nt": RdfFormat.N_TRIPLES,
    ".nq": RdfFormat.N_QUADS,
    ".trig": RdfFormat.TRIG,
    ".rdf": RdfFormat.RDF_XML,
    ".owl": RdfFormat.RDF_XML,
    ".jsonld": RdfFormat.JSON_LD,
    ".n3": RdfFormat.N3,
}


def rdf_format_of(path: Path) -> RdfFormat | None:
    """The RDF syntax a file's suffix names, or None for a file that is not RDF."""
    return _SUFFIXES.get(path.suffix.lower())


class RdfLoader:
    name = "rdf"
    suffixes = tuple(_SUFFIXES)
    media_types = tuple(f.media_type for f in _SUFFIXES.values())

    def accepts(self, data: bytes, meta: SourceMeta) -> bool:
        return False  # RDF is recognised by suffix or media type, never guessed

    def load(self, data: bytes, meta: SourceMeta, iris: Iris) -> LoadedDocument:
        fmt = self._format(meta)
        try:
            quads = list(parse(data, format=fmt, base_iri=meta.url or iris.document(meta.doc_id)))
        except (SyntaxError, ValueError) as exc:
            raise LoaderError("invalid_rdf", f"{fmt.name}: {exc}") from exc
        triples = [Triple(q.subject, q.predicate, q.object) for q in quads]
        return LoadedDocument(meta.doc_id, content_hash(data), public=triples, loader=self.name)

    @staticmethod
    def _format(meta: SourceMeta) -> RdfFormat:
        if meta.media_type:
            fmt = RdfFormat.from_media_type(meta.media_type)
            if fmt is not None:
                return fmt
        fmt = rdf_format_of(meta.path) if meta.path is not None else None
        if fmt is not None:
            return fmt
        raise LoaderError("unsupported_format", "cannot tell which RDF syntax this is")
