"""Danish theme words -> key of the SKOS theme concept, and cues that open a list of topics."""

TERMS = {
    "innovation": "innovation", "digitalisering": "digital", "kunstig intelligens": "artificial-intelligence",
    "data": "data", "energi": "energy", "energiteknologi": "energy", "vedvarende energi": "energy",
    "energieffektivitet": "energy", "klima": "climate", "co2 reduktion": "climate", "miljø": "environment",
    "cirkulær økonomi": "circular-economy", "bioøkonomi": "bioeconomy", "mobilitet": "mobility", "transport": "mobility",
    "logistik": "logistics", "sundhed": "health", "life science": "health", "fødevarer": "agri-food", "turisme": "tourism",
    "kultur": "culture-creative", "uddannelse": "education", "forskning": "research", "smv": "smes", "smv'er": "smes",
    "iværksætteri": "entrepreneurship", "konkurrenceevne": "competitiveness", "beskæftigelse": "regional-development",
    "vækst": "regional-development", "materialer": "materials", "design": "design", "robotteknologi": "manufacturing",
    "avanceret produktion": "manufacturing", "produktion": "manufacturing", "grøn omstilling": "green-transition",
    "bæredygtighed": "green-transition", "bæredygtig": "green-transition", "smart specialisation": "smart-specialisation",
    "erhvervsfremme": "regional-development", "elektrificering": "energy", "sektorkobling": "energy",
    "videninstitutioner": "research", "vand": "environment", "maritim": "blue-economy",
}
LIST_CUES = ("inden for", "herunder", "såsom", "fx", "f.eks.", "fokus på", "områder", "temaer", "inkl.")
