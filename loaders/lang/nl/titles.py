"""Dutch page furniture (never a title) and cues for what a document is about."""

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
MAIN_TYPE_CUES = {
    "Call": (
        "subsidiecall",
        "oproep",
        "subsidieaanvraag",
        "aanvragen",
        "indienen",
        "in aanmerking",
        "aanvraag",
        "deadline",
    ),
    "Project": ("project", "projecten", "hoofdpartner", "projectpartners", "looptijd"),
    "Partnership": ("partnerschap", "partners gezocht"),
    "Platform": ("platform", "innovatieplatform"),
    "Cluster": ("clusterorganisatie",),
    "Programme": ("operationeel programma", "het programma is"),
    "Organisation": ("over ons", "onze missie", "ons team", "wij zijn een"),
}
