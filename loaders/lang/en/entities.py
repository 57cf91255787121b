"""English words that name kinds of things (projects, programmes, areas...) and English exonyms."""

# region names that ISO 3166-2 spells in another language -> ISO 3166-2 code
REGION_NAMES = {
    "Normandy": "FR-NOR",
    "Brittany": "FR-BRE",
    "Corsica": "FR-20R",
    "Flanders": "BE-VLG",
    "Wallonia": "BE-WAL",
    "Brussels": "BE-BRU",
    "West Flanders": "BE-VWV",
    "East Flanders": "BE-VOV",
    "Sicily": "IT-82",
    "Sardinia": "IT-88",
    "Tuscany": "IT-52",
    "Lombardy": "IT-25",
    "Piedmont": "IT-21",
    "Apulia": "IT-75",
    "Bavaria": "DE-BY",
    "Lower Saxony": "DE-NI",
    "North Rhine-Westphalia": "DE-NW",
    "Saxony": "DE-SN",
    "Central Denmark": "DK-82",
    "North Denmark": "DK-81",
    "Southern Denmark": "DK-83",
    "Zealand": "DK-85",
    "Capital Region of Denmark": "DK-84",
    "Scania": "SE-M",
    "Catalonia": "ES-CT",
    "Andalusia": "ES-AN",
    "Basque Country": "ES-PV",
    "Galicia": "ES-GA",
    "Navarre": "ES-NA",
    "Crete": "GR-M",
    "Attica": "GR-I",
    "North Holland": "NL-NH",
    "South Holland": "NL-ZH",
    "North Brabant": "NL-NB",
}
# words that end the name of an area ('Atlantic Area', 'Baltic Sea Region')
AREA_HEADS = ("area", "region", "space", "periphery", "corridor")
# compass words that make an area of a country or region ('South Netherlands')
DIRECTION_PREFIXES = ("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central")
# prepositions: a name after "project ... by/with" is not the project's name
PREPOSITIONS = ("by", "to", "for", "of", "with", "in", "on", "at", "from", "into", "about")
PROJECT_WORDS = ("project", "projects")
# nouns of an aim: "X's overall objective is" names X as a project or initiative
PURPOSE_WORDS = ("objective", "objectives", "aim", "aims", "goal", "goals", "purpose", "mission")
PROGRAMME_WORDS = ("programme", "program", "programmes", "programs", "instrument")
# capitalised words that end a funding programme's or fund's name ('ESI Funds', 'Regional Innovation Scheme')
PROGRAMME_HEADS = ("Fund", "Funds", "Scheme", "Programme", "Program", "Facility")
PLATFORM_WORDS = ("platform", "innovation platform")
PARTNERSHIP_WORDS = ("partnership",)
CLUSTER_WORDS = ("cluster", "clusters", "thematic clusters")
DESK_WORDS = ("desk", "helpdesk", "help desk")
# 'the projects named X, Y and Z'
NAME_LIST_CUES = ("named", "titled", "entitled", "called")
COPULAS = ("is", "was", "is a", "is an")
LIST_AND = ("and", "as well as", "&")
# programmes and funds known by name -> reference programme slug
PROGRAMMES = {
    "Interreg Europe": "interreg-europe",
    "URBACT": "urbact",
    "Interregional Innovation Investments": "i3",
    "I3": "i3",
    "i3": "i3",
    "ERDF": "erdf",
    "European Regional Development Fund": "erdf",
    "ESF": "esf",
    "ESF+": "esf",
    "European Social Fund": "esf",
    "European Social Fund Plus": "esf",
    "Cohesion Fund": "cohesion-fund",
    "Just Transition Fund": "just-transition-fund",
    "Horizon 2020": "horizon-2020",
    "Horizon Europe": "horizon-europe",
    "COSME": "cosme",
    "Erasmus+": "erasmus-plus",
    "Digital Europe Programme": "digital-europe",
    "LIFE": "life",
    "ESPON": "espon",
    "INTERACT": "interact",
    "Creative Europe": "creative-europe",
    "EAFRD": "eafrd",
    "European Maritime and Fisheries Fund": "emff",
    "Connecting Europe Facility": "cef",
    "LEADER": "leader",
}
# areas of the transnational Interreg programmes: a programme when written with a period
PROGRAMME_AREAS = (
    "Atlantic Area",
    "North Sea Region",
    "Baltic Sea Region",
    "Alpine Space",
    "Central Europe",
    "North West Europe",
    "Northern Periphery",
    "Northern Periphery and Arctic",
    "Danube",
    "Adriatic-Ionian",
    "Mediterranean",
    "South West Europe",
)
