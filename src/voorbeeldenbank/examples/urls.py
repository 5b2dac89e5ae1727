"""Public URLs of the examples app outside the page tree (the catalogue is a page)."""

from django.urls import path

from .feeds import ExampleFeed
from .views.compare import compare_view

app_name = "examples"

urlpatterns = [
    path("vergelijk/", compare_view, name="compare"),
    # A file name, so it cannot clash with a page's slug.
    path("voorbeelden.atom", ExampleFeed(), name="feed"),
]
