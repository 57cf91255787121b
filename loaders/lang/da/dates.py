"""Danish date words. Cue strings match case-insensitively at a word start; a leading '-' lets
them match inside a compound too."""

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
DAY_SUFFIXES = (".",)
RANGE_CONNECTORS = ("til", "indtil", "frem til")
RANGE_PAIRS = (("mellem", "og"), ("fra", "til"), ("fra den", "til den"))
YEAR_PREPOSITIONS = ("i", "siden", "fra", "inden", "før", "efter", "frem til", "indtil", "til", "udgangen af")

PERIOD_CUES = ("-forløb", "periode", "-periode", "varighed", "løbetid", "projektperiode",
               "projekt", "-projekt", "kører", "løber")
START_CUES = ("start", "-start", "begynd", "åbn", "fra og med", "opstart")
END_CUES = ("slut", "-slut", "afslut", "til og med", "indtil", "frem til", "lukker", "lukning")
DEADLINE_CUES = ("frist", "-frist", "senest", "deadline")
SUBMISSION_CUES = ("ansøgning", "-ansøgning", "ansøge")
PUBLICATION_CUES = ("nyhed", "-nyhed", "publiceret", "offentliggjort", "opdateret", "udgivet")
CREATION_CUES = ("grundlagt", "etableret", "oprettet", "stiftet", "dannet")
ADOPTION_CUES = ("vedtaget", "godkendt", "underskrevet")
MEETING_CUES = ("møde", "-møde", "konference", "seminar", "workshop", "webinar", "arrangement")
INAUGURATION_CUES = ("indviet", "indvielse")
TARGET_CUES = ("mål", "-mål", "inden")
PROGRAMME_PERIOD_CUES = ("programperiode", "-programperiode", "programmeringsperiode", "-programmeringsperiode",
                         "samhørighedspolitik")
# a year range right after these is a programme's period ('the 2021-2027 funding period')
LABEL_ARTICLES = ("den", "det")
# may follow a range connector ('du 1er mars au 30 juin', 'entre le ... et le ...')
RANGE_ARTICLES = ("den",)
DAY_MONTH_LINKS = ()
