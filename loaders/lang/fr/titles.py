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
    "vignette",
)
SECTION_LABELS = (
    "contact", "contacts", "contactez-nous", "à lire aussi", "articles liés", "partager", "documents",
    "téléchargements", "sommaire", "transcription", "en savoir plus", "voir aussi",
)
FIELD_LABELS = (
    "pays", "région", "régions", "programme", "date", "publié le", "publié", "mis à jour", "catégorie",
    "catégories", "thématique", "thématiques", "thème", "thèmes", "lieu", "source", "photo", "crédit", "auteur",
    "type", "statut", "secteur", "mots-clés",
)
