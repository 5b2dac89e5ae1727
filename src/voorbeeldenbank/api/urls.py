from django.urls import path, re_path

from . import views

app_name = "api"

urlpatterns = [
    path("examples/", views.example_list, name="example-list"),
    path("examples/<str:slug>/", views.example_detail, name="example-detail"),
    path("elements/", views.element_list, name="element-list"),
    # Last: unknown addresses (e.g. a slug with a slash in it) get a JSON 404. Only paths that end
    # in a slash, so that CommonMiddleware can still redirect "/api/v1/examples" to the list.
    re_path(r"^(?P<path>(?:.*/)?)\Z", views.not_found, name="not-found"),
]
