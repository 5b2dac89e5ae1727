"""Public addresses of the research: only the interviewee's signed member-check link."""

from django.urls import path

from .views.public import member_check_view

app_name = "research"

urlpatterns = [
    path("verslag/<str:signed>/", member_check_view, name="member_check"),
]
