"""English date words. Cue strings match case-insensitively at a word start; a leading '-' lets
them match inside a compound too."""

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
DAY_SUFFIXES = ("st", "nd", "rd", "th")
RANGE_CONNECTORS = ("to", "until", "till", "through", "up to")
RANGE_PAIRS = (("between", "and"), ("from", "to"), ("from", "until"))
YEAR_PREPOSITIONS = ("in", "by", "since", "from", "until", "before", "after", "during", "as of", "end of")

PERIOD_CUES = ("period", "duration", "lasts", "runs from", "running", "timeframe", "time frame",
               "project dates", "implementation",
               "project", "runs", "ran", "run from")
START_CUES = ("start", "begin", "starting", "opens", "opening", "from", "as of", "kick-off", "kick off")
END_CUES = ("end date", "end:", "end year", "ends", "ending", "closes", "closing", "until", "finish", "runs until",
            "up to")
DEADLINE_CUES = ("deadline", "closing date", "submission", "apply by", "applications must", "due", "no later than")
SUBMISSION_CUES = ("applications", "submissions", "proposals", "call is open", "open for")
PUBLICATION_CUES = ("published", "publication", "posted", "news", "updated", "press release", "last modified")
CREATION_CUES = ("founded", "established", "created", "set up", "launched")
ADOPTION_CUES = ("adopted", "approved", "signed")
MEETING_CUES = ("meeting", "conference", "webinar", "workshop", "info day", "event", "seminar")
INAUGURATION_CUES = ("inaugurat", "opened")
TARGET_CUES = ("by", "target", "goal", "aim")
PROGRAMME_PERIOD_CUES = ("programming period", "programme period", "program period", "cohesion period",
                         "cohesion policy", "funding period", "multiannual financial framework")
# a year range right after these is a programme's period ('the 2021-2027 funding period')
LABEL_ARTICLES = ("the", "of the")
# may follow a range connector ('du 1er mars au 30 juin', 'entre le ... et le ...')
RANGE_ARTICLES = ("the",)
DAY_MONTH_LINKS = ("of", "the")  # "the 5th of May"
