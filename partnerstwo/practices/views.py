"""The library's public pages: the list with search and filters, and a practice with its attachments."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from partnerstwo.practices.forms import FilterForm
from partnerstwo.practices.models import Attachment, GoodPractice, Status

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

PAGE_SIZE = 20


@require_safe
def index(request):
    form = FilterForm(request.GET)
    practices = GoodPractice.objects.published().matching(**form.filters()).for_list().newest()
    page = Paginator(practices, PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "practices/list.html", {"form": form, "page_obj": page})


@require_safe
def detail(request, slug):
    practice = get_object_or_404(
        GoodPractice.objects.published().select_related("organization").prefetch_related(
            "spheres", "topics", "attachments"
        ),
        slug=slug,
    )
    return render(request, "practices/detail.html", {"practice": practice})


@require_safe
def attachment(request, pk):
    """An attachment from private storage: anyone's once the practice is published, before that only the
    proposer's and the Centre's (Attachment.objects.readable_by); a 404 for others, as for a missing file."""
    item = get_object_or_404(Attachment.objects.readable_by(request.user).select_related("practice"), pk=pk)
    if not item.file or not item.file.storage.exists(item.file.name):
        raise Http404
    response = FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.file.name.rsplit("/", 1)[-1],
        content_type=CONTENT_TYPES.get(item.file_type, "application/octet-stream"),
    )
    if item.practice.status != Status.PUBLISHED:
        # Not for shared caches: the next reader may not be allowed to see it.
        patch_cache_control(response, private=True, no_store=True)
    return response
