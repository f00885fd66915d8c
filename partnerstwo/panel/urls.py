from django.urls import include, path

from partnerstwo.panel import views

app_name = "panel"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("strony/", include("partnerstwo.pages.panel_urls")),
    path("aktualnosci/", include("partnerstwo.news.panel_urls")),
    path("uwagi/", include("partnerstwo.feedback.panel_urls")),
    path("organizacje/", include("partnerstwo.organizations.panel_urls")),
    path("wydarzenia/", include("partnerstwo.events.panel_urls")),
    path("zapisy/", include("partnerstwo.events.registration_panel_urls")),
    path("rozsylki/", include("partnerstwo.newsletter.panel_urls")),
    path("konkursy/male-granty/", include("partnerstwo.small_grants.panel_urls")),
    path("konkursy/", include("partnerstwo.grants.panel_urls")),
    path("zespol/", include("partnerstwo.team.panel_urls")),
    path("dobre-praktyki/", include("partnerstwo.practices.panel_urls")),
    path("z-zycia-organizacji/", include("partnerstwo.orgnews.panel_urls")),
    path("biuletyn/", include("partnerstwo.bulletin.panel_urls")),
    path("partnerzy/", include("partnerstwo.partners.panel_urls")),
    path("kampanie/", include("partnerstwo.campaigns.panel_urls")),
    path("konsultacje/", include("partnerstwo.consultations.panel_urls")),
    path("program-wspolpracy/", include("partnerstwo.programme.panel_urls")),
    path("badania-potrzeb/", include("partnerstwo.surveys.panel_urls")),
    path("program-wspolpracy/", include("partnerstwo.programme.monitoring_panel_urls")),
]
