"""Dutch currency words and what amounts mean. Cues match at a word start, case-insensitively;
a leading '-' lets them match inside a compound."""

CURRENCIES = {"euro": "EUR", "euros": "EUR"}
AMOUNT_MEANINGS = (
    ("EU contribution", ("efro", "eu-bijdrage", "europese bijdrage", "eu-middelen")),
    ("total cost", ("totale omvang", "totale kosten", "totaal budget", "totale begroting")),
    ("budget", ("budget", "begroting", "omvang")),
    ("grant", ("subsidie", "-subsidie", "bijdrage", "cofinanciering", "gereserveerd")),
)
COFINANCING_CUES = ("cofinanc", "co-financ", "subsidiepercentage", "steunpercentage")
# no word joins a magnitude to its currency: "2 miljoen euro", "€ 6,75 mln"
MAGNITUDE_LINKS: tuple[str, ...] = ()
