"""English evidence for what a document is about (its main entity type).

Cues match whole words, case-insensitively; a cue ending in '*' also matches longer words
('partner*' -> 'partners'), one starting with '*' also matches the end of a compound."""

# main entity type -> cue phrases; the headline and the opening weigh more than the body
GENRE_CUES = {
    "Call": (
        "call for proposals", "call for projects", "call for applications", "call for expressions of interest",
        "open call", "call", "calls", "deadline", "apply", "applicants", "applications", "eligible",
        "eligibility", "submission", "submit", "expression of interest", "how to apply", "funding opportunity",
        "application form", "applying",
    ),
    "Project": (
        "project", "the project", "this project", "lead partner", "project partners", "project duration",
        "project goal", "project budget", "project aims", "project objectives", "work package*",
    ),
    "Programme": (
        "programme", "program", "funding programme", "operational programme", "work programme",
        "approved projects", "funded projects", "projects approved", "monitoring committee", "priority axis",
        "programme area", "annual report", "cooperation programme", "programme period", "priorities",
    ),
    "Organisation": (
        "about us", "our organisation", "our organization", "who we are", "our mission", "our team",
        "we are", "our office", "our staff", "our members", "contact us", "office", "agency", "our region",
    ),
    "Cluster": ("cluster", "clusters", "cluster organisation", "cluster organization", "cluster members"),
    "Partnership": (
        "partner search", "looking for partners", "partner selection", "partnership", "network",
        "join an existing project", "partner cities", "project ideas", "memorandum of understanding",
        "co-founder", "cooperation agreement", "partners wanted", "alliance",
    ),
    "Platform": ("platform", "platforms", "one-stop shop", "online platform"),
}
# '<name> is a/an <...> <head>': the head noun says what the name is
DEFINITION_LINKS = ("is a", "is an", "is the", "are a", "is one of the")
DEFINITION_HEADS = {
    "programme": "Programme", "program": "Programme", "instrument": "Programme", "fund": "Programme",
    "project": "Project", "initiative": "Project", "study": "Project",
    "call": "Call", "scheme": "Call",
    "organisation": "Organisation", "organization": "Organisation", "office": "Organisation",
    "agency": "Organisation", "association": "Organisation", "authority": "Organisation", "body": "Organisation",
    "company": "Organisation", "commission": "Organisation", "university": "Organisation",
    "cluster": "Cluster",
    "network": "Partnership", "partnership": "Partnership", "alliance": "Partnership",
    "co-founder": "Partnership", "consortium": "Partnership",
    "platform": "Platform", "hub": "Platform",
}
# field labels that open each item of a list of projects ('Lead partner: ...'): a page that
# repeats them lists a programme's projects
ITEM_LABELS = ("lead partner", "project partners", "partners", "duration", "budget", "project code", "code")
