"""Dutch evidence for what a document is about (its main entity type).

Cues match whole words, case-insensitively; a cue ending in '*' also matches longer words, one
starting with '*' also matches the end of a compound ('*programma' in 'subsidieprogramma')."""

GENRE_CUES = {
    "Call": (
        "subsidiecall", "oproep", "subsidieaanvraag", "aanvragen", "aanvragen indienen", "indienen",
        "in aanmerking", "aanvraag", "deadline", "openstelling", "openstellingen", "opengesteld",
        "*openstelling", "tender", "tenderprocedure", "sluitingsdatum", "uiterlijk",
    ),
    "Project": (
        "project", "het project", "dit project", "hoofdpartner", "projectpartners", "looptijd",
        "projectduur", "projectdoel",
    ),
    "Programme": (
        "programma", "het programma", "*programma", "operationeel programma", "het programma is",
        "goedgekeurde projecten", "programmagebied", "toezichtcomité", "comité van toezicht", "prioriteiten",
        "jaarverslag", "programmaperiode", "programmaautoriteiten", "programma-autoriteiten",
    ),
    "Organisation": (
        "over ons", "onze missie", "ons team", "wij zijn", "we zijn", "contactpersonen", "ons kantoor",
        "openbaar lichaam", "*organisatie", "kantoor", "bestuur",
    ),
    "Cluster": ("clusterorganisatie", "cluster", "clusters", "*cluster", "*clusters", "speerpuntcluster*"),
    "Partnership": ("partnerschap", "partners gezocht", "samenwerkingsverband", "netwerk", "*netwerk",
                    "samenwerkingsovereenkomst", "alliantie"),
    "Platform": ("platform", "*platform", "innovatieplatform"),
}
DEFINITION_LINKS = ("is een", "is het", "is de", "zijn een", "is één van de", "is een van de")
DEFINITION_HEADS = {
    "programma": "Programme", "instrument": "Programme", "fonds": "Programme",
    "project": "Project", "initiatief": "Project", "studie": "Project",
    "oproep": "Call", "openstelling": "Call", "regeling": "Call",
    "organisatie": "Organisation", "kantoor": "Organisation", "vereniging": "Organisation",
    "lichaam": "Organisation", "agentschap": "Organisation", "bedrijf": "Organisation",
    "maatschappij": "Organisation", "provincie": "Organisation",
    "cluster": "Cluster", "speerpuntcluster": "Cluster",
    "netwerk": "Partnership", "samenwerkingsverband": "Partnership", "partnerschap": "Partnership",
    "platform": "Platform",
}
ITEM_LABELS = ("hoofdpartner", "leadpartner", "partners", "looptijd", "budget", "projectcode")
