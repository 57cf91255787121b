"""The 'value' facts of a document: dates, amounts, percentages, e-mails, phones, URLs, countries,
eligible beneficiaries and the number of partners. Each fact keeps its :class:`Mention`.

Call after ``facts.language`` and ``facts.segments`` are set (:func:`language.detect`)."""

from __future__ import annotations

import re
from functools import cache

from innograph.loaders.extract.contacts import find_emails, find_phones, find_urls
from innograph.loaders.extract.countries import extract_countries
from innograph.loaders.extract.cues import LETTER, cue_regex, languages_for, merged
from innograph.loaders.extract.dates import extract_dates
from innograph.loaders.extract.facts import DocumentFacts
from innograph.loaders.extract.money import extract_amounts, extract_percentages
from innograph.loaders.lang import rules

_BULLET = re.compile(r"^[ \t]*(?:[-•·*▪►–]|\d{1,2}[.)])[ \t]+(?P<item>.+?)[ \t]*$")
_MAX_BENEFICIARIES = 20


def extract_values(facts: DocumentFacts) -> None:
    text = facts.text
    langs = languages_for(facts.language, facts.segments)
    emails = find_emails(text)
    urls = find_urls(text, getattr(facts, "source_url", None))
    masked = _mask(text, [(v.mention.start, v.mention.end) for v in (*emails, *urls)])
    facts.emails = emails
    facts.urls = urls
    facts.start_date, facts.end_date, others = extract_dates(text, masked, langs)
    bounds = {d.value for d in (facts.start_date, facts.end_date) if d is not None}
    facts.other_dates = [d for d in others if d.value not in bounds]
    facts.amounts = extract_amounts(text, masked, langs)
    facts.percentages = extract_percentages(text, masked, langs)
    facts.countries = extract_countries(text, masked, langs)
    blocked = [(f.mention.start, f.mention.end) for f in (*facts.amounts, *facts.percentages, *others)]
    blocked += [(d.mention.start, d.mention.end) for d in (facts.start_date, facts.end_date) if d is not None]
    named = tuple(c.value for c in facts.countries)
    facts.phones = find_phones(text, _phone_region(facts), blocked, named, langs)
    facts.partner_count = partner_count(masked, langs)
    facts.eligible_beneficiaries = eligible_beneficiaries(text, langs)


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans blanked (same length, so offsets still hold)."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _phone_region(facts: DocumentFacts) -> str | None:
    """The country national numbers are read in: the document's language, else its blocks'
    (longest first)."""
    weight: dict[str, int] = {}
    for seg in facts.segments:
        if seg.language:
            weight[seg.language] = weight.get(seg.language, 0) + seg.end - seg.start
    for lang in (facts.language, *sorted(weight, key=lambda x: -weight[x])):
        if lang:
            return str(rules(lang, "numbers").PHONE_REGION)
    return None


@cache
def _partner_regex(langs: tuple[str, ...]) -> re.Pattern[str] | None:
    words = merged(langs, "beneficiaries", "PARTNER_WORDS")
    if not words:
        return None
    alternation = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(
        rf"(?<![\d.,])(?P<n>\d{{1,3}})\s+(?:{LETTER}+\s+){{0,2}}?(?:{alternation})(?!{LETTER})", re.IGNORECASE
    )


def partner_count(masked: str, langs: tuple[str, ...]) -> int | None:
    """'12 partners from 5 countries', '9 partenaires', '6 Participants partenaires': the first."""
    regex = _partner_regex(langs)
    if regex is None:
        return None
    m = regex.search(masked)
    return int(m.group("n")) if m and int(m.group("n")) > 0 else None


@cache
def _item_patterns(langs: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    def alternation(name: str) -> str:
        return "|".join(re.escape(w) for w in sorted(set(merged(langs, "beneficiaries", name)), key=len, reverse=True))

    articles, words = alternation("ARTICLES"), alternation("LIST_WORDS")
    article = re.compile(rf"^(?:(?:{articles})(?:\s+|(?<=['’])))+", re.IGNORECASE)
    splitter = re.compile(rf",\s+|\s+(?:{words})\s+(?=[^,]*$)", re.IGNORECASE)
    return article, splitter


def _split_item(item: str, langs: tuple[str, ...]) -> list[str]:
    """'Les entreprises, fondations et associations' -> three items without their article."""
    article, splitter = _item_patterns(langs)
    parts = splitter.split(item) if "," in item else [item]
    return [article.sub("", p).strip() for p in parts if article.sub("", p).strip()]


def eligible_beneficiaries(text: str, langs: tuple[str, ...]) -> list[str]:
    """The bullet items under a heading such as 'Qui sont les bénéficiaires :'."""
    regex = cue_regex(tuple(merged(langs, "beneficiaries", "HEADINGS")))
    if regex is None:
        return []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if len(line) > 80 or regex.search(line) is None:
            continue
        items: list[str] = []
        for following in lines[i + 1:]:
            m = _BULLET.match(following)
            if m:
                item = m.group("item").split(". ")[0].rstrip(" ;,.")  # the item, not its comments
                items.extend(_split_item(item, langs))
            elif following.strip() and items:
                break
            if len(items) >= _MAX_BENEFICIARIES:
                break
        if items:
            return items
    return []
