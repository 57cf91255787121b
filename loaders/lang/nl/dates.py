"""Dutch date words. Cue strings match case-insensitively at a word start; a leading '-' lets
them match inside a compound too."""

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
DAY_SUFFIXES = ("e", "ste", "de")
RANGE_CONNECTORS = ("tot", "t/m", "tot en met", "tot met")
RANGE_PAIRS = (("tussen", "en"), ("van", "tot"), ("van", "t/m"), ("vanaf", "tot"))
YEAR_PREPOSITIONS = ("in", "sinds", "vanaf", "tot", "voor", "na", "uiterlijk", "eind", "begin")

PERIOD_CUES = ("looptijd", "periode", "-periode", "duur", "projectduur", "doorlooptijd",
               "project", "-project", "loopt", "liep")
START_CUES = ("start", "-start", "begin", "vanaf", "aanvang", "opening", "opent")
END_CUES = ("einddatum", "eind", "einde", "afloop", "sluit", "loopt tot", "tot en met", "tot", "sluiting")
DEADLINE_CUES = ("deadline", "uiterlijk", "-termijn", "sluitingsdatum", "indienen voor")
SUBMISSION_CUES = ("aanvraag", "-aanvraag", "aangevraagd", "indienen", "ingediend", "aanvragen")
PUBLICATION_CUES = ("gepubliceerd", "publicatiedatum", "nieuws", "geplaatst", "bijgewerkt")
CREATION_CUES = ("opgericht", "gesticht", "opgezet", "ontstaan")
ADOPTION_CUES = ("vastgesteld", "goedgekeurd", "aangenomen", "ondertekend")
MEETING_CUES = ("bijeenkomst", "vergadering", "conferentie", "seminar", "workshop", "webinar")
INAUGURATION_CUES = ("ingehuldigd", "geopend", "officieel van start")
TARGET_CUES = ("doel", "-doel", "streven")
PROGRAMME_PERIOD_CUES = ("programmaperiode", "-programmaperiode", "programmeringsperiode", "cohesiebeleid")
# a year range right after these is a programme's period ('the 2021-2027 funding period')
LABEL_ARTICLES = ("het",)
# may follow a range connector ('du 1er mars au 30 juin', 'entre le ... et le ...')
RANGE_ARTICLES = ("de",)
DAY_MONTH_LINKS = ()
