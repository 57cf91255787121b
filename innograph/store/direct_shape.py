"""The SPARQL tokenizer, and the few query shapes cheap enough to answer without a worker.

The tokenizer (also the server's, see ``innograph/server/sparql_guard.py``) mirrors the SPARQL
grammar's terminals where it matters: strings (short and long, with escapes), IRIs (``IRIREF``
exactly, so ``?a<?b`` is not an IRI), comments, prefixed names with ``\\#`` escapes (so ``ex:a\\#``
does not start a comment), variables, language tags and numbers (``3.SERVICE`` is ``3`` ``.``
``SERVICE``). Keywords are only recognised as bare words, never inside strings, IRIs, comments or
names. Oxigraph does not apply ``\\uXXXX`` escapes outside strings and IRIs (checked), so neither
does this scanner.

:func:`is_cheap` accepts a query only when its *shape* bounds the work between two chunks of
output: ``ASK`` or ``SELECT`` (variables or ``*``, optional ``LIMIT``) over an empty group or one
triple pattern whose variables are all different, after ``PREFIX``/``BASE`` declarations. Every
row the store scans is then a row of the answer, so a caller that checks its budget at each
chunk the serializer writes never waits long for the next check. Anything else (``FROM``,
``GRAPH``, ``FILTER``, ``OPTIONAL``, ``VALUES``, paths, modifiers, aggregates, subqueries, blank
nodes in the pattern, a repeated variable, a token it does not know) is not cheap: the worker pool
answers it. The recogniser decides cost only; the answer is the store's, by the same evaluation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_PN_LOCAL_CHAR = rf"(?:[\w:\-\u00B7]|{_PLX})"
_MAX_CHEAP_TEXT = 4096  # longer texts are not point lookups: not cached, not tested for shape
_TOKEN = re.compile(
    rf"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''
              | \"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
              | '(?:[^'\\\n\r]|\\.)*'
              | "(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{{}}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7]+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>(?:[^\W\d][\w\-.\u00B7]*)?:(?:{_PN_LOCAL_CHAR}(?:\.(?=[\w:\-\u00B7%\\])|{_PN_LOCAL_CHAR})*)?)
  | (?P<bnode>_:[\w\-.]*)
  | (?P<number>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)
  | (?P<word>[^\W\d]\w*)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)


class Token(NamedTuple):  # a tuple: ~3x cheaper to make than a frozen dataclass
    kind: str
    text: str
    start: int


_SKIPPED = frozenset({"ws", "comment"})


def tokens(text: str) -> tuple[Token, ...]:
    """Every token except whitespace and comments. The server's checks and the store's shape
    test read the same text within one request, so the last few texts' tokens are kept."""
    return _tokens_cached(text) if len(text) <= _MAX_CHEAP_TEXT else _scan(text)


_new_tuple = tuple.__new__  # makes a Token without the Python frame of NamedTuple.__new__ (~40% of a scan)


def _scan(text: str) -> tuple[Token, ...]:
    # The last alternative of _TOKEN matches any character, so finditer covers the whole text
    # (lastgroup is never None).
    return tuple([_new_tuple(Token, (m.lastgroup, m.group(), m.start()))
                  for m in _TOKEN.finditer(text) if m.lastgroup not in _SKIPPED])


@lru_cache(maxsize=64)
def _tokens_cached(text: str) -> tuple[Token, ...]:
    return _scan(text)


class _NotCheap(Exception):
    pass


def is_cheap(query: str) -> bool:
    """True when the query has one of the shapes described above (decided from tokens only)."""
    return cheap_form(query) is not None


def cheap_form(query: str) -> str | None:
    """``ASK`` or ``SELECT`` when the query has one of the shapes described above, else None.
    The server's guard and the store ask about the same text within one request: cached."""
    return _cheap_form_cached(query) if len(query) <= _MAX_CHEAP_TEXT else None


@lru_cache(maxsize=64)
def _cheap_form_cached(query: str) -> str | None:
    try:
        return _Shape(tokens(query)).query()
    except _NotCheap:
        return None


_TERM_KINDS = {"iri", "pname", "var"}
_OBJECT_KINDS = _TERM_KINDS | {"string", "number"}


class _Shape:
    """A strict recursive-descent reader of the accepted shapes; any surprise raises _NotCheap."""

    def __init__(self, toks: Sequence[Token]) -> None:
        self.toks = toks
        self.pos = 0

    def query(self) -> str:
        """The query form; raises _NotCheap unless the whole text is one of the shapes."""
        self._prologue()
        if self._word_is("ASK"):
            form = "ASK"
            self._next()
            self._optional_word("WHERE")
            self._group()
        elif self._word_is("SELECT"):
            form = "SELECT"
            self._next()
            self._projection()
            self._optional_word("WHERE")
            self._group()
            if self._optional_word("LIMIT"):
                self._expect_kind("number")
        else:
            raise _NotCheap
        if self.pos != len(self.toks):
            raise _NotCheap
        return form

    def _prologue(self) -> None:
        while True:
            if self._optional_word("BASE"):
                self._expect_kind("iri")
            elif self._optional_word("PREFIX"):
                if not self._expect_kind("pname").text.endswith(":"):
                    raise _NotCheap
                self._expect_kind("iri")
            else:
                return

    def _projection(self) -> None:
        if self._optional_punct("*"):
            return
        self._expect_kind("var")
        while self._peek().kind == "var":
            self._next()

    def _group(self) -> None:
        self._expect_punct("{")
        if self._optional_punct("}"):
            return
        subject = self._expect_kind("iri", "pname", "var")
        predicate = self._next()
        if predicate.kind == "word" and predicate.text == "a":
            pass
        elif predicate.kind not in _TERM_KINDS or predicate.text.startswith("_:"):
            raise _NotCheap
        obj = self._object()
        self._optional_punct(".")
        self._expect_punct("}")
        names = [t.text[1:] for t in (subject, predicate, obj) if t.kind == "var"]
        if len(set(names)) != len(names):  # ?x ?p ?x scans rows it does not return
            raise _NotCheap

    def _object(self) -> Token:
        obj = self._next()
        if obj.kind == "word" and obj.text in ("true", "false"):
            return obj
        if obj.kind not in _OBJECT_KINDS or obj.text.startswith("_:"):
            raise _NotCheap
        if obj.kind == "string":
            if self._peek().kind == "lang":
                self._next()
            elif self._optional_punct("^"):
                self._expect_punct("^")
                self._expect_kind("iri", "pname")
        return obj

    # -- token helpers ---------------------------------------------------------------------------

    def _peek(self) -> Token:
        return self.toks[self.pos] if self.pos < len(self.toks) else Token("end", "", -1)

    def _next(self) -> Token:
        tok = self._peek()
        if tok.kind == "end":
            raise _NotCheap
        self.pos += 1
        return tok

    def _word_is(self, keyword: str) -> bool:
        tok = self._peek()
        return tok.kind == "word" and tok.text.upper() == keyword

    def _optional_word(self, keyword: str) -> bool:
        if self._word_is(keyword):
            self.pos += 1
            return True
        return False

    def _optional_punct(self, text: str) -> bool:
        tok = self._peek()
        if tok.kind == "punct" and tok.text == text:
            self.pos += 1
            return True
        return False

    def _expect_punct(self, text: str) -> None:
        if not self._optional_punct(text):
            raise _NotCheap

    def _expect_kind(self, *kinds: str) -> Token:
        tok = self._next()
        if tok.kind not in kinds or tok.text.startswith("_:"):  # the scanner reads _:b as a pname
            raise _NotCheap
        return tok
