import re

# Wagtail allows Unicode slugs by default, so accept Django's Unicode slug pattern; Page.slug is
# at most 255 characters. Anything else cannot be a slug and must not reach the database (a NUL
# byte, for one, makes PostgreSQL raise).
SLUG_RE = re.compile(r"^[-\w]+\Z")
SLUG_MAX_LENGTH = 255


def is_valid_slug(value: str) -> bool:
    return len(value) <= SLUG_MAX_LENGTH and bool(SLUG_RE.match(value))
