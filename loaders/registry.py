"""The loader registry: one loader per source format, picked by suffix, media type or sniffing."""

from __future__ import annotations

from innograph.loaders.base import LoadedDocument, Loader, LoaderError, SourceMeta

from innograph.iris import Iris

_LOADERS: list[Loader] = []


def register(loader: Loader) -> Loader:
    _LOADERS.append(loader)
    return loader


def loaders() -> list[Loader]:
    _ensure_builtin()
    return list(_LOADERS)


def loader_for(data: bytes, meta: SourceMeta) -> Loader:
    _ensure_builtin()
    if meta.media_type:
        base = meta.media_type.split(";")[0].strip().lower()
        for loader in _LOADERS:
            if base in loader.media_types:
                return loader
    if meta.path is not None:
        suffix = meta.path.suffix.lower()
        for loader in _LOADERS:
            if suffix in loader.suffixes:
                return loader
    for loader in _LOADERS:
        if loader.accepts(data, meta):
            return loader
    raise LoaderError("unsupported_format", f"no loader accepts {meta.path or meta.doc_id}")


def load(data: bytes, meta: SourceMeta, iris: Iris) -> LoadedDocument:
    return loader_for(data, meta).load(data, meta, iris)


_builtin_done = False


def _ensure_builtin() -> None:
    """Import the built-in loaders once; each registers itself."""
    global _builtin_done
    if _builtin_done:
        return
    _builtin_done = True
    # order matters for sniffing: the most specific formats first, plain text last
    from innograph.loaders import html_loader, pdf_loader, rdf_loader, text_loader  # noqa: F401
