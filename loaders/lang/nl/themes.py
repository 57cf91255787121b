"""Dutch theme words -> key of the SKOS theme concept, and cues that open a list of topics."""

TERMS = {
    "innovatie": "innovation", "digitalisering": "digitalisation", "kunstmatige intelligentie": "artificial-intelligence",
    "data": "data", "big data": "data", "energie": "energy", "duurzame energie": "energy", "bio-energie": "energy",
    "klimaat": "climate", "klimaatadaptatie": "climate", "milieu": "environment", "circulaire economie": "circular-economy",
    "biobased economy": "bioeconomy", "mobiliteit": "mobility", "transport": "mobility", "logistiek": "logistics",
    "gezondheid": "health", "life sciences": "health", "voeding": "food", "agrofood": "food", "agro-voeding": "food",
    "toerisme": "tourism", "cultuur": "culture", "onderwijs": "education", "onderzoek": "research", "mkb": "smes",
    "kmo": "smes", "ondernemerschap": "entrepreneurship", "concurrentiekracht": "competitiveness",
    "competitiviteit": "competitiveness", "werkgelegenheid": "employment", "materialen": "materials",
    "textiel": "materials", "design": "design", "ict": "digitalisation", "robotisering": "manufacturing",
    "3d-printing": "manufacturing", "sensortechnologie": "digitalisation", "sensoren": "digitalisation",
    "slimme specialisatie": "smart-specialisation", "smart specialisation": "smart-specialisation",
    "grensoverschrijdende samenwerking": "cooperation", "duurzaamheid": "sustainability", "cleantech": "energy",
    "chemie": "materials", "high-tech systemen": "manufacturing", "voedselveiligheid": "food", "water": "environment",
    "beeldvorming": "digitalisation", "valorisatie": "technology-transfer", "haalbaarheidsstudies": "research",
}
LIST_CUES = ("zoals", "waaronder", "onder meer", "op het gebied van", "gericht op", "focus ligt", "domeinen",
             "thema's", "sectoren")
