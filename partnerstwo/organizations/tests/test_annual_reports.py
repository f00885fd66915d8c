"""Annual reports and financial statements: attached or linked by representatives, shown on the profile."""


import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from partnerstwo.organizations.models import AnnualReport, Organization
from partnerstwo.organizations.tests import factories as make

pytestmark = pytest.mark.django_db



def last_year() -> int:
    # Read when the test runs, on the test clock (conftest.fixed_clock), not when the module is imported.
    return timezone.localdate().year - 1
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def reports_url(org):
    return reverse("my_organizations:reports", args=[org.slug])


def pdf(name="sprawozdanie.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_a_representative_attaches_a_pdf_and_the_profile_shows_it(client, representative_a, organization_a):
    client.force_login(representative_a)

    response = client.post(reports_url(organization_a), {"year": last_year(), "kind": "annual_report", "file": pdf()})

    assert response.status_code == 302
    report = AnnualReport.objects.get()
    assert (report.organization, report.year, report.added_by) == (organization_a, last_year(), representative_a)
    assert report.file.name.endswith(".pdf")
    client.logout()
    profile = client.get(organization_a.get_absolute_url()).content.decode()
    assert f"Sprawozdanie merytoryczne {last_year()}" in profile
    assert report.file.url in profile


def test_a_report_may_be_a_link_instead_of_a_file(client, representative_a, organization_a):
    client.force_login(representative_a)

    client.post(reports_url(organization_a), {"year": last_year(), "kind": "financial_statement",
                                              "url": "https://sprawozdaniaopp.niw.gov.pl/alfa"})

    report = AnnualReport.objects.get()
    assert report.link == "https://sprawozdaniaopp.niw.gov.pl/alfa"
    assert "https://sprawozdaniaopp.niw.gov.pl/alfa" in client.get(organization_a.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"file": lambda: pdf("raport.docx")}, "file", "Dodaj plik PDF (z rozszerzeniem .pdf)."),
        ({"file": lambda: pdf(content=b"MZ\x90\x00 not a pdf")}, "file", "Ten plik nie jest dokumentem PDF."),
        ({"file": lambda: pdf(content=PDF + b"0" * (10 * 1024 * 1024))}, "file", "najwyżej 10 MB"),
        ({}, "file", "Dodaj plik PDF albo podaj adres — jedno z dwóch."),
        ({"file": lambda: pdf(), "url": "https://example.org/r.pdf"}, "file", "jedno z dwóch"),
        ({"year": last_year() + 5, "url": "https://example.org/r.pdf"}, "year", "mniejsza lub równa"),
        ({"year": "dwa tysiące", "url": "https://example.org/r.pdf"}, "year", "liczbę"),
    ],
)
def test_a_wrong_report_gets_a_polish_message_on_its_field(
    client, representative_a, organization_a, data, field, message
):
    client.force_login(representative_a)
    values = {"year": last_year(), "kind": "annual_report"}
    values.update({key: value() if callable(value) else value for key, value in data.items()})

    response = client.post(reports_url(organization_a), values)

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not AnnualReport.objects.exists()


def test_the_same_report_for_the_same_year_is_not_added_twice(client, representative_a, organization_a):
    AnnualReport.objects.create(organization=organization_a, year=last_year(), kind="annual_report", url="https://a.example.org")
    client.force_login(representative_a)

    response = client.post(reports_url(organization_a), {"year": last_year(), "kind": "annual_report",
                                                          "url": "https://b.example.org"})

    assert "jest już dodane" in response.context["form"].errors["year"][0]
    assert AnnualReport.objects.count() == 1


def test_a_representative_removes_a_report(client, representative_a, organization_a):
    report = AnnualReport.objects.create(
        organization=organization_a, year=last_year(), kind="annual_report", file=pdf()
    )
    path = report.file.path
    client.force_login(representative_a)

    client.post(reverse("my_organizations:report_delete", args=[organization_a.slug, report.pk]))

    assert not AnnualReport.objects.exists()
    import os

    assert not os.path.exists(path)


@pytest.mark.parametrize("role", ["resident", "representative_b", "team_member"])
def test_others_cannot_add_or_remove_reports(client, request, role, organization_a):
    report = AnnualReport.objects.create(organization=organization_a, year=last_year(), kind="annual_report",
                                         url="https://a.example.org")
    client.force_login(request.getfixturevalue(role))

    assert client.post(reports_url(organization_a), {"year": last_year(), "kind": "financial_statement",
                                                     "url": "https://x.example.org"}).status_code == 404
    delete_url = reverse("my_organizations:report_delete", args=[organization_a.slug, report.pk])
    assert client.post(delete_url).status_code == 404
    assert AnnualReport.objects.count() == 1


def test_an_official_may_add_a_report_for_any_organisation(client, official_x, organization_a):
    client.force_login(official_x)

    client.post(reports_url(organization_a), {"year": last_year(), "kind": "annual_report", "file": pdf()})

    assert AnnualReport.objects.get().added_by == official_x


def test_the_directory_can_filter_organisations_by_their_report_year(organization_a):
    other = make.organization("Stowarzyszenie Beta")
    AnnualReport.objects.create(organization=organization_a, year=last_year(), kind="annual_report", url="https://a.example.org")
    AnnualReport.objects.create(organization=organization_a, year=last_year(), kind="financial_statement",
                                url="https://b.example.org")

    assert list(Organization.objects.with_report_for(last_year())) == [organization_a]  # once, not once per report
    assert list(Organization.objects.with_report_for(last_year() - 1)) == []
    assert list(Organization.objects.without_report_for(last_year())) == [other]


def test_staff_see_which_published_organisations_have_not_published_a_report(client, official_x, organization_a):
    make.organization("Stowarzyszenie Beta")
    make.organization("Ukryta", is_published=False)
    make.organization("Wykreślona", register_status="removed")
    AnnualReport.objects.create(organization=organization_a, year=last_year(), kind="annual_report", url="https://a.example.org")
    client.force_login(official_x)
    url = reverse("panel:organizations_panel:missing_reports")

    response = client.get(url)

    names = [org.name for org in response.context["page_obj"]]
    assert names == ["Stowarzyszenie Beta"]
    assert response.context["year"] == last_year()
    earlier = client.get(url, {"rok": last_year() - 1})
    assert [org.name for org in earlier.context["page_obj"]] == ["Fundacja Alfa", "Stowarzyszenie Beta"]
    assert client.get(url, {"rok": "nie-rok"}).status_code == 200


def test_the_missing_reports_list_runs_a_constant_number_of_queries(client, official_x, django_assert_num_queries):
    from partnerstwo.city.models import District

    district = District.objects.create(name="Bojary", slug="bojary-test")
    for n in range(5):
        make.organization(f"Organizacja {n}", district=district)
    client.force_login(official_x)
    url = reverse("panel:organizations_panel:missing_reports")
    client.get(url)  # warm the session

    with django_assert_num_queries(6):
        client.get(url)
    for n in range(5, 15):
        make.organization(f"Organizacja {n}", district=district)
    with django_assert_num_queries(6):
        client.get(url)


@pytest.mark.parametrize("role", ["resident", "representative_a", "team_member"])
def test_only_officials_and_administrators_see_the_missing_reports(client, request, role):
    client.force_login(request.getfixturevalue(role))

    assert client.get(reverse("panel:organizations_panel:missing_reports")).status_code == 403
