"""The Django admin cannot change what an announced competition says: art. 13 checks and change records live
in the panel."""

import datetime as dt

import pytest

from partnerstwo.grants.competitions.models import Competition, CompetitionChange, Criterion
from partnerstwo.grants.tests.competition_factories import at, competition

Status = Competition.Status
pytestmark = pytest.mark.django_db


def change_url(made):
    return f"/admin/grants/competition/{made.pk}/change/"


def admin_data(made, **overrides):
    """What the admin's change form posts for `made`, with its inlines empty of new rows."""
    data = {
        "slug": made.slug, "reference": made.reference, "title": made.title, "year": made.year,
        "department": made.department_id, "sphere": made.sphere_id, "mode": made.mode,
        "task_type": made.task_type, "public_funds": made.public_funds, "award_rules": made.award_rules,
        "implementation_terms": made.implementation_terms, "task_start": made.task_start,
        "task_end": made.task_end,
        "offer_deadline_0": made.offer_deadline.astimezone().date().isoformat(),
        "offer_deadline_1": "12:00:00",
        "procedure_and_criteria": made.procedure_and_criteria, "decision_date": made.decision_date,
        "eligibility": made.eligibility, "submission_info": made.submission_info,
        "bip_published_on": made.bip_published_on, "notice_board_published_on": made.notice_board_published_on,
        "website_published_on": made.website_published_on, "cancellation_reason": "", "results_note": "",
    }
    for prefix in ["criteria", "prior_funding", "documents", "status_changes", "changes"]:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(overrides)
    return data


@pytest.mark.parametrize("status", [Status.ANNOUNCED, Status.ACCEPTING, Status.CLOSED, Status.RESULTS])
def test_an_announced_competitions_announcement_is_read_only_in_the_admin_with_a_link_to_the_panel(
    client, administrator, department_x, status
):
    made = competition(department_x, status=status)
    client.force_login(administrator)

    page = client.get(change_url(made)).content.decode()

    assert 'name="offer_deadline_0"' not in page and 'name="bip_published_on"' not in page
    assert 'name="criteria-0-name"' not in page
    assert f"/panel/konkursy/{made.pk}/" in page


def test_a_deadline_posted_to_the_admin_for_an_announced_competition_changes_nothing(
    client, administrator, department_x
):
    made = competition(department_x, status=Status.ACCEPTING)
    deadline = made.offer_deadline
    client.force_login(administrator)
    shorter = (made.bip_published_on + dt.timedelta(days=3)).isoformat()

    client.post(change_url(made), admin_data(
        made, offer_deadline_0=shorter, bip_published_on=shorter, title="Nowy tytuł",
        **{"criteria-TOTAL_FORMS": "1", "criteria-0-name": "Nowe", "criteria-0-kind": "merit",
           "criteria-0-max_points": "5", "criteria-0-order": "0"},
    ))

    made.refresh_from_db()
    assert made.offer_deadline == deadline and made.title != "Nowy tytuł"
    assert not Criterion.objects.filter(name="Nowe").exists()
    assert made.revision == 0 and not CompetitionChange.objects.exists()


def test_a_planned_competition_can_still_be_repaired_in_the_admin(client, administrator, department_x):
    made = competition(department_x, status=Status.PLANNED)
    client.force_login(administrator)

    response = client.post(change_url(made), admin_data(made, title="Poprawiony tytuł", created_by=administrator.pk))

    assert response.status_code == 302, response.context["adminform"].form.errors
    made.refresh_from_db()
    assert made.title == "Poprawiony tytuł"
    assert made.offer_deadline == at(made.offer_deadline.astimezone().date(), 12)


def test_officials_do_not_reach_the_admin(client, official_x, department_x):
    made = competition(department_x, status=Status.ACCEPTING)
    client.force_login(official_x)

    assert client.get(change_url(made)).status_code in (302, 403)
