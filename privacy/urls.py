from django.urls import path

from privacy import views

app_name = "privacy"
urlpatterns = [
    path("my-data/", views.my_data, name="my_data"),
    path("delete-account/", views.erase_account, name="erase_account"),
    path("account-deleted/", views.account_erased, name="account_erased"),
    path("requests/", views.subject_access_request, name="subject_access_request"),
]
