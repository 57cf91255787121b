"""Dutch cue words for the role of an organisation and for people's roles."""

ORG_ROLE_CUES = {
    "hoofdpartner": "lead-partner",
    "leadpartner": "lead-partner",
    "penvoerder": "lead-partner",
    "coördin": "coordinator",
    "partner": "partner",
    "gefinancierd": "funder",
    "financier": "funder",
    "cofinanciering": "funder",
    "subsidie": "funder",
    "managementautoriteit": "managing-authority",
    "uitvoerende orgaan": "managing-authority",
    "gastheer": "host",
    "raadgevend": "advisory-body",
    "netwerk": "network",
    "lid": "member",
    "stuurgroep": "decision-body",
    "geleid door": "lead-partner",
    "getrokken door": "lead-partner",
    "trekker": "lead-partner",
    "opgericht door": "initiator",
    "oprichter": "initiator",
    "medeoprichter": "initiator",
    "lanceerde": "initiator",
    "gelanceerd": "initiator",
    "betrokken": "partner",
    "bestuur": "decision-body",
    "ondertekend door": "initiator",
}
PERSON_ROLES = (
    "voorzitter",
    "directeur",
    "manager",
    "programmamanager",
    "projectmanager",
    "projectleider",
    "coördinator",
    "burgemeester",
    "minister",
    "gedeputeerde",
    "wethouder",
    "hoogleraar",
    "onderzoeker",
    "contactpersoon",
    "woordvoerder",
    "vertegenwoordiger",
    "vertegenwoordigers",
    "adviseur",
)
SPEECH_VERBS = ("zegt", "zei", "vertelt", "vertelde", "legt uit", "aldus", "volgens")
AFFILIATION_WORDS = ("van", "bij")
# words that join the items of an enumeration of organisations ("X, Y og Z")
ENUMERATION_JOINERS = ("en", "evenals", "alsook", "of")
# words that make up a generic body name ("Steering Committee", "styringskomitéen"): such a name
# means one body only within its document
GENERIC_BODY_WORDS = (
    "stuurgroep",
    "stuurcomité",
    "comité",
    "toezicht",
    "toezichtcomité",
    "monitoringcomité",
    "secretariaat",
    "gezamenlijk",
    "raad",
    "bestuur",
    "dagelijks",
    "algemeen",
    "regio",
    "provincie",
    "gemeente",
    "selectiecomité",
)
# words that name a role only as a heading or a field label ('Financiering', then the funders)
ROLE_HEADINGS = {"financiering": "funder", "consortium": "partner"}
# the word that introduces the agent of a role verb ('gecoördineerd door', 'gefinancierd door')
AGENT_WORDS = ("door",)
# verbs whose subject opens a call for applications, and so funds it ('X opent een oproep')
CALL_OPENERS = ("opent een oproep", "opent de oproep", "stelt open", "lanceert een oproep", "lanceert de oproep")
