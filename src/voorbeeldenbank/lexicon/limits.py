"""Rate limits on the language check, the site's most expensive answer per byte sent.

The page counts per browser and per client IP; the API (no cookies) per client IP only. Both
share the IP ceiling, so switching from the page to the API buys no extra checks.
"""

from django.http import HttpRequest

from voorbeeldenbank.core.ratelimit import Limit, Rate, per_browser, per_ip

SCOPE = "taalcheck"


def taalcheck_limits(request: HttpRequest, *, page: bool) -> list[Limit]:
    limits = []
    if page:
        browser = per_browser(SCOPE, request, Rate.setting("TAALCHECK_RATE_LIMIT"))
        if browser is not None:
            limits.append(browser)
    limits.append(per_ip(SCOPE, request, Rate.setting("TAALCHECK_RATE_LIMIT_PER_IP")))
    return limits
