"""English page furniture (never a title) (what the page's own headline never is)."""

# a first line that starts with one of these is navigation, not a title
FURNITURE = (
    "about",
    "who we are",
    "you are here",
    "search",
    "home",
    "menu",
    "back to",
    "skip to",
    "share",
    "print",
    "topics",
    "news",
    "read more",
    "cookies",
    "log in",
    "sign in",
    "breadcrumb",
)
