"""The Content-Security-Policy: strict on the public site, the admin's own on Wagtail's screens.

The public pages load only the site's own scripts and styles and never inline
code, so a script injected through content cannot run. Wagtail's admin still writes inline styles
and a few inline scripts, so its screens get the policy in `CONTENT_SECURITY_POLICY_ADMIN`, which
differs from the public one only where the admin needs it.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES))


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts
