"""Plain text and Markdown. Markdown markup is removed (headings, emphasis, link syntax, code
fences), the words and the URLs written in it are kept."""

from __future__ import annotations

import re

from innograph.loaders.base import LoadedDocument, SourceMeta
from innograph.loaders.source_text import decode, to_document

from innograph.iris import Iris

_MD_SUFFIXES = (".md", ".markdown")
_MD_RULES = (
    (re.compile(r"^[ \t]*(?:```|~~~).*$", re.MULTILINE), ""),  # code fences
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # images: keep the alt text
    (re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)[^)\n]*\)"), r"\1 (\2)"),  # links: text (url)
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),  # relative links: text
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE), r"\1"),  # headings
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^[ \t]*[-*+][ \t]+", re.MULTILINE), "• "),  # bullets
    (re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # rules
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
    (re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$", re.MULTILINE), ""),  # table rules
)


def markdown_to_text(text: str) -> str:
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return text


class TextLoader:
    name = "text"
    suffixes = (".txt", ".text", *_MD_SUFFIXES)
    media_types = ("text/plain", "text/markdown", "text/x-markdown")

    def accepts(self, data: bytes, meta: SourceMeta) -> bool:
        return b"\x00" not in data[:4096] or data[:2] in (b"\xff\xfe", b"\xfe\xff")

    def load(self, data: bytes, meta: SourceMeta, iris: Iris) -> LoadedDocument:
        text = decode(data)
        if self._is_markdown(meta):
            text = markdown_to_text(text)
        return to_document(text, meta, iris, data=data, loader=self.name)

    @staticmethod
    def _is_markdown(meta: SourceMeta) -> bool:
        if meta.media_type and "markdown" in meta.media_type.lower():
            return True
        return meta.path is not None and meta.path.suffix.lower() in _MD_SUFFIXES
