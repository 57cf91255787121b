"""One file in: read it, run the loader registry, fingerprint it (:func:`load_file`).

Used by ingest directly and by its worker processes (``innograph.load_workers``). Every error
becomes a :class:`Failure` with a reason, so one bad file never stops a batch.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from innograph import __version__
from innograph.iris import Iris
from innograph.loaders.base import LoadedDocument, LoaderError, SourceMeta, doc_id_for
from innograph.loaders.registry import load


@dataclass
class Failure:
    path: str
    reason: str


# Every writer marks its graphs' fingerprints: files "sha256:", harvested pages "page:sha256:",
# imported datasets and resolution graphs "import:sha256:". `ingest --prune` removes the graphs of
# files no longer given, and only those: never a harvested page or an imported dataset.
FILE_FINGERPRINT_PREFIX = "sha256:"
PAGE_FINGERPRINT_PREFIX = "page:"
IMPORT_FINGERPRINT_PREFIX = "import:"


def from_files(fingerprint: str) -> bool:
    return fingerprint.startswith(FILE_FINGERPRINT_PREFIX)


def fingerprint(data: bytes, meta: SourceMeta) -> str:
    """What ingest compares to skip an unchanged document: bytes, software version, metadata."""
    return _sealed(hashlib.sha256(data), meta)


def file_fingerprint(path: Path, meta: SourceMeta) -> str:
    """:func:`fingerprint` of a file read in blocks (the same value, without the file in memory)."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return _sealed(digest, meta)


def _sealed(digest: hashlib._Hash, meta: SourceMeta) -> str:
    digest.update(f"\0{__version__}\0{meta.url or ''}\0{meta.retrieved or ''}".encode())
    return FILE_FINGERPRINT_PREFIX + digest.hexdigest()


def load_file(path_str: str, base_iri: str, url: str | None, retrieved: str | None) -> LoadedDocument | Failure:
    """Read and load one file; every error becomes a Failure (one bad file never stops a batch)."""
    path = Path(path_str)
    try:
        data = path.read_bytes()
        meta = SourceMeta(doc_id=doc_id_for(path), path=path, url=url, retrieved=retrieved)
        loaded = load(data, meta, Iris(base_iri))
        loaded.content_hash = fingerprint(data, meta)
        return loaded
    except LoaderError as exc:
        return Failure(path_str, str(exc))
    except OSError as exc:
        return Failure(path_str, f"[unreadable] {exc}")
    except Exception as exc:  # a loader bug must not stop the batch; the reason is reported
        return Failure(path_str, f"[loader_crash] {type(exc).__name__}: {exc}")
