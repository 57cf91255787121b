"""Danish page furniture (never a title) and cues for what a document is about."""

FURNITURE = (
    "om os",
    "tilbage til",
    "søg",
    "forside",
    "menu",
    "del med",
    "udskriv",
    "nyheder",
    "læs mere",
    "gå til indhold",
    "du er her",
)
MAIN_TYPE_CUES = {
    "Call": (
        "ansøgningsfrist",
        "ansøgningsrunde",
        "ansøgninger",
        "ansøgere",
        "ansøgningen",
        "åbnet for",
        "opslag",
        "kan søge",
        "støtteberettigede",
    ),
    "Project": ("projekt", "projektet", "projektforløb", "partnere", "lead partner", "beløb"),
    "Partnership": ("partnersøgning", "søger partnere", "partnerskab"),
    "Platform": ("platform",),
    "Cluster": ("klyngeorganisation", "national klynge", "klyngen"),
    "Programme": ("programmet er", "operationelt program"),
    "Organisation": ("om os", "vores mission", "vi er en", "vores medarbejdere"),
}
