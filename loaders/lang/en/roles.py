"""English cue words for the role of an organisation and for people's roles."""

# cue (lower case, matched at word starts in the organisation's sentence) -> role type
ORG_ROLE_CUES = {
    "lead partner": "lead-partner",
    "leading partner": "lead-partner",
    "coordinat": "coordinator",
    "partner": "partner",
    "funded by": "funder",
    "financed by": "funder",
    "co-financed": "funder",
    "funder": "funder",
    "managing authority": "managing-authority",
    "hosted by": "host",
    "host": "host",
    "advisory": "advisory-body",
    "initiat": "initiator",
    "set up": "initiator",
    "network": "network",
    "member": "member",
    "steering committee": "decision-body",
    "board": "decision-body",
    "led by": "lead-partner",
    "co-found": "initiator",
    "founding member": "initiator",
    "founded by": "initiator",
    "launched": "initiator",
    "supported by": "funder",
    "monitoring committee": "decision-body",
    "associated partner": "partner",
    "signed by": "initiator",
}
# words that give a person's role when written next to the name
PERSON_ROLES = (
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "president",
    "director",
    "manager",
    "head",
    "coordinator",
    "project manager",
    "programme manager",
    "officer",
    "adviser",
    "advisor",
    "consultant",
    "mayor",
    "minister",
    "professor",
    "researcher",
    "contact",
    "representative",
    "secretary",
    "deputy",
    "founder",
)
SPEECH_VERBS = ("says", "said", "explains", "explained", "adds", "added", "according to")
# 'Name of Org', 'Name from Org': the organisation a person speaks for
AFFILIATION_WORDS = ("of", "from", "at")
# words that join the items of an enumeration of organisations ("X, Y og Z")
ENUMERATION_JOINERS = ("and", "as well as", "or")
# words that make up a generic body name ("Steering Committee", "styringskomitéen"): such a name
# means one body only within its document
GENERIC_BODY_WORDS = (
    "steering",
    "monitoring",
    "committee",
    "board",
    "secretariat",
    "joint",
    "council",
    "region",
    "regional",
    "national",
    "executive",
    "general",
    "assembly",
    "management",
    "selection",
)
# words that name a role only as a heading or a field label ('Funding', then the funders)
ROLE_HEADINGS = {"funding": "funder", "financing": "funder", "consortium": "partner"}
# the word that introduces the agent of a role verb ('coordinated by', 'funded by')
AGENT_WORDS = ("by",)
# verbs whose subject opens a call for applications, and so funds it ('X is inviting ... to apply')
CALL_OPENERS = ("is inviting", "invites", "has opened", "opens a call", "has launched a call", "launches a call")
