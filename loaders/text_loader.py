"""Plain text and Markdown. (Placeholder: records the document; extraction lands with issue 5.)"""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Triple

from innograph.iris import Iris
from innograph.loaders.base import LoadedDocument, LoaderError, SourceMeta, content_hash
from innograph.loaders.registry import register

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


class TextLoader:
    name = "text"
    suffixes = (".txt", ".md", ".markdown")
    media_types = ("text/plain", "text/markdown")

    def accepts(self, data: bytes, meta: SourceMeta) -> bool:
        return b"\x00" not in data[:4096]

    def load(self, data: bytes, meta: SourceMeta, iris: Iris) -> LoadedDocument:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise LoaderError("invalid_encoding", f"not UTF-8: {exc}") from exc
        doc = NamedNode(iris.document(meta.doc_id))
        triples = [
            Triple(doc, RDF_TYPE, NamedNode(iris.term("SourceDocument"))),
            Triple(doc, NamedNode("http://purl.org/dc/terms/title"), Literal(text.strip().splitlines()[0][:200] if text.strip() else meta.doc_id)),
        ]
        return LoadedDocument(meta.doc_id, content_hash(data), public=triples, loader=self.name)


register(TextLoader())
