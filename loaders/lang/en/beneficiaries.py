"""English cues for who may apply and how many partners there are."""

HEADINGS = ("eligible beneficiaries", "who can apply", "eligible applicants", "beneficiaries",
            "who is eligible", "target group")
PARTNER_WORDS = ("partners", "participants", "partner organisations", "project partners")
ARTICLES = ("the", "a", "an", "all")  # dropped before an item
LIST_WORDS = ("and", "or")  # split "X, Y and Z" into items
