"""Format loaders through the real registry and extraction pipeline: text, Markdown, HTML, PDF,
and the bad inputs a batch meets (empty, binary, invalid UTF-8, UTF-16, too large, script soup)."""

from __future__ import annotations

from pathlib import Path

import pytest
from innograph.loaders import registry, source_text
from innograph.loaders.base import LoadedDocument, LoaderError, SourceMeta
from innograph.loaders.html_loader import html_to_text
from innograph.loaders.lang import MissingRules
from innograph.loaders.pdf_loader import pdf_to_text
from innograph.loaders.source_text import MAX_INPUT_BYTES, MAX_TEXT_CHARS, cap_text, decode
from innograph.loaders.text_loader import markdown_to_text

from innograph.iris import Iris

IRIS = Iris("https://example.org/ig/")
DATA = Path(__file__).resolve().parents[1] / "data"
BODY = (
    "Projektet styrker samarbejdet mellem virksomheder og universiteter i regionen. "
    "Projektforløb: Oktober 2023 - September 2025. Budget: 2,5 mio. EUR."
)


def load(data: bytes, name: str, media_type: str | None = None) -> LoadedDocument:
    meta = SourceMeta(doc_id=name.replace(".", "-"), path=Path(name), media_type=media_type)
    return registry.load(data, meta, IRIS)


def tiny_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a Helvetica text layer, offsets computed so the xref table is exact."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


# --- the good paths ----------------------------------------------------------------------------

def test_seed_text_documents_load() -> None:
    for path in sorted(DATA.glob("*.txt")):
        doc = load(path.read_bytes(), path.name)
        assert doc.loader == "text"
        assert doc.public, path.name
        assert doc.language in {"en", "fr", "da", "nl"}


def test_markdown_keeps_words_and_urls() -> None:
    text = markdown_to_text("# Titel\n\nSe **mere** på [siden](https://example.dk/a) og `kode`.\n\n- punkt\n")
    assert text.splitlines()[0] == "Titel"
    assert "Se mere på siden (https://example.dk/a) og kode." in text
    assert "• punkt" in text
    doc = load(("# Projekt\n\n" + BODY).encode(), "note.md")
    assert doc.loader == "text" and doc.language == "da"


def test_html_boilerplate_is_removed() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Side | Region</title><style>p{color:red}</style>"
        "<script>var budget = '99 mio. EUR';</script></head><body>"
        "<header>Forside Om os Kontakt</header><nav><a href='/'>Menu</a></nav>"
        "<div class='cookie-banner'>Vi bruger cookies</div>"
        f"<main><h1>Grønt Projekt</h1><p>{BODY}</p><ul><li>første</li><li>anden</li></ul>"
        "<table><tr><td>Start</td><td>2023</td></tr></table></main>"
        "<aside>Andre nyheder</aside><footer>© Region 2024</footer><form><input name='q'></form>"
        "</body></html>"
    )
    text = html_to_text(page)
    assert text.startswith("Grønt Projekt\n\n")
    assert "Oktober 2023 - September 2025" in text
    assert "• første\n• anden" in text
    for boilerplate in ("var budget", "color:red", "Forside", "Menu", "cookies", "Andre nyheder", "©", "input"):
        assert boilerplate not in text
    doc = load(page.encode("utf-8"), "page.html")
    assert doc.loader == "html" and doc.language == "da"


def test_html_class_names_never_drop_most_of_the_page() -> None:
    body = "Long text about the project and its partners. " * 20
    page = (f"<html><body><script>{'x' * 5000}</script><div class='menu'>Home About</div>"
            f"<div class='content has-sidebar'><p>{body}</p></div></body></html>")
    text = html_to_text(page)
    assert "Long text about the project" in text and "Home About" not in text


def test_html_title_comes_from_the_page_metadata_not_the_logo() -> None:
    page = (
        "<html><head><title>Call for projects | Region</title>"
        "<meta property='og:title' content='Call for projects'></head><body>"
        "<div class='site'><h1>Region</h1></div><div class='navigation'>Home News</div>"
        f"<main><h2>Who can apply</h2><p>{'Companies and universities in the region can apply. ' * 6}</p></main>"
        "</body></html>"
    )
    text = html_to_text(page)
    assert text.startswith("Call for projects\n\nWho can apply\n\nCompanies")
    assert "Home News" not in text


def test_html_without_main_uses_body_and_title() -> None:
    text = html_to_text("<html><head><title>A call</title></head><body><div><p>One</p>two<br>three</div></body></html>")
    assert text == "A call\n\nOne\ntwo\nthree"


def test_html_charset_and_sniffing_without_suffix() -> None:
    page = "<html><head><meta charset='windows-1252'></head><body><p>Café à Bruxelles</p></body></html>"
    meta = SourceMeta(doc_id="nosuffix")
    data = page.encode("cp1252")
    assert registry.loader_for(data, meta).name == "html"
    assert "Café à Bruxelles" in html_to_text(decode(data, "windows-1252"))


def test_deeply_nested_html_still_gives_text() -> None:
    page = "<html><body>" + "<div>" * 3000 + "The project text in English." + "</div>" * 3000 + "</body></html>"
    assert "The project text in English." in html_to_text(page)


def test_pdf_text_layer() -> None:
    data = tiny_pdf(["Projektet styrker samarbejdet mellem virksomheder", "og universiteter i regionen."])
    assert "Projektet styrker samarbejdet" in pdf_to_text(data)
    assert registry.loader_for(data, SourceMeta(doc_id="x")).name == "pdf"
    doc = load(data, "doc.pdf")
    assert doc.loader == "pdf" and doc.language == "da"


# --- the bad inputs -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"", "empty.txt", "empty"),
        (b"   \n\t ", "blank.txt", "empty"),
        (bytes(range(256)) * 40, "random.txt", "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(500), "image.txt", "binary"),
        (b"", "empty.html", "empty"),
        (b"<html><body><script>" + b"x = 1;" * 1000 + b"</script></body></html>", "scripts.html", "no_text"),
        (b"%PDF-1.4 this is not really a pdf", "broken.pdf", "invalid_pdf"),
        (b"plain words, not a pdf", "fake.pdf", "invalid_pdf"),
        (tiny_pdf([]), "blank.pdf", "no_text"),
    ],
)
def test_bad_inputs_give_one_clear_error(data: bytes, name: str, code: str) -> None:
    with pytest.raises(LoaderError) as info:
        load(data, name)
    assert info.value.code == code
    assert "\n" not in str(info.value) and str(info.value).startswith(f"[{code}] ")


def test_too_large_input_is_refused_before_decoding() -> None:
    with pytest.raises(LoaderError) as info:
        load(b"a" * (MAX_INPUT_BYTES + 1), "huge.txt")
    assert info.value.code == "too_large"


def test_long_text_is_cut_at_a_paragraph() -> None:
    paragraph = "word " * 199 + "end.\n\n"
    text = paragraph * (MAX_TEXT_CHARS // len(paragraph) + 10)
    cut = cap_text(text, "long")
    assert MAX_TEXT_CHARS // 2 < len(cut) <= MAX_TEXT_CHARS
    assert cut.endswith("end.")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Københavns Universitet".encode("utf-16"), "Københavns Universitet"),
        ("Région Sud — été".encode("utf-16-le"), "Région Sud — été"),
        ("Région Sud".encode("utf-16-be"), "Région Sud"),
        (b"\xef\xbb\xbfBOM first", "BOM first"),
        ("Café “Œuvre” à Liège".encode("cp1252"), "Café “Œuvre” à Liège"),
        (b"Caf\xe9 \x81 na\xefve", "Caf\xe9 \x81 na\xefve"),  # not cp1252 either: latin-1 reads every byte
        (b"line one\r\nline two\rline three", "line one\nline two\nline three"),
    ],
)
def test_decoding(data: bytes, expected: str) -> None:
    assert decode(data) == expected


def test_a_batch_survives_its_bad_documents() -> None:
    batch = [
        (BODY.encode("utf-8"), "good-1.txt"),
        (b"", "bad-empty.txt"),
        (bytes(range(256)) * 10, "bad-binary.txt"),
        (BODY.encode("utf-16"), "good-utf16.txt"),
        ("Le projet réunit des entreprises en Belgique.".encode("cp1252"), "good-cp1252.txt"),
        (b"%PDF-1.7 broken", "bad.pdf"),
        (("<html><body><main><p>" + BODY + "</p></main></body></html>").encode(), "good.html"),
    ]
    loaded, errors = [], []
    for data, name in batch:
        try:
            loaded.append(load(data, name))
        except LoaderError as exc:
            errors.append((name, exc.code))
    assert [d.doc_id for d in loaded] == ["good-1-txt", "good-utf16-txt", "good-cp1252-txt", "good-html"]
    assert errors == [("bad-empty.txt", "empty"), ("bad-binary.txt", "binary"), ("bad.pdf", "invalid_pdf")]
    assert all(d.public for d in loaded)


def test_unsupported_language_still_loads() -> None:
    doc = load("Das Projekt stärkt die Zusammenarbeit zwischen Unternehmen in der Region.".encode(), "de.txt")
    assert doc.language is None and doc.public


def test_registry_lists_the_format_loaders_most_specific_first() -> None:
    assert [loader.name for loader in registry.loaders()] == ["html", "pdf", "rdf", "text"]
    meta = SourceMeta(doc_id="x")
    assert registry.loader_for(b"plain words", meta).name == "text"
    with pytest.raises(LoaderError, match="unsupported_format"):
        registry.loader_for(b"\x00\x01", meta)


def test_a_document_gets_its_extracted_graph_never_a_placeholder() -> None:
    doc = load(BODY.encode(), "doc.txt")
    predicates = {t.predicate.value for t in doc.public}
    assert len(doc.public) > 2 and "https://example.org/ig/ontology#startDate" in predicates


def test_missing_language_rules_stop_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rules module a language lacks is a broken build: it is raised, not reported as one bad
    document (which would let a batch 'succeed' with every document failed)."""

    def broken_build(*args: object, **kwargs: object) -> LoadedDocument:
        raise MissingRules("loaders/lang/da/money.py does not exist")

    monkeypatch.setattr(source_text, "build_document", broken_build)
    with pytest.raises(MissingRules):
        load(BODY.encode(), "doc.txt")
