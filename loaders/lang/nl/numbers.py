"""Dutch number conventions: '6,75 miljoen', '€ 500.000'."""

DECIMAL_SEPARATOR = ","
MAGNITUDES = {
    "duizend": 10**3, "k": 10**3, "miljoen": 10**6, "miljoenen": 10**6, "mln": 10**6, "mio": 10**6,
    "m": 10**6, "miljard": 10**9, "miljarden": 10**9, "mld": 10**9, "mrd": 10**9,
}
PERCENT_WORDS = ("procent", "pct")
PHONE_REGION = "NL"
