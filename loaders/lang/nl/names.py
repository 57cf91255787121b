"""Dutch cues that stand right before a person's name: titles and by-lines."""

PERSON_TITLES = ("prof.", "professor", "dr.", "eurocommissaris", "commissaris", "mevrouw", "meneer", "dhr.", "mevr.")
BYLINE_CUES = ("geschreven door", "ingediend door", "gepubliceerd door", "interview met")

DOMAIN_ROLES = ("minister", "eurocommissaris", "commissaris", "staatssecretaris", "gedeputeerde", "schepen",
                "wethouder", "burgemeester", "gouverneur")

# nouns of an action or event that open a phrase, not a name ('Development of X Network', 'Call for X'):
# the name, if any, is what follows their preposition
ACTION_NOUNS = ("oproep", "openstelling", "ontwikkeling", "oprichting", "lancering", "financiering", "evaluatie")
