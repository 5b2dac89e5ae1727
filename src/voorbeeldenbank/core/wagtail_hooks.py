from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Element


class ElementViewSet(SnippetViewSet):
    model = Element
    icon = "list-ol"
    menu_label = _("Visie: elementen")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "key", "sort_order"]
    ordering = ["sort_order"]


register_snippet(ElementViewSet)
