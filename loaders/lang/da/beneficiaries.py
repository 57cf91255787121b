"""Danish cues for who may apply and how many partners there are."""

HEADINGS = ("hvem kan søge", "målgruppe", "ansøgerkreds", "støtteberettigede")
PARTNER_WORDS = ("partnere", "projektpartnere", "deltagere")
ARTICLES = ("de", "den", "det", "alle", "en", "et")  # dropped before an item
LIST_WORDS = ("og", "eller")  # split "X, Y and Z" into items
