from django.urls import path

from .views.leader import close_view, csv_view, leader_view
from .views.overview import overview_view
from .views.public import (
    index_view,
    new_session_view,
    result_pdf_view,
    result_view,
    session_view,
    solo_view,
)

app_name = "reflection"

urlpatterns = [
    path("", index_view, name="index"),
    path("nieuw/", new_session_view, name="new"),
    path("alleen/", solo_view, name="solo"),
    path("overzicht/", overview_view, name="overview"),
    path("s/<str:code>/", session_view, name="session"),
    path("s/<str:code>/resultaat/", result_view, name="result"),
    path("s/<str:code>/resultaat.pdf", result_pdf_view, name="result_pdf"),
    path("s/<str:code>/leiding/<str:token>/", leader_view, name="leader"),
    path("s/<str:code>/leiding/<str:token>/sluiten/", close_view, name="close"),
    path("s/<str:code>/leiding/<str:token>/antwoorden.csv", csv_view, name="csv"),
]
