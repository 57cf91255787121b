"""Triple Pattern Fragments at ``/fragments`` (https://www.hydra-cg.com/spec/latest/triple-pattern-fragments/).

``GET /fragments?subject=&predicate=&object=&page=`` returns one page of the distinct triples of
the public partition's default graph (the union of the public named graphs) matching the pattern,
plus metadata (``hydra:totalItems`` / ``void:triples``: an exact count here) and controls (the
``hydra:search`` template, ``hydra:first`` / ``previous`` / ``next``). Terms use the explicit
representation: an IRI as is, a literal as ``"text"``, ``"text"@en`` or ``"5"^^http://...#integer``;
an empty value, ``?name`` or a blank node ``_:x`` is a variable.
"""

from __future__ import annotations

from urllib.parse import urlencode

from pyoxigraph import Literal, NamedNode, Triple

from innograph.iris import Iris
from innograph.namespaces import HYDRA, RDF, RDFS, VOID, XSD, XSD_INTEGER
from innograph.sparql_text import query_text
from innograph.store import Store

PAGE_SIZE = 100


class BadTerm(ValueError):
    pass


def parse_term(value: str | None, position: str) -> NamedNode | Literal | None:
    """A pattern term in the explicit representation; None for a variable."""
    if value is None:
        return None
    value = value.strip()
    if not value or value.startswith(("?", "_:")):
        return None
    if value.startswith('"'):
        if position != "object":
            raise BadTerm(f"a literal cannot be the {position}")
        end = value.rfind('"')
        if end <= 0:
            raise BadTerm(f"unterminated literal: {value}")
        text, suffix = value[1:end], value[end + 1 :]
        if suffix.startswith("@") and len(suffix) > 1:
            return Literal(text, language=suffix[1:])
        if suffix.startswith("^^"):
            datatype = suffix[2:].strip("<>")
            if not datatype:
                raise BadTerm(f"empty datatype: {value}")
            return Literal(text, datatype=NamedNode(datatype))
        if suffix:
            raise BadTerm(f"unexpected text after the literal: {suffix}")
        return Literal(text)
    try:
        return NamedNode(value.strip("<>"))
    except ValueError as exc:
        raise BadTerm(f"not an IRI: {value}") from exc


def explicit(term: object) -> str:
    """The explicit representation of a term (for links to other pages)."""
    if isinstance(term, NamedNode):
        return term.value
    if isinstance(term, Literal):
        if term.language:
            return f'"{term.value}"@{term.language}'
        if term.datatype.value != XSD + "string":
            return f'"{term.value}"^^{term.datatype.value}'
        return f'"{term.value}"'
    return ""


def fragment(store: Store, iris: Iris, pattern: dict[str, NamedNode | Literal | None],
             page_number: int) -> tuple[list[Triple], int]:
    bindings = {name: term for name, term in (("s", pattern["subject"]), ("p", pattern["predicate"]),
                                              ("o", pattern["object"])) if term is not None}
    rows = store.select(query_text("linked/fragment-count", iris, bindings))
    total = int(rows[0]["n"].value) if rows else 0
    text = query_text("linked/fragment", iris, bindings) + f"\nLIMIT {PAGE_SIZE} OFFSET {(page_number - 1) * PAGE_SIZE}"
    found = store.select(text)
    triples = [Triple(r.get("s") or pattern["subject"], r.get("p") or pattern["predicate"],  # type: ignore[arg-type]
                      r.get("o") or pattern["object"])  # type: ignore[arg-type]
               for r in found]
    return triples, total


def fragment_url(iris: Iris, pattern: dict[str, NamedNode | Literal | None], page_number: int | None) -> str:
    params = {k: explicit(v) for k, v in pattern.items() if v is not None}
    if page_number and page_number > 1:
        params["page"] = str(page_number)
    encoded = urlencode(params)
    return iris.base + "fragments" + (f"?{encoded}" if encoded else "")


def metadata(iris: Iris, pattern: dict[str, NamedNode | Literal | None], page_number: int,
             total: int) -> list[Triple]:
    """Hydra metadata and controls of one fragment page (TPF section 4 and 5)."""
    dataset = NamedNode(iris.base + "fragments#dataset")
    this = NamedNode(fragment_url(iris, pattern, page_number))
    fragment_iri = NamedNode(fragment_url(iris, pattern, None))
    search = NamedNode(iris.base + "fragments#search")
    out = [
        Triple(dataset, NamedNode(RDF + "type"), NamedNode(VOID + "Dataset")),
        Triple(dataset, NamedNode(RDF + "type"), NamedNode(HYDRA + "Collection")),
        Triple(dataset, NamedNode(VOID + "subset"), fragment_iri),
        Triple(dataset, NamedNode(HYDRA + "search"), search),
        Triple(dataset, NamedNode(RDFS + "seeAlso"),
               NamedNode(iris.base + "catalog#dataset")),
        Triple(search, NamedNode(HYDRA + "template"), Literal(iris.base + "fragments{?subject,predicate,object}")),
        Triple(search, NamedNode(HYDRA + "variableRepresentation"), NamedNode(HYDRA + "ExplicitRepresentation")),
    ]
    for name, prop in (("subject", "subject"), ("predicate", "predicate"), ("object", "object")):
        mapping = NamedNode(f"{iris.base}fragments#{name}")
        out += [
            Triple(search, NamedNode(HYDRA + "mapping"), mapping),
            Triple(mapping, NamedNode(HYDRA + "variable"), Literal(name)),
            Triple(mapping, NamedNode(HYDRA + "property"), NamedNode(RDF + prop)),
        ]
    count = Literal(str(total), datatype=XSD_INTEGER)
    out += [
        Triple(fragment_iri, NamedNode(RDF + "type"), NamedNode(HYDRA + "PartialCollectionView")),
        Triple(fragment_iri, NamedNode(VOID + "triples"), count),
        Triple(fragment_iri, NamedNode(HYDRA + "totalItems"), count),
        Triple(this, NamedNode(HYDRA + "itemsPerPage"), Literal(str(PAGE_SIZE), datatype=XSD_INTEGER)),
        Triple(this, NamedNode(HYDRA + "first"), NamedNode(fragment_url(iris, pattern, 1))),
    ]
    if this != fragment_iri:
        out.append(Triple(this, NamedNode(RDF + "type"), NamedNode(HYDRA + "PartialCollectionView")))
        out.append(Triple(this, NamedNode(VOID + "triples"), count))
        out.append(Triple(this, NamedNode(HYDRA + "totalItems"), count))
    if page_number > 1:
        out.append(Triple(this, NamedNode(HYDRA + "previous"), NamedNode(fragment_url(iris, pattern, page_number - 1))))
    if page_number * PAGE_SIZE < total:
        out.append(Triple(this, NamedNode(HYDRA + "next"), NamedNode(fragment_url(iris, pattern, page_number + 1))))
    return out
