"""Dutch country names and adjectives/demonyms -> ISO 3166-1 alpha-2 (Dutch writes both with a capital)."""

NAMES = {
    "Oostenrijk": "AT", "België": "BE", "Belgie": "BE", "Bulgarije": "BG", "Kroatië": "HR", "Cyprus": "CY",
    "Tsjechië": "CZ", "Denemarken": "DK", "Estland": "EE", "Finland": "FI", "Frankrijk": "FR",
    "Duitsland": "DE", "Griekenland": "GR", "Hongarije": "HU", "Ierland": "IE", "Italië": "IT",
    "Letland": "LV", "Litouwen": "LT", "Luxemburg": "LU", "Malta": "MT", "Nederland": "NL", "Holland": "NL",
    "Polen": "PL", "Portugal": "PT", "Roemenië": "RO", "Slowakije": "SK", "Slovenië": "SI", "Spanje": "ES",
    "Zweden": "SE", "Noorwegen": "NO", "IJsland": "IS", "Zwitserland": "CH", "Verenigd Koninkrijk": "GB",
    "Groot-Brittannië": "GB", "Engeland": "GB", "Verenigde Staten": "US", "Canada": "CA", "China": "CN",
    "Japan": "JP", "Turkije": "TR", "Oekraïne": "UA", "Marokko": "MA", "Rusland": "RU",
}
ADJECTIVES = {
    "Oostenrijks": "AT", "Belgisch": "BE", "Bulgaars": "BG", "Kroatisch": "HR", "Cypriotisch": "CY",
    "Tsjechisch": "CZ", "Deens": "DK", "Ests": "EE", "Fins": "FI", "Frans": "FR", "Duits": "DE",
    "Grieks": "GR", "Hongaars": "HU", "Iers": "IE", "Italiaans": "IT", "Lets": "LV", "Litouws": "LT",
    "Luxemburgs": "LU", "Maltees": "MT", "Maltese": "MT", "Nederlands": "NL", "Hollands": "NL",
    "Pools": "PL", "Portugees": "PT", "Portugese": "PT", "Roemeens": "RO", "Slowaaks": "SK",
    "Sloveens": "SI", "Spaans": "ES", "Zweeds": "SE", "Noors": "NO", "IJslands": "IS", "Zwitsers": "CH",
    "Brits": "GB", "Amerikaans": "US", "Canadees": "CA", "Canadese": "CA", "Chinees": "CN",
    "Chinese": "CN", "Japans": "JP", "Turks": "TR", "Oekraïens": "UA", "Marokkaans": "MA",
    "Belgen": "BE", "Nederlanders": "NL", "Duitsers": "DE", "Fransen": "FR", "Denen": "DK", "Noren": "NO",
}
ADJECTIVE_ENDINGS = ("", "e")
# adjectives of regions (ISO 3166-2), inflected by ADJECTIVE_ENDINGS: 'Vlaamse Regering' sits in Vlaanderen
REGION_ADJECTIVES = {
    "Vlaams": "BE-VLG",
    "Waals": "BE-WAL",
    "West-Vlaams": "BE-VWV",
    "Oost-Vlaams": "BE-VOV",
    "Antwerps": "BE-VAN",
    "Fries": "NL-FR",
    "Gelders": "NL-GE",
    "Zeeuws": "NL-ZE",
    "Gronings": "NL-GR",
    "Drents": "NL-DR",
    "Overijssels": "NL-OV",
    "Utrechts": "NL-UT",
}
# 'in het Nederlands': a language, not a country
LANGUAGE_PREPOSITIONS = ("in", "het")
LIST_JOINERS = ("en", "of")
NAME_LINKS = ("van", "voor")
STATE_TITLES = ("koninkrijk", "republiek", "regering")
# a town named right after these words is used as an area ("in Utrecht", "rondom Nijmegen", "te Gent")
TOWN_PREPOSITIONS = ("in", "te", "rond", "rondom", "nabij")
# compounds ending with these name an area ("Noordzeeregio", "Maasregio")
AREA_SUFFIXES = ("regio",)
