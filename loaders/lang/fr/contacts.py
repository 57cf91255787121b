"""French cues around phone numbers. Cues match case-insensitively at a word start."""

# a national number needs one of these shortly before it (or an e-mail nearby, or a line of its own)
PHONE_CUES = ("tél", "tel", "téléphone", "portable", "mobile", "fax", "contact")
# registration numbers look like phone numbers: these before a number say it is not one
NOT_PHONE_CUES = ("siret", "siren", "tva", "iban", "bic", "n° de dossier")
