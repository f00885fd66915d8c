from django.shortcuts import get_object_or_404, render

from .models import Programme


def programme_list(request):
    programmes = Programme.objects.select_related("department")
    return render(request, "programme/list.html", {"programmes": programmes})


def programme_detail(request, slug):
    programme = get_object_or_404(Programme.objects.select_related("department"), slug=slug)
    return render(request, "programme/detail.html", {"programme": programme})
