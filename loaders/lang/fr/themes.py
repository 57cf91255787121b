"""French theme words -> key of the SKOS theme concept, and cues that open a list of topics."""

TERMS = {
    "innovation": "innovation", "numérique": "digitalisation", "transformation numérique": "digitalisation",
    "intelligence artificielle": "artificial-intelligence", "données": "data", "énergie": "energy",
    "énergies renouvelables": "energy", "transition énergétique": "energy", "climat": "climate",
    "environnement": "environment", "économie circulaire": "circular-economy", "bioéconomie": "bioeconomy",
    "mobilité": "mobility", "transport": "mobility", "logistique": "logistics", "santé": "health",
    "alimentation": "food", "nutrition": "food", "agriculture": "food", "tourisme": "tourism", "culture": "culture",
    "industries culturelles et créatives": "culture", "enseignement": "education", "formation": "education",
    "recherche": "research", "pme": "smes", "entrepreneuriat": "entrepreneurship", "entreprenariat": "entrepreneurship",
    "compétitivité": "competitiveness", "emploi": "employment", "matériaux": "materials", "textile": "materials",
    "design": "design", "robotique": "manufacturing", "usine du futur": "manufacturing", "industrie 4.0": "manufacturing",
    "fabrication additive": "manufacturing", "spécialisation intelligente": "smart-specialisation",
    "smart specialisation": "smart-specialisation", "coopération transfrontalière": "cooperation",
    "développement durable": "sustainability", "transition écologique": "green-transition",
    "développement économique": "regional-development", "transfert de technologie": "technology-transfer",
    "coworking": "entrepreneurship", "tiers-lieux": "entrepreneurship", "interdisciplinarité": "research",
    "plateformes technologiques": "research", "mécatronique": "manufacturing", "eau": "environment",
}
LIST_CUES = ("tels que", "telles que", "comme", "notamment", "dont", "dans les domaines", "secteurs concernés sont",
             "thématiques", "priorités", "axes")
