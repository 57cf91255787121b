"""Pure parts of the linked-data modules: term parsing, sitemap index, content negotiation, values."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from innograph.server.linked import feed, fragments, sitemap, variants
from innograph.server.linked.feed import Member, page
from pyoxigraph import Literal, NamedNode
from starlette.requests import Request

from innograph.iris import Iris
from innograph.sparql_text import query_text

IRIS = Iris("http://127.0.0.1:8000/")


def request(query_string: str = "", **headers: str) -> Request:
    raw = [(k.replace("_", "-").lower().encode(), v.encode()) for k, v in headers.items()]
    return Request({"type": "http", "method": "GET", "path": "/", "query_string": query_string.encode(),
                    "headers": raw})


@pytest.mark.parametrize(("text", "expected"), [
    ("http://x.org/a", NamedNode("http://x.org/a")),
    ("<http://x.org/a>", NamedNode("http://x.org/a")),
    ('"chat"', Literal("chat")),
    ('"chat"@fr', Literal("chat", language="fr")),
    ('"say "hi""@en', Literal('say "hi"', language="en")),
    ('"5"^^http://www.w3.org/2001/XMLSchema#integer',
     Literal("5", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
    ("", None), ("?o", None), ("_:b0", None), (None, None),
])
def test_explicit_representation(text: str | None, expected: object) -> None:
    assert fragments.parse_term(text, "object") == expected
    if expected is not None:
        assert fragments.parse_term(fragments.explicit(expected), "object") == expected


@pytest.mark.parametrize("text", ['"x"', '"x"junk', '"open'])
def test_bad_terms(text: str) -> None:
    with pytest.raises(fragments.BadTerm):
        fragments.parse_term(text, "subject" if text == '"x"' else "object")


def test_sitemap_becomes_an_index_above_the_protocol_limit() -> None:
    things = [IRIS.entity("organisation", f"o{n:06d}") for n in range(sitemap.MAX_URLS + 1)]
    moment = datetime(2026, 1, 2, tzinfo=UTC)
    index = sitemap.sitemap(IRIS, things, moment, None).decode()
    assert "<sitemapindex" in index and index.count("<sitemap>") == 2
    second = sitemap.sitemap(IRIS, things, moment, 2).decode()
    assert second.count("<url>") == 1 and "page/organisation/o050000" in second
    small = sitemap.sitemap(IRIS, things[:3], moment, None).decode()
    assert "<urlset" in small and small.count("<url>") == 3


def test_negotiation_format_parameter_and_language() -> None:
    assert variants.choose_media_type(request(accept="text/turtle;q=0.5, application/ld+json")) == "application/ld+json"
    assert variants.choose_media_type(request(accept="*/*")) == "text/html"
    assert variants.choose_media_type(request(accept="application/json")) == "application/ld+json"
    assert variants.choose_media_type(request("format=nt", accept="text/html")) == "application/n-triples"
    assert variants.choose_media_type(request(accept="image/png")) is None
    with pytest.raises(variants.UnknownFormat):
        variants.choose_media_type(request("format=pdf"))
    assert variants.choose_language(request(accept_language="de-DE, nl;q=0.8, fr;q=0.9")) == "fr"
    assert variants.choose_language(request("lang=da", accept_language="fr")) == "da"
    assert variants.choose_language(request(accept_language="es")) == "en"


def test_values_are_inlined_in_the_innermost_group_and_escaped() -> None:
    text = query_text("linked/fragment-count", IRIS, {"o": 'x" } ; DROP ALL ; "'})
    inner = text.rindex("WHERE {")
    assert text.index("VALUES") > inner  # inside the subquery, before the pattern
    assert '"x\\" } ; DROP ALL ; \\""' in text
    assert f"PREFIX ig: <{IRIS.vocab}>" in query_text("linked/describe", IRIS)


def test_feed_pages_keep_members_with_the_same_time_together(monkeypatch: pytest.MonkeyPatch) -> None:
    t = [datetime(2026, 1, 1, 0, 0, s, tzinfo=UTC) for s in (1, 2, 2, 2, 3)]
    members = [Member(f"m{n}", f"g{n}", "created", moment, moment.isoformat(), None) for n, moment in enumerate(t)]
    monkeypatch.setattr(feed, "PAGE_SIZE", 2)
    first = page(members, None)
    assert [m.iri for m in first.members] == ["m0", "m1", "m2", "m3"]  # the tie at 00:00:02 stays whole
    assert first.next_from == t[4]
    last = page(members, first.next_from)
    assert [m.iri for m in last.members] == ["m4"] and last.next_from is None
    assert page(members, datetime(2027, 1, 1, tzinfo=UTC)).members == []
