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
    "thumbnail",
    "skip to main content",
)
# a line that is only one of these heads a section (its block of names, phones, links follows)
SECTION_LABELS = (
    "contact", "contacts", "contact us", "contact person", "contact persons", "related", "related articles",
    "related news", "share this", "downloads", "documents", "tags", "transcription", "contents",
    "table of contents", "in this section", "quick links", "follow us", "newsletter",
)
# 'Label: value' lines with these labels are fields of the page, not its headline
FIELD_LABELS = (
    "country", "countries", "region", "regions", "program", "programme", "date", "published", "posted",
    "updated", "category", "categories", "tags", "topic", "topics", "theme", "themes", "location", "source",
    "photo", "image", "credit", "author", "by", "type", "status", "sector", "keywords", "language",
)
