"""English organisation-type words (head words of names) and legal forms."""

# head word (case-folded) -> ontology class of the organisation
HEADS = {
    "agency": "DevelopmentAgency",
    "authority": "PublicAuthority",
    "council": "PublicAuthority",
    "commission": "PublicAuthority",
    "union": "PublicAuthority",  # the European Union when it acts (POLITY_HEADS)
    "dg": "PublicAuthority",  # a Directorate-General of the Commission: "DG Regio"
    "committee": "PublicAuthority",
    "ministry": "PublicAuthority",
    "department": "PublicAuthority",
    "directorate": "PublicAuthority",
    "municipality": "PublicAuthority",
    "county": "PublicAuthority",
    "government": "PublicAuthority",
    "parliament": "PublicAuthority",
    "board": "PublicAuthority",
    "secretariat": "PublicAuthority",
    "office": "Organisation",
    "university": "ResearchOrganisation",
    "college": "ResearchOrganisation",
    "institute": "ResearchOrganisation",
    "school": "ResearchOrganisation",
    "academy": "ResearchOrganisation",
    "laboratory": "ResearchOrganisation",
    "centre": "Organisation",
    "center": "Organisation",
    "campus": "ResearchOrganisation",
    "network": "Network",
    "hub": "Network",
    "platform": "Network",
    "alliance": "Network",
    "association": "Organisation",
    "foundation": "Organisation",
    "chamber": "Organisation",
    "forum": "Organisation",
    "cluster": "ClusterOrganisation",
    "company": "Company",
    "group": "Company",
    "bank": "Organisation",
    "observatory": "Organisation",
    "park": "Organisation",
    "port": "Organisation",
    "harbour": "Organisation",
}
# heads that may follow a name in lower case ('Eurometropolitan campus')
TRAILING_HEADS = ("campus",)
# compound endings that make one word an organisation name
SUFFIXES: dict[str, str] = {}
LEGAL_FORMS = ("Ltd", "Ltd.", "plc", "LLP", "Inc", "Inc.", "LLC", "Corp")
# lower-case words allowed inside a name
CONNECTORS = ("of", "for", "and", "the", "on", "&", "de", "du", "des", "van", "von", "für", "und")
# articles that start a new phrase when they follow a head word ('keurde de Vlaamse Regering de
# Vlaamse cofinanciering goed'); French 'de' after a head is a preposition inside the name
ARTICLES_AFTER_HEAD: tuple[str, ...] = ("the",)
# authorities named after the area they govern: the area is a region too
REGION_AUTHORITIES = ("region",)
# authorities that are organisations only when the sentence gives them a role
AREA_AUTHORITIES = ("province", "county")
# authority words used in one country only: an authority so named is of that country
AUTHORITY_COUNTRIES: dict[str, str] = {}  # 'county' is Irish and British, 'province' Belgian, Dutch...
# words before the town or region where an organisation sits ('based in Odense')
SEAT_CUES = ("located in", "based in", "headquartered in", "seated in", "situated in")
# after these an authority word names a place ('in de provincie X'), not the body that acts
PLACE_PREPOSITIONS = ("in", "within", "across", "throughout", "of", "for", "from", "to", "into", "around")
# a plural authority word before a list of names: one authority per name ('de gemeenten A en B')
AUTHORITY_PLURALS = {"provinces": "province {}", "counties": "county {}"}
# heads of a polity ('European Union'): an organisation only where it acts, not where it is the place
# ('in the European Union', 'auprès de l'Union européenne')
POLITY_HEADS = ("union",)
