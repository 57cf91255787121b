"""English country names and adjectives/demonyms -> ISO 3166-1 alpha-2.

Forms starting with a capital must be written with one. Languages names ('English') are left out:
they rarely refer to a country."""

NAMES = {
    "Austria": "AT", "Belgium": "BE", "Bulgaria": "BG", "Croatia": "HR", "Cyprus": "CY", "Czech Republic": "CZ",
    "Czechia": "CZ", "Denmark": "DK", "Estonia": "EE", "Finland": "FI", "France": "FR", "Germany": "DE",
    "Greece": "GR", "Hungary": "HU", "Ireland": "IE", "Italy": "IT", "Latvia": "LV", "Lithuania": "LT",
    "Luxembourg": "LU", "Malta": "MT", "Netherlands": "NL", "Netherland": "NL", "Holland": "NL", "Poland": "PL",
    "Portugal": "PT", "Romania": "RO", "Slovakia": "SK", "Slovenia": "SI", "Spain": "ES", "Sweden": "SE",
    "Norway": "NO", "Iceland": "IS", "Switzerland": "CH", "Liechtenstein": "LI", "United Kingdom": "GB",
    "UK": "GB", "Great Britain": "GB", "Britain": "GB", "England": "GB", "Scotland": "GB", "Wales": "GB",
    "United States": "US", "USA": "US", "Canada": "CA", "China": "CN", "Japan": "JP", "India": "IN",
    "Brazil": "BR", "Turkey": "TR", "Türkiye": "TR", "Ukraine": "UA", "Serbia": "RS", "Albania": "AL",
    "Montenegro": "ME", "North Macedonia": "MK", "Moldova": "MD", "Bosnia and Herzegovina": "BA",
    "Israel": "IL", "Morocco": "MA", "Tunisia": "TN", "Egypt": "EG", "Russia": "RU", "Belarus": "BY",
    "Armenia": "AM", "Faroe Islands": "FO", "Greenland": "GL", "South Korea": "KR", "Australia": "AU",
}
ADJECTIVES = {
    "Austrian": "AT", "Belgian": "BE", "Bulgarian": "BG", "Croatian": "HR", "Cypriot": "CY", "Czech": "CZ",
    "Danish": "DK", "Dane": "DK", "Estonian": "EE", "Finnish": "FI", "Finn": "FI", "French": "FR",
    "German": "DE", "Greek": "GR", "Hungarian": "HU", "Irish": "IE", "Italian": "IT", "Latvian": "LV",
    "Lithuanian": "LT", "Luxembourgish": "LU", "Maltese": "MT", "Dutch": "NL", "Polish": "PL", "Pole": "PL",
    "Portuguese": "PT", "Romanian": "RO", "Slovak": "SK", "Slovenian": "SI", "Spanish": "ES",
    "Spaniard": "ES", "Swedish": "SE", "Swede": "SE", "Norwegian": "NO", "Icelandic": "IS", "Swiss": "CH",
    "British": "GB", "American": "US", "Canadian": "CA", "Chinese": "CN", "Japanese": "JP",
    "Turkish": "TR", "Ukrainian": "UA", "Serbian": "RS", "Moroccan": "MA",
}
ADJECTIVE_ENDINGS = ("", "s")
# adjectives of regions (ISO 3166-2), inflected by ADJECTIVE_ENDINGS: 'Vlaamse Regering' sits in Vlaanderen
REGION_ADJECTIVES = {
    "Flemish": "BE-VLG",
    "Walloon": "BE-WAL",
    "Scottish": "GB-SCT",
    "Welsh": "GB-WLS",
    "Bavarian": "DE-BY",
    "Catalan": "ES-CT",
    "Basque": "ES-PV",
    "Frisian": "NL-FR",
}
# 'in English': a language, not a country
LANGUAGE_PREPOSITIONS = ("in", "into")
LIST_JOINERS = ("and", "or")
# 'University of Latvia' is an organisation; 'Republic of Croatia' is the country itself
NAME_LINKS = ("of", "for")
STATE_TITLES = ("republic", "kingdom", "principality", "duchy", "government")
# a town named right after these words is used as an area ("based in Galway", "near Cork")
TOWN_PREPOSITIONS = ("in", "at", "near", "around", "based in", "located in")
# compounds ending with these name an area (none in English: the area word stands apart)
AREA_SUFFIXES: tuple[str, ...] = ()
