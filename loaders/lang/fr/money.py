"""French currency words and what amounts mean. Cues match at a word start, case-insensitively."""

CURRENCIES = {"euro": "EUR", "euros": "EUR", "livres": "GBP", "dollars": "USD", "couronnes": "DKK"}
AMOUNT_MEANINGS = (
    ("EU contribution", ("contribution ue", "feder", "financement européen", "participation ue", "aide ue")),
    ("total cost", ("coût total", "budget total", "montant total")),
    ("budget", ("budget", "enveloppe")),
    ("grant", ("subvention", "aide", "dotation", "financement")),
)
COFINANCING_CUES = ("cofinanc", "co-financ", "taux", "taux d'aide", "taux de cofinancement")
MAGNITUDE_LINKS = ("d'", "d’", "de")  # "15 millions d'euros"
