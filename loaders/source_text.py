"""What the text-based loaders share: robust decoding of bytes, size limits, and the hand-over of
the text to the extraction pipeline.

Limits (documented in the README):

- ``MAX_INPUT_BYTES`` (64 MiB): larger inputs are refused with ``LoaderError('too_large')``.
- ``MAX_TEXT_CHARS`` (500,000 characters, about 250 pages): longer texts are cut at the last
  paragraph break before the limit and extracted with a warning; facts past the cut are lost.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from innograph.loaders.base import LoadedDocument, LoaderError, SourceMeta
from innograph.loaders.extract.pipeline import build_document
from innograph.loaders.lang import MissingRules

from innograph.iris import Iris

log = logging.getLogger(__name__)

MAX_INPUT_BYTES = 64 * 1024 * 1024
MAX_TEXT_CHARS = 500_000
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF = 8192
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01  # more control characters than this: binary, not text


def check_size(data: bytes) -> None:
    if len(data) > MAX_INPUT_BYTES:
        raise LoaderError(
            "too_large", f"{len(data):,} bytes is over the {MAX_INPUT_BYTES:,}-byte limit for one document"
        )


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: BOM first, then UTF-16 without BOM (NUL pattern), the declared charset,
    UTF-8, and cp1252/latin-1 as the last resort. Binary data raises ``LoaderError('binary')``."""
    check_size(data)
    if not data.strip():
        raise LoaderError("empty", "the document is empty")
    text = _decode(data, declared)
    if "\x00" in text[:_SNIFF] or len(_CONTROL.findall(text[:_SNIFF])) > _MAX_CONTROL_SHARE * min(len(text), _SNIFF):
        raise LoaderError("binary", "the bytes look like binary data, not text")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise LoaderError("empty", "the document has no text")
    return text


def _decode(data: bytes, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise LoaderError("invalid_encoding", f"{encoding} with a BOM but invalid: {exc.reason}") from exc
    head = data[:_SNIFF]
    if head.count(0) > len(head) // 4:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        encoding = "utf-16-le" if odd > even else "utf-16-be"
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            raise LoaderError("binary", "the bytes look like binary data, not text") from None
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def cap_text(text: str, doc_id: str) -> str:
    if len(text) <= MAX_TEXT_CHARS:
        return text
    cut = text.rfind("\n\n", 0, MAX_TEXT_CHARS)
    cut = cut if cut > MAX_TEXT_CHARS // 2 else MAX_TEXT_CHARS
    log.warning("%s: text of %d characters cut to %d (limit %d)", doc_id, len(text), cut, MAX_TEXT_CHARS)
    return text[:cut]


def to_document(text: str, meta: SourceMeta, iris: Iris, *, data: bytes, loader: str) -> LoadedDocument:
    """Hand the text to the extraction pipeline. Any failure inside it becomes one
    ``LoaderError('extraction_failed')`` for this document, so a batch never stops."""
    text = cap_text(text, meta.doc_id)
    try:
        return build_document(text, meta, iris, data=data, loader=loader)
    except (LoaderError, MissingRules):
        raise  # a document's error as it is; missing rules are a broken build, not a bad document
    except RecursionError as exc:
        raise LoaderError("extraction_failed", "the text is nested too deeply to extract") from exc
    except Exception as exc:  # one bad document must not stop a batch; the log keeps the trace
        log.exception("%s: extraction failed", meta.doc_id)
        raise LoaderError("extraction_failed", f"{type(exc).__name__}: {exc}"[:300]) from exc

