"""The submissions panel on the Wagtail admin dashboard."""

from __future__ import annotations

from typing import Any

from wagtail.admin.ui.components import Component

from .views.queue import redactie_turn_count, waiting_by_state


class WaitingSubmissionsPanel(Component):
    """Per open state: how many submissions wait, and the ones waiting longest."""

    name = "waiting_submissions"
    template_name = "submissions/admin/dashboard_panel.html"
    # Before Wagtail's own panels (workflow moderation is 210).
    order = 150

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        context["groups"] = waiting_by_state()
        context["redactie_turn"] = redactie_turn_count()
        return context
