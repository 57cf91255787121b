"""Danish evidence for what a document is about (its main entity type).

Cues match whole words, case-insensitively; a cue ending in '*' also matches longer words, one
starting with '*' also matches the end of a compound ('*klynge' in 'fødevareklynge')."""

GENRE_CUES = {
    "Call": (
        "ansøgningsfrist", "ansøgningsrunde", "ansøgningsrunden", "ansøgninger", "ansøgere", "ansøgningen",
        "åbnet for", "åben for ansøgninger", "opslag", "kan søge", "søge om", "støtteberettigede", "frist",
        "indkaldelse", "*pulje", "*puljen", "ansøg",
    ),
    "Project": (
        "projekt", "projektet", "projektforløb", "projektbeskrivelse", "projektpartnere", "lead partner",
        "projektets", "projektperiode", "foranalyse", "forundersøgelse",
    ),
    "Programme": (
        "program", "programmet", "programmets", "*programmet", "operationelt program", "programmet er",
        "godkendte projekter", "bevilgede projekter", "overvågningsudvalg", "indsatsområder", "prioritetsakse",
        "programområde", "årsrapport", "støtteprogram*", "forskningsprogram*",
    ),
    "Organisation": (
        "om os", "vores mission", "vi er", "vores medarbejdere", "vores kontor", "kontakt os", "*kontor",
        "*kontoret", "*kontorer", "kontoret", "sekretariat*",
    ),
    "Cluster": ("klyngeorganisation", "national klynge", "*klynge", "*klyngen", "*klynger", "*klyngerne", "cluster"),
    "Partnership": ("partnersøgning", "søger partnere", "partnerskab", "partnerskabet", "netværk", "*netværk",
                    "samarbejdsaftale", "alliance"),
    "Platform": ("platform", "*platform", "platformen"),
}
DEFINITION_LINKS = ("er en", "er et", "er den", "er det", "er én af de", "er en af de", "er et af de")
DEFINITION_HEADS = {
    "program": "Programme", "programmet": "Programme", "instrument": "Programme", "fond": "Programme",
    "projekt": "Project", "initiativ": "Project", "foranalyse": "Project", "analyse": "Project",
    "pulje": "Call", "ansøgningsrunde": "Call",
    "organisation": "Organisation", "kontor": "Organisation", "forening": "Organisation",
    "myndighed": "Organisation", "virksomhed": "Organisation", "institution": "Organisation",
    "sekretariat": "Organisation",
    "klynge": "Cluster", "klyngeorganisation": "Cluster",
    "netværk": "Partnership", "partnerskab": "Partnership", "samarbejde": "Partnership",
    "platform": "Platform",
}
ITEM_LABELS = ("lead partner", "projektpartnere", "partnere", "varighed", "budget", "projektperiode")
