"""Dutch page furniture (never a title) (what the page's own headline never is)."""

FURNITURE = (
    "over ons",
    "u bent hier",
    "zoeken",
    "home",
    "menu",
    "terug naar",
    "delen",
    "printen",
    "nieuws",
    "lees meer",
    "naar de inhoud",
)
