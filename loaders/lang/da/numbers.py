"""Danish number conventions: '11,3 mio.', '1.500.000'."""

DECIMAL_SEPARATOR = ","
MAGNITUDES = {
    "tusind": 10**3, "t": 10**3, "k": 10**3, "mio": 10**6, "million": 10**6, "millioner": 10**6,
    "mill": 10**6, "m": 10**6, "mia": 10**9, "milliard": 10**9, "milliarder": 10**9, "mrd": 10**9,
}
PERCENT_WORDS = ("procent", "pct")
PHONE_REGION = "DK"
