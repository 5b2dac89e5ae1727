"""Public URLs of the examples app outside the page tree (the catalogue is a page)."""

from django.urls import path

from .feeds import ExampleFeed
from .views.compare import compare_add_view, compare_view
from .views.suggestions import quality_view
from .views.version import version_view

app_name = "examples"

urlpatterns = [
    path("vergelijk/", compare_view, name="compare"),
    path("vergelijk/erbij/<slug:slug>/", compare_add_view, name="compare_add"),
    # A file name, so it cannot clash with a page's slug.
    path("voorbeelden.atom", ExampleFeed(), name="feed"),
    # A published version, for citations: the address never changes, whatever the slug does.
    path("versies/<int:revision_id>/", version_view, name="version"),
    path("suggesties/kwaliteit/", quality_view, name="suggestion_quality"),
]
