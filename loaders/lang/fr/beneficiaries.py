"""French cues for who may apply and how many partners there are."""

HEADINGS = ("qui sont les bénéficiaires", "bénéficiaires", "qui peut candidater", "qui peut déposer",
            "public cible", "pour qui", "structures éligibles")
PARTNER_WORDS = ("partenaires", "participants partenaires", "participants")
