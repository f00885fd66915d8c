"""The site's URLs plus one bare view: the floor every page is measured against."""

from django.http import HttpResponse
from django.urls import path

from partnerstwo.urls import handler403, handler404, handler500  # noqa: F401
from partnerstwo.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("__bench__/bare/", bare), *site_urlpatterns]
