"""Public URLs of the publication app: the editions, and the PDF of one example."""

from django.urls import path

from .views import editions, example_pdf

app_name = "publication"

urlpatterns = [
    path("edities/", editions.edition_list, name="edition_list"),
    path("edities/<int:number>/", editions.edition_html, name="edition_html"),
    path("edities/<int:number>/pdf/", editions.edition_pdf, name="edition_pdf"),
    # Before Wagtail's catch-all; an example page has no child pages, so nothing is shadowed.
    path("voorbeelden/<str:slug>/pdf/", example_pdf.example_pdf_view, name="example_pdf"),
]
