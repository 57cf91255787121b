"""Danish page furniture (never a title) (what the page's own headline never is)."""

FURNITURE = (
    "om os",
    "tilbage til",
    "søg",
    "forside",
    "menu",
    "del med",
    "udskriv",
    "nyheder",
    "læs mere",
    "gå til indhold",
    "du er her",
)
SECTION_LABELS = (
    "kontakt", "kontaktpersoner", "kontaktperson", "relaterede artikler", "relateret", "dokumenter",
    "downloads", "indhold", "læs også",
)
FIELD_LABELS = (
    "land", "lande", "region", "program", "dato", "publiceret", "opdateret", "kategori", "tema", "emne",
    "emner", "sted", "kilde", "foto", "billede", "forfatter", "type", "status", "sektor",
)
