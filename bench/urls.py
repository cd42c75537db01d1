"""The site's URLs plus the reference views the benchmark compares against."""

from django.http import HttpResponse
from django.urls import include, path


def hello(request):
    return HttpResponse("Hello")


urlpatterns = [
    path("__bench__/hello/", hello, name="bench_hello"),
    path("", include("config.urls")),
]
