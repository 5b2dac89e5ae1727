from django.urls import path, re_path

from voorbeeldenbank.lexicon.views.api import taalcheck_api

from . import downloads, views

app_name = "api"

urlpatterns = [
    path("examples/", views.example_list, name="example-list"),
    # Files, not pages: a file name with an extension, so they cannot clash with a slug.
    re_path(
        r"^examples\.(?P<extension>csv|json)\Z",
        downloads.catalogue_download,
        name="catalogue-download",
    ),
    path("examples/<str:slug>/", views.example_detail, name="example-detail"),
    path("elements/", views.element_list, name="element-list"),
    path("matrix/", views.matrix, name="matrix"),
    re_path(
        r"^matrix\.(?P<extension>csv|json)\Z", downloads.matrix_download, name="matrix-download"
    ),
    path("schema/", views.openapi_schema, name="schema"),
    path("taalcheck/", taalcheck_api, name="taalcheck"),
    # Last: unknown addresses (e.g. a slug with a slash in it) get a JSON 404. Only paths that end
    # in a slash, so that CommonMiddleware can still redirect "/api/v1/examples" to the list.
    re_path(r"^(?P<path>(?:.*/)?)\Z", views.not_found, name="not-found"),
]
