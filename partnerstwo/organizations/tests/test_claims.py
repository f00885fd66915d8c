"""Joining an organisation: claiming or registering, confirming its e-mail, an official's decision."""

import pytest
from django.core import signing
from django.urls import reverse

from partnerstwo.lib.testing import first_link, message_text
from partnerstwo.organizations import claims
from partnerstwo.organizations.models import Organization, OrganizationRevision, Representation
from partnerstwo.organizations.tests import factories as make

pytestmark = pytest.mark.django_db

QUEUE = reverse("panel:organizations_panel:claims")


@pytest.fixture
def org():
    return make.organization("Fundacja Alfa", email="biuro@alfa.example.org")


def decide_url(representation):
    return reverse("panel:organizations_panel:claim_decide", args=[representation.pk])


def test_a_signed_in_resident_claims_an_organisation_and_its_address_gets_a_confirmation_link(
    client, resident, org, use_smtp, django_capture_on_commit_callbacks
):
    client.force_login(resident)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("my_organizations:claim", args=[org.slug]),
            {"role_in_organization": "prezes", "statement": "on"},
        )

    assert response.status_code == 302
    representation = Representation.objects.get(user=resident, organization=org)
    assert representation.status == Representation.Status.PENDING
    assert representation.kind == Representation.Kind.CLAIM
    [message] = use_smtp.wait_for(1)
    assert message["To"] == "biuro@alfa.example.org"
    link = first_link(message_text(message), "/moje-organizacje/potwierdz/")

    # Opening the link (as a mail scanner would) confirms nothing; the button does.
    path = link.split("127.0.0.1:8000", 1)[-1] if "127.0.0.1:8000" in link else link
    client.logout()
    page = client.get(path)
    assert page.status_code == 200
    assert "Potwierdzam" in page.content.decode()
    representation.refresh_from_db()
    assert representation.email_confirmed_at is None

    client.post(path)
    representation.refresh_from_db()
    org.refresh_from_db()
    assert representation.email_confirmed_at is not None
    assert org.contact_email_confirmed_at is not None
    # The confirmed address is kept apart: a later import that changes `email` does not redirect mailings.
    assert org.confirmed_contact_email == org.email.lower()


def test_claiming_asks_anonymous_visitors_to_sign_in(client, org):
    response = client.get(reverse("my_organizations:claim", args=[org.slug]))

    assert response.status_code == 302
    assert "/konto/" in response["Location"]


def test_a_claim_needs_the_statement_and_keeps_the_typed_text(client, resident, org):
    client.force_login(resident)

    response = client.post(reverse("my_organizations:claim", args=[org.slug]), {"role_in_organization": "skarbnik"})

    assert response.status_code == 200
    assert "Potwierdź, że możesz reprezentować organizację." in response.content.decode()
    assert 'value="skarbnik"' in response.content.decode()
    assert not Representation.objects.exists()


def test_nobody_claims_the_same_organisation_twice_or_an_unpublished_one(client, resident, org):
    client.force_login(resident)
    make.represent(resident, org, status=Representation.Status.PENDING)
    hidden = make.organization("Ukryta", is_published=False)

    assert client.get(reverse("my_organizations:claim", args=[org.slug])).status_code == 404
    assert client.get(reverse("my_organizations:claim", args=[hidden.slug])).status_code == 404


def test_a_rejected_claim_may_be_made_again(resident, org, official_x):
    representation = make.represent(
        resident, org, status=Representation.Status.REJECTED, decided_by=official_x, decision_reason="Brak danych"
    )

    again = claims.claim(user=resident, organization=org, role_in_organization="sekretarz")

    assert again.pk == representation.pk
    assert again.status == Representation.Status.PENDING
    assert again.decision_reason == ""


def test_the_claim_search_finds_organisations_to_join(client, resident, org):
    client.force_login(resident)

    response = client.get(reverse("my_organizations:claim_search"), {"q": "alfa"})

    assert reverse("my_organizations:claim", args=[org.slug]) in response.content.decode()


def test_registering_a_new_organisation_creates_it_unpublished_with_its_first_revision(
    client, resident, use_smtp, django_capture_on_commit_callbacks
):
    client.force_login(resident)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("my_organizations:register"), {
            "name": "Stowarzyszenie Nowe", "legal_form": "stowarzyszenie", "krs": "123456", "nip": "PL 521-300-37-00",
            "email": "kontakt@nowe.example.org", "town": "Białystok", "role_in_organization": "prezes",
        })

    assert response.status_code == 302, response.content.decode()
    org = Organization.objects.get(name="Stowarzyszenie Nowe")
    assert not org.is_published
    assert org.krs == "0000123456"
    assert org.nip == "5213003700"
    assert org.slug == "stowarzyszenie-nowe"
    representation = org.representations.get()
    assert (representation.user, representation.kind) == (resident, Representation.Kind.REGISTRATION)
    revision = org.revisions.get()
    assert revision.source == OrganizationRevision.Source.SELF_SERVICE
    assert revision.changes["name"] == [None, "Stowarzyszenie Nowe"]
    [message] = use_smtp.wait_for(1)
    assert message["To"] == "kontakt@nowe.example.org"


def test_registration_names_a_duplicate_krs_on_the_field(client, resident, org):
    client.force_login(resident)

    response = client.post(reverse("my_organizations:register"), {
        "name": "Kopia", "legal_form": "fundacja", "krs": org.krs.lstrip("0"), "email": "a@example.org",
    })

    assert response.status_code == 200
    form = response.context["form"]
    assert "Organizacja o tym numerze KRS jest już w katalogu." in form.errors["krs"][0]
    assert Organization.objects.count() == 1


def test_an_official_approves_a_claim_and_the_resident_becomes_a_representative(
    client, resident, official_x, org, use_smtp, django_capture_on_commit_callbacks
):
    representation = make.represent(resident, org, status=Representation.Status.PENDING)
    claims.confirm_email(representation)
    client.force_login(official_x)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(decide_url(representation), {"decision": "approve"})

    assert response.status_code == 302
    representation.refresh_from_db()
    resident.refresh_from_db()
    assert representation.status == Representation.Status.APPROVED
    assert representation.decided_by == official_x
    assert resident.role == resident.Role.REPRESENTATIVE
    assert Organization.objects.editable_by(resident).get() == org
    [message] = use_smtp.wait_for(1)
    assert message["To"] == resident.email
    assert "zatwierdził" in message_text(message)


def test_approving_a_registration_publishes_the_organisation(administrator, resident):
    org = make.organization("Nowa", is_published=False)
    representation = make.represent(
        resident, org, status=Representation.Status.PENDING, kind=Representation.Kind.REGISTRATION
    )

    claims.approve(representation, by=administrator, verified_otherwise=True)

    org.refresh_from_db()
    assert org.is_published
    assert org.revisions.get().changes == {"is_published": [False, True]}


def test_approval_without_a_confirmed_address_needs_another_verification(client, resident, official_x, org):
    representation = make.represent(resident, org, status=Representation.Status.PENDING)
    client.force_login(official_x)

    refused = client.post(decide_url(representation), {"decision": "approve"})
    assert refused.status_code == 200
    assert "nie został potwierdzony" in str(refused.context["form"].errors["verified_otherwise"])
    representation.refresh_from_db()
    assert representation.status == Representation.Status.PENDING

    client.post(decide_url(representation), {"decision": "approve", "verified_otherwise": "on"})
    representation.refresh_from_db()
    assert representation.status == Representation.Status.APPROVED


def test_a_rejection_needs_a_reason_and_the_user_receives_it(
    client, resident, official_y, org, use_smtp, django_capture_on_commit_callbacks
):
    representation = make.represent(resident, org, status=Representation.Status.PENDING)
    client.force_login(official_y)

    without = client.post(decide_url(representation), {"decision": "reject", "reason": "  "})
    assert "Podaj powód odrzucenia" in str(without.context["form"].errors["reason"])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(decide_url(representation), {"decision": "reject", "reason": "Nie działa Pan w tej fundacji."})
    representation.refresh_from_db()
    resident.refresh_from_db()
    assert representation.status == Representation.Status.REJECTED
    assert resident.role == resident.Role.RESIDENT
    [message] = use_smtp.wait_for(1)
    assert "Nie działa Pan w tej fundacji." in message_text(message)


def test_a_decided_claim_cannot_be_decided_again(resident, official_x, org):
    representation = make.represent(resident, org, status=Representation.Status.APPROVED)

    with pytest.raises(Exception, match="już zdecydowano"):
        claims.reject(representation, by=official_x, reason="Za późno")


@pytest.mark.parametrize(
    ("role", "status"),
    [("resident", 403), ("representative_a", 403), ("team_member", 403), ("official_x", 200), ("administrator", 200)],
)
def test_the_claim_queue_is_for_officials_and_administrators(client, request, role, status, org, resident):
    make.represent(resident, org, status=Representation.Status.PENDING)
    client.force_login(request.getfixturevalue(role))

    assert client.get(QUEUE).status_code == status


def test_the_claim_queue_lists_pending_claims_and_sends_strangers_to_sign_in(client, official_x, resident, org):
    make.represent(resident, org, status=Representation.Status.PENDING)

    assert client.get(QUEUE).status_code == 302
    client.force_login(official_x)
    assert "Fundacja Alfa" in client.get(QUEUE).content.decode()


def test_a_forged_or_outdated_confirmation_link_explains_itself(client, resident, org):
    representation = make.represent(resident, org, status=Representation.Status.PENDING)
    token = claims.confirmation_token(representation)

    forged = client.get(reverse("my_organizations:confirm_email", args=[token[:-3] + "abc"]))
    assert forged.status_code == 400
    assert "nieprawidłowy" in forged.content.decode()

    org.email = "nowy@alfa.example.org"
    org.save()
    outdated = client.post(reverse("my_organizations:confirm_email", args=[token]))
    assert outdated.status_code == 400
    assert "nieaktualny" in outdated.content.decode()
    representation.refresh_from_db()
    assert representation.email_confirmed_at is None


def test_an_expired_confirmation_link_says_how_to_get_a_new_one(client, resident, org, monkeypatch):
    representation = make.represent(resident, org, status=Representation.Status.PENDING)
    token = claims.confirmation_token(representation)
    monkeypatch.setattr(claims, "CONFIRMATION_MAX_AGE", -1)

    response = client.get(reverse("my_organizations:confirm_email", args=[token]))

    assert response.status_code == 400
    assert "Link wygasł" in response.content.decode()
    assert signing.loads(token, salt=claims.CONFIRMATION_SALT)["r"] == representation.pk


def test_the_confirmation_can_be_sent_again_to_the_organisation(
    client, resident, org, use_smtp, django_capture_on_commit_callbacks
):
    representation = make.represent(resident, org, status=Representation.Status.PENDING)
    client.force_login(resident)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("my_organizations:resend_confirmation", args=[representation.pk]))

    assert use_smtp.wait_for(1)[0]["To"] == org.email


def test_nobody_resends_someone_elses_confirmation(client, resident, representative_b, org):
    representation = make.represent(resident, org, status=Representation.Status.PENDING)
    client.force_login(representative_b)

    assert client.post(reverse("my_organizations:resend_confirmation", args=[representation.pk])).status_code == 404


def test_my_organisations_lists_what_i_represent_and_what_waits(client, representative_a, org):
    other = make.organization("Stowarzyszenie Czekające")
    make.represent(representative_a, org)
    make.represent(representative_a, other, status=Representation.Status.PENDING)
    client.force_login(representative_a)

    response = client.get(reverse("my_organizations:index"))

    body = response.content.decode()
    assert reverse("my_organizations:edit", args=[org.slug]) in body
    assert "Stowarzyszenie Czekające" in body
    assert reverse("my_organizations:edit", args=[other.slug]) not in body


def test_the_profile_offers_claiming_to_signed_in_users_and_editing_to_representatives(
    client, resident, representative_a, org
):
    make.represent(representative_a, org)
    url = org.get_absolute_url()
    claim_url = reverse("my_organizations:claim", args=[org.slug])
    edit_url = reverse("my_organizations:edit", args=[org.slug])

    anonymous = client.get(url).content.decode()
    assert claim_url not in anonymous and edit_url not in anonymous

    client.force_login(resident)
    as_resident = client.get(url).content.decode()
    assert claim_url in as_resident and edit_url not in as_resident

    client.force_login(representative_a)
    as_representative = client.get(url).content.decode()
    assert edit_url in as_representative and claim_url not in as_representative


def test_claims_are_limited_per_hour_so_nobody_spams_organisations(client, resident, monkeypatch):
    from partnerstwo.organizations import manage_views

    monkeypatch.setattr(manage_views, "JOIN_RATE", "2/h")
    orgs = [make.organization(f"Fundacja {n}") for n in range(3)]
    client.force_login(resident)

    responses = [
        client.post(reverse("my_organizations:claim", args=[org.slug]), {"statement": "on"}) for org in orgs
    ]

    assert [r.status_code for r in responses] == [302, 302, 200]
    assert "Wysłano już wiele zgłoszeń" in responses[2].content.decode()
    assert Representation.objects.count() == 2
