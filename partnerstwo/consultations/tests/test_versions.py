"""An earlier version of the draft has a page of its own: its units at their anchors, what the next version changed
in each, and the comments made on it, by the consultation's rules of visibility; the consultation links to it."""

import pytest

from partnerstwo.consultations import drafting, participation
from partnerstwo.consultations.tests import factories as f
from partnerstwo.consultations.tests.test_query_counts import queries

pytestmark = pytest.mark.django_db


def comment_then_change(consultation, representative, organization, official):
    participation.submit_comment(
        consultation, by=representative, capacity="organization", organization=organization,
        unit=participation.unit_for_comment(consultation, "par-3"),
        proposed_wording="Wykonanie uchwały powierza się Radzie.", justification="Rada lepiej.")
    text = f.TEXT.replace("wzmocnienie", "rozwój").split("§ 3.")[0] + "§ 4. Uchwała wchodzi w życie po 14 dniach."
    drafting.save_text(consultation, text=text, by=official, note="Inny cel, bez § 3.")


def test_an_old_version_shows_its_units_the_changes_and_its_comments(client, department_x, official_x,
                                                                      representative_a, organization_a):
    consultation = f.consultation(department_x, by=official_x)
    comment_then_change(consultation, representative_a, organization_a, official_x)

    response = client.get(f"/konsultacje/{consultation.slug}/wersje/1/")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="par-3"' in html and 'id="par-2-ust-1"' in html  # its own units, at their anchors
    assert "<del>wzmocnienie</del><ins>rozwój</ins>" in html  # § 2 ust. 1 as version 2 changed it
    assert "Usunięty w wersji 2" in html and "Przepisy dodane w wersji 2" in html
    assert "Wykonanie uchwały powierza się Radzie." in html and "Fundacja Alfa" in html  # the comment made on it
    assert "Inny cel, bez § 3." in html
    assert f'href="/konsultacje/{consultation.slug}/zmiany/2/"' in html


def test_the_consultation_links_to_its_old_versions(client, department_x, official_x, representative_a,
                                                    organization_a):
    consultation = f.consultation(department_x, by=official_x)
    comment_then_change(consultation, representative_a, organization_a, official_x)

    html = client.get(consultation.get_absolute_url()).content.decode()

    assert f'href="/konsultacje/{consultation.slug}/wersje/1/"' in html
    assert f'href="/konsultacje/{consultation.slug}/wersje/2/"' not in html  # the current one is this page


def test_the_current_version_leads_to_the_consultation_and_a_missing_one_is_not_found(client, department_x,
                                                                                        official_x):
    consultation = f.consultation(department_x, by=official_x)
    drafting.save_text(consultation, text=f.TEXT + "\n§ 4. Nowy.", by=official_x, note="Dodano § 4.")

    response = client.get(f"/konsultacje/{consultation.slug}/wersje/2/")
    assert response.status_code == 302 and response["Location"] == consultation.get_absolute_url()
    assert client.get(f"/konsultacje/{consultation.slug}/wersje/3/").status_code == 404
    draft = f.consultation(department_x, by=official_x, title="Nieogłoszone", announced=False)
    assert client.get(f"/konsultacje/{draft.slug}/wersje/1/").status_code == 404


def test_comments_on_an_old_version_stay_hidden_until_the_end_when_the_consultation_says_so(
        client, department_x, official_x, representative_a, organization_a):
    consultation = f.consultation(department_x, by=official_x, comments_public_at_once=False)
    comment_then_change(consultation, representative_a, organization_a, official_x)
    path = f"/konsultacje/{consultation.slug}/wersje/1/"

    assert "Radzie." not in client.get(path).content.decode()
    client.force_login(representative_a)
    assert "Wykonanie uchwały powierza się Radzie." in client.get(path).content.decode()


def test_an_old_version_takes_the_same_number_of_queries_for_any_number_of_units_and_comments(
        client, department_x, official_x, representative_a, organization_a):
    small = f.consultation(department_x, by=official_x, title="Mały")
    large = f.consultation(department_x, by=official_x, title="Duży",
                           text="\n".join(f"§ {n}. Przepis {n}." for n in range(1, 60)))
    for consultation, count in ((small, 1), (large, 12)):
        for n in range(count):
            participation.submit_comment(
                consultation, by=representative_a, capacity="organization", organization=organization_a,
                unit=participation.unit_for_comment(consultation, f"par-{n % 3 + 1}"), proposed_wording=f"P {n}",
                justification="B")
        text = consultation.current_version().text.replace("1", "7")
        drafting.save_text(consultation, text=text, by=official_x, note="Zmiana.")

    assert queries(client, f"/konsultacje/{small.slug}/wersje/1/") == queries(
        client, f"/konsultacje/{large.slug}/wersje/1/")


def test_a_comment_on_an_earlier_version_counts_at_the_same_provision_of_the_current_one(
        client, department_x, official_x, representative_a, organization_a):
    consultation = f.consultation(department_x, by=official_x)
    participation.submit_comment(
        consultation, by=representative_a, capacity="organization", organization=organization_a,
        unit=participation.unit_for_comment(consultation, "par-1"), proposed_wording="A", justification="B")
    drafting.save_text(consultation, text=f.TEXT + "\n§ 4. Nowy.", by=official_x, note="Dodano § 4.")

    html = client.get(consultation.get_absolute_url()).content.decode()

    assert "1 uwaga do § 1" in html
    assert f'href="/konsultacje/{consultation.slug}/przepis/par-1/"' in html
