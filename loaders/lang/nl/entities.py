"""Dutch words that name kinds of things (projects, programmes, areas...) and Dutch exonyms."""

REGION_NAMES = {
    "Vlaanderen": "BE-VLG",
    "Wallonië": "BE-WAL",
    "Brussel": "BE-BRU",
    "West-Vlaanderen": "BE-VWV",
    "Oost-Vlaanderen": "BE-VOV",
    "Henegouwen": "BE-WHT",
    "Luik": "BE-WLG",
    "Sicilië": "IT-82",
    "Toscane": "IT-52",
    "Beieren": "DE-BY",
    "Noordrijn-Westfalen": "DE-NW",
    "Nedersaksen": "DE-NI",
    "Normandië": "FR-NOR",
    "Bretagne": "FR-BRE",
    "Catalonië": "ES-CT",
    "Andalusië": "ES-AN",
}
AREA_HEADS = ("regio", "gebied", "grensregio")
DIRECTION_PREFIXES = ("noord", "zuid", "oost", "west", "midden", "nederlands", "belgisch", "duits")
# prepositions: a name after "project ... by/with" is not the project's name
PREPOSITIONS = ("door", "voor", "van", "met", "in", "op", "aan", "bij", "uit", "over")
PROJECT_WORDS = ("project", "projecten")
# nouns of an aim: "X's overall objective is" names X as a project or initiative
PURPOSE_WORDS = ("doel", "doelstelling", "doelstellingen", "ambitie")
PROGRAMME_WORDS = ("programma", "programma's", "instrument")
# capitalised words that end a funding programme's or fund's name ('ESI Funds', 'Regional Innovation Scheme')
PROGRAMME_HEADS = ("Fonds", "Fondsen", "Programma", "Regeling")
PLATFORM_WORDS = ("platform", "innovatieplatform")
PARTNERSHIP_WORDS = ("partnerschap", "samenwerkingsverband")
CLUSTER_WORDS = ("cluster", "clusters", "thematische clusters")
DESK_WORDS = ("desk", "desks", "loket")
NAME_LIST_CUES = ("genaamd", "getiteld", "met de namen", "heten")
COPULAS = ("is", "was", "is een", "wordt")
LIST_AND = ("en", "alsook")
PROGRAMMES = {
    "EFRO": "erdf",
    "Europees Fonds voor Regionale Ontwikkeling": "erdf",
    "Europees Fonds Regionale Ontwikkeling": "erdf",
    "ESF": "esf",
    "Europees Sociaal Fonds": "esf",
    "Horizon Europe": "horizon-europe",
    "Horizon 2020": "horizon-2020",
    "Just Transition Fund": "just-transition-fund",
}
PROGRAMME_AREAS = ("Noordzeeregio", "Noordwest-Europa")
