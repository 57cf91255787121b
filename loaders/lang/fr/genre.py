"""French evidence for what a document is about (its main entity type).

Cues match whole words, case-insensitively; a cue ending in '*' also matches longer words, one
starting with '*' also matches the end of a compound."""

GENRE_CUES = {
    "Call": (
        "appel à projets", "appel à projet", "appels à projets", "appel à candidatures", "appel à propositions",
        "appel à manifestation d'intérêt", "appel à manifestation d’intérêt", "aap", "ami", "date limite",
        "candidature", "candidatures", "bénéficiaires", "éligible*", "dossier de candidature",
        "dossiers de candidature", "les réponses sont attendues", "dépôt", "déposer", "candidater",
    ),
    "Project": (
        "projet", "le projet", "ce projet", "fiche projet", "chef de file", "partenaires du projet",
        "durée du projet", "objectifs du projet", "portefeuille",
    ),
    "Programme": (
        "programme", "programme opérationnel", "programme de coopération", "programmation", "projets approuvés",
        "projets programmés", "projets retenus", "comité de suivi", "axe prioritaire", "rapport annuel",
        "descriptifs des projets", "le programme est",
    ),
    "Organisation": (
        "qui sommes-nous", "notre organisation", "notre mission", "notre équipe", "nous sommes",
        "notre bureau", "nos missions", "contactez-nous", "délégation", "agence", "bureau",
    ),
    "Cluster": ("pôle de compétitivité", "pôles de compétitivité", "cluster", "clusters", "organisation de cluster"),
    "Partnership": (
        "recherche de partenaires", "partenariat", "réseau", "recherche partenaires", "convention de partenariat",
        "cofondateur", "alliance",
    ),
    "Platform": ("plateforme", "plate-forme", "plateformes", "plates-formes", "guichet unique"),
}
DEFINITION_LINKS = ("est un", "est une", "est le", "est la", "est l'", "est l’", "sont des", "est l'un des",
                    "est l’un des")
DEFINITION_HEADS = {
    "programme": "Programme", "instrument": "Programme", "fonds": "Programme",
    "projet": "Project", "initiative": "Project", "étude": "Project",
    "appel": "Call", "dispositif": "Call",
    "organisation": "Organisation", "organisme": "Organisation", "bureau": "Organisation",
    "agence": "Organisation", "association": "Organisation", "délégation": "Organisation",
    "établissement": "Organisation", "entreprise": "Organisation", "collectivité": "Organisation",
    "pôle": "Cluster", "cluster": "Cluster",
    "réseau": "Partnership", "partenariat": "Partnership", "alliance": "Partnership", "consortium": "Partnership",
    "plateforme": "Platform", "plate-forme": "Platform",
}
ITEM_LABELS = ("chef de file", "partenaires", "durée", "budget", "code", "coût total")
