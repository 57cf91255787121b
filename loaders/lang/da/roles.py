"""Danish cue words for the role of an organisation and for people's roles."""

ORG_ROLE_CUES = {
    "lead partner": "lead-partner",
    "leadpartner": "lead-partner",
    "projektleder": "lead-partner",
    "koordinat": "coordinator",
    "partner": "partner",
    "finansieret": "funder",
    "støtte": "funder",
    "bevilling": "funder",
    "udpeget": "funder",
    "peget på": "funder",
    "forvaltningsmyndighed": "managing-authority",
    "vært": "host",
    "sekretariat": "host",
    "netværk": "network",
    "medlem": "member",
    "styringskomite": "decision-body",
    "bestyrelse": "decision-body",
    "udgiv": "other",
    "ledes af": "lead-partner",
    "ledet af": "lead-partner",
    "forankret hos": "lead-partner",
    "stiftet af": "initiator",
    "medstifter": "initiator",
    "stifter": "initiator",
    "lancere": "initiator",
    "tilknyttet": "partner",
    "underskrevet af": "initiator",
}
PERSON_ROLES = (
    "rådmand",
    "projektchef",
    "afdelingsleder",
    "centerchef",
    "adm. direktør",
    "formand",
    "næstformand",
    "direktør",
    "administrerende direktør",
    "ceo",
    "chef",
    "leder",
    "projektleder",
    "konsulent",
    "chefkonsulent",
    "borgmester",
    "minister",
    "professor",
    "forsker",
    "kontakt",
    "regionsrådsmedlem",
    "regionsrådsformand",
    "medlem",
    "rådgiver",
    "koordinator",
    "projektkoordinator",
)
SPEECH_VERBS = ("siger", "sagde", "fortæller", "forklarer", "udtaler", "ifølge")
AFFILIATION_WORDS = ("fra", "i", "hos")
# words that join the items of an enumeration of organisations ("X, Y og Z")
ENUMERATION_JOINERS = ("og", "samt", "eller")
# words that make up a generic body name ("Steering Committee", "styringskomitéen"): such a name
# means one body only within its document
GENERIC_BODY_WORDS = (
    "styringskomite",
    "styringskomiteen",
    "styringskomitéen",
    "styregruppe",
    "styregruppen",
    "bestyrelse",
    "bestyrelsen",
    "sekretariat",
    "sekretariatet",
    "udvalg",
    "udvalget",
    "regionen",
    "kommunen",
    "rådet",
    "komite",
    "komiteen",
    "overvågningsudvalg",
    "overvågningsudvalget",
    "fælles",
    "regionale",
    "nationale",
)
# words that name a role only as a heading or a field label ('Finansiering', then the funders)
ROLE_HEADINGS = {"finansiering": "funder", "konsortium": "partner"}
# the word that introduces the agent of a role verb ('koordineret af', 'finansieret af')
AGENT_WORDS = ("af",)
# verbs whose subject opens a call for applications, and so funds it ('X har åbnet for ansøgninger')
CALL_OPENERS = ("åbnet for ansøgninger", "åbner for ansøgninger", "indkalder ansøgninger")
