"""Danish organisation-type words (head words and compound endings) and legal forms."""

HEADS = {
    "fylkeskommune": "PublicAuthority",
    "region": "PublicAuthority",
    "kommune": "PublicAuthority",
    "ministerium": "PublicAuthority",
    "ministeriet": "PublicAuthority",
    "regering": "PublicAuthority",
    "regeringen": "PublicAuthority",
    "styrelse": "PublicAuthority",
    "styrelsen": "PublicAuthority",
    "kommissionen": "PublicAuthority",
    "råd": "PublicAuthority",
    "udvalg": "PublicAuthority",
    "udvalget": "PublicAuthority",
    "rådet": "PublicAuthority",
    "universitet": "ResearchOrganisation",
    "erhvervsakademi": "ResearchOrganisation",
    "professionshøjskole": "ResearchOrganisation",
    "college": "ResearchOrganisation",
    "university": "ResearchOrganisation",
    "institut": "ResearchOrganisation",
    "center": "Organisation",
    "netværk": "Network",
    "klynge": "ClusterOrganisation",
    "cluster": "ClusterOrganisation",
    "fond": "Organisation",
    "forening": "Organisation",
    "selskab": "Company",
    "agentur": "DevelopmentAgency",
    "eu-kontor": "EUOffice",
    "kontor": "Organisation",
    "sekretariat": "PublicAuthority",
}
TRAILING_HEADS = ("kommune", "fylkeskommune")
# one-word names: 'Erhvervsstyrelsen', 'Danmarks Erhvervsfremmebestyrelse', 'Karrierecentret'
SUFFIXES = {
    "styrelsen": "PublicAuthority",
    "styrelse": "PublicAuthority",
    "bestyrelse": "PublicAuthority",
    "bestyrelsen": "PublicAuthority",
    "ministeriet": "PublicAuthority",
    "kommissionen": "PublicAuthority",
    "komiteen": "PublicAuthority",
    "komité": "PublicAuthority",
    "udvalget": "PublicAuthority",
    "rådet": "PublicAuthority",
    "universitet": "ResearchOrganisation",
    "akademi": "ResearchOrganisation",
    "centret": "Organisation",
    "center": "Organisation",
    "kontor": "EUOffice",
    "agenturet": "DevelopmentAgency",
    "fonden": "Organisation",
    "foreningen": "Organisation",
}
LEGAL_FORMS = ("A/S", "ApS", "I/S", "P/S", "K/S", "IVS", "AMBA", "a.m.b.a.")
CONNECTORS = ("for", "og", "ved", "i", "af", "til")
# articles that start a new phrase when they follow a head word ('keurde de Vlaamse Regering de
# Vlaamse cofinanciering goed'); French 'de' after a head is a preposition inside the name
ARTICLES_AFTER_HEAD: tuple[str, ...] = ("den", "det")
REGION_AUTHORITIES = ("region",)
AREA_AUTHORITIES = ("kommune",)
# authority words used in one country only: an authority so named is of that country
AUTHORITY_COUNTRIES: dict[str, str] = {"kommune": "DK"}
# words before the town or region where an organisation sits ('based in Odense')
SEAT_CUES = ("beliggende i", "baseret i", "hjemmehørende i", "hovedsæde i", "placeret i", "kontor i")
# after these an authority word names a place ('in de provincie X'), not the body that acts
PLACE_PREPOSITIONS = ("i", "inden for", "for", "til", "fra", "på", "om", "rundt i")
# a plural authority word before a list of names: one authority per name ('de gemeenten A en B')
AUTHORITY_PLURALS = {"kommunerne": "{} Kommune"}
# heads of a polity ('European Union'): an organisation only where it acts, not where it is the place
# ('in the European Union', 'auprès de l'Union européenne')
POLITY_HEADS = ("union", "unionen")
