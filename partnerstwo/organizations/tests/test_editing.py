"""Editing an organisation, role by role: who may, what publishes at once, what waits, what is kept."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from partnerstwo.lib.testing import message_text
from partnerstwo.organizations import editing
from partnerstwo.organizations.models import (
    LegalForm,
    OrganizationChangeRequest,
    OrganizationRevision,
    Representation,
)
from partnerstwo.organizations.tests import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def org_a(representative_a):
    org = make.organization("Fundacja Alfa", legal_form=LegalForm.FOUNDATION, phone="85 111 11 11")
    make.represent(representative_a, org)
    return org


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def edit_url(org):
    return reverse("my_organizations:edit", args=[org.slug])


def form_data(org, **changes):
    """The edit form as the browser sends it back: every current value, then the changes."""
    data = {
        "name": org.name, "short_name": org.short_name, "legal_form": org.legal_form, "krs": org.krs,
        "nip": org.nip, "regon": org.regon, "street": org.street, "postal_code": org.postal_code,
        "town": org.town, "district": org.district_id or "", "latitude": org.latitude or "",
        "longitude": org.longitude or "", "email": org.email, "phone": org.phone, "website": org.website,
        "facebook": org.facebook, "instagram": org.instagram, "other_social": org.other_social,
        "description": org.description, "statutory_goals": org.statutory_goals,
        "supervising_authority": org.supervising_authority, "opp_purpose": org.opp_purpose,
        "spheres": [s.pk for s in org.spheres.all()], "target_groups": [g.pk for g in org.target_groups.all()],
    }
    if org.looking_for_volunteers:
        data["looking_for_volunteers"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def staff_form_data(org, **changes):
    data = form_data(org, register_status=org.register_status, **changes)
    for flag in ("is_opp", "is_published"):
        if getattr(org, flag):
            data.setdefault(flag, "on")
    return data


def image_file(fmt="PNG", size=(120, 80), name="logo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#2a6").save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


# --- Who may edit ---


def test_a_representative_edits_their_organisation_and_it_publishes_at_once(client, representative_a, org_a):
    client.force_login(representative_a)

    response = client.post(edit_url(org_a), form_data(org_a, phone="85 222 22 22", description="Nowy opis"))

    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.phone == "85 222 22 22"
    assert org_a.updated_by == representative_a
    revision = org_a.revisions.get()
    assert revision.source == OrganizationRevision.Source.SELF_SERVICE
    assert revision.changed_by == representative_a
    assert revision.changes == {"phone": ["85 111 11 11", "85 222 22 22"], "description": ["", "Nowy opis"]}


def test_a_representative_cannot_open_or_change_another_organisation(client, representative_a, org_a, organization_b):
    client.force_login(representative_a)

    assert client.get(edit_url(organization_b)).status_code == 404
    assert client.post(edit_url(organization_b), form_data(organization_b, phone="1")).status_code == 404
    organization_b.refresh_from_db()
    assert organization_b.phone == ""


@pytest.mark.parametrize("role", ["resident", "team_member", "representative_b"])
def test_people_who_do_not_represent_the_organisation_get_404(client, request, role, org_a, organization_b):
    client.force_login(request.getfixturevalue(role))

    assert client.get(edit_url(org_a)).status_code == 404
    assert client.get(reverse("my_organizations:krs", args=[org_a.slug])).status_code == 404
    assert client.get(reverse("my_organizations:reports", args=[org_a.slug])).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, org_a):
    response = client.get(edit_url(org_a))

    assert response.status_code == 302
    assert "/konto/" in response["Location"]


def test_a_pending_claim_does_not_allow_editing(client, resident, org_a):
    make.represent(resident, org_a, status=Representation.Status.PENDING)
    client.force_login(resident)

    assert client.get(edit_url(org_a)).status_code == 404


@pytest.mark.parametrize("role", ["official_x", "official_y", "administrator"])
def test_officials_and_administrators_edit_any_organisation_directly(client, request, role, org_a):
    staff = request.getfixturevalue(role)
    client.force_login(staff)

    response = client.post(edit_url(org_a), staff_form_data(org_a, name="Fundacja Alfa i Omega", is_opp="on"))

    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.name == "Fundacja Alfa i Omega"
    assert org_a.is_opp
    assert not OrganizationChangeRequest.objects.exists()
    revision = org_a.revisions.get()
    assert revision.source == OrganizationRevision.Source.STAFF
    assert revision.changed_by == staff
    assert revision.changes["name"] == ["Fundacja Alfa", "Fundacja Alfa i Omega"]
    assert revision.changes["is_opp"] == [False, True]


def test_a_representative_cannot_set_the_register_facts(client, representative_a, org_a):
    client.force_login(representative_a)

    client.post(edit_url(org_a), form_data(org_a, is_opp="on", register_status="removed", is_published=""))

    org_a.refresh_from_db()
    assert not org_a.is_opp
    assert org_a.register_status == "active"
    assert org_a.is_published


# --- Identifying fields wait for approval ---


def test_a_representatives_change_of_name_or_nip_waits_for_an_official(client, representative_a, org_a):
    client.force_login(representative_a)
    old_nip = org_a.nip

    response = client.post(edit_url(org_a), form_data(org_a, name="Fundacja Alfa Nowa", nip="5213003700", phone="1"))

    assert response.status_code == 302
    org_a.refresh_from_db()
    assert (org_a.name, org_a.nip, org_a.phone) == ("Fundacja Alfa", old_nip, "1")
    change = OrganizationChangeRequest.objects.get()
    assert change.status == OrganizationChangeRequest.Status.PENDING
    assert change.changes == {"name": ["Fundacja Alfa", "Fundacja Alfa Nowa"], "nip": [old_nip, "5213003700"]}
    assert set(org_a.revisions.get().changes) == {"phone"}


def test_the_edit_form_shows_the_pending_values_so_saving_keeps_them(client, representative_a, org_a):
    client.force_login(representative_a)
    client.post(edit_url(org_a), form_data(org_a, name="Fundacja Alfa Nowa"))

    page = client.get(edit_url(org_a))
    assert page.context["form"]["name"].value() == "Fundacja Alfa Nowa"
    assert "Czekają na zatwierdzenie" in page.content.decode()

    client.post(edit_url(org_a), form_data(org_a, name="Fundacja Alfa Nowa", phone="2"))
    assert OrganizationChangeRequest.objects.get().changes["name"][1] == "Fundacja Alfa Nowa"

    client.post(edit_url(org_a), form_data(org_a, name="Fundacja Alfa"))  # typed back: the request is withdrawn
    assert not OrganizationChangeRequest.objects.exists()


def test_an_official_approves_a_pending_change_and_the_history_records_it(
    client, representative_a, official_x, org_a, use_smtp, django_capture_on_commit_callbacks
):
    editing.request_change(org_a, {"name": "Fundacja Alfa Nowa", "legal_form": "stowarzyszenie"},
                           user=representative_a)
    change = OrganizationChangeRequest.objects.get()
    client.force_login(official_x)

    assert "Fundacja Alfa Nowa" in client.get(reverse("panel:organizations_panel:changes")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("panel:organizations_panel:change_decide", args=[change.pk]),
                               {"decision": "approve"})

    assert response.status_code == 302
    org_a.refresh_from_db()
    change.refresh_from_db()
    assert (org_a.name, org_a.legal_form) == ("Fundacja Alfa Nowa", "stowarzyszenie")
    assert change.status == OrganizationChangeRequest.Status.APPROVED
    assert change.decided_by == official_x
    revision = change.revision
    assert revision.source == OrganizationRevision.Source.APPROVAL
    assert revision.changed_by == representative_a
    assert revision.changes["legal_form"] == ["fundacja", "stowarzyszenie"]
    [message] = use_smtp.wait_for(1)
    assert message["To"] == representative_a.email

    history = client.get(reverse("panel:organizations_panel:history", args=[org_a.slug])).content.decode()
    assert "Fundacja Alfa Nowa" in history
    assert "Zatwierdził(a): Ksawery Urzędnik" in history
    assert "stowarzyszenie" in history


def test_rejecting_a_change_needs_a_reason_and_changes_nothing(
    client, representative_a, official_x, org_a, use_smtp, django_capture_on_commit_callbacks
):
    editing.request_change(org_a, {"name": "Zła nazwa"}, user=representative_a)
    change = OrganizationChangeRequest.objects.get()
    client.force_login(official_x)
    url = reverse("panel:organizations_panel:change_decide", args=[change.pk])

    assert "Podaj powód odrzucenia" in client.post(url, {"decision": "reject"}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "reject", "reason": "Nazwa niezgodna z KRS."})

    change.refresh_from_db()
    org_a.refresh_from_db()
    assert change.status == OrganizationChangeRequest.Status.REJECTED
    assert org_a.name == "Fundacja Alfa"
    assert "Nazwa niezgodna z KRS." in message_text(use_smtp.wait_for(1)[0])


def test_approving_a_change_to_a_krs_taken_meanwhile_explains_instead_of_failing(
    client, representative_a, official_x, org_a
):
    editing.request_change(org_a, {"krs": "0000999999"}, user=representative_a)
    make.organization("Ktoś inny", krs="0000999999")
    change = OrganizationChangeRequest.objects.get()
    client.force_login(official_x)

    response = client.post(reverse("panel:organizations_panel:change_decide", args=[change.pk]),
                           {"decision": "approve"})

    assert response.status_code == 200
    assert "Organizacja o tym numerze KRS jest już w katalogu." in response.content.decode()
    change.refresh_from_db()
    assert change.status == OrganizationChangeRequest.Status.PENDING


@pytest.mark.parametrize("role", ["resident", "representative_a", "team_member"])
def test_only_officials_and_administrators_decide_changes_and_see_history(client, request, role, org_a):
    client.force_login(request.getfixturevalue(role))

    assert client.get(reverse("panel:organizations_panel:changes")).status_code == 403
    assert client.get(reverse("panel:organizations_panel:history", args=[org_a.slug])).status_code == 403


# --- Validation ---


def test_identifiers_are_stored_compact_and_padded(client, official_x, org_a):
    client.force_login(official_x)

    client.post(edit_url(org_a), staff_form_data(org_a, krs="30897", nip="PL 521-300-37-00", regon="123-456-785",
                                                 postal_code="15082"))

    org_a.refresh_from_db()
    assert (org_a.krs, org_a.nip, org_a.regon, org_a.postal_code) == ("0000030897", "5213003700", "123456785", "15-082")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("nip", "5213003701", "NIP ma błędną cyfrę kontrolną"),
        ("nip", "12345", "NIP ma 10 cyfr"),
        ("regon", "123456786", "REGON ma błędną cyfrę kontrolną"),
        ("regon", "1234", "REGON ma 9 albo 14 cyfr"),
        ("krs", "0000000000", "nie może składać się z samych zer"),
        ("krs", "12345678901", "najwyżej 10 cyfr"),
        ("krs", "KRS-12a", "tylko z cyfr"),
        ("postal_code", "15 08", "Kod pocztowy ma postać 00-000"),
    ],
)
def test_wrong_identifiers_get_a_polish_message_on_the_field(client, official_x, org_a, field, value, message):
    client.force_login(official_x)

    response = client.post(edit_url(org_a), staff_form_data(org_a, **{field: value}))

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert f'value="{value}"' in response.content.decode()  # the typed text is kept


@pytest.mark.parametrize("field", ["krs", "nip"])
def test_a_krs_or_nip_of_another_organisation_is_named_on_the_field(client, official_x, org_a, organization_b, field):
    client.force_login(official_x)

    response = client.post(edit_url(org_a), staff_form_data(org_a, **{field: getattr(organization_b, field)}))

    assert response.status_code == 200
    assert "jest już w katalogu" in response.context["form"].errors[field][0]


def test_a_representative_proposing_a_taken_nip_is_told_at_once(client, representative_a, org_a, organization_b):
    client.force_login(representative_a)

    response = client.post(edit_url(org_a), form_data(org_a, nip=organization_b.nip))

    assert "Organizacja o tym numerze NIP jest już w katalogu." in response.context["form"].errors["nip"]
    assert not OrganizationChangeRequest.objects.exists()


def test_coordinates_come_in_pairs_and_are_rounded(client, representative_a, org_a):
    client.force_login(representative_a)

    alone = client.post(edit_url(org_a), form_data(org_a, latitude="53.1"))
    assert "Podaj obie współrzędne" in alone.content.decode()

    client.post(edit_url(org_a), form_data(org_a, latitude="53.13251249", longitude="23.1688"))
    org_a.refresh_from_db()
    assert str(org_a.latitude) == "53.132512"
    assert org_a.revisions.get().changes["latitude"] == [None, "53.132512"]


def test_the_edit_page_loads_the_pin_picker_when_it_exists(client, representative_a, org_a):
    client.force_login(representative_a)

    body = client.get(edit_url(org_a)).content.decode()

    assert "data-pin-picker" in body
    assert 'name="latitude"' in body and 'name="longitude"' in body


def test_spheres_and_target_groups_are_kept_in_the_history_by_name(client, representative_a, org_a):
    from partnerstwo.city.models import PublicTaskSphere

    sphere = PublicTaskSphere.objects.active().first()
    client.force_login(representative_a)

    client.post(edit_url(org_a), form_data(org_a, spheres=[sphere.pk]))

    assert org_a.revisions.get().changes["spheres"] == [[], [str(sphere)]]


# --- Logo ---


def test_a_png_logo_is_accepted(client, representative_a, org_a):
    client.force_login(representative_a)

    response = client.post(edit_url(org_a), {**form_data(org_a), "logo": image_file()})

    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.logo.name.startswith("organizations/logos/")
    assert org_a.revisions.get().changes["logo"][0] == ""


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: image_file("GIF", name="logo.gif"), "JPEG, PNG lub WebP"),
        (lambda: image_file(size=(2400, 100)), "najwyżej 2000 × 2000 pikseli"),
        (lambda: SimpleUploadedFile("logo.png", b"not an image at all", content_type="image/png"),
         "nie jest obrazem"),
        (lambda: SimpleUploadedFile("logo.png", b"\x89PNG" + b"0" * (1024 * 1024 + 10), content_type="image/png"),
         "1 MB"),
    ],
)
def test_a_wrong_logo_gets_a_clear_message(client, representative_a, org_a, upload, message):
    client.force_login(representative_a)

    response = client.post(edit_url(org_a), {**form_data(org_a), "logo": upload()})

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["logo"])
    org_a.refresh_from_db()
    assert not org_a.logo


def test_a_big_but_valid_logo_is_refused_for_its_size(client, representative_a, org_a):
    buffer = io.BytesIO()
    Image.effect_noise((1200, 1200), 100).convert("RGB").save(buffer, format="PNG")
    assert buffer.tell() > 1024 * 1024
    client.force_login(representative_a)

    response = client.post(
        edit_url(org_a), {**form_data(org_a), "logo": SimpleUploadedFile("big.png", buffer.getvalue())}
    )

    assert "Logo może mieć najwyżej 1 MB" in response.context["form"].errors["logo"][0]


def test_saving_without_changes_writes_no_revision(client, representative_a, org_a):
    client.force_login(representative_a)

    client.post(edit_url(org_a), form_data(org_a))

    assert not org_a.revisions.exists()


def test_the_english_edit_form_gives_the_logo_rule_in_english(client, representative_a, org_a):
    client.force_login(representative_a)

    page = client.get("/en" + edit_url(org_a)).content.decode()

    assert "JPEG, PNG or WebP, at most 1 MB" in page and "najwyżej 1 MB" not in page
