from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from partnerstwo.lib.display import COOKIE_MAX_AGE, COOKIE_NAME, TEXT_SIZES, display_preferences
from partnerstwo.news.models import NewsItem
from partnerstwo.pages import privacy
from partnerstwo.pages.models import ContentPage

HOME_NEWS_COUNT = 3


def home(request):
    latest_news = NewsItem.objects.published().only("title", "slug", "lead", "published_at")[:HOME_NEWS_COUNT]
    return render(request, "pages/home.html", {"latest_news": latest_news})


def page(request, slug):
    content_page = get_object_or_404(
        ContentPage.objects.visible_to(request.user).select_related("updated_by"), slug=slug
    )
    context = {"page": content_page}
    if content_page.slug == privacy.PRIVACY_SLUG:
        context.update(privacy_register=privacy.processing_register(), map_tiles=privacy.map_tiles(),
                       controller=settings.CITY.get("data_controller", {}))
    return render(request, "pages/page.html", context)


@require_GET
def display(request):
    """Switch text size or contrast and go back: plain links and buttons, no JavaScript needed."""
    current = display_preferences(request)
    text_size = request.GET.get("text", current.text_size)
    if text_size not in TEXT_SIZES:
        text_size = current.text_size
    contrast = request.GET.get("contrast")
    high_contrast = current.high_contrast if contrast not in ("on", "off") else contrast == "on"
    next_url = request.GET.get("next", "/")
    safe = url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if not safe:
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    value = type(current)(text_size=text_size, high_contrast=high_contrast).as_cookie()
    response.set_cookie(
        COOKIE_NAME, value, max_age=COOKIE_MAX_AGE, samesite="Lax", secure=request.is_secure(), httponly=True
    )
    return response


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    # Rendered with a plain context: the failure may come from a context processor or the database.
    return render(request, "errors/500.html", status=500)
