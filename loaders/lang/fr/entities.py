"""French words that name kinds of things (projects, programmes, areas...) and French exonyms."""

REGION_NAMES = {
    "Flandre": "BE-VLG",
    "Flandres": "BE-VLG",
    "Wallonie": "BE-WAL",
    "Région wallonne": "BE-WAL",
    "Bruxelles": "BE-BRU",
    "Flandre-Occidentale": "BE-VWV",
    "Flandre-Orientale": "BE-VOV",
    "Limbourg": "BE-VLI",
    "Hainaut": "BE-WHT",
    "Sicile": "IT-82",
    "Sardaigne": "IT-88",
    "Toscane": "IT-52",
    "Lombardie": "IT-25",
    "Bavière": "DE-BY",
    "Rhénanie-du-Nord-Westphalie": "DE-NW",
    "Sarre": "DE-SL",
    "Catalogne": "ES-CT",
    "Andalousie": "ES-AN",
    "Pays basque": "ES-PV",
    "Galice": "ES-GA",
    "Crète": "GR-M",
    "Provence-Alpes-Côte d'Azur": "FR-PAC",
    "Région Sud": "FR-PAC",
    "Grand Est": "FR-GES",
    "Centre-Val de Loire": "FR-CVL",
    "Pays de la Loire": "FR-PDL",
}
AREA_HEADS = ("espace", "zone", "région")
DIRECTION_PREFIXES = ("nord", "sud", "est", "ouest")
# prepositions: a name after "project ... by/with" is not the project's name
PREPOSITIONS = ("par", "pour", "de", "du", "des", "à", "avec", "sur", "dans", "en", "aux", "au")
PROJECT_WORDS = ("projet", "projets")
# nouns of an aim: "X's overall objective is" names X as a project or initiative
PURPOSE_WORDS = ("objectif", "objectifs", "ambition", "finalité")
PROGRAMME_WORDS = ("programme", "programmes", "dispositif", "instrument")
# capitalised words that end a funding programme's or fund's name ('ESI Funds', 'Regional Innovation Scheme')
PROGRAMME_HEADS = ("Fonds", "Programme")
PLATFORM_WORDS = ("plateforme", "plate-forme")
PARTNERSHIP_WORDS = ("partenariat",)
CLUSTER_WORDS = ("cluster", "clusters", "pôle", "pôles")
DESK_WORDS = ("guichet", "desk")
NAME_LIST_CUES = ("intitulés", "intitulé", "nommés", "baptisé", "baptisés", "appelé", "appelés")
COPULAS = ("est", "était", "est un", "est une")
LIST_AND = ("et", "ainsi que")
PROGRAMMES = {
    "FEDER": "erdf",
    "Fonds européen de développement régional": "erdf",
    "FSE": "esf",
    "FSE+": "esf",
    "Fonds social européen": "esf",
    "Fonds de cohésion": "cohesion-fund",
    "Fonds pour une transition juste": "just-transition-fund",
    "Horizon Europe": "horizon-europe",
    "Horizon 2020": "horizon-2020",
    "FEADER": "eafrd",
    "Espace Atlantique": "interreg-atlantic-area",
}
PROGRAMME_AREAS = ("Espace Atlantique", "Europe du Nord-Ouest", "Espace alpin", "Europe du Sud-Ouest", "Méditerranée")
