"""English cues for who may apply and how many partners there are."""

HEADINGS = ("eligible beneficiaries", "who can apply", "eligible applicants", "beneficiaries",
            "who is eligible", "target group")
PARTNER_WORDS = ("partners", "participants", "partner organisations", "project partners")
