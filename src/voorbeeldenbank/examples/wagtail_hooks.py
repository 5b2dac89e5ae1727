from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    ExampleIndexPage,
    ImprovementTheme,
    InterviewRecord,
    Place,
    SearchSynonym,
    TargetGroup,
    Topic,
)
from .views.catalogue import catalogue_view


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


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "list-ul"
    list_display = ["terms", "note"]
    search_fields = ["terms", "note"]


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
        SearchSynonymViewSet,
    )


register_snippet(VocabularyGroup)


@hooks.register("on_serve_page")
def serve_the_catalogue(next_serve):
    """The catalogue page answers with the search: results, facets, the htmx fragment."""

    def serve(page, request, args, kwargs):
        if isinstance(page, ExampleIndexPage):
            return catalogue_view(request, page)
        return next_serve(page, request, args, kwargs)

    return serve
