"""Dutch cues for who may apply and how many partners there are."""

HEADINGS = ("wie kan aanvragen", "voor wie", "doelgroep", "wie komt in aanmerking", "aanvragers")
PARTNER_WORDS = ("partners", "projectpartners", "deelnemers")
