"""Danish country names and adjectives/demonyms -> ISO 3166-1 alpha-2."""

NAMES = {
    "Østrig": "AT", "Belgien": "BE", "Bulgarien": "BG", "Kroatien": "HR", "Cypern": "CY", "Tjekkiet": "CZ",
    "Danmark": "DK", "Estland": "EE", "Finland": "FI", "Frankrig": "FR", "Tyskland": "DE",
    "Grækenland": "GR", "Ungarn": "HU", "Irland": "IE", "Italien": "IT", "Letland": "LV", "Litauen": "LT",
    "Luxembourg": "LU", "Malta": "MT", "Holland": "NL", "Nederlandene": "NL", "Polen": "PL",
    "Portugal": "PT", "Rumænien": "RO", "Slovakiet": "SK", "Slovenien": "SI", "Spanien": "ES",
    "Sverige": "SE", "Norge": "NO", "Island": "IS", "Schweiz": "CH", "Storbritannien": "GB",
    "England": "GB", "USA": "US", "Canada": "CA", "Kina": "CN", "Japan": "JP", "Indien": "IN",
    "Tyrkiet": "TR", "Ukraine": "UA", "Færøerne": "FO", "Grønland": "GL", "Rusland": "RU",
}
ADJECTIVES = {
    "østrigsk": "AT", "belgisk": "BE", "bulgarsk": "BG", "kroatisk": "HR", "cypriotisk": "CY",
    "tjekkisk": "CZ", "dansk": "DK", "estisk": "EE", "finsk": "FI", "fransk": "FR", "tysk": "DE",
    "græsk": "GR", "ungarsk": "HU", "irsk": "IE", "italiensk": "IT", "lettisk": "LV", "litauisk": "LT",
    "luxembourgsk": "LU", "maltesisk": "MT", "hollandsk": "NL", "nederlandsk": "NL", "polsk": "PL",
    "portugisisk": "PT", "rumænsk": "RO", "slovakisk": "SK", "slovensk": "SI", "spansk": "ES",
    "svensk": "SE", "norsk": "NO", "islandsk": "IS", "schweizisk": "CH", "britisk": "GB",
    "amerikansk": "US", "canadisk": "CA", "kinesisk": "CN", "japansk": "JP", "tyrkisk": "TR",
    "ukrainsk": "UA", "færøsk": "FO", "grønlandsk": "GL", "dansker": "DK", "svensker": "SE",
    "nordmænd": "NO", "tysker": "DE", "franskmænd": "FR", "hollænder": "NL",
}
ADJECTIVE_ENDINGS = ("", "e", "es")
# adjectives of regions (ISO 3166-2), inflected by ADJECTIVE_ENDINGS: 'Vlaamse Regering' sits in Vlaanderen
REGION_ADJECTIVES = {
    "nordjysk": "DK-81",
    "midtjysk": "DK-82",
    "sjællandsk": "DK-85",
    "flamsk": "BE-VLG",
    "vallonsk": "BE-WAL",
    "skotsk": "GB-SCT",
    "bayersk": "DE-BY",
    "katalansk": "ES-CT",
}
# 'på dansk': a language, not a country
LANGUAGE_PREPOSITIONS = ("på",)
LIST_JOINERS = ("og", "eller")
NAME_LINKS = ("af", "for")
STATE_TITLES = ("kongeriget", "republikken", "regeringen")
# a town named right after these words is used as an area ("i Aarhus", "omkring Odense")
TOWN_PREPOSITIONS = ("i", "ved", "omkring", "nær")
# compounds ending with these name an area ("Østersøregionen", "Øresundsregionen")
AREA_SUFFIXES = ("regionen",)
