"""HTML pages: boilerplate removed with lxml, the main content as text with block newlines.

Dropped: script, style, nav, header, footer, aside, forms and other non-content elements, plus
elements marked as navigation, banner, cookie notice or hidden. Kept: ``<main>``, else the
largest ``<article>``, else ``role=main``, else the body. When the kept part has no ``<h1>``, the
page's ``<h1>`` or ``<title>`` becomes the first line, so the text starts with its title.
"""

from __future__ import annotations

import re
from html import unescape as _unescape

from innograph.loaders.base import LoadedDocument, LoaderError, SourceMeta
from innograph.loaders.source_text import check_size, decode, to_document
from lxml import etree, html

from innograph.iris import Iris

_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "canvas", "button", "select", "input", "textarea", "label", "object", "embed", "audio", "video", "map",
    "dialog", "menu", "head",
)
_DROP_ROLES = ("navigation", "banner", "contentinfo", "search", "complementary", "dialog", "menu", "menubar")
_NOISE = re.compile(r"(?:^|[\s_-])(?:cookie|cookies|consent|breadcrumbs?|skip-link|share|social|newsletter|"
                    r"navbar|navigation|menu|sidebar|pagination)(?:$|[\s_-])", re.IGNORECASE)
_BLOCK = {
    "p", "div", "section", "article", "main", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead",
    "tfoot", "tr", "blockquote", "pre", "figure", "figcaption", "address", "hr", "h1", "h2", "h3", "h4",
    "h5", "h6", "details", "summary", "fieldset", "center", "body", "caption",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CELLS = {"td", "th"}
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)
_MIN_MAIN_CHARS = 200
_MAX_NOISE_SHARE = 0.3
# huge_tree: without it libxml2 stops at 256 levels of nesting and silently drops the rest
_PARSER = html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
_INVISIBLE = re.compile(r"<(script|style|noscript|template|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")  # source newlines inside running text are spaces in HTML


class HtmlLoader:
    name = "html"
    suffixes = (".html", ".htm", ".xhtml")
    media_types = ("text/html", "application/xhtml+xml")

    def accepts(self, data: bytes, meta: SourceMeta) -> bool:
        head = data[:2048].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]

    def load(self, data: bytes, meta: SourceMeta, iris: Iris) -> LoadedDocument:
        check_size(data)
        declared = _META_CHARSET.search(data[:4096])
        source = decode(data, declared.group(1).decode("ascii") if declared else None)
        text = html_to_text(source)
        if not text.strip():
            raise LoaderError("no_text", "the HTML page has no visible text")
        return to_document(text, meta, iris, data=data, loader=self.name)


def html_to_text(source: str) -> str:
    source = _XML_DECLARATION.sub("", source)
    try:
        root = html.document_fromstring(source, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise LoaderError("invalid_html", f"cannot parse the HTML: {exc}") from exc
    title = _title(root)
    _drop_boilerplate(root)
    content = _main_content(root)
    text = _text_of(content)
    if not text.strip():
        text = _crude_text(source)  # libxml2 gives up on pathological nesting (thousands of levels)
    if title and not content.xpath(".//h1") and title not in text[:500]:
        text = title + "\n\n" + text
    return text


def _title(root: html.HtmlElement) -> str:
    # used only when the kept content has no <h1>: a page-level <h1> is then often the site's logo
    for xpath in ("//meta[@property='og:title']/@content", "//title", "//h1"):
        found = root.xpath(xpath)
        if found:
            value = found[0] if isinstance(found[0], str) else found[0].text_content()
            value = " ".join(value.split())
            if value:
                return value
    return ""


def _drop_boilerplate(root: html.HtmlElement) -> None:
    doomed: list = []
    noisy: list = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            doomed.append(el)  # comments and processing instructions
            continue
        tag = el.tag.lower()
        role = (el.get("role") or "").lower()
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        hidden = el.get("hidden") is not None or el.get("aria-hidden") == "true"
        if tag in _DROP_TAGS or role in _DROP_ROLES or hidden:
            doomed.append(el)
        elif tag not in ("body", "main", "article") and _NOISE.search(marks):
            noisy.append(el)
    _drop(doomed)
    # a class name is weak evidence ('has-sidebar' on the content column): never drop most of the page
    body_chars = max(len(root.text_content()), 1)
    _drop([el for el in noisy if len(el.text_content()) < _MAX_NOISE_SHARE * body_chars])


def _drop(elements: list) -> None:
    for el in elements:
        if el.getparent() is not None:
            el.drop_tree()


def _main_content(root: html.HtmlElement) -> html.HtmlElement:
    body = root.find("body")
    body = body if body is not None else root
    body_chars = len(body.text_content())
    for xpath in ("//main", "//*[@role='main']", "//article"):
        found = root.xpath(xpath)
        if not found:
            continue
        best = max(found, key=lambda el: len(el.text_content()))
        chars = len(best.text_content())
        if chars >= _MIN_MAIN_CHARS or chars >= body_chars * 0.5:
            return best
    return body


def _text_of(node: html.HtmlElement) -> str:
    """Text with a newline around every block, a bullet before list items, cells apart.
    Walks with an explicit stack: deeply nested pages must not hit Python's recursion limit."""
    out: list[str] = []
    stack: list[tuple[object, bool]] = [(node, False)]
    while stack:
        el, closing = stack.pop()
        if isinstance(el, str):
            out.append(el)
            continue
        assert isinstance(el, etree._Element)
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if closing:
            if tag in _HEADINGS:
                out.append("\n\n")
            elif tag in _BLOCK or tag == "li":
                out.append("\n")
            elif tag in _CELLS:
                out.append("\t")
            continue
        if tag == "br":
            out.append("\n")
        elif tag in _HEADINGS:
            out.append("\n\n")
        elif tag == "li":
            out.append("\n• ")
        elif tag in _BLOCK:
            out.append("\n")
        if el.text:
            out.append(_SPACES.sub(" ", el.text))
        stack.append((_SPACES.sub(" ", el.tail), False) if el is not node and el.tail else ("", False))
        stack.append((el, True))
        for child in reversed(el):
            stack.append((child, False))
    return _tidy("".join(out))


def _crude_text(source: str) -> str:
    source = _INVISIBLE.sub(" ", source)
    return _tidy(_unescape(_TAG.sub("\n", source)))


def _tidy(text: str) -> str:
    text = text.replace("\u00a0", " ")
    text = re.sub(r"[ \r\f\v]+", " ", text)
    text = re.sub(r" *\t[ \t]*", "\t", text)
    lines = [line.strip(" \t") for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return re.sub(r"\n\n(?=• )", "\n", text).strip()
