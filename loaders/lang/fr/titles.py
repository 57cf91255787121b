"""French page furniture (never a title) (what the page's own headline never is)."""

FURNITURE = (
    "qui sommes-nous",
    "à propos",
    "vous êtes ici",
    "rechercher",
    "accueil",
    "menu",
    "retour",
    "partager",
    "imprimer",
    "actualités",
    "lire la suite",
    "aller au contenu",
    "fil d'ariane",
)
