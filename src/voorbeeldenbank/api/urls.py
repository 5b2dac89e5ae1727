from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("examples/", views.example_list, name="example-list"),
    path("examples/<str:slug>/", views.example_detail, name="example-detail"),
    path("elements/", views.element_list, name="element-list"),
]
