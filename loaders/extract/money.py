"""Amounts of money and percentages.

'11,3 mio. EUR' -> 11300000 EUR, '1,1 mia. kr.' -> 1100000000 DKK, '2 M€', '€ 500.000',
'EUR 3.5 million', '€ 1,635,670.00'; a bare '1 103 559,81' (grouped, two decimals, as in keep.eu
records) is money in the document's currency. Number formats, magnitude and currency words come
from ``loaders/lang/{xx}/numbers.py`` and ``money.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from innograph.loaders.extract.cues import LETTER, Occupied, TextIndex, cue_regex, grouped_cue_regex, merged
from innograph.loaders.extract.facts import AmountFact, Mention, PercentFact
from innograph.loaders.lang import rules

EXTRACTOR = "values.money"
# written the same in every language; MEUR / kEUR / MDKK carry their magnitude
_UNITS = {"meur": ("EUR", 10**6), "keur": ("EUR", 10**3), "mdkk": ("DKK", 10**6), "mkr": ("DKK", 10**6),
          "mio.kr": ("DKK", 10**6), "mnok": ("NOK", 10**6), "msek": ("SEK", 10**6)}
_SYMBOLS = {"€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "$": "USD", "usd": "USD", "dkk": "DKK",
            "sek": "SEK", "nok": "NOK", "chf": "CHF", "pln": "PLN", "isk": "ISK", "czk": "CZK", "huf": "HUF"}
_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f.,’']\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?"
_DEFAULT_CURRENCY = "EUR"
_MAX_AMOUNTS = 3000  # more amounts than this is a table dump: the rest are not read


@dataclass
class _Patterns:
    prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    bare: re.Pattern[str]
    percent: re.Pattern[str]
    currencies: dict[str, str]
    magnitudes: dict[str, int]
    decimal: str
    meaning_cue: re.Pattern[str] | None
    meanings: dict[str, str]
    cofinancing: re.Pattern[str] | None


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _patterns(langs: tuple[str, ...]) -> _Patterns:
    currencies = {k.lower(): v for k, v in merged(langs, "money", "CURRENCIES")}
    currencies.update(_SYMBOLS)
    currencies.update({unit: code for unit, (code, _) in _UNITS.items()})
    magnitudes = {k.lower(): v for k, v in merged(langs, "numbers", "MAGNITUDES")}
    cur_words = [w for w in currencies if w[0].isalpha()]
    cur_symbols = [w for w in currencies if not w[0].isalpha()]
    cur = rf"(?:(?<!{LETTER})(?:{_alternation(cur_words)})(?!{LETTER})\.?|{_alternation(cur_symbols)})"
    mag = rf"(?<!{LETTER})(?:{_alternation(list(magnitudes))})(?!{LETTER})\.?"
    flags = re.IGNORECASE
    num = rf"(?P<num>{_NUMBER})(?:,[-–])?"  # 'kr. 500.000,-'
    links = _alternation(list(merged(langs, "money", "MAGNITUDE_LINKS")))
    of = rf"(?:(?:{links or '(?!)'})\s?)?"  # '15 millions d'euros'
    prefix = re.compile(rf"(?P<cur>{cur})[ \u00a0]{{0,2}}{num}(?:[ \u00a0]?(?P<mag>{mag}))?", flags)
    suffix = re.compile(
        rf"(?<![\d.,]){num}[ \u00a0]{{0,2}}(?:(?P<mag>{mag})[ \u00a0]{{0,2}}{of})?(?P<cur>{cur})", flags
    )
    bare = re.compile(
        r"(?<![\d.,])(?P<num>\d{1,3}(?:[ \u00a0\u202f.]\d{3})+,\d{2}|\d{1,3}(?:,\d{3})+\.\d{2})(?![\d%]|\s?%)"
    )
    words = _alternation(list(merged(langs, "numbers", "PERCENT_WORDS")))
    percent = re.compile(rf"(?<![\d.,])(?P<num>\d{{1,3}}(?:[.,]\d+)?)\s?(?:%|(?:{words})(?!{LETTER}))", flags)
    categories = [item for lang in langs for item in rules(lang, "money").AMOUNT_MEANINGS]
    meaning_cue, meanings = grouped_cue_regex(categories)
    decimal = rules(langs[0], "numbers").DECIMAL_SEPARATOR
    cofinancing = cue_regex(tuple(merged(langs, "money", "COFINANCING_CUES")))
    return _Patterns(prefix, suffix, bare, percent, currencies, magnitudes, decimal, meaning_cue, meanings,
                     cofinancing)


def parse_number(
    raw: str, decimal_separator: str, with_magnitude: bool = False, money: bool = False
) -> Decimal | None:
    """'1 103 559,81' -> 1103559.81; '1,635,670.00' -> 1635670.00; '11,3' -> 11.3.

    A single '.' or ',' followed by three digits is a thousands separator unless a magnitude word
    follows ('1,250 million', '2.100 mio.') or, for a non-money number, it is the language's decimal
    separator. Money is never written with three decimals, so 'EUR 10.000' is ten thousand even
    on an English page."""
    s = re.sub(r"[\s\u00a0\u202f’']", "", raw)
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
    elif dots + commas == 0:
        dec = None
    else:
        sep = "." if dots else ","
        tail = s.rsplit(sep, 1)[1]
        if dots + commas > 1:
            dec = None
        elif len(tail) != 3 or with_magnitude or (sep == decimal_separator and not money):
            dec = sep
        else:
            dec = None
    if dec is None:
        s = s.replace(".", "").replace(",", "")
    else:
        other = "," if dec == "." else "."
        s = s.replace(other, "").replace(dec, ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _meaning(p: _Patterns, index: TextIndex, start: int) -> str:
    _, left = index.left_context(start, 80)
    sentence_start, _ = index.sentence_bounds(start)
    window = index.text[max(sentence_start, start - 80):start] if left.strip() == "" else left
    best: tuple[int, str] | None = None
    for m in p.meaning_cue.finditer(window) if p.meaning_cue is not None else ():
        distance = len(window) - m.end()
        if best is None or distance <= best[0]:
            best = (distance, p.meanings[m.lastgroup or ""])
    return best[1] if best else "amount"


def extract_amounts(text: str, masked: str, langs: tuple[str, ...]) -> list[AmountFact]:
    """Amounts with currency. A repeat of the same value and currency in another sentence is the
    same amount said again; two equal amounts in one sentence are two amounts."""
    p = _patterns(langs)
    index = TextIndex(masked)
    found: list[tuple[int, int, Decimal, str | None]] = []
    taken = Occupied(len(masked))

    for regex in (p.suffix, p.prefix):
        for m in regex.finditer(masked):
            if not taken.free(m.start(), m.end()):
                continue
            mag = (m.group("mag") or "").rstrip(".").lower()
            unit = m.group("cur").rstrip(".").lower()
            scale = p.magnitudes.get(mag, 1) * _UNITS.get(unit, ("", 1))[1]
            number = parse_number(m.group("num"), p.decimal, scale > 1, money=True)
            currency = p.currencies.get(unit)
            if number is None or currency is None:
                continue
            value = number * scale
            found.append((m.start(), m.end(), value, currency))
            taken.take(m.start(), m.end())
    for m in p.bare.finditer(masked):
        if taken.free(m.start(), m.end()):
            number = parse_number(m.group("num"), p.decimal, money=True)
            if number is not None:
                found.append((m.start(), m.end(), number, None))
                taken.take(m.start(), m.end())
    found = sorted(found)[:_MAX_AMOUNTS]
    written = Counter(c for *_, c in found if c)
    default = written.most_common(1)[0][0] if written else _DEFAULT_CURRENCY
    out: list[AmountFact] = []
    seen: dict[tuple[Decimal, str], int] = {}
    for start, end, value, currency in found:
        currency = currency or default
        key = (value.normalize(), currency)
        sentence = index.sentence_of(start)
        if key in seen and seen[key] != sentence:
            continue
        seen[key] = sentence
        mention = Mention(start, end, text[start:end], EXTRACTOR, 0.85 if currency else 0.6)
        out.append(AmountFact(value, currency, _meaning(p, index, start), mention))
    return out


def extract_percentages(text: str, masked: str, langs: tuple[str, ...]) -> list[PercentFact]:
    p = _patterns(langs)
    index = TextIndex(masked)
    out: list[PercentFact] = []
    seen: dict[Decimal, int] = {}
    for count, m in enumerate(p.percent.finditer(masked)):
        if count >= _MAX_AMOUNTS:
            break
        value = parse_number(m.group("num"), p.decimal, True)
        if value is None or value > 1000:
            continue
        sentence = index.sentence_of(m.start())
        key = value.normalize()
        if key in seen and seen[key] != sentence:
            continue
        seen[key] = sentence
        s, e = index.sentence_bounds(m.start())
        context = masked[max(s, m.start() - 120):min(e, m.end() + 60)]
        cofinancing = p.cofinancing is not None and p.cofinancing.search(context) is not None
        meaning = "co-financing rate" if cofinancing else "share"
        out.append(PercentFact(value, meaning, Mention(m.start(), m.end(), text[m.start():m.end()], EXTRACTOR, 0.85)))
    return out
