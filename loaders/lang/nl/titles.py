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
SECTION_LABELS = (
    "contact", "contactpersonen", "contactpersoon", "gerelateerd", "gerelateerde artikelen", "documenten",
    "downloads", "inhoud", "lees ook", "meer informatie",
)
FIELD_LABELS = (
    "land", "landen", "regio", "programma", "datum", "gepubliceerd", "gepubliceerd op", "bijgewerkt",
    "categorie", "thema", "thema's", "locatie", "bron", "foto", "beeld", "auteur", "type", "status", "sector",
    "trefwoorden",
)
