"""Public pages of the competitions: list with filters, the competition page, results, the deadlines feed."""

from django.http import HttpResponse


def competition_list(request):
    return HttpResponse("TODO")


def results(request):
    return HttpResponse("TODO")


def deadlines_ical(request):
    return HttpResponse("TODO")


def competition_detail(request, slug):
    return HttpResponse("TODO")
