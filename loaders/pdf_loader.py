"""PDF files: the text layer, read with pypdf. Scanned PDFs without a text layer are refused
(``no_text``); OCR is out of scope. At most ``MAX_PAGES`` pages are read."""

from __future__ import annotations

import io
import logging
import re

from innograph.loaders.base import LoadedDocument, LoaderError, SourceMeta
from innograph.loaders.source_text import check_size, to_document
from pypdf import PdfReader

from innograph.iris import Iris

log = logging.getLogger(__name__)

MAX_PAGES = 300
_HYPHENATED = re.compile(r"(\w)-\n(?=[a-zà-ÿæøå])")  # 'coopé-\nration' -> 'coopération'


class PdfLoader:
    name = "pdf"
    suffixes = (".pdf",)
    media_types = ("application/pdf",)

    def accepts(self, data: bytes, meta: SourceMeta) -> bool:
        return data[:1024].lstrip().startswith(b"%PDF-")

    def load(self, data: bytes, meta: SourceMeta, iris: Iris) -> LoadedDocument:
        check_size(data)
        text = pdf_to_text(data, meta.doc_id)
        return to_document(text, meta, iris, data=data, loader=self.name)


def pdf_to_text(data: bytes, doc_id: str = "") -> str:
    if not data.strip():
        raise LoaderError("empty", "the document is empty")
    if b"%PDF-" not in data[:1024]:
        raise LoaderError("invalid_pdf", "not a PDF file (no %PDF- header)")
    # pypdf raises many exception types on damaged files; every one of them means 'cannot read'
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoaderError("encrypted", "the PDF is password-protected")
        pages = reader.pages
        count = len(pages)
    except LoaderError:
        raise
    except Exception as exc:
        raise LoaderError("invalid_pdf", f"cannot read the PDF: {type(exc).__name__}: {exc}"[:300]) from exc
    if count > MAX_PAGES:
        log.warning("%s: PDF of %d pages, reading the first %d", doc_id, count, MAX_PAGES)
    texts = []
    for number in range(min(count, MAX_PAGES)):
        try:
            texts.append(pages[number].extract_text() or "")
        except Exception as exc:  # one broken page must not lose the others
            log.warning("%s: page %d unreadable: %s", doc_id, number + 1, exc)
    text = _HYPHENATED.sub(r"\1", "\n\n".join(t.strip() for t in texts if t.strip()))
    if not text.strip():
        raise LoaderError("no_text", "the PDF has no text layer (scanned images?)")
    return text
