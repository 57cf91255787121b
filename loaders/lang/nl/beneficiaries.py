"""Dutch cues for who may apply and how many partners there are."""

HEADINGS = ("wie kan aanvragen", "voor wie", "doelgroep", "wie komt in aanmerking", "aanvragers")
PARTNER_WORDS = ("partners", "projectpartners", "deelnemers")
ARTICLES = ("de", "het", "een", "alle")  # dropped before an item
LIST_WORDS = ("en", "of")  # split "X, Y and Z" into items
