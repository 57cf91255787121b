"""French page furniture (never a title) and cues for what a document is about."""

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
MAIN_TYPE_CUES = {
    "Call": (
        "appel à projets",
        "appels à projets",
        "appel à candidatures",
        "aap",
        "date limite",
        "candidature",
        "bénéficiaires",
        "dossiers de candidature",
        "les réponses sont attendues",
        "dépôt",
    ),
    "Project": ("projet", "fiche projet", "chef de file", "partenaires", "durée", "portefeuille"),
    "Partnership": ("recherche de partenaires", "partenariat"),
    "Platform": ("plateforme",),
    "Cluster": ("pôle de compétitivité", "organisation de cluster"),
    "Programme": ("programme opérationnel", "le programme est"),
    "Organisation": ("qui sommes-nous", "notre organisation", "notre mission", "notre équipe", "nous sommes"),
}
