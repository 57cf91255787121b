"""English currency words and what amounts mean. Cues match at a word start, case-insensitively."""

CURRENCIES = {"euro": "EUR", "euros": "EUR", "pounds": "GBP", "pound": "GBP", "dollars": "USD", "dollar": "USD",
              "kroner": "DKK", "krone": "DKK"}
AMOUNT_MEANINGS = (
    ("EU contribution", ("eu budget", "eu contribution", "eu funding", "eu co-financing", "erdf", "eu grant",
                         "the eu contributes", "eu support")),
    ("total cost", ("total project cost", "total cost", "total budget", "project cost")),
    ("budget", ("budget",)),
    ("grant", ("grant", "subsidy", "funding", "award")),
)
COFINANCING_CUES = ("co-financ", "cofinanc", "co-fund", "cofund", "funding rate", "co-financing rate")
MAGNITUDE_LINKS = ("of",)  # "2 million of euros" (rare)
