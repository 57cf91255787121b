"""Danish cues that stand right before a person's name: titles and by-lines."""

PERSON_TITLES = ("prof.", "professor", "dr.", "kommissær", "eu-kommissær", "lektor")
BYLINE_CUES = ("skrevet af", "indsendt af", "udgivet af", "interview med")

DOMAIN_ROLES = ("minister", "kommissær", "eu-kommissær", "borgmester")

# nouns of an action or event that open a phrase, not a name ('Development of X Network', 'Call for X'):
# the name, if any, is what follows their preposition
ACTION_NOUNS = ("opslag", "udvikling", "etablering", "lancering", "oprettelse", "ansøgningsrunde", "evaluering")
