"""HTML documentation of the ontology, generated from ``innograph.ttl`` (so it never drifts from
it): every class and property with its labels in the four languages, its definition, its
alignments, domain and range; the theme scheme; and a hand-laid-out SVG diagram of the main
classes (no Graphviz needed).

The server serves :func:`render_html` at the ontology IRI for browsers; ``innograph ontology``
also writes ``ontology/docs/index-{lang}.html`` and ``diagram.svg``.
"""

from __future__ import annotations

from functools import cache
from html import escape
from pathlib import Path

from innograph.ontology import DEFAULT_BASE_IRI, ontology_graph
from innograph.ontology.tables import LANGUAGES, read_ui_texts
from innograph.ontology.themes import concepts
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from innograph.namespaces import EURIO, PREFIXES

# namespace -> prefix, to write the other vocabularies' terms as prefixed names
_PREFIX_OF = {namespace: prefix for prefix, namespace in PREFIXES.items()} | {EURIO: "eurio"}

UI: dict[str, dict[str, str]] = read_ui_texts(Path(__file__).resolve().parent / "docs-ui.tsv")

KINDS = {
    OWL.Class: "owl:Class",
    OWL.ObjectProperty: "owl:ObjectProperty",
    OWL.DatatypeProperty: "owl:DatatypeProperty",
    OWL.AnnotationProperty: "owl:AnnotationProperty",
}


def _text(graph: Graph, node: Node, predicate: URIRef, lang: str) -> str:
    for value in graph.objects(node, predicate):
        if isinstance(value, Literal) and value.language == lang:
            return str(value)
    return ""


def _terms(graph: Graph, base_iri: str) -> tuple[list[URIRef], list[URIRef]]:
    ontology = URIRef(base_iri + "ontology")
    terms = sorted(t for t in graph.subjects(RDFS.isDefinedBy, ontology) if isinstance(t, URIRef))
    classes = [t for t in terms if (t, RDF.type, OWL.Class) in graph]
    properties = [t for t in terms if (t, RDF.type, OWL.Class) not in graph]
    return classes, properties


def _link(node: Node, graph: Graph, lang: str, vocab: str) -> str:
    iri = str(node)
    if iri.startswith(vocab):
        name = iri[len(vocab):]
        label = _text(graph, node, RDFS.label, lang) or name
        return f'<a href="#{escape(name)}" title="{escape(label)}">ig:{escape(name)}</a>'
    for namespace, prefix in _PREFIX_OF.items():
        if iri.startswith(namespace):
            return f'<a href="{escape(iri)}">{prefix}:{escape(iri[len(namespace):])}</a>'
    return f'<a href="{escape(iri)}">{escape(iri)}</a>'


def _term_section(graph: Graph, term: URIRef, lang: str, vocab: str) -> str:
    ui = UI[lang]
    name = str(term)[len(vocab):]
    label = _text(graph, term, RDFS.label, lang) or name
    kind = next((KINDS[k] for k in KINDS if (term, RDF.type, k) in graph), "rdf:Property")
    rows = [f"<tr><th>{ui['type']}</th><td><code>{kind}</code></td></tr>"]
    labels = "".join(
        f'<li lang="{code}"><b>{code}</b> {escape(_text(graph, term, RDFS.label, code))}</li>' for code in LANGUAGES
    )
    rows.append(f"<tr><th>{ui['labels']}</th><td><ul class=\"labels\">{labels}</ul></td></tr>")
    others = "".join(
        f'<li lang="{code}"><b>{code}</b> {escape(_text(graph, term, SKOS.definition, code))}</li>'
        for code in LANGUAGES
        if code != lang
    )
    rows.append(
        f"<tr><th>{ui['definition']}</th><td><p lang=\"{lang}\">"
        f"{escape(_text(graph, term, SKOS.definition, lang))}</p>"
        f"<details><summary>{ui['languages']}</summary><ul>{others}</ul></details></td></tr>"
    )
    for predicate, heading in (
        (RDFS.subClassOf, ui["super"]),
        (RDFS.subPropertyOf, ui["superprop"]),
        (OWL.equivalentClass, ui["equivalent"]),
        (OWL.equivalentProperty, ui["equivalent"]),
        (RDFS.domain, ui["domain"]),
        (RDFS.range, ui["range"]),
    ):
        values = sorted(str(v) for v in graph.objects(term, predicate) if isinstance(v, URIRef))
        if values:
            links = ", ".join(_link(URIRef(v), graph, lang, vocab) for v in values)
            rows.append(f"<tr><th>{heading}</th><td>{links}</td></tr>")
    subclasses = sorted(str(s) for s in graph.subjects(RDFS.subClassOf, term) if str(s).startswith(vocab))
    if subclasses:
        links = ", ".join(_link(URIRef(s), graph, lang, vocab) for s in subclasses)
        rows.append(f"<tr><th>{ui['subclasses']}</th><td>{links}</td></tr>")
    return (
        f'<section class="term" id="{escape(name)}"><h3>{escape(label)} '
        f'<code>ig:{escape(name)}</code></h3><p class="iri">{escape(str(term))}</p>'
        f"<table>{''.join(rows)}</table></section>"
    )


def _themes_section(lang: str, base_iri: str) -> str:
    ui = UI[lang]
    items = concepts(base_iri)
    by_key = {c.key: c for c in items}
    rows = []
    for concept in items:
        labels = " · ".join(escape(concept.pref_labels[code]) for code in LANGUAGES if code != lang)
        broader = ", ".join(escape(by_key[b].pref_labels[lang]) for b in concept.broader_keys)
        notation = f"<code>{escape(concept.notation)}</code> " if concept.notation else ""
        definition = concept.definitions.get(lang, "")
        note = f'<br><small lang="{lang}">{escape(definition)}</small>' if definition else ""
        rows.append(
            f'<tr id="theme-{escape(concept.key)}"><td>{notation}<a href="{escape(concept.iri)}">'
            f"{escape(concept.pref_labels[lang])}</a>{note}</td><td>{labels}</td><td>{broader}</td></tr>"
        )
    return (
        f'<section id="themes"><h2>{ui["themes"]} ({len(items)})</h2><table class="themes">'
        f"<tr><th>{ui['concept']}</th><th>{ui['labels']}</th><th>{ui['broader']}</th></tr>"
        f"{''.join(rows)}</table></section>"
    )


STYLE = """
body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
code{background:#f2f2f2;padding:0 .2rem}
.iri{color:#555;font-size:.85rem;margin:.2rem 0}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#fafafa;width:11rem}
.labels,details ul{margin:0;padding-left:1rem}
nav a{margin-right:.6rem}
svg{max-width:100%;height:auto;border:1px solid #eee}
"""


@cache
def _render(lang: str, base_iri: str) -> str:
    if lang not in UI:
        raise ValueError(f"unsupported language {lang!r}; use one of {sorted(UI)}")
    ui = UI[lang]
    graph = ontology_graph(base_iri)
    vocab = base_iri + "ontology#"
    classes, properties = _terms(graph, base_iri)
    switch = " ".join(
        f'<a href="?lang={code}" hreflang="{code}">{code}</a>' if code != lang else f"<b>{code}</b>"
        for code in LANGUAGES
    )
    toc_classes = " ".join(_link(c, graph, lang, vocab) for c in classes)
    toc_properties = " ".join(_link(p, graph, lang, vocab) for p in properties)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}"><head><meta charset="utf-8">',
            f"<title>{escape(ui['title'])}</title>",
            f'<link rel="alternate" type="text/turtle" href="{escape(base_iri)}ontology">',
            f"<style>{STYLE}</style></head><body>",
            f"<h1>{escape(ui['title'])}</h1>",
            f"<nav>{switch}</nav>",
            f"<p>{escape(ui['intro'])}</p>",
            f"<p>{ui['namespace']}: <code>{escape(vocab)}</code> (<code>ig:</code>)</p>",
            f'<section id="diagram"><h2>{ui["diagram"]}</h2>{diagram_svg(lang)}</section>',
            f'<section id="classes"><h2>{ui["classes"]} ({len(classes)})</h2><p>{toc_classes}</p>',
            *(_term_section(graph, c, lang, vocab) for c in classes),
            "</section>",
            f'<section id="properties"><h2>{ui["properties"]} ({len(properties)})</h2><p>{toc_properties}</p>',
            *(_term_section(graph, p, lang, vocab) for p in properties),
            "</section>",
            _themes_section(lang, base_iri),
            "</body></html>",
            "",
        ]
    )


def render_html(lang: str = "en", base_iri: str = DEFAULT_BASE_IRI) -> str:
    """The documentation page in ``lang`` (en, fr, da, nl)."""
    return _render(lang, base_iri)


# ---------------------------------------------------------------- diagram

BOX_W, BOX_H = 180, 44
# class -> (x, y); hand-placed so that edges do not cross boxes.
_COLUMNS = (40, 340, 640, 940, 1240)
_ROWS = (30, 160, 340, 470, 600)
LAYOUT: dict[str, tuple[int, int]] = {
    name: (_COLUMNS[column], _ROWS[row])
    for name, (column, row) in {
        "Evidence": (0, 0),
        "SourceDocument": (1, 0),
        "ExtractionActivity": (2, 0),
        "Person": (3, 0),
        "RoleType": (0, 1),
        "Role": (1, 1),
        "Organisation": (2, 1),
        "Programme": (0, 2),
        "Project": (1, 2),
        "Theme": (2, 2),
        "Platform": (3, 2),
        "Call": (0, 3),
        "Region": (1, 3),
        "Cluster": (3, 3),
        "Desk": (4, 3),
        "DatedEvent": (0, 4),
        "Country": (1, 4),
        "MonetaryAmount": (2, 4),
    }.items()
}
ORGANISATION_HEIGHT = 140
EDGES: list[tuple[str, str, str]] = [
    ("Evidence", "SourceDocument", "inDocument"),
    ("SourceDocument", "ExtractionActivity", "prov:wasGeneratedBy"),
    ("Person", "Organisation", "affiliation"),
    ("Role", "RoleType", "roleType"),
    ("Role", "Organisation", "agent"),
    ("Role", "Project", "roleIn"),
    ("Project", "Programme", "programme"),
    ("Call", "Programme", "programme"),
    ("Project", "Theme", "theme"),
    ("Project", "Region", "region"),
    ("Region", "Country", "country"),
    ("Cluster", "Platform", "partOf"),
    ("Desk", "Platform", "partOf"),
    ("Project", "DatedEvent", "event"),
    ("Project", "MonetaryAmount", "amount"),
]


def _box(name: str) -> tuple[float, float, float, float]:
    x, y = LAYOUT[name]
    height = ORGANISATION_HEIGHT if name == "Organisation" else BOX_H
    return x, y, BOX_W, height


def _border_point(name: str, towards: tuple[float, float]) -> tuple[float, float]:
    """Where the line from the box centre to ``towards`` leaves the box."""
    x, y, w, h = _box(name)
    cx, cy = x + w / 2, y + h / 2
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min(
        (w / 2) / abs(dx) if dx else float("inf"),
        (h / 2) / abs(dy) if dy else float("inf"),
    )
    return cx + dx * scale, cy + dy * scale


@cache
def diagram_svg(lang: str = "en") -> str:
    """An SVG of the main classes and the properties between them, labelled in ``lang``."""
    graph = ontology_graph()
    vocab = DEFAULT_BASE_IRI + "ontology#"

    def label(name: str) -> str:
        return _text(graph, URIRef(vocab + name), RDFS.label, lang) or name

    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1460 680" width="1460" height="680" '
        'font-family="sans-serif" font-size="13" role="img">',
        f"<title>{escape(UI[lang]['diagram'])}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
        'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>',
    ]
    for source, target, prop in EDGES:
        sx, sy, sw, sh = _box(source)
        tx, ty, tw, th = _box(target)
        start = _border_point(source, (tx + tw / 2, ty + th / 2))
        end = _border_point(target, (sx + sw / 2, sy + sh / 2))
        mx, my = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
        if abs(start[1] - end[1]) < 1:  # horizontal: label above the line, arrow stays visible
            my -= 12
        text = prop if ":" in prop else f"ig:{prop}"
        width = 7 * len(text) + 8
        parts.append(
            f'<line x1="{start[0]:.1f}" y1="{start[1]:.1f}" x2="{end[0]:.1f}" y2="{end[1]:.1f}" '
            'stroke="#444" stroke-width="1.3" marker-end="url(#arrow)"/>'
            f'<rect x="{mx - width / 2:.1f}" y="{my - 9:.1f}" width="{width}" height="16" fill="#fff" opacity="0.9"/>'
            f'<text x="{mx:.1f}" y="{my + 4:.1f}" text-anchor="middle" fill="#333" font-size="11">'
            f"{escape(text)}</text>"
        )
    for name in LAYOUT:
        x, y, w, h = _box(name)
        parts.append(
            f'<g id="box-{name}"><rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" fill="#eef4fb" '
            f'stroke="#2b5d8a"/><text x="{x + w / 2}" y="{y + 19}" text-anchor="middle" font-weight="bold">'
            f"{escape(label(name))}</text>"
            f'<text x="{x + w / 2}" y="{y + 35}" text-anchor="middle" fill="#555" font-size="11">ig:{name}</text>'
        )
        if name == "Organisation":
            subclasses = sorted(
                str(s)[len(vocab):] for s in graph.subjects(RDFS.subClassOf, URIRef(vocab + name))
                if str(s).startswith(vocab)
            )
            for i, sub in enumerate(subclasses):
                parts.append(
                    f'<text x="{x + 12}" y="{y + 56 + 11 * i}" fill="#2b5d8a" font-size="10">'
                    f"⊑ ig:{escape(sub)}</text>"
                )
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
