"""Dutch cues around phone numbers. Cues match case-insensitively at a word start."""

# a national number needs one of these shortly before it (or an e-mail nearby, or a line of its own)
PHONE_CUES = ("tel", "telefoon", "mobiel", "gsm", "bel", "contact", "fax")
# registration numbers look like phone numbers: these before a number say it is not one
NOT_PHONE_CUES = ("kvk", "btw", "iban", "bic", "dossiernummer")
