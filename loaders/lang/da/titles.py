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
