"""French organisation-type words (head words of names) and legal forms."""

HEADS = {
    "technopôle": "Organisation",
    "incubateur": "Organisation",
    "agence": "DevelopmentAgency",
    "région": "PublicAuthority",
    "conseil": "PublicAuthority",
    "commission": "PublicAuthority",
    "comité": "PublicAuthority",
    "ministère": "PublicAuthority",
    "direction": "PublicAuthority",
    "département": "PublicAuthority",
    "assemblée": "PublicAuthority",
    "préfecture": "PublicAuthority",
    "gouvernement": "PublicAuthority",
    "métropole": "PublicAuthority",
    "communauté": "PublicAuthority",
    "collectivité": "PublicAuthority",
    "secrétariat": "PublicAuthority",
    "autorité": "PublicAuthority",
    "université": "ResearchOrganisation",
    "école": "ResearchOrganisation",
    "institut": "ResearchOrganisation",
    "laboratoire": "ResearchOrganisation",
    "centre": "Organisation",
    "campus": "ResearchOrganisation",
    "réseau": "Network",
    "plateforme": "Network",
    "pôle": "ClusterOrganisation",
    "cluster": "ClusterOrganisation",
    "association": "Organisation",
    "fondation": "Organisation",
    "chambre": "Organisation",
    "office": "Organisation",
    "bureau": "Organisation",
    "groupement": "Organisation",
    "syndicat": "PublicAuthority",
    "insa": "ResearchOrganisation",
    "cnrs": "ResearchOrganisation",
    "inria": "ResearchOrganisation",
}
TRAILING_HEADS = ("campus",)
SUFFIXES: dict[str, str] = {}
LEGAL_FORMS = ("SA", "SAS", "SARL", "SASU", "EURL", "SCOP", "asbl", "ASBL", "SEM", "SPL")
CONNECTORS = ("de", "du", "des", "d", "l", "la", "le", "les", "pour", "et", "en", "sur", "à", "aux", "au")
# articles that start a new phrase when they follow a head word ('keurde de Vlaamse Regering de
# Vlaamse cofinanciering goed'); French 'de' after a head is a preposition inside the name
ARTICLES_AFTER_HEAD: tuple[str, ...] = ()
REGION_AUTHORITIES = ("région",)
AREA_AUTHORITIES = ("province", "département")
# authority words used in one country only: an authority so named is of that country
AUTHORITY_COUNTRIES: dict[str, str] = {"département": "FR"}  # 'région', 'province' are French and Belgian
# words before the town or region where an organisation sits ('based in Odense')
SEAT_CUES = (
    "situé à",
    "située à",
    "basé à",
    "basée à",
    "implanté à",
    "implantée à",
    "installé à",
    "installée à",
    "siège à",
    "créé à",
    "créée à",
    "établi à",
    "établie à",
)
# after these an authority word names a place ('in de provincie X'), not the body that acts
PLACE_PREPOSITIONS = ("dans", "en", "de la", "de l’", "de l'", "du", "des", "pour", "à", "au", "aux", "sur", "vers")
# a plural authority word before a list of names: one authority per name ('de gemeenten A en B')
AUTHORITY_PLURALS = {"provinces": "province {}", "départements": "département {}"}
# heads of a polity ('European Union'): an organisation only where it acts, not where it is the place
# ('in the European Union', 'auprès de l'Union européenne')
POLITY_HEADS = ("union",)
