from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import DiscussionQuestion, Statement


class StatementViewSet(SnippetViewSet):
    model = Statement
    icon = "list-ul"
    menu_label = _("Stellingen")
    list_display = ["text_nl", "element", "version", "active"]
    list_filter = ["element", "active"]
    search_fields = ["text_nl", "text_en"]
    ordering = ["element__sort_order", "order"]


class DiscussionQuestionViewSet(SnippetViewSet):
    model = DiscussionQuestion
    icon = "help"
    menu_label = _("Gespreksvragen")
    list_display = ["text_nl", "element"]
    list_filter = ["element"]
    search_fields = ["text_nl", "text_en"]
    ordering = ["element__sort_order", "order"]


class ReflectionViewSetGroup(SnippetViewSetGroup):
    items = (StatementViewSet, DiscussionQuestionViewSet)
    menu_icon = "list-ul"
    menu_label = _("Reflectiescan")
    menu_order = 230


register_snippet(ReflectionViewSetGroup)
