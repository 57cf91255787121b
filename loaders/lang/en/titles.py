"""English page furniture (never a title) and cues for what a document is about."""

# a first line that starts with one of these is navigation, not a title
FURNITURE = (
    "you are here",
    "search",
    "home",
    "menu",
    "back to",
    "skip to",
    "share",
    "print",
    "topics",
    "news",
    "read more",
    "cookies",
    "log in",
    "sign in",
    "breadcrumb",
)
# main entity type -> cue phrases (lower case); the title and the opening count more
MAIN_TYPE_CUES = {
    "Call": (
        "call for proposals",
        "call for projects",
        "open call",
        "deadline",
        "apply",
        "applications",
        "applicants",
        "submission",
        "eligible",
    ),
    "Project": ("project", "lead partner", "project partners", "project duration", "project goal", "budget"),
    "Partnership": (
        "partner search",
        "looking for partners",
        "partner selection",
        "partnership",
        "join an existing project",
        "take part in a project",
        "partner cities",
        "our areas of interest",
        "project ideas",
        "would like to",
        "lead partner will",
        "all partner",
    ),
    "Platform": ("platform",),
    "Cluster": ("cluster organisation", "cluster organization", "national cluster"),
    "Programme": ("funding programme", "operational programme", "work programme", "the programme is"),
    "Organisation": ("about us", "our organisation", "who we are"),
}
