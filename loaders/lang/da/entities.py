"""Danish words that name kinds of things (projects, programmes, areas...) and Danish exonyms."""

REGION_NAMES = {
    "Sicilien": "IT-82",
    "Sardinien": "IT-88",
    "Toscana": "IT-52",
    "Lombardiet": "IT-25",
    "Bayern": "DE-BY",
    "Slesvig-Holsten": "DE-SH",
    "Nordrhein-Westfalen": "DE-NW",
    "Skåne": "SE-M",
    "Vestra Götaland": "SE-O",
    "Flandern": "BE-VLG",
    "Vallonien": "BE-WAL",
    "Normandiet": "FR-NOR",
    "Bretagne": "FR-BRE",
    "Catalonien": "ES-CT",
    "Andalusien": "ES-AN",
    "Baskerlandet": "ES-PV",
    "Kreta": "GR-M",
}
AREA_HEADS = ("region", "regionen", "område", "området")
DIRECTION_PREFIXES = ("nord", "syd", "øst", "vest", "midt")
# prepositions: a name after "project ... by/with" is not the project's name
PREPOSITIONS = ("af", "til", "for", "med", "i", "på", "fra", "om", "hos")
PROJECT_WORDS = ("projekt", "projektet", "projekter", "projekterne")
# nouns of an aim: "X's overall objective is" names X as a project or initiative
PURPOSE_WORDS = ("formål", "mål", "målsætning", "ambition")
PROGRAMME_WORDS = ("program", "programmet", "programmer", "instrument", "instrumentet", "indsats")
# capitalised words that end a funding programme's or fund's name ('ESI Funds', 'Regional Innovation Scheme')
PROGRAMME_HEADS = ("Fond", "Fonden", "Program", "Programmet", "Pulje", "Puljen")
PLATFORM_WORDS = ("platform", "platformen")
PARTNERSHIP_WORDS = ("partnerskab", "partnerskabet")
CLUSTER_WORDS = ("klynge", "klyngen", "klynger", "klyngeorganisation")
DESK_WORDS = ("desk", "skranke")
NAME_LIST_CUES = ("titlerne", "titlen", "navnene", "navnet", "kaldet", "hedder")
COPULAS = ("er", "var", "er et", "er en")
LIST_AND = ("og", "samt")
PROGRAMMES = {
    "EU's Regionalfond": "erdf",
    "Regionalfonden": "erdf",
    "Den Europæiske Fond for Regionaludvikling": "erdf",
    "EFRU": "erdf",
    "Socialfonden": "esf",
    "EU's Socialfond": "esf",
    "Horisont Europa": "horizon-europe",
    "Horizon Europe": "horizon-europe",
    "Horizon 2020": "horizon-2020",
}
PROGRAMME_AREAS = ("Østersøregionen", "Nordsøregionen")
