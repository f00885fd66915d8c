"""Public pages of the newsletter: sign-up with double opt-in, preferences by link, unsubscribe."""

from django.http import HttpResponse


def subscribe(request):
    return HttpResponse("TODO")


def confirm(request, token):
    return HttpResponse("TODO")


def preferences(request, token):
    return HttpResponse("TODO")


def unsubscribe(request, token):
    return HttpResponse("TODO")
