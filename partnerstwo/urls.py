from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from partnerstwo.lib import captcha

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
]

# Every page exists in Polish at / and in English under /en/; the slugs stay Polish in both.
urlpatterns += i18n_patterns(
    path(settings.ADMIN_URL_PREFIX, admin.site.urls),
    path("konto/", include("partnerstwo.accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("panel/", include("partnerstwo.panel.urls")),
    path("organizacje/", include("partnerstwo.organizations.urls")),
    path("moje-organizacje/", include("partnerstwo.organizations.manage_urls")),
    path("1-5-procent/", include("partnerstwo.organizations.opp_urls")),
    path("1-5-procent/", include("partnerstwo.campaigns.urls")),
    path("sprawozdania-roczne/", include("partnerstwo.campaigns.annual_report_urls")),
    path("api/", include("partnerstwo.organizations.api_urls")),
    path("wydarzenia/", include("partnerstwo.events.urls")),
    path("szkolenia/", include("partnerstwo.events.training_urls")),
    path("zapisy/", include("partnerstwo.events.registration_urls")),
    path("moje-wydarzenia/", include("partnerstwo.events.manage_urls")),
    path("aktualnosci/", include("partnerstwo.news.urls")),
    path("newsletter/", include("partnerstwo.newsletter.urls")),
    path("konkursy/male-granty/", include("partnerstwo.small_grants.urls")),
    path("konkursy/", include("partnerstwo.grants.urls")),
    path("moje-oferty/", include("partnerstwo.grants.manage_urls")),
    path("zespol/", include("partnerstwo.team.urls")),
    path("konsultacje/", include("partnerstwo.consultations.urls")),
    path("uwagi/", include("partnerstwo.feedback.urls")),
    path("dobre-praktyki/", include("partnerstwo.practices.urls")),
    path("moje-dobre-praktyki/", include("partnerstwo.practices.manage_urls")),
    path("z-zycia-organizacji/", include("partnerstwo.orgnews.urls")),
    path("moje-wiadomosci-organizacji/", include("partnerstwo.orgnews.manage_urls")),
    path("biuletyn/", include("partnerstwo.bulletin.urls")),
    path("partnerzy/", include("partnerstwo.partners.urls")),
    path("program-wspolpracy/", include("partnerstwo.programme.urls")),
    path("badania-potrzeb/", include("partnerstwo.surveys.urls")),
    path("moje-ogloszenia-partnerskie/", include("partnerstwo.partners.manage_urls")),
    # The captcha challenge of every public form, at the feedback form's address.
    path("uwagi/captcha/", captcha.challenge, name="captcha_challenge"),
    path("", include("partnerstwo.pages.urls")),
    prefix_default_language=False,
)

handler403 = "partnerstwo.pages.views.permission_denied"
handler404 = "partnerstwo.pages.views.page_not_found"
handler500 = "partnerstwo.pages.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
