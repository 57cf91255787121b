"""Danish cues that stand right before a person's name: titles and by-lines."""

PERSON_TITLES = ("prof.", "professor", "dr.", "kommissær", "eu-kommissær", "lektor")
BYLINE_CUES = ("skrevet af", "indsendt af", "udgivet af", "interview med")

DOMAIN_ROLES = ("minister", "kommissær", "eu-kommissær", "borgmester")
