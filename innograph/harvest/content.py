"""What a response holds: its media type (from Content-Type and the bytes) and, for text, its
characters (charset from the header, then the page's own declaration, then the bytes).

The loaders read bytes; a text page is handed over as UTF-8 with a byte-order mark, which every
text loader reads before any declaration inside the page, so the charset decided here is the one
used (a page served as ISO-8859-1 that says ``<meta charset=utf-8>`` is read once, correctly).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from innograph.loaders.base import LoaderError
from innograph.loaders.registry import loaders

GENERIC_TYPES = {"", "application/octet-stream", "binary/octet-stream", "application/unknown",
                 "application/x-download", "application/force-download"}
TEXT_TYPES = {"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"}
WESTERN_SINGLE_BYTE = {"iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252", "iso-8859-15", "ascii",
                       "us-ascii"}
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_SNIFF_BYTES = 4096


@dataclass(frozen=True)
class Body:
    """The bytes handed to the loaders, their media type (None: let the loaders sniff), and the
    charset they were read in (None for binary formats)."""

    data: bytes
    media_type: str | None
    charset: str | None


def split_content_type(header: str | None) -> tuple[str, str | None]:
    """``'text/html; charset="ISO-8859-1"'`` -> ``('text/html', 'iso-8859-1')``."""
    if not header:
        return "", None
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return kind.strip().lower(), charset


def known_media_types() -> set[str]:
    return {media for loader in loaders() for media in loader.media_types}


def media_type_for(declared: str, data: bytes) -> str | None:
    """The media type the loaders get: a PDF is a PDF whatever the header says; a declared type
    a loader reads is kept; a generic or missing one lets the loaders sniff the bytes; any other
    declared type (an image, an archive...) is refused."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "application/pdf"
    if declared == "application/pdf":
        return None  # declared PDF but not one: let the bytes say what it is
    if declared in known_media_types():
        return declared
    if declared in GENERIC_TYPES:
        return None
    raise LoaderError("unsupported_type", f"{declared} is no format innograph reads")


def _valid(data: bytes, charset: str) -> bool:
    try:
        data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return False
    return True


def _is_utf8_beyond_ascii(data: bytes) -> bool:
    return not data.isascii() and _valid(data, "utf-8")


def charset_of(data: bytes, header_charset: str | None) -> str:
    """The charset to read ``data`` in: a byte-order mark, the header's charset, the page's meta
    declaration, then UTF-8, then windows-1252. A declaration the bytes contradict is passed
    over, and bytes that are valid UTF-8 beyond ASCII are UTF-8 even when declared as a Western
    single-byte charset (the usual mislabel; the reverse cannot decode)."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return name
    meta = _META_CHARSET.search(data[:_SNIFF_BYTES])
    declared = [header_charset, meta.group(1).decode("ascii").lower() if meta else None]
    for charset in (c for c in declared if c):
        if charset in WESTERN_SINGLE_BYTE and _is_utf8_beyond_ascii(data):
            return "utf-8"
        if _valid(data, charset):
            return charset
    return "utf-8" if _valid(data, "utf-8") else "windows-1252"


def looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def body_for_loaders(data: bytes, content_type: str | None) -> Body:
    """The bytes, media type and charset the loaders get for one response."""
    declared, header_charset = split_content_type(content_type)
    media_type = media_type_for(declared, data)
    if media_type is None and looks_like_html(data):
        media_type = "text/html"  # served without a usable type: the bytes say HTML
    if media_type not in TEXT_TYPES:
        return Body(data, media_type, None)  # PDF, RDF, or unknown: the loaders' own rules
    charset = charset_of(data, header_charset)
    text = data.decode(charset)
    return Body(codecs.BOM_UTF8 + text.encode("utf-8"), media_type, charset)
