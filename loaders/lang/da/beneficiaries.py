"""Danish cues for who may apply and how many partners there are."""

HEADINGS = ("hvem kan søge", "målgruppe", "ansøgerkreds", "støtteberettigede")
PARTNER_WORDS = ("partnere", "projektpartnere", "deltagere")
