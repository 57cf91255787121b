"""Countries and regions of imported records, through the reference data: a publisher's country
code (ISO 3166-1, or the EU's own 'EL' and 'UK') and a NUTS code of any level, placed in the most
specific reference region whose NUTS code starts it ('FRD11' -> Normandie, FR-NOR)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from innograph.ontology.reference import countries, regions

# CORDIS writes these for organisations outside the reference countries' codes
_ALIASES = {"EL": "GR", "UK": "GB"}


@dataclass(frozen=True)
class Places:
    base_iri: str

    @cached_property
    def _countries(self) -> dict[str, str]:
        """Country code (ISO or NUTS form) -> the country's IRI."""
        found: dict[str, str] = {}
        for country in countries(self.base_iri):
            found[country.code] = country.iri
            found[country.nuts_code] = country.iri
        return found

    @cached_property
    def _regions(self) -> dict[str, str]:
        """NUTS code -> the reference region's IRI."""
        return {r.nuts_code: r.iri for r in regions(self.base_iri) if r.nuts_code}

    def country_code(self, raw: str) -> str | None:
        """The ISO 3166-1 code of a publisher's country code; None when empty or unknown."""
        code = raw.strip().upper()
        code = _ALIASES.get(code, code)
        return code if code in self._countries else None

    def country(self, raw: str) -> str | None:
        code = self.country_code(raw)
        return self._countries[code] if code else None

    def region(self, nuts_code: str) -> str | None:
        """The most specific reference region a NUTS code lies in (None when none is known)."""
        code = nuts_code.strip().upper()
        while len(code) > 2:
            if code in self._regions:
                return self._regions[code]
            code = code[:-1]
        return None
