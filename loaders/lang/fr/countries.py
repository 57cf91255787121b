"""French country names and adjectives/demonyms -> ISO 3166-1 alpha-2."""

NAMES = {
    "Autriche": "AT", "Belgique": "BE", "Bulgarie": "BG", "Croatie": "HR", "Chypre": "CY",
    "République tchèque": "CZ", "Tchéquie": "CZ", "Danemark": "DK", "Estonie": "EE", "Finlande": "FI",
    "France": "FR", "Allemagne": "DE", "Grèce": "GR", "Hongrie": "HU", "Irlande": "IE", "Italie": "IT",
    "Lettonie": "LV", "Lituanie": "LT", "Luxembourg": "LU", "Malte": "MT", "Pays-Bas": "NL", "Pays Bas": "NL",
    "Hollande": "NL", "Pologne": "PL", "Portugal": "PT", "Roumanie": "RO", "Slovaquie": "SK",
    "Slovénie": "SI", "Espagne": "ES", "Suède": "SE", "Norvège": "NO", "Islande": "IS", "Suisse": "CH",
    "Royaume-Uni": "GB", "Grande-Bretagne": "GB", "Angleterre": "GB", "États-Unis": "US",
    "Etats-Unis": "US", "Canada": "CA", "Chine": "CN", "Japon": "JP", "Inde": "IN", "Brésil": "BR",
    "Turquie": "TR", "Ukraine": "UA", "Serbie": "RS", "Maroc": "MA", "Tunisie": "TN", "Algérie": "DZ",
    "Russie": "RU", "Groenland": "GL",
}
ADJECTIVES = {
    "autrichien": "AT", "autrichienne": "AT", "belge": "BE", "bulgare": "BG", "croate": "HR",
    "chypriote": "CY", "tchèque": "CZ", "danois": "DK", "danoise": "DK", "estonien": "EE", "estonienne": "EE",
    "finlandais": "FI", "finlandaise": "FI", "français": "FR", "française": "FR", "allemand": "DE",
    "allemande": "DE", "grec": "GR", "grecque": "GR", "hongrois": "HU", "hongroise": "HU",
    "irlandais": "IE", "irlandaise": "IE", "italien": "IT", "italienne": "IT", "letton": "LV",
    "lettonne": "LV", "lituanien": "LT", "lituanienne": "LT", "luxembourgeois": "LU",
    "luxembourgeoise": "LU", "maltais": "MT", "maltaise": "MT", "néerlandais": "NL", "néerlandaise": "NL",
    "hollandais": "NL", "hollandaise": "NL", "polonais": "PL", "polonaise": "PL", "portugais": "PT",
    "portugaise": "PT", "roumain": "RO", "roumaine": "RO", "slovaque": "SK", "slovène": "SI",
    "espagnol": "ES", "espagnole": "ES", "suédois": "SE", "suédoise": "SE", "norvégien": "NO",
    "norvégienne": "NO", "islandais": "IS", "islandaise": "IS", "britannique": "GB", "américain": "US",
    "américaine": "US", "canadien": "CA", "canadienne": "CA", "chinois": "CN", "chinoise": "CN",
    "japonais": "JP", "japonaise": "JP", "turc": "TR", "turque": "TR", "ukrainien": "UA",
    "ukrainienne": "UA", "marocain": "MA", "marocaine": "MA",
}
ADJECTIVE_ENDINGS = ("", "s")
# adjectives of regions (ISO 3166-2), inflected by ADJECTIVE_ENDINGS: 'Vlaamse Regering' sits in Vlaanderen
REGION_ADJECTIVES = {
    "wallon": "BE-WAL",
    "wallonne": "BE-WAL",
    "flamand": "BE-VLG",
    "flamande": "BE-VLG",
    "bruxellois": "BE-BRU",
    "bruxelloise": "BE-BRU",
    "normand": "FR-NOR",
    "normande": "FR-NOR",
    "breton": "FR-BRE",
    "bretonne": "FR-BRE",
    "occitan": "FR-OCC",
    "occitane": "FR-OCC",
    "francilien": "FR-IDF",
    "francilienne": "FR-IDF",
}
# 'en français': a language, not a country
LANGUAGE_PREPOSITIONS = ("en",)
LIST_JOINERS = ("et", "ou")
# 'Banque de France' is an organisation; 'République de Croatie' is the country itself
NAME_LINKS = ("de", "du", "des")
STATE_TITLES = ("république", "royaume", "principauté", "grand-duché", "gouvernement")
# a town named right after these words is used as an area ("implanté à Nantes", "près de Lille")
TOWN_PREPOSITIONS = ("à", "près de", "autour de", "basé à", "situé à")
# compounds ending with these name an area (none in French: the area word stands apart)
AREA_SUFFIXES: tuple[str, ...] = ()
