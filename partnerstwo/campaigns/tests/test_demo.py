"""The demo shows both campaigns in season on the day it is loaded: the 1.5% campaign on the home page with card
views in the panel, and last year's annual reports published by some organisations and not by others."""

import pytest
from django.urls import reverse

from partnerstwo.campaigns import annual_reports, cards, season
from partnerstwo.campaigns.models import CardView

# The demo as one load gives it (conftest.demo_database); tests/test_demo.py runs it twice.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_database")]


def test_the_demo_is_in_the_campaigns_season(client):
    assert season.current() is not None
    listed = cards.organizations(cards.current_edition())
    assert listed.count() >= 5
    home = client.get("/").content.decode()
    assert "home-opp-campaign-heading" in home and reverse("annual_reports:index") in home
    card = listed.order_by("name").first()
    assert client.get(reverse("opp_campaign:card", args=[card.slug])).status_code == 200


def test_the_demo_has_card_views_and_organisations_with_and_without_last_years_report(client):
    from partnerstwo.accounts.models import User

    current = season.latest()
    assert CardView.objects.filter(day__gte=current.starts_on, day__lte=current.ends_on).exists()
    progress = annual_reports.progress(annual_reports.report_year())
    assert 0 < progress.published < progress.total
    history = annual_reports.history(annual_reports.report_year(), total=progress.total)
    assert history[0].published < history[-1].published == progress.published
    client.force_login(User.objects.get(email="urzednik@example.org"))
    views = client.get(reverse("panel:campaigns_panel:card_views"))
    assert views.context["total"] > 0 and views.context["page_obj"].object_list[0].card_views > 0
