from django.urls import path

from .views.contact import contact_view
from .views.lost_link import lost_link_view
from .views.public import review_view, start_view, status_view, step_view, submit_view
from .views.upload import template_view, upload_view

app_name = "submissions"

urlpatterns = [
    path("", start_view, name="start"),
    path("sjabloon.docx", template_view, name="template"),
    path("goedkeuren/<str:signed>/", contact_view, name="contact"),
    path("link-kwijt/", lost_link_view, name="lost_link"),
    path("<str:token>/", status_view, name="status"),
    path("<str:token>/stap/<slug:step>/", step_view, name="step"),
    path("<str:token>/controleren/", review_view, name="review"),
    path("<str:token>/indienen/", submit_view, name="submit"),
    path("<str:token>/word/", upload_view, name="upload"),
]
