"""French cues that stand right before a person's name: titles and by-lines."""

PERSON_TITLES = ("prof.", "professeur", "professeure", "dr.", "docteur", "commissaire", "m.", "mme", "madame",
                 "monsieur")
BYLINE_CUES = ("publié par", "rédigé par", "écrit par", "entretien avec", "propos recueillis par")

DOMAIN_ROLES = ("ministre", "commissaire", "secrétaire d'état", "maire", "gouverneur", "préfet")

# nouns of an action or event that open a phrase, not a name ('Development of X Network', 'Call for X'):
# the name, if any, is what follows their preposition
ACTION_NOUNS = ("appel", "appels", "lancement", "création", "développement", "mise", "financement", "évaluation",
                "annonce")
