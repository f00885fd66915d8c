"""Bad input on every form of consultations: a clear message, what was typed kept, nothing saved, never a 500."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from partnerstwo.consultations import participation
from partnerstwo.consultations.models import Answer, Comment, Consultation, Document, WrittenOpinion
from partnerstwo.consultations.tests import factories as f

pytestmark = pytest.mark.django_db

HUGE = "x" * 100_000


def text_of(response) -> str:
    return response.content.decode().replace("\xa0", " ")


def on_the_test_clock(values: dict) -> dict:
    """"DAYS+2" is a day counted from today on the test's clock (parameters are made before the clock is set)."""
    today = timezone.localdate()
    return {key: (today + dt.timedelta(days=int(value[4:]))).isoformat()
            if isinstance(value, str) and value.startswith("DAYS") else value for key, value in values.items()}


def form_data(**extra):
    today = timezone.localdate()
    extra = on_the_test_clock(extra)
    return {
        "title": "Program współpracy 2027", "kind": "programme", "legal_basis": "art. 5a ustawy",
        "summary": "Projekt.", "for_ngos": "on", "starts_on": today.isoformat(),
        "ends_on": (today + dt.timedelta(days=13)).isoformat(), "form_site": "on", "comments_public_at_once": "on",
        "contact_name": "Ksawery", "contact_email": "x@um.example.org", **extra,
    }


@pytest.mark.parametrize(("extra", "message"), [
    ({"title": ""}, "To pole jest wymagane"),
    ({"title": HUGE}, "najwyżej 300 znaków"),
    ({"summary": HUGE}, "5000"),
    ({"ends_on": "DAYS-3"}, "nie może być wcześniejszy"),
    ({"starts_on": "jutro"}, "Wpisz poprawną datę"),
    ({"for_ngos": ""}, "Wskaż, kogo konsultacje dotyczą"),
    ({"form_meeting": "on"}, "Podaj początek spotkania"),
    ({"contact_email": "nie-adres"}, "poprawny adres"),
])
def test_preparing_a_consultation_refuses_bad_input(client, official_x, extra, message):
    client.force_login(official_x)

    response = client.post("/panel/konsultacje/nowe/", form_data(**extra))

    assert response.status_code == 400 and message in text_of(response)
    assert "Ksawery" in text_of(response)  # what was typed stays
    assert not Consultation.objects.exists()


@pytest.mark.parametrize(("data", "message"), [
    ({"text": ""}, "Wklej tekst projektu"),
    ({"text": "x" * 500_001}, "najwyżej 500000 znaków"),
])
def test_the_draft_text_refuses_bad_input(client, department_x, official_x, data, message):
    consultation = f.consultation(department_x, by=official_x, announced=False, text="")
    client.force_login(official_x)

    response = client.post(f"/panel/konsultacje/{consultation.pk}/tekst/", data)

    assert response.status_code == 400 and message in text_of(response)
    assert not consultation.versions.exists()


def test_a_new_version_needs_a_note_and_a_change(client, department_x, official_x):
    consultation = f.consultation(department_x, by=official_x)
    client.force_login(official_x)
    url = f"/panel/konsultacje/{consultation.pk}/tekst/"

    response = client.post(url, {"text": f.TEXT + "\n§ 4. Nowy.", "note": ""})
    assert response.status_code == 400 and "co się zmieniło" in text_of(response)
    response = client.post(url, {"text": f.TEXT, "note": "Nic."})
    assert response.status_code == 400 and "taki sam" in text_of(response)
    assert consultation.versions.count() == 1


def test_a_document_must_be_a_pdf(client, department_x, official_x):
    consultation = f.consultation(department_x, by=official_x, announced=False)
    client.force_login(official_x)

    response = client.post(f"/panel/konsultacje/{consultation.pk}/dokumenty/", {
        "kind": "draft", "title": "Projekt", "file": SimpleUploadedFile("projekt.pdf", b"not a pdf at all")},
        follow=True)

    assert response.status_code == 200 and not Document.objects.exists()
    assert "PDF" in text_of(response)


@pytest.mark.parametrize(("extra", "message"), [
    ({"author_name": ""}, "To pole jest wymagane"),
    ({"received_on": "DAYS+2"}, "z przyszłości"),
    ({"proposed_wording": ""}, "To pole jest wymagane"),
    ({"justification": HUGE}, "najwyżej 10000 znaków"),
    ({"unit": "par-99"}, "Wybierz poprawną wartość"),
    ({"channel": "site"}, "Wybierz poprawną wartość"),
])
def test_entering_a_received_comment_refuses_bad_input(client, department_x, official_x, extra, message):
    consultation = f.consultation(department_x, by=official_x)
    client.force_login(official_x)

    response = client.post(f"/panel/konsultacje/{consultation.pk}/uwagi/nowa/", {
        "channel": "paper", "capacity": "organization", "author_name": "Koło Gospodyń",
        "received_on": timezone.localdate().isoformat(), "unit": "par-1", "proposed_wording": "Nowe.",
        "justification": "Bo.", **on_the_test_clock(extra)})

    assert response.status_code == 400 and message in text_of(response)
    assert not Comment.objects.exists()


@pytest.fixture
def closed_with_comment(department_x, official_x, representative_a, organization_a, fixed_clock):
    consultation = f.consultation(department_x, by=official_x)
    participation.submit_comment(consultation, by=representative_a, capacity="organization",
                                 organization=organization_a, unit=None, proposed_wording="A", justification="B")
    fixed_clock.move_to(consultation.deadline() + dt.timedelta(hours=1))
    return consultation


@pytest.mark.parametrize(("data", "message"), [
    ({"decision": "accepted", "justification": "Tak."}, "Zaznacz co najmniej jedną uwagę"),
    ({"comments": ["OTHER"], "decision": "maybe", "justification": "Tak."}, "Wybierz poprawną wartość"),
    ({"comments": ["OWN"], "justification": "Tak."}, "Wybierz rozstrzygnięcie"),
    ({"comments": ["OWN"], "decision": "accepted", "justification": ""}, "To pole jest wymagane"),
    ({"comments": ["OWN"], "decision": "accepted", "justification": HUGE}, "najwyżej 10000 znaków"),
    ({"comments": ["abc"], "decision": "accepted", "justification": "Tak."}, "Wybierz poprawną wartość"),
])
def test_answering_refuses_bad_input(client, closed_with_comment, department_x, official_x, representative_a,
                                     organization_a, data, message):
    other = f.consultation(department_x, by=official_x, title="Inne")
    other_comment = Comment.objects.create(consultation=other, capacity="organization", organization=organization_a,
                                           author_name="X", proposed_wording="P", justification="J")
    own = closed_with_comment.comments.get()
    replace = {"OWN": str(own.pk), "OTHER": str(other_comment.pk)}
    if "comments" in data:
        data = {**data, "comments": [replace.get(value, value) for value in data["comments"]]}
    client.force_login(official_x)

    response = client.post(f"/panel/konsultacje/{closed_with_comment.pk}/odpowiedzi/", data)

    assert response.status_code == 400 and message in text_of(response)
    assert not Answer.objects.exists()


@pytest.mark.parametrize(("data", "message"), [
    ({"outcome": ""}, "To pole jest wymagane"),
    ({"outcome": HUGE}, "najwyżej 10000 znaków"),
    ({"outcome": "Wynik.", "meeting_minutes": "x" * 20_001}, "najwyżej 20000 znaków"),
    ({"outcome": "Wynik."}, "Bez odpowiedzi pozostało uwag: 1"),
])
def test_the_report_refuses_bad_input(client, closed_with_comment, official_x, data, message):
    client.force_login(official_x)

    response = client.post(f"/panel/konsultacje/{closed_with_comment.pk}/sprawozdanie/", data)

    assert response.status_code == 400 and message in text_of(response)
    closed_with_comment.refresh_from_db()
    assert not closed_with_comment.report_published


def test_the_report_needs_the_minutes_of_the_meeting(client, department_x, official_x, fixed_clock):
    now = timezone.now()
    consultation = f.consultation(department_x, by=official_x, form_meeting=True, meeting_starts_at=now,
                                  meeting_ends_at=now + dt.timedelta(hours=2), meeting_place="ul. Słonimska 1")
    fixed_clock.move_to(consultation.deadline() + dt.timedelta(hours=1))
    client.force_login(official_x)

    response = client.post(f"/panel/konsultacje/{consultation.pk}/sprawozdanie/", {"outcome": "Wynik."})

    assert response.status_code == 400 and "protokół" in text_of(response)


def test_a_written_opinion_must_be_a_pdf_with_a_title(client, department_x, official_x, representative_a,
                                                      organization_a):
    consultation = f.consultation(department_x, by=official_x)
    client.force_login(representative_a)
    url = f"{consultation.get_absolute_url()}opinia/"

    response = client.post(url, {"capacity": "organization", "organization": organization_a.pk, "title": "Opinia",
                                 "file": SimpleUploadedFile("opinia.pdf", b"GIF89a not a pdf")})
    assert response.status_code == 400 and "PDF" in text_of(response)
    response = client.post(url, {"capacity": "organization", "organization": organization_a.pk, "title": ""})
    assert response.status_code == 400 and "To pole jest wymagane" in text_of(response)
    assert not WrittenOpinion.objects.exists()


def test_editing_a_comment_refuses_an_empty_proposal_and_keeps_the_rest(client, department_x, official_x,
                                                                       representative_a, organization_a):
    consultation = f.consultation(department_x, by=official_x)
    comment = participation.submit_comment(consultation, by=representative_a, capacity="organization",
                                           organization=organization_a, unit=None, proposed_wording="A",
                                           justification="B")
    client.force_login(representative_a)

    response = client.post(f"{consultation.get_absolute_url()}uwagi/{comment.pk}/edycja/", {
        "proposed_wording": "", "justification": "Nowe uzasadnienie"})

    assert response.status_code == 400 and "Wpisz proponowane brzmienie" in text_of(response)
    assert "Nowe uzasadnienie" in text_of(response)
    comment.refresh_from_db()
    assert comment.justification == "B"


def test_a_comment_with_a_forged_capacity_is_refused(client, department_x, official_x, representative_a,
                                                     organization_a):
    consultation = f.consultation(department_x, by=official_x)
    client.force_login(representative_a)

    for capacity in ("body", "person", "nonsense", ""):
        response = client.post(f"{consultation.get_absolute_url()}uwaga/", {
            "capacity": capacity, "organization": organization_a.pk, "proposed_wording": "X", "justification": "Y"})
        assert response.status_code == 400, capacity
    assert not Comment.objects.exists()


@pytest.mark.parametrize("query", [
    "?rok=abc", "?rok=99999", "?sfera=nie-ma-takiej", "?wydzial=abc", "?rodzaj=zly", "?etap=zly",
    "?strona-open=abc", "?strona-open=99999", "?q=" + "ą" * 300, "?q=%00",
])
def test_the_list_survives_any_query(client, department_x, official_x, query):
    f.consultation(department_x, by=official_x)

    assert client.get(f"/konsultacje/{query}").status_code == 200


def test_addresses_that_do_not_exist_are_404(client, department_x, official_x):
    consultation = f.consultation(department_x, by=official_x)
    base = consultation.get_absolute_url()

    for path in ("przepis/par-99/", "zmiany/1/", "zmiany/0/", "zmiany/99/", "uwagi/999999/edycja/"):
        assert client.get(base + path).status_code in (404, 302), path
    assert client.get("/konsultacje/nie-ma-takich/").status_code == 404
