from typing import Any

from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Element
from .views import admin as admin_views


class ElementViewSet(SnippetViewSet):
    model = Element
    icon = "list-ol"
    menu_label = _("Visie: elementen")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "key", "sort_order"]
    ordering = ["sort_order"]


register_snippet(ElementViewSet)


class LockoutMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return admin_views.can_unlock(request.user)


class LockoutViewSet(ViewSet):
    """Login lockouts (django-axes): a list and an unlock action, not a model's edit views."""

    name = "inlogblokkades"
    icon = "lock"
    menu_label = _("Inlogblokkades")
    menu_item_class = LockoutMenuItem
    add_to_settings_menu = True

    def get_urlpatterns(self) -> list[URLPattern]:
        return [
            path("", admin_views.LockoutIndexView.as_view(), name="index"),
            path("<int:pk>/opheffen/", admin_views.unlock_view, name="unlock"),
        ]


@hooks.register("register_admin_viewset")
def register_lockouts() -> ViewSet:
    return LockoutViewSet()
