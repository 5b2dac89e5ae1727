from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ImprovementTheme, InterviewRecord, Place, TargetGroup, Topic


class TermViewSet(SnippetViewSet):
    list_display = ["title", "key", "sort_order"]
    search_fields = ["title", "key"]


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "group"


class TopicViewSet(TermViewSet):
    model = Topic
    icon = "tag"


class PlaceViewSet(TermViewSet):
    model = Place
    icon = "site"


class ImprovementThemeViewSet(TermViewSet):
    model = ImprovementTheme
    icon = "resubmit"


class InterviewRecordViewSet(SnippetViewSet):
    model = InterviewRecord
    icon = "user"
    list_display = ["example", "mode"]


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Catalogus")
    menu_icon = "folder-open-inverse"
    menu_order = 210
    items = (
        TargetGroupViewSet,
        TopicViewSet,
        PlaceViewSet,
        ImprovementThemeViewSet,
        InterviewRecordViewSet,
    )


register_snippet(VocabularyGroup)
