"""French theme words -> key of the SKOS theme concept, and cues that open a list of topics."""

TERMS = {
    "innovation": "innovation", "numérique": "digital", "transformation numérique": "digital",
    "intelligence artificielle": "artificial-intelligence", "données": "data", "énergie": "energy",
    "énergies renouvelables": "energy", "transition énergétique": "energy", "climat": "climate",
    "environnement": "environment", "économie circulaire": "circular-economy", "bioéconomie": "bioeconomy",
    "mobilité": "mobility", "transport": "mobility", "logistique": "logistics", "santé": "health",
    "alimentation": "agri-food", "nutrition": "agri-food", "agriculture": "agri-food", "tourisme": "tourism", "culture": "culture-creative",
    "industries culturelles et créatives": "culture-creative", "enseignement": "education", "formation": "education",
    "recherche": "research", "pme": "smes", "entrepreneuriat": "entrepreneurship", "entreprenariat": "entrepreneurship",
    "compétitivité": "competitiveness", "emploi": "regional-development", "matériaux": "materials", "textile": "materials",
    "design": "design", "robotique": "manufacturing", "usine du futur": "manufacturing", "industrie 4.0": "manufacturing",
    "fabrication additive": "manufacturing", "spécialisation intelligente": "smart-specialisation",
    "smart specialisation": "smart-specialisation", "coopération transfrontalière": "territorial-cooperation",
    "développement durable": "green-transition", "transition écologique": "green-transition",
    "développement économique": "regional-development", "transfert de technologie": "technology-transfer",
    "coworking": "entrepreneurship", "tiers-lieux": "entrepreneurship", "interdisciplinarité": "research",
    "plateformes technologiques": "research", "mécatronique": "manufacturing", "eau": "environment",
}
LIST_CUES = ("tels que", "telles que", "comme", "notamment", "dont", "dans les domaines", "secteurs concernés sont",
             "thématiques", "priorités", "axes")
