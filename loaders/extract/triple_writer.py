"""Writes one document's triples: typed literals, and a writer that mints a named evidence node next
to each statement and keeps people's names, e-mails and phones out of public literals (replaced
by ``[…]``). :mod:`to_rdf` decides which statements the facts make.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from innograph.loaders.extract.facts import DocumentFacts, Mention
from innograph.loaders.extract.resolve import short_hash
from innograph.ontology.tables import LANGUAGES
from pyoxigraph import Literal, NamedNode, Triple

from innograph.iris import Iris
from innograph.namespaces import RDF_TYPE, RDFS_LABEL, XSD

_DATE_TYPES = {4: "gYear", 7: "gYearMonth", 10: "date"}
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def date_literal(value: str) -> Literal:
    kind = _DATE_TYPES.get(len(value), "string")
    return Literal(value, datatype=NamedNode(XSD + kind))


def decimal_literal(value: Decimal | float | int) -> Literal:
    text = format(Decimal(str(value)).normalize(), "f")
    return Literal(text, datatype=NamedNode(XSD + "decimal"))


def integer_literal(value: int) -> Literal:
    return Literal(str(int(value)), datatype=NamedNode(XSD + "integer"))


def sentence_of(text: str, start: int, end: int, limit: int = 400) -> str:
    left = max(
        text.rfind("\n", 0, start),
        max((m.end() - 1 for m in _SENTENCE_END.finditer(text, max(0, start - limit), start)), default=-1),
    )
    match = _SENTENCE_END.search(text, end)
    right = match.start() + 1 if match else len(text)
    if right - left > limit:
        left, right = max(left, start - limit // 2), min(right, end + limit // 2)
    return " ".join(text[left + 1 : right].split())


REDACTED = "[…]"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _redaction_pattern(facts: DocumentFacts) -> re.Pattern[str] | None:
    """What must not appear in a public literal: people's names (as written), e-mails and phones."""
    words = {p.name for p in facts.people} | {p.mention.text for p in facts.people}
    words |= {v.mention.text for v in facts.emails + facts.phones} | {v.value for v in facts.emails}
    alternatives = sorted((re.escape(w) for w in words if len(w) >= 3), key=len, reverse=True)
    alternatives.append(_EMAIL.pattern)
    return re.compile("|".join(alternatives), re.IGNORECASE)


class TripleWriter:
    """Collects triples, minting evidence nodes next to each statement."""

    def __init__(self, facts: DocumentFacts, iris: Iris, doc: NamedNode) -> None:
        self.facts = facts
        self.iris = iris
        self.doc = doc
        self.lang = facts.language if facts.language in LANGUAGES else None
        self.public: set[Triple] = set()
        self.personal: set[Triple] = set()
        self.redaction = _redaction_pattern(facts)
        self._terms: dict[str, NamedNode] = {}
        self._redacted: dict[str, str | None] = {}  # literal value -> its redacted form (None: unchanged)

    def term(self, name: str) -> NamedNode:
        node = self._terms.get(name)
        if node is None:
            node = self._terms[name] = NamedNode(self.iris.term(name))
        return node

    def _redact(self, value: str) -> str | None:
        """The value without people's names, e-mails and phones; None when it names none of them."""
        if value not in self._redacted:  # a sentence is the evidence of several facts: searched once
            pattern = self.redaction
            found = pattern is not None and pattern.search(value) is not None
            self._redacted[value] = pattern.sub(REDACTED, value) if found and pattern is not None else None
        return self._redacted[value]

    def text(self, value: str) -> Literal:
        return Literal(value, language=self.lang) if self.lang else Literal(value)

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal, personal: bool = False) -> None:
        if personal:
            self.personal.add(Triple(s, p, o))
            return
        if isinstance(o, Literal) and (value := self._redact(o.value)) is not None:
            # a sentence or title that names a person, an e-mail or a phone stays public without them
            o = Literal(value, language=o.language) if o.language else Literal(value, datatype=o.datatype)
        self.public.add(Triple(s, p, o))

    def state(
        self,
        s: NamedNode,
        p: NamedNode,
        o: NamedNode | Literal,
        mentions: Iterable[Mention],
        personal: bool = False,
    ) -> None:
        """Add ``s p o`` and one evidence node per mention it was read from."""
        self.add(s, p, o, personal)
        for mention in mentions:
            self.evidence(s, p, o, mention, personal)

    def context_of(self, m: Mention) -> str:
        """The sentence a fact was read in, or the narrower span it rests on (a theme's clause)."""
        if m.context is not None:
            return " ".join(self.facts.text[m.context[0] : m.context[1]].split())
        return sentence_of(self.facts.text, m.start, m.end)

    def evidence(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal, m: Mention, personal: bool) -> None:
        ev = NamedNode(f"{self.doc.value}/evidence/{short_hash(s.value, p.value, o, m.start, m.end)}")
        t, add = self.term, self.add
        add(ev, RDF_TYPE, t("Evidence"), personal)
        add(ev, t("evidenceFor"), s, personal)
        add(ev, t("evidenceProperty"), p, personal)
        add(ev, t("evidenceValue"), o, personal)
        add(ev, t("inDocument"), self.doc, personal)
        add(ev, RDFS_LABEL, Literal(m.text), personal)
        add(ev, t("sentence"), Literal(self.context_of(m)), personal)
        add(ev, t("startOffset"), integer_literal(m.start), personal)
        add(ev, t("endOffset"), integer_literal(m.end), personal)
        add(ev, t("extractor"), Literal(m.extractor), personal)
        add(ev, t("confidence"), decimal_literal(round(m.confidence, 2)), personal)
