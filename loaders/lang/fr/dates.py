"""French date words. Cue strings match case-insensitively at a word start; a leading '-' lets
them match inside a compound too."""

MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2,
    "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8,
    "aout": 8, "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}
DAY_SUFFIXES = ("er",)
RANGE_CONNECTORS = ("au", "à", "jusqu'au", "jusqu’au", "jusqu'à", "jusqu’à", "jusqu'en", "jusqu’en")
RANGE_PAIRS = (("entre le", "et le"), ("entre", "et"), ("du", "au"), ("de", "à"))
YEAR_PREPOSITIONS = ("en", "depuis", "dès", "d'ici", "d’ici", "jusqu'en", "jusqu’en", "avant", "après",
                     "à partir de", "fin", "début")

PERIOD_CUES = ("durée", "période", "calendrier", "dates du projet", "mise en œuvre",
               "projet", "se déroule", "s'étend", "s’étend")
START_CUES = ("date du début", "date de début", "début", "démarr", "à partir du", "ouverture", "lancement")
END_CUES = ("date de fin", "fin", "clôture", "jusqu'au", "jusqu’au", "achèvement", "jusqu'à", "jusqu’à", "fermeture",
            "ferme le")
DEADLINE_CUES = ("date limite", "limite", "échéance", "au plus tard", "dépôt", "clôture des candidatures", "avant le")
SUBMISSION_CUES = ("réponses", "candidatures", "dossiers", "dépôt", "appel")
PUBLICATION_CUES = ("publié", "publiée", "publication", "mis à jour", "mise à jour", "actualité")
CREATION_CUES = ("créé", "créée", "fondé", "fondée", "née", "né ", "mis en place", "constitué")
ADOPTION_CUES = ("adopté", "approuvé", "voté", "acté", "signé")
MEETING_CUES = ("réunion", "rencontre", "conférence", "séminaire", "atelier", "webinaire", "journée")
INAUGURATION_CUES = ("inaugur",)
TARGET_CUES = ("d'ici", "d’ici", "objectif", "horizon")
PROGRAMME_PERIOD_CUES = ("période de programmation", "programmation", "politique de cohésion",
                         "cadre financier pluriannuel")
# a year range right after these is a programme's period ('the 2021-2027 funding period')
LABEL_ARTICLES = ("des",)
# may follow a range connector ('du 1er mars au 30 juin', 'entre le ... et le ...')
RANGE_ARTICLES = ("le", "la")
DAY_MONTH_LINKS = ("de",)  # rare: "le 5 de mars"
