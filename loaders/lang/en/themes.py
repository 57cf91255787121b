"""English theme words -> key of the SKOS theme concept, and cues that open a list of topics."""

TERMS = {
    "innovation": "innovation", "open innovation": "innovation", "digitalisation": "digital",
    "digitalization": "digital", "digital transformation": "digital", "digital transition": "digital",
    "artificial intelligence": "artificial-intelligence", "data": "data", "big data": "data", "open data": "data",
    "energy": "energy", "renewable energy": "energy", "alternative energy": "energy", "energy efficiency": "energy",
    "climate": "climate", "climate change": "climate", "environment": "environment", "circular economy": "circular-economy",
    "bioeconomy": "bioeconomy", "bio-economy": "bioeconomy", "mobility": "mobility", "urban mobility": "mobility",
    "transport": "mobility", "logistics": "logistics", "health": "health", "life sciences": "health",
    "food": "agri-food", "agriculture": "agri-food", "tourism": "tourism", "culture": "culture-creative", "creative industries": "culture-creative",
    "arts": "culture-creative", "education": "education", "research": "research", "smes": "smes", "sme": "smes",
    "entrepreneurship": "entrepreneurship", "competitiveness": "competitiveness", "employment": "regional-development",
    "job creation": "regional-development", "materials": "materials", "textile": "materials", "design": "design", "ict": "digital",
    "advanced manufacturing": "manufacturing", "industry 4.0": "manufacturing", "robotics": "manufacturing",
    "smart specialisation": "smart-specialisation", "smart specialization": "smart-specialisation",
    "cross-border cooperation": "territorial-cooperation", "green transition": "green-transition", "sustainability": "green-transition",
    "cleantech": "energy", "governance": "governance", "urban development": "urban-development",
    "local economic development": "regional-development", "regional development": "regional-development",
    "technology transfer": "technology-transfer", "knowledge transfer": "technology-transfer", "skills": "education",
    "sensors": "digital", "high performance computing": "digital", "water": "environment",
    "maritime": "blue-economy", "blue economy": "blue-economy", "space": "aerospace", "security": "security",
}
# a list of topics often follows these words
LIST_CUES = ("such as", "like", "including", "focus on", "focuses on", "areas of interest are", "in the fields of",
             "in the field of", "themes", "topics", "sectors", "priorities", "targets")
