"""Who may open the mailings panel: officials and administrators; Team members and everyone else may not."""

import pytest
from django.urls import reverse

from partnerstwo.newsletter.models import Mailing, SuppressedAddress


@pytest.fixture
def mailing(db):
    return Mailing.objects.create(subject="Nabór do Zespołu", body="Treść", segment=Mailing.Segment.ALL_ORGANIZATIONS)


def urls(mailing):
    return [
        reverse("panel:newsletter_panel:index"),
        reverse("panel:newsletter_panel:create"),
        reverse("panel:newsletter_panel:detail", args=[mailing.pk]),
        reverse("panel:newsletter_panel:edit", args=[mailing.pk]),
        reverse("panel:newsletter_panel:schedule", args=[mailing.pk]),
        reverse("panel:newsletter_panel:failures", args=[mailing.pk]),
        reverse("panel:newsletter_panel:uncertain", args=[mailing.pk]),
        reverse("panel:newsletter_panel:suppressed"),
    ]


@pytest.mark.parametrize("role", ["official_x", "administrator"])
def test_officials_and_administrators_open_every_page(request, client, mailing, role):
    client.force_login(request.getfixturevalue(role))

    for url in urls(mailing):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", ["team_member", "representative_a", "resident"])
def test_team_members_representatives_and_residents_are_refused(request, client, mailing, role):
    client.force_login(request.getfixturevalue(role))
    address = SuppressedAddress.objects.create(email="zly@example.org", reason="550")

    for url in urls(mailing):
        assert client.get(url).status_code == 403, url
    for name in ("send_now", "send_test", "cancel"):
        assert client.post(reverse(f"panel:newsletter_panel:{name}", args=[mailing.pk])).status_code == 403
    assert client.post(reverse("panel:newsletter_panel:lift", args=[address.pk])).status_code == 403
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DRAFT
    assert SuppressedAddress.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, mailing):
    for url in urls(mailing):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


def test_an_unknown_mailing_is_not_found(client, official_x):
    client.force_login(official_x)

    assert client.get(reverse("panel:newsletter_panel:detail", args=[999])).status_code == 404


def test_sending_requires_the_csrf_token(official_x, mailing):
    from partnerstwo.lib.testing import TwoFactorClient

    client = TwoFactorClient(enforce_csrf_checks=True)
    client.force_login(official_x)

    assert client.post(reverse("panel:newsletter_panel:send_now", args=[mailing.pk])).status_code == 403
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DRAFT


def test_only_one_off_mailings_are_previewed_here(client, official_x):
    digest = Mailing.objects.create(subject="Przegląd", kind=Mailing.Kind.DIGEST, status=Mailing.Status.DONE)
    client.force_login(official_x)

    assert client.get(reverse("panel:newsletter_panel:preview", args=[digest.pk])).status_code == 404
    assert client.post(reverse("panel:newsletter_panel:send_test", args=[digest.pk])).status_code == 404
