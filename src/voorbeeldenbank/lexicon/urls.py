from django.urls import path

from .views.pages import lexicon_entry, lexicon_index
from .views.taalcheck import taalcheck

app_name = "lexicon"

urlpatterns = [
    path("taalcheck/", taalcheck, name="taalcheck"),
    path("lexicon/", lexicon_index, name="index"),
    path("lexicon/<slug:slug>/", lexicon_entry, name="entry"),
]
