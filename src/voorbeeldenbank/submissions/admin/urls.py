from django.urls import path

from . import views

app_name = "submissions_admin"

urlpatterns = [
    path("", views.index_view, name="index"),
    path("<int:pk>/", views.detail_view, name="detail"),
    path("<int:pk>/status/", views.transition_view, name="transition"),
    path("<int:pk>/notitie/", views.note_view, name="note"),
    path("<int:pk>/bewerken/", views.edit_view, name="edit"),
    path("<int:pk>/nieuwe-link/", views.new_link_view, name="new_link"),
    path("<int:pk>/e-mail/<int:email_id>/opnieuw/", views.resend_email_view, name="resend_email"),
]
