"""English number conventions."""

DECIMAL_SEPARATOR = "."
MAGNITUDES = {
    "thousand": 10**3, "k": 10**3, "million": 10**6, "millions": 10**6, "mio": 10**6, "mn": 10**6,
    "mln": 10**6, "m": 10**6, "billion": 10**9, "billions": 10**9, "bn": 10**9,
}
PERCENT_WORDS = ("per cent", "percent", "pct")
PHONE_REGION = "GB"
