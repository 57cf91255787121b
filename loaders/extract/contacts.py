"""E-mails, phone numbers (E.164 through ``phonenumbers``) and URLs written in a text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import phonenumbers
from innograph.loaders.extract.cues import LETTER, Occupied, merged
from innograph.loaders.extract.facts import Mention, ValueFact

_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\w-])")
_TLDS = (
    "eu|dk|fr|nl|be|de|lu|se|no|fi|is|at|ch|it|es|pt|ie|uk|pl|cz|sk|si|hr|hu|ro|bg|gr|cy|mt|ee|lv|lt|"
    "com|org|net|int|info|edu|gov|io|app|dev|hr|eus|cat|bzh|paris|brussels|vlaanderen|amsterdam"
)
_URL_CHARS = r"[^\s<>\"'«»\[\]{}|\\^`]"
_URL = re.compile(
    # a scheme starts a URL even when glued to the word before it ('websitehttp://...')
    rf"(?<![@./-])https?://{_URL_CHARS}+"
    rf"|(?<![\w@./-])(?:www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/{_URL_CHARS}*)?"
    rf"|[A-Za-z0-9][A-Za-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{_TLDS})(?![\w@-])(?:/{_URL_CHARS}*)?)"
)
_GLUED_WWW = re.compile(r"(?<=[^\W\d_])www\.")  # 'Websitewww.example.eu': the URL starts at 'www.'
_TRAILING = ".,;:!?)]}'\"’”»…"
_MIN_DIGITS = 8
_MAX_REGIONS = 4


def _strip_trailing(raw: str) -> str:
    while raw and raw[-1] in _TRAILING:
        if raw[-1] == ")" and raw.count("(") >= raw.count(")"):
            break
        raw = raw[:-1]
    return raw


def find_emails(text: str) -> list[ValueFact]:
    out: list[ValueFact] = []
    seen: set[str] = set()
    for m in _EMAIL.finditer(text):
        value = m.group().rstrip(".")
        if value.lower() not in seen:
            seen.add(value.lower())
            out.append(ValueFact(value, Mention(m.start(), m.start() + len(value), value, "values.email", 0.95)))
    return out


def find_urls(text: str, own_url: str | None = None) -> list[ValueFact]:
    """URLs as written ('www.x.eu', 'https://...', 'portal.example.eu'), not the page's own."""
    own = _norm_url(own_url) if own_url else None
    out: list[ValueFact] = []
    seen: set[str] = set()
    for m in _URL.finditer(text):
        start = m.start()
        glued = _GLUED_WWW.search(m.group())
        if glued is not None and not m.group().lower().startswith("http"):
            start += glued.start()
        value = _strip_trailing(text[start:m.end()])
        if not value or "." not in value:
            continue
        key = _norm_url(value)
        if key == own or key in seen:
            continue
        seen.add(key)
        confidence = 0.95 if value.lower().startswith(("http", "www.")) else 0.7
        if confidence < 0.9 and "/" not in value and value.count(".") < 2:
            continue  # a bare 'name.tld' is as often a brand or a typo as an address; a path or a subdomain says URL
        out.append(ValueFact(value, Mention(start, start + len(value), value, "values.url", confidence)))
    return out


def _norm_url(url: str) -> str:
    url = url.strip().lower().rstrip("/")
    url = re.sub(r"^https?://", "", url)
    return url.removeprefix("www.")


@dataclass
class _PhoneCues:
    phone: re.Pattern[str]  # 'Tlf.', 'Tél. :' shortly before a national number
    not_phone: re.Pattern[str]  # 'CVR', 'SIRET': a registration number, not a phone


@cache
def _phone_cues(langs: tuple[str, ...]) -> _PhoneCues:
    def alternation(name: str) -> str:
        found = sorted(set(merged(langs, "contacts", name)), key=len, reverse=True)
        return "|".join(re.escape(w) for w in found) or "(?!)"

    return _PhoneCues(
        re.compile(rf"(?<!{LETTER})(?:{alternation('PHONE_CUES')})[^\n]{{0,25}}$|[☎📞📱]\W{{0,3}}$", re.IGNORECASE),
        re.compile(rf"(?<!{LETTER})(?:{alternation('NOT_PHONE_CUES')})\b[^\n]{{0,12}}$", re.IGNORECASE),
    )


def find_phones(
    text: str,
    region: str | None,
    blocked: list[tuple[int, int]],
    other_regions: tuple[str, ...] = (),
    langs: tuple[str, ...] = ("en",),
) -> list[ValueFact]:
    """Phone numbers in E.164. Numbers written without a country code are read with ``region``
    (the document's country), then with ``other_regions`` (countries the text names: a French page
    from Wallonia gives Belgian numbers); spans in ``blocked`` (dates, amounts) are skipped. A
    national number needs a phone cue before it, an e-mail nearby or a line of its own: bare digit
    groups in running text are more often references than phones."""
    out: list[ValueFact] = []
    seen: set[str] = set()
    cues = _phone_cues(langs)
    occupied = Occupied(len(text), blocked)
    regions: list[str | None] = [*dict.fromkeys(r for r in (region, *other_regions) if r)] or [None]
    for i, current in enumerate(regions[:_MAX_REGIONS]):
        for match in phonenumbers.PhoneNumberMatcher(text, current, leniency=phonenumbers.Leniency.VALID):
            start, end = match.start, match.end
            international = match.raw_string.lstrip().startswith(("+", "00"))
            if not occupied.free(start, end) or (i > 0 and international):
                continue
            if sum(c.isdigit() for c in match.raw_string) < _MIN_DIGITS:
                continue
            if not international and not _phone_context(text, start, end, cues):
                continue
            value = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            occupied.take(start, end)
            if value not in seen:
                seen.add(value)
                out.append(ValueFact(value, Mention(start, end, match.raw_string, "values.phone", 0.9)))
    return sorted(out, key=lambda v: v.mention.start)


def _phone_context(text: str, start: int, end: int, cues: _PhoneCues) -> bool:
    if cues.not_phone.search(text[max(0, start - 25):start]):
        return False
    if cues.phone.search(text[max(0, start - 40):start]):
        return True
    if "@" in text[max(0, start - 80):end + 80]:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    return not re.search(r"[^\W\d_]{3,}", line.replace(text[start:end], ""))
