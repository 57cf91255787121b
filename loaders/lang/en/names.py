"""English cues that stand right before a person's name: titles and by-lines."""

# titles written before a name ('Prof. Ann Smith', 'Commissioner Ann Smith')
PERSON_TITLES = ("prof.", "prof", "professor", "dr.", "dr", "commissioner", "mr.", "mrs.", "ms.", "sir", "dame")
# by-lines of an article or a post ('Submitted by Ann Smith on ...')
BYLINE_CUES = ("submitted by", "posted by", "written by", "published by", "interview with")

# roles followed by a domain or a place, not an employer ('minister of Economy', 'mayor of Aalborg')
DOMAIN_ROLES = ("minister", "commissioner", "secretary of state", "mayor", "governor")

# nouns of an action or event that open a phrase, not a name ('Development of X Network', 'Call for X'):
# the name, if any, is what follows their preposition
ACTION_NOUNS = ("call", "calls", "development", "launch", "creation", "establishment", "announcement", "implementation",
                "evaluation", "expansion", "funding")
