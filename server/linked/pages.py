"""HTML pages for people: labels in the visitor's language, links, evidence, sources.

Plain Python string building with ``html.escape`` on every value from the store.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

from innograph.server.linked.describe import Labels, ProjectRow
from innograph.server.linked.i18n import common_label, word
from innograph.server.linked.rdf import value as term_value
from innograph.server.linked.variants import EXTENSIONS, LANGUAGES, format_link
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from innograph.iris import Iris
from innograph.namespaces import PREFIXES, RDF_TYPE, RDFS, SKOS

LABEL_PREDICATES = {
    SKOS + "prefLabel",
    RDFS + "label",
}
STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;line-height:1.45;color:#222}
header,footer{font-size:.85rem;color:#555}header a,footer a{margin-right:.8rem}
h1{margin-bottom:.2rem}.iri{font-family:monospace;font-size:.85rem;color:#555;word-break:break-all}
table{border-collapse:collapse;width:100%}
td,th{border-top:1px solid #ddd;padding:.3rem;vertical-align:top;text-align:left}
th{width:28%;font-weight:600}blockquote{margin:.4rem 0 .8rem 1rem;padding-left:.6rem;border-left:3px solid #9bc}
mark{background:#ffe58a}.meta{font-size:.8rem;color:#666}.lang{font-size:.7rem;color:#888}
"""


@dataclass
class PageContext:
    iris: Iris
    lang: str
    labels: Labels = field(default_factory=Labels)
    url: str = ""  # the document's own URL (no format parameter)
    alternates: Sequence[str] = ()  # media types also offered at ``url``

    def href(self, iri: str) -> str:
        """Where a link to ``iri`` should point: things go straight to their page (no 303 hop)."""
        things = self.iris.base + "id/"
        if iri.startswith(things):
            return self.iris.base + "page/" + iri[len(things) :]
        return iri

    def name(self, iri: str) -> str:
        label = self.labels.get(iri, self.lang) or common_label(iri, self.lang)
        return label if label else curie(iri, self.iris)


def curie(iri: str, iris: Iris) -> str:
    for prefix, namespace in (("ig", iris.vocab), *PREFIXES.items()):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    if iri.startswith(iris.base):
        return iri[len(iris.base) :]
    return iri


def link(iri: str, ctx: PageContext) -> str:
    return f'<a href="{escape(ctx.href(iri))}">{escape(ctx.name(iri))}</a>'


def term_html(term: object, ctx: PageContext) -> str:
    if isinstance(term, NamedNode):
        return link(term.value, ctx)
    if isinstance(term, BlankNode):
        return f"<span class=iri>_:{escape(term.value)}</span>"
    assert isinstance(term, Literal)
    lang = f' <span class=lang>@{escape(term.language)}</span>' if term.language else ""
    attr = f' lang="{escape(term.language)}"' if term.language else ""
    return f"<span{attr}>{escape(term.value)}</span>{lang}"


def layout(title: str, body: str, ctx: PageContext, *, head: str = "", status_note: str = "") -> str:
    base = ctx.iris.base
    alternates = "".join(
        f'<link rel="alternate" type="{m}" href="{escape(format_link(ctx.url, m))}">\n' for m in ctx.alternates
    )
    formats = " ".join(
        f'<a href="{escape(format_link(ctx.url, m))}" type="{m}">{EXTENSIONS[m]}</a>' for m in ctx.alternates
    )
    langs = " ".join(
        f'<a href="{escape(ctx.url)}?lang={code}" hreflang="{code}">{code}</a>' for code in LANGUAGES if ctx.url
    )
    nav = (
        f'<a href="{base}"><strong>innograph</strong></a><a href="{base}partners">partners</a>'
        f'<a href="{base}catalog">catalogue</a><a href="{base}.well-known/void">VoID</a>'
        f'<a href="{base}sparql">SPARQL</a><a href="{base}fragments">fragments</a>'
        f'<a href="{base}feed">feed</a><a href="{base}dumps/">dumps</a><a href="{base}ontology">ontology</a>'
    )
    format_line = f"<p>{word(ctx.lang, 'formats')}: {formats}</p>" if formats else ""
    page = (
        f'<!doctype html>\n<html lang="{ctx.lang}"><head><meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} · innograph</title>\n{alternates}<style>{STYLE}</style>\n{head}</head>\n"
        f"<body><header>{nav} · {word(ctx.lang, 'language')}: {langs}</header>\n{status_note}{body}\n"
        f"<footer>{format_line}</footer></body></html>\n"
    )
    # Links stay on this server: it answers every path of the base IRI from its root, while the
    # IRIs themselves (shown as text, and in every RDF format) keep the base, which may be a
    # persistent-IRI domain that does not point here (the default w3id.org one, for instance).
    return page.replace(f'href="{escape(base)}', 'href="/')


def _group(triples: Iterable[Triple], subject: str) -> dict[str, list[object]]:
    out: dict[str, list[object]] = defaultdict(list)
    for t in triples:
        if isinstance(t.subject, NamedNode) and t.subject.value == subject:
            out[t.predicate.value].append(t.object)
    return out


def _property_rows(props: dict[str, list[object]], ctx: PageContext, skip: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    rows = []
    for predicate in sorted(props, key=lambda p: (p != RDF_TYPE.value, ctx.name(p).lower())):
        if predicate in skip:
            continue
        values = sorted(props[predicate], key=lambda v: (not isinstance(v, Literal) or v.language != ctx.lang, str(v)))
        cells = "<br>".join(term_html(v, ctx) for v in values)
        rows.append(f"<tr><th>{link(predicate, ctx)}</th><td>{cells}</td></tr>")
    return "<table>" + "".join(rows) + "</table>" if rows else ""


def _highlight(sentence: str, written: str | None) -> str:
    text = escape(sentence)
    if written:
        needle = escape(written)
        at = text.find(needle)
        if at >= 0:
            return f"{text[:at]}<mark>{needle}</mark>{text[at + len(needle):]}"
    return text


def entity_page(iri: str, triples: list[Triple], ctx: PageContext, sources: dict[str, dict[str, str]],
                schema_jsonld: dict[str, object] | None, projects: Sequence[ProjectRow] = ()) -> str:
    ig = ctx.iris.vocab
    props = _group(triples, iri)
    title = ctx.name(iri)
    body = [f"<h1>{escape(title)}</h1><p class=iri>{escape(iri)}</p>"]
    body.append(_property_rows(props, ctx))
    if projects:
        body.append(projects_section(iri, projects, ctx))

    # Evidence: nodes whose ig:evidenceFor is this resource.
    evidence_nodes = {term_value(t.subject) for t in triples
                      if t.predicate.value == ig + "evidenceFor" and t.object == NamedNode(iri)}
    items = []
    for ev in sorted(evidence_nodes):
        e = _group(triples, ev)
        sentence = _first(e.get(ig + "sentence"))
        written = _first(e.get(RDFS + "label"))
        prop = e.get(ig + "evidenceProperty", [None])[0]
        value = e.get(ig + "evidenceValue", [None])[0]
        doc = e.get(ig + "inDocument", [None])[0]
        start, end = _first(e.get(ig + "startOffset")), _first(e.get(ig + "endOffset"))
        what = (f"{term_html(prop, ctx)}: {term_html(value, ctx)}" if prop is not None and value is not None else "")
        where = []
        if isinstance(doc, NamedNode):
            where.append(link(doc.value, ctx))
            url = sources.get(doc.value, {}).get("url")
            if url:
                where.append(f'<a href="{escape(url)}">{word(ctx.lang, "source")}</a>')
        if start is not None and end is not None:
            where.append(f"{word(ctx.lang, 'characters')} {escape(start)}–{escape(end)}")
        extractor = _first(e.get(ig + "extractor"))
        confidence = _first(e.get(ig + "confidence"))
        if extractor:
            where.append(escape(f"{extractor} ({confidence})" if confidence else extractor))
        items.append(f"<li>{what}<blockquote>{_highlight(sentence or '', written)}</blockquote>"
                     f"<span class=meta>{' · '.join(where)}</span></li>")
    if items:
        body.append(f"<h2>{word(ctx.lang, 'evidence')}</h2><ul>{''.join(items)}</ul>")

    # Sources: documents that mention the resource or hold evidence for it.
    docs = {term_value(t.subject) for t in triples
            if t.predicate.value == ig + "mentions" and t.object == NamedNode(iri)}
    docs |= {term_value(t.object) for t in triples
             if t.predicate.value == ig + "inDocument" and term_value(t.subject) in evidence_nodes}
    if docs:
        lines = []
        for doc in sorted(docs):
            extra = []
            info = sources.get(doc, {})
            if info.get("url"):
                extra.append(f'<a href="{escape(info["url"])}">{escape(info["url"])}</a>')
            if info.get("graph"):
                extra.append(f'<a href="{escape(info["graph"])}">{word(ctx.lang, "graph")}</a>')
            lines.append(f"<li>{link(doc, ctx)} {' · '.join(extra)}</li>")
        body.append(f"<h2>{word(ctx.lang, 'sources')}</h2><ul>{''.join(lines)}</ul>")

    # Incoming links (other than evidence and mentions, shown above).
    incoming = sorted({(t.subject.value, t.predicate.value) for t in triples
                       if t.object == NamedNode(iri) and isinstance(t.subject, NamedNode)
                       and t.subject.value not in evidence_nodes and t.predicate.value != ig + "mentions"})
    if incoming:
        lines = [f"<li>{link(s, ctx)} <span class=meta>({escape(ctx.name(p))})</span></li>" for s, p in incoming]
        body.append(f"<h2>{word(ctx.lang, 'referenced_by')}</h2><ul>{''.join(lines)}</ul>")

    head = ""
    if schema_jsonld:
        data = json.dumps(schema_jsonld, ensure_ascii=False).replace("</", "<\\/")
        head = f'<script type="application/ld+json">{data}</script>\n'
    return layout(title, "\n".join(body), ctx, head=head)


def projects_section(iri: str, projects: Sequence[ProjectRow], ctx: PageContext) -> str:
    """What the organisation took part in, from every source: project (acronym), role as written,
    programme, dates, and where it was read (the imported file and row, or the page's graph)."""
    lang = ctx.lang
    head = "".join(f"<th>{word(lang, k)}</th>" for k in ("project", "role", "programme", "dates", "source"))
    lines = []
    for p in projects:
        name = link(p.project, ctx) + (f" ({escape(', '.join(p.acronyms))})" if p.acronyms else "")
        role = escape(p.written) if p.written else (link(p.role_type, ctx) if p.role_type else "")
        if p.agent != iri:
            role += f' <span class=meta>{word(lang, "named_as")} {link(p.agent, ctx)}</span>'
        programmes = ", ".join(link(x, ctx) for x in p.programmes)
        dates = f"{escape(p.start or '?')} – {escape(p.end or '?')}" if p.start or p.end else ""
        if p.file:
            source = link(p.file, ctx) + (f" · {word(lang, 'row')} {escape(p.row)}" if p.row else "")
        else:
            source = f'<a href="{escape(p.graph)}">{word(lang, "graph")}</a>'
        lines.append(f"<tr><td>{name}</td><td>{role}</td><td>{programmes}</td><td>{dates}</td><td>{source}</td></tr>")
    return f"<h2>{word(lang, 'projects')}</h2><table class=projects><tr>{head}</tr>{''.join(lines)}</table>"


def triples_page(title: str, iri: str, triples: list[Triple], ctx: PageContext, intro: str = "") -> str:
    """A page for a document holding many resources (a named graph, the ontology, metadata)."""
    subjects: dict[str, list[Triple]] = defaultdict(list)
    for t in triples:
        key = t.subject.value if isinstance(t.subject, NamedNode) else "_:" + t.subject.value  # type: ignore[union-attr]
        subjects[key].append(t)
    sections = []
    for subject in sorted(subjects):
        heading = link(subject, ctx) if not subject.startswith("_:") else escape(subject)
        sections.append(f'<h3 id="{escape(subject)}">{heading}</h3>'
                        f"{_property_rows(_group_any(subjects[subject]), ctx)}")
    body = (f"<h1>{escape(title)}</h1><p class=iri>{escape(iri)}</p>{intro}"
            f"<p>{len(triples)} {word(ctx.lang, 'triples')}</p>" + "\n".join(sections))
    return layout(title, body, ctx)


def _group_any(triples: Iterable[Triple]) -> dict[str, list[object]]:
    out: dict[str, list[object]] = defaultdict(list)
    for t in triples:
        out[t.predicate.value].append(t.object)
    return out


def not_found_page(iri: str, similar: Sequence[str], ctx: PageContext) -> str:
    lines = "".join(f"<li>{link(s, ctx)}</li>" for s in similar)
    base = ctx.iris.base
    body = (
        f"<h1>{word(ctx.lang, 'not_found')}</h1><p class=iri>{escape(iri)}</p>"
        f"<p>{word(ctx.lang, 'not_found_text')}</p>"
        + (f"<h2>{word(ctx.lang, 'similar')}</h2><ul>{lines}</ul>" if lines else "")
        + f"<h2>{word(ctx.lang, 'browse')}</h2><ul>"
        f'<li><a href="{base}sitemap.xml">sitemap.xml</a></li>'
        f'<li><a href="{base}.well-known/void">VoID</a></li>'
        f'<li><a href="{base}fragments">triple pattern fragments</a></li>'
        f'<li><a href="{base}sparql">SPARQL</a></li></ul>'
        "<p>IRIs: <code>id/{kind}/{key}</code> (things, 303 to <code>page/…</code>), "
        "<code>graph/{document}</code> (named graphs), <code>ontology#Term</code>.</p>"
    )
    return layout(word(ctx.lang, "not_found"), body, ctx)


def _first(values: list[object] | None) -> str | None:
    if not values:
        return None
    value = values[0]
    return value.value if isinstance(value, Literal | NamedNode) else str(value)
