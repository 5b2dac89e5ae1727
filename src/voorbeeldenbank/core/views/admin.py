"""Beheer's "Inlogblokkades" screen: who is locked out of the admin, and lifting a lockout."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import user_passes_test
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..lockout import cool_off


def can_unlock(user: Any) -> bool:
    return bool(user.is_superuser or user.has_perm("axes.delete_accessattempt"))


def lockout_rows(now: datetime | None = None) -> list[dict[str, Any]]:
    """Attempts that still count (within the cool-off), locked ones first."""
    now = now or timezone.now()
    attempts = AccessAttempt.objects.filter(attempt_time__gte=now - cool_off()).order_by(
        "-failures_since_start", "-attempt_time"
    )
    return [
        {
            "attempt": attempt,
            "locked": attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT,
            "until": attempt.attempt_time + cool_off(),
        }
        for attempt in attempts
    ]


@method_decorator(user_passes_test(can_unlock), name="dispatch")
class LockoutIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/lockouts.html"
    page_title = gettext_lazy("Inlogblokkades")
    header_icon = "lock"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            rows=lockout_rows(),
            failure_limit=settings.AXES_FAILURE_LIMIT,
            cool_off_minutes=int(cool_off().total_seconds() // 60),
        )
        return context


@require_POST
@user_passes_test(can_unlock)
def unlock_view(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = get_object_or_404(AccessAttempt, pk=pk)
    if attempt.username is None and attempt.ip_address is None:
        # axes' reset() without either would clear every lockout, not this one.
        attempt.delete()
    else:
        reset(ip=attempt.ip_address, username=attempt.username)
    messages.success(
        request,
        _("De blokkade van %(username)s (%(ip)s) is opgeheven.")
        % {"username": attempt.username or "?", "ip": attempt.ip_address or "?"},
    )
    return redirect("inlogblokkades:index")
