from django.urls import path

from privacy import views

app_name = "privacy"
urlpatterns = [
    path("my-data/", views.my_data, name="my_data"),
    path("requests/", views.subject_access_request, name="subject_access_request"),
]
