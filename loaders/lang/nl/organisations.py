"""Dutch organisation-type words (head words and compound endings) and legal forms."""

HEADS = {
    "provincie": "PublicAuthority",
    "gemeente": "PublicAuthority",
    "ministerie": "PublicAuthority",
    "commissie": "PublicAuthority",
    "unie": "PublicAuthority",
    "raad": "PublicAuthority",
    "waterschap": "PublicAuthority",
    "regering": "PublicAuthority",
    "steunpunt": "Organisation",
    "agentschap": "DevelopmentAgency",
    "ontwikkelingsmaatschappij": "DevelopmentAgency",
    "universiteit": "ResearchOrganisation",
    "hogeschool": "ResearchOrganisation",
    "instituut": "ResearchOrganisation",
    "campus": "ResearchOrganisation",
    "centrum": "Organisation",
    "netwerk": "Network",
    "platform": "Network",
    "stichting": "Organisation",
    "vereniging": "Organisation",
    "kamer": "Organisation",
    "federatie": "Organisation",
    "hochschule": "ResearchOrganisation",
    "universität": "ResearchOrganisation",
    "gesellschaft": "Organisation",
    "forum": "Organisation",
}
TRAILING_HEADS = ("campus",)
SUFFIXES = {
    "dienst": "PublicAuthority",
    "bank": "Organisation",
    "autoriteit": "PublicAuthority",
    "ministerie": "PublicAuthority",
    "agentschap": "DevelopmentAgency",
    "universiteit": "ResearchOrganisation",
    "hogeschool": "ResearchOrganisation",
    "commissie": "PublicAuthority",
    "maatschappij": "DevelopmentAgency",
    "gesellschaft": "Organisation",
}
LEGAL_FORMS = ("BV", "B.V.", "NV", "N.V.", "vzw", "VZW", "GmbH", "mbH", "AG", "e.V.")
CONNECTORS = ("van", "voor", "en", "de", "der", "het", "voor", "für", "und")
# articles that start a new phrase when they follow a head word ('keurde de Vlaamse Regering de
# Vlaamse cofinanciering goed'); French 'de' after a head is a preposition inside the name
ARTICLES_AFTER_HEAD: tuple[str, ...] = ("de", "het")
REGION_AUTHORITIES = ()
AREA_AUTHORITIES = ("provincie", "gemeente")
# authority words used in one country only: an authority so named is of that country
AUTHORITY_COUNTRIES: dict[str, str] = {}  # 'provincie' and 'gemeente' are Dutch and Flemish
# words before the town or region where an organisation sits ('based in Odense')
SEAT_CUES = ("gevestigd in", "gelegen in", "kantoor in", "zetel in", "gebaseerd in")
# after these an authority word names a place ('in de provincie X'), not the body that acts
PLACE_PREPOSITIONS = ("in", "binnen", "van", "voor", "uit", "naar", "op", "rond", "over")
# a plural authority word before a list of names: one authority per name ('de gemeenten A en B')
AUTHORITY_PLURALS = {"provincies": "provincie {}", "gemeenten": "gemeente {}"}
# heads of a polity ('European Union'): an organisation only where it acts, not where it is the place
# ('in the European Union', 'auprès de l'Union européenne')
POLITY_HEADS = ("unie",)
