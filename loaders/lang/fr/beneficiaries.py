"""French cues for who may apply and how many partners there are."""

HEADINGS = ("qui sont les bénéficiaires", "bénéficiaires", "qui peut candidater", "qui peut déposer",
            "public cible", "pour qui", "structures éligibles")
PARTNER_WORDS = ("partenaires", "participants partenaires", "participants")
# dropped before an item
ARTICLES = ("les", "le", "la", "l'", "l’", "des", "un", "une", "tout", "toute", "tous", "toutes")
LIST_WORDS = ("et", "ou")  # split "X, Y and Z" into items
