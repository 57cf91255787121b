"""What every loader receives and returns.

A loader turns the bytes of one source document into two graphs: the public graph and the
personal-data graph (names, e-mails and phones of people), which is stored apart and never
leaves through a public interface without the token.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pyoxigraph import Triple

from innograph.iris import Iris

_DOC_ID = re.compile(r"[^A-Za-z0-9_-]+")


def doc_id_for(path: Path) -> str:
    """A file's document id, the same for every command: its name without suffix, characters
    other than letters, digits, '_' and '-' replaced by '-' (``data/000_ab.txt`` -> ``000_ab``)."""
    value = _DOC_ID.sub("-", path.stem).strip("-")
    return value or "doc-" + hashlib.sha1(path.name.encode()).hexdigest()[:12]


class LoaderError(Exception):
    """A document that cannot be loaded. ``code`` is stable and says what to do next."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


@dataclass(frozen=True)
class SourceMeta:
    """Optional metadata about a document, given by the caller (never guessed from the bytes)."""

    doc_id: str
    path: Path | None = None
    url: str | None = None
    retrieved: str | None = None  # ISO 8601 date of retrieval, when known
    media_type: str | None = None


@dataclass
class LoadedDocument:
    doc_id: str
    content_hash: str
    public: list[Triple] = field(default_factory=list)
    personal: list[Triple] = field(default_factory=list)
    language: str | None = None
    loader: str = ""


def content_hash(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


class Loader(Protocol):
    """One source format. Registered in :mod:`innograph.loaders.registry`."""

    name: str
    suffixes: tuple[str, ...]
    media_types: tuple[str, ...]

    def accepts(self, data: bytes, meta: SourceMeta) -> bool:
        """True when the bytes look like this format (used when the suffix says nothing)."""
        ...

    def load(self, data: bytes, meta: SourceMeta, iris: Iris) -> LoadedDocument:
        """Return the document's graphs or raise :class:`LoaderError`."""
        ...
