"""French cues that stand right before a person's name: titles and by-lines."""

PERSON_TITLES = ("prof.", "professeur", "professeure", "dr.", "docteur", "commissaire", "m.", "mme", "madame",
                 "monsieur")
BYLINE_CUES = ("publié par", "rédigé par", "écrit par", "entretien avec", "propos recueillis par")

DOMAIN_ROLES = ("ministre", "commissaire", "secrétaire d'état", "maire", "gouverneur", "préfet")
