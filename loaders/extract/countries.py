"""Countries the text names or refers to: names, adjectives and demonyms ('Portugal', 'danske',
'dansk-tyske'), flag emoji and ISO codes in record headers ('DATABASE · Q42 · FI').

Not counted (FIELDS.md): a country inside another name ('NordDanmarks EU-Kontor', 'Energy Cluster
Denmark', 'Interreg Deutschland-Danmark', 'Noord-Nederland') or only implied by a region.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pycountry
from innograph.loaders.extract.facts import Mention, ValueFact
from innograph.loaders.lang import rules

EXTRACTOR = "values.country"
_FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")
_CODE_LINE = re.compile(r"^[^\n]*[·|•][^\n]*$", re.MULTILINE)
_IDENTIFIER = re.compile(r"[A-Z]{0,4}[-_ ]?\d[\w-]{2,}")
_MAX_HEADER_FIELDS = 6
_CODE = re.compile(r"(?:(?<=[·|•])|^)\s*([A-Z]{2})\s*(?=[·|•]|$)", re.MULTILINE)
_NAME_WORD = re.compile(r"[A-ZÀ-ÞÆØÅ][a-zà-ÿæøå]+(?:-[A-Za-zÀ-ÿ]+)*")
_NOT_CODES = {"EU", "UK", "EL"}
_WORD = re.compile(r"[^\W\d_]+")


def _is_letter(char: str) -> bool:
    return char.isalpha()



@dataclass
class _Lexicon:
    forms: dict[str, tuple[str, bool, bool]]  # lower form -> (code, must be capitalised, is a name)
    by_first_word: dict[str, tuple[str, ...]]  # first word -> its forms, longest first
    stop_words: frozenset[str]
    language_before: re.Pattern[str]  # 'en' in 'en français'
    language_after: re.Pattern[str]  # what may follow a language name: punctuation, 'and', the end
    of_name: re.Pattern[str]  # 'University of' before a country name
    state_titles: frozenset[str]

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, form) of every lexicon form in ``text``: a dictionary lookup per word,
        much faster than one regex alternation of a few thousand forms."""
        lower = text.lower()
        if len(lower) != len(text):  # 'İ' lowers to two characters: keep offsets aligned
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        resume = 0
        for m in _WORD.finditer(lower):
            if m.start() < resume:
                continue
            for form in self.by_first_word.get(m.group(), ()):
                end = m.start() + len(form)
                if lower.startswith(form, m.start()) and not (end < len(text) and _is_letter(text[end])):
                    yield m.start(), end, form
                    resume = end
                    break


@cache
def _lexicon(langs: tuple[str, ...]) -> _Lexicon:
    forms: dict[str, tuple[str, bool, bool]] = {}
    stops: set[str] = set()
    for lang in langs:
        mod = rules(lang, "countries")
        for name, code in mod.NAMES.items():
            forms.setdefault(name.lower(), (code, name[0].isupper(), True))
        for adjective, code in mod.ADJECTIVES.items():
            for ending in mod.ADJECTIVE_ENDINGS:
                forms.setdefault((adjective + ending).lower(), (code, adjective[0].isupper(), False))
    for lang in langs:  # genitives last: 'Nederlands' is the adjective before it is "Nederland's"
        mod = rules(lang, "countries")
        for name, code in mod.NAMES.items():
            for genitive in ("s", "'s", "’s"):
                forms.setdefault(name.lower() + genitive, (code, name[0].isupper(), True))
        stops.update(rules(lang, "stop_words").STOP_WORDS)
    by_first: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(_WORD.match(form).group(), []).append(form)  # type: ignore[union-attr]
    def words(name: str) -> str:
        found = {w for lang in langs for w in getattr(rules(lang, "countries"), name)}
        return "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True)) or "(?!)"

    return _Lexicon(
        forms,
        {k: tuple(v) for k, v in by_first.items()},
        frozenset(stops),
        re.compile(rf"(?<![^\W\d_])(?:{words('LANGUAGE_PREPOSITIONS')})\s+$", re.IGNORECASE),
        re.compile(rf"\s*(?:$|[^\w\s]|(?:{words('LIST_JOINERS')})\b)", re.IGNORECASE),
        re.compile(rf"([A-ZÀ-ÞÆØÅ][a-zà-ÿæøå-]+)[ \t]+(?:{words('NAME_LINKS')})[ \t]+(?:[a-zà-ÿ]{1,3}[ \t]+)?$"),
        frozenset(w for lang in langs for w in rules(lang, "countries").STATE_TITLES),
    )


def _inside_name(text: str, start: int, end: int, lex: _Lexicon, is_name: bool) -> bool:
    """True when the country word is part of a longer proper name (an organisation, programme
    or region): a capitalised word right before it (not a sentence start, not a function word)
    or, for names and capitalised adjectives, right after it."""
    before = text[max(0, start - 40):start]
    m = re.search(r"([^\s]+)[ \t]+$", before)
    if m is not None:
        word = m.group(1)
        rest = before[:m.start()].rstrip(" \t")
        sentence_start = rest == "" or rest.endswith(("\n", ".", "!", "?", ":", "•", "·"))
        if (_NAME_WORD.fullmatch(word) and word.lower() not in lex.stop_words and not sentence_start
                and not re.search(r"[.,;:!?)\]]$", word)):
            return True
    # 'University of Latvia', 'Banque de France': a name 'of' the country, unless the name is the
    # country's own title ('Republic of Croatia', 'Kingdom of Denmark')
    m = lex.of_name.search(before) if is_name else None
    if m is not None:
        word = m.group(1).lower()
        if word not in lex.state_titles and word not in lex.stop_words and word not in lex.forms:
            return True
    after = text[end:end + 40]
    if (is_name or text[start].isupper()) and re.match(r"[ \t]+[A-ZÀ-ÞÆØÅ][a-zà-ÿæøå]{2,}", after):
        nxt = re.match(r"[ \t]+(\w+)", after)
        if nxt and nxt.group(1).lower() not in lex.stop_words and nxt.group(1).lower() not in lex.forms:
            return True
    return False


def _compound_span(text: str, start: int, end: int, lex: _Lexicon) -> tuple[int, int] | None:
    """A hyphenated compound counts only when every part is a country word ('Duits-Nederlands',
    'dansk-svenske'); 'Noord-Nederland', 'Nederlands-Brabant', 'Île-de-France' do not."""
    if not (text[start - 1:start] == "-" or text[end:end + 1] == "-"):
        return start, end
    s = start
    while s > 0 and (text[s - 1].isalpha() or text[s - 1] == "-"):
        s -= 1
    e = end
    while e < len(text) and (text[e].isalpha() or text[e] == "-"):
        e += 1
    parts = text[s:e].split("-")
    if all(p.lower() in lex.forms for p in parts if p):
        return s, e
    return None


def extract_countries(text: str, masked: str, langs: tuple[str, ...]) -> list[ValueFact]:
    lex = _lexicon(langs)
    out: list[ValueFact] = []
    seen: set[str] = set()

    def add(code: str, start: int, end: int, confidence: float) -> None:
        if code in seen:
            return
        seen.add(code)
        out.append(ValueFact(code, Mention(start, end, text[start:end], EXTRACTOR, confidence)))

    for start, end, form in lex.finditer(masked):
        code, capitalised, is_name = lex.forms[form]
        if capitalised and not masked[start].isupper():
            continue
        if not is_name and lex.language_before.search(masked[max(0, start - 8):start]) and \
                lex.language_after.match(masked[end:end + 12]):
            continue  # 'en français', 'på dansk', 'in het Nederlands': a language, not a country
        span = _compound_span(masked, start, end, lex)
        if span is None or _inside_name(masked, span[0], span[1], lex, is_name):
            continue
        add(code, start, end, 0.8 if is_name else 0.7)
    for m in _FLAG.finditer(masked):
        code = "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in m.group())
        if code not in _NOT_CODES and pycountry.countries.get(alpha_2=code) is not None:
            add(code, m.start(), m.end(), 0.9)
    for line in _CODE_LINE.finditer(masked):
        fields = re.split(r"[·|•]", line.group())
        if len(fields) > _MAX_HEADER_FIELDS or not any(_IDENTIFIER.fullmatch(f.strip()) for f in fields):
            continue  # a record header carries an identifier; a line of tags ('Digital · IT · AI') does not
        for m in _CODE.finditer(line.group()):
            code = m.group(1)
            if code not in _NOT_CODES and pycountry.countries.get(alpha_2=code) is not None:
                start = line.start() + m.start(1)
                add(code, start, start + 2, 0.6)
    return out
