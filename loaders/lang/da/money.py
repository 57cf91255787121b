"""Danish currency words and what amounts mean. Cues match at a word start, case-insensitively;
a leading '-' lets them match inside a compound."""

CURRENCIES = {"kr": "DKK", "kroner": "DKK", "kr.": "DKK", "euro": "EUR", "euros": "EUR"}
AMOUNT_MEANINGS = (
    ("EU contribution", ("eu-støtte", "eu-midler", "eu-tilskud", "regionalfond")),
    ("total cost", ("samlet budget", "totalbudget", "samlede budget")),
    ("budget", ("beløb", "budget", "-budget", "portefølje", "-portefølje")),
    ("grant", ("bevilling", "tilskud", "-tilskud", "støtte", "-støtte", "tilsagn", "udmønter")),
)
COFINANCING_CUES = ("medfinansier", "-medfinansier", "støttesats", "-sats", "tilskudsprocent")
# no word joins a magnitude to its currency: "2 mio. kr.", "11,3 millioner euro"
MAGNITUDE_LINKS: tuple[str, ...] = ()
