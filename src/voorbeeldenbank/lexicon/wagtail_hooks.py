from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AllowedName, LexiconEntry


class LexiconEntryViewSet(SnippetViewSet):
    model = LexiconEntry
    icon = "doc-full"
    menu_label = _("Lexicon")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["term", "category", "advice_only"]
    list_filter = ["category", "advice_only"]
    search_fields = ["term", "variants", "alternatives"]
    ordering = ["term"]


class AllowedNameViewSet(SnippetViewSet):
    model = AllowedName
    icon = "pick"
    menu_label = _("Vaste namen")
    list_display = ["name"]
    search_fields = ["name", "reason"]
    ordering = ["name"]


register_snippet(LexiconEntryViewSet)
register_snippet(AllowedNameViewSet)
