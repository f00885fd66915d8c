"""The published bulletin: the archive (paged, in a constant number of queries), an issue's page, its print layout
on A4 and its tagged, readable PDF; drafts are nobody's to see."""

import re
import zlib
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.urls import reverse

from partnerstwo.bulletin.tests.factories import issue, item
from partnerstwo.events.tests.factories import event, local
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.tests.factories import competition
from partnerstwo.lib.testing import assert_tagged_pdf
from partnerstwo.orgnews.models import Status
from partnerstwo.orgnews.tests.factories import post

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(organization_a):
    found = issue(2026, 4, title="Jesień w organizacjach", editorial="Witamy w **czwartym** wydaniu.")
    item(found, post=post(organization_a, "Sprzątanie parku", body="Zebraliśmy **40 worków** śmieci."),
         note="Brawo dla wolontariuszy.")
    item(found, event=event(title="Forum organizacji", starts_at=local(2026, 11, 20, 10)))
    item(found, competition=competition(title="Kultura na osiedlach", status=Competition.Status.RESULTS,
                                        results_note="Dotacje dostało **12 organizacji**."))
    return found


def test_the_archive_lists_published_issues_only(client, published):
    issue(2026, 3, title="Szkic wydania", published=False)
    page = client.get(reverse("bulletin:archive")).content.decode()
    assert "Jesień w organizacjach" in page and "Szkic wydania" not in page
    assert published.get_pdf_url() in page


def test_a_draft_is_a_404_everywhere(client, official_x):
    draft = issue(2026, 3, published=False)
    client.force_login(official_x)  # not even staff read a draft on the public site
    for url in (draft.get_absolute_url(), draft.get_print_url(), draft.get_pdf_url()):
        assert client.get(url).status_code == 404


def test_the_issue_page_shows_the_editorial_and_the_items_in_order_with_notes(client, published, organization_a):
    hidden = item(published, post=post(organization_a, "Wycofana"))
    hidden.post.status = Status.RETURNED
    hidden.post.save()
    page = client.get(published.get_absolute_url()).content.decode()
    assert "<strong>czwartym</strong>" in page and "Brawo dla wolontariuszy." in page
    assert page.index("Sprzątanie parku") < page.index("Forum organizacji") < page.index("Kultura na osiedlach")
    assert "Zebraliśmy 40 worków śmieci." in page and "Wycofana" not in page
    assert published.get_print_url() in page and published.get_pdf_url() in page


def test_the_print_layout_is_a4_in_columns(client, published):
    page = client.get(published.get_print_url()).content.decode()
    assert "css/bulletin.css" in page and "Kultura na osiedlach" in page and "http://" in page
    stylesheet = Path(finders.find("css/bulletin.css")).read_text(encoding="utf-8")
    assert "size: A4" in stylesheet and "column-count: 3" in stylesheet


def inflated(pdf: bytes) -> bytes:
    found = b""
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            found += zlib.decompress(match.group(1))
        except zlib.error:
            continue
    return found


def pdf_text(pdf: bytes) -> str:
    """The PDF's text as a reader's software gets it: the glyphs of the pages' text operators through the fonts'
    ToUnicode maps (pypdf is not among the project's dependencies). WeasyPrint writes each font's glyphs as 2-byte
    codes of the DejaVu family, whose faces share their glyph order, so the maps merge."""
    streams = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            streams.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    glyphs = {}
    for stream in streams:
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
            for source, target in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
                glyphs[int(source, 16)] = bytes.fromhex(target.decode()).decode("utf-16-be")
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", stream, re.S):
            for first, last, target in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
                start = int(target, 16)
                for offset, code in enumerate(range(int(first, 16), int(last, 16) + 1)):
                    glyphs[code] = chr(start + offset)
    pieces = []
    for stream in streams:
        for shown in re.findall(rb"\[(.*?)\]\s*TJ|<([0-9a-fA-F]+)>\s*Tj", stream, re.S):
            codes = b"".join(re.findall(rb"<([0-9a-fA-F]+)>", shown[0])) if shown[0] else shown[1]
            pieces.append("".join(glyphs.get(int(codes[i:i + 4], 16), "") for i in range(0, len(codes), 4)))
    return " ".join(" ".join(pieces).split())


def test_the_pdf_is_tagged_and_its_text_readable(client, published):
    cache.clear()
    response = client.get(published.get_pdf_url())
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    content = response.content
    assert_tagged_pdf(content)
    assert b"+DejaVu" in inflated(content)  # the embedded font with the Polish letters
    text = pdf_text(content)
    for expected in ("Jesień w organizacjach", "Sprzątanie parku", "Brawo dla wolontariuszy.", "Forum organizacji"):
        assert expected in text, expected


def test_the_archive_runs_a_constant_number_of_queries(client, django_assert_num_queries):
    issue(2026, 4)
    with django_assert_num_queries(2):  # the count, the page
        client.get(reverse("bulletin:archive"))
    for year in range(2015, 2026):
        for number in (1, 2, 3, 4):
            issue(year, number)
    with django_assert_num_queries(2):
        response = client.get(reverse("bulletin:archive"), {"strona": "2"})
    assert response.status_code == 200 and response.context["page_obj"].number == 2


def test_an_issue_page_runs_a_constant_number_of_queries(client, published, organization_a,
                                                         django_assert_num_queries):
    with django_assert_num_queries(2):  # the issue, its items with what they show
        client.get(published.get_absolute_url())
    for index in range(10):
        item(published, post=post(organization_a, f"Więcej {index}"))
    with django_assert_num_queries(2):
        client.get(published.get_absolute_url())
