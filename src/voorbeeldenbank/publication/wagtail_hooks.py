from typing import Any

from django.db.models import Case, QuerySet, Value, When
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from .constants import ChapterKind
from .models import ReportChapter
from .views import admin as admin_views


class EditionMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return admin_views.can_view(request.user)


class EditionViewSet(ViewSet):
    """Building and listing editions: a workflow screen, not a model's create/edit views."""

    name = "edities"
    icon = "doc-full"
    menu_label = _("Edities")
    menu_item_class = EditionMenuItem

    def get_urlpatterns(self) -> list[URLPattern]:
        return [
            path("", admin_views.EditionIndexView.as_view(), name="index"),
            path("bouwen/", admin_views.start_view, name="start"),
            path("voorbereiden/", admin_views.EditionPreviewView.as_view(), name="preview"),
            path("bouw/<int:pk>/", admin_views.build_status_view, name="build"),
            path("bouw/<int:pk>/afbreken/", admin_views.cancel_view, name="cancel"),
            path("bouw/<int:pk>/opnieuw/", admin_views.retry_view, name="retry"),
        ]


class ReportChapterViewSet(SnippetViewSet):
    model = ReportChapter
    icon = "doc-full-inverse"
    menu_label = _("Hoofdstukken")
    list_display = ["title", "kind"]

    def get_queryset(self, request: Any) -> QuerySet[ReportChapter]:
        # In the order of the report, not alphabetically.
        order = Case(
            *(When(kind=kind, then=Value(i)) for i, kind in enumerate(ChapterKind.values)),
            default=Value(len(ChapterKind.values)),
        )
        return ReportChapter.objects.order_by(order)


class ReportGroup(ViewSetGroup):
    menu_label = _("Publicatie")
    menu_icon = "doc-full"
    menu_order = 220
    items = (EditionViewSet, ReportChapterViewSet)


@hooks.register("register_admin_viewset")
def register_report() -> ViewSetGroup:
    return ReportGroup()
