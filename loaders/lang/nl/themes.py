"""Dutch theme words -> key of the SKOS theme concept, and cues that open a list of topics."""

TERMS = {
    "innovatie": "innovation", "digitalisering": "digital", "kunstmatige intelligentie": "artificial-intelligence",
    "data": "data", "big data": "data", "energie": "energy", "duurzame energie": "energy", "bio-energie": "energy",
    "klimaat": "climate", "klimaatadaptatie": "climate", "milieu": "environment", "circulaire economie": "circular-economy",
    "biobased economy": "bioeconomy", "mobiliteit": "mobility", "transport": "mobility", "logistiek": "logistics",
    "gezondheid": "health", "life sciences": "health", "voeding": "agri-food", "agrofood": "agri-food", "agro-voeding": "agri-food",
    "toerisme": "tourism", "cultuur": "culture-creative", "onderwijs": "education", "onderzoek": "research", "mkb": "smes",
    "kmo": "smes", "ondernemerschap": "entrepreneurship", "concurrentiekracht": "competitiveness",
    "competitiviteit": "competitiveness", "werkgelegenheid": "regional-development", "materialen": "materials",
    "textiel": "materials", "design": "design", "ict": "digital", "robotisering": "manufacturing",
    "3d-printing": "manufacturing", "sensortechnologie": "digital", "sensoren": "digital",
    "slimme specialisatie": "smart-specialisation", "smart specialisation": "smart-specialisation",
    "grensoverschrijdende samenwerking": "territorial-cooperation", "duurzaamheid": "green-transition", "cleantech": "energy",
    "chemie": "materials", "high-tech systemen": "manufacturing", "voedselveiligheid": "agri-food", "water": "environment",
    "beeldvorming": "digital", "valorisatie": "technology-transfer", "haalbaarheidsstudies": "research",
}
LIST_CUES = ("zoals", "waaronder", "onder meer", "op het gebied van", "gericht op", "focus ligt", "domeinen",
             "thema's", "sectoren")
