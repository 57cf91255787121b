"""English cues around phone numbers. Cues match case-insensitively at a word start."""

# a national number needs one of these shortly before it (or an e-mail nearby, or a line of its own)
PHONE_CUES = ("tel", "phone", "telephone", "mobile", "mob", "fax", "call", "contact")
# registration numbers look like phone numbers: these before a number say it is not one
NOT_PHONE_CUES = ("vat", "iban", "bic", "reg. no", "company no", "ref")
