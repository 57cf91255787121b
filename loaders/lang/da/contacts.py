"""Danish cues around phone numbers. Cues match case-insensitively at a word start."""

# a national number needs one of these shortly before it (or an e-mail nearby, or a line of its own)
PHONE_CUES = ("tlf", "tf", "telefon", "mobil", "ring", "kontakt", "fax")
# registration numbers look like phone numbers: these before a number say it is not one
NOT_PHONE_CUES = ("cvr", "se-nr", "p-nr", "ean", "sagsnr", "j.nr", "iban")
