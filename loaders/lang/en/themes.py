"""English theme words -> key of the SKOS theme concept, and cues that open a list of topics."""

TERMS = {
    "innovation": "innovation", "open innovation": "innovation", "digitalisation": "digitalisation",
    "digitalization": "digitalisation", "digital transformation": "digitalisation", "digital transition": "digitalisation",
    "artificial intelligence": "artificial-intelligence", "data": "data", "big data": "data", "open data": "data",
    "energy": "energy", "renewable energy": "energy", "alternative energy": "energy", "energy efficiency": "energy",
    "climate": "climate", "climate change": "climate", "environment": "environment", "circular economy": "circular-economy",
    "bioeconomy": "bioeconomy", "bio-economy": "bioeconomy", "mobility": "mobility", "urban mobility": "mobility",
    "transport": "mobility", "logistics": "logistics", "health": "health", "life sciences": "health",
    "food": "food", "agriculture": "food", "tourism": "tourism", "culture": "culture", "creative industries": "culture",
    "arts": "culture", "education": "education", "research": "research", "smes": "smes", "sme": "smes",
    "entrepreneurship": "entrepreneurship", "competitiveness": "competitiveness", "employment": "employment",
    "job creation": "employment", "materials": "materials", "textile": "materials", "design": "design", "ict": "digitalisation",
    "advanced manufacturing": "manufacturing", "industry 4.0": "manufacturing", "robotics": "manufacturing",
    "smart specialisation": "smart-specialisation", "smart specialization": "smart-specialisation",
    "cross-border cooperation": "cooperation", "green transition": "green-transition", "sustainability": "sustainability",
    "cleantech": "energy", "governance": "governance", "urban development": "urban-development",
    "local economic development": "regional-development", "regional development": "regional-development",
    "technology transfer": "technology-transfer", "knowledge transfer": "technology-transfer", "skills": "skills",
    "sensors": "digitalisation", "high performance computing": "digitalisation", "water": "environment",
    "maritime": "maritime", "blue economy": "maritime", "space": "space", "security": "security",
}
# a list of topics often follows these words
LIST_CUES = ("such as", "like", "including", "focus on", "focuses on", "areas of interest are", "in the fields of",
             "in the field of", "themes", "topics", "sectors", "priorities", "targets")
