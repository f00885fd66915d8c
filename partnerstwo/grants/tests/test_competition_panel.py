"""The panel: who sees and edits which competition, the announcement form and its refusals, documents, actions."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from partnerstwo.grants.competitions.models import Competition, CompetitionChange, CompetitionDocument, StatusChange
from partnerstwo.grants.tests import factories as make
from partnerstwo.grants.tests.competition_factories import at, competition, pdf, today

Status = Competition.Status
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def edit_url(made):
    return reverse("panel:grants_panel:edit", args=[made.pk])


def form_data(department=None, **overrides):
    """A valid announcement: last announcement today, offers 25 days later."""
    from partnerstwo.city.models import PublicTaskSphere

    deadline = today() + dt.timedelta(days=25)
    data = {
        "title": "Przeciwdziałanie uzależnieniom 2027",
        "slug": "",
        "reference": "DSS-I.526.1.2026",
        "year": str(deadline.year),
        "sphere": str(PublicTaskSphere.objects.order_by("position").first().pk),
        "mode": "support",
        "task_type": "Profilaktyka uzależnień wśród młodzieży.",
        "public_funds": "200000",
        "award_rules": "Dotacja do 90% kosztów.",
        "implementation_terms": "Od lutego do grudnia 2027.",
        "task_start": (deadline + dt.timedelta(days=40)).isoformat(),
        "task_end": (deadline + dt.timedelta(days=300)).isoformat(),
        "offer_deadline": f"{deadline.isoformat()}T15:30",
        "procedure_and_criteria": "Ocena formalna i merytoryczna.",
        "decision_date": (deadline + dt.timedelta(days=20)).isoformat(),
        "prior_tasks_note": "",
        "eligibility": "Organizacje pozarządowe.",
        "submission_info": "Generator ofert.",
        "bip_published_on": today().isoformat(),
        "notice_board_published_on": today().isoformat(),
        "website_published_on": today().isoformat(),
        "kryteria-TOTAL_FORMS": "1", "kryteria-INITIAL_FORMS": "0",
        "kryteria-MIN_NUM_FORMS": "0", "kryteria-MAX_NUM_FORMS": "1000",
        "kryteria-0-name": "Jakość zadania", "kryteria-0-kind": "merit", "kryteria-0-max_points": "10",
        "zadania-TOTAL_FORMS": "1", "zadania-INITIAL_FORMS": "0",
        "zadania-MIN_NUM_FORMS": "0", "zadania-MAX_NUM_FORMS": "1000",
        "zadania-0-year": str(deadline.year - 1), "zadania-0-task": "Profilaktyka 2026",
        "zadania-0-total_cost": "180000", "zadania-0-grants_to_organizations": "150000",
    }
    if department is not None:
        data["department"] = str(department.pk)
    data.update(overrides)
    return data


def test_an_official_creates_a_competition_in_their_own_department(client, official_x, department_x):
    client.force_login(official_x)
    response = client.post(reverse("panel:grants_panel:create"), form_data())
    made = Competition.objects.get()
    assert response.status_code == 302
    assert made.department == department_x and made.status == Status.PLANNED
    assert made.slug == "przeciwdzialanie-uzaleznieniom-2027"
    assert made.criteria.count() == 1 and made.prior_funding.count() == 1


def test_the_form_refuses_a_20_day_offer_period_naming_art_13_ust_1_and_the_earliest_date(client, official_x):
    client.force_login(official_x)
    deadline = today() + dt.timedelta(days=20)
    response = client.post(reverse("panel:grants_panel:create"), form_data(offer_deadline=f"{deadline}T15:30"))
    assert response.status_code == 200
    assert "art. 13 ust. 1" in response.content.decode()
    assert "najwcześniejszy dopuszczalny termin" in response.content.decode()
    assert not Competition.objects.exists()


@pytest.mark.parametrize("time, accepted", [("15:30", False), ("23:58", False), ("23:59", True)])
def test_the_form_accepts_the_21st_day_only_at_its_end(client, official_x, time, accepted):
    # Announced everywhere on Tuesday 2 Feb 2027; the 21st day after it is Tuesday 23 Feb, no holiday between.
    announced = "2027-02-02"
    with time_machine.travel(at(dt.date(2027, 2, 2), 9), tick=False):
        client.force_login(official_x)
        response = client.post(reverse("panel:grants_panel:create"), form_data(
            offer_deadline=f"2027-02-23T{time}", bip_published_on=announced, notice_board_published_on=announced,
            website_published_on=announced, task_start="2027-04-01", task_end="2027-11-30", decision_date="2027-03-20",
            year="2027",
        ))
    assert Competition.objects.exists() is accepted
    if not accepted:
        assert "23 lutego 2027, godz. 23:59" in response.content.decode()


@pytest.mark.parametrize("slug", ["wyniki", "harmonogram", "terminy-ics"])
def test_a_reserved_address_is_refused(client, official_x, slug):
    client.force_login(official_x)
    response = client.post(reverse("panel:grants_panel:create"), form_data(slug=slug))
    assert response.status_code == 200
    assert "zajęty przez inną stronę" in response.content.decode()


def test_a_title_that_would_make_a_reserved_address_is_refused(client, official_x):
    client.force_login(official_x)
    response = client.post(reverse("panel:grants_panel:create"), form_data(title="Wyniki"))
    assert "zajęty przez inną stronę" in response.content.decode()


def test_an_administrator_chooses_the_department(client, administrator, department_y):
    client.force_login(administrator)
    client.post(reverse("panel:grants_panel:create"), form_data(department_y))
    assert Competition.objects.get().department == department_y


def test_an_official_cannot_open_another_departments_competition(client, official_y, department_x):
    made = competition(department_x)
    client.force_login(official_y)
    assert client.get(edit_url(made)).status_code == 404
    assert client.post(reverse("panel:grants_panel:cancel", args=[made.pk]), {"ground": "no_offers"}).status_code == 404
    assert made.title not in client.get(reverse("panel:grants_panel:index")).content.decode()


def test_an_administrator_edits_every_competition(client, administrator, department_x):
    made = competition(department_x)
    client.force_login(administrator)
    assert client.get(edit_url(made)).status_code == 200


def test_a_team_member_reads_the_list_only(client, team_member, department_x):
    made = competition(department_x, status=Status.ACCEPTING)
    client.force_login(team_member)
    listing = client.get(reverse("panel:grants_panel:index"))
    assert listing.status_code == 200 and made.title in listing.content.decode()
    assert client.get(edit_url(made)).status_code == 403
    assert client.get(reverse("panel:grants_panel:create")).status_code == 403


@pytest.mark.parametrize("role", ["representative_a", "resident"])
def test_representatives_and_residents_are_kept_out(client, request, role, department_x):
    made = competition(department_x)
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("panel:grants_panel:index")).status_code == 403
    assert client.get(edit_url(made)).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, department_x):
    made = competition(department_x)
    response = client.get(edit_url(made))
    assert response.status_code == 302 and "login" in response["Location"]


def test_announcing_through_the_panel_is_a_post_after_a_confirmation_page(client, official_x, department_x):
    made = competition(department_x)
    client.force_login(official_x)
    url = reverse("panel:grants_panel:announce", args=[made.pk])
    assert "Ogłoś konkurs" in client.get(url).content.decode()
    made.refresh_from_db()
    assert made.status == Status.PLANNED  # GET changes nothing
    client.post(url)
    made.refresh_from_db()
    assert made.status == Status.ACCEPTING


def test_announcing_an_incomplete_competition_shows_what_is_missing(client, official_x, department_x):
    made = competition(department_x, prior=False)
    client.force_login(official_x)
    response = client.post(reverse("panel:grants_panel:announce", args=[made.pk]), follow=True)
    assert "pkt 7" in response.content.decode()
    made.refresh_from_db()
    assert made.status == Status.PLANNED


def test_editing_an_announced_competition_records_the_change_for_alerts(client, official_x, department_x):
    made = competition(department_x, status=Status.ACCEPTING, announced_on=today())
    client.force_login(official_x)
    page = client.get(edit_url(made))
    form = page.context["form"]
    data = form_data(title=made.title, year=str(made.year))
    data.update({name: form[name].value() for name in ["task_start", "task_end", "decision_date"]})
    for name in ["task_start", "task_end", "decision_date"]:
        data[name] = str(data[name])
    new_deadline = made.offer_deadline + dt.timedelta(days=3)
    data["offer_deadline"] = timezone.localtime(new_deadline).strftime("%Y-%m-%dT%H:%M")
    criteria, prior = page.context["criteria"], page.context["prior"]
    data.update(_formset_data(criteria, "kryteria"))
    data.update(_formset_data(prior, "zadania"))
    response = client.post(edit_url(made), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    made.refresh_from_db()
    change = CompetitionChange.objects.get(competition=made)
    assert made.revision == change.revision == 1
    assert "termin składania ofert zmieniono z" in change.summary.lower()
    assert change.changed_by == official_x


def _formset_data(formset, prefix):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(formset.initial_forms)),
        f"{prefix}-INITIAL_FORMS": str(len(formset.initial_forms)),
        f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for form in formset.initial_forms:
        for name in form.fields:
            value = form[name].value()
            if value not in (None, False):
                data[form.add_prefix(name)] = str(value)
    return data


def test_replacing_a_document_keeps_the_old_one_as_superseded_and_counts_as_a_change(
    client, official_x, department_x
):
    made = competition(department_x, status=Status.ACCEPTING)
    client.force_login(official_x)
    client.post(reverse("panel:grants_panel:documents", args=[made.pk]), {"title": "Regulamin", "file": pdf()})
    old = CompetitionDocument.objects.get()
    client.post(reverse("panel:grants_panel:replace_document", args=[made.pk, old.pk]), {"file": pdf("nowy.pdf")})
    old.refresh_from_db()
    new = CompetitionDocument.objects.exclude(pk=old.pk).get()
    assert not old.is_current and new.is_current and new.replaces == old
    made.refresh_from_db()
    assert made.revision == 2
    assert made.last_change_summary == "Poprawiono dokument „Regulamin”"


def test_a_file_that_is_not_a_pdf_is_refused(client, official_x, department_x):
    made = competition(department_x)
    client.force_login(official_x)
    response = client.post(reverse("panel:grants_panel:documents", args=[made.pk]),
                           {"title": "Regulamin", "file": pdf("regulamin.pdf", b"MZ not a pdf")})
    assert "nie jest dokumentem PDF" in response.content.decode()
    assert not CompetitionDocument.objects.exists()


@pytest.mark.parametrize("posted", [{}, {"ground": ""}, {"ground": "lack_of_funds"}, {"ground": "x" * 100_000}])
def test_cancelling_through_the_panel_requires_one_of_the_two_grounds(client, official_x, department_x, posted):
    made = competition(department_x, status=Status.CLOSED)
    client.force_login(official_x)
    url = reverse("panel:grants_panel:cancel", args=[made.pk])
    response = client.post(url, {**posted, "details": "Uzasadnienie, które zostaje w formularzu."})
    assert response.status_code == 200
    assert "Uzasadnienie, które zostaje w formularzu." in response.content.decode()
    made.refresh_from_db()
    assert made.status == Status.CLOSED


def test_the_panel_cancels_a_competition_without_offers_naming_the_ground(client, official_x, department_x):
    made = competition(department_x, status=Status.CLOSED)
    client.force_login(official_x)
    url = reverse("panel:grants_panel:cancel", args=[made.pk])
    assert client.get(url).context["form"].initial == {"ground": "no_offers"}  # the ground that holds, preselected
    client.post(url, {"ground": "no_offers", "details": ""})
    made.refresh_from_db()
    assert (made.status, made.cancellation_ground) == (Status.CANCELLED, "no_offers")
    assert made.cancellation_reason == "Nie złożono żadnej oferty (art. 18a)."


@pytest.mark.parametrize("status", [Status.ANNOUNCED, Status.ACCEPTING])
def test_the_panel_refuses_to_cancel_while_offers_may_still_come(client, official_x, department_x, status):
    made = competition(department_x, status=status)
    client.force_login(official_x)
    url = reverse("panel:grants_panel:cancel", args=[made.pk])
    assert "po upływie terminu składania ofert" in client.get(url).content.decode()
    client.post(url, {"ground": "no_offers"})
    made.refresh_from_db()
    assert made.status == status


def test_evaluation_cannot_be_started_early_through_the_panel(client, official_x, department_x):
    made = competition(department_x, status=Status.ACCEPTING)
    client.force_login(official_x)
    client.post(reverse("panel:grants_panel:start_evaluation", args=[made.pk]))
    made.refresh_from_db()
    assert made.status == Status.ACCEPTING


def test_results_are_published_through_the_panel(client, official_x, department_x):
    made = competition(department_x, status=Status.EVALUATION, announced_on=today() - dt.timedelta(days=40),
                       deadline=at(today() - dt.timedelta(days=5)))
    make.offer(made, formal="passed", with_file=False)
    client.force_login(official_x)
    client.post(reverse("panel:grants_panel:publish_results", args=[made.pk]), {"note": "Lista w załączniku."})
    made.refresh_from_db()
    assert made.status == Status.RESULTS
    assert StatusChange.objects.filter(competition=made, status=Status.RESULTS, changed_by=official_x).exists()


# --- The six factors of art. 15 ust. 1 as the default criteria -----------------------------------


def test_a_new_competitions_form_offers_the_six_factors_of_art_15_ust_1(client, official_x):
    client.force_login(official_x)
    page = client.get(reverse("panel:grants_panel:create")).content.decode()
    for point in range(1, 7):
        assert f"art. 15 ust. 1 pkt {point}" in page


def _defaults_posted(keep=range(6)):
    from partnerstwo.grants.competitions import rules

    data = {"kryteria-TOTAL_FORMS": "8", "kryteria-INITIAL_FORMS": "0",
            "kryteria-MIN_NUM_FORMS": "0", "kryteria-MAX_NUM_FORMS": "1000"}
    for index, default in enumerate(rules.default_criteria()):
        data.update({f"kryteria-{index}-name": default["name"] if index in keep else "",
                     f"kryteria-{index}-kind": "merit", f"kryteria-{index}-max_points": "10"})
    for index in (6, 7):  # the two empty rows, as a browser posts them
        data.update({f"kryteria-{index}-name": "", f"kryteria-{index}-kind": "merit",
                     f"kryteria-{index}-max_points": "0"})
    return data


def test_the_default_criteria_are_saved_as_offered(client, official_x):
    client.force_login(official_x)
    response = client.post(reverse("panel:grants_panel:create"), {**form_data(), **_defaults_posted()})
    assert response.status_code == 302
    made = Competition.objects.get()
    assert [c.name[-22:] for c in made.criteria.order_by("order", "id")] == [
        f"(art. 15 ust. 1 pkt {point})" for point in range(1, 7)
    ]
    assert set(made.criteria.values_list("max_points", flat=True)) == {10}


def test_a_default_criterion_whose_name_is_cleared_is_left_out(client, official_x):
    client.force_login(official_x)
    client.post(reverse("panel:grants_panel:create"), {**form_data(mode="entrusting"), **_defaults_posted(
        keep=[0, 1, 2, 4, 5])})  # point 4 (own funds) applies to support only
    made = Competition.objects.get()
    assert made.criteria.count() == 5
    assert not made.criteria.filter(name__contains="pkt 4").exists()


def test_a_default_criterion_with_bad_points_keeps_the_form_and_names_the_field(client, official_x):
    client.force_login(official_x)
    data = {**form_data(), **_defaults_posted(), "kryteria-2-max_points": "-3"}
    response = client.post(reverse("panel:grants_panel:create"), data)
    assert response.status_code == 200 and not Competition.objects.exists()
    assert "art. 15 ust. 1 pkt 3" in response.content.decode()
