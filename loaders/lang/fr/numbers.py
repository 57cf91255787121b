"""French number conventions: '1 103 559,81'."""

DECIMAL_SEPARATOR = ","
MAGNITUDES = {
    "mille": 10**3, "k": 10**3, "million": 10**6, "millions": 10**6, "m": 10**6, "mio": 10**6,
    "mln": 10**6, "milliard": 10**9, "milliards": 10**9, "md": 10**9, "mds": 10**9, "mrd": 10**9,
}
PERCENT_WORDS = ("pour cent", "pourcent", "pourcents")
PHONE_REGION = "FR"
