"""The loader registry: one loader per source format, picked by media type, suffix or sniffing.

The registry imports the format loaders; a loader never imports the registry. Adding a format is
writing a class with the :class:`~innograph.loaders.base.Loader` shape and adding it to
``LOADERS`` below.
"""

from __future__ import annotations

from innograph.loaders.base import LoadedDocument, Loader, LoaderError, SourceMeta
from innograph.loaders.html_loader import HtmlLoader
from innograph.loaders.pdf_loader import PdfLoader
from innograph.loaders.rdf_loader import RdfLoader
from innograph.loaders.text_loader import TextLoader

from innograph.iris import Iris

# order matters for sniffing: the most specific formats first, plain text (which accepts almost
# anything) last
LOADERS: tuple[Loader, ...] = (HtmlLoader(), PdfLoader(), RdfLoader(), TextLoader())


def loaders() -> list[Loader]:
    return list(LOADERS)


def loader_for(data: bytes, meta: SourceMeta) -> Loader:
    """The loader for this document: its media type first, then its file suffix, then the first
    loader whose ``accepts`` recognises the bytes."""
    if meta.media_type:
        base = meta.media_type.split(";")[0].strip().lower()
        for loader in LOADERS:
            if base in loader.media_types:
                return loader
    if meta.path is not None:
        suffix = meta.path.suffix.lower()
        for loader in LOADERS:
            if suffix in loader.suffixes:
                return loader
    for loader in LOADERS:
        if loader.accepts(data, meta):
            return loader
    raise LoaderError("unsupported_format", f"no loader accepts {meta.path or meta.doc_id}")


def load(data: bytes, meta: SourceMeta, iris: Iris) -> LoadedDocument:
    return loader_for(data, meta).load(data, meta, iris)
