"""Public URLs of the publication app, mounted under /edities/ (and /en/edities/)."""

from django.urls import path

from . import public_views

app_name = "publication"

urlpatterns = [
    path("", public_views.edition_list, name="edition_list"),
    path("<int:number>/", public_views.edition_html, name="edition_html"),
    path("<int:number>/pdf/", public_views.edition_pdf, name="edition_pdf"),
]
