"""Dutch cues that stand right before a person's name: titles and by-lines."""

PERSON_TITLES = ("prof.", "professor", "dr.", "eurocommissaris", "commissaris", "mevrouw", "meneer", "dhr.", "mevr.")
BYLINE_CUES = ("geschreven door", "ingediend door", "gepubliceerd door", "interview met")

DOMAIN_ROLES = ("minister", "eurocommissaris", "commissaris", "staatssecretaris", "gedeputeerde", "schepen",
                "wethouder", "burgemeester", "gouverneur")
