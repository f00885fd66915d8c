"""Taking part, role by role: who may comment as whom, the standard form, editing and withdrawing until the
deadline by the server's clock, and the bad input the form must refuse."""

import datetime as dt

import pytest
from django.utils import timezone

from partnerstwo.consultations import participation
from partnerstwo.consultations.models import Capacity, Comment
from partnerstwo.consultations.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_consultation(department_x, official_x):
    return f.consultation(department_x, by=official_x)


def post_comment(client, consultation, anchor="par-2-ust-1", **data):
    values = {"unit": anchor, "capacity": "organization", "proposed_wording": "Nowe brzmienie.",
              "justification": "Bo tak lepiej.", **data}
    return client.post(f"/konsultacje/{consultation.slug}/uwaga/", values)


def test_a_representative_comments_on_a_provision_for_the_organisation(client, open_consultation, representative_a,
                                                                       organization_a):
    client.force_login(representative_a)

    response = post_comment(client, open_consultation, organization=organization_a.pk)

    assert response.status_code == 302 and response["Location"].endswith("#par-2-ust-1")
    comment = Comment.objects.get()
    assert comment.organization == organization_a and comment.capacity == Capacity.ORGANIZATION
    assert comment.current_wording == "Celem programu jest wzmocnienie organizacji."
    assert comment.unit.path_label == "§ 2 ust. 1"


def test_the_unit_page_shows_the_comment_with_the_word_difference(client, open_consultation, representative_a,
                                                                  organization_a):
    client.force_login(representative_a)
    post_comment(client, open_consultation, organization=organization_a.pk,
                 proposed_wording="Celem programu jest rozwój organizacji.")

    html = client.get(f"/konsultacje/{open_consultation.slug}/przepis/par-2-ust-1/").content.decode()

    assert "<del>wzmocnienie</del><ins>rozwój</ins>" in html and "Fundacja Alfa" in html


def test_a_representative_cannot_speak_for_an_organisation_they_do_not_represent(
        client, open_consultation, representative_a, organization_a, organization_b):
    client.force_login(representative_a)

    response = post_comment(client, open_consultation, organization=organization_b.pk)

    assert response.status_code == 400 and not Comment.objects.exists()


def test_a_resident_may_not_comment_unless_residents_are_consulted(client, open_consultation, resident):
    client.force_login(resident)

    assert post_comment(client, open_consultation, capacity="person").status_code == 403
    open_consultation.for_residents = True
    open_consultation.save()
    assert post_comment(client, open_consultation, capacity="person").status_code == 302
    assert Comment.objects.get().public_author() == "osoba prywatna"


def test_someone_not_signed_in_is_sent_to_the_login(client, open_consultation):
    response = post_comment(client, open_consultation)

    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_the_body_speaks_only_on_an_adopted_position(client, open_consultation, team_member):
    from partnerstwo.team.models import Body, Position

    client.force_login(team_member)
    assert post_comment(client, open_consultation, capacity="body").status_code == 400
    position = Position.objects.create(
        body=Body.objects.the_body(), title="Opinia o programie", text="…", status=Position.Status.ADOPTED,
        register_year=2026, register_number=1, decided_at=timezone.now(),
    )

    assert post_comment(client, open_consultation, capacity="body", body_position=position.pk).status_code == 302
    assert Comment.objects.get().public_author() == "Zespół Konsultacyjny"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("proposed_wording", "", "Wpisz proponowane brzmienie"),
    ("proposed_wording", "x" * 100_000, "najwyżej 10000 znaków"),
    ("justification", "   ", "Uzasadnij"),
])
def test_bad_input_is_refused_with_a_message_and_the_text_kept(client, open_consultation, representative_a,
                                                               organization_a, field, value, message):
    client.force_login(representative_a)

    response = post_comment(client, open_consultation, organization=organization_a.pk, **{field: value})

    assert response.status_code == 400 and message in response.content.decode().replace("\xa0", " ")
    assert "Bo tak lepiej." in response.content.decode() or field == "justification"
    assert not Comment.objects.exists()


def test_a_unit_that_no_longer_exists_is_refused(client, open_consultation, representative_a, organization_a):
    client.force_login(representative_a)

    response = post_comment(client, open_consultation, anchor="par-99", organization=organization_a.pk)

    assert response.status_code == 400 and "Tej jednostki nie ma" in response.content.decode()
    assert client.get(f"/konsultacje/{open_consultation.slug}/uwaga/?jednostka=par-99").status_code == 404


def test_after_the_deadline_the_form_is_closed_by_the_server_clock(client, open_consultation, representative_a,
                                                                   organization_a, fixed_clock):
    client.force_login(representative_a)
    fixed_clock.move_to(open_consultation.deadline() + dt.timedelta(seconds=1))

    response = post_comment(client, open_consultation, organization=organization_a.pk)

    assert response.status_code == 409 and "termin minął" in response.content.decode()
    assert not Comment.objects.exists()


def test_the_author_edits_and_withdraws_until_the_deadline(client, open_consultation, representative_a,
                                                           organization_a, representative_b, fixed_clock):
    client.force_login(representative_a)
    post_comment(client, open_consultation, organization=organization_a.pk)
    comment = Comment.objects.get()
    base = f"/konsultacje/{open_consultation.slug}/uwagi/{comment.pk}"

    response = client.post(f"{base}/edycja/", {"proposed_wording": "Inne.", "justification": "Inaczej."})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.proposed_wording == "Inne."

    client.force_login(representative_b)
    assert client.post(f"{base}/edycja/", {"proposed_wording": "X", "justification": "Y"}).status_code == 404

    client.force_login(representative_a)
    fixed_clock.move_to(open_consultation.deadline() + dt.timedelta(minutes=1))
    assert client.post(f"{base}/edycja/", {"proposed_wording": "Za późno", "justification": "Y"}).status_code == 409
    client.post(f"{base}/wycofanie/")
    comment.refresh_from_db()
    assert comment.withdrawn_at is None  # too late to withdraw too


def test_withdrawn_comments_stay_out_of_the_count(open_consultation, representative_a, organization_a):
    unit = participation.unit_for_comment(open_consultation, "par-1")
    comment = participation.submit_comment(
        open_consultation, by=representative_a, capacity="organization", organization=organization_a, unit=unit,
        proposed_wording="A", justification="B")

    participation.withdraw(comment, by=representative_a)

    assert open_consultation.comments.counted().count() == 0


def test_comments_hidden_until_the_end_when_the_consultation_says_so(client, department_x, official_x,
                                                                     representative_a, organization_a, resident):
    consultation = f.consultation(department_x, by=official_x, comments_public_at_once=False)
    unit = participation.unit_for_comment(consultation, "par-1")
    participation.submit_comment(consultation, by=representative_a, capacity="organization",
                                 organization=organization_a, unit=unit, proposed_wording="Ukryta propozycja",
                                 justification="B")

    assert "Ukryta propozycja" not in client.get(f"/konsultacje/{consultation.slug}/przepis/par-1/").content.decode()
    client.force_login(representative_a)
    assert "Ukryta propozycja" in client.get(f"/konsultacje/{consultation.slug}/przepis/par-1/").content.decode()


def test_the_organisation_profile_lists_the_consultations_it_took_part_in(client, open_consultation,
                                                                          representative_a, organization_a):
    participation.submit_comment(open_consultation, by=representative_a, capacity="organization",
                                 organization=organization_a, unit=None, proposed_wording="A", justification="B")

    html = client.get(organization_a.get_absolute_url()).content.decode()

    assert "Udział w konsultacjach" in html and open_consultation.title in html


def test_comments_on_a_provision_a_new_version_took_out_stay_in_view(client, open_consultation, representative_a,
                                                                     organization_a, official_x):
    from partnerstwo.consultations import drafting

    participation.submit_comment(
        open_consultation, by=representative_a, capacity="organization", organization=organization_a,
        unit=participation.unit_for_comment(open_consultation, "par-3"), proposed_wording="Wykonanie powierza się "
        "Radzie.", justification="Rada lepiej.")
    drafting.save_text(open_consultation, text=f.TEXT.split("§ 3.")[0], by=official_x, note="Bez § 3.")

    html = client.get(open_consultation.get_absolute_url()).content.decode()

    assert 'id="par-3"' not in html and "Uwagi do przepisów, których nie ma w obecnej wersji" in html
    assert "<ins>Radzie.</ins>" in html or "Radzie." in html


def test_each_provision_links_to_its_comments_and_to_the_form(client, open_consultation, representative_a,
                                                              organization_a):
    participation.submit_comment(open_consultation, by=representative_a, capacity="organization",
                                 organization=organization_a, unit=participation.unit_for_comment(
                                     open_consultation, "par-2-ust-1"), proposed_wording="A", justification="B")
    client.force_login(representative_a)

    html = client.get(open_consultation.get_absolute_url()).content.decode()

    assert f'href="/konsultacje/{open_consultation.slug}/przepis/par-2-ust-1/"' in html
    assert f'href="/konsultacje/{open_consultation.slug}/uwaga/?jednostka=par-1"' in html
    assert client.get(f"/konsultacje/{open_consultation.slug}/przepis/par-2-ust-1/").status_code == 200


def test_the_units_kept_in_memory_follow_new_comments_and_the_form(client, open_consultation, representative_a,
                                                                  organization_a):
    """The rendered units are kept per state (views._units_html): a new comment or a reader who may comment sees
    the page as it is now."""
    path = open_consultation.get_absolute_url()
    link = f'href="/konsultacje/{open_consultation.slug}/przepis/par-2-ust-1/"'
    html = client.get(path).content.decode()
    assert link not in html and "?jednostka=par-1" not in html

    participation.submit_comment(open_consultation, by=representative_a, capacity="organization",
                                 organization=organization_a, unit=participation.unit_for_comment(
                                     open_consultation, "par-2-ust-1"), proposed_wording="A", justification="B")
    html = client.get(path).content.decode()
    assert link in html and "?jednostka=par-1" not in html
    client.force_login(representative_a)
    assert "?jednostka=par-1" in client.get(path).content.decode()
