"""French cue words for the role of an organisation and for people's roles."""

ORG_ROLE_CUES = {
    "chef de file": "lead-partner",
    "porteur": "lead-partner",
    "coordonn": "coordinator",
    "partenaire": "partner",
    "financ": "funder",
    "soutien": "funder",
    "autorité de gestion": "managing-authority",
    "accueil": "host",
    "consultati": "advisory-body",
    "à l'initiative": "initiator",
    "réseau": "network",
    "membre": "member",
    "assemblée": "decision-body",
    "a créé": "decision-body",
    "comité de pilotage": "decision-body",
    "piloté par": "lead-partner",
    "associé": "partner",
    "fondateur": "initiator",
    "cofondateur": "initiator",
    "a lancé": "initiator",
    "conseil d'administration": "decision-body",
    "signé par": "initiator",
}
PERSON_ROLES = (
    "président",
    "présidente",
    "directeur",
    "directrice",
    "responsable",
    "chargé",
    "chargée",
    "chef de projet",
    "maire",
    "ministre",
    "professeur",
    "chercheur",
    "contact",
    "représentant",
    "vice-président",
    "délégué",
    "conseiller",
    "conseillère",
    "coordinateur",
    "coordinatrice",
)
SPEECH_VERBS = ("déclare", "explique", "souligne", "ajoute", "indique", "selon")
AFFILIATION_WORDS = ("de", "du", "chez")
# words that join the items of an enumeration of organisations ("X, Y og Z")
ENUMERATION_JOINERS = ("et", "ainsi que", "ou")
# words that make up a generic body name ("Steering Committee", "styringskomitéen"): such a name
# means one body only within its document
GENERIC_BODY_WORDS = (
    "comité",
    "pilotage",
    "suivi",
    "sélection",
    "secrétariat",
    "conjoint",
    "commun",
    "conseil",
    "région",
    "régional",
    "assemblée",
    "générale",
    "direction",
    "bureau",
    "exécutif",
)
# words that name a role only as a heading or a field label ('Financement', then the funders)
ROLE_HEADINGS = {"consortium": "partner", "financeurs": "funder"}
# the word that introduces the agent of a role verb ('coordonné par', 'financé par')
AGENT_WORDS = ("par",)
# verbs whose subject opens a call for applications, and so funds it ('la Région lance l'appel')
CALL_OPENERS = (
    "lance l'appel",
    "lance l’appel",
    "lance un appel",
    "a lancé l'appel",
    "a lancé l’appel",
    "a lancé un appel",
    "ouvre l'appel",
    "ouvre l’appel",
    "ouvre un appel",
)
